"""A derived index of the entry files, so commands need not parse every file.

The entry files stay the source of truth. The index is an SQLite file in the
cache folder holding, per file, its stat key (``listing.Stat``) and the parsed
entry (as JSON) or the reason it could not be read. Each refresh walks
``entries/`` with ``stat`` only (``listing.scan``); a digest per month folder
narrows a change down to the folders it touched, and only the files whose stat
changed are parsed again (``indexing``: in worker processes when there are
many). Deleting the cache changes nothing but speed.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import json
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar, cast

from journal_tui.core import listing, search_fill, search_narrow, search_words
from journal_tui.core.atomic import FILE_MODE, ensure_dir, fsync_dir, pid_alive, rename_new
from journal_tui.core.codec import Problem
from journal_tui.core.indexing import (
    COLUMNS,
    SEP,
    Progress,
    Row,
    entry_row,
    parsed_rows,
    search_text,
    search_text_of,
    searchable,
    sort_key,
    walk_workers,
    walked_rows,
)
from journal_tui.core.listing import Stat, folder_of
from journal_tui.core.model import Entry, from_cache
from journal_tui.core.text import fold
from journal_tui.core.weeks import Days

__all__ = ["SEP", "Index", "Query", "search_text", "sort_key", "walk_entry_files"]

T = TypeVar("T")

VERSION = 12  # bump when the table layout or the stored JSON changes (add a migration)
PAGE_SIZE = 16384  # rows of ~2.5 KB: 4 KB pages held one each, and insert 3x slower

_TABLES = (
    """CREATE TABLE IF NOT EXISTS files (
    rel TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    ino INTEGER NOT NULL,
    id TEXT,
    day TEXT,
    created TEXT,
    kind TEXT,
    tags TEXT,
    fold TEXT,
    data TEXT,
    error TEXT,
    line INTEGER,
    md_en TEXT,  -- the entry rendered for the Markdown export, per language, filled
    md_fr TEXT,  -- on first export; a changed file replaces the row, clearing them
    scores TEXT,  -- its theme signals, "<scoring digest><SEP><json>", filled on first use
    ctime INTEGER NOT NULL DEFAULT -1
)""",  # ctime last, as the migration from version 7 adds it; -1: not known yet
    "CREATE TABLE IF NOT EXISTS folders (rel TEXT PRIMARY KEY, digest TEXT)",
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)",
    # What a text search scans: each readable entry's folded text (``searchable``),
    # stored in the search's order, apart from the rows' other columns (a scan of
    # ``files`` read twice the pages, and a rare text walked ``files_order`` with a
    # jump into the table per row). Filled on the first text search (``search_fill``).
    """CREATE TABLE IF NOT EXISTS search (
    sday TEXT NOT NULL, screated TEXT NOT NULL, sid TEXT NOT NULL, srel TEXT NOT NULL,
    folded TEXT NOT NULL,
    PRIMARY KEY (sday, screated, sid, srel)
) WITHOUT ROWID""",
    # The readable rows written since the search table was filled, to fold next.
    "CREATE TABLE IF NOT EXISTS unsearched (file INTEGER PRIMARY KEY)",
    # The words of the search texts (``search_words``): a text in none needs no scan.
    search_words.TABLE,
)
_INDEXES = (
    "CREATE INDEX IF NOT EXISTS files_order ON files (day DESC, created DESC, id DESC, rel DESC)",
    "CREATE INDEX IF NOT EXISTS files_id ON files (id)",
    "CREATE INDEX IF NOT EXISTS files_errors ON files (rel) WHERE error IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS files_days ON files (kind, day) WHERE error IS NULL",
)
_SEARCH_GONE = (
    # Before ``files`` rows are deleted or replaced (by ``rel``): their search texts
    # go, and their places in the queue. (Triggers did the same at ~50 µs a row:
    # a tenth of a second more per thousand entries imported.)
    "DELETE FROM search WHERE (sday, screated, sid, srel) IN "
    "(SELECT day, created, id, rel FROM files WHERE rel = ?)",
    "DELETE FROM unsearched WHERE file IN (SELECT rowid FROM files WHERE rel = ?)",
)
_SEARCH_QUEUED = (
    # After they are written: the readable ones queued for the next text search,
    # once the search table is in use (until then, its first fill takes every row).
    "INSERT OR REPLACE INTO unsearched SELECT rowid FROM files WHERE rel = ? "
    "AND error IS NULL AND EXISTS (SELECT 1 FROM meta WHERE key = 'searched')"
)
_SEARCH_MISSED = (
    "INSERT OR IGNORE INTO unsearched SELECT rowid FROM files WHERE error IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM search WHERE sday = day AND screated = created "
    "AND sid = id AND srel = rel)"
)
_SCHEMA = _TABLES + _INDEXES
CANCEL_STEPS = 2000
"""SQLite steps between two looks at a scan's ``cancelled()`` (a page, a count)."""
_ORDER = ("day", "created", "id", "rel")
_SEARCH_ORDER = ("sday", "screated", "sid", "srel")
_SEARCH_JOIN = "search CROSS JOIN files ON files.rel = search.srel"
"""A text search's rows: the search table in its order, each match's row read by
``rel`` (CROSS: SQLite keeps that order of the loops)."""

