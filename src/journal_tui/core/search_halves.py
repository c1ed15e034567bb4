"""A text search's scan, on both cores when it must read every entry.

A text that matches almost nothing reads every entry's folded text before its
page is known (~0.15 s of one core at 100,000 entries). SQLite lets Python's
other threads run while it steps through rows, so the search table is read in two
halves of its order at once: the newer half here, the older one on a second
connection in a thread, once the newer has taken a few milliseconds (a common text
has filled its page by then). Their rows, newer then older, are the whole scan's
rows in order. When the newer half alone fills the page, the older one is stopped.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable

Rows = list[tuple[str, ...]]
SqlQuery = tuple[str, list[object]]
"""A statement and its arguments."""

SPLIT_MIN = 20_000
"""Entries from which a scan in two halves pays for its thread and connection."""
STEPS = 2000
"""SQLite steps between two looks at whether to stop."""
AFTER = 0.005
"""Seconds the newer half is read alone before the older one starts beside it."""
POLL = 0.002
"""Seconds between two looks at whether the older half is still wanted."""


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


def in_halves(db: sqlite3.Connection, newer: SqlQuery,
              twin: Callable[[], sqlite3.Connection | None], older: SqlQuery,
              wanted: int | None, cancelled: Callable[[], bool]) -> Rows | None:
    """``newer``'s rows on ``db``, then ``older``'s, each limited to ``wanted`` rows
    (None: all); None once ``cancelled()``. Should ``newer`` still be read after
    ``AFTER`` seconds (a rare text), ``older`` is read meanwhile in a thread on
    ``twin()`` (a second connection; None: read here after ``newer``). A common
    text fills its page from the newer half at once: no thread, no second
    connection. An error of either half is raised."""
    enough = threading.Event()  # the older half is not wanted (any more)
    older_rows: list[Rows] = []
    failed: list[BaseException] = []
    threads: list[tuple[threading.Thread, sqlite3.Connection]] = []
    tried: list[bool] = []
    start = time.monotonic()

    def read_older(conn: sqlite3.Connection) -> None:
        # No progress handler: it would take the GIL every few thousand steps, and
        # wait for it while the UI thread holds it. Stopped by ``interrupt`` instead.
        try:
            if not enough.is_set():
                older_rows.append(conn.execute(*older).fetchall())
        except BaseException as exc:  # raised in the caller's thread below
            failed.append(exc)

    def begin_older() -> bool:
        if not tried and time.monotonic() - start >= AFTER:
            tried.append(True)
            conn = twin()
            if conn is not None:
                thread = threading.Thread(target=read_older, args=(conn,), daemon=True,
                                          name="search-older-half")
                threads.append((thread, conn))
                thread.start()
        return cancelled()

    try:
        begin_older()  # at once when ``AFTER`` is 0
        rows = scanned(db, newer, begin_older)
        if rows is None or (wanted is not None and len(rows) >= wanted):
            return rows
        if not threads:  # the newer half was read quickly: the older one here too
            rest = scanned(db, older, cancelled)
            return None if rest is None else rows + rest
        thread, _ = threads[0]
        while thread.is_alive():
            time.sleep(POLL)  # not join(timeout): its deadline, on a clock a test
            if cancelled():  # fakes (faketime), was never reached
                return None
        if failed:
            raise failed[0]
        return rows + older_rows[0]
    finally:
        enough.set()
        for thread, conn in threads:
            while thread.is_alive():  # stopped (again, should it not have begun yet)
                conn.interrupt()
                time.sleep(POLL)
            thread.join()
