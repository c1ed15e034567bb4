"""What every page of the app reads from it: context, language, the journal lock."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from journal_tui.core.context import Context


class AppScreen(Screen[None]):
    """A page of ``JournalApp`` (or of a test host offering ``ctx`` and ``lang``).

    Screens read the journal from worker threads; ``journal_lock`` (the app's)
    keeps those reads from crossing each other.
    """

    @property
    def ctx(self) -> Context:
        return self.app.ctx  # type: ignore[attr-defined, no-any-return]

    @property
    def lang(self) -> str:
        return self.app.lang  # type: ignore[attr-defined, no-any-return]

    @property
    def journal_lock(self) -> threading.RLock:
        return self.app.journal_lock  # type: ignore[attr-defined, no-any-return]
