"""Crash-safe, private file writes: the one place that writes user data.

A write goes to a temporary file in the target's folder, is flushed and
fsynced, renamed over the target and the folder is fsynced, so after a crash
the target holds either the old bytes or the new ones, never a mix.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600


class WriteError(OSError):
    """A write that failed; the target, if it existed, is unchanged."""


def ensure_dir(path: Path) -> Path:
    """Create ``path`` and any missing parents private to the user (0700).

    Only folders created here get their mode set: existing ones are the user's.
    """
    if path.is_dir():
        return path
    missing: list[Path] = []
    for folder in (path, *path.parents):
        if folder.is_dir():
            break
        missing.append(folder)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE, exist_ok=True)
            # mkdir's mode is masked by the umask: set it explicitly.
            folder.chmod(DIR_MODE)
        except OSError as exc:
            raise WriteError(exc.errno, f"cannot create folder {folder}: {exc.strerror}") from None
    return path


def atomic_write(path: Path, data: bytes, *, overwrite: bool = True,
                 sync_dir: bool = True, durable: bool = True) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600.

    With ``overwrite=False`` an existing target is an error (``FileExistsError``),
    checked with a hard link so two writers cannot both win. Bulk writers pass
    ``sync_dir=False`` and call ``fsync_dir`` once per folder at the end. Derived
    data that can be rebuilt (caches) passes ``durable=False``: still all or
    nothing, but no fsync (tens of ms on a slow disk, on the app's start).
    """
    ensure_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(tmp, FILE_MODE)
        if overwrite:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)  # fails if path exists
            tmp.unlink()
        if sync_dir and durable:
            fsync_dir(path.parent)
    except FileExistsError:
        _discard(tmp)
        raise
    except OSError as exc:
        _discard(tmp)
        raise WriteError(exc.errno, f"cannot write {path}: {exc.strerror or exc}") from None


def write_new_files(items: Iterable[tuple[Path, bytes]],
                    progress: Callable[[int], None] | None = None) -> list[bool]:
    """Create many new files durably with two ``sync`` calls instead of one fsync each.

    Every file is first written to a hidden temporary name (``progress(n)`` after
    each); one ``os.sync`` makes all their bytes durable; each is then hard-linked
    to its final name (never replacing an existing file: that item is ``False``)
    and a second ``sync`` makes the names durable, so once this returns every new
    file is on disk. A crash at any point leaves each final name either absent or
    whole; hidden leftovers are never read as entries. An error or an interrupt
    while writing leaves no final name at all. (An fsync per file and folder costs
    a journal commit each: minutes for a large import on a busy disk.)
    """
    staged: list[tuple[Path, Path]] = []
    folders: set[Path] = set()
    suffix = f".{os.getpid()}.tmp"
    try:
        for path, data in items:
            folder = path.parent
            if folder not in folders:
                ensure_dir(folder)
                folders.add(folder)
            tmp = folder / f".{path.name}{suffix}"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            staged.append((tmp, path))
            try:
                view = memoryview(data)
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
            if progress:
                progress(len(staged))
        if not staged:
            return []
        os.sync()
        done: list[bool] = []
        for tmp, path in staged:
            try:
                os.link(tmp, path)
                done.append(True)
            except FileExistsError:
                done.append(False)
        os.sync()
        return done
    except OSError as exc:
        raise WriteError(exc.errno, f"cannot write {exc.filename or 'files'}: "
                                    f"{exc.strerror or exc}") from None
    finally:
        for tmp, _ in staged:
            _discard(tmp)


def move(src: Path, dst: Path) -> None:
    """Rename within the journal (trash, restore), durable once it returns."""
    ensure_dir(dst.parent)
    try:
        os.replace(src, dst)
    except OSError as exc:
        raise WriteError(exc.errno, f"cannot move {src} to {dst}: {exc.strerror}") from None
    fsync_dir(dst.parent)
    if src.parent != dst.parent:
        fsync_dir(src.parent)


def remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise WriteError(exc.errno, f"cannot remove {path}: {exc.strerror}") from None
    fsync_dir(path.parent)


def fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the rename is still atomic
    finally:
        os.close(fd)


def _discard(tmp: Path) -> None:
    with contextlib.suppress(OSError):
        tmp.unlink()
