"""A scan in two halves at once gives the rows of one scan, stops the older half
once the newer one fills the page, and stops both when cancelled."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from journal_tui.core.search_halves import in_halves

SQL = "SELECT n FROM t WHERE {} ORDER BY n DESC LIMIT ?"


def connections(tmp_path: Path, rows: int) -> tuple[sqlite3.Connection, sqlite3.Connection]:
    path = tmp_path / "t.sqlite3"
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    db.execute("CREATE TABLE t (n INTEGER PRIMARY KEY)")
    db.execute("BEGIN")
    db.executemany("INSERT INTO t VALUES (?)", [(n,) for n in range(rows)])
    db.execute("COMMIT")
    twin = sqlite3.connect(path.as_uri() + "?mode=ro", uri=True, check_same_thread=False)
    return db, twin


def halves(middle: int, wanted: int, odd: bool = False) -> tuple[tuple[str, list[object]], ...]:
    where = "n % 2 = 1 AND " if odd else ""
    return ((SQL.format(where + "n > ?"), [middle, wanted]),
            (SQL.format(where + "n <= ?"), [middle, wanted]))


@pytest.mark.parametrize("wanted", [1, 3, 50, 99, 100, 1000])
def test_the_halves_give_the_rows_of_one_scan(tmp_path: Path, wanted: int) -> None:
    db, twin = connections(tmp_path, 100)
    newer, older = halves(60, wanted, odd=True)
    rows = in_halves(db, newer, twin, older, wanted, lambda: False)
    assert rows is not None
    whole = db.execute(SQL.format("n % 2 = 1"), [wanted]).fetchall()
    assert rows[:wanted] == whole


def test_the_older_half_stops_once_the_newer_fills_the_page(tmp_path: Path) -> None:
    db, twin = connections(tmp_path, 10)
    looked: list[int] = []

    def slow(n: int) -> int:  # the older half would take ~forever
        looked.append(n)
        return n

    twin.create_function("slow", 1, slow)
    older = ("WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c) "
             "SELECT slow(i) FROM c WHERE slow(i) < 0", [])
    rows = in_halves(db, (SQL.format("n > ?"), [4, 3]), twin, older, 3, lambda: False)
    assert rows == [(9,), (8,), (7,)]
    assert looked  # it had started, and was stopped


def test_cancelled_halves_give_none(tmp_path: Path) -> None:
    db, twin = connections(tmp_path, 20000)
    newer, older = halves(10000, 5, odd=False)
    newer = (newer[0].replace("n > ?", "n > ? AND n < 0"), newer[1])
    older = (older[0].replace("n <= ?", "n <= ? AND n < 0"), older[1])
    assert in_halves(db, newer, twin, older, 5, lambda: True) is None


def test_an_error_of_the_older_half_is_raised(tmp_path: Path) -> None:
    db, twin = connections(tmp_path, 10)
    with pytest.raises(sqlite3.OperationalError):
        in_halves(db, (SQL.format("n > ?"), [8, 5]), twin, ("SELECT * FROM nowhere", []), 5,
                  lambda: False)
