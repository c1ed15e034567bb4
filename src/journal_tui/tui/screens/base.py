"""What every page of the app reads from it: context, language, the journal lock."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.screen import Screen

if TYPE_CHECKING:
    from journal_tui.core.context import Context


class AppScreen(Screen[None]):
    """A page of ``JournalApp`` (or of a test host offering ``ctx`` and ``lang``).

    Screens read the journal from worker threads; ``journal_lock`` (the app's)
    keeps those reads from crossing each other.
    """

    def __init__(self, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        self._preset_breakpoints()
        self._pending: set[tuple[Callable[..., object], tuple[object, ...]]] = set()

    def call_once_after_refresh(self, callback: Callable[..., object], *args: object) -> None:
        """``call_after_refresh``, once however often it is asked for meanwhile.

        A mode's screen gets ScreenResume twice when first shown (from Textual's
        ``_init_mode`` and ``switch_mode``), and each would start the same read of
        the journal; run once, after the screen's first paint, it also leaves that
        paint alone.
        """
        key = (callback, args)
        if key in self._pending:
            return
        self._pending.add(key)

        def run() -> None:
            self._pending.discard(key)
            callback(*args)

        self.call_after_refresh(run)

    def _preset_breakpoints(self) -> None:
        """Carry the width class (``-narrow``/``-wide``) from birth.

        Textual adds it on the screen's first resize, and a class change restyles
        every widget on the screen (about 5 ms at start); present from the start,
        the resize finds nothing to change.
        """
        breakpoints = self.HORIZONTAL_BREAKPOINTS
        if breakpoints is None:
            breakpoints = self.app.HORIZONTAL_BREAKPOINTS
        width = self.app.size.width
        for limit, name in sorted(breakpoints or [], reverse=True):
            if width >= limit:
                self.add_class(name, update=False)
                break

    @property
    def ctx(self) -> Context:
        return self.app.ctx  # type: ignore[attr-defined, no-any-return]

    @property
    def lang(self) -> str:
        return self.app.lang  # type: ignore[attr-defined, no-any-return]

    @property
    def journal_lock(self) -> threading.RLock:
        return self.app.journal_lock  # type: ignore[attr-defined, no-any-return]
