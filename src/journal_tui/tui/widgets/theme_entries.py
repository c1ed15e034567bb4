"""A modal list of the entries behind one point of a theme chart; Enter opens one.

Each line is the entry's date, time and title on one row, cut with an ellipsis
where the dialog ends (however narrow the terminal), never silently."""

from __future__ import annotations

from journal_tui.core.model import Entry
from journal_tui.tui.widgets.pick_dialog import PickDialog


class ThemeEntriesDialog(PickDialog):
    """Returns the id of the entry chosen, or None (escape)."""

    def __init__(self, title: str, entries: list[Entry], hint: str, empty: str) -> None:
        super().__init__(title, [(self._line(e), e.id) for e in entries], hint, empty,
                         list_id="theme-entries")
        self.entries = entries

    @staticmethod
    def _line(entry: Entry) -> str:
        title = entry.title or "…"  # shown as text by PickDialog
        return f"{entry.date:%Y-%m-%d} {entry.created:%H:%M}  {title}"
