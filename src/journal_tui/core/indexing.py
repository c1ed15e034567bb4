"""Entry files to index rows: serially, or in worker processes for a large set.

Building the index of a journal nobody has indexed yet (after installing, after
an import, after deleting the cache) means reading and parsing every file: about
150 µs each on a busy two-core machine (best of seven: the read 8 µs, opened
relative to its folder; TOML 26; the entry's checks 25; the row, its JSON mostly,
25 to 50), then about 45 µs to insert its row. With ``POOL_MIN`` files or more to
parse and more than one core, worker processes parse slices of them while this
process writes the rows they send back (marshalled) into SQLite. Small journals
never pay for a process.

Workers (``core.slices``) are plain processes, each given a fixed slice: one that
outlives its parent (killed mid-build) finishes its chunk, finds nobody reading and
exits, and a worker that dies or cannot start leaves its unsent part to be parsed
here.
"""

from __future__ import annotations

import json
import os
from array import array
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from journal_tui.core import listing, slices, toml_fast
from journal_tui.core.codec import Problem, UnreadableEntry, decode_in
from journal_tui.core.export import entry_json
from journal_tui.core.listing import Folder, Stat, files_guessed, folder_of
from journal_tui.core.model import Entry
from journal_tui.core.slices import Send, in_workers
from journal_tui.core.stamp import read_regular
from journal_tui.core.text import fold, fold_word

SEP = "\x1f"
COLUMNS = ("rel", "size", "mtime", "ctime", "ino", "id", "day", "created", "kind", "tags",
           "fold", "data", "error", "line")
"""What a row holds, in order (the cached renderings and scores start empty)."""

Row = tuple[object, ...]
Progress = Callable[[int, int], None]

POOL_MIN = 2000
"""Files to parse before worker processes pay for themselves (fork, rows sent back)."""
PER_WORKER = 1000
"""At least this many files per worker."""
CHUNK = 500
"""Rows per message from a worker (and per progress step)."""


def search_text(entry: Entry) -> str:
    """What ``--contains`` searches: body, prompt, tags and people, folded (``searchable``)."""
    return _search_text(entry.body, entry.prompt, entry.tags, entry.people)


def _search_text(body: str, prompt: str | None, tags: list[str], people: list[str]) -> str:
    return searchable(SEP.join([body, prompt or "", *tags, *people]))


def searchable(text: str) -> str:
    """``text`` folded as the index searches it, the search words as the text: a NUL
    (which SQLite's LIKE takes for the end of the text) becomes U+FFFD."""
    return fold(text).replace("\0", "\ufffd")


def sort_key(entry: Entry) -> str:
    """The creation instant in UTC: SQL orders entries of a day as Python would."""
    return entry.created.astimezone(UTC).isoformat()


def entry_row(rel: str, st: Stat, entry: Entry) -> Row:
    """The row of a readable file. Its search text (``fold``) is left empty: folding
    a body is two fifths of the cost of a row, and only ``--contains`` needs it;
    the index fills it on the first such query (``search_text_of``)."""
    tags = SEP + SEP.join(fold_word(t) for t in entry.tags) + SEP
    return (rel, *st, entry.id, entry.date.isoformat(), sort_key(entry), entry.kind, tags,
            None, entry_json(entry), None, None)


def search_text_of(data: str) -> str:
    """``search_text`` of an entry stored as its JSON text (the index's ``data``),
    read from the four keys it needs (an ``Entry`` would cost a fifth more)."""
    d = json.loads(data)
    return _search_text(d["body"], d.get("prompt"), d["tags"], d["people"])


@dataclass(frozen=True, slots=True)
class OpenFolder:
    """A month folder being read: its path (for messages) and an open descriptor, so
    each file is opened relative to it (no path walk and no ``Path`` per file: about
    half of what reading a file costs; -1 when the folder could not be opened)."""

    path: Path
    fd: int


def file_row(folder: OpenFolder, rel: str, st: Stat) -> Row:
    """The row of one file (``folder``: its folder): its entry, or why it cannot be read."""
    name = rel.rpartition("/")[2]
    try:
        # size -1: the walk saw no readable regular file; read_regular says why
        raw = (read_regular(folder.path / name) if st[0] < 0 or folder.fd < 0
               else _read(name, folder.fd, st[0]))
    except OSError as exc:
        return (rel, *st, None, None, None, None, None, None, None,
                Problem.told(folder.path / name, "cannot_read", error=exc.strerror).stored,
                None)
    try:
        entry = decode_in(raw, folder.path, name)
    except UnreadableEntry as exc:
        return (rel, *st, None, None, None, None, None, None, None,
                exc.problem.stored, exc.problem.line)
    return entry_row(rel, st, entry)


def _read(name: str, dir_fd: int, size: int) -> bytes:
    """The file's bytes in one ``read`` when its size is as the walk saw it (a third
    of ``open().read()``'s cost, which sizes its buffer with ``fstat`` calls)."""
    # O_NONBLOCK: never blocks on a FIFO put there since the walk
    fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK, dir_fd=dir_fd)
    try:
        data = os.read(fd, size + 1)
        if len(data) > size:  # it grew since: read the rest
            while chunk := os.read(fd, 1 << 16):
                data += chunk
        return data
    finally:
        os.close(fd)


