"""Questions as modal screens: yes/no (``ConfirmDialog``, a ``bool``) or one of several
answers (``ChoiceDialog``, the answer's id), returned through ``dismiss``."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


def question_box(title: str, question: str, buttons: list[Button]) -> ComposeResult:
    """A dialog's box: its title, the question (as text) and the buttons."""
    with Vertical() as box:
        if title:
            box.border_title = title
        yield Static(question, classes="question", markup=False)
        with Horizontal():
            yield from buttons


class ConfirmDialog(ModalScreen[bool]):
    """Ask a question; ``True`` for yes. Escape answers no."""

    DEFAULT_CSS = """
    ConfirmDialog {
        align: center middle;
        background: $background 60%;
    }
    ConfirmDialog > Vertical {
        width: 60;
        max-width: 90%;
        height: auto;
        border: thick $primary;
        background: $surface;
        padding: 1 2;
    }
    ConfirmDialog .question {
        width: 1fr;
        margin-bottom: 1;
    }
    ConfirmDialog Horizontal {
        height: auto;
        align-horizontal: right;
    }
    ConfirmDialog Button {
        margin-left: 2;
        min-width: 10;
    }
    """

    BINDINGS = [Binding("escape", "answer(False)", show=False)]

    def __init__(self, question: str, yes: str, no: str, *, title: str = "",
                 default_yes: bool = False) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.dialog_title = title
        self.default_yes = default_yes

    def compose(self) -> ComposeResult:
        yield from question_box(self.dialog_title, self.question,
                                [Button(self.no, id="no"),
                                 Button(self.yes, id="yes", variant="primary")])

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default_yes else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)



class ChoiceDialog(ModalScreen[str]):
    """A question with several answers (buttons, left to right); ``dismiss`` returns
    the chosen answer's id, or ``""`` for Escape (decide later)."""

    DEFAULT_CSS = ConfirmDialog.DEFAULT_CSS.replace("ConfirmDialog", "ChoiceDialog")
    BINDINGS = [Binding("escape", "choose('')", show=False)]

    def __init__(self, question: str, choices: list[tuple[str, str]], *, title: str = "",
                 default: str = "") -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.dialog_title = title
        self.default = default or choices[-1][0]

    def compose(self) -> ComposeResult:
        yield from question_box(self.dialog_title, self.question, [
            Button(label, id=f"choice-{answer}",
                   variant="primary" if answer == self.default else "default")
            for answer, label in self.choices])

    def on_mount(self) -> None:
        self.query_one(f"#choice-{self.default}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_choose(self, answer: str) -> None:
        self.dismiss(answer)
