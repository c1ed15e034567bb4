"""A modal list of the entries behind one point of a theme chart; Enter opens one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ListItem, ListView, Static

from journal_tui.core.model import Entry
from journal_tui.tui.data import shown


class EntryRow(ListItem):
    def __init__(self, entry: Entry, text: str) -> None:
        super().__init__(Label(shown(text), markup=False))
        self.entry = entry


class ThemeEntriesDialog(ModalScreen[str | None]):
    """Returns the id of the entry chosen, or None (escape)."""

    DEFAULT_CSS = """
    ThemeEntriesDialog { align: center middle; background: $background 60%; }
    ThemeEntriesDialog > Vertical {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    ThemeEntriesDialog .title { text-style: bold; margin-bottom: 1; }
    ThemeEntriesDialog .hint { color: $text-muted; margin-top: 1; }
    ThemeEntriesDialog ListView { height: auto; max-height: 14; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", show=False)]

    def __init__(self, title: str, entries: list[Entry], hint: str, empty: str) -> None:
        super().__init__()
        self.title_text = title
        self.entries = entries
        self.hint = hint
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="title", markup=False)
            if self.entries:
                yield ListView(*(EntryRow(e, self._line(e)) for e in self.entries),
                               id="theme-entries")
            else:
                yield Static(self.empty, markup=False)
            yield Static(self.hint, classes="hint", markup=False)

    @staticmethod
    def _line(entry: Entry) -> str:
        title = entry.title or "…"
        if len(title) > 54:
            title = title[:53] + "…"
        return f"{entry.date:%Y-%m-%d} {entry.created:%H:%M}  {title}"

    @on(ListView.Selected, "#theme-entries")
    def chosen(self, event: ListView.Selected) -> None:
        assert isinstance(event.item, EntryRow)
        self.dismiss(event.item.entry.id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
