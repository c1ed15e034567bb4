"""The versions a sync kept side by side (``core.conflicts``), listed in a modal.

Each line is the core's description (which copy, beside which file, what to do),
shown as text. Choosing an entry copy returns its id (the Journal screen opens
it); copies that are no entry (Syncthing's, Dropbox's, ``people-conflict``) are
listed for the person to sort out in their files.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ListItem, ListView, Static

from journal_tui.core.conflicts import Conflict
from journal_tui.tui.data import shown


class ConflictRow(ListItem):
    def __init__(self, conflict: Conflict, text: str) -> None:
        super().__init__(Label(shown(text), markup=False))
        self.conflict = conflict


class ConflictsDialog(ModalScreen[str | None]):
    """Returns the id of the entry copy chosen, or None (escape)."""

    DEFAULT_CSS = """
    ConflictsDialog { align: center middle; background: $background 60%; }
    ConflictsDialog > Vertical {
        width: 90; max-width: 95%; height: auto; max-height: 90%;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    ConflictsDialog .title { text-style: bold; margin-bottom: 1; }
    ConflictsDialog .hint { color: $text-muted; margin-top: 1; }
    ConflictsDialog ListView { height: auto; max-height: 16; }
    ConflictsDialog ListItem Label { width: 1fr; }
    """
    BINDINGS = [Binding("escape", "dismiss_none", show=False)]

    def __init__(self, title: str, conflicts: list[Conflict], lang: str, hint: str,
                 empty: str) -> None:
        super().__init__()
        self.title_text = title
        self.conflicts = conflicts
        self.lang = lang
        self.hint = hint
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="title", markup=False)
            if self.conflicts:
                yield ListView(*(ConflictRow(c, f"{c.path.name}: {c.describe(self.lang)}")
                                 for c in self.conflicts), id="conflicts")
            else:
                yield Static(self.empty, markup=False)
            yield Static(self.hint, classes="hint", markup=False)

    @on(ListView.Selected, "#conflicts")
    def chosen(self, event: ListView.Selected) -> None:
        assert isinstance(event.item, ConflictRow)
        if event.item.conflict.entry_id is not None:
            self.dismiss(event.item.conflict.entry_id)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
