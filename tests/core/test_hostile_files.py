"""One file never breaks the journal, and no name in a file ever becomes a path."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal_tui.core.codec import UnreadableEntry, decode
from journal_tui.core.index import Query
from journal_tui.core.model import EntryError, check_id, from_dict, make_entry
from journal_tui.core.storage import Journal, NotFound

TZ = timezone(timedelta(hours=1))
WHEN = datetime(2026, 11, 26, 8, 12, 3, tzinfo=TZ)
DAY = date(2026, 11, 26)
GOOD_ID = "20261126-081203-3f9a"


def place(journal: Journal, text: str, name: str = GOOD_ID, ext: str = "toml") -> Path:
    """A file put in the journal by hand or by a sync tool."""
    folder = journal.entries_dir / "2026" / "11"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.{ext}"
    path.write_text(text)
    return path


def toml_entry(entry_id: str = GOOD_ID, created: str = "2026-11-26T08:12:03+01:00",
               extra: str = "") -> str:
    return (f'schema = 1\nid = "{entry_id}"\ndate = 2026-11-26\ncreated = {created}\n'
            f'{extra}body = "hello"\n')


@pytest.mark.parametrize("entry_id", [
    "20261126-081203-3f9a", "20261126-081203-0123456789abcdef", "20261126-081203-zz9z"])
def test_valid_ids(entry_id: str) -> None:
    assert check_id(entry_id) == entry_id


@pytest.mark.parametrize("entry_id", [
    "../../../../outside/stolen", "/abs/path", "../../x", "20261126-081203-3f9a/../../x",
    "20261126-081203-3f9a\0", "20261126-081203-3F9A", "20261126-081203-abc",
    "20261126-081203-0123456789abcdefg", "10101-081203-3f9a", "", "x", 12, None])
def test_invalid_ids(entry_id: object) -> None:
    with pytest.raises(EntryError, match="'id' must look like"):
        check_id(entry_id)


def test_a_file_whose_id_is_a_path_is_reported_and_never_saved(journal: Journal) -> None:
    """The issue's case: a synced file with ``id = "../../../../outside/stolen"``."""
    journal.save(make_entry("a good one", day=DAY, when=WHEN))
    bad = place(journal, toml_entry("../../../../outside/stolen"), name="20261126-090000-0bad")
    scan = journal.scan()
    assert [e.body for e in scan.entries] == ["a good one"]
    assert [p.path for p in scan.problems] == [bad] and "'id'" in scan.problems[0].message
    with pytest.raises(UnreadableEntry):
        journal.get("20261126-090000-0bad")
    assert not (journal.root.parent / "outside").exists()


def test_a_file_whose_id_is_not_its_name_is_reported(journal: Journal) -> None:
    path = place(journal, toml_entry("20261126-081203-aaaa"), name="20261126-081203-bbbb")
    [problem] = journal.scan().problems
    assert problem.path == path and "does not match the file name" in problem.message
    assert problem.line == 2


@pytest.mark.parametrize("created", [
    "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00", "9999-12-31T23:59:59",
    "0001-01-01T00:00:00", "0999-06-01T00:00:00+00:00"])
def test_an_instant_out_of_range_is_a_problem_not_an_overflow(journal: Journal,
                                                              created: str) -> None:
    """``list``, ``export`` and the TUI sorted by UTC time and failed with OverflowError
    on these, while ``doctor`` said 0 problems. Now the file is a problem, everywhere."""
    journal.save(make_entry("fine", day=DAY, when=WHEN))
    bad = place(journal, toml_entry("20261126-090000-0bad", created=created),
                name="20261126-090000-0bad")
    scan = journal.scan()
    assert [e.body for e in scan.entries] == ["fine"]
    assert [p.path for p in scan.problems] == [bad]
    assert "out of range" in scan.problems[0].message and scan.problems[0].line == 4
    assert journal.markdown_blocks(Query(), "en") and journal.json_objects()


@pytest.mark.parametrize("day", ["0001-01-01", "0999-12-31", "10000-01-01"])
def test_a_date_out_of_range_is_a_problem(day: str) -> None:
    with pytest.raises(EntryError):
        from_dict({"id": GOOD_ID, "date": day})


def test_a_lone_surrogate_in_a_json_file_is_a_problem(journal: Journal) -> None:
    path = place(journal, json.dumps({"schema": 1, "id": GOOD_ID, "date": "2026-11-26",
                                      "body": "\ud800"}), ext="json")
    [problem] = journal.scan().problems
    assert problem.path == path and "Unicode" in problem.message


@pytest.mark.parametrize("depth", [40, 100_000])
def test_deeply_nested_files_are_problems(journal: Journal, depth: int) -> None:
    toml = place(journal, toml_entry(extra="x = " + "[" * depth + "]" * depth + "\n"))
    jpath = place(journal, '{"schema": 1, "id": "20261126-081203-aaaa", "date": "2026-11-26",'
                  ' "x": ' + "[" * depth + "]" * depth + "}", name="20261126-081203-aaaa",
                  ext="json")
    assert sorted(p.path for p in journal.scan().problems) == sorted([toml, jpath])


