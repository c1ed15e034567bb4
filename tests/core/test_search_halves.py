"""A scan in two halves gives the rows of one scan; the older half is read beside
the newer only when that one takes a while (a common text asks no second
connection), is stopped once the newer fills the page, and both stop when
cancelled."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from journal_tui.core import search_halves
from journal_tui.core.search_halves import in_halves

SQL = "SELECT n FROM t WHERE {} ORDER BY n DESC LIMIT ?"
# every row read (no index), 20,000 of them: more than a few thousand steps
SCAN = "SELECT n FROM t WHERE n % 7 = 100 AND n + 0 {} ? LIMIT ?"
FOREVER = ("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c) "
           "SELECT slow(i) FROM c WHERE slow(i) < 0", [])


def connections(tmp_path: Path,
                rows: int) -> tuple[sqlite3.Connection, Callable[[], sqlite3.Connection]]:
    path = tmp_path / "t.sqlite3"
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)")
    db.execute("BEGIN")
    db.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(rows)])
    db.execute("COMMIT")
    twin = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, check_same_thread=False)
    return db, lambda: twin


def halves(middle: int, wanted: int) -> tuple[tuple[str, list[object]], ...]:
    return ((SQL.format("n % 2 = 1 AND n > ?"), [middle, wanted]),
            (SQL.format("n % 2 = 1 AND n <= ?"), [middle, wanted]))


@pytest.fixture
def at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The older half starts beside the newer at once, however quick that one is."""
    monkeypatch.setattr(search_halves, "AFTER", 0)


@pytest.mark.parametrize("now", [False, True])
@pytest.mark.parametrize("wanted", [1, 3, 50, 99, 100, 1000])
def test_the_halves_give_the_rows_of_one_scan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              wanted: int, now: bool) -> None:
    if now:
        monkeypatch.setattr(search_halves, "AFTER", 0)
    db, twin = connections(tmp_path, 100)
    newer, older = halves(60, wanted)
    rows = in_halves(db, newer, twin, older, wanted, lambda: False)
    assert rows is not None
    assert rows[:wanted] == db.execute(SQL.format("n % 2 = 1"), [wanted]).fetchall()


def test_a_quick_newer_half_asks_no_second_connection(tmp_path: Path) -> None:
    db, _ = connections(tmp_path, 100)

    def twin() -> sqlite3.Connection:
        raise AssertionError("no second connection for a quick scan")

    for middle in (60, 96):  # the page filled by the newer half, or by both
        newer, older = halves(middle, 5)
        rows = in_halves(db, newer, twin, older, 5, lambda: False)
        assert rows is not None and rows[:5] == [(99,), (97,), (95,), (93,), (91,)]


def test_the_older_half_stops_once_the_newer_fills_the_page(tmp_path: Path,
                                                             at_once: None) -> None:
    db, twin = connections(tmp_path, 20000)
    looked: list[int] = []

    def slow(n: int) -> int:  # the older half would take ~forever
        looked.append(n)
        return n

    twin().create_function("slow", 1, slow)
    newer = ("SELECT n FROM t WHERE n + 0 > ? ORDER BY n DESC LIMIT ?", [4, 3])
    rows = in_halves(db, newer, twin, FOREVER, 3, lambda: False)
    assert rows == [(19999,), (19998,), (19997,)]


def test_cancelled_halves_give_none(tmp_path: Path, at_once: None) -> None:
    db, twin = connections(tmp_path, 20000)
    newer, older = (SCAN.format(">"), [0, 5]), (SCAN.format("<="), [0, 5])
    assert in_halves(db, newer, twin, older, 5, lambda: False) == []
    assert in_halves(db, newer, twin, older, 5, lambda: True) is None
    asked: list[int] = []  # cancelled while the older half is read

    def slow(n: int) -> int:
        asked.append(n)
        return n

    twin().create_function("slow", 1, slow)
    assert in_halves(db, newer, twin, FOREVER, 5, lambda: bool(asked)) is None
    assert asked


def test_an_error_of_the_older_half_is_raised(tmp_path: Path, at_once: None) -> None:
    db, twin = connections(tmp_path, 20000)
    with pytest.raises(sqlite3.OperationalError):
        in_halves(db, (SCAN.format(">"), [0, 5]), twin, ("SELECT * FROM nowhere", []), 5,
                  lambda: False)
