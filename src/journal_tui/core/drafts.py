"""Drafts: text typed but not yet saved, kept in ``drafts/`` for recovery after a crash.

Each running program (an *instance*: one ``Journal`` object, so one TUI) writes its
drafts under its own names, ``<key>.<instance>.json``, and holds an advisory lock on
``.<instance>.lock`` while it lives. Two TUIs on one journal therefore never write
the same draft; a killed one's lock is released by the system, and the next
instance that asks for drafts adopts them (renames them as its own) and offers them
back. Drafts of an older version (``<key>.json``) are adopted the same way.

A draft file is data, never a path: its name must be a valid key and match the
``key`` inside, or it is reported (``problems``) and never read, adopted or deleted.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from journal_tui.core import atomic
from journal_tui.core.codec import Problem
from journal_tui.core.model import KINDS, WEEK_RE, EntryError, check_day, check_id, now_local
from journal_tui.core.stamp import read_regular

try:
    import fcntl
except ImportError:  # not on Windows: liveness falls back to the pid in the lock file
    fcntl = None  # type: ignore[assignment]

KEY_RE = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,99}$")
_NAME_RE = re.compile(r"^([0-9A-Za-z][0-9A-Za-z_-]{0,99})(?:\.([0-9a-f]{12}))?\.json$")


class DraftError(ValueError):
    """A draft file (or key) that does not follow the draft format."""


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
    base: str | None = None
    """For a draft of an existing entry: the digest of the file the edit started from
    (``FileStamp.digest``), so recovery can tell whether the entry changed since."""
    intention: str | None = None
    """For a review note: the intention typed under it, kept like its text."""

    def to_json(self) -> bytes:
        d = asdict(self)
        d["date"] = self.date.isoformat()
        d["saved"] = self.saved.isoformat()
        return json.dumps(d, ensure_ascii=False, indent=1).encode()

    @classmethod
    def from_json(cls, raw: bytes) -> Draft:
        """Parse and check a draft file; ``DraftError`` for anything off the format."""
        try:
            d = json.loads(raw)
        except (ValueError, RecursionError):
            raise DraftError("not a JSON draft") from None
        if not isinstance(d, dict):
            raise DraftError("not a JSON object")
        try:
            return cls._checked(d)
        except DraftError:
            raise
        except EntryError as exc:
            raise DraftError(str(exc)) from None
        except (KeyError, TypeError, ValueError, OverflowError) as exc:
            raise DraftError(f"bad draft: {exc}") from None

    @classmethod
    def _checked(cls, d: dict[str, Any]) -> Draft:
        key = d["key"]
        if not isinstance(key, str) or not KEY_RE.match(key):
            raise DraftError(f"bad key {str(key)[:40]!r}")
        body = _text(d["body"], "body")
        day = check_day(date.fromisoformat(d["date"]))
        entry_id = d.get("entry_id")
        if entry_id is not None:
            check_id(entry_id)
        kind = d.get("kind", "entry")
        if kind not in KINDS:
            raise DraftError(f"bad kind {str(kind)[:20]!r}")
        week = d.get("week")
        if week is not None and not (isinstance(week, str) and WEEK_RE.match(week)):
            raise DraftError("bad week")
        tags = d.get("tags", [])
        if not isinstance(tags, list):
            raise DraftError("tags must be a list")
        mood = d.get("mood")
        if mood is not None and (type(mood) is not int or not 1 <= mood <= 5):
            raise DraftError("mood must be 1 to 5")
        checkin = d.get("checkin", {})
        if not isinstance(checkin, dict) or not all(
                isinstance(k, str) and type(v) is int and -2 <= v <= 2
                for k, v in checkin.items()):
            raise DraftError("bad checkin")
        saved = datetime.fromisoformat(d["saved"])
        saved.astimezone()  # OverflowError for an instant no time zone can show
        base = d.get("base")
        if base is not None and not (isinstance(base, str) and re.fullmatch(r"[0-9a-f]{1,64}",
                                                                            base)):
            raise DraftError("bad base")
        return cls(key=key, body=body, date=day, entry_id=entry_id, kind=kind, week=week,
                   tags=[_text(t, "tags") for t in tags], mood=mood, checkin=dict(checkin),
                   prompt_id=_opt_text(d.get("prompt_id"), "prompt_id"),
                   prompt=_opt_text(d.get("prompt"), "prompt"), saved=saved, base=base,
                   intention=_opt_text(d.get("intention"), "intention"))


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise DraftError(f"{key} must be text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise DraftError(f"{key} is not valid Unicode") from None
    return value


def _opt_text(value: Any, key: str) -> str | None:
    return None if value is None else _text(value, key)


def check_key(key: str) -> str:
    if not isinstance(key, str) or not KEY_RE.match(key):
        raise DraftError(f"bad draft key {str(key)[:40]!r}")
    return key


class DraftStore:
    """The drafts of one journal as seen by one instance (see the module's docstring)."""

    def __init__(self, folder: Path, instance: str | None = None) -> None:
        self.folder = folder
        self.instance = instance or os.urandom(6).hex()  # secrets.token_hex, without hashlib
        self._lock_fd: int | None = None

    def path(self, key: str) -> Path:
        return self.folder / f"{check_key(key)}.{self.instance}.json"

    # ---------------------------------------------------------------- writing

    def save(self, draft: Draft) -> Path | None:
        """Write ``draft`` as this instance's; a blank text (and intention) removes it
        instead (None)."""
        path = self.path(draft.key)
        if not draft.body.strip() and not (draft.intention or "").strip():
            self.discard(draft.key)
            return None
        self._claim()
        atomic.atomic_write(path, draft.to_json())
        return path

    def discard(self, key: str) -> None:
        """Remove this instance's draft ``key`` (nothing else, whatever the key says)."""
        path = self.path(key)
        if path.exists():
            atomic.remove(path)

    # ---------------------------------------------------------------- reading

    def drafts(self) -> list[Draft]:
        """This instance's drafts, after adopting those of instances no longer running;
        newest first. A draft that cannot be read is left alone (see ``problems``)."""
        if not self.folder.is_dir():
            return []
        try:
            self._claim()
            claimed = True
        except OSError:  # a read-only journal: offer ended instances' drafts, adopt none
            claimed = False
        mine: list[Draft] = []
        for path, key, owner in self._files():
            if owner != self.instance and self._alive(owner):
                continue  # another running TUI's
            try:
                draft = self._read(path, key)
            except (OSError, DraftError):
                continue
            if owner != self.instance and claimed:
                adopted = self._adopt(path, draft)
                if adopted is None:
                    continue
                draft = adopted
            mine.append(draft)
        return sorted(mine, key=lambda d: _instant(d.saved), reverse=True)

    def problems(self) -> list[Problem]:
        """Every file in ``drafts/`` that is not a readable draft, and interrupted writes."""
        out: list[Problem] = []
        try:
            names = sorted(os.listdir(self.folder))
        except OSError:
            return out
        for name in names:
            path = self.folder / name
            if name.startswith("."):
                if name.endswith(".tmp"):
                    out.append(Problem.told(path, "draft.left"))
                continue
            m = _NAME_RE.match(name)
            if not m:
                out.append(Problem.told(path, "draft.stranger"))
                continue
            try:
                self._read(path, m.group(1))
            except (OSError, DraftError) as exc:
                out.append(Problem.told(path, "draft.unreadable", error=str(exc)))
        return out

    def _files(self) -> list[tuple[Path, str, str | None]]:
        out = []
        for path in sorted(self.folder.glob("*.json")):
            m = _NAME_RE.match(path.name)
            if m:
                out.append((path, m.group(1), m.group(2)))
        return out

    @staticmethod
    def _read(path: Path, key: str) -> Draft:
        draft = Draft.from_json(read_regular(path))
        if draft.key != key:
            raise DraftError(f"its key {draft.key!r} is not its file name")
        return draft

    def _adopt(self, path: Path, draft: Draft) -> Draft | None:
        """Make another (ended) instance's draft ours, under a key not yet used by us."""
        key, n = draft.key, 1
        while self.path(key).exists():
            n += 1
            key = f"{draft.key[:90]}-{n}"
        draft.key = key
        try:
            atomic.atomic_write(self.path(key), draft.to_json(), overwrite=False)
        except (OSError, FileExistsError):
            return None
        with contextlib.suppress(OSError):
            atomic.remove(path)
        return draft

    # ---------------------------------------------------------------- liveness

    def _lock_path(self, instance: str) -> Path:
        return self.folder / f".{instance}.lock"

    def _claim(self) -> None:
        """Hold this instance's lock from its first draft on (released by ``close`` or by
        the system when the process ends, however it ends)."""
        if self._lock_fd is not None:
            return
        atomic.ensure_dir(self.folder)
        fd = os.open(self._lock_path(self.instance), os.O_RDWR | os.O_CREAT, atomic.FILE_MODE)
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._lock_fd = fd

    def _alive(self, instance: str | None) -> bool:
        if instance is None:
            return False  # an older version's draft: no instance holds it
        lock = self._lock_path(instance)
        try:
            fd = os.open(lock, os.O_RDONLY)
        except OSError:
            return False
        try:
            if fcntl is None:
                pid = os.read(fd, 20).decode("ascii", "replace")
                return pid.isdigit() and atomic.pid_alive(int(pid))
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return True
            with contextlib.suppress(OSError):
                lock.unlink()  # a dead instance's lock
            return False
        finally:
            os.close(fd)

    def close(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                self._lock_path(self.instance).unlink()
            os.close(self._lock_fd)
            self._lock_fd = None


def _instant(when: datetime) -> datetime:
    return when if when.tzinfo else when.astimezone()
