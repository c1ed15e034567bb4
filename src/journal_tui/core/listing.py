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

import hashlib
import os
import stat as stat_mode
from array import array
from collections.abc import Iterator
from dataclasses import dataclass

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
        h = hashlib.blake2b(digest_size=16)
        h.update("\0".join(self.names).encode("utf-8", "surrogateescape"))
        h.update(self.numbers.tobytes())
        return h.hexdigest()

    def stats(self) -> Iterator[tuple[str, Stat]]:
        """``(path relative to entries/, stat)`` of each file."""
        n = self.numbers
        for i, name in enumerate(self.names):
            yield f"{self.rel}/{name}", (n[4 * i], n[4 * i + 1], n[4 * i + 2], n[4 * i + 3])


def scan(entries_dir: os.PathLike[str] | str) -> list[Folder]:
    """The month folders of ``entries/YYYY/MM/*.toml|json``, each with its files' stats.

    Only the layout's two levels are visited; dot-files (a save's temporary file)
    and dot-folders are skipped, so a half-written save is never read. A folder or
    file that vanishes mid-walk is left out; one that is there but unreadable has
    size -1 (see the module's docstring).
    """
    folders: list[Folder] = []
    try:
        years = [e for e in os.scandir(entries_dir) if e.name[0] != "." and e.is_dir()]
    except (FileNotFoundError, NotADirectoryError):
        return folders
    stat = os.stat
    euid = os.geteuid() if hasattr(os, "geteuid") else -1
    for year in years:
        try:
            months = [e for e in os.scandir(year.path) if e.name[0] != "." and e.is_dir()]
        except OSError:
            continue
        for month in months:
            try:
                fd = os.open(month.path, os.O_RDONLY | os.O_DIRECTORY)
            except OSError:
                continue
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
                    numbers.extend((size, st.st_mtime_ns, st.st_ctime_ns,
                                    st.st_ino & INO_MASK))
            except OSError:
                continue
            finally:
                os.close(fd)
            folders.append(Folder(f"{year.name}/{month.name}", names, numbers))
    return folders


def total_digest(digests: list[tuple[str, str]]) -> str:
    """One digest over ``(folder, digest)`` pairs: the whole listing in one value."""
    return hashlib.blake2b(repr(digests).encode("utf-8", "surrogateescape"),
                           digest_size=16).hexdigest()


def folder_of(rel: str) -> str:
    """``YYYY/MM`` of ``YYYY/MM/name``."""
    return rel.rpartition("/")[0]
