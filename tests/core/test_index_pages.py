"""Index pages and counts (the TUI's Journal screen reads a page at a time), the
theme filter, the refresh's "changed" answer and the cached days with entries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal_tui.core.index import Query
from journal_tui.core.model import make_entry
from journal_tui.core.storage import Journal

TZ = timezone(timedelta(hours=1))
START = date(2026, 1, 1)
WORDS = ("Été", "ete", "plan", "client", "Marie", "doute")


def filled(root: Path, n: int) -> Journal:
    journal = Journal(root / "journal", cache_dir=root / "cache")
    entries = []
    for i in range(n):
        day = START + timedelta(days=i // 2)
        entries.append(make_entry(
            f"{WORDS[i % len(WORDS)]} {WORDS[(i * 7) % len(WORDS)]} #t{i % 3}", day=day,
            when=datetime(day.year, day.month, day.day, 8 + i % 2, tzinfo=TZ),
            prompt_id="p-det" if i % 5 == 0 else None,
            checkin={"synergy": 1} if i % 4 == 0 else {}))
    journal.add_many(entries)
    return journal


QUERIES = [Query(), Query(contains="ete"), Query(contains="É"), Query(tag="t1"),
           Query(start=START + timedelta(days=3), end=START + timedelta(days=9)),
           Query(theme="synergy"), Query(theme="determination", theme_prompts=("p-det",)),
           Query(theme="determination", theme_prompts=()),
           Query(contains="plan", tag="t2", theme="synergy")]


@pytest.fixture(scope="module")
def journal(tmp_path_factory: pytest.TempPathFactory) -> Journal:
    return filled(tmp_path_factory.mktemp("pages"), 40)


@settings(max_examples=40, deadline=None)
@given(q=st.sampled_from(QUERIES), size=st.integers(1, 15), newest=st.booleans())
def test_pages_put_together_are_the_whole_listing(journal: Journal, q: Query, size: int,
                                                  newest: bool) -> None:
    whole = [e.id for e in journal.query(q)]  # newest first
    pages: list[str] = []
    offset = 0
    while True:
        page = journal.query(Query(q.start, q.end, q.tag, q.contains, q.kind, size,
                                   newest, offset, q.theme, q.theme_prompts))
        pages += [e.id for e in page]
        if len(page) < size:
            break
        offset += size
    if not newest:
        whole.reverse()
    assert pages == whole
    assert journal.count(q) == len(whole) == journal.count(
        Query(q.start, q.end, q.tag, q.contains, q.kind, 3, newest, 5, q.theme,
              q.theme_prompts))


def test_the_theme_filter_is_the_rating_or_the_prompt(journal: Journal) -> None:
    every = journal.query(Query())
    rated = [e.id for e in every if "synergy" in e.checkin]
    assert [e.id for e in journal.query(Query(theme="synergy"))] == rated
    answered = [e.id for e in every if e.prompt_id == "p-det"]
    assert answered and [e.id for e in journal.query(
        Query(theme="determination", theme_prompts=("p-det",)))] == answered
    assert journal.count(Query(theme="determination")) == 0


def test_refresh_says_whether_files_changed(tmp_path: Path) -> None:
    journal = filled(tmp_path, 3)
    journal.refresh()
    assert journal.refresh() is False
    entry = journal.query(Query())[0]
    path = journal.locate(entry.id)
    path.write_text(path.read_text(encoding="utf-8").replace(entry.body, "Changed by hand"),
                    encoding="utf-8")
    assert journal.refresh() is True
    assert journal.refresh() is False


def test_days_with_entries_follow_writes_here_and_in_another_process(tmp_path: Path) -> None:
    journal = filled(tmp_path, 4)  # two days
    assert journal.days_with_entries() == {START, START + timedelta(days=1)}
    later = START + timedelta(days=30)
    journal.add(make_entry("Here", day=later))
    assert later in journal.days_with_entries()
    other = Journal(tmp_path / "journal", cache_dir=tmp_path / "cache")  # another process
    elsewhere = START + timedelta(days=60)
    other.add(make_entry("Elsewhere", day=elsewhere))
    other.refresh()
    assert elsewhere in journal.days_with_entries()
    assert journal.written_days().ordered == (START, START + timedelta(days=1), later,
                                              elsewhere)
    other.close()


def test_a_count_apart_agrees_and_stops_when_cancelled(journal: Journal) -> None:
    """The TUI counts on a connection of its own (no lock held): the same numbers."""
    for q in QUERIES:
        assert journal.index.count_apart(q, lambda: False) == journal.count(q)
    assert journal.index.count_apart(Query(contains="ete"), lambda: True) is None


def test_no_count_apart_from_the_in_memory_stand_in(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal", cache_dir=None)
    journal.add(make_entry("Only in memory", day=START))
    assert journal.count(Query()) == 1
    assert journal.index.count_apart(Query(), lambda: False) is None


def test_the_count_is_kept_until_the_index_changes(journal: Journal) -> None:
    """The number of entries (asked by every page and keystroke of the Journal
    screen) is counted once, again only after a change: this connection's write,
    another process's, or a connection made anew."""
    import sqlite3

    index = journal.index
    n = index.count()
    statements: list[str] = []
    index.db.set_trace_callback(statements.append)
    assert index.count() == n
    assert not any("count(*)" in s for s in statements)
    journal.add(make_entry("two", day=date(2026, 11, 21)))
    assert index.count() == n + 1
    db_path = index.db_path
    assert db_path is not None
    with sqlite3.connect(db_path) as other:  # another process's write
        other.execute("DELETE FROM files WHERE rowid = (SELECT min(rowid) FROM files)")
    assert index.count() == n
    index.close()
    assert index.count() == n
