"""A derived index of the entry files, so commands need not parse every file.

The entry files stay the source of truth. The index is an SQLite file in the
cache folder holding, per file, its size, mtime and inode, and the parsed entry
(as JSON) or the reason it could not be read. Each refresh walks ``entries/``
with ``stat`` only and re-parses just the files whose stat changed, so a
10,000-entry journal costs one folder walk instead of 10,000 TOML parses.
Deleting the cache changes nothing but speed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date
from pathlib import Path

from journal_tui.core.atomic import FILE_MODE, ensure_dir
from journal_tui.core.codec import Problem, UnreadableEntry, decode
from journal_tui.core.export import entry_json
from journal_tui.core.model import Entry, from_cache
from journal_tui.core.text import fold

VERSION = 7  # bump when the table layout or the stored JSON changes
SEP = "\x1f"

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS files (
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
    scores TEXT  -- its theme signals, "<scoring digest><SEP><json>", filled on first use
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE INDEX IF NOT EXISTS files_order ON files (day DESC, created DESC, id DESC);
CREATE INDEX IF NOT EXISTS files_id ON files (id);
CREATE INDEX IF NOT EXISTS files_errors ON files (rel) WHERE error IS NOT NULL;
CREATE INDEX IF NOT EXISTS files_days ON files (kind, day) WHERE error IS NULL;
PRAGMA user_version = {VERSION};
"""


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


def search_text(entry: Entry) -> str:
    """What ``--contains`` searches: body, prompt, tags and people, folded."""
    return fold(SEP.join([entry.body, entry.prompt or "", *entry.tags, *entry.people]))


