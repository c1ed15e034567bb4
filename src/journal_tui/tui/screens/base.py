"""What every page of the app reads from it: the host, its context, language and service."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.screen import Screen

from journal_tui.tui.host import JournalHost, host_of
from journal_tui.tui.textual_compat import styled_with_current_css

if TYPE_CHECKING:
    from textual.widget import Widget

    from journal_tui.core.context import Context
    from journal_tui.tui.service import JournalService


class AppScreen(Screen[None]):
    """A page of ``JournalApp`` (or of the tests' ``ScreenHost``): see ``tui/host.py``.

    Screens reach the journal only through ``self.service``: reads in a
    ``@work(thread=True)`` worker that posts a message, writes queued in order
    with ``post_when_done`` (``docs/ARCHITECTURE.md``, "Reaching the journal").

    Help lists every screen's keys from its ``BINDINGS`` (``tui/keys.py``): a mode
    is titled by its key's description, any other screen by ``HELP_TITLE``, and
    the widgets in ``HELP_WIDGETS`` get a section of their own.
    """

    HELP_TITLE: ClassVar[str] = ""
    """Catalog key of the screen's name in Help, for a screen that is not a mode."""
    HELP_WIDGETS: ClassVar[tuple[type[Widget], ...]] = ()
    """Widgets of this screen whose keys Help lists after the screen's."""

    def __init__(self, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        self._preset_breakpoints()
        self._pending: set[tuple[Callable[..., object], tuple[object, ...]]] = set()
        self._painted = False  # the screen has been drawn once

    @on(events.ScreenResume)
    def _styled_at_mount(self, event: events.ScreenResume) -> None:
        """Keep a new screen from being restyled whole as it is first shown.

        A mode's screen gets ScreenResume twice when first shown (see
        ``call_once_after_refresh``), and Textual restyles every widget on each,
        though they were styled with the current CSS as they mounted
        (``JournalApp._styled_now``), moments before: a fifth of the Journal
        screen's building time, ~30 ms of Today's before the first frame. Later
        resumes, or a theme changed meanwhile, restyle as Textual does. Runs before
        Textual's own handler (a subclass's handlers come first).
        """
        if not self._painted and styled_with_current_css(self.app, self):
            event.refresh_styles = False
            self.call_after_refresh(self._mark_painted)

    def _mark_painted(self) -> None:
        # A method, not ``setattr``: Textual counts a callback's parameters with
        # ``inspect.signature``, which for a builtin imports ``tokenize`` and compiles
        # its patterns (~5 ms, before Today's first frame reached the terminal).
        self._painted = True

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
    def host(self) -> JournalHost:
        return host_of(self)

    @property
    def ctx(self) -> Context:
        return self.host.ctx

    @property
    def lang(self) -> str:
        return self.host.lang

    @property
    def service(self) -> JournalService:
        return self.host.service
