"""The one way the TUI reaches the journal: reads on worker threads, writes in order.

``Journal`` and its SQLite index are not thread-safe, and the screens read from
worker threads; the service holds the one lock that every read and write takes.
No Textual here: the service is plain Python, tested without an app
(``tests/tui/test_service.py``).

* **Reads** are blocking methods, each returning what one screen shows. Call them
  from a ``@work(thread=True)`` worker, which posts the result as a message
  (see ``docs/ARCHITECTURE.md``, "Reaching the journal").
* **Writes** (entries, drafts, the trash, exports) are queued on one writer thread
  in the order they are asked for, and return a ``Future``; ``post_when_done``
  (``tui/host.py``) turns it into a message. The order is the point: a draft
  autosaved just before ctrl+s never lands after the save has discarded it, and a
  second save never lands before the first. Asking is instant, so the UI thread
  never waits on the disk.
* **Nothing queued is lost**: ``close`` (the app calls it as it exits) waits for
  the queue, and so does Python's own exit if the app dies first; a write asked
  for after ``close`` runs at once, in the caller's thread.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Set
from concurrent.futures import Future
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from journal_tui.core import atomic, listing
from journal_tui.core.index import Query
from journal_tui.core.intentions import Intention, current_intention, notes_by_week, review_notes
from journal_tui.core.model import Entry
from journal_tui.core.stamp import FileStamp
from journal_tui.core.storage import Draft, Journal
from journal_tui.tui.data import on_this_day, streak

if TYPE_CHECKING:
    from concurrent.futures import ThreadPoolExecutor

    from journal_tui.core.codec import Problem
    from journal_tui.core.conflicts import Conflict
    from journal_tui.core.people import Directory, PeopleFileError, PersonStats
    from journal_tui.core.prompts import PromptBook

T = TypeVar("T")


# What reads return: NamedTuples rather than dataclasses, which cost ~0.2 ms each to
# create, in a module loaded before the first frame.


class Stopped(Exception):
    """A read was given up: its worker was cancelled (the screen was left, another
    read replaced it, or the app quits) while entries were being scored."""


def stop_when_cancelled(done: int, total: int) -> None:
    """A scoring ``progress`` that stops the pass once its worker is cancelled: a
    first scoring of years of entries takes minutes, and quitting waited for it."""
    from textual.worker import NoActiveWorker, get_current_worker

    try:
        cancelled = get_current_worker().is_cancelled
    except NoActiveWorker:  # called outside a worker (tests, scripts): never stop
        return
    if cancelled:
        raise Stopped


def stopping(progress: Callable[[int, int], None] | None) -> Callable[[int, int], None]:
    """``progress`` (if any) behind ``stop_when_cancelled``: what every read that
    scores entries passes to the scoring."""
    if progress is None:
        return stop_when_cancelled

    def step(done: int, total: int) -> None:
        stop_when_cancelled(done, total)
        progress(done, total)

    return step


class DayRead(NamedTuple):
    """Today's side panel: the day's entries, the streak and "on this day"."""

    todays: list[Entry]
    streak: int
    written_today: bool
    past: list[tuple[str, date, list[Entry]]]
    """(catalog key, date, that day's entries) for "a month ago" and "a year ago"."""
    intention: Intention | None = None
    """The intention lived in the day's week (set in the review of the week before)."""


class Page(NamedTuple):
    """The newest entries and how many there are in all."""

    entries: list[Entry]
    total: int


class Results(NamedTuple):
    """A page of a search's entries, how many match (None: not counted yet) and
    how many entries the journal holds."""

    entries: list[Entry]
    found: int | None
    total: int


class Walk(NamedTuple):
    """The entry files' stat listing, walked outside the lock (``JournalService.walk``)."""

    folders: list[listing.Folder]
    writes: int
    """The service's writes done when the walk started: one landing after it makes
    the walk stale for the index (the write's row would look gone)."""

    @property
    def fingerprint(self) -> str:
        """The same fingerprint, the same entries."""
        return listing.total_digest([(f.rel, f.digest) for f in self.folders])


class WeekRead(NamedTuple):
    """What the weekly review of one week needs from the journal."""

    entries: list[Entry]
    """The week's entries and the four weeks' before it, review notes included."""
    written: Set[date]  # ``Days``: the streak without stepping through each
    problems: int
    draft: Draft | None
    """The week's review note as kept in ``drafts/``, if any."""
    notes: list[Entry]
    """Every review note of the journal (the history of intentions); the notes of the
    week and of the week before are read from their files, so saving them (the note,
    the outcome of last week's intention) is checked against what was read."""


class PeopleRead(NamedTuple):
    """Everyone mentioned (or one person), and ``people.toml`` as read."""

    people: list[PersonStats]
    directory: Directory
    problems: list[PeopleFileError]
    """Why ``people.toml`` cannot be used (then it is never written)."""


class JournalService:
    """The TUI's journal: the lock, the reads the screens need, and the writer queue."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self._lock = threading.RLock()
        self._refreshed = False
        self._writes = 0  # writes done (``Walk.writes``)
        self._walking = threading.Lock()  # one walk at start (``_refresh_once``)
        self._start_walk: Walk | None = None  # that walk, kept for ``first_walk``
        self._start_walk_wanted = False  # (only then: it holds every file's name, ~9 MB)
        self._closed = False
        self._words_read = False  # ``keep_words``: once a session
        self._writer: ThreadPoolExecutor | None = None  # made on the first write
        self._ours: dict[str, list[FileStamp]] = {}
        """Per entry id, the identities of the files this service wrote (oldest first),
        and those a word (``set_word``) was added to: a save queued before the previous
        one landed still carries the identity read before it, or none for a new entry;
        it continues our own latest write, which is no other writer's change."""
        self._words: dict[str, dict[str, str]] = {}
        """Per entry id, the ``[themes]`` table ``set_word`` wrote last: a save that
        continues our own latest write keeps it (the editor's copy may predate it)."""

    @property
    def writer(self) -> ThreadPoolExecutor:
        """One thread: writes land in the order asked."""
        if self._writer is None:
            from concurrent.futures import ThreadPoolExecutor

            self._writer = ThreadPoolExecutor(max_workers=1,
                                              thread_name_prefix="journal-writer")
        return self._writer

    # ------------------------------------------------------------------ reads

    def _refresh_once(self) -> None:
        """The one full walk at start (the index may be stale), by whichever read
        comes first: Today's side panel or the problems check (the other waits for
        it). Call it without the lock: the walk (~1 s at 100,000 files) is made
        outside it, so the Journal screen can show the index as it stands
        meanwhile (``peek_first_page``)."""
        if self._refreshed:
            return
        with self._walking:
            if self._refreshed:
                return
            with self._lock:
                _ = self.journal.index.db  # opened (and migrated) before the walk
                self._count_ahead()
            walk = self.walk()
            with self._lock:
                self._refresh_from(walk)
                self._count_ahead()  # again if the walk changed the index (else kept)
                if self._start_walk_wanted:
                    self._start_walk = walk
                self._refreshed = True

    def _count_ahead(self) -> None:
        """Count the entries here, on the start's reading thread (before its walk,
        for F3 pressed meanwhile, and after it): the count is kept until the index
        changes, so the Journal screen's first page, peeked on the UI thread, finds it
        (a scan of every row: ~15 ms of F3 at 100,000 entries)."""
        with contextlib.suppress(sqlite3.Error, ValueError, KeyError):  # damaged: the
            self.journal.index.count()  # screen's reading worker repairs it

    def problems_at_start(self) -> list[Problem]:
        """Files that cannot be read, after the start's walk, and files in ``drafts/``
        that are no draft (a crafted one is never read, offered or deleted)."""
        self._refresh_once()
        with self._lock:
            return self.journal.problems() + self.journal.draft_problems()

    def entry_to_edit(self, entry_id: str) -> tuple[Entry, int | None]:
        """One entry read from its file, and the file's schema if it is newer than
        this program's (such a file is shown, never rewritten: edit nothing)."""
        from journal_tui.core.codec import decode_dict, newer_schema

        with self._lock:
            entry = self.journal.get(entry_id)
        source = entry.source
        if not isinstance(source, FileStamp):
            return entry, None
        from journal_tui.core.stamp import read_regular

        data, _ = decode_dict(read_regular(source.path), source.path)
        return entry, newer_schema(data)

    def conflicts(self) -> list[Conflict]:
        """Versions a sync kept side by side (entries and files), after the start's
        walk."""
        from journal_tui.core.conflicts import find_conflicts  # not on the start path

        self._refresh_once()
        with self._lock:
            return find_conflicts(self.journal)

    def entry(self, entry_id: str) -> Entry:
        """One entry, read from its file (``NotFound``, ``OSError``, ``ValueError``)."""
        with self._lock:
            return self.journal.get(entry_id)

    def day(self, day: date, today: date, *, recheck: bool) -> DayRead:
        """``day``'s entries, the streak up to ``today`` and "on this day".

        ``recheck``: look at the disk again for files changed outside the app
        (later visits); the first read comes right after the start's walk.
        """
        journal = self.journal
        walk = self.walk() if recheck else None  # outside the lock
        if walk is None:
            self._refresh_once()
        with self._lock:
            if walk is not None:
                self._refresh_from(walk)
            todays = journal.query(Query(start=day, end=day, kind="entry", newest_first=False))
            days = journal.days_with_entries()
            past = [(key, d, journal.query(Query(start=d, end=d, kind="entry")))
                    for key, d in on_this_day(day)]
            intention = current_intention(review_notes(journal), day)
        return DayRead(todays, streak(days, today), today in days, past, intention)

    def drafts_to_offer(self) -> list[tuple[Draft, Entry | None]]:
        """Entry drafts (newest first), each with the entry it edits if that still
        exists. Review notes' drafts are left to the Review screen (``week``)."""
        with self._lock:
            found: list[tuple[Draft, Entry | None]] = []
            for draft in self.journal.drafts():
                if draft.kind == "review":
                    continue
                try:  # with the identity the draft started from: a save checks it
                    entry = self.journal.entry_for_draft(draft)
                except (KeyError, OSError, ValueError):
                    entry = None
                found.append((draft, entry))
        return found

    def first_page(self, limit: int) -> Page:
        """The newest ``limit`` entries and the count of all: from the index as it
        stands when it holds entries (the start's walk may still be going on; the
        screen reads again after it), else once the index is built. The index is
        opened here if no read has opened it yet: ``journal.query`` would walk
        every file first (~1-2 s at 100,000, the lock held all along)."""
        with self._lock:
            _ = self.journal.index.db  # opened (and migrated): no walk
            page = self._page_as_is(limit)
            if page is not None:
                return page
            return Page(self.journal.query(Query(limit=limit)), self.journal.index.count())

    def _page_as_is(self, limit: int) -> Page | None:
        """The first page from the index as it stands, if it is open and not empty
        (or fresh); None otherwise (opening, migrating or building it takes time)."""
        journal = self.journal
        if not journal.fresh and not journal.index.is_open:
            return None
        try:
            total = journal.index.count()
            if not total and not journal.fresh:
                return None
            return Page(list(journal.index.query(Query(limit=limit))), total)
        except (sqlite3.Error, ValueError, KeyError):  # damaged: the worker's read repairs it
            return None

    def peek_first_page(self, limit: int) -> Page | None:
        """``first_page``, on the UI thread, only when it costs a few milliseconds:
        no worker holds the lock and the index is open and holds entries (even
        while the start's walk goes on). ``None`` otherwise, and the screen's
        reading worker shows it. The one read the UI thread may do: it puts the
        rows in the Journal screen's first frame."""
        if not self._lock.acquire(blocking=False):
            return None
        try:
            return self._page_as_is(limit)
        finally:
            self._lock.release()

    def walk(self) -> Walk:
        """The entry files' stat listing (what the index refreshes from). Takes no
        lock: a walk of every file, ~1 s at 100,000, holds no other read up."""
        writes = self._writes
        return Walk(listing.scan(self.journal.entries_dir), writes)

    def first_walk(self) -> Walk:
        """A walk for a screen's first read: the start's walk, waited for if it is
        going on (a second walk beside it, ~1 s of CPU at 100,000 files, held up
        every paint and key meanwhile), else a new one."""
        if not self._refreshed:
            self._start_walk_wanted = True
            self._refresh_once()
            walk, self._start_walk = self._start_walk, None
            if walk is not None:
                return walk
        return self.walk()

    def _refresh_from(self, walk: Walk | None) -> bool:
        """Refresh the index (under the lock) from ``walk`` unless a write landed
        since it started; whether the files changed."""
        if walk is not None and walk.writes == self._writes:
            return self.journal.refresh(walk.folders)
        return self.journal.refresh()

    def results(self, q: Query, *, recheck: Walk | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> Results | None:
        """One page of ``q``'s entries (its ``limit`` and ``offset``), how many match
        when the page tells (it is short), and how many entries there are in all;
        ``recheck``: refresh the index from this walk first. ``None`` when
        ``cancelled()`` says so once the lock is taken or while the page is read: a
        newer search replaced this one, so a burst of keystrokes queries the index
        once, not once a key, and a scan no longer wanted stops."""
        if recheck is None:
            self._refresh_once()  # else a read while the start's walk goes on walks again
        with self._lock:
            if cancelled():
                return None
            if recheck is not None:
                self._refresh_from(recheck)
            entries = self.journal.page(q, cancelled)
            if entries is None:  # a newer search stopped this one's scan
                return None
            short = q.limit is None or len(entries) < q.limit
            found = q.offset + len(entries) if short else None
            return Results(entries, found, self.journal.index.count())

    def count(self, q: Query, cancelled: Callable[[], bool] = lambda: False) -> int | None:
        """How many entries match ``q`` (a scan of the index when it filters text),
        on a connection of its own, without the lock: the next keystroke's page
        never waits for this count, and a count no longer wanted stops (None)."""
        found = self.journal.index.count_apart(q, cancelled)
        if found is None and not cancelled():
            with self._lock:
                return self.journal.count(q)
        return found

    def keep_words(self, cancelled: Callable[[], bool] = lambda: False) -> None:
        """The search texts' words read (without the lock: seconds at 100,000
        entries, in worker processes) and kept, once a session, so that a text found
        in no word answers with no scan (``core.search_words``)."""
        if self._words_read:
            return
        self._words_read = True
        index = self.journal.index
        built = index.read_words(cancelled)
        if cancelled():
            return
        with self._lock:
            if built is None and not index.reads_apart:  # in memory: read here, locked
                built = index.read_words(cancelled, here=True)
            if built is not None and not cancelled():
                index.keep_words(built)

    def entry_days(self) -> set[date]:
        """The days with an entry (review notes aside), for the calendar."""
        self._refresh_once()
        with self._lock:
            return self.journal.days_with_entries()

    def query(self, q: Query) -> list[Entry]:
        with self._lock:
            return self.journal.query(q)

    def recheck(self) -> tuple[bool, int]:
        """Look at the disk again (the walk outside the lock): whether the files
        changed since the index last looked, and how many cannot be read. Screens
        draw from the index first, then recheck and read again if needed."""
        self._refresh_once()
        walk = self.walk()
        with self._lock:
            changed = self._refresh_from(walk)
            return changed, len(self.journal.problems())

    def scored(self, q: Query, book: PromptBook,
               progress: Callable[[int, int], None] | None = None) -> list[Entry]:
        """``q``'s entries with their theme signals (scored off the lock, kept in
        the index for next time: ``core.themes.scored_entries``; ``progress(done,
        total)`` follows the scoring of those not kept yet, which raises ``Stopped``
        once the worker is cancelled)."""
        from journal_tui.core.themes import scored_entries  # with the Themes screen

        self._refresh_once()
        return scored_entries(self.journal, q, book, self._lock, stopping(progress))

    def week(self, week: str, draft_key: str, book: PromptBook | None = None) -> WeekRead:
        """The entries a review of ``week`` needs, the days written, the files that
        cannot be read, the draft of the week's note (looked at afresh) and every
        review note, from the index as it is (``recheck`` looks at the disk).
        ``book``: the entries' theme signals are made ready too (those kept in the
        index, the others scored and kept), off the lock: scoring them as the review
        is computed took ~1 s at 100,000 entries, the detector loaded only for them."""
        from journal_tui.core.review import load_entries, shift_week, span  # with Review

        journal = self.journal
        self._refresh_once()
        if book is not None:
            from journal_tui.core.themes import scored_entries

            first, last = span(week)
            scored_entries(journal, Query(start=first, end=last, kind="entry"), book,
                           self._lock)
        with self._lock:
            entries = load_entries(journal, week)
            written = journal.written_days()
            problems = len(journal.problems())
            draft = next((d for d in journal.drafts() if d.key == draft_key), None)
            notes = review_notes(journal)
            shown = notes_by_week(notes)
            fresh: dict[str, Entry] = {}
            for w in (week, shift_week(week, -1)):
                if w in shown:
                    with contextlib.suppress(KeyError, OSError, ValueError):
                        fresh[shown[w].id] = journal.get(shown[w].id)
        entries = [fresh.get(e.id, e) for e in entries]
        notes = [fresh.get(e.id, e) for e in notes]
        return WeekRead(entries, written, problems, draft, notes)

    def chosen_questions(self, week: str, book: PromptBook,
                         progress: Callable[[int, int], None] | None = None
                         ) -> tuple[object, ...]:
        """The weekly questions chosen for ``week`` through the journal's weeks, as the
        command line chooses them (entries scored off the lock: ``load_signals``;
        ``progress(done, total)``: its entries read, while some are scored)."""
        from journal_tui.core.questions import choose_questions, load_signals

        return tuple(choose_questions(book, week, load_signals(
            self.journal, book, week, self._lock, stopping(progress))))

    def people(self, book: PromptBook | None, name: str | None = None,
               progress: Callable[[int, int], None] | None = None) -> PeopleRead:
        """Everyone mentioned with ``@`` (most mentioned first), or only ``name`` (a
        name or an alias; no one if nobody is known by it), with ``people.toml``.
        ``book`` None: for completion, without their themes (no scoring) and their
        entries without text (``Index.mentioning``: read apart, no other read waits
        for it). ``progress(done, total)`` follows the scoring of entries not scored
        yet (the pass stops once the worker is cancelled)."""
        from journal_tui.core.people import load_people, people_stats, person_stats
        from journal_tui.core.themes import scored_entries

        self._look_again()
        with self._lock:
            directory, problems = load_people(self.journal.root)
        if book is not None:
            entries = scored_entries(self.journal, Query(kind="entry"), book, self._lock,
                                     stopping(progress))
        else:
            entries = self._mentioning()
        if name is None:
            return PeopleRead(people_stats(entries, book, directory), directory, problems)
        one = person_stats(entries, book, directory, name)
        return PeopleRead([one] if one is not None else [], directory, problems)

    def _look_again(self) -> None:
        """The index brought in line with the disk: the start's walk if it is not
        made yet, else a new walk, outside the lock (~1 s at 100,000 files)."""
        if not self._refreshed:
            self._refresh_once()
            return
        walk = self.walk()
        with self._lock:
            self._refresh_from(walk)

    def _mentioning(self) -> list[Entry]:
        """The entries that mention someone, without their text, newest first (see
        ``people``); under the lock only if the index cannot be read apart. Not kept
        between calls: 100,000 entries held for good made each full garbage
        collection take ~0.5 s, at any moment (a screen's mounting)."""
        q = Query(kind="entry")
        found = self.journal.index.mentioning(q)
        if found is None:
            with self._lock:
                found = [e for e in self.journal.query(q) if e.people]
        return found

    # ----------------------------------------------------------------- writes

    def _submit(self, write: Callable[[], T]) -> Future[T]:
        def locked() -> T:
            with self._lock:
                try:
                    return write()
                finally:  # counted once done: a walk made during a write is stale
                    self._writes += 1

        if not self._closed:
            return self.writer.submit(locked)
        done: Future[T] = Future()  # after close: at once, here
        try:
            done.set_result(locked())
        except Exception as exc:  # handed to the caller, as the writer thread would
            done.set_exception(exc)
        return done

    def save(self, entry: Entry, *, discard: Iterable[str] = ()) -> Future[Entry]:
        """Write ``entry`` (its ``updated`` time set), then discard the drafts named
        ``discard``: a draft goes only once its text is safely in an entry.
        Fails with ``Conflict`` (another writer changed the file since it was read:
        nothing written), ``UnreadableEntry`` (a file that cannot be read is never
        replaced) or ``OSError``."""
        keys = tuple(discard)

        def write() -> Entry:
            ours = self._ours.get(entry.id)
            if ours and (entry.source is None or entry.source in ours):
                entry.source = ours[-1]
                if entry.id in self._words:  # only set_word changes [themes]
                    entry.themes = dict(self._words[entry.id])
            if entry.source is None:
                self.journal.add(entry)  # another id should this one be taken meanwhile
            else:
                self.journal.save(entry)
            if isinstance(entry.source, FileStamp):
                self._ours.setdefault(entry.id, []).append(entry.source)
            self._discard(keys)
            return entry

        return self._submit(write)

    def set_word(self, entry: Entry, theme: str, value: str | None) -> Future[Entry]:
        """Record the person's word on ``theme`` (``core.theme_word``: "low", "high",
        "yes", "none", or None to take it back) in ``entry``'s ``[themes]`` table and
        save it; the entry saved.

        The entry is read again from its file in the writer thread and only its
        ``[themes]`` table changes, so a save of ours that landed meanwhile (Today's
        newer text) is kept, never overwritten by the copy a screen holds. If another
        writer changed the file since ``entry`` was read, nothing is written:
        ``Conflict``. A later save of a copy read before (Today's editor) continues
        this one and keeps the word (``save``).
        """
        from journal_tui.core.conflict import Conflict
        from journal_tui.core.theme_word import with_word

        def write() -> Entry:
            current = self.journal.get(entry.id)
            ours = self._ours.setdefault(entry.id, [])
            known = {s.digest for s in ours}
            if isinstance(entry.source, FileStamp):
                known.add(entry.source.digest)
            stamp = current.source
            assert isinstance(stamp, FileStamp)  # read from its file
            if stamp.digest not in known:
                raise Conflict(stamp.path, Conflict.CHANGED, current)
            saved = with_word(current, theme, value)
            self.journal.save(saved)
            if stamp not in ours:
                ours.append(stamp)  # what the word was added to: saves from it continue
            assert isinstance(saved.source, FileStamp)
            ours.append(saved.source)
            self._words[entry.id] = dict(saved.themes)
            return saved

        return self._submit(write)

    def keep_both(self, entry: Entry, *, discard: Iterable[str] = ()) -> Future[Entry]:
        """After a ``Conflict``: ``entry``'s text saved as a new entry beside the file
        another writer changed (``Journal.keep_both``), then the drafts named
        ``discard`` removed. The new entry, stamped for later saves."""
        keys = tuple(discard)

        def write() -> Entry:
            fresh = self.journal.keep_both(entry)
            self._discard(keys)
            return fresh

        return self._submit(write)

    def save_draft(self, draft: Draft) -> Future[None]:
        def write() -> None:
            self.journal.save_draft(draft)

        return self._submit(write)

    def discard_drafts(self, keys: Iterable[str]) -> Future[None]:
        """Remove these drafts (a draft that cannot be removed is left, silently:
        at worst it is offered again)."""
        keys = tuple(keys)
        return self._submit(lambda: self._discard(keys))

    def _discard(self, keys: tuple[str, ...]) -> None:
        for key in keys:
            with contextlib.suppress(OSError):
                self.journal.discard_draft(key)

    def delete(self, entry_id: str) -> Future[str]:
        """Move an entry to the trash; its id once done."""
        def write() -> str:
            self.journal.delete(entry_id)
            return entry_id

        return self._submit(write)

    def restore(self, entry_id: str) -> Future[str]:
        """Bring an entry back from the trash; its id once done."""
        def write() -> str:
            self.journal.restore(entry_id)
            return entry_id

        return self._submit(write)

    def export(self, path: Path, text: str, *, overwrite: bool,
               elsewhere: Callable[[], Path]) -> Future[Path]:
        """Write an export file; if it appeared since it was checked (and
        ``overwrite`` is off), write to ``elsewhere()`` instead, never over it."""
        data = text.encode("utf-8")

        def write() -> Path:
            try:
                atomic.atomic_write(path, data, overwrite=overwrite)
                return path
            except FileExistsError:
                other = elsewhere()
                atomic.atomic_write(other, data, overwrite=False)
                return other

        return self._submit(write)

    def save_people(self, directory: Directory) -> Future[Path]:
        """Write ``people.toml``; refused (``PeopleFileError``, a ``ValueError``) when
        the file cannot be read or changed since ``directory`` was read."""
        from journal_tui.core.people import save_people

        root = self.journal.root
        return self._submit(lambda: save_people(root, directory))

    def written(self) -> Future[None]:
        """Done once every write asked for before it is."""
        return self._submit(lambda: None)

    def close(self) -> None:
        """Finish the queued writes; later writes run at once, in their caller."""
        self._closed = True
        if self._writer is not None:
            self._writer.shutdown(wait=True)
