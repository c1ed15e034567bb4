"""Writers never overwrite each other: a save checks that the file is still what the
entry was read from (an edit by hand, a sync tool's ``mv``, a deletion, another
journal-tui), and new entries never replace a file."""

from __future__ import annotations

import os
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal_tui.core import atomic
from journal_tui.core.codec import UnreadableEntry
from journal_tui.core.model import make_entry
from journal_tui.core.stamp import FileStamp, Origin
from journal_tui.core.storage import Conflict, Journal, NotFound, SaveRefused

TZ = timezone(timedelta(hours=1))
WHEN = datetime(2026, 11, 26, 8, 12, 3, tzinfo=TZ)
DAY = date(2026, 11, 26)


def saved(journal: Journal, body: str = "original") -> tuple[Path, str]:
    entry = make_entry(body, day=DAY, when=WHEN)
    return journal.save(entry), entry.id


def rewrite(path: Path, old: str, new: str) -> None:
    """An edit from outside (an editor, another program), keeping the file's size or not."""
    path.write_text(path.read_text().replace(old, new))


def test_get_carries_the_files_stamp(journal: Journal) -> None:
    path, entry_id = saved(journal)
    entry = journal.get(entry_id)
    assert isinstance(entry.source, FileStamp) and entry.source.path == path
    st = path.stat()
    assert (entry.source.size, entry.source.mtime_ns, entry.source.ino) == (
        st.st_size, st.st_mtime_ns, st.st_ino)


def test_an_edit_from_outside_is_never_overwritten(journal: Journal) -> None:
    """The issue's first reproduction: read, someone rewrites the file (new body and a key
    of their own), save: refused, their text and key intact."""
    path, entry_id = saved(journal)
    mine = journal.get(entry_id)
    rewrite(path, 'body = "original"', 'body = "theirs"\nmy_key = "kept?"')
    mine.body = "mine"
    with pytest.raises(Conflict) as err:
        journal.save(mine)
    assert err.value.kind == Conflict.CHANGED and err.value.path == path
    assert err.value.current is not None and err.value.current.body == "theirs"
    assert err.value.current.extra == {"my_key": "kept?"}
    data = tomllib.loads(path.read_text())
    assert data["body"] == "theirs" and data["my_key"] == "kept?"


def test_a_same_size_rewrite_within_the_clock_tick_is_seen(journal: Journal) -> None:
    """Size, mtime and inode unchanged: only the digest can tell."""
    path, entry_id = saved(journal, "aaaa")
    mine = journal.get(entry_id)
    st = path.stat()
    with open(path, "r+b") as f:  # same size, same inode
        raw = f.read().replace(b'"aaaa"', b'"bbbb"')
        f.seek(0)
        f.write(raw)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the same mtime
    mine.body = "mine"
    with pytest.raises(Conflict):
        journal.save(mine)
    assert tomllib.loads(path.read_text())["body"] == "bbbb"


def test_a_new_version_moved_over_the_file_is_seen(journal: Journal, tmp_path: Path) -> None:
    """A sync tool writes elsewhere, then ``mv`` over the entry."""
    path, entry_id = saved(journal)
    mine = journal.get(entry_id)
    incoming = tmp_path / "incoming.toml"
    incoming.write_text(path.read_text().replace('"original"', '"from the other machine"'))
    os.replace(incoming, path)
    mine.body = "mine"
    with pytest.raises(Conflict, match="changed since it was read"):
        journal.save(mine)
    assert "from the other machine" in path.read_text()


def test_a_deleted_file_is_not_brought_back_silently(journal: Journal) -> None:
    path, entry_id = saved(journal)
    mine = journal.get(entry_id)
    path.unlink()
    mine.body = "mine"
    with pytest.raises(Conflict) as err:
        journal.save(mine)
    assert err.value.kind == Conflict.DELETED and err.value.current is None
    assert not path.exists()