MIGRATIONS: dict[int, tuple[str, ...]] = {
    # 7 -> 8: the stat key gains the change time. Rows keep their parsed entries; a
    # file whose size, mtime and inode still match adopts its change time at the
    # next refresh (as version 7 trusted them), the others are parsed again.
    7: ("ALTER TABLE files ADD COLUMN ctime INTEGER NOT NULL DEFAULT -1",
        "DROP INDEX IF EXISTS files_order",
        "DELETE FROM meta WHERE key = 'listing'"),
    # 8 -> 9: the search text holds no NUL (``indexing.searchable``): the few rows
    # that have one are folded again at the next search.
    8: ("UPDATE files SET fold = NULL WHERE instr(fold, char(0)) > 0",),
    # 9 -> 10: problems are kept as their key and values (``Problem.stored``), to be
    # said in the person's language: the files that had one are read again (their
    # folders' digests forgotten, so the next refresh compares them file by file).
    9: (_TABLES[1],  # an index of version 7 had none yet
        "UPDATE folders SET digest = NULL WHERE rel IN "
        "(SELECT DISTINCT substr(rel, 1, instr(rel, '/') "
        "+ instr(substr(rel, instr(rel, '/') + 1), '/') - 1) "
        "FROM files WHERE error IS NOT NULL)",
        "DELETE FROM files WHERE error IS NOT NULL",
        "DELETE FROM meta WHERE key = 'listing'"),
    # 10 -> 11: the search text moves to a table of its own (``search``), filled by
    # the next text search from the texts the rows hold (copied, not folded again);
    # those rows keep their old copy (``fold``: rewriting every row cost more).
    # Tables an older program left behind (it knew none of them) start afresh.
    10: ("DROP INDEX IF EXISTS files_unsearched", "DROP TABLE IF EXISTS search",
         "DROP TABLE IF EXISTS unsearched", "DELETE FROM meta WHERE key = 'searched'"),
    # 11 -> 12: the search texts' words (``search_words``), a new table, built in
    # the background by the next TUI session (searches scan as before until then).
    11: ("DELETE FROM meta WHERE key = 'worded'",),
}
"""Per old version, the statements that bring an index to the next version in place
(``_SCHEMA`` then adds what is new: tables and indexes)."""

LIKE_MAX = 5_000
"""Longest search text given to LIKE, in characters (SQLite refuses patterns over
50,000 bytes; one character is up to 4 bytes, doubled by an escape)."""
_LIKE_SPECIAL = re.compile(r"[%_\\]")

_NEW_ROWS = (f"INSERT INTO files ({', '.join(COLUMNS)}) "
             f"VALUES ({', '.join('?' * len(COLUMNS))})")
"""The rows of a first build: each file once, into a new file (a fifth less of
SQLite's time per row than ``_INSERT``'s replacing, which looks for a row to delete)."""
_INSERT = _NEW_ROWS.replace("INSERT", "INSERT OR REPLACE", 1)


@dataclass(frozen=True, slots=True)
class Query:
    """Filters shared by ``list``, ``export`` and the TUI's journal screen."""

    start: date | None = None
    end: date | None = None
    tag: str | None = None
    contains: str | None = None
    kind: str | None = None
    limit: int | None = None
    newest_first: bool = True
    offset: int = 0
    """Rows skipped before ``limit`` (the TUI's pages)."""
    theme: str | None = None
    """Entries touching this theme: rated on it, or answering one of ``theme_prompts``
    (the book's prompts of the theme; the index does not know the book)."""
    theme_prompts: tuple[str, ...] = ()


