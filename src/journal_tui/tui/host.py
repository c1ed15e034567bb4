"""What screens and widgets need from the app they run in, typed.

``JournalHost`` is that need, as a ``Protocol``: the context, the interface
language, the day shown, the journal service and a few shared actions. Screens
reach it through ``host_of(node)`` (``AppScreen.host``), never through
``getattr(self.app, ...)``. ``HostApp`` is its implementation, shared by
``JournalApp`` and the tests' ``ScreenHost`` (one screen without the app), so a
screen behaves the same under both; mypy checks that both satisfy the protocol.

``post_when_done`` is the writes' half of the one way from the journal to a
screen: the service queues a write and hands back a ``Future``; this turns its
outcome into a message for the node that asked.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual import on, work
from textual.app import App
from textual.message import Message
from textual.worker import get_current_worker

from journal_tui.core.context import Context
from journal_tui.core.i18n import long_date
from journal_tui.core.model import Entry
from journal_tui.tui.data import title_of
from journal_tui.tui.messages import EntriesChanged
from journal_tui.tui.strings import MSG
from journal_tui.tui.textual_compat import keep_no_break_spaces

if TYPE_CHECKING:
    from textual.dom import DOMNode
    from textual.notifications import SeverityLevel

    from journal_tui.tui.service import JournalService

T = TypeVar("T")
ReturnT = TypeVar("ReturnT")

LARGE = 50_000
"""Characters of body above which an entry is shown read only and in part. Measured
with Pilot (a key press ~130 ms on a 1 kB entry, the baseline): ~6.5 s a key on a
5 MB body, ~430 ms on 200 kB, ~210 ms on 49 kB; a Markdown view of megabytes takes
seconds to build. Such a text is for ``$EDITOR`` (``journal-tui edit``)."""

IO_ERRORS: tuple[type[Exception], ...] = (OSError, ValueError, KeyError)
"""What a journal read or write raises when the disk says no: ``OSError`` (and
``atomic.WriteError``), ``ValueError`` (``codec.UnreadableEntry``), ``KeyError``
(``storage.NotFound``). Anything else is a bug, and Textual shows it as one."""


class JournalHost(Protocol):
    """What a screen or widget may ask of its app."""

    ctx: Context
    lang: str
    """The interface language ("en" or "fr")."""
    day: date
    """The day Today shows (``ctx.today`` is the clock's)."""

    @property
    def service(self) -> JournalService:
        """The one way to the journal (``tui/service.py``)."""
    autosave_delay: float
    """At most this many seconds between an unsaved change and its draft."""
    first_frame_shown: bool
    """Whether the first frame is on screen (nothing reads the journal before)."""
    last_deleted: str | None
    """The id of the entry last moved to the trash, for undo."""

    def open_entry(self, entry_id: str, *, edit: bool = False) -> None:
        """Read an entry and show it (``edit``: in Today's editor)."""

    async def edit_entry(self, entry: Entry) -> None:
        """Load an entry into Today's editor."""

    def delete_entry(self, entry: Entry, done: Callable[[], object] | None = None) -> None:
        """Ask, then move ``entry`` to the trash (``undo_delete`` brings it back);
        ``done`` runs once it is there."""

    def undo_delete(self) -> None:
        """Bring ``last_deleted`` back from the trash."""


def host_of(node: DOMNode) -> JournalHost:
    """The app ``node`` runs in, as a ``JournalHost`` (every app it runs in is a
    ``HostApp``; mypy checks that ``HostApp`` satisfies the protocol)."""
    return cast("JournalHost", node.app)


def post_when_done(node: DOMNode, pending: Future[T],
                   done: Callable[[T], Message] | None = None,
                   failed: Callable[[Exception], Message] | None = None) -> None:
    """Post ``done(result)`` to ``node`` once the service's ``pending`` write has
    landed, or ``failed(error)`` if the disk refused it (``IO_ERRORS``); either may
    be left out when nobody needs to know.

    Waits in a thread worker, so ``app.workers.wait_for_complete()`` (tests) covers
    every write; cancelling the worker (the node going away) never cancels the write.
    """

    def wait() -> None:
        try:
            result = pending.result()
        except IO_ERRORS as exc:
            if failed is not None:
                node.post_message(failed(exc))
            return
        if done is not None:
            node.post_message(done(result))

    node.run_worker(wait, thread=True, group="journal-write")


class HostApp(App[ReturnT]):
    """The ``JournalHost`` side of an app: ``JournalApp`` and the tests' ``ScreenHost``."""

    autosave_delay: float = 2.0
    first_frame_shown: bool = True

    # Plain classes, not dataclasses: loaded before the first frame (see TodayScreen).
    class EntryRead(Message):
        def __init__(self, entry: Entry, edit: bool) -> None:
            super().__init__()
            self.entry, self.edit = entry, edit

    class Failed(Message):
        """A read or write the app asked for failed: ``text`` says so (``entry_id``:
        the entry a delete could not move)."""

        def __init__(self, text: str, severity: SeverityLevel = "error",
                     entry_id: str | None = None) -> None:
            super().__init__()
            self.text, self.severity, self.entry_id = text, severity, entry_id

    class Deleted(Message):
        def __init__(self, entry_id: str, done: Callable[[], object] | None) -> None:
            super().__init__()
            self.entry_id, self.done = entry_id, done

    class Restored(Message):
        def __init__(self, entry_id: str) -> None:
            super().__init__()
            self.entry_id = entry_id

    class RestoreFailed(Message):
        def __init__(self, entry_id: str, error: Exception) -> None:
            super().__init__()
            self.entry_id, self.error = entry_id, error

    def __init__(self, ctx: Context, day: date | None = None) -> None:
        keep_no_break_spaces()  # French "Thème : …" never starts a line with its colon
        self.ctx = ctx
        self.lang = ctx.lang
        self.day: date = day or ctx.today
        # Made on first use, after the first frame: the service and the storage it
        # imports (index, SQLite, codecs) have no part in drawing it.
        self._service: JournalService | None = None
        self._making_service = threading.Lock()  # the first use may be in a worker
        self.last_deleted: str | None = None
        self._deleting: set[str] = set()  # ids on their way to the trash
        super().__init__()

    def on_unmount(self) -> None:
        # The writes asked for (a draft on quit, a save just before) land before exit.
        if self._service is not None:
            self._service.close()

    @property
    def service(self) -> JournalService:
        if self._service is None:
            with self._making_service:
                if self._service is None:
                    from journal_tui.tui.service import JournalService

                    self._service = JournalService(self.ctx.journal)
        return self._service

    # ------------------------------------------------------------------ entries

    def open_entry(self, entry_id: str, *, edit: bool = False) -> None:
        self._read_entry(entry_id, edit)

    @work(thread=True, exclusive=True, group="open-entry")
    def _read_entry(self, entry_id: str, edit: bool) -> None:
        from journal_tui.core.storage import NotFound

        try:
            if edit:
                entry, newer = self.service.entry_to_edit(entry_id)
                if newer is not None:  # read only: shown, never rewritten
                    self.post_message(self.Failed(MSG("entry.newer", self.lang, schema=newer),
                                                  "warning"))
                    edit = False
                elif len(entry.body) > LARGE:  # the editor would take seconds a key
                    self.post_message(self.Failed(MSG("entry.large", self.lang, id=entry.id,
                                                      size=len(entry.body) // 1000), "warning"))
                    edit = False
            else:
                entry = self.service.entry(entry_id)
        except (NotFound, FileNotFoundError):
            self.post_message(self.Failed(MSG("entry.missing", self.lang), "warning"))
            return
        except IO_ERRORS as exc:
            self.post_message(self.Failed(MSG("read.error", self.lang, error=exc)))
            return
        if not get_current_worker().is_cancelled:  # another entry asked for since
            self.post_message(self.EntryRead(entry, edit))

    @on(EntryRead)
    async def _entry_read(self, message: EntryRead) -> None:
        if message.edit:
            await self.edit_entry(message.entry)
            return
        # Imported here: the entry screen brings Textual's Markdown widget (~25 ms).
        from journal_tui.tui.screens.entry import EntryScreen

        self.push_screen(EntryScreen(message.entry))

    async def edit_entry(self, entry: Entry) -> None:
        """A host without Today has no editor: nothing to do."""

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self._deleting.discard(message.entry_id or "")
        self.notify(message.text, severity=message.severity, markup=False)

    # -------------------------------------------------------------------- trash

    def delete_entry(self, entry: Entry, done: Callable[[], object] | None = None) -> None:
        """Ask, then queue the move to the trash; once there, it is the entry an undo
        brings back, ``done`` runs and the screen shown reads the journal again."""
        from journal_tui.tui.widgets.dialogs import ConfirmDialog  # not needed at start

        lang = self.lang
        question = MSG("delete.question", lang, day=long_date(entry.date, lang),
                       title=title_of(entry.body, 40) or "…")

        def answer(yes: bool | None) -> None:
            if not yes or entry.id in self._deleting:  # asked twice: once is enough
                return
            self._deleting.add(entry.id)
            post_when_done(self, self.service.delete(entry.id),
                           lambda _: self.Deleted(entry.id, done),
                           lambda exc: self.Failed(MSG("delete.error", lang, error=exc),
                                                   entry_id=entry.id))

        self.push_screen(ConfirmDialog(question, MSG("delete.yes", lang), MSG("delete.no", lang),
                                       title=MSG("delete.title", lang)), answer)

    @on(Deleted)
    def _deleted(self, message: Deleted) -> None:
        self._deleting.discard(message.entry_id)
        self.last_deleted = message.entry_id
        if message.done is not None:
            message.done()
        self.notify(MSG("delete.done", self.lang), timeout=8)
        self.screen.post_message(EntriesChanged())

    def undo_delete(self) -> None:
        entry_id = self.last_deleted
        if entry_id is None:
            self.notify(MSG("undo.nothing", self.lang))
            return
        self.last_deleted = None  # on its way back: a second undo has nothing to do
        post_when_done(self, self.service.restore(entry_id), self.Restored,
                       lambda exc: self.RestoreFailed(entry_id, exc))

    @on(Restored)
    def _restored(self, message: Restored) -> None:
        self.notify(MSG("undo.done", self.lang))
        self.screen.post_message(EntriesChanged())

    @on(RestoreFailed)
    def _restore_failed(self, message: RestoreFailed) -> None:
        if self.last_deleted is None:  # still the entry to bring back
            self.last_deleted = message.entry_id
        self.notify(MSG("undo.error", self.lang, error=message.error), severity="error",
                    markup=False)


if TYPE_CHECKING:
    def _satisfies(app: HostApp[Any]) -> JournalHost:  # mypy: HostApp is a JournalHost
        return app
