"""Crash-safe, private file writes: the one place that writes user data.

A write goes to a temporary file in the target's folder, is flushed and
fsynced, renamed over the target and the folder is fsynced, so after a crash
the target holds either the old bytes or the new ones, never a mix.

Temporary names: ``.<name>.<pid>.tmp`` for a single write (after a crash it may hold
the newest text: ``doctor`` compares it with its file), ``.<name>.<pid>.new.tmp``
for bulk-created files (imports: their text is in the source, so a later import
removes them once their process is gone, ``remove_stale_staging``).
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from journal_tui.core.i18n import Catalog, Told

DIR_MODE = 0o700
FILE_MODE = 0o600


WRITE_MSG = Catalog({
    "mkdir": ("cannot create folder {path}: {error}",
              "impossible de créer le dossier {path} : {error}"),
    "write": ("cannot write {path}: {error}", "impossible d’écrire {path} : {error}"),
    "write.files": ("cannot write files: {error}",
                    "impossible d’écrire les fichiers : {error}"),
    "move": ("cannot move {src} to {dst}: {error}",
             "impossible de déplacer {src} vers {dst} : {error}"),
    "remove": ("cannot remove {path}: {error}", "impossible de supprimer {path} : {error}"),
})


class WriteError(Told, OSError):
    """A write that failed; the target, if it existed, is unchanged. Said in the
    person's language (``text``; the system's reason stays as the system gives it)."""

    catalog = WRITE_MSG

    def __init__(self, code: int | None, message: str, /, **values: object) -> None:
        OSError.__init__(self, code, self._tell(message, values))


def checkpoint(step: str) -> None:
    """Called before each step that touches the disk ("open", "write", "fsync",
    "rename", "link", "unlink", "mkdir"). Does nothing: tests replace it to simulate a
    crash at any step (an exception that no ``except OSError`` catches)."""


def temp_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


STAGING_RE = re.compile(r"^\.(.+)\.(\d+)\.new\.tmp$")


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
            checkpoint("mkdir")
            folder.mkdir(mode=DIR_MODE, exist_ok=True)
            # mkdir's mode is masked by the umask: set it explicitly.
            folder.chmod(DIR_MODE)
        except OSError as exc:
            raise WriteError(exc.errno, "mkdir", path=folder, error=exc.strerror) from None
    return path


def atomic_write(path: Path, data: bytes, *, overwrite: bool = True,
                 sync_dir: bool = True, durable: bool = True) -> os.stat_result:
    """Write ``data`` to ``path`` atomically with mode 0600; the written file's ``stat``.

    With ``overwrite=False`` an existing target is an error (``FileExistsError``),
    checked with a hard link so two writers cannot both win. Bulk writers pass
    ``sync_dir=False`` and call ``fsync_dir`` once per folder at the end. Derived
    data that can be rebuilt (caches) passes ``durable=False``: still all or
    nothing, but no fsync (tens of ms on a slow disk, on the app's start).

    The ``stat`` is taken from the written file itself, before it takes the target's
    name, so it is the identity of these bytes even if another writer comes next.
    """
    ensure_dir(path.parent)
    tmp = temp_name(path)
    try:
        checkpoint("open")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            view = memoryview(data)
            while view:
                checkpoint("write")
                written = os.write(fd, view)
                view = view[written:]
            if durable:
                checkpoint("fsync")
                os.fsync(fd)
            os.fchmod(fd, FILE_MODE)
            st = os.fstat(fd)
        finally:
            os.close(fd)
        if overwrite:
            checkpoint("rename")
            os.replace(tmp, path)
        else:
            checkpoint("link")
            os.link(tmp, path)  # fails if path exists
            checkpoint("unlink")
            tmp.unlink()
        if sync_dir and durable:
            fsync_dir(path.parent)
    except FileExistsError:
        _discard(tmp)
        raise
    except OSError as exc:
        _discard(tmp)
        raise WriteError(exc.errno, "write", path=path, error=exc.strerror or exc) from None
    return st


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
    suffix = f".{os.getpid()}.new.tmp"  # STAGING_RE: a later import removes leftovers
    try:
        for path, data in items:
            folder = path.parent
            if folder not in folders:
                ensure_dir(folder)
                folders.add(folder)
            tmp = folder / f".{path.name}{suffix}"
            checkpoint("open")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            staged.append((tmp, path))
            try:
                view = memoryview(data)
                while view:
                    checkpoint("write")
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
            if progress:
                progress(len(staged))
        if not staged:
            return []
        checkpoint("fsync")
        os.sync()
        done: list[bool] = []
        moved: set[Path] = set()
        for tmp, path in staged:
            try:
                checkpoint("link")
                if not rename_new(tmp, path):
                    os.link(tmp, path)
                else:
                    moved.add(tmp)
                done.append(True)
            except FileExistsError:
                done.append(False)
        checkpoint("fsync")
        os.sync()
        staged = [(tmp, path) for tmp, path in staged if tmp not in moved]
        return done
    except OSError as exc:
        if exc.filename:
            raise WriteError(exc.errno, "write", path=exc.filename,
                             error=exc.strerror or exc) from None
        raise WriteError(exc.errno, "write.files", error=exc.strerror or exc) from None
    finally:
        for tmp, _ in staged:
            _discard(tmp)


RENAME_NOREPLACE = 1
_renameat2: Callable[..., int] | bool | None = False  # False: not looked up yet


def rename_new(src: Path, dst: Path) -> bool:
    """Rename ``src`` to ``dst`` unless ``dst`` exists (``FileExistsError``), in one
    step: Linux's ``renameat2(RENAME_NOREPLACE)``. False when the system or the file
    system has no such call: the caller links and unlinks instead.

    A bulk import creates each file under a hidden name and then gives it its own;
    ``link`` + ``unlink`` is two changes to the folder per file where this is one,
    and on a busy disk each costs about as much as creating the file.
    """
    global _renameat2
    if _renameat2 is False:
        _renameat2 = _load_renameat2()
    if _renameat2 is None or not callable(_renameat2):
        return False
    at_cwd = -100  # AT_FDCWD
    if _renameat2(at_cwd, os.fsencode(src), at_cwd, os.fsencode(dst), RENAME_NOREPLACE) == 0:
        return True
    import ctypes

    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # old kernel, or its fs
        _renameat2 = None
        return False
    raise OSError(code, os.strerror(code), os.fspath(dst))


def _load_renameat2() -> Callable[..., int] | None:
    import sys

    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        call: Callable[..., int] = libc.renameat2  # glibc 2.28 and later
    except (ImportError, OSError, AttributeError):
        return None
    return call


def move(src: Path, dst: Path, *, overwrite: bool = True) -> None:
    """Rename within the journal (trash, restore), durable once it returns.

    With ``overwrite=False`` an existing ``dst`` is a ``FileExistsError`` and stays
    as it is (a hard link then an unlink: two movers cannot both win). A symbolic
    link is moved as the link, never as the file it points to.
    """
    ensure_dir(dst.parent)
    try:
        if overwrite:
            checkpoint("rename")
            os.replace(src, dst)
        else:
            _move_new(src, dst)
    except FileExistsError:
        raise
    except OSError as exc:
        raise WriteError(exc.errno, "move", src=src, dst=dst, error=exc.strerror) from None
    fsync_dir(dst.parent)
    if src.parent != dst.parent:
        fsync_dir(src.parent)


def _move_new(src: Path, dst: Path) -> None:
    try:
        checkpoint("link")
        os.link(src, dst, follow_symlinks=False)
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                             errno.EMLINK):
            raise
        # No hard links here (some network or FAT file systems): check, then rename.
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, "file exists", str(dst)) from None
        checkpoint("rename")
        os.rename(src, dst)
        return
    checkpoint("unlink")
    os.unlink(src)


def remove(path: Path) -> None:
    try:
        checkpoint("unlink")
        path.unlink(missing_ok=True)
    except OSError as exc:
        raise WriteError(exc.errno, "remove", path=path, error=exc.strerror) from None
    fsync_dir(path.parent)


def remove_stale_staging(folder: Path) -> int:
    """Remove the bulk writes' temporary files (``.<name>.<pid>.new.tmp``) in ``folder``
    whose process is gone (killed during an import); the number removed."""
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    removed = 0
    for name in names:
        m = STAGING_RE.match(name)
        if m and not pid_alive(int(m.group(2))):
            with contextlib.suppress(OSError):
                os.unlink(folder / name)
                removed += 1
    return removed


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (signal 0 only asks)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except PermissionError:
        return True  # another user's process
    except (ProcessLookupError, OverflowError):
        return False
    return True


def fsync_dir(path: Path) -> None:
    checkpoint("fsync")
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
