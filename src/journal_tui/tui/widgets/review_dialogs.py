"""The review's modal question: the export file exists (overwrite, new name, cancel)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

DIALOG_CSS = """
{name} {{
    align: center middle;
    background: $background 60%;
}}
{name} > Vertical {{
    width: 70;
    max-width: 95%;
    height: auto;
    max-height: 90%;
    border: thick $primary;
    background: $surface;
    padding: 1 2;
}}
{name} .question {{
    width: 1fr;
    margin-bottom: 1;
}}
{name} Horizontal {{
    height: auto;
    align-horizontal: right;
}}
{name} Button {{
    margin-left: 1;
    min-width: 8;
}}
"""


class ExportExistsDialog(ModalScreen[str]):
    """The export file exists: "overwrite", "new" (another name) or "cancel"."""

    DEFAULT_CSS = DIALOG_CSS.format(name="ExportExistsDialog")
    BINDINGS = [Binding("escape", "answer('cancel')", show=False)]

    def __init__(self, question: str, overwrite: str, new: str, cancel: str) -> None:
        super().__init__()
        self.question = question
        self.labels = {"overwrite": overwrite, "new": new, "cancel": cancel}

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, classes="question", markup=False)
            with Horizontal():
                yield Button(self.labels["cancel"], id="cancel")
                yield Button(self.labels["overwrite"], id="overwrite", variant="warning")
                yield Button(self.labels["new"], id="new", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#new", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or "cancel")

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