class Index:
    def __init__(self, entries_dir: Path, db_path: Path | None) -> None:
        self.entries_dir = entries_dir
        self.db_path = db_path
        self._db: sqlite3.Connection | None = None
        self._on_file = False  # the connection is to ``db_path`` (not the in-memory stand-in)
        self._days: tuple[int, Days] | None = None
        """``days_with_entries`` as of a ``PRAGMA data_version`` (another process's
        commit moves it; this connection's own writes clear the cache)."""
        self._changes = 0  # writes of this connection that touched entries (``version``)
        self._count: tuple[tuple[int, int], int] | None = None  # ``count`` as of a version
        self._narrowing = search_narrow.Narrowing()  # the last searches' matches, if few
        self.on_fold: Progress | None = None
        """Called with ``(done, total)`` while the first text search folds the rows."""

    # ------------------------------------------------------------------ connection

    @property
    def is_open(self) -> bool:
        """Whether the connection is made (opening may migrate or rebuild)."""
        return self._db is not None

    @property
    def reads_apart(self) -> bool:
        """Whether reads can open connections of their own (``_apart``): the index is
        a file, not the in-memory stand-in."""
        return self._on_file and self.db_path is not None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        self._on_file = False
        if self.db_path is not None:
            try:
                db = self._open_file(self.db_path)
            except (OSError, sqlite3.Error):
                # An unusable cache (corrupt, read-only, full disk) is rebuilt in
                # memory: slower, never wrong.
                try:
                    self.db_path.unlink(missing_ok=True)
                    db = self._open_file(self.db_path)
                except (OSError, sqlite3.Error):
                    return self._memory_db()
            self._on_file = True
            return db
        return self._memory_db()

    @staticmethod
    def _memory_db() -> sqlite3.Connection:
        # check_same_thread=False: the TUI reads in worker threads (sqlite serializes calls).
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        _functions(db)
        db.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        for statement in _SCHEMA:
            db.execute(statement)
        return db

    @staticmethod
    def _open_file(path: Path) -> sqlite3.Connection:
        ensure_dir(path.parent)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))  # private from birth
        db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        _functions(db)
        try:
            db.execute(f"PRAGMA page_size = {PAGE_SIZE}")  # only takes on a new file
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
            if db.execute("PRAGMA user_version").fetchone()[0] != VERSION:
                _upgrade(db)
        except sqlite3.Error:
            db.close()
            raise
        return db

    def close(self) -> None:
        self._days = None
        self._changes += 1  # another connection's data_version means nothing to the last
        if self._db is not None:
            self._db.close()
            self._db = None

    def rebuild(self) -> None:
        """Start over from an empty index (a damaged cache is a cache miss): the file
        and its journal are removed; the next ``refresh`` reads every entry again."""
        self.close()
        if self.db_path is not None:
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.unlink(f"{self.db_path}{suffix}")

    # --------------------------------------------------------------------- refresh

    def refresh(self, progress: Progress | None = None,
                folders: list[listing.Folder] | None = None) -> bool:
        """Bring the index in line with the files: one ``stat`` walk, few parses.

        ``progress(done, total)`` follows the files being parsed, if any. A cache
        that fails mid-way (damaged, locked too long) is a cache miss: rebuilt from
        the files, else replaced by an in-memory one: slower, never wrong, never an
        error. A full disk goes to memory at once (building again could only fail
        again, every file parsed each time), leaving the index file as it was.
        Returns whether the files changed since the index last looked (a screen drawn
        from the index then reads again). ``folders``: the walk, if the caller made it
        (``listing.scan``): the TUI walks outside its lock, so the ~1 s walk of
        100,000 files holds no other read up.
        """
        try:
            return self._build_or_refresh(progress, folders)
        except _DiskFull:
            pass  # building again cannot help, and would throw the index kept away
        except sqlite3.Error as exc:
            if not _disk_full(exc):
                self.rebuild()
                try:
                    return self._build_or_refresh(progress, folders)
                except (sqlite3.Error, _DiskFull):
                    pass
        self.close()
        self._db = self._memory_db()
        self._on_file = False
        return self._refresh(progress, self._walked(folders))

    def _walked(self, folders: list[listing.Folder] | None) -> list[listing.Folder]:
        """``folders``, else the walk made now."""
        return listing.scan(self.entries_dir) if folders is None else folders

    def _refresh(self, progress: Progress | None, folders: list[listing.Folder],
                 building: bool = False) -> bool:
        """``refresh`` (``building``: a first build's new file, with no row to replace,
        whose search table the first text search fills whole: nothing to keep in step
        meanwhile)."""
        digests = [(f.rel, f.digest) for f in folders]
        total = listing.total_digest(digests)
        if self._meta("listing") == total:
            return False
        stored = dict(self.db.execute("SELECT rel, digest FROM folders"))
        if stored:  # only the folders whose digest moved, and those gone
            changed_folders = [f for f, (_, d) in zip(folders, digests, strict=True)
                               if stored.get(f.rel) != d]
            gone_folders = stored.keys() - {rel for rel, _ in digests}
            known = self._known([f.rel for f in changed_folders] + sorted(gone_folders))
        else:  # a new (or migrated) index: compare every file
            changed_folders, gone_folders = folders, set()
            known = self._known(None)
        on_disk = {rel: st for f in changed_folders for rel, st in f.stats()}
        gone = [(rel,) for rel in known.keys() - on_disk.keys()]
        changed: list[tuple[str, Stat]] = []
        adopted: list[tuple[int, str]] = []
        for rel, st in on_disk.items():
            old = known.get(rel)
            if old == st:
                continue
            if old is not None and old[2] == -1 and (old[0], old[1], old[3]) == (
                    st[0], st[1], st[3]):
                adopted.append((st[2], rel))  # migrated row: trusted as version 7 did
            else:
                changed.append((rel, st))
        fresh = dict(digests)
        written = [] if building else [(rel,) for rel, _ in changed]
        self._transaction(
            *_search_gone([] if building else gone + written),
            ("DELETE FROM files WHERE rel = ?", gone),
            (_NEW_ROWS if building else _INSERT,
             parsed_rows(str(self.entries_dir), changed, progress)),
            (_SEARCH_QUEUED, written),
            ("UPDATE files SET ctime = ? WHERE rel = ?", adopted),
            ("DELETE FROM folders WHERE rel = ?", [(rel,) for rel in gone_folders]),
            ("INSERT OR REPLACE INTO folders VALUES (?, ?)",
             [(f.rel, fresh[f.rel]) for f in changed_folders]),
            ("INSERT OR REPLACE INTO meta VALUES (?, ?)", [("listing", total)]))
        return True

    def _build_or_refresh(self, progress: Progress | None,
                          folders: list[listing.Folder] | None) -> bool:
        """``_refresh``, or a first build (``_build``) when there is no index file yet."""
        if self._db is None and self.db_path is not None and not self.db_path.exists():
            try:
                if self._build(self.db_path, progress, folders):
                    return True
            except (OSError, sqlite3.Error) as exc:  # else built in place
                if _disk_full(exc):  # as it would be in place: every file parsed again
                    raise _DiskFull from exc
        return self._refresh(progress, self._walked(folders))

    def _fill_new(self, progress: Progress | None,
                  folders: list[listing.Folder] | None) -> None:
        """A first build's rows. With no walk made yet and many files, worker processes
        walk the month folders and parse their files as they go (``walked_rows``):
        every file is new, so nothing need be compared first. Else ``_refresh``."""
        if folders is None:
            months = listing.month_folders(self.entries_dir)
            n = walk_workers(months)
            if n:
                walked: list[listing.Folder | None] = [None] * len(months)
                self._transaction(
                    (_NEW_ROWS, walked_rows(str(self.entries_dir), months, n, walked, progress)))
                digests = [(f.rel, f.digest) for f in walked if f is not None]
                self._transaction(
                    ("INSERT INTO folders VALUES (?, ?)", digests),
                    ("INSERT INTO meta VALUES (?, ?)",
                     [("listing", listing.total_digest(digests))]))
                return
        self._refresh(progress, self._walked(folders), building=True)

    def _build(self, path: Path, progress: Progress | None,
               folders: list[listing.Folder] | None) -> bool:
        """The first index of a journal, written to a file of its own and linked into
        place once complete (False: another process linked one first).

        Writing the rows is what a first build waits on (~45 µs a row into the WAL
        with five secondary indexes to keep): a new file needs no journal and no
        fsync until it is whole, and its indexes are built after the rows, sorted
        in one pass. Safe because nothing opens that file by its final name before
        it is complete and on disk: a build that is killed or loses power leaves
        only its temporary file (``.index.sqlite3.<pid>.build``), removed by the
        next build once its process is gone, never an index with rows missing.
        """
        ensure_dir(path.parent)
        _sweep_builds(path)
        tmp = _build_name(path)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE))
        rows_synced: _Syncing | None = None
        try:
            db = sqlite3.connect(tmp, isolation_level=None, check_same_thread=False)
            try:
                # SQLite's default page cache: 16 and 64 MB were no faster, and showed
                # in peak memory (all of a new file's pages stay in it).
                for pragma in (f"page_size = {PAGE_SIZE}", "journal_mode = OFF",
                               "synchronous = OFF", "locking_mode = EXCLUSIVE"):
                    db.execute(f"PRAGMA {pragma}")
                for statement in _TABLES:
                    db.execute(statement)
                self._db = db  # on the new file: every file is new
                self._fill_new(progress, folders)
                rows_synced = _Syncing(tmp)  # the rows go to disk while the indexes are made
                for statement in _INDEXES:
                    db.execute(statement)
                db.execute(f"PRAGMA user_version = {VERSION}")
            finally:
                self._db = None
                db.close()
            rows_synced.fsync()
            try:
                os.link(tmp, path)  # never over an index another process has made
            except FileExistsError:
                return False
            except OSError:  # no hard links here (some file systems)
                try:
                    # nor over one made a moment ago: a no-replace rename where the
                    # system has one, else a look first (a window remains)
                    if not rename_new(tmp, path):
                        if path.exists():
                            return False
                        os.rename(tmp, path)
                except FileExistsError:
                    return False
            fsync_dir(path.parent)
        finally:
            if rows_synced is not None:
                rows_synced.close()
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        self._db = self._open_file(path)  # in WAL mode from here on
        self._on_file = True
        return True

    def _known(self, folders: list[str] | None) -> dict[str, Stat]:
        """The stat keys the index holds, for ``folders`` (None: every file)."""
        sql = "SELECT rel, size, mtime, ctime, ino FROM files"
        if folders is None:
            return {rel: tuple(st) for rel, *st in self.db.execute(sql)}
        known: dict[str, Stat] = {}
        for folder in folders:  # "/" + 1 is "0": the range of "folder/..."
            known.update((rel, tuple(st)) for rel, *st in self.db.execute(
                f"{sql} WHERE rel > ? AND rel < ?", (folder + "/", folder + "0")))
        return known

    def _meta(self, key: str, db: sqlite3.Connection | None = None) -> str | None:
        row = (self.db if db is None else db).execute(
            "SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _apply(self, gone: list[tuple[str]], rows: list[Row]) -> None:
        """Delete and upsert rows in one transaction; their folders will be compared
        file by file at the next refresh."""
        folders = {(folder_of(rel),) for (rel,) in gone} | {(folder_of(str(r[0])),)
                                                             for r in rows}
        written = [(str(r[0]),) for r in rows]
        self._transaction(
            *_search_gone(gone + written),
            ("DELETE FROM files WHERE rel = ?", gone),
            (_INSERT, rows),
            (_SEARCH_QUEUED, written),
            ("INSERT OR REPLACE INTO folders VALUES (?, NULL)", folders),
            ("DELETE FROM meta WHERE key = ?", [("listing",)]))

    def _transaction(self, *steps: tuple[str, Iterable[object]],
                     days_kept: bool = False) -> None:
        """Run the steps in one transaction. A step's rows are a collection of
        parameter tuples, or an iterator of lists of them (the build's parsed rows,
        the search's folded texts), written as they come.
        ``days_kept``: the steps change no entry (cached renderings, scores)."""
        db = self.db
        if not days_kept:
            self._days = None
            self._changes += 1
        try:
            db.execute("BEGIN")
            for sql, rows in steps:
                if isinstance(rows, Iterator):
                    for chunk in rows:
                        db.executemany(sql, chunk)
                else:
                    db.executemany(sql, rows)  # type: ignore[arg-type]
            db.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise

    def record(self, path: Path, entry: Entry) -> None:
        """Note a file the app just wrote, saving the next refresh a parse."""
        self.record_many([(path, entry)])

    def record_many(self, written: list[tuple[Path, Entry]]) -> None:
        rows = []
        for path, entry in written:
            try:
                st = path.stat()
            except OSError:
                continue  # the next refresh will find out
            rel = self._rel(path)
            rows.append(entry_row(rel, (st.st_size, st.st_mtime_ns, st.st_ctime_ns,
                                        st.st_ino & listing.INO_MASK), entry))
        with contextlib.suppress(sqlite3.Error):  # a stale cache is fixed by the next refresh
            self._apply([], rows)

    def _rel(self, path: Path) -> str:
        """``path`` relative to ``entries/``, with ``/`` (a prefix cut, when it is one:
        ``relative_to`` costs more than the rest of recording an imported entry)."""
        text, root = os.fspath(path), os.fspath(self.entries_dir) + os.sep
        if text.startswith(root):
            return text[len(root):].replace(os.sep, "/")
        return path.relative_to(self.entries_dir).as_posix()

    def forget(self, path: Path) -> None:
        rel = self._rel(path)
        with contextlib.suppress(sqlite3.Error):
            self._apply([(rel,)], [])

    # --------------------------------------------------------------------- queries

    def problems(self) -> list[Problem]:
        rows = self.db.execute(
            "SELECT rel, error, line FROM files WHERE error IS NOT NULL ORDER BY rel")
        return [Problem.from_stored(self.entries_dir / rel, error, line)
                for rel, error, line in rows]

    def count(self) -> int:
        """How many entries the index holds, kept until it changes (``version``): a
        scan of every row (~20 ms at 100,000), asked by each of the Journal
        screen's pages and keystrokes."""
        version = self.version
        if self._count is None or self._count[0] != version:
            self._count = (version, self.db.execute(
                "SELECT count(*) FROM files WHERE error IS NULL").fetchone()[0])
        return self._count[1]

    def paths_by_id(self, entry_id: str) -> list[Path]:
        rows = self.db.execute("SELECT rel FROM files WHERE id = ? AND error IS NULL",
                               (entry_id,))
        return [self.entries_dir / rel for (rel,) in rows]

    def ids_present(self, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self.db.execute(
                f"SELECT id FROM files WHERE id IN ({marks})", chunk))
        return found

    def _where(self, q: Query, fill: bool = True, joined: bool = True,
               db: sqlite3.Connection | None = None) -> tuple[str, str, list[object]]:
        """The ``FROM`` and ``WHERE`` clauses of ``q``'s filters, and their arguments.

        A text filter scans the search table (``_SEARCH_JOIN``, or that table alone
        when no other filter needs ``files`` and not ``joined``), once it holds
        every readable row (``fill``: fold those still missing first); else
        ``files``, folding each row's text as it goes (a read-only cache).
        ``db``: the connection to look at the index's state on (a read apart's own;
        by default this index's)."""
        conn = self.db if db is None else db
        searched = bool(q.contains) and self._searchable(fill, conn)
        day = "sday" if searched else "day"
        sql: list[str] = [] if searched else ["error IS NULL"]
        args: list[object] = []
        if q.start:
            sql.append(f"{day} >= ?")
            args.append(q.start.isoformat())
        if q.end:
            sql.append(f"{day} <= ?")
            args.append(q.end.isoformat())
        if q.kind:
            sql.append("kind = ?")
            args.append(q.kind)
        if q.tag:
            sql.append("instr(tags, ?) > 0")
            args.append(SEP + fold(q.tag.lstrip("#")) + SEP)
        if q.contains:
            text = "folded" if searched else "coalesce(fold, search_text_of(data))"
            needle = searchable(q.contains)
            if len(needle) <= LIKE_MAX:
                # A pre-filter: SQLite's LIKE scans text ~3x faster than instr (which
                # counts characters as it goes). It also matches ASCII letters of the
                # other case, and the folded text may hold capitals ("ℌ" folds to "H"),
                # so instr still decides, on the rows LIKE lets through.
                sql.append(f"{text} LIKE ? ESCAPE '\\'" if searched
                           else "(fold IS NULL OR fold LIKE ? ESCAPE '\\')")
                like: str | None = "%" + _LIKE_SPECIAL.sub(r"\\\g<0>", needle) + "%"
                args.append(like)
            else:
                like = None
            sql.append(f"instr({text}, ?) > 0")
            args.append(needle)
            if searched and search_words.absent(conn, needle, like):
                sql.append("0")  # in no word of the journal: SQLite reads no row
        if q.theme:
            marks = ",".join("?" * len(q.theme_prompts))
            sql.append("(EXISTS (SELECT 1 FROM json_each(data, '$.checkin') "
                       f"WHERE key = ?) OR json_extract(data, '$.prompt_id') IN ({marks}))")
            args.extend((q.theme, *q.theme_prompts))
        source = "files"
        if searched:
            source = (_SEARCH_JOIN if joined or q.kind or q.tag or q.theme else "search")
        return source, ("WHERE " + " AND ".join(sql)) if sql else "", args

    def _searchable(self, fill: bool, db: sqlite3.Connection) -> bool:
        """Whether the search table holds every readable row (``fill``: fold the
        rows still missing first, on this index's connection)."""
        if fill:
            self._fill_search()
        return (self._meta("searched", db) is not None
                and db.execute("SELECT 1 FROM unsearched LIMIT 1").fetchone() is None)

    def _select(self, columns: str, q: Query) -> sqlite3.Cursor:
        return self.db.execute(*self._select_sql(columns, q))

    def _select_sql(self, columns: str, q: Query) -> tuple[str, list[object]]:
        """The query of ``q``'s rows (its search text filled first, if due)."""
        return self._ordered(columns, q, *self._where(q))

    @staticmethod
    def _ordered(columns: str, q: Query, source: str, where: str,
                 args: list[object]) -> tuple[str, list[object]]:
        """The query of ``columns`` from ``source`` (``_where``'s), in ``q``'s order."""
        sql = (f"SELECT {columns} FROM {source} {where} "
               f"{_order_by(source, 'DESC' if q.newest_first else 'ASC')}")
        if q.limit is not None or q.offset:
            sql += " LIMIT ? OFFSET ?"
            args += [-1 if q.limit is None else q.limit, q.offset]
        return sql, args

    def count_matching(self, q: Query) -> int:
        """How many entries match ``q``'s filters (its limit and offset aside)."""
        source, where, args = self._where(q, joined=False)
        count: int = self.db.execute(f"SELECT count(*) FROM {source} {where}",
                                     args).fetchone()[0]
        return count

    def count_apart(self, q: Query, cancelled: Callable[[], bool]) -> int | None:
        """``count_matching`` on a read-only connection of its own, so a count that
        scans every row (text filters: ~0.15 s at 100,000 entries) holds no other
        query up, and stops as soon as ``cancelled()`` (checked every few thousand
        steps). None when cancelled, or when the index is not a file to open again
        (the in-memory stand-in) or cannot be read that way: count under the lock."""
        if cancelled():
            return None

        def count(db: sqlite3.Connection) -> int:
            source, where, args = self._where(q, fill=False, joined=False, db=db)
            db.set_progress_handler(lambda: int(cancelled()), CANCEL_STEPS)
            found: int = db.execute(f"SELECT count(*) FROM {source} {where}",
                                    args).fetchone()[0]
            return found

        return self._apart(count)

    def _apart(self, read: Callable[[sqlite3.Connection], T]) -> T | None:
        """``read(db)`` on a read-only connection of its own (WAL: readers never wait
        for each other), so a long read holds no other query up. None when the index
        is not a file to open again (the in-memory stand-in), cannot be read that
        way, or the read was interrupted: the caller reads under its lock.

        ``read`` must not touch ``self.db``: its caller holds no lock, and this index's
        connection may be in another thread's scan meanwhile, whose progress handler
        needs the GIL while SQLite holds that connection's mutex. A thread that holds
        the GIL and waits for the mutex (binding or reading a value) then deadlocks
        both, and every other thread with them (a test hung so, past its timeout)."""
        if not self.reads_apart or self.db_path is None:
            return None
        try:
            db = sqlite3.connect(self.db_path.as_uri() + "?mode=ro", uri=True)
        except sqlite3.Error:
            return None
        try:
            _functions(db)
            return read(db)
        except sqlite3.Error:  # interrupted (cancelled), or unreadable: the caller decides
            return None
        finally:
            db.close()

    def mentioning(self, q: Query) -> list[Entry] | None:
        """``q``'s entries that mention someone, read apart (``_apart``: None when that
        cannot be done) and without their text (``body`` is empty), newest first:
        who is mentioned, when and in what mood, for @-completion: the prompt,
        tags, check-ins and the person's word on themes are left out too (empty).
        At 100,000 entries the full entries cost ~6 s and ~400 MB of Python
        objects; these ~80 MB, and no other read waits for them."""
        def read(db: sqlite3.Connection) -> list[Entry]:
            source, where, args = self._where(q, fill=False, db=db)
            # A cheap pre-filter on the stored JSON's layout (``json.dumps``'s); should
            # it ever differ, the rows are only kept, and dropped below.
            sql = ("SELECT json_remove(data, '$.body', '$.prompt', '$.prompt_id', "
                   f"'$.tags', '$.checkin', '$.themes') FROM {source} {where} "
                   "AND instr(data, '\"people\": []') = 0 "
                   f"{_order_by(source, 'DESC')}")
            found = []
            for (data,) in db.execute(sql, args):
                d = json.loads(data)
                if d.get("people"):
                    d["body"], d["tags"] = "", []
                    found.append(from_cache(d))
            return found

        return self._apart(read)

    @property
    def version(self) -> tuple[int, int]:
        """Moves whenever the entries may have changed (another process's commit, or
        one of this connection's writes that touch entries): what reads derived from
        the whole index are cached against."""
        data_version: int = self.db.execute("PRAGMA data_version").fetchone()[0]
        return data_version, self._changes

    def _fill_search(self) -> None:
        """Fold the search text of the rows the search table lacks, once (best
        effort: should it fail, each search folds the rows it reads), following
        ``on_fold``: every readable row after a first build or a migration (at
        100,000 entries this takes seconds), else the rows written since."""
        db = self.db
        whole = self._meta("searched") is None
        if not whole and db.execute("SELECT 1 FROM unsearched LIMIT 1").fetchone() is None:
            return
        with contextlib.suppress(sqlite3.Error):
            rowids, ranges = search_fill.missing_ranges(db, whole)
            folded = self._folded(ranges, len(rowids), whole)
            words: set[str] = set()  # theirs (a whole fill leaves them to ``read_words``)
            # ``rel`` checked: a row replaced since it was read is queued again.
            self._transaction(
                *([("DELETE FROM search", [()]), ("DELETE FROM words", [()])] if whole
                  else []),
                ("INSERT OR REPLACE INTO search SELECT day, created, id, rel, ? "
                 "FROM files WHERE rowid = ? AND rel = ? AND error IS NULL",
                 folded if whole else _noting_words(folded, words)),
                (search_words.INSERT, iter(()) if whole else _word_rows(words)),
                ("DELETE FROM unsearched WHERE file = ?", [(r,) for r in rowids]),
                # none left that no row stands behind (``_searchable`` waits for none)
                ("DELETE FROM unsearched WHERE NOT EXISTS "
                 "(SELECT 1 FROM files WHERE files.rowid = file)", [()]),
                # a row another process wrote since ``rowids`` were read, before the
                # search table was in use (so not queued): the next search folds it
                *([(_SEARCH_MISSED, [()])] if whole else []),
                *([("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [("searched", search_words.generation())])] if whole else []),
                days_kept=True)

    def read_words(self, cancelled: Callable[[], bool] = lambda: False,
                   here: bool = False) -> tuple[str, set[str]] | None:
        """Every search text's words, with the mark of the fill they are of, when
        they are due (else None, as once ``cancelled()``): seconds at 100,000
        entries, in worker processes and on connections of their own, so no lock
        need be held meanwhile. An index that cannot be read apart (the in-memory
        stand-in) answers None, unless ``here``: read on this index's connection,
        which its caller must hold the lock of."""
        def build(db: sqlite3.Connection) -> tuple[str, set[str]] | None:
            if not search_words.due(db):
                return None
            return search_words.build(db, None if here else self.db_path, cancelled)

        try:
            return build(self.db) if here else self._apart(build)
        except sqlite3.Error:
            return None

    def keep_words(self, built: tuple[str, set[str]] | None) -> bool:
        """Keep ``read_words``' words, so that a text found in no word answers with no
        scan (``search_words``); best effort. Whether searches now trust them (not
        when another whole fill came since they were read)."""
        if built is None:
            return False
        mark, words = built
        with_mark = "WHERE EXISTS (SELECT 1 FROM meta WHERE key = 'searched' AND value = ?)"
        try:
            self._transaction(
                (f"INSERT OR IGNORE INTO words SELECT ? {with_mark}",
                 [(word, mark) for word in sorted(words)]),
                (f"INSERT OR REPLACE INTO meta SELECT 'worded', ? {with_mark}",
                 [(mark, mark)]),
                days_kept=True)
            return self._meta("worded") == mark
        except sqlite3.Error:
            return False

    def _folded(self, ranges: list[tuple[int, int]], count: int,
                whole: bool) -> Iterator[search_fill.Folded]:
        """The folded texts of ``ranges``, a range at a time, ``on_fold`` told of each
        once it is written."""
        progress = self.on_fold
        done = 0
        for rows in search_fill.folded(self.db, self.db_path if self._on_file else None,
                                       ranges, count, whole):
            yield rows
            done += len(rows)
            if progress:
                progress(done, count)

    def query(self, q: Query = Query()) -> Iterator[Entry]:
        """Entries matching ``q`` in date order."""
        for (data,) in self._select("data", q):
            yield from_cache(json.loads(data))

    def page(self, q: Query, cancelled: Callable[[], bool]) -> list[Entry] | None:
        """``query(q)``'s entries, or None as soon as ``cancelled()`` (checked every
        few thousand steps): a text that matches almost nothing scans every entry
        (~0.1 s at 100,000), and a newer keystroke's search need not wait for a
        scan no longer wanted. The search text's first fill is never given up.
        A text holding the last one, when that one's whole match set is known, is
        looked for in those matches only (``search_narrow``)."""
        source, where, args = self._where(q)
        if source == "files":  # no text, or a row not folded yet: no narrowing
            plain = self._scan(self._ordered("data", q, source, where, args), cancelled)
            return None if plain is None else [from_cache(json.loads(d)) for (d,) in plain]
        needle = searchable(q.contains or "")
        filters = dataclasses.replace(q, contains=None, limit=None, offset=0)
        version = self.version  # before the scan: a commit during it moves it
        known = self._narrowing.narrowed(needle, filters, version)
        if known is None:
            found = self._scan(self._ordered("folded, data", q, source, where, args),
                               cancelled)
            if found is None:
                return None
            rows = cast("list[search_narrow.Row]", found)  # (folded, data): the columns read
            complete = not q.offset and (q.limit is None or len(rows) < q.limit)
            self._narrowing.keep(needle, filters, version, rows, complete)
        else:
            self._narrowing.keep(needle, filters, version, known, True)
            end = None if q.limit is None else q.offset + q.limit
            rows = known[q.offset:end]
        return [from_cache(json.loads(data)) for _, data in rows]

    def _scan(self, query: tuple[str, list[object]],
              cancelled: Callable[[], bool]) -> list[tuple[str, ...]] | None:
        """The rows of ``query`` (``_ordered``'s), or None once ``cancelled()``."""
        sql, args = query
        db = self.db
        db.set_progress_handler(lambda: int(cancelled()), CANCEL_STEPS)
        try:
            rows: list[tuple[str, ...]] = db.execute(sql, args).fetchall()
        except sqlite3.OperationalError:
            if cancelled():  # interrupted: nothing was written, nothing is wrong
                return None
            raise
        finally:
            db.set_progress_handler(None, 0)
        return rows

    def query_json(self, q: Query = Query()) -> list[str]:
        """Each matching entry as its JSON object text (``jsonable(to_dict(entry))``),
        straight from the index: exporting needs no decoding and re-encoding."""
        return [data for (data,) in self._select("data", q)]

    def json_with(self, text: str) -> list[str]:
        """The JSON object texts (newest first) holding ``text``: the few rows SQLite
        picks, where a filter in Python over ``query_json`` held every entry's
        text at once (~200 MB at 100,000 entries)."""
        rows = self.db.execute("SELECT data FROM files WHERE error IS NULL "
                               "AND instr(data, ?) > 0 "
                               "ORDER BY day DESC, created DESC, id DESC, rel DESC", (text,))
        return [data for (data,) in rows]

    def query_rendered(self, q: Query, lang: str,
                       render: Callable[[Entry], str]) -> list[tuple[str, str]]:
        """``(ISO day, render(entry))`` per matching entry, cached per language.

        Renderings missing from the cache are computed and stored back (best
        effort: a read-only cache only costs speed).
        """
        column = "md_fr" if lang == "fr" else "md_en"
        out: list[tuple[str, str]] = []
        missing: list[tuple[int, str]] = []
        for rel, day, text in self._select(f"rel, day, {column}", q):
            if text is None:
                missing.append((len(out), rel))
            out.append((day, text))
        if missing:
            fresh = []
            for n, rel in missing:
                (data,) = self.db.execute("SELECT data FROM files WHERE rel = ?",
                                          (rel,)).fetchone()
                text = render(from_cache(json.loads(data)))
                out[n] = (out[n][0], text)
                fresh.append((text, rel))
            with contextlib.suppress(sqlite3.Error):
                self._transaction((f"UPDATE files SET {column} = ? WHERE rel = ?", fresh))
        return out

    def query_scores(self, q: Query, digest: str) -> list[tuple[str, Entry, str | None]]:
        """``(rel, entry, score)`` per matching entry: the score stored under ``digest``,
        or None (never scored, scored under another digest, or the file changed:
        a changed file's row is replaced, clearing it)."""
        prefix = digest + SEP
        return [(rel, from_cache(json.loads(data)),
                 stored[len(prefix):] if stored is not None and stored.startswith(prefix)
                 else None)
                for rel, data, stored in self._select("rel, data, scores", q)]

    def store_scores(self, digest: str, scored: list[tuple[str, str]]) -> None:
        """Keep ``(rel, score)`` under ``digest``; best effort, like the renderings."""
        with contextlib.suppress(sqlite3.Error):
            self._transaction(("UPDATE files SET scores = ? WHERE rel = ?",
                               [(digest + SEP + text, rel) for rel, text in scored]),
                              days_kept=True)

    def days_with_entries(self) -> set[date]:
        """Every day with an entry (a copy of ``written_days``)."""
        return set(self.written_days())

    def written_days(self) -> Days:
        """Every day with an entry, in order, kept until the index changes: Today's
        streak, the calendar and the review each ask, ~0.2 s at 100,000 entries."""
        version = self.db.execute("PRAGMA data_version").fetchone()[0]
        if self._days is None or self._days[0] != version:
            days = Days(date.fromisoformat(d) for (d,) in self.db.execute(
                "SELECT DISTINCT day FROM files WHERE error IS NULL AND kind = 'entry' "
                "ORDER BY day"))
            self._days = (version, days)
        return self._days[1]


def _order_by(source: str, order: str) -> str:
    """The ``ORDER BY`` of entries read from ``source`` (``_where``'s), ``order``
    being ``ASC`` or ``DESC``: ``files``' keys, or the search table's."""
    keys = _ORDER if source == "files" else _SEARCH_ORDER
    return "ORDER BY " + ", ".join(f"{key} {order}" for key in keys)


def _noting_words(folded: Iterator[search_fill.Folded],
                  words: set[str]) -> Iterator[search_fill.Folded]:
    """``folded``'s chunks as they come, their texts' words added to ``words``."""
    for rows in folded:
        words.update(search_words.words_of(text for text, _, _ in rows))
        yield rows


def _word_rows(words: set[str]) -> Iterator[list[tuple[str]]]:
    """``words`` as rows to insert, read once the step before has filled them."""
    yield [(word,) for word in sorted(words)]


def _search_gone(rels: list[tuple[str]]) -> list[tuple[str, list[tuple[str]]]]:
    """The steps that take the search texts of ``rels`` away (``_SEARCH_GONE``)."""
    return [(sql, rels) for sql in _SEARCH_GONE]


class _DiskFull(Exception):
    """A first build ran out of room: the index is kept in memory this time."""


def _disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the person's quota) is full."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    return getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL


def walk_entry_files(entries_dir: Path) -> Iterator[tuple[str, Stat]]:
    """``(path relative to entries/, stat key)`` of each ``YYYY/MM/*.toml|json``."""
    for folder in listing.scan(entries_dir):
        yield from folder.stats()


def _build_name(path: Path) -> Path:
    """The file a first build writes before it becomes ``path``."""
    return path.with_name(f".{path.name}.{os.getpid()}.build")


def _sweep_builds(path: Path) -> None:
    """Remove the files of first builds whose process is gone (killed mid-build)."""
    found = re.compile(rf"^\.{re.escape(path.name)}\.(\d+)\.build$")
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        m = found.match(name)
        if m and not pid_alive(int(m.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(path.parent / name)


class _Syncing:
    """A file's data flushed to disk on a thread of its own while this one works on:
    a first build's rows (most of the file) are written out while its indexes are
    made, so the one ``fsync`` the build waits on at the end has little left to write
    (~30 ms of a first command at 10,000 entries). ``fsync`` then syncs everything on
    the same descriptor and raises what either met (an error the thread saw is not
    reported again to a later ``fsync``); ``close`` once done, or given up."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_RDONLY)
        self.error: OSError | None = None
        self.thread = threading.Thread(target=self._flush, daemon=True)
        self.thread.start()

    def _flush(self) -> None:
        try:
            getattr(os, "fdatasync", os.fsync)(self.fd)
        except OSError as exc:
            self.error = exc

    def fsync(self) -> None:
        self.thread.join()
        if self.error is not None:
            raise self.error
        os.fsync(self.fd)

    def close(self) -> None:
        self.thread.join()
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _functions(db: sqlite3.Connection) -> None:
    db.create_function("search_text_of", 1, search_text_of, deterministic=True)


def _upgrade(db: sqlite3.Connection) -> None:
    """Bring an index of another version to ``VERSION``: in place through
    ``MIGRATIONS`` when it can, else emptied (the next refresh rebuilds it)."""
    db.execute("BEGIN IMMEDIATE")  # one process upgrades; the others then see it done
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]
        while version in MIGRATIONS:
            for statement in MIGRATIONS[version]:
                db.execute(statement)
            version += 1
        if version != VERSION:
            for table in ("files", "folders", "meta", "search", "unsearched", "words"):
                db.execute(f"DROP TABLE IF EXISTS {table}")
        for statement in _SCHEMA:
            db.execute(statement)
        db.execute(f"PRAGMA user_version = {VERSION}")
        db.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            db.execute("ROLLBACK")
        raise
