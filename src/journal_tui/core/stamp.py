"""The identity of an entry file as it was read, so a save can tell whether anyone
changed the file since.

A stamp holds the file's size, modification time and inode, and a digest of its
bytes. Size and time alone can miss a same-size rewrite within the clock's tick,
and an editor or a sync tool that replaces the file (``mv``) changes the inode but
may keep the time; the digest settles it, and reading one file is cheap next to
the cost of losing someone's text.
"""

from __future__ import annotations

import enum
import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class FileStamp:
    """An entry file as read or written: where, its ``stat`` and its bytes' digest."""

    path: Path
    size: int
    mtime_ns: int
    ino: int
    digest: str

    @classmethod
    def of(cls, path: Path, st: os.stat_result, raw: bytes) -> FileStamp:
        return cls(path, st.st_size, st.st_mtime_ns, st.st_ino, digest(raw))


class Origin(enum.Enum):
    """Where an entry without a file stamp comes from."""

    INDEX = "index"
    """Read through the index (``Journal.query``): its file's bytes were not kept, so a
    save can only compare the ``updated`` time on disk. Load an entry with
    ``Journal.load`` before editing it."""


def digest(raw: bytes) -> str:
    import hashlib  # here: this module loads at the TUI's start, which hashes no file

    return hashlib.blake2b(raw, digest_size=16).hexdigest()


def read_stamped(path: Path) -> tuple[bytes, FileStamp]:
    """The bytes of ``path`` and their stamp, from one open file (no race between the
    ``stat`` and the read)."""
    st, raw = _read(path)
    return raw, FileStamp.of(path, st, raw)


def read_regular(path: Path) -> bytes:
    """The bytes of ``path``, a regular file.

    A FIFO or a device named ``x.toml`` (placed by hand or by a sync tool) would block
    or never end: it raises ``OSError`` instead.
    """
    return _read(path)[1]


def _read(path: Path) -> tuple[os.stat_result, bytes]:
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as f:
            raw = f.read()
    finally:
        os.close(fd)
    return st, raw
