"""Saves that would destroy what is on disk are refused: the check before every write.

A save replaces the file its entry was read from only if that file is still what was
read (``stamp.FileStamp``: the digest of its bytes), readable, of a schema this program
knows, and not a symbolic link. Otherwise nothing is written and the caller learns
why: ``Conflict`` (another writer changed, moved or deleted it; or a new entry's id is
taken) or ``SaveRefused``. Writers of this program take turns around the check and
the write (``writing``); editors and sync tools do not, so against them the window
is the write's few milliseconds.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from journal_tui.core.codec import (
    FORMATS,
    Problem,
    UnreadableEntry,
    decode_dict,
    format_of,
    from_dict_at,
    newer_schema,
)
from journal_tui.core.i18n import Catalog, Told
from journal_tui.core.model import Entry, EntryError
from journal_tui.core.stamp import FileStamp, read_stamped

if TYPE_CHECKING:
    from journal_tui.core.storage import Journal

try:
    import fcntl
except ImportError:  # Windows: no advisory lock; the stamp check still runs
    fcntl = None  # type: ignore[assignment]


REFUSED_MSG = Catalog({
    "not_entry": ("{path}: not an entry file of this journal",
                  "{path} : pas un fichier d’entrée de ce journal"),
    "symlink": ("{path}: is a symbolic link: not replaced (edit the file it points to)",
                "{path} : c’est un lien symbolique, non remplacé (modifiez le fichier "
                "vers lequel il pointe)"),
    "newer": ("{path}: written by a newer version of journal-tui (schema {schema}): "
              "read, never rewritten",
              "{path} : écrit par une version plus récente de journal-tui (schéma "
              "{schema}) : lu, jamais réécrit"),
    "changed": ("{path}: changed since it was read (another writer): not saved",
                "{path} : modifié depuis sa lecture (par un autre programme) : non "
                "enregistré"),
    "deleted": ("{path}: deleted or moved since it was read: not saved",
                "{path} : supprimé ou déplacé depuis sa lecture : non enregistré"),
    "taken": ("{path}: an entry file with this id already exists: not replaced",
              "{path} : un fichier d’entrée avec cet id existe déjà : non remplacé"),
})


class SaveRefused(Told, OSError):
    """A save that would destroy something on disk; nothing was written.

    An ``OSError``, so a caller that reports write errors reports this one too;
    said in the person's language (``text``), ``path: why``.
    """

    catalog = REFUSED_MSG

    def __init__(self, path: Path, reason: str, /, **values: object) -> None:
        self.path = path
        OSError.__init__(self, errno.EPERM, self._tell(reason, {"path": path, **values}))

    def __str__(self) -> str:
        return self.text("en")


class Conflict(SaveRefused):
    """The entry's file is not what the entry was read from: another writer changed,
    moved or deleted it, or (for a new entry) a file with its id exists.

    ``current`` is the entry on disk now (None if it is gone or cannot be read);
    ``kind`` is ``CHANGED``, ``DELETED`` or ``TAKEN``. Nothing was written: offer to
    reload ``current``, or to keep both (``Journal.keep_both``).
    """

    CHANGED = "changed"  # each also a key of SaveRefused's catalog
    DELETED = "deleted"
    TAKEN = "taken"

    def __init__(self, path: Path, kind: str, current: Entry | None) -> None:
        super().__init__(path, kind)
        self.kind = kind
        self.current = current


def file_to_replace(journal: Journal, entry: Entry) -> Path | None:
    """The file a save of ``entry`` replaces (None: a new file), after checking that it
    is the file the entry was read from, unchanged, and ours to rewrite."""
    src = entry.source
    if src is None:
        taken = journal.find(entry.id, entry.date)
        if taken is not None:
            raise Conflict(taken, Conflict.TAKEN, on_disk(journal, taken))
        return None
    path = src.path if isinstance(src, FileStamp) else journal.find(entry.id, entry.date)
    if path is None:
        raise Conflict(journal.path_for(entry), Conflict.DELETED, None)
    if path.parent.parent.parent != journal.entries_dir or format_of(path) not in FORMATS:
        raise SaveRefused(path, "not_entry")
    if path.is_symlink():
        raise SaveRefused(path, "symlink")
    try:
        raw, stamp = read_stamped(path)
    except FileNotFoundError:
        raise Conflict(path, Conflict.DELETED, on_disk(journal, None, entry.id)) from None
    except OSError as exc:
        raise UnreadableEntry(Problem.told(path, "cannot_read", error=exc.strerror)) from None
    data, text = decode_dict(raw, path)  # an unreadable file is never replaced
    current = from_dict_at(data, path, text)
    schema = newer_schema(data)
    if schema is not None:
        raise SaveRefused(path, "newer", schema=schema)
    if isinstance(src, FileStamp):
        changed = stamp.digest != src.digest
    else:  # Origin.INDEX: only the time of the last save can tell
        changed = current.updated != entry.updated
    if changed:
        current.source = stamp
        raise Conflict(path, Conflict.CHANGED, current)
    return path


def on_disk(journal: Journal, path: Path | None, entry_id: str = "") -> Entry | None:
    """What is on disk now, for the caller to show; None if nothing readable is."""
    from journal_tui.core.storage import NotFound

    try:
        return journal.read(path) if path is not None else journal.get(entry_id)
    except (NotFound, OSError, EntryError):
        return None


@contextlib.contextmanager
def writing(root: Path) -> Iterator[None]:
    """Take turns with the other writers of this program: an advisory lock on the
    journal folder, released by the system if the process dies."""
    if fcntl is None:
        yield
        return
    fd = os.open(root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)
