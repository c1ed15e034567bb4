"""The journal against a simple model, under two writers, outside edits and crashes.

Two ``Journal`` objects (two TUIs) add, open, edit, delete and restore entries while the
files are also rewritten from outside (in place, or replaced with ``mv``), and a save
may crash at any disk step (``atomic.checkpoint`` raises an exception nothing
catches, as a kill would). Text is typed into a draft before it is saved, as the TUI
does. After every step:

- every entry the model knows is on disk with its text, nothing else is, and the
  trash holds what was deleted;
- every text typed but not saved (a crash) is in a draft on disk;
- a save succeeded only if the file was still what its writer had read (no save ever
  overwrote another writer's change), and was refused only if it was not; a refused
  save's text is kept as a new entry ("keep both");
- nothing was written outside the journal and its cache.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import tomllib
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    Bundle,
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from journal_tui.core import atomic
from journal_tui.core.codec import encode_toml
from journal_tui.core.drafts import Draft
from journal_tui.core.model import make_entry
from journal_tui.core.storage import Conflict, Journal

DAY = date(2026, 11, 26)
TEXT = st.text(alphabet="abcdéf xyz\n\t\"\\'#@", min_size=1, max_size=12)


class Crash(BaseException):
    """A kill -9: no ``except`` of the program sees it."""


class JournalMachine(RuleBasedStateMachine):
    ids = Bundle("ids")

    def __init__(self) -> None:
        super().__init__()
        self.base = Path(tempfile.mkdtemp(prefix="journal-state-"))
        self.root = self.base / "journal"
        self.writers = [self._writer(n) for n in range(2)]
        self.live: dict[str, str] = {}
        self.trash: dict[str, str] = {}
        self.typed: list[str] = []  # typed, never saved: must stay in a draft
        self.opened: list[dict[str, tuple[object, bytes]]] = [{}, {}]
        self.n = 0

    def _writer(self, n: int) -> Journal:
        self.n_cache = getattr(self, "n_cache", 0) + 1
        return Journal(self.root, cache_dir=self.base / "cache" / f"{n}-{self.n_cache}")

    def teardown(self) -> None:
        for w in self.writers:
            w.close()
        shutil.rmtree(self.base, ignore_errors=True)

    def _text(self, text: str) -> str:
        self.n += 1
        return f"{text} ({self.n})"

    def _path(self, entry_id: str) -> Path:
        [path] = list(self.root.glob(f"entries/*/*/{entry_id}.toml"))
        return path

    # ------------------------------------------------------------------ rules

    @initialize(target=ids, text=TEXT)
    def first_entry(self, text: str) -> str:
        return self.add(0, text)

    @rule(target=ids, w=st.integers(0, 1), text=TEXT)
    def add(self, w: int, text: str) -> str:
        text = self._text(text)
        entry = make_entry(text, day=DAY)
        self.writers[w].add(entry)
        self.live[entry.id] = text
        return entry.id

    @rule(w=st.integers(0, 1), entry_id=ids)
    def open(self, w: int, entry_id: str) -> None:
        if entry_id not in self.live:
            return
        entry = self.writers[w].get(entry_id)
        assert entry.body == self.live[entry_id]
        self.opened[w][entry_id] = (entry, self._path(entry_id).read_bytes())

    @precondition(lambda self: any(self.opened))
    @rule(data=st.data(), text=TEXT)
    def edit_and_save(self, data: st.DataObject, text: str) -> None:
        w = data.draw(st.sampled_from([n for n in (0, 1) if self.opened[n]]))
        entry_id = data.draw(st.sampled_from(list(self.opened[w])))
        self._save(w, entry_id, self._text(text), crash_at=None)

    @precondition(lambda self: any(self.opened))
    @rule(data=st.data(), text=TEXT, step=st.integers(1, 5))
    def crash_during_a_save(self, data: st.DataObject, text: str, step: int) -> None:
        w = data.draw(st.sampled_from([n for n in (0, 1) if self.opened[n]]))
        entry_id = data.draw(st.sampled_from(list(self.opened[w])))
        self._save(w, entry_id, self._text(text), crash_at=step)

    def _save(self, w: int, entry_id: str, text: str, crash_at: int | None) -> None:
        journal = self.writers[w]
        entry, read_bytes = self.opened[w][entry_id]
        key = f"e{self.n}"
        journal.save_draft(Draft(key=key, body=text, date=DAY, entry_id=entry_id))
        try:
            current = self._path(entry_id).read_bytes()
        except ValueError:  # no such file: deleted since
            current = None
        stale = current != read_bytes
        old_text = self.live.get(entry_id)
        entry.body = text  # type: ignore[attr-defined]
        calls = [0]

        def checkpoint(step: str) -> None:
            calls[0] += 1
            if calls[0] == crash_at:
                raise Crash

        atomic.checkpoint = checkpoint  # type: ignore[assignment]
        try:
            journal.save(entry)  # type: ignore[arg-type]
        except Crash:
            event(f"a save crashed at step {crash_at}")
            self._after_crash(w, entry_id, text, old_text)
            return
        except Conflict:
            event("a save was refused (conflict), text kept as a new entry")
            assert stale, "refused a save although the file had not changed"
            atomic.checkpoint = lambda step: None
            kept = journal.keep_both(entry)  # type: ignore[arg-type]
            self.live[kept.id] = text
            journal.discard_draft(key)
            del self.opened[w][entry_id]
            return
        finally:
            atomic.checkpoint = lambda step: None
        assert not stale, "a save overwrote a change made since the entry was read"
        event("a save succeeded")
        self.live[entry_id] = text
        self.opened[w][entry_id] = (entry, self._path(entry_id).read_bytes())
        journal.discard_draft(key)

    def _after_crash(self, w: int, entry_id: str, text: str, old_text: str | None) -> None:
        """The writer's process died: its file holds the old text or the new, whole; the
        typed text stays in its draft. A new instance takes the writer's place."""
        if old_text is not None:
            body = tomllib.loads(self._path(entry_id).read_text())["body"]
            assert body in (old_text, text)
            event("the crashed save had landed" if body == text else "the crash kept the old")
            self.live[entry_id] = body
        self.typed.append(text)
        dead = self.writers[w]
        dead.index.close()
        if dead._drafts._lock_fd is not None:  # the system releases a dead process's lock
            os.close(dead._drafts._lock_fd)
        self.writers[w] = self._writer(w)
        self.opened[w] = {}

    @rule(entry_id=ids, text=TEXT, replace=st.booleans())
    def edit_from_outside(self, entry_id: str, text: str, replace: bool) -> None:
        """An editor in place, or a sync tool's ``mv`` of a new version over the file."""
        if entry_id not in self.live:
            return
        text = self._text(text)
        path = self._path(entry_id)
        data = tomllib.loads(path.read_text())
        data["body"] = text
        data["their_key"] = "kept"
        raw = encode_toml(data)
        if replace:
            incoming = self.base / "incoming.toml"
            incoming.write_bytes(raw)
            os.replace(incoming, path)
        else:
            with open(path, "r+b") as f:
                f.write(raw)
                f.truncate()
        self.live[entry_id] = text

    @rule(w=st.integers(0, 1), entry_id=ids)
    def delete(self, w: int, entry_id: str) -> None:
        if entry_id not in self.live:
            return
        self.writers[w].delete(entry_id)
        self.trash[entry_id] = self.live.pop(entry_id)

    @rule(w=st.integers(0, 1), entry_id=ids)
    def restore(self, w: int, entry_id: str) -> None:
        if entry_id not in self.trash or entry_id in self.live:
            return
        self.writers[w].restore(entry_id)
        self.live[entry_id] = self.trash.pop(entry_id)

    @rule(w=st.integers(0, 1))
    def recover_drafts(self, w: int) -> None:
        """A start: drafts of instances no longer running are adopted and offered."""
        self.writers[w].drafts()

    # -------------------------------------------------------------- invariants

    @invariant()
    def every_entry_is_on_disk_with_its_text(self) -> None:
        on_disk = {p.stem: tomllib.loads(p.read_text())["body"]
                   for p in self.root.glob("entries/*/*/*.toml")}
        assert on_disk == self.live

    @invariant()
    def deleted_entries_are_in_the_trash(self) -> None:
        for entry_id, text in self.trash.items():
            path = self.root / "trash" / f"{entry_id}.toml"
            assert tomllib.loads(path.read_text())["body"] == text

    @invariant()
    def typed_text_survives_crashes_in_drafts(self) -> None:
        kept = [Draft.from_json(p.read_bytes()).body
                for p in (self.root / "drafts").glob("*.json")]
        for text in self.typed:
            assert text in kept

    @invariant()
    def nothing_outside_the_journal(self) -> None:
        assert {p.name for p in self.base.iterdir()} <= {"journal", "cache", "incoming.toml"}


JournalMachine.TestCase.settings = settings(
    max_examples=20, stateful_step_count=25, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
TestJournalMachine = JournalMachine.TestCase
