"""The journal folder: saves are atomic and private, bad files are never rewritten."""

from __future__ import annotations

import os
import stat
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_tui.core import atomic
from journal_tui.core.codec import UnreadableEntry
from journal_tui.core.index import Query
from journal_tui.core.model import make_entry
from journal_tui.core.storage import AddReport, Draft, Journal, NotFound

TZ = timezone(timedelta(hours=1))
WHEN = datetime(2026, 11, 26, 8, 12, 3, tzinfo=TZ)
DAY = date(2026, 11, 26)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_save_writes_a_private_file_in_its_month_folder(journal: Journal) -> None:
    os.umask(0o022)
    entry = make_entry("Bonjour #réseau avec @Marie", day=DAY, when=WHEN)
    path = journal.save(entry)
    assert path == journal.entries_dir / "2026" / "11" / f"{entry.id}.toml"
    assert entry.id.startswith("20261126-081203-")
    assert mode(path) == 0o600
    for folder in (journal.root, journal.entries_dir, path.parent, path.parent.parent):
        assert mode(folder) == 0o700
    assert journal.get(entry.id) == entry
    assert entry.tags == ["réseau"] and entry.people == ["Marie"]


def test_saving_again_updates_the_same_file(journal: Journal) -> None:
    entry = make_entry("v1", day=DAY, when=WHEN)
    first = journal.save(entry)
    entry.body = "v2"
    second = journal.save(entry)
    assert first == second
    assert [e.body for e in journal.scan().entries] == ["v2"]


def test_json_journal_and_existing_format_is_kept(tmp_path: Path) -> None:
    j = Journal(tmp_path / "j", fmt="json")
    entry = make_entry("in json", day=DAY, when=WHEN)
    path = j.save(entry)
    assert path.suffix == ".json"
    j.fmt = "toml"
    entry.body = "still json"
    assert j.save(entry) == path
    assert j.get(entry.id).body == "still json"


def test_changing_the_date_moves_the_file(journal: Journal) -> None:
    entry = make_entry("moved", day=DAY, when=WHEN)
    old = journal.save(entry)
    entry.date = date(2026, 10, 31)
    new = journal.save(entry)
    assert not old.exists() and new.parent.name == "10"
    assert [e.date for e in journal.scan().entries] == [date(2026, 10, 31)]


