"""The ``stat`` listing of the entry files, and digests that say "nothing changed".

Every command starts by checking the files against the index, so this walk is
most of what a command costs on a large journal once the index is warm (100,000
files: one ``stat`` each). It is kept tight: each month folder is opened once
and its files are stat'ed relative to it; the numbers go into a packed array
rather than tuples, and a digest per folder (and one over them all) lets the
index answer "nothing changed" without loading a row per file, and compare only
the folders that did change otherwise.

A file's key is its size, modification time, inode and **change time**: an edit
that keeps the size and puts the modification time back (``touch -r``, some
sync tools) still moves the change time, which only the kernel sets. A file that
cannot be read as an entry (a dangling symbolic link, a FIFO, a file its owner took
read permission from: ``chmod`` moves only the change time) is listed with size -1,
so it is reported rather than shown from the cache or silently ignored.
"""

from __future__ import annotations

import contextlib
import os
import stat as stat_mode
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

from journal_tui.core import slices
from journal_tui.core.sha import blake2b

Stat = tuple[int, int, int, int]
"""``(size, mtime_ns, ctime_ns, inode)`` of an entry file."""

SUFFIXES = (".toml", ".json")
INO_MASK = (1 << 63) - 1  # an inode number fits a signed 64-bit slot


@dataclass(slots=True)
class Folder:
    """One ``YYYY/MM`` folder: its entry files' names and their stats, four numbers each."""

    rel: str
    names: list[str]
    numbers: array[int]

    @property
    def digest(self) -> str:
        h = blake2b(digest_size=16)
        h.update("\0".join(self.names).encode("utf-8", "surrogateescape"))
        h.update(self.numbers.tobytes())
        return h.hexdigest()

    def stats(self) -> Iterator[tuple[str, Stat]]:
        """``(path relative to entries/, stat)`` of each file."""
        n = self.numbers
        for i, name in enumerate(self.names):
            yield f"{self.rel}/{name}", (n[4 * i], n[4 * i + 1], n[4 * i + 2], n[4 * i + 3])


WALK_POOL_MIN = 36_000
"""Files (a century of daily entries) from which the command line stats them in
worker processes: below, forking costs more than it saves."""
WALK_PER_WORKER = 18_000


def scan(entries_dir: os.PathLike[str] | str) -> list[Folder]:
    """The month folders of ``entries/YYYY/MM/*.toml|json``, each with its files' stats.

    Only the layout's two levels are visited; dot-files (a save's temporary file)
    and dot-folders are skipped, so a half-written save is never read. A folder or
    file that vanishes mid-walk is left out; one that is there but unreadable has
    size -1 (see the module's docstring).

    With very many folders, and when this process may fork (the command line, one
    thread), worker processes stat slices of them: a ``stat`` is mostly kernel time
    (~3 µs on a virtual machine), which one core cannot get below ~0.3 s at 100,000
    files, and that walk is most of a warm command's time.
    This process does one slice itself once the workers are forked.
    """
    months = month_folders(entries_dir)
    n = 0
    if slices.forking():
        n = slices.workers_for(files_guessed(months), WALK_POOL_MIN, WALK_PER_WORKER)
    if not n:
        return [f for rel, path in months if (f := scan_folder(rel, path)) is not None]
    found: list[Folder | None] = [None] * len(months)
    numbered = [(i, rel, path) for i, (rel, path) in enumerate(months)]
    for chunk in slices.in_workers(_scan_task, (), numbered, n, _scan_here, here=True):
        for i, rel, names, numbers in chunk:
            if names is not None:
                found[i] = Folder(rel, names, array("q", numbers))
    return [f for f in found if f is not None]


def files_in(months: list[tuple[str, str]]) -> int:
    """How many entry files the month folders hold, by name (no ``stat``)."""
    count = 0
    for _, path in months:
        with contextlib.suppress(OSError):
            count += sum(1 for name in os.listdir(path)
                         if name[0] != "." and name.endswith(SUFFIXES))
    return count


def files_guessed(months: list[tuple[str, str]]) -> int:
    """About how many files the month folders hold, from three of them listed by
    name only (first, middle and last in the walk's order, which is the folder's
    and no particular year's: a journal's pace changes over the years)."""
    if not months:
        return 0
    sample = {0, len(months) // 2, len(months) - 1}
    seen = 0
    for i in sample:
        with contextlib.suppress(OSError):
            seen += len(os.listdir(months[i][1]))
    return seen * len(months) // len(sample)


Numbered = tuple[int, str, str]
"""A month folder to stat in a worker: its place in the walk, ``YYYY/MM`` and path."""
Sent = tuple[int, str, "list[str] | None", bytes]
"""A worker's answer for one folder (``marshal`` carries no arrays: their bytes);
names None when the folder could not be listed."""


def _scan_here(items: list[Numbered]) -> Iterator[list[Sent]]:
    out: list[Sent] = []
    for i, rel, path in items:
        f = scan_folder(rel, path)
        out.append((i, rel, None, b"") if f is None else (i, rel, f.names, f.numbers.tobytes()))
    yield out


def _scan_task(send: slices.Send, items: list[Numbered]) -> None:
    """A worker process's part of the walk: its folders' stats in one message."""
    for chunk in _scan_here(items):
        send(chunk)


def month_folders(entries_dir: os.PathLike[str] | str) -> list[tuple[str, str]]:
    """``(YYYY/MM, path)`` of each month folder, in the walk's order."""
    out: list[tuple[str, str]] = []
    try:
        years = [e for e in os.scandir(entries_dir) if e.name[0] != "." and e.is_dir()]
    except (FileNotFoundError, NotADirectoryError):
        return out
    for year in years:
        try:
            out.extend((f"{year.name}/{m.name}", m.path) for m in os.scandir(year.path)
                       if m.name[0] != "." and m.is_dir())
        except OSError:
            continue
    return out


def scan_folder(rel: str, path: str) -> Folder | None:
    """One month folder's entry files and their stats (None: it cannot be listed)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return None
    stat = os.stat
    euid = os.geteuid() if hasattr(os, "geteuid") else -1
    names: list[str] = []
    numbers = array("q")
    try:
        for name in os.listdir(fd):
            if name[0] == "." or not name.endswith(SUFFIXES):
                continue
            try:
                st = stat(name, dir_fd=fd)
                size = st.st_size
                if not stat_mode.S_ISREG(st.st_mode) or (
                        st.st_uid == euid != 0 and not st.st_mode & stat_mode.S_IRUSR):
                    size = -1
            except OSError:
                try:  # a dangling link: listed, to be reported
                    st = stat(name, dir_fd=fd, follow_symlinks=False)
                except OSError:
                    continue  # gone since the folder was listed
                size = -1
            names.append(name)
            numbers.extend((size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino & INO_MASK))
    except OSError:
        return None
    finally:
        os.close(fd)
    return Folder(rel, names, numbers)


def total_digest(digests: list[tuple[str, str]]) -> str:
    """One digest over ``(folder, digest)`` pairs: the whole listing in one value."""
    return blake2b(repr(digests).encode("utf-8", "surrogateescape"),
                   digest_size=16).hexdigest()


def folder_of(rel: str) -> str:
    """``YYYY/MM`` of ``YYYY/MM/name``."""
    return rel.rpartition("/")[0]