def test_a_fifo_named_like_an_entry_does_not_hang_the_journal(journal: Journal) -> None:
    import os

    journal.save(make_entry("fine", day=DAY, when=WHEN))
    fifo = journal.entries_dir / "2026" / "11" / "20261126-090000-f1f0.toml"
    os.mkfifo(fifo)
    scan = journal.scan()
    assert [e.body for e in scan.entries] == ["fine"]
    assert [p.path for p in scan.problems] == [fifo]


def test_a_dangling_symlink_is_reported(journal: Journal, tmp_path: Path) -> None:
    journal.save(make_entry("fine", day=DAY, when=WHEN))
    link = journal.entries_dir / "2026" / "11" / "20261126-090000-dead.toml"
    link.symlink_to(tmp_path / "nowhere.toml")
    assert [p.path for p in journal.scan().problems] == [link]


def test_an_entry_its_owner_cannot_read_is_reported_not_shown_from_cache(journal: Journal
                                                                         ) -> None:
    import os

    if os.geteuid() == 0:
        pytest.skip("root reads any file")  # pragma: no cover
    path = journal.save(make_entry("secret", day=DAY, when=WHEN))
    assert [e.body for e in journal.query()] == ["secret"]
    path.chmod(0)
    try:
        journal.refresh()
        assert journal.query() == [] and [p.path for p in journal.problems()] == [path]
    finally:
        path.chmod(0o600)
    journal.refresh()
    assert [e.body for e in journal.query()] == ["secret"]


def test_the_unreadable_rule_uses_the_owners_read_bit(journal: Journal, monkeypatch) -> None:
    """The same check where the tests run as root (who reads anything): a file owned by
    the user running the program, without its owner's read bit, is listed with size -1,
    which forces a fresh read (chmod keeps the mtime) and so a report."""
    import os

    from journal_tui.core import index, listing

    if os.geteuid() != 0:
        pytest.skip("needs root to give the file another owner")  # pragma: no cover
    path = journal.save(make_entry("secret", day=DAY, when=WHEN))
    os.chown(path, 12345, -1)
    monkeypatch.setattr(listing.os, "geteuid", lambda: 12345)
    [(_, (size, *_))] = list(index.walk_entry_files(journal.entries_dir))
    assert size == path.stat().st_size
    path.chmod(0o200)
    [(_, (size, *_))] = list(index.walk_entry_files(journal.entries_dir))
    assert size == -1


def closed_cache(journal: Journal, tmp_path: Path, sql: str) -> Path:
    """The journal's index file, once the journal is closed and ``sql`` ran on it."""
    journal.refresh()
    journal.close()
    db = tmp_path / "cache" / "test" / "index.sqlite3"
    con = sqlite3.connect(db)
    con.execute(sql)
    con.commit()
    con.close()
    return db


def test_a_damaged_cache_page_is_a_cache_miss(journal: Journal, tmp_path: Path) -> None:
    """64 bytes overwritten at offset 4096 of the index: rebuilt, never a traceback."""
    for n in range(60):
        journal.save(make_entry(f"entry {n} " + "words " * 40, day=DAY - timedelta(days=n),
                                when=WHEN))
    db = closed_cache(journal, tmp_path, "PRAGMA wal_checkpoint(TRUNCATE)")
    assert db.stat().st_size > 8192
    with open(db, "r+b") as f:
        f.seek(4096)
        f.write(b"\xff" * 64)
    again = Journal(journal.root, cache_dir=db.parent)
    assert len(again.query()) == 60
    assert len(again.query(Query(contains="entry 7 "))) == 1
    again.close()
    third = Journal(journal.root, cache_dir=db.parent)  # and the file was rebuilt
    assert len(third.query()) == 60
    third.close()


def test_a_damaged_row_is_a_cache_miss(journal: Journal, tmp_path: Path) -> None:
    """A page whose structure survived but whose text did not (a row that no longer
    decodes) is rebuilt the same way."""
    journal.save(make_entry("kept", day=DAY, when=WHEN))
    db = closed_cache(journal, tmp_path, "UPDATE files SET data = '{not json'")
    again = Journal(journal.root, cache_dir=db.parent)
    assert [e.body for e in again.query()] == ["kept"]
    again.close()


def test_locate_never_globs_outside_with_a_crafted_id(journal: Journal) -> None:
    (journal.root.parent / "x.toml").write_text(toml_entry())
    journal.ensure()
    with pytest.raises(NotFound):
        journal.get("../../../x")


def test_decode_checks_the_name_of_the_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableEntry, match="does not match"):
        decode(toml_entry().encode(), tmp_path / "20261126-081203-ffff.toml")