def rows(entries_dir: str, items: list[tuple[str, Stat]]) -> list[Row]:
    root = Path(entries_dir)
    folders: dict[str, OpenFolder] = {}
    out = []
    try:
        for rel, st in items:
            name = folder_of(rel)
            folder = folders.get(name)
            if folder is None:
                path = root / name
                try:
                    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
                except OSError:
                    fd = -1  # each file then says why it cannot be read
                folder = folders[name] = OpenFolder(path, fd)
            out.append(file_row(folder, rel, st))
    finally:
        for folder in folders.values():
            if folder.fd >= 0:
                os.close(folder.fd)
    return out


def workers_for(count: int) -> int:
    """How many worker processes to parse ``count`` files with (0: parse here)."""
    return slices.workers_for(count, POOL_MIN, PER_WORKER)


def parsed_rows(entries_dir: str, items: list[tuple[str, Stat]],
                progress: Progress | None = None) -> Iterator[list[Row]]:
    """Rows for ``items`` in chunks, in no set order; in worker processes when many."""
    total = len(items)
    done = 0
    if progress and total:
        progress(0, total)
    n = workers_for(total)
    chunks = _pooled(entries_dir, items, n) if n else _here(entries_dir, items)
    for chunk in chunks:
        done += len(chunk)
        if progress:
            progress(done, total)
        yield chunk


def _pooled(entries_dir: str, items: list[tuple[str, Stat]], n: int) -> Iterator[list[Row]]:
    _parser_for_forks()
    return in_workers(_parse_task, (entries_dir,), items, n,
                      lambda rest: _here(entries_dir, rest))


def _here(entries_dir: str, items: list[tuple[str, Stat]]) -> Iterator[list[Row]]:
    return (rows(entries_dir, items[i:i + CHUNK]) for i in range(0, len(items), CHUNK))


def _parser_for_forks() -> None:
    """The compiled TOML parser loaded before workers are forked: each inherits it
    rather than loading it on its way to its first file (~5 ms each)."""
    if slices.forking():
        toml_fast.load()


def _parse_task(send: Send, entries_dir: str, items: list[tuple[str, Stat]]) -> None:
    """A worker process's part of a cold build."""
    for chunk in _here(entries_dir, items):
        send(chunk)


# ----------------------------------------------------------- a first build, walking


def walk_workers(months: list[tuple[str, str]]) -> int:
    """Worker processes to walk and parse ``months`` with at once (0: walk first,
    then parse): forked ones only (a threaded caller, the TUI, walks first)."""
    return workers_for(files_guessed(months)) if slices.forking() else 0


Walked = tuple[int, str, "list[str] | None", bytes, list[Row]]
"""A worker's answer for one month folder: its place in the walk, ``YYYY/MM``, its
files' names and stats as ``listing`` sends them (names None: it could not be
listed), and their rows."""


def walked_rows(entries_dir: str, months: list[tuple[str, str]], n: int,
                walked: list[Folder | None], progress: Progress | None = None,
                ) -> Iterator[list[Row]]:
    """The rows of every file of ``months``, each of ``n`` workers walking its share
    of the folders and parsing their files as it goes; ``walked[i]`` receives month
    ``i``'s ``Folder``, as ``listing.scan`` makes it.

    For a first build, where every file is new and nothing need be compared first:
    the walk (a ``stat`` per file, ~55 ms at 10,000 on one core while the other
    waited) is shared by the workers and overlaps their parsing."""
    total = listing.files_in(months) if progress else 0  # the bar's length, by name
    if progress and total:
        progress(0, total)
    _parser_for_forks()
    numbered = [(i, rel, path) for i, (rel, path) in enumerate(months)]
    done = 0
    for chunk in in_workers(_walk_task, (entries_dir,), numbered, n,
                            lambda rest: _walk_here(entries_dir, rest)):
        out: list[Row] = []
        for i, rel, names, numbers, got in chunk:
            if names is not None:
                walked[i] = Folder(rel, names, array("q", numbers))
            out.extend(got)
        done += len(out)
        if progress:
            progress(done, max(done, total))
        yield out


def _walk_here(entries_dir: str, months: list[listing.Numbered]) -> Iterator[list[Walked]]:
    batch: list[Walked] = []
    size = 0
    for i, rel, path in months:
        folder = listing.scan_folder(rel, path)
        if folder is None:
            batch.append((i, rel, None, b"", []))
            continue
        got = rows(entries_dir, list(folder.stats()))
        batch.append((i, rel, folder.names, folder.numbers.tobytes(), got))
        size += len(got)
        if size >= CHUNK:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _walk_task(send: Send, entries_dir: str, months: list[listing.Numbered]) -> None:
    """A worker process's part of a first build: its month folders walked and parsed."""
    for chunk in _walk_here(entries_dir, months):
        send(chunk)
