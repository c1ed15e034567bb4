"""``--contains`` and the Journal screen's search (``Query.contains``): the index's
pre-filter never changes what is found."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_tui.core import index as index_module
from journal_tui.core.index import Query
from journal_tui.core.indexing import search_text, search_text_of, searchable
from journal_tui.core.model import make_entry
from journal_tui.core.storage import Journal

TZ = timezone(timedelta(hours=1))
# LIKE's own signs, a NUL (the end of a text for LIKE), letters that fold to capitals
# ("ℌ" to "H") or not, accents, and the separator of the search text's fields.
ALPHABET = st.sampled_from(["a", "b", "%", "_", "\\", "\0", "ℌ", "H", "h", "é", "E", " ",
                            "\x1f", "’", "'"])
TEXT = st.lists(ALPHABET, max_size=12).map("".join)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bodies=st.lists(TEXT, min_size=1, max_size=5), needle=TEXT.filter(str.strip))
def test_what_is_found_is_what_holds_the_words(tmp_path_factory, bodies: list[str],
                                                needle: str) -> None:
    root = tmp_path_factory.mktemp("search")
    journal = Journal(root / "journal", cache_dir=root / "cache")
    day = date(2026, 11, 1)
    entries = [make_entry(body, day=day + timedelta(days=n),
                          when=datetime(2026, 11, 1 + n, 9, tzinfo=TZ))
               for n, body in enumerate(bodies)]
    journal.add_many(entries)
    expected = [e.id for e in sorted(entries, key=lambda e: e.date, reverse=True)
                if searchable(needle) in search_text(e)]
    assert [e.id for e in journal.query(Query(contains=needle))] == expected
    again = Journal(journal.root, cache_dir=root / "cache")  # the search text now kept
    assert [e.id for e in again.query(Query(contains=needle))] == expected
    journal.close()
    again.close()


def test_a_version_8_search_text_with_a_nul_is_folded_again(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal", cache_dir=tmp_path / "cache")
    journal.save(make_entry("avant\0après la réunion", day=date(2026, 11, 2),
                            when=datetime(2026, 11, 2, 9, tzinfo=TZ)))
    assert journal.query(Query(contains="reunion"))  # fills the search text
    journal.close()
    db = sqlite3.connect(tmp_path / "cache" / "index.sqlite3", isolation_level=None)
    db.create_function("search_text_of", 1, search_text_of)
    # as version 8 kept it: in the row, with the NUL; no search table filled
    db.execute("UPDATE files SET fold = replace(search_text_of(data), char(65533), char(0))")
    assert db.execute("SELECT instr(fold, char(0)) FROM files").fetchone() != (0,)
    db.execute("DELETE FROM search")
    db.execute("DELETE FROM meta WHERE key = 'searched'")
    db.execute("PRAGMA user_version = 8")
    db.close()
    again = Journal(journal.root, cache_dir=tmp_path / "cache")
    assert [e.body for e in again.query(Query(contains="REUNION"))] == ["avant\0après la réunion"]
    version = again.index.db.execute("PRAGMA user_version").fetchone()[0]
    assert version == index_module.VERSION
    again.close()


def _filled_journal(root: Path, n: int) -> Journal:
    journal = Journal(root / "journal", cache_dir=root / "cache")
    journal.add_many([make_entry(f"Entrée {i} : réunion n°{i} avec ℌélène #t{i % 3}",
                                 day=date(2026, 1, 1) + timedelta(days=i),
                                 when=datetime(2026, 1, 1, 9, tzinfo=TZ) + timedelta(days=i))
                      for i in range(n)])
    return journal


def test_the_first_search_folds_in_workers_as_here(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Many rows are folded in worker processes: the same texts as folded here, each
    range once, and ``on_progress`` follows them to the end."""
    from journal_tui.core import search_fill, slices

    monkeypatch.setattr(search_fill, "RANGE", 7)
    monkeypatch.setattr(slices, "cpus", lambda: 2)
    monkeypatch.setattr(slices, "forking", lambda: True)
    workers: list[int] = []
    real = slices.in_workers
    monkeypatch.setattr(slices, "in_workers",
                        lambda *args: workers.append(args[3]) or real(*args))
    texts = {}
    for pool_min in (10**9, 10):
        monkeypatch.setattr(search_fill, "POOL_MIN", pool_min)
        monkeypatch.setattr(search_fill, "PER_WORKER", 10)
        journal = _filled_journal(tmp_path / str(pool_min), 60)
        seen: list[tuple[int, int]] = []
        journal.on_search_progress = lambda done, total, seen=seen: seen.append((done, total))
        found = journal.query(Query(contains="RÉUNION N°4"))
        assert [e.body for e in found] == [f"Entrée {i} : réunion n°{i} avec ℌélène #t{i % 3}"
                                           for i in (49, 48, 47, 46, 45, 44, 43, 42, 41, 40, 4)]
        assert seen and seen[-1] == (60, 60) and len(seen) == 9  # ranges of 7 rows
        texts[pool_min] = journal.index.db.execute(
            "SELECT folded FROM search ORDER BY sday").fetchall()
        assert journal.index.db.execute("SELECT count(*) FROM unsearched").fetchone() == (0,)
        journal.close()
    assert workers == [2]  # the second journal's fill, not the first's
    assert texts[10] == texts[10**9]
    assert len(texts[10]) == 60


def test_a_search_on_an_index_in_memory_folds_here(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal", cache_dir=None)
    journal.add_many([make_entry("Été", day=date(2026, 1, 2),
                                 when=datetime(2026, 1, 2, 9, tzinfo=TZ))])
    assert [e.body for e in journal.query(Query(contains="ete"))] == ["Été"]
