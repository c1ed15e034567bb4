"""The journal folder: entries (source of truth), trash and drafts.

Layout (docs/FORMAT.md, "Where things live"): ``entries/YYYY/MM/<id>.toml|json``,
``trash/`` and ``drafts/``. Every write goes through ``atomic``; a file that cannot
be read is reported and never rewritten; a save never overwrites what another writer
(another TUI, the CLI, an editor, a sync tool) wrote since the entry was read: it
raises ``Conflict`` (``core.conflict``) and the caller offers to reload or to keep
both (``keep_both``).
"""

from __future__ import annotations

import contextlib
import copy
import errno
import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import TypeVar

from journal_tui.core import atomic
from journal_tui.core.codec import (
    FORMATS,
    Problem,
    UnreadableEntry,
    decode,
    encode,
    format_of,
)
from journal_tui.core.conflict import (
    Conflict,
    SaveRefused,
    file_to_replace,
    on_disk,
    writing,
)
from journal_tui.core.drafts import Draft, DraftStore
from journal_tui.core.export import entry_json, entry_markdown
from journal_tui.core.index import Index, Query, walk_entry_files
from journal_tui.core.listing import Folder
from journal_tui.core.model import (
    ID_RE,
    Entry,
    EntryError,
    check_day,
    check_id,
    new_id,
    now_local,
)
from journal_tui.core.stamp import FileStamp, read_stamped
from journal_tui.core.weeks import Days

__all__ = ["AddReport", "Conflict", "Draft", "Journal", "NotFound", "SaveRefused", "Scan"]

T = TypeVar("T")

# What a damaged cache raises: SQLite's errors, and rows that no longer decode.
_CACHE_ERRORS = (sqlite3.Error, ValueError, KeyError, TypeError)


class NotFound(KeyError):
    """No entry with that id."""

    def __str__(self) -> str:
        return f"no entry with id {self.args[0]!r}"


@dataclass(slots=True)
class Scan:
    entries: list[Entry]
    problems: list[Problem]


@dataclass(slots=True)
class AddReport:
    """What ``add_many`` did: ``added`` files, ``present`` entries already in the journal
    (or twice in the batch, identical), and ``clashes``: ids given twice in the batch
    with different content (the first is kept, the others are not written)."""

    added: int
    present: int
    clashes: list[str] = field(default_factory=list)


