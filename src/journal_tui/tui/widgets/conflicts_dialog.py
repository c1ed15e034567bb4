"""The versions a sync kept side by side (``core.conflicts``), listed in a modal.

Each line is the core's description (which copy, beside which file, what to do),
shown as text. Choosing an entry copy returns its id (the Journal screen opens
it); copies that are no entry (Syncthing's, Dropbox's, ``people-conflict``) are
listed for the person to sort out in their files.
"""

from __future__ import annotations

from journal_tui.core.conflicts import Conflict
from journal_tui.tui.widgets.pick_dialog import PickDialog


class ConflictsDialog(PickDialog):
    """Returns the id of the entry copy chosen, or None (escape)."""

    DEFAULT_CSS = """
    ConflictsDialog > Vertical { width: 90; border: thick $warning; }
    ConflictsDialog ListView { max-height: 16; }
    """

    def __init__(self, title: str, conflicts: list[Conflict], lang: str, hint: str,
                 empty: str) -> None:
        super().__init__(title, [(f"{c.path.name}: {c.describe(lang)}", c.entry_id)
                                 for c in conflicts], hint, empty, list_id="conflicts")
        self.conflicts = conflicts