def test_an_entry_deleted_to_the_trash_by_another_writer(journal: Journal,
                                                          tmp_path: Path) -> None:
    _, entry_id = saved(journal)
    mine = journal.get(entry_id)
    other = Journal(journal.root, cache_dir=tmp_path / "cache" / "other")
    other.delete(entry_id)
    mine.body = "mine"
    with pytest.raises(Conflict):
        journal.save(mine)
    assert [p.name for p in journal.trashed()] == [f"{entry_id}.toml"]
    other.close()


def test_a_second_journal_tui_is_another_writer(journal: Journal, tmp_path: Path) -> None:
    """Two TUIs (two Journal objects) edit the same entry: the second save is refused,
    then 'keep both' keeps the second text as a new entry."""
    _path, entry_id = saved(journal)
    other = Journal(journal.root, cache_dir=tmp_path / "cache" / "other")
    a, b = journal.get(entry_id), other.get(entry_id)
    a.body = "from A"
    journal.save(a)
    b.body = "from B"
    with pytest.raises(Conflict) as err:
        other.save(b)
    assert err.value.current.body == "from A"
    kept = other.keep_both(b)
    assert kept.id != entry_id and kept.body == "from B" and kept.date == DAY
    assert journal.get(entry_id).body == "from A"
    assert journal.get(kept.id).body == "from B"
    other.close()


def test_saving_again_is_checked_against_what_was_written(journal: Journal) -> None:
    """The stamp of a save is that of the bytes written, not a later look at the file."""
    path, entry_id = saved(journal)
    entry = journal.get(entry_id)
    entry.body = "second"
    journal.save(entry)
    assert entry.source.path == path and entry.source.size == path.stat().st_size
    entry.body = "third"
    journal.save(entry)  # our own save is no conflict
    rewrite(path, "third", "by hand")
    entry.body = "fourth"
    with pytest.raises(Conflict):
        journal.save(entry)


def test_touching_a_file_without_changing_it_is_no_conflict(journal: Journal) -> None:
    path, entry_id = saved(journal)
    entry = journal.get(entry_id)
    os.utime(path, ns=(1, 1))
    entry.body = "mine"
    journal.save(entry)
    assert tomllib.loads(path.read_text())["body"] == "mine"


def test_a_new_entry_never_replaces_a_file(journal: Journal) -> None:
    path, entry_id = saved(journal, "first")
    clash = make_entry("second", day=DAY, when=WHEN)
    clash.id = entry_id
    with pytest.raises(Conflict) as err:
        journal.save(clash)
    assert err.value.kind == Conflict.TAKEN
    assert tomllib.loads(path.read_text())["body"] == "first"


def test_add_picks_another_id_on_a_clash(journal: Journal) -> None:
    _, entry_id = saved(journal, "first")
    clash = make_entry("second", day=DAY, when=WHEN)
    clash.id = entry_id
    journal.add(clash)
    assert clash.id != entry_id
    assert {journal.get(entry_id).body, journal.get(clash.id).body} == {"first", "second"}


def test_keys_the_program_does_not_know_survive_every_rewrite(journal: Journal) -> None:
    path, entry_id = saved(journal)
    rewrite(path, 'kind = "entry"', 'kind = "entry"\nmy_key = "kept"')
    path.write_text(path.read_text() + '\n[my_table]\nnested = { deep = [1, 2] }\n')
    for text in ("one", "two"):
        entry = journal.get(entry_id)
        entry.body = text
        entry.date = date(2026, 12, 1) if text == "two" else entry.date  # and a move
        journal.save(entry)
    [moved] = journal.entries_dir.glob("2026/12/*.toml")
    data = tomllib.loads(moved.read_text())
    assert data["my_key"] == "kept" and data["my_table"] == {"nested": {"deep": [1, 2]}}
    assert data["body"] == "two" and not path.exists()


def test_entries_from_the_index_are_checked_by_their_updated_time(journal: Journal,
                                                                  monkeypatch) -> None:
    """``query`` keeps no file stamp; a save still refuses when another save of this
    program happened since (the file's ``updated`` moved on)."""
    _, entry_id = saved(journal)
    [listed] = journal.query()
    assert listed.source is Origin.INDEX
    fresh = journal.get(entry_id)
    fresh.body = "saved by someone else"
    monkeypatch.setattr("journal_tui.core.model.system_now", lambda: WHEN + timedelta(hours=1))
    journal.save(fresh)
    listed.body = "stale"
    with pytest.raises(Conflict):
        journal.save(listed)


