"""A modal list to pick one row from (the entries behind a chart's point, the
copies a sync kept): each row's text shown as text, Enter returns its id."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ListItem, ListView, Static

from journal_tui.tui.data import shown


class PickRow(ListItem):
    def __init__(self, text: str, value: str | None) -> None:
        super().__init__(Label(shown(text), markup=False))
        self.value = value


class PickDialog(ModalScreen[str | None]):
    """``rows``: (text, id) pairs, an id None for a row only to read. Returns the id
    of the row chosen, or None (escape)."""

    DEFAULT_CSS = """
    PickDialog { align: center middle; background: $background 60%; }
    PickDialog > Vertical {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    PickDialog .title { text-style: bold; margin-bottom: 1; }
    PickDialog .hint { color: $text-muted; margin-top: 1; }
    PickDialog ListView { height: auto; max-height: 14; }
    PickDialog ListItem Label { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", show=False)]

    def __init__(self, title: str, rows: list[tuple[str, str | None]], hint: str, empty: str,
                 *, list_id: str) -> None:
        super().__init__()
        self.title_text = title
        self.rows = rows
        self.hint = hint
        self.empty = empty
        self.list_id = list_id

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="title", markup=False)
            if self.rows:
                yield ListView(*(PickRow(text, value) for text, value in self.rows),
                               id=self.list_id)
            else:
                yield Static(self.empty, markup=False)
            yield Static(self.hint, classes="hint", markup=False)

    @on(ListView.Selected)
    def chosen(self, event: ListView.Selected) -> None:
        if isinstance(event.item, PickRow) and event.item.value is not None:
            self.dismiss(event.item.value)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
