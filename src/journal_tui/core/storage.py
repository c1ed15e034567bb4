"""The journal folder: entries (source of truth), trash and drafts.

Layout (docs/FORMAT.md, "Where things live"): ``entries/YYYY/MM/<id>.toml|json``,
``trash/`` and ``drafts/``. Every write goes through ``atomic``; a file that cannot
be read is reported and never rewritten.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from functools import partial
from pathlib import Path

from journal_tui.core import atomic
from journal_tui.core.codec import FORMATS, Problem, UnreadableEntry, decode, encode, format_of
from journal_tui.core.export import entry_markdown
from journal_tui.core.index import Index, Query, walk_entry_files
from journal_tui.core.model import ID_RE, Entry, now_local


class NotFound(KeyError):
    """No entry with that id."""

    def __str__(self) -> str:
        return f"no entry with id {self.args[0]!r}"


@dataclass(slots=True)
class Scan:
    entries: list[Entry]
    problems: list[Problem]


@dataclass(slots=True)
class Draft:
    """Text typed but not yet saved, kept for recovery after a crash."""

    key: str
    body: str
    date: date
    entry_id: str | None = None
    kind: str = "entry"
    week: str | None = None
    tags: list[str] = field(default_factory=list)
    mood: int | None = None
    checkin: dict[str, int] = field(default_factory=dict)
    prompt_id: str | None = None
    prompt: str | None = None
    saved: datetime = field(default_factory=now_local)

    def to_json(self) -> bytes:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        d["saved"] = self.saved.isoformat()
        return json.dumps(d, ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Draft:
        d = json.loads(raw)
        d["date"] = date.fromisoformat(d["date"])
        d["saved"] = datetime.fromisoformat(d["saved"])
        return cls(**d)


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
        self._fresh = False

    def close(self) -> None:
        self.index.close()

    # ------------------------------------------------------------------ reading

    def refresh(self) -> None:
        self.index.refresh()
        self._fresh = True

    @property
    def fresh(self) -> bool:
        """Whether this object has refreshed the index from disk yet (reads then cost
        only the index query, not a walk of the folder)."""
        return self._fresh

    def _ensure_fresh(self) -> None:
        if not self._fresh:
            self.refresh()

    def query(self, q: Query = Query()) -> list[Entry]:
        """Entries matching ``q`` (refreshing the index once per ``Journal``)."""
        self._ensure_fresh()
        return list(self.index.query(q))

    def query_scores(self, q: Query, digest: str) -> list[tuple[str, Entry, str | None]]:
        """Matching entries with the score the index keeps for them under ``digest``
        (``core.themes.scored_entries`` keeps theme signals there)."""
        self._ensure_fresh()
        return self.index.query_scores(q, digest)

    def store_scores(self, digest: str, scored: list[tuple[str, str]]) -> None:
        self.index.store_scores(digest, scored)

    def days_with_entries(self) -> set[date]:
        """Every day with an entry (review notes aside), from the index alone."""
        self._ensure_fresh()
        return self.index.days_with_entries()

    def json_objects(self, q: Query = Query()) -> list[str]:
        """Matching entries as JSON object texts, straight from the index."""
        self._ensure_fresh()
        return self.index.query_json(q)

    def markdown_blocks(self, q: Query, lang: str) -> list[tuple[str, str]]:
        """Matching entries rendered for the Markdown export (cached per language)."""
        self._ensure_fresh()
        return self.index.query_rendered(q, lang, partial(entry_markdown, lang=lang))

    def scan(self, q: Query = Query()) -> Scan:
        """Every readable entry (newest first) and every unreadable file, fresh from disk."""
        self.refresh()
        return Scan(list(self.index.query(q)), self.index.problems())

    def problems(self) -> list[Problem]:
        self._ensure_fresh()
        return self.index.problems()

    def read(self, path: Path) -> Entry:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as exc:
            raise UnreadableEntry(Problem(path, f"cannot read: {exc.strerror}")) from None
        return decode(raw, path)

    def locate(self, entry_id: str) -> Path:
        """The file of ``entry_id``: by its date-named folder, else the index, else a
        fresh walk (a file moved or unreadable since the index last looked)."""
        found = self._find(entry_id)
        if found is not None:
            return found
        self.refresh()
        paths = self.index.paths_by_id(entry_id)
        if paths:
            return paths[0]
        # An unreadable file still has an id: its name.
        for ext in FORMATS:
            hits = list(self.entries_dir.glob(f"*/*/{entry_id}.{ext}"))
            if hits:
                return hits[0]
        raise NotFound(entry_id)

    def get(self, entry_id: str) -> Entry:
        return self.read(self.locate(entry_id))

    # ------------------------------------------------------------------ writing

    def ensure(self) -> None:
        """Create the journal's folders (0700); ``atomic.WriteError`` if it cannot."""
        for folder in (self.root, self.entries_dir):
            atomic.ensure_dir(folder)

    def path_for(self, entry: Entry, fmt: str | None = None) -> Path:
        return (self.entries_dir / f"{entry.date:%Y}" / f"{entry.date:%m}"
                / f"{entry.id}.{fmt or self.fmt}")

    def save(self, entry: Entry, *, touch: bool = True, durable: bool = True) -> Path:
        """Write ``entry``, creating or updating its file.

        An existing file keeps its format; if the entry's date moved it to another
        month, the old file is removed once the new one is safely written. A file
        that exists but cannot be read is never replaced (``UnreadableEntry``).

        The existing file is looked up without walking the journal (``_find``): an
        entry's file sits in its id's or its date's month folder, or the index knows
        it, so saving stays cheap in a journal of any size. ``durable=False`` skips
        the fsyncs, for a throw-away journal (the demo).
        """
        old = self._find(entry.id, entry.date)
        if old is not None:
            self.read(old)  # raises if the file on disk is unreadable: keep it intact
        if touch:
            entry.updated = max(now_local(), entry.created)
        fmt = format_of(old) if old is not None else self.fmt
        path = self.path_for(entry, fmt)
        self.ensure()
        atomic.atomic_write(path, encode(entry, fmt), durable=durable)
        if old is not None and old != path:
            atomic.remove(old)
            self.index.forget(old)
        self.index.record(path, entry)
        return path

    def add_many(self, entries: list[Entry],
                 progress: Callable[[int], None] | None = None) -> tuple[int, int]:
        """Write new entries in bulk (imports): ``(added, skipped)``.

        An entry whose id is already in the journal is skipped, so importing the
        same file twice adds nothing; an existing file is never replaced. Files
        are made durable together (``atomic.write_new_files``), in batches so a
        progress bar moves.
        """
        self.ensure()
        self.refresh()
        present = self.index.ids_present([e.id for e in entries])
        fresh: list[Entry] = []
        for entry in entries:
            if entry.id not in present:
                present.add(entry.id)
                fresh.append(entry)
        written: list[tuple[Path, Entry]] = []
        done = len(entries) - len(fresh)
        try:
            for start in range(0, len(fresh), 1000):
                batch = [(self.path_for(e), e) for e in fresh[start:start + 1000]]
                ok = atomic.write_new_files([(p, encode(e, self.fmt)) for p, e in batch])
                written.extend(item for item, new in zip(batch, ok, strict=True) if new)
                done += len(batch)
                if progress:
                    progress(done)
        finally:
            self.index.record_many(written)
        return len(written), len(entries) - len(written)

    def _find(self, entry_id: str, day: date | None = None) -> Path | None:
        """The file of ``entry_id`` without walking the journal: the month folder its id
        names (and that of ``day``), then the index as it stands."""
        folders = []
        m = ID_RE.match(entry_id)
        if m:
            folders.append(self.entries_dir / m.group(1)[:4] / m.group(1)[4:6])
        if day is not None:
            folders.append(self.entries_dir / f"{day:%Y}" / f"{day:%m}")
        for folder in folders:
            for ext in FORMATS:
                candidate = folder / f"{entry_id}.{ext}"
                if candidate.is_file():
                    return candidate
        self._ensure_fresh()
        return next((p for p in self.index.paths_by_id(entry_id) if p.is_file()), None)

    # -------------------------------------------------------------------- trash

    def delete(self, entry_id: str) -> Path:
        """Move an entry to ``trash/``, from where ``restore`` brings it back."""
        src = self.locate(entry_id)
        dst = self.trash_dir / src.name
        atomic.ensure_dir(self.trash_dir)
        atomic.move(src, dst)
        self.index.forget(src)
        return dst

    def restore(self, entry_id: str) -> Path:
        for ext in FORMATS:
            src = self.trash_dir / f"{entry_id}.{ext}"
            if src.is_file():
                break
        else:
            raise NotFound(entry_id)
        entry = self.read(src)
        dst = self.path_for(entry, format_of(src))
        if dst.exists():
            raise FileExistsError(f"{dst} already exists")
        atomic.move(src, dst)
        self.index.record(dst, entry)
        return dst

    def trashed(self) -> list[Path]:
        if not self.trash_dir.is_dir():
            return []
        return sorted(p for p in self.trash_dir.iterdir()
                      if p.suffix in (".toml", ".json") and not p.name.startswith("."))

    # ------------------------------------------------------------------- drafts

    def save_draft(self, draft: Draft) -> Path:
        path = self.drafts_dir / f"{draft.key}.json"
        atomic.ensure_dir(self.root)
        atomic.atomic_write(path, draft.to_json())
        return path

    def drafts(self) -> list[Draft]:
        """Drafts on disk, newest first; an unreadable draft is skipped, not deleted."""
        if not self.drafts_dir.is_dir():
            return []
        found: list[Draft] = []
        for path in self.drafts_dir.glob("*.json"):
            if path.name.startswith("."):
                continue
            try:
                found.append(Draft.from_json(path.read_bytes()))
            except (OSError, ValueError, TypeError, KeyError):
                continue
        return sorted(found, key=lambda d: d.saved, reverse=True)

    def discard_draft(self, key: str) -> None:
        atomic.remove(self.drafts_dir / f"{key}.json")

    # -------------------------------------------------------------------- misc

    def iter_files(self) -> Iterator[Path]:
        for rel, _ in walk_entry_files(self.entries_dir):
            yield self.entries_dir / rel