class Journal:
    """One journal folder. Cheap to create; folders are made on first write."""

    def __init__(self, root: Path, *, fmt: str = "toml", cache_dir: Path | None = None) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        self.root = Path(root)
        self.fmt = fmt
        self.entries_dir = self.root / "entries"
        self.trash_dir = self.root / "trash"
        self.drafts_dir = self.root / "drafts"
        self.cache_dir = cache_dir
        """Derived data (the index, parsed prompts), outside the journal; None: memory."""
        self.index = Index(self.entries_dir,
                           cache_dir / "index.sqlite3" if cache_dir else None)
        self._drafts = DraftStore(self.drafts_dir)
        self.on_progress: Callable[[int, int], None] | None = None
        """Called with ``(done, total)`` while a refresh parses many files (the first
        run on a large journal): the command line draws a progress bar with it."""
        self._fresh = False

    @property
    def on_search_progress(self) -> Callable[[int, int], None] | None:
        """Called with ``(done, total)`` while the first text search folds every
        entry's text (``Index.on_fold``)."""
        return self.index.on_fold

    @on_search_progress.setter
    def on_search_progress(self, progress: Callable[[int, int], None] | None) -> None:
        self.index.on_fold = progress

    @property
    def instance(self) -> str:
        """This object's instance id: the suffix of its drafts' names."""
        return self._drafts.instance

    def close(self) -> None:
        self.index.close()
        self._drafts.close()

    # ------------------------------------------------------------------ reading

    def refresh(self, folders: list[Folder] | None = None) -> bool:
        """Bring the index in line with the files (``folders``: their walk, if made
        already); whether anything changed."""
        changed = self.index.refresh(self.on_progress, folders)
        self._fresh = True
        return changed

    @property
    def fresh(self) -> bool:
        """Whether this object has refreshed the index from disk yet (reads then cost
        only the index query, not a walk of the folder)."""
        return self._fresh

    def _ensure_fresh(self) -> None:
        if not self._fresh:
            self.refresh()

    def _cached(self, read: Callable[[], T]) -> T:
        """``read()`` from the index; a damaged cache (an SQLite error, a row that no
        longer decodes) is a cache miss: rebuilt from the files once, then read again."""
        try:
            self._ensure_fresh()
            return read()
        except EntryError:
            raise
        except _CACHE_ERRORS:
            self.index.rebuild()
            self._fresh = False
            self._ensure_fresh()
            return read()

    def query(self, q: Query = Query()) -> list[Entry]:
        """Entries matching ``q`` (refreshing the index once per ``Journal``).

        They carry ``Origin.INDEX``, not their file's stamp: to edit one, ``get`` it."""
        return self._cached(lambda: list(self.index.query(q)))

    def page(self, q: Query, cancelled: Callable[[], bool]) -> list[Entry] | None:
        """``query(q)``, or None once ``cancelled()`` (``Index.page``)."""
        return self._cached(lambda: self.index.page(q, cancelled))

    def count(self, q: Query = Query()) -> int:
        """How many entries match ``q`` (its limit and offset aside), from the index:
        a screen shows one page of them and the count, never reading them all."""
        return self._cached(lambda: self.index.count_matching(q))

    def query_scores(self, q: Query, digest: str) -> list[tuple[str, Entry, str | None]]:
        """Matching entries with the score the index keeps for them under ``digest``
        (``core.themes.scored_entries`` keeps theme signals there)."""
        return self._cached(lambda: self.index.query_scores(q, digest))

    def store_scores(self, digest: str, scored: list[tuple[str, str]]) -> None:
        self.index.store_scores(digest, scored)

    def days_with_entries(self) -> set[date]:
        """Every day with an entry (review notes aside), from the index alone."""
        return self._cached(self.index.days_with_entries)

    def written_days(self) -> Days:
        """``days_with_entries`` in order, not copied (the streak: ``days_in_a_row``)."""
        return self._cached(self.index.written_days)

    def json_objects(self, q: Query = Query()) -> list[str]:
        """Matching entries as JSON object texts, straight from the index."""
        return self._cached(lambda: self.index.query_json(q))

    def json_with(self, text: str) -> list[str]:
        """The JSON object texts holding ``text`` (``Index.json_with``)."""
        return self._cached(lambda: self.index.json_with(text))

    def markdown_blocks(self, q: Query, lang: str) -> list[tuple[str, str]]:
        """Matching entries rendered for the Markdown export (cached per language)."""
        render = partial(entry_markdown, lang=lang)
        return self._cached(lambda: self.index.query_rendered(q, lang, render))

    def scan(self, q: Query = Query()) -> Scan:
        """Every readable entry (newest first) and every unreadable file, fresh from disk."""
        self._fresh = False
        return self._cached(lambda: Scan(list(self.index.query(q)), self.index.problems()))

    def problems(self) -> list[Problem]:
        return self._cached(self.index.problems)

    def read(self, path: Path) -> Entry:
        """The entry in ``path``, carrying the file's stamp (``entry.source``) so that
        saving it refuses if the file changed meanwhile."""
        try:
            raw, stamp = read_stamped(path)
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise UnreadableEntry(Problem.told(path, "cannot_read",
                                                 error=exc.strerror)) from None
        entry = decode(raw, path)
        entry.source = stamp
        return entry

    def locate(self, entry_id: str) -> Path:
        """The file of ``entry_id``: by its date-named folder, else the index, else a
        fresh walk (a file moved or unreadable since the index last looked).

        Only a valid id is looked up: anything else is ``NotFound``, never a path."""
        if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
            raise NotFound(entry_id)
        found = self.find(entry_id)
        if found is not None:
            return found
        self._fresh = False
        paths = self._cached(lambda: self.index.paths_by_id(entry_id))
        if paths:
            return paths[0]
        # An unreadable file still has an id: its name.
        for ext in FORMATS:
            hits = list(self.entries_dir.glob(f"*/*/{entry_id}.{ext}"))
            if hits:
                return hits[0]
        raise NotFound(entry_id)

    def get(self, entry_id: str) -> Entry:
        """The entry, read from its file with the file's stamp: the way to load an entry
        for editing (``save`` then refuses if anyone changed the file meanwhile)."""
        return self.read(self.locate(entry_id))

    def entry_for_draft(self, draft: Draft) -> Entry | None:
        """The entry a draft edits, carrying the identity the draft started from: saving
        the draft's text over it refuses (``Conflict``) if the file changed since.
        None for a draft of a new entry, or if the entry is gone."""
        if draft.entry_id is None:
            return None
        try:
            entry = self.get(draft.entry_id)
        except (NotFound, FileNotFoundError):
            return None
        if draft.base is not None and isinstance(entry.source, FileStamp):
            entry.source = replace(entry.source, digest=draft.base)
        return entry

    # ------------------------------------------------------------------ writing

    def ensure(self) -> None:
        """Create the journal's folders (0700); ``atomic.WriteError`` if it cannot."""
        for folder in (self.root, self.entries_dir):
            atomic.ensure_dir(folder)

    def path_for(self, entry: Entry, fmt: str | None = None) -> Path:
        """Where ``entry`` lives; ``EntryError`` for an id or a date no file may carry."""
        check_id(entry.id)
        check_day(entry.date)
        return (self.entries_dir / f"{entry.date:%Y}" / f"{entry.date:%m}"
                / f"{entry.id}.{fmt or self.fmt}")

    def save(self, entry: Entry, *, touch: bool = True, durable: bool = True) -> Path:
        """Write ``entry``, creating or updating its file; ``entry.source`` becomes the
        stamp of what was written, so saving it again is checked against that.

        Refused, with nothing written:

        - ``Conflict`` if the file is not what the entry was read from (see
          ``Entry.source``): changed, moved or deleted by another writer, or, for a
          new entry, a file with its id exists;
        - ``UnreadableEntry`` if the file on disk cannot be read (it is never replaced);
        - ``SaveRefused`` for a file of a newer schema (read only) or a symbolic link
          (replacing the link would leave its target stale and surprise whoever made it;
          writing through it could write outside the journal).

        An existing file keeps its format; if the entry's date moved it to another
        month, the old file is removed once the new one is safely written. Writers of
        this program take turns (``_writing``), so the check and the write cannot
        interleave with another instance's. ``durable=False`` skips the fsyncs, for a
        throw-away journal (the demo). May raise ``atomic.WriteError``.
        """
        path = self.path_for(entry, self.fmt)
        data_fmt = self.fmt
        with self._writing():
            old = file_to_replace(self, entry)
            if touch:
                entry.updated = max(now_local(), entry.created)
            if old is not None:
                data_fmt = format_of(old)
                path = self.path_for(entry, data_fmt)
            data = encode(entry, data_fmt)
            try:
                st = atomic.atomic_write(path, data, overwrite=old == path, durable=durable)
            except FileExistsError:
                raise Conflict(path, Conflict.TAKEN, on_disk(self, path)) from None
            if old is not None and old != path:
                atomic.remove(old)
                self.index.forget(old)
            entry.source = FileStamp.of(path, st, data)
            self.index.record(path, entry)
        return path

    def add(self, entry: Entry, *, durable: bool = True) -> Path:
        """Save a new entry; should its id be taken (4 random digits, within a second),
        it gets another one rather than replacing anything."""
        entry.source = None
        for _ in range(10):
            try:
                return self.save(entry, touch=False, durable=durable)
            except Conflict as exc:
                if exc.kind != Conflict.TAKEN:
                    raise
                entry.id = new_id(entry.date, entry.created)
        raise Conflict(self.path_for(entry), Conflict.TAKEN, None)

    def keep_both(self, entry: Entry) -> Entry:
        """After a ``Conflict``: the typed text saved as a new entry (new id, created now,
        same day and fields), beside whatever is on disk. Returns the new entry."""
        now = now_local()
        fresh = replace(entry, id=new_id(entry.date, now), created=now, updated=now,
                        tags=list(entry.tags), people=list(entry.people),
                        checkin=dict(entry.checkin), extra=copy.deepcopy(entry.extra),
                        source=None)
        self.add(fresh)
        return fresh

    def _writing(self) -> contextlib.AbstractContextManager[None]:
        self.ensure()
        return writing(self.root)

    def add_many(self, entries: list[Entry],
                 progress: Callable[[int], None] | None = None) -> AddReport:
        """Write new entries in bulk (imports).

        An entry whose id is already in the journal is skipped, so importing the
        same file twice adds nothing; an existing file is never replaced. An id given
        twice with different content is a clash (reported, the first kept). Entries
        that cannot be written in the journal's format are refused before anything
        is written (``EntryError`` naming the first). Files are made durable together
        (``atomic.write_new_files``: two syncs for the whole import);
        ``progress(done)`` counts entries as they are written; staging files left by
        an import that was killed are removed first.
        """
        # Each entry's path and bytes are made once: the checks below are the work
        # the write needs (an import from jrnl carries `starred`, an extra key, on
        # every entry: encoding twice was a fifth of its time).
        encoded: dict[int, bytes] = {}
        paths = [self.path_for(entry) for entry in entries]
        for n, entry in enumerate(entries):
            if entry.extra:  # only keys from elsewhere can hold what a format cannot
                try:
                    encoded[n] = encode(entry, self.fmt)
                except EntryError as exc:
                    raise EntryError("entry", id=entry.id, error=exc) from None
        self.ensure()
        self._fresh = False
        present = self._cached(lambda: self.index.ids_present([e.id for e in entries]))
        first: dict[str, Entry] = {}
        clashes: list[str] = []
        fresh: list[tuple[int, Entry]] = []
        for n, entry in enumerate(entries):
            earlier = first.get(entry.id)
            if earlier is not None:
                if entry_json(earlier) != entry_json(entry):
                    clashes.append(entry.id)
                continue
            first[entry.id] = entry
            if entry.id not in present:
                fresh.append((n, entry))
        targets = [(n, paths[n], e) for n, e in fresh]
        for folder in {path.parent for _, path, _ in targets}:
            atomic.remove_stale_staging(folder)
        skipped = len(entries) - len(fresh)
        written: list[tuple[Path, Entry]] = []
        try:
            ok = atomic.write_new_files(
                ((path, encoded.pop(n, b"") or encode(entry, self.fmt))
                 for n, path, entry in targets),
                (lambda n: progress(skipped + n)) if progress else None)
            written = [(path, entry) for (_, path, entry), new in zip(targets, ok, strict=True)
                       if new]
        finally:
            self.index.record_many(written)
        return AddReport(added=len(written), present=len(entries) - len(written) - len(clashes),
                         clashes=clashes)

    def find(self, entry_id: str, day: date | None = None) -> Path | None:
        """The file of ``entry_id`` without walking the journal (None if there is none):
        the month folder its id names (and that of ``day``), then the index as it
        stands. A symbolic link counts, dangling or not (a save must not replace it)."""
        folders = []
        m = ID_RE.match(entry_id)
        if m:
            folders.append(self.entries_dir / m.group(1)[:4] / m.group(1)[4:6])
        if day is not None:
            folders.append(self.entries_dir / f"{day:%Y}" / f"{day:%m}")
        for folder in folders:
            for ext in FORMATS:
                candidate = folder / f"{entry_id}.{ext}"
                if os.path.lexists(candidate):
                    return candidate
        paths = self._cached(lambda: self.index.paths_by_id(entry_id))
        return next((p for p in paths if os.path.lexists(p)), None)

    # -------------------------------------------------------------------- trash

    def delete(self, entry_id: str) -> Path:
        """Move an entry to ``trash/``, from where ``restore`` brings it back."""
        with self._writing():
            src = self.locate(entry_id)
            dst = self.trash_dir / src.name
            atomic.ensure_dir(self.trash_dir)
            self._make_room(dst)
            atomic.move(src, dst, overwrite=False)
            self.index.forget(src)
        return dst

    def _make_room(self, dst: Path) -> None:
        """An earlier deletion of the same id is kept aside as ``<name>.<n>.old``."""
        if not os.path.lexists(dst):
            return
        for n in range(1, 10_000):
            aside = dst.with_name(f"{dst.name}.{n}.old")
            try:
                atomic.move(dst, aside, overwrite=False)
                return
            except FileExistsError:
                continue
        raise SaveRefused(dst, "too many earlier copies in the trash")

    def restore(self, entry_id: str) -> Path:
        """Bring a deleted entry back to its month folder; never over an existing file
        (``FileExistsError``)."""
        if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
            raise NotFound(entry_id)
        with self._writing():
            for ext in FORMATS:
                src = self.trash_dir / f"{entry_id}.{ext}"
                if src.is_file():
                    break
            else:
                raise NotFound(entry_id)
            entry = self.read(src)
            dst = self.path_for(entry, format_of(src))
            try:
                atomic.move(src, dst, overwrite=False)
            except FileExistsError:
                raise FileExistsError(errno.EEXIST, f"{dst} already exists") from None
            if isinstance(entry.source, FileStamp):
                entry.source = replace(entry.source, path=dst)
            self.index.record(dst, entry)
        return dst

    def trashed(self) -> list[Path]:
        if not self.trash_dir.is_dir():
            return []
        return sorted(p for p in self.trash_dir.iterdir()
                      if p.suffix in (".toml", ".json") and not p.name.startswith("."))

    # ------------------------------------------------------------------- drafts

    def save_draft(self, draft: Draft) -> Path | None:
        """Keep ``draft`` under this instance's name (two TUIs never share a draft); a
        blank text removes the draft instead and returns None."""
        return self._drafts.save(draft)

    def drafts(self) -> list[Draft]:
        """This instance's drafts and those of instances no longer running (adopted),
        newest first: what to offer back at start. Bad draft files are left alone."""
        return self._drafts.drafts()

    def discard_draft(self, key: str) -> None:
        """Remove this instance's draft ``key``; nothing outside ``drafts/``, ever."""
        self._drafts.discard(key)

    def draft_problems(self) -> list[Problem]:
        """Files in ``drafts/`` that are not readable drafts (for ``doctor``)."""
        return self._drafts.problems()

    # -------------------------------------------------------------------- misc

    def iter_files(self) -> Iterator[Path]:
        for rel, _ in walk_entry_files(self.entries_dir):
            yield self.entries_dir / rel
