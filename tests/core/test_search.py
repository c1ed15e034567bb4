"""``--contains`` and the Journal screen's search (``Query.contains``): the index's
pre-filter never changes what is found."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_tui.core import index as index_module
from journal_tui.core.index import Query
from journal_tui.core.indexing import search_text, searchable
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
    db.execute("UPDATE files SET fold = replace(fold, char(65533), char(0))")  # as 8 kept it
    db.execute("PRAGMA user_version = 8")
    db.close()
    again = Journal(journal.root, cache_dir=tmp_path / "cache")
    assert [e.body for e in again.query(Query(contains="REUNION"))] == ["avant\0après la réunion"]
    version = again.index.db.execute("PRAGMA user_version").fetchone()[0]
    assert version == index_module.VERSION == 9
    again.close()
