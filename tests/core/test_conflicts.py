"""Conflicts listed for doctor and the TUI: sync's pairs and other sync tools' copies."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from journal_tui.cli import main
from journal_tui.core.conflicts import find_conflicts
from journal_tui.core.model import make_entry
from journal_tui.core.storage import Journal

TODAY = date(2026, 11, 26)


def test_every_kind_of_conflict_is_listed_with_its_path(journal: Journal) -> None:
    original = make_entry("mine", day=TODAY)
    journal.save(original)
    copy = make_entry("theirs", day=TODAY, tags=["conflict"])
    copy.id = original.id + "c1"
    copy.extra["conflict_of"] = original.id
    copy_path = journal.save(copy)
    orphan = make_entry("its original was deleted", day=TODAY)
    orphan.extra["conflict_of"] = "20200101-000000-dead"
    journal.save(orphan)
    folder = copy_path.parent
    syncthing = folder / f"{original.id}.sync-conflict-20261127-101010-ABCDEF7.toml"
    syncthing.write_bytes(copy_path.read_bytes())
    dropbox = journal.root / "people (Marie's conflicted copy 2026-11-27).toml"
    dropbox.write_text("")
    (journal.root / "people.toml").write_text("")
    people_copy = journal.root / "people-conflict-1a2b3c4.toml"
    people_copy.write_text("")
    (journal.root / ".git" / "objects").mkdir(parents=True)
    (journal.root / ".git" / "objects" / "x.sync-conflict-20261127-101010-ABCDEF7").touch()

    found = {(c.kind, c.path): c for c in find_conflicts(journal)}
    assert set(found) == {("sync", copy_path), ("syncthing", syncthing),
                          ("dropbox", dropbox), ("file", people_copy)}
    pair = found[("sync", copy_path)]
    assert (pair.entry_id, pair.original_id) == (copy.id, original.id)
    assert pair.original == journal.locate(original.id)
    assert found[("dropbox", dropbox)].original == journal.root / "people.toml"
    assert "Syncthing" in found[("syncthing", syncthing)].describe("en")
    assert "Dropbox" in found[("dropbox", dropbox)].describe("fr")

    journal.delete(original.id)  # one version chosen
    assert ("sync", copy_path) not in {(c.kind, c.path) for c in find_conflicts(journal)}


def test_only_the_conflicting_entries_are_read(journal: Journal,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Every entry's text held at once for a check made at start cost the TUI
    ~200 MB at 100,000 entries: SQLite picks the few rows, Python never sees the rest."""
    from journal_tui.core import conflicts

    original = make_entry("mine", day=TODAY)
    journal.save(original)
    for n in range(5):
        journal.save(make_entry(f"another day {n}", day=TODAY))
    copy = make_entry("theirs", day=TODAY)
    copy.id = original.id + "c1"
    copy.extra["conflict_of"] = original.id
    journal.save(copy)
    decoded: list[str] = []
    loads = conflicts.json.loads
    monkeypatch.setattr(conflicts.json, "loads", lambda text: decoded.append(text) or loads(text))
    monkeypatch.setattr(journal, "json_objects", None)  # never every entry's text
    [found] = find_conflicts(journal)
    assert (found.entry_id, found.original_id) == (copy.id, original.id)
    assert len(decoded) == 1


def test_doctor_lists_conflicts_and_exits_1(capsys: pytest.CaptureFixture[str],
                                            isolated_env: Path) -> None:
    assert main(["add", "an entry"]) == 0
    [path] = (isolated_env / "entries").rglob("*.toml")
    capsys.readouterr()
    assert main(["doctor"]) == 0
    copy = path.with_name(path.stem + " (conflicted copy 2026-11-27).toml")
    copy.write_bytes(path.read_bytes())
    copy.chmod(0o600)
    assert main(["doctor"]) == 1
    out = capsys.readouterr().out
    assert f"{copy}: conflict copy made by Dropbox, beside {path.name}; keep one version" in out
