"""The journal's distinct words, so a text found in no word answers with no scan.

A text that matches nothing makes the index scan every entry's folded text
(~0.11 s at 100,000 entries, for the page and again for its count), and the first
letters a person types often match nothing ("pq"). A text holding no whitespace
can only lie within one whitespace-separated word of an entry's search text: if
no word of the journal holds it, no entry does. The journal's words are few
(hundreds to a few hundred thousand) beside its text (~95 MB), so looking through
them takes well under a millisecond.

Exact as long as the ``words`` table holds every word of every row of ``search``
(a superset is fine: a word left behind by a deleted entry only costs a scan):

- each search text written to ``search`` after its first whole fill has its words
  written in the same transaction (``Index._fill_search``);
- a whole fill (every row at once, seconds at 100,000 entries) leaves them out, to
  keep the first search as fast as before: it empties ``words`` and marks the fill
  with a new ``generation``; ``build`` then reads every search text in the
  background (in a worker process when there are many: splitting costs ~38 µs an
  entry) and writes their words with ``worded`` = that generation, unless another
  whole fill came meanwhile. Only then do searches trust ``words``
  (``worded`` == ``searched``).
"""

from __future__ import annotations

import itertools
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from journal_tui.core import slices

TABLE = "CREATE TABLE IF NOT EXISTS words (word TEXT PRIMARY KEY) WITHOUT ROWID"
INSERT = "INSERT OR IGNORE INTO words VALUES (?)"
SPAN = 2000
"""Search rows per range read by ``build`` (a worker's message)."""
POOL_MIN = 4000
"""Rows before a worker process pays for itself (one: the build runs in the
background, and the other core is left to the screen)."""

TRUSTED = ("SELECT 1 FROM meta AS w JOIN meta AS s ON w.value = s.value "
           "WHERE w.key = 'worded' AND s.key = 'searched'")
"""A row when ``words`` holds every word of ``search`` (its build is done)."""


def generation() -> str:
    """A mark for a whole fill, never reused (a build started before another whole
    fill must not be taken for one of it)."""
    return os.urandom(8).hex()


def single_word(needle: str) -> bool:
    """Whether ``needle`` holds no whitespace (``str.split``'s): then each of its
    occurrences lies within one word of the text."""
    return bool(needle) and needle.split() == [needle]


def words_of(texts: Iterable[str]) -> set[str]:
    """The distinct whitespace-separated words of ``texts``."""
    found: set[str] = set()
    for text in texts:
        found.update(text.split())
    return found


def absent(db: sqlite3.Connection, needle: str, like: str | None) -> bool:
    """Whether no entry's search text can hold ``needle``: the words are trusted,
    ``needle`` is one word, and no word holds it (``like``: its LIKE pattern, a
    pre-filter, or None)."""
    if not single_word(needle):
        return False
    sql = (f"SELECT EXISTS ({TRUSTED}) AND NOT EXISTS (SELECT 1 FROM words WHERE "
           + ("word LIKE ? ESCAPE '\\' AND " if like is not None else "")
           + "instr(word, ?) > 0)")
    args = (like, needle) if like is not None else (needle,)
    return bool(db.execute(sql, args).fetchone()[0])


def due(db: sqlite3.Connection) -> bool:
    """Whether the search table is filled and its words are not built yet."""
    row = db.execute(f"SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'searched') "
                     f"AND NOT EXISTS ({TRUSTED})").fetchone()
    return bool(row[0])


def _ranges(db: sqlite3.Connection) -> list[tuple[str | None, str | None]]:
    """``sday`` ranges (from, before; None: open) that cover every row of ``search``,
    of about ``SPAN`` rows each (cut at the readable rows' days)."""
    days = [d for (d,) in db.execute(
        "SELECT day FROM files WHERE error IS NULL ORDER BY day")]
    cuts = sorted({days[i] for i in range(SPAN, len(days), SPAN)})
    bounds: list[str | None] = [None, *cuts, None]
    return list(itertools.pairwise(bounds))


_RANGE = "SELECT folded FROM search WHERE sday >= coalesce(?, '') AND (? IS NULL OR sday < ?)"


def _range_words(db: sqlite3.Connection, lo: str | None, hi: str | None) -> list[str]:
    return sorted(words_of(t for (t,) in db.execute(_RANGE, (lo, hi, hi))))


def _task(send: slices.Send, uri: str, ranges: list[tuple[str | None, str | None]]) -> None:
    """A worker process's ranges, one message each."""
    db = sqlite3.connect(uri, uri=True)
    try:
        for lo, hi in ranges:
            send([_range_words(db, lo, hi)])
    finally:
        db.close()


def build(db: sqlite3.Connection, db_path: Path | None,
          cancelled: Callable[[], bool]) -> tuple[str, set[str]] | None:
    """The generation of the search table's fill and every word it holds, read
    through ``db``, or in a worker process when the rows are many and the index is
    a file (``db_path``): this process only waits. None when there is no fill yet,
    or once ``cancelled()`` (asked between ranges: quitting need not wait)."""
    row = db.execute("SELECT value FROM meta WHERE key = 'searched'").fetchone()
    if row is None:
        return None
    ranges = _ranges(db)
    n = 1 if len(ranges) * SPAN >= POOL_MIN else 0

    def rest(left: list[tuple[str | None, str | None]]) -> Iterator[list[list[str]]]:
        for lo, hi in left:
            yield [_range_words(db, lo, hi)]

    chunks = (rest(ranges) if db_path is None or not n else
              slices.in_workers(_task, (db_path.as_uri() + "?mode=ro",), ranges, n, rest))
    found: set[str] = set()
    for chunk in chunks:
        if cancelled():
            return None
        for words in chunk:
            found.update(words)
    return row[0], found