class Index:
    def __init__(self, entries_dir: Path, db_path: Path | None) -> None:
        self.entries_dir = entries_dir
        self.db_path = db_path
        self._db: sqlite3.Connection | None = None

    # ------------------------------------------------------------------ connection

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            self._db = self._open()
        return self._db

    def _open(self) -> sqlite3.Connection:
        if self.db_path is not None:
            try:
                return self._open_file(self.db_path)
            except (OSError, sqlite3.Error):
                # An unusable cache (corrupt, read-only, full disk) is rebuilt in
                # memory: slower, never wrong.
                with contextlib.suppress(OSError, sqlite3.Error):
                    self.db_path.unlink(missing_ok=True)
                    return self._open_file(self.db_path)
        return self._memory_db()

    @staticmethod
    def _memory_db() -> sqlite3.Connection:
        # check_same_thread=False: the TUI reads in worker threads (sqlite serializes calls).
        db = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        db.executescript(_SCHEMA)
        return db

    @staticmethod
    def _open_file(path: Path) -> sqlite3.Connection:
        ensure_dir(path.parent)
        if not path.exists():
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, FILE_MODE))  # private from birth
        db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] != VERSION:
                db.executescript("DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS meta;")
                db.executescript(_SCHEMA)
            db.execute("PRAGMA journal_mode = WAL")
            db.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error:
            db.close()
            raise
        return db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # --------------------------------------------------------------------- refresh

    def refresh(self) -> None:
        """Bring the index in line with the files: one ``stat`` walk, few parses.

        A cache that fails mid-way (disk full, locked too long, damaged) is
        dropped for an in-memory one: slower, never wrong, never an error.
        """
        try:
            self._refresh()
        except sqlite3.Error:
            self.close()
            self._db = self._memory_db()
            self._refresh()

    def _refresh(self) -> None:
        on_disk = dict(walk_entry_files(self.entries_dir))
        # One digest of the whole stat listing answers "nothing changed" without
        # loading a row per file (the common case on every command).
        # (Folder order is not sorted: a different order only costs a full compare.)
        digest = hashlib.blake2b(repr(list(on_disk.items())).encode(),
                                 digest_size=16).hexdigest()
        if self._meta("listing") == digest:
            return
        known = {rel: (size, mtime, ino) for rel, size, mtime, ino
                 in self.db.execute("SELECT rel, size, mtime, ino FROM files")}
        gone = [(rel,) for rel in known.keys() - on_disk.keys()]
        changed = [rel for rel, st in on_disk.items() if known.get(rel) != st]
        if gone or changed:
            self._apply(gone, [self._row(rel, on_disk[rel]) for rel in changed])
        self._set_meta("listing", digest)

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def _set_meta(self, key: str, value: str | None) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def _apply(self, gone: list[tuple[str]], rows: list[tuple[object, ...]]) -> None:
        """Delete and upsert rows in one transaction."""
        self._transaction(
            ("DELETE FROM files WHERE rel = ?", gone),
            ("INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows))

    def _transaction(self, *steps: tuple[str, Sequence[tuple[object, ...]]]) -> None:
        db = self.db
        try:
            db.execute("BEGIN")
            for sql, rows in steps:
                db.executemany(sql, rows)
            db.execute("COMMIT")
        except sqlite3.Error:
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")
            raise

    def _row(self, rel: str, st: tuple[int, int, int]) -> tuple[object, ...]:
        path = self.entries_dir / rel
        try:
            entry = decode(path.read_bytes(), path)
        except UnreadableEntry as exc:
            p = exc.problem
            return (rel, *st, None, None, None, None, None, None, None, p.message, p.line,
                    None, None, None)
        except OSError as exc:
            return (rel, *st, None, None, None, None, None, None, None,
                    f"cannot read: {exc.strerror}", None, None, None, None)
        return self.entry_row(rel, st, entry)

    @staticmethod
    def entry_row(rel: str, st: tuple[int, int, int], entry: Entry) -> tuple[object, ...]:
        data = entry_json(entry)
        tags = SEP + SEP.join(fold(t) for t in entry.tags) + SEP
        return (rel, *st, entry.id, entry.date.isoformat(), sort_key(entry), entry.kind, tags,
                search_text(entry), data, None, None, None, None, None)

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
            rel = path.relative_to(self.entries_dir).as_posix()
            rows.append(self.entry_row(rel, (st.st_size, st.st_mtime_ns, st.st_ino), entry))
        with contextlib.suppress(sqlite3.Error):  # a stale cache is fixed by the next refresh
            self._apply([], rows)
        self._set_meta("listing", None)

    def forget(self, path: Path) -> None:
        rel = path.relative_to(self.entries_dir).as_posix()
        with contextlib.suppress(sqlite3.Error):
            self.db.execute("DELETE FROM files WHERE rel = ?", (rel,))
        self._set_meta("listing", None)

    # --------------------------------------------------------------------- queries

    def problems(self) -> list[Problem]:
        rows = self.db.execute(
            "SELECT rel, error, line FROM files WHERE error IS NOT NULL ORDER BY rel")
        return [Problem(self.entries_dir / rel, error, line) for rel, error, line in rows]

    def count(self) -> int:
        count: int = self.db.execute(
            "SELECT count(*) FROM files WHERE error IS NULL").fetchone()[0]
        return count

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

    def _select(self, columns: str, q: Query) -> sqlite3.Cursor:
        sql = [f"SELECT {columns} FROM files WHERE error IS NULL"]
        args: list[object] = []
        if q.start:
            sql.append("AND day >= ?")
            args.append(q.start.isoformat())
        if q.end:
            sql.append("AND day <= ?")
            args.append(q.end.isoformat())
        if q.kind:
            sql.append("AND kind = ?")
            args.append(q.kind)
        if q.tag:
            sql.append("AND instr(tags, ?) > 0")
            args.append(SEP + fold(q.tag.lstrip("#")) + SEP)
        if q.contains:
            sql.append("AND instr(fold, ?) > 0")
            args.append(fold(q.contains))
        order = "DESC" if q.newest_first else "ASC"
        sql.append(f"ORDER BY day {order}, created {order}, id {order}")
        if q.limit is not None:
            sql.append("LIMIT ?")
            args.append(q.limit)
        return self.db.execute(" ".join(sql), args)

    def query(self, q: Query = Query()) -> Iterator[Entry]:
        """Entries matching ``q`` in date order."""
        for (data,) in self._select("data", q):
            yield from_cache(json.loads(data))

    def query_json(self, q: Query = Query()) -> list[str]:
        """Each matching entry as its JSON object text (``jsonable(to_dict(entry))``),
        straight from the index: exporting needs no decoding and re-encoding."""
        return [data for (data,) in self._select("data", q)]

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
                               [(digest + SEP + text, rel) for rel, text in scored]))

    def days_with_entries(self) -> set[date]:
        return {date.fromisoformat(d) for (d,) in self.db.execute(
            "SELECT DISTINCT day FROM files WHERE error IS NULL AND kind = 'entry'")}


def sort_key(entry: Entry) -> str:
    """The creation instant in UTC: SQL orders entries of a day as Python would."""
    return entry.created.astimezone(UTC).isoformat()


def walk_entry_files(entries_dir: Path) -> Iterator[tuple[str, tuple[int, int, int]]]:
    """``(relative path, (size, mtime_ns, inode))`` of each ``YYYY/MM/*.toml|json``.

    Only the layout's two levels are visited; temporary files (dot-files) are
    skipped, so a half-written save is never read.
    """
    try:
        years = list(os.scandir(entries_dir))
    except (FileNotFoundError, NotADirectoryError):
        return
    for year in years:
        if not year.is_dir() or year.name.startswith("."):
            continue
        try:
            months = list(os.scandir(year.path))
        except OSError:
            continue
        for month in months:
            if not month.is_dir() or month.name.startswith("."):
                continue
            try:
                files = list(os.scandir(month.path))
            except OSError:
                continue
            for f in files:
                name = f.name
                if name.startswith(".") or not name.endswith((".toml", ".json")):
                    continue
                try:
                    st = f.stat()
                except OSError:
                    continue
                yield f"{year.name}/{month.name}/{name}", (st.st_size, st.st_mtime_ns, st.st_ino)
