"""The journal service without an app: reads, writes in the order asked, nothing lost."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from tui_helpers import TODAY, at, fixed_book, fixed_entries, seed

from journal_tui.core import atomic
from journal_tui.core.codec import UnreadableEntry
from journal_tui.core.model import Entry, make_entry
from journal_tui.core.storage import Draft, Journal, NotFound
from journal_tui.tui.service import JournalService


@pytest.fixture
def service(journal: Journal) -> Iterator[JournalService]:
    s = JournalService(journal)
    yield s
    s.close()


def draft(key: str, body: str) -> Draft:
    return Draft(key=key, body=body, date=TODAY)


def test_the_day_the_streak_and_on_this_day(service: JournalService, journal: Journal) -> None:
    entries = seed(journal)
    read = service.day(TODAY - timedelta(days=1), TODAY, recheck=False)
    assert [e.id for e in read.todays] == [entries[0].id]
    assert (read.streak, read.written_today) == (3, False)
    assert [(key, d) for key, d, _ in read.past] == [
        ("today.month_ago", date(2026, 10, 25)), ("today.year_ago", date(2025, 11, 25))]
    read = service.day(date(2026, 11, 26), TODAY, recheck=True)
    assert read.todays == [] and [len(found) for _, _, found in read.past] == [1, 1]


def test_writes_land_in_the_order_asked(service: JournalService, journal: Journal,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A draft asked for before a save lands before the save's clean-up discards it,
    even when the draft's write is slow; two saves of an entry land in order."""
    release = threading.Event()
    write_draft, write_entry = journal.save_draft, journal.save
    threads: list[threading.Thread] = []

    def slow_draft(d: Draft) -> Path:
        threads.append(threading.current_thread())
        release.wait(5)
        return write_draft(d)

    def save(entry: Entry, **kwargs: bool) -> Path:
        threads.append(threading.current_thread())
        return write_entry(entry, **kwargs)

    monkeypatch.setattr(journal, "save_draft", slow_draft)
    monkeypatch.setattr(journal, "save", save)
    entry = fixed_entries()[0]
    service.save_draft(draft(entry.id, "typed"))
    first = service.save(entry.with_changes(body="first"), discard=[entry.id])
    second = service.save(entry.with_changes(body="second"))
    release.set()
    first.result(5)
    second.result(5)
    assert journal.drafts() == []  # written, then discarded by the save
    assert journal.get(entry.id).body == "second"
    # one writer thread, not the caller's: the queue is the order
    assert len(set(threads)) == 1 and threads[0] is not threading.current_thread()


def test_a_refused_save_keeps_the_draft_and_says_why(service: JournalService,
                                                     journal: Journal) -> None:
    entry = fixed_entries()[0]
    service.save(entry).result(5)
    journal.locate(entry.id).write_text("not = [toml", "utf-8")
    service.save_draft(draft(entry.id, "precious")).result(5)
    with pytest.raises(UnreadableEntry):
        service.save(entry.with_changes(body="new"), discard=[entry.id]).result(5)
    assert [d.body for d in journal.drafts()] == ["precious"]