def test_a_symlinked_entry_is_read_but_never_replaced(journal: Journal, tmp_path: Path) -> None:
    """Replacing the link would leave its target stale; writing through it could write
    outside the journal. The save is refused, both stay as they are."""
    path, entry_id = saved(journal)
    target = tmp_path / "elsewhere.toml"
    os.replace(path, target)
    path.symlink_to(target)
    before = target.read_bytes()
    entry = journal.get(entry_id)
    entry.body = "mine"
    with pytest.raises(SaveRefused, match="symbolic link"):
        journal.save(entry)
    assert path.is_symlink() and target.read_bytes() == before


def test_a_newer_schema_file_is_read_but_never_rewritten(journal: Journal) -> None:
    path, entry_id = saved(journal)
    rewrite(path, "schema = 1", "schema = 2")
    before = path.read_bytes()
    entry = journal.get(entry_id)
    assert entry.body == "original"
    entry.body = "mine"
    with pytest.raises(SaveRefused, match="newer version"):
        journal.save(entry)
    assert path.read_bytes() == before


def test_an_unreadable_file_is_never_replaced_even_with_a_stamp(journal: Journal) -> None:
    path, entry_id = saved(journal)
    entry = journal.get(entry_id)
    path.write_text("broken = ")
    entry.body = "mine"
    with pytest.raises(UnreadableEntry):
        journal.save(entry)
    assert path.read_text() == "broken = "


def test_a_conflict_is_an_oserror_for_callers_that_report_write_errors(journal: Journal
                                                                       ) -> None:
    """The TUI reports OSError on save: until it offers reload / keep both, a conflict
    is at least an error message and the text stays in its draft."""
    assert issubclass(Conflict, OSError) and issubclass(SaveRefused, OSError)


def test_restore_never_replaces_an_entry_that_came_back(journal: Journal) -> None:
    path, entry_id = saved(journal, "first life")
    journal.delete(entry_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    trashed = (journal.trash_dir / path.name).read_text()
    path.write_text(trashed.replace("first life", "synced back"))
    with pytest.raises(FileExistsError):
        journal.restore(entry_id)
    assert "synced back" in path.read_text()
    assert "first life" in (journal.trash_dir / path.name).read_text()


def test_a_second_deletion_keeps_the_first_in_the_trash(journal: Journal) -> None:
    _path, entry_id = saved(journal, "first")
    journal.delete(entry_id)
    again = make_entry("second", day=DAY, when=WHEN)
    again.id = entry_id
    journal.save(again)
    journal.delete(entry_id)
    texts = sorted(p.read_text() for p in journal.trash_dir.iterdir())
    assert any('"first"' in t for t in texts) and any('"second"' in t for t in texts)


def test_trash_and_restore_refuse_ids_that_are_paths(journal: Journal) -> None:
    outside = journal.root.parent / "victim.toml"
    outside.write_text("keep me")
    for bad in ("../../victim", "/etc/passwd", "a\0b", ""):
        with pytest.raises(NotFound):
            journal.delete(bad)
        with pytest.raises(NotFound):
            journal.restore(bad)
    assert outside.read_text() == "keep me"


def test_a_crash_during_a_save_leaves_the_old_file_or_the_new(journal: Journal,
                                                              monkeypatch) -> None:
    path, entry_id = saved(journal)
    before = path.read_bytes()

    class Crash(BaseException):
        pass

    def crash(step: str) -> None:
        if step == "rename":
            raise Crash

    entry = journal.get(entry_id)
    entry.body = "mine"
    monkeypatch.setattr(atomic, "checkpoint", crash)
    with pytest.raises(Crash):
        journal.save(entry)
    monkeypatch.undo()
    assert path.read_bytes() == before
    [tmp] = path.parent.glob(".*.tmp")
    assert "mine" in tmp.read_text()  # the newest text, which doctor points at