def test_failed_write_leaves_the_old_file_whole(journal: Journal,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    entry = make_entry("the original text", day=DAY, when=WHEN)
    path = journal.save(entry)
    before = path.read_bytes()

    real_write = os.write

    def half_then_fail(fd: int, data: bytes) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", half_then_fail)
    entry.body = "a much longer replacement text " * 50
    with pytest.raises(atomic.WriteError, match="No space left"):
        journal.save(entry)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temp file left


def test_unreadable_file_is_reported_skipped_and_never_overwritten(journal: Journal) -> None:
    good = make_entry("good one", day=DAY, when=WHEN)
    journal.save(good)
    bad = make_entry("will be corrupted", day=DAY, when=WHEN + timedelta(minutes=1))
    bad_path = journal.save(bad)
    broken = b'schema = 1\nid = "x"\ndate = 2026-11-26\nbody = """never closed\n'
    bad_path.write_bytes(broken)

    scan = journal.scan()
    assert [e.id for e in scan.entries] == [good.id]
    assert len(scan.problems) == 1
    assert scan.problems[0].path == bad_path and scan.problems[0].line == 4

    bad.body = "overwrite attempt"
    with pytest.raises(UnreadableEntry):
        journal.save(bad)
    assert bad_path.read_bytes() == broken


def test_hand_edits_are_seen_through_the_cache(journal: Journal, tmp_path: Path) -> None:
    entry = make_entry("first text", day=DAY, when=WHEN)
    path = journal.save(entry)
    assert journal.query(Query(contains="first"))
    path.write_text(path.read_text().replace("first text", "edited by hand, été"))
    fresh = Journal(journal.root, cache_dir=tmp_path / "cache" / "test")
    assert [e.body for e in fresh.query(Query(contains="ETE"))] == ["edited by hand, été"]
    assert not fresh.query(Query(contains="first"))
    fresh.close()


def test_deleting_the_cache_changes_nothing(journal: Journal, tmp_path: Path) -> None:
    for n in range(5):
        journal.save(make_entry(f"entry {n} #t{n % 2}", day=DAY - timedelta(days=n), when=WHEN))
    before = [e.id for e in journal.query()]
    journal.close()
    for f in (tmp_path / "cache" / "test").iterdir():
        f.unlink()
    again = Journal(journal.root, cache_dir=tmp_path / "cache" / "test")
    assert [e.id for e in again.query()] == before
    assert len(again.query(Query(tag="T1"))) == 2
    again.close()


def test_corrupt_cache_is_rebuilt(journal: Journal, tmp_path: Path) -> None:
    journal.save(make_entry("kept", day=DAY, when=WHEN))
    journal.close()
    db = tmp_path / "cache" / "test" / "index.sqlite3"
    db.write_bytes(b"this is not sqlite" * 100)
    for extra in db.parent.glob("index.sqlite3-*"):
        extra.unlink()
    again = Journal(journal.root, cache_dir=db.parent)
    assert [e.body for e in again.query()] == ["kept"]
    again.close()


def test_cache_file_is_private(journal: Journal, tmp_path: Path) -> None:
    journal.save(make_entry("secret", day=DAY, when=WHEN))
    db = tmp_path / "cache" / "test" / "index.sqlite3"
    assert mode(db) == 0o600 and mode(db.parent) == 0o700


def test_query_filters(journal: Journal) -> None:
    journal.save(make_entry("Réunion avec #Partenaire", day=date(2026, 11, 1), when=WHEN))
    journal.save(make_entry("Rien de spécial", day=date(2026, 11, 20), when=WHEN))
    journal.save(make_entry("Encore #partenaire", day=date(2026, 11, 25), when=WHEN))
    assert [e.date.day for e in journal.query()] == [25, 20, 1]
    assert [e.date.day for e in journal.query(Query(tag="partenaire"))] == [25, 1]
    assert [e.date.day for e in journal.query(Query(contains="REUNION"))] == [1]
    assert [e.date.day for e in journal.query(Query(start=date(2026, 11, 2),
                                                    end=date(2026, 11, 24)))] == [20]
    assert [e.date.day for e in journal.query(Query(limit=1))] == [25]
    assert [e.date.day for e in journal.query(Query(newest_first=False))] == [1, 20, 25]


def test_delete_goes_to_trash_and_restores(journal: Journal) -> None:
    entry = make_entry("to be deleted", day=DAY, when=WHEN)
    path = journal.save(entry)
    trashed = journal.delete(entry.id)
    assert trashed.parent == journal.trash_dir and not path.exists()
    assert journal.query() == []
    with pytest.raises(NotFound):
        journal.get(entry.id)
    assert journal.restore(entry.id) == path
    assert [e.id for e in journal.query()] == [entry.id]


def test_drafts_round_trip_and_discard(journal: Journal) -> None:
    draft = Draft(key="new-20261126", body="typed but not saved 🙂\r\n", date=DAY,
                  tags=["x"], mood=3, checkin={"synergy": -1})
    path = journal.save_draft(draft)
    assert mode(path) == 0o600
    assert journal.drafts() == [draft]
    journal.discard_draft(draft.key)
    assert journal.drafts() == []


def test_add_many_skips_existing_ids(journal: Journal) -> None:
    entries = [make_entry(f"n{n}", day=DAY - timedelta(days=n), when=WHEN) for n in range(3)]
    assert journal.add_many(entries) == AddReport(added=3, present=0)
    assert journal.add_many(entries) == AddReport(added=0, present=3)
    assert len(journal.scan().entries) == 3


def test_read_only_journal_raises_a_write_error(journal: Journal,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    journal.ensure()
    real_open = os.open

    def refuse(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)  # root ignores modes: simulate a read-only folder
    with pytest.raises(atomic.WriteError, match="Permission denied"):
        journal.save(make_entry("x", day=DAY, when=WHEN))
    monkeypatch.undo()
    assert [p for p in journal.entries_dir.rglob("*") if p.is_file()] == []


def test_days_with_entries_ignores_review_notes(journal: Journal) -> None:
    journal.save(make_entry("a day", day=date(2026, 11, 2), when=WHEN))
    journal.save(make_entry("a note", day=date(2026, 11, 8), when=WHEN, kind="review",
                            week="2026-W45"))
    journal.refresh()
    assert journal.index.days_with_entries() == {date(2026, 11, 2)}


def test_an_index_of_an_older_version_is_rebuilt_whole(journal: Journal, tmp_path: Path) -> None:
    import sqlite3

    journal.save(make_entry("kept", day=DAY, when=WHEN))
    journal.refresh()
    journal.close()
    db = sqlite3.connect(tmp_path / "cache" / "test" / "index.sqlite3")
    db.execute("PRAGMA user_version = 1")  # as left by an older journal-tui
    db.commit()
    db.close()
    again = Journal(journal.root, cache_dir=tmp_path / "cache" / "test")
    assert [e.body for e in again.query()] == ["kept"]  # not fooled by the old digest
    again.close()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(), fmt=st.sampled_from(["toml", "json"]),
       tags=st.lists(st.text(min_size=1, max_size=20), max_size=3))
def test_journal_round_trip_through_disk_and_index(journal: Journal, body: str, fmt: str,
                                                   tags: list[str]) -> None:
    """Whatever is typed comes back byte for byte, from the file and from the index."""
    journal.fmt = fmt
    entry = make_entry(body, day=DAY, when=WHEN, tags=tags)
    journal.save(entry, touch=False)
    assert journal.get(entry.id) == entry
    journal.refresh()
    [from_index] = [e for e in journal.query() if e.id == entry.id]
    assert from_index.body == body and from_index.tags == entry.tags
    journal.delete(entry.id)


def test_a_cache_failing_mid_refresh_falls_back_to_memory(journal: Journal,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    import sqlite3

    from journal_tui.core import index as index_module

    journal.save(make_entry("still listed", day=DAY, when=WHEN))
    journal.close()
    real = index_module.Index._transaction
    calls = []

    def full_disk(self, *steps):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, *steps)

    monkeypatch.setattr(index_module.Index, "_transaction", full_disk)
    (journal.entries_dir / "2026" / "11").joinpath("x.toml").write_text("broken = ")
    assert [e.body for e in journal.scan().entries] == ["still listed"]
    assert len(calls) == 2


def test_durable_writes_fsync_and_cache_writes_do_not(tmp_path: Path, monkeypatch) -> None:
    """Entries are fsynced (file and folder); derived data that can be rebuilt is
    written just as atomically and privately, without waiting for the disk."""
    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    atomic.atomic_write(tmp_path / "entry.toml", b"kept")
    assert len(synced) == 2  # the file, then its folder
    synced.clear()
    atomic.atomic_write(tmp_path / "cache.json", b"{}", durable=False)
    assert synced == []
    assert (tmp_path / "cache.json").read_bytes() == b"{}"
    assert (tmp_path / "cache.json").stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache.json", "entry.toml"]