def test_close_waits_for_the_queue_and_later_writes_run_at_once(
        service: JournalService, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    write = atomic.atomic_write

    def slow(*args: Any, **kwargs: Any) -> Any:
        # The writer is still busy when close is called. (A sleep, not a timed wait on
        # an Event: under libfaketime, CI's far-date run, such a wait never times out.)
        time.sleep(0.2)
        return write(*args, **kwargs)

    monkeypatch.setattr(atomic, "atomic_write", slow)
    service.save_draft(draft("new-20261126", "on quit"))
    service.close()
    assert [d.body for d in journal.drafts()] == ["on quit"]
    later = service.save_draft(draft("new-20261126", "after close"))
    assert later.done() and [d.body for d in journal.drafts()] == ["after close"]


def test_delete_and_restore(service: JournalService, journal: Journal) -> None:
    entry = seed(journal)[2]
    assert service.delete(entry.id).result(5) == entry.id
    with pytest.raises(NotFound):
        service.entry(entry.id)
    assert service.restore(entry.id).result(5) == entry.id
    assert service.entry(entry.id).body == entry.body


def test_the_first_page_is_peeked_only_when_free_and_the_index_open(
        service: JournalService, journal: Journal) -> None:
    """Peeked from the index as it stands (the start's walk may be going on), never
    opening it on the UI thread, nor from an empty index that is still to be built."""
    seed(journal)
    fresh = Journal(journal.root, cache_dir=journal.cache_dir)
    other = JournalService(fresh)
    cold = JournalService(Journal(journal.root, cache_dir=journal.cache_dir / "cold"))
    try:
        assert other.peek_first_page(2) is None  # the index not opened yet
        _ = fresh.index.db
        assert not fresh.fresh and other.peek_first_page(2).total == 5  # not walked yet
        _ = cold.journal.index.db
        assert cold.peek_first_page(2) is None  # empty: built by the reading worker
        assert cold.first_page(2).total == 5
        assert other.first_page(2).total == 5
        page = other.peek_first_page(2)
        assert page is not None and len(page.entries) == 2 and page.total == 5
        held, done = threading.Event(), threading.Event()

        def reader() -> None:
            with other._lock:
                held.set()
                done.wait(5)

        thread = threading.Thread(target=reader)
        thread.start()
        held.wait(5)
        try:
            assert other.peek_first_page(2) is None  # a worker reads: never wait
        finally:
            done.set()
            thread.join()
    finally:
        other.close()
        fresh.close()
        cold.close()
        cold.journal.close()


def test_the_start_counts_the_entries_for_the_first_page(journal: Journal) -> None:
    """The start's read counts the entries (on its thread), so the first page peeked
    on the UI thread as the Journal screen is built scans no row to count them."""
    seed(journal)
    journal.close()
    fresh = Journal(journal.root, cache_dir=journal.cache_dir)
    service = JournalService(fresh)
    try:
        service.problems_at_start()
        statements: list[str] = []
        fresh.index.db.set_trace_callback(statements.append)
        page = service.peek_first_page(2)
        assert page is not None and page.total == 5
        assert statements and not [s for s in statements if "count(" in s]
    finally:
        service.close()
        fresh.close()


def test_an_export_that_appeared_meanwhile_is_kept(service: JournalService,
                                                   tmp_path: Path) -> None:
    target = tmp_path / "exports" / "review-2026-W48.md"
    other = tmp_path / "exports" / "review-2026-W48-2.md"
    atomic.atomic_write(target, b"mine")
    written = service.export(target, "new", overwrite=False, elsewhere=lambda: other)
    assert written.result(5) == other
    assert target.read_text("utf-8") == "mine" and other.read_text("utf-8") == "new"


def test_a_word_on_a_theme_changes_only_the_themes_table(service: JournalService,
                                                         journal: Journal) -> None:
    entry = seed(journal)[0]
    shown = service.entry(entry.id)  # as the entry view read it
    saved = service.set_word(shown, "synergy", "high").result(5)
    on_disk = journal.get(entry.id)
    assert on_disk.themes == {"synergy": "high"} == saved.themes
    assert (on_disk.body, on_disk.checkin, on_disk.tags) == (entry.body, entry.checkin,
                                                              entry.tags)
    # Today's editor, holding the copy read before the word, saves after it: kept
    service.save(shown.with_changes(body="Edited in Today")).result(5)
    assert journal.get(entry.id).themes == {"synergy": "high"}
    assert service.set_word(saved, "synergy", None).result(5).themes == {}
    assert journal.get(entry.id).body == "Edited in Today"
    assert journal.get(entry.id).themes == {}


def test_a_word_never_writes_a_stale_copy_and_the_editor_keeps_it(
        service: JournalService, journal: Journal) -> None:
    """Today saves, the word lands on what Today saved (not on the entry view's older
    copy), and Today's next save, made from a copy older than the word, keeps it."""
    entry = seed(journal)[0]
    read = service.entry(entry.id)  # the entry view's copy
    editor = service.save(read.with_changes(body="Newer text from Today")).result(5)
    service.set_word(read, "determination", "low").result(5)
    assert journal.get(entry.id).body == "Newer text from Today"
    service.save(editor.with_changes(body="Newest text")).result(5)
    on_disk = journal.get(entry.id)
    assert (on_disk.body, on_disk.themes) == ("Newest text", {"determination": "low"})


def test_a_word_is_refused_when_another_writer_changed_the_file(
        service: JournalService, journal: Journal) -> None:
    from journal_tui.core.conflict import Conflict

    entry = seed(journal)[0]
    read = service.entry(entry.id)
    path = journal.locate(entry.id)
    by_hand = path.read_text("utf-8").replace("Lunch with", "Dinner with")
    path.write_text(by_hand, "utf-8")
    with pytest.raises(Conflict):
        service.set_word(read, "synergy", "none").result(5)
    assert path.read_text("utf-8") == by_hand
    # an editor holding the copy read before the hand edit is refused too
    with pytest.raises(Conflict):
        service.save(read.with_changes(body="over it")).result(5)


def test_mentions_for_completion_are_read_apart_without_their_text(
        service: JournalService, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """Completion's names (``people(None)``) come from a read of the index that takes
    no lock (the Journal screen's page never waits for it) and holds no entry text."""
    seed(journal)
    read = service.people(None)
    assert [s.name for s in read.people] == ["Marie", "Paul"]
    assert all(e.body == "" for s in read.people for e in s.entries)
    # nor what completion never shows (~30% of what 100,000 such entries held)
    entries = [e for s in read.people for e in s.entries]
    assert entries and all(e.people and not (e.prompt or e.tags or e.checkin or e.themes)
                           for e in entries)
    reads: list[int] = []
    mentioning = journal.index.mentioning

    def spy(q: Any) -> Any:
        assert service._lock.acquire(blocking=False)  # free: nobody waits on this read
        service._lock.release()
        reads.append(1)
        return mentioning(q)

    monkeypatch.setattr(journal.index, "mentioning", spy)
    entry = make_entry("Tea with @Zoé and @Paul", day=TODAY, when=at(TODAY, 9))
    service.save(entry).result(5)
    read = service.people(None)
    assert reads == [1]
    assert [(s.name, s.mentions) for s in read.people] == [("Paul", 2), ("Marie", 1),
                                                            ("Zoé", 1)]


def test_the_week_comes_with_its_theme_signals_ready(
        service: JournalService, journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review is computed without scoring an entry: the week's entries are
    scored by the read (and kept in the index, so the next read scores none)."""
    from journal_tui.core.detect import Detector, detector_for
    from journal_tui.core.review import weekly_review

    seed(journal)
    book = fixed_book()
    week = "2026-W48"
    scored: list[str] = []
    score = Detector._score

    def spy(self: Detector, entry: Entry) -> Any:
        scored.append(entry.id)
        return score(self, entry)

    monkeypatch.setattr(Detector, "_score", spy)
    read = service.week(week, "review-" + week, book)
    assert len(scored) == 4  # the week's three and one of the four weeks before
    scored.clear()
    review = weekly_review(read.entries, week, book, TODAY, read.written, chosen=())
    assert scored == [] and review.themes
    detector_for(book)._memo.clear()  # as a new session: the index keeps them
    service.week(week, "review-" + week, book)
    assert scored == []


def test_kept_signals_need_no_detector(service: JournalService, journal: Journal,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the entries' signals are kept, drawing them loads no detector data
    (~0.2 s, a good part of Themes' first paint)."""
    from journal_tui.core import detector_data
    from journal_tui.core.index import Query
    from journal_tui.core.themes import last_weeks, series

    seed(journal)
    q = Query(kind="entry")
    first = series(service.scored(q, fixed_book()), fixed_book(), last_weeks(TODAY, 8))

    def refused() -> Any:
        raise AssertionError("the detector's data was loaded")

    monkeypatch.setattr(detector_data, "load", refused)
    book = fixed_book()  # another book: another detector, nothing in memory
    assert series(service.scored(q, book), book, last_weeks(TODAY, 8)) == first


@pytest.mark.parametrize("which", ["people", "questions", "themes"])
async def test_a_cancelled_read_stops_scoring(service: JournalService, journal: Journal,
                                              which: str) -> None:
    """People, Review's questions and Themes score entries not scored yet in their
    worker; once it is cancelled (the screen left, the app quitting) the pass stops
    instead of scoring on: quitting waited minutes for a first pass at 100,000."""
    import asyncio

    from textual import work
    from textual.app import App
    from textual.worker import get_current_worker

    from journal_tui.core.index import Query
    from journal_tui.tui.service import Stopped

    seed(journal)
    book = fixed_book()
    outcome: list[str] = []

    class Host(App[None]):
        @work(thread=True)
        def read(self, cancel: bool) -> None:
            if cancel:
                self.call_from_thread(get_current_worker().cancel)
            try:
                if which == "people":
                    service.people(book)
                elif which == "questions":
                    service.chosen_questions("2026-W48", book)
                else:
                    service.scored(Query(kind="entry"), book, lambda done, total: None)
                outcome.append("finished")
            except Stopped:
                outcome.append("stopped")

    app = Host()
    async with app.run_test():
        app.read(True)
        for _ in range(500):
            if outcome:
                break
            await asyncio.sleep(0.01)
        assert outcome == ["stopped"]
        app.read(False)  # not cancelled: the same reads score and finish
        for _ in range(500):
            if len(outcome) == 2:
                break
            await asyncio.sleep(0.01)
    assert outcome == ["stopped", "finished"]


def test_the_first_walk_is_the_start_walk_going_on(journal: Journal, monkeypatch) -> None:
    """The Journal screen's first load during the start's walk takes that walk (no
    second walk of every file beside it), and the walk is not kept afterwards; once
    the start's walk is done, each load walks anew. The first page never walks."""
    from journal_tui.core import listing

    seed(journal)
    journal.close()
    fresh = Journal(journal.root, cache_dir=journal.cache_dir)
    service = JournalService(fresh)
    walks: list[int] = []
    held = threading.Event()
    real = listing.scan

    def scan(*args: Any, **kwargs: Any) -> Any:
        walks.append(1)
        held.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(listing, "scan", scan)
    try:
        start = threading.Thread(target=service.problems_at_start)
        start.start()
        while not walks:
            time.sleep(0.01)
        page = service.first_page(10)  # the index as it stands, while the walk is held
        assert len(page.entries) == len(fixed_entries()) and walks == [1]
        got: list[Any] = []
        first = threading.Thread(target=lambda: got.append(service.first_walk()))
        first.start()
        while not service._start_walk_wanted:  # it waits for the start's walk
            time.sleep(0.01)
        held.set()
        start.join(10)
        first.join(10)
        assert walks == [1] and got[0].folders
        assert service._start_walk is None  # not held for good (every file's name)
        service.first_walk()
        assert walks == [1, 1]
    finally:
        held.set()
        service.close()
        fresh.close()
