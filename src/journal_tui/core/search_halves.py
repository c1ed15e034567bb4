"""A text search's scan, on both cores when it must read every entry.

A text that matches almost nothing reads every entry's folded text before its
page is known (~0.15 s of one core at 100,000 entries). SQLite lets Python's
other threads run while it steps through rows, so the search table is read in two
halves of its order at once: the newer half here, the older one on a second
connection in a thread. Their rows, newer then older, are the whole scan's rows
in order. When the newer half alone fills the page, the older one is stopped.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable

Rows = list[tuple[str, ...]]
SqlQuery = tuple[str, list[object]]
"""A statement and its arguments."""

SPLIT_MIN = 20_000
"""Entries from which a scan in two halves pays for its thread and connection."""
STEPS = 2000
"""SQLite steps between two looks at whether to stop."""


def scanned(db: sqlite3.Connection, query: SqlQuery, stop: Callable[[], bool]) -> Rows | None:
    """The rows of ``query`` on ``db``, or None once ``stop()`` (looked at every
    ``STEPS`` steps)."""
    sql, args = query
    db.set_progress_handler(lambda: int(stop()), STEPS)
    try:
        rows: Rows = db.execute(sql, args).fetchall()
    except sqlite3.OperationalError:
        if stop():  # interrupted: nothing was written, nothing is wrong
            return None
        raise
    finally:
        db.set_progress_handler(None, 0)
    return rows


def in_halves(db: sqlite3.Connection, newer: SqlQuery, twin: sqlite3.Connection,
              older: SqlQuery, wanted: int | None,
              cancelled: Callable[[], bool]) -> Rows | None:
    """``newer``'s rows on ``db``, then ``older``'s, read on ``twin`` at the same
    time; each limited to ``wanted`` rows (None: all). None once ``cancelled()``.
    An error of either half is raised (the older one's once it has stopped)."""
    enough = threading.Event()  # the newer half filled the page, or was stopped
    older_rows: list[Rows | None] = []
    failed: list[BaseException] = []

    def read_older() -> None:
        try:
            older_rows.append(scanned(twin, older, lambda: enough.is_set() or cancelled()))
        except BaseException as exc:  # raised in the caller's thread below
            failed.append(exc)

    thread = threading.Thread(target=read_older, name="search-older-half", daemon=True)
    thread.start()
    try:
        rows = scanned(db, newer, cancelled)
        if rows is None or (wanted is not None and len(rows) >= wanted):
            enough.set()
    except BaseException:
        enough.set()
        raise
    finally:
        thread.join()
    if rows is None:
        return None
    if enough.is_set():
        return rows
    if failed:
        raise failed[0]
    rest = older_rows[0]
    return None if rest is None else rows + rest
