"""The index's search text, filled on the first search rather than at build time.

A cold build leaves the search table (``search``: each readable entry's order
key and folded text) empty: folding every body is two fifths of what a row
costs, and only a text search needs it. The first such search folds them all:
~35 µs an entry, and at 100,000 entries, seconds that a person sees. So the rows
are folded in ranges of ``RANGE`` rowids, in worker processes when there are many
(each reads its ranges on a read-only connection of its own and sends the folded
texts back), and the caller's ``progress`` follows them. Afterwards only the rows
written since (queued in ``unsearched`` as they are written) are folded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from journal_tui.core import slices
from journal_tui.core.indexing import search_text_of

RANGE = 500
"""Rows per range (a worker's message, a progress step)."""
POOL_MIN = 4000
"""Rows to fold before worker processes pay for themselves."""
PER_WORKER = 2000

Folded = list[tuple[str, int, str]]
"""``(search text, rowid, rel)`` of a range's rows: the search table's ``INSERT``'s
parameters."""

_ROWS = {  # the rows to fold: every readable one (``whole``), or those queued
    True: "SELECT rowid FROM files WHERE error IS NULL",
    False: "SELECT file FROM unsearched",
}


def missing_ranges(db: sqlite3.Connection,
                   whole: bool) -> tuple[list[int], list[tuple[int, int]]]:
    """The rows that lack their search text, and rowid ranges that cover them
    (``whole``: every readable row, else those ``unsearched`` holds)."""
    rowids = sorted(r for (r,) in db.execute(_ROWS[whole]))
    ranges = [(rowids[i], rowids[min(i + RANGE, len(rowids)) - 1])
              for i in range(0, len(rowids), RANGE)]
    return rowids, ranges


def folded(db: sqlite3.Connection, db_path: Path | None, ranges: list[tuple[int, int]],
           count: int, whole: bool) -> Iterator[Folded]:
    """The search texts of the rows in ``ranges``, a range at a time, in no set order.

    In worker processes when ``count`` rows are many and the index is a file
    (``db_path``) they can open; else read through ``db`` here."""
    n = slices.workers_for(count, POOL_MIN, PER_WORKER)
    if db_path is None or not n:
        return (_fold_range(db, lo, hi, whole) for lo, hi in ranges)
    chunks = slices.in_workers(_task, (db_path.as_uri() + "?mode=ro", whole), ranges, n,
                               _reader(db, whole))
    return (rows for chunk in chunks for rows in chunk)


_RANGE = {
    True: "SELECT rowid, rel, fold, data FROM files WHERE rowid BETWEEN ? AND ? "
          "AND error IS NULL",
    False: "SELECT files.rowid, rel, fold, data FROM unsearched JOIN files "
           "ON files.rowid = unsearched.file WHERE file BETWEEN ? AND ? AND error IS NULL",
}


def _fold_range(db: sqlite3.Connection, lo: int, hi: int, whole: bool) -> Folded:
    # ``fold``: the text an index of version 10 kept in the row (the same folding),
    # so a migrated index copies its texts rather than folding them again.
    return [(search_text_of(data) if fold is None else fold, rowid, rel)
            for rowid, rel, fold, data in db.execute(_RANGE[whole], (lo, hi)).fetchall()]


def _reader(db: sqlite3.Connection, whole: bool) -> Callable[[list[tuple[int, int]]],
                                                             Iterator[list[Folded]]]:
    """What a worker did not send, folded here (one result per range, as workers send)."""
    def rest(ranges: list[tuple[int, int]]) -> Iterator[list[Folded]]:
        for lo, hi in ranges:
            yield [_fold_range(db, lo, hi, whole)]
    return rest


def _task(send: slices.Send, uri: str, whole: bool, ranges: list[tuple[int, int]]) -> None:
    """A worker process's ranges, one message each."""
    db = sqlite3.connect(uri, uri=True)
    try:
        for lo, hi in ranges:
            send([_fold_range(db, lo, hi, whole)])
    finally:
        db.close()
