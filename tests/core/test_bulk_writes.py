"""Imports write many files durably together: two syncs, all or nothing, nothing replaced."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal_tui.core import atomic
from journal_tui.core.model import Entry
from journal_tui.core.storage import Journal

TZ = timezone(timedelta(hours=1))


def entries(count: int) -> list[Entry]:
    out = []
    for n in range(count):
        day = date(2026, 1 + n % 12, 1 + n % 28)
        when = datetime(day.year, day.month, day.day, 9, n % 60, tzinfo=TZ)
        out.append(Entry(id=f"{day:%Y%m%d}-{when:%H%M%S}-{n:04x}", date=day, created=when,
                         updated=when, body=f"entry {n}", mood=1 + n % 5))
    return out


def test_an_import_syncs_twice_whatever_its_size(journal: Journal,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    journal.refresh()  # the index's first build fsyncs its new file once: not an entry
    syncs: list[int] = []
    fsyncs: list[int] = []
    monkeypatch.setattr(os, "sync", lambda: syncs.append(1))
    monkeypatch.setattr(os, "fsync", lambda fd: fsyncs.append(fd))
    done: list[int] = []
    report = journal.add_many(entries(1200), done.append)
    assert (report.added, report.present, report.clashes) == (1200, 0, [])
    assert len(syncs) == 2 and fsyncs == []
    assert done == list(range(1, 1201))
    assert len(list(journal.iter_files())) == 1200
    assert not list(journal.entries_dir.rglob(".*"))  # no temporary file left


def test_an_import_failing_midway_leaves_no_entry(journal: Journal,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.write
    calls: list[int] = []

    def full_disk(fd: int, data: bytes) -> int:
        calls.append(1)
        if len(calls) == 40:
            raise OSError(28, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(os, "write", full_disk)
    with pytest.raises(atomic.WriteError, match="No space left"):
        journal.add_many(entries(100))
    monkeypatch.undo()
    assert [p for p in journal.entries_dir.rglob("*") if p.is_file()] == []
    assert journal.query() == []


@pytest.mark.parametrize("renameat2", [True, False], ids=["renameat2", "link"])
def test_a_bulk_write_never_replaces_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            renameat2: bool) -> None:
    """Whether the files get their names by a rename that refuses to replace (Linux) or
    by a link (elsewhere, or a file system without it), an existing file stays."""
    if not renameat2:
        monkeypatch.setattr(atomic, "_renameat2", None)
    elif atomic._load_renameat2() is None:
        pytest.skip("no renameat2 here")
    renamed: list[bool] = []
    real = atomic.rename_new
    monkeypatch.setattr(atomic, "rename_new",
                        lambda src, dst: renamed.append(real(src, dst)) or renamed[-1])
    kept = tmp_path / "a" / "kept.toml"
    kept.parent.mkdir()
    kept.write_bytes(b"mine")
    done = atomic.write_new_files(iter([(kept, b"theirs"), (tmp_path / "a" / "new.toml", b"x")]))
    assert done == [False, True]
    assert kept.read_bytes() == b"mine"
    assert (tmp_path / "a" / "new.toml").stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in kept.parent.iterdir()) == ["kept.toml", "new.toml"]
    assert renamed[-1] is renameat2  # the way asked for was the way taken


class Killed(BaseException):
    """A kill at a disk step: nothing catches it."""


def test_an_import_killed_at_any_step_leaves_whole_files_and_a_rerun_finishes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wanted = entries(6)
    steps: list[str] = []
    monkeypatch.setattr(atomic, "checkpoint", steps.append)
    whole = Journal(tmp_path / "whole", cache_dir=tmp_path / "whole-cache")
    whole.add_many(wanted)
    expected = {p.name: p.read_bytes() for p in whole.iter_files()}
    total = len(steps)
    assert total > 12
    for kill_at in range(1, total + 1):
        journal = Journal(tmp_path / f"j{kill_at}", cache_dir=tmp_path / f"c{kill_at}")
        count = [0]

        def kills(step: str, at: int = kill_at, count: list[int] = count) -> None:
            count[0] += 1
            if count[0] == at:
                raise Killed(step)

        monkeypatch.setattr(atomic, "checkpoint", kills)
        monkeypatch.setattr(atomic, "pid_alive", lambda pid: False)  # the killed import
        with pytest.raises(Killed):
            journal.add_many(wanted)
        monkeypatch.setattr(atomic, "checkpoint", lambda step: None)
        for path in journal.iter_files():  # a name present is whole
            assert path.read_bytes() == expected[path.name], (kill_at, path)
        journal.close()
        again = Journal(journal.root, cache_dir=tmp_path / f"c{kill_at}")
        again.add_many(wanted)
        assert {p.name: p.read_bytes() for p in again.iter_files()} == expected
        assert not list(again.entries_dir.rglob(".*")), kill_at  # leftovers removed
        again.close()
