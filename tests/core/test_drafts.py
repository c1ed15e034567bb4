"""Drafts: one set per running instance, recovered once it has ended; a crafted draft
is reported and never acted on."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_tui.core.drafts import Draft, DraftError, DraftStore
from journal_tui.core.storage import Journal

DAY = date(2026, 11, 26)


def draft(key: str = "new-20261126", body: str = "typed") -> Draft:
    return Draft(key=key, body=body, date=DAY)


def other_journal(journal: Journal, tmp_path: Path, name: str = "other") -> Journal:
    return Journal(journal.root, cache_dir=tmp_path / "cache" / name)


def test_two_instances_never_share_a_draft(journal: Journal, tmp_path: Path) -> None:
    """The issue's case: both TUIs type a new entry for the same day (same key)."""
    other = other_journal(journal, tmp_path)
    journal.save_draft(draft(body="A's text"))
    other.save_draft(draft(body="B's text"))
    assert [d.body for d in journal.drafts()] == ["A's text"]
    assert [d.body for d in other.drafts()] == ["B's text"]
    assert len(list(journal.drafts_dir.glob("*.json"))) == 2
    other.close()


def test_a_killed_instances_drafts_are_recovered_by_the_next(journal: Journal,
                                                             tmp_path: Path) -> None:
    """A process holding drafts is killed (its lock goes with it): the next instance
    adopts its drafts and offers them, once."""
    script = (
        "import sys, os, signal\n"
        "from datetime import date\n"
        "from pathlib import Path\n"
        "from journal_tui.core.storage import Journal, Draft\n"
        "j = Journal(Path(sys.argv[1]))\n"
        "j.save_draft(Draft(key='new-20261126', body='typed then killed', date=date(2026,11,26)))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(journal.root)], check=False, timeout=60)
    assert [d.body for d in journal.drafts()] == ["typed then killed"]
    other = other_journal(journal, tmp_path)
    assert other.drafts() == []  # adopted by the first: offered once, not twice
    other.close()


def test_a_running_instances_drafts_are_not_taken(journal: Journal, tmp_path: Path) -> None:
    other = other_journal(journal, tmp_path)
    other.save_draft(draft(body="still typing"))
    assert journal.drafts() == []
    other.close()  # ended (quit with unsaved text: the draft is kept)
    assert [d.body for d in journal.drafts()] == ["still typing"]


def test_adopting_a_key_already_used_keeps_both(journal: Journal, tmp_path: Path) -> None:
    other = other_journal(journal, tmp_path)
    other.save_draft(draft(body="theirs"))
    other.close()
    journal.save_draft(draft(body="mine"))
    drafts = journal.drafts()
    assert sorted(d.body for d in drafts) == ["mine", "theirs"]
    assert len({d.key for d in drafts}) == 2


def test_drafts_of_an_older_version_are_offered(journal: Journal) -> None:
    journal.drafts_dir.mkdir(parents=True)
    (journal.drafts_dir / "new-20261126.json").write_bytes(draft(body="old format").to_json())
    assert [d.body for d in journal.drafts()] == ["old format"]
    journal.discard_draft("new-20261126")
    assert list(journal.drafts_dir.glob("*.json")) == []


def test_a_crafted_draft_is_reported_and_never_acted_on(journal: Journal) -> None:
    """``drafts/evil.json`` whose key climbs out of the folder: never offered, and no
    discard can reach the victim."""
    victim = journal.root.parent / "victim.json"
    victim.write_text("precious")
    journal.drafts_dir.mkdir(parents=True)
    evil = journal.drafts_dir / "evil.json"
    evil.write_text(json.dumps({"key": "../../victim", "body": "x", "date": "2026-11-26",
                                "saved": "2026-11-26T08:00:00+01:00"}))
    assert journal.drafts() == []
    problems = journal.draft_problems()
    assert [p.path for p in problems] == [evil] and "bad key" in problems[0].message
    for key in ("../../victim", "../victim", "/tmp/x", "evil/../../victim", "a.b"):
        with pytest.raises(DraftError):
            journal.discard_draft(key)
    assert victim.read_text() == "precious" and evil.exists()


def test_an_emptied_text_removes_its_draft(journal: Journal) -> None:
    journal.save_draft(draft(body="something"))
    assert journal.save_draft(draft(body="  \n")) is None
    assert journal.drafts() == []


def test_a_review_notes_intention_is_kept_even_without_text(journal: Journal) -> None:
    """The intention typed under a review note survives a crash as the note's text does."""
    kept = Draft(key="review-2026-W48", body="", date=DAY, kind="review",
                 week="2026-W48", intention="Ask before deciding alone")
    assert journal.save_draft(kept) is not None
    [back] = journal.drafts()
    assert back.intention == "Ask before deciding alone" and back.body == ""
    assert journal.save_draft(replace(kept, intention=" ")) is None
    assert journal.drafts() == []


def test_draft_files_are_private(journal: Journal) -> None:
    path = journal.save_draft(draft())
    assert path is not None and path.stat().st_mode & 0o777 == 0o600
    assert journal.drafts_dir.stat().st_mode & 0o777 == 0o700
    assert path.name == f"new-20261126.{journal.instance}.json"


def test_entry_for_draft_carries_the_identity_the_draft_started_from(journal: Journal) -> None:
    from journal_tui.core.model import make_entry
    from journal_tui.core.storage import Conflict

    entry = make_entry("v1", day=DAY)
    path = journal.save(entry)
    base = journal.get(entry.id).source.digest
    kept = Draft(key=entry.id, body="typed over v1", date=DAY, entry_id=entry.id, base=base)
    path.write_text(path.read_text().replace('"v1"', '"v2 from elsewhere"'))
    restored = journal.entry_for_draft(kept)
    restored.body = kept.body
    with pytest.raises(Conflict):
        journal.save(restored)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.one_of(
    st.binary(max_size=200),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                 lambda kids: st.lists(kids, max_size=3)
                 | st.dictionaries(st.text(max_size=8), kids, max_size=4),
                 max_leaves=12).map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({
        "key": st.sampled_from(["new-20261126", "../x", "", "a" * 200, "ok_key"]),
        "body": st.one_of(st.text(max_size=20), st.integers()),
        "date": st.sampled_from(["2026-11-26", "0001-01-01", "9999-12-31", "x", 5]),
        "saved": st.sampled_from(["2026-11-26T08:00:00+01:00", "0001-01-01T00:00:00+05:00",
                                  "9999-12-31T23:59:59-05:00", None]),
        "entry_id": st.sampled_from([None, "20261126-081203-3f9a", "../../x"]),
        "mood": st.sampled_from([None, 3, 9, True, "3"]),
        "tags": st.sampled_from([[], ["a"], "a", [1]]),
        "checkin": st.sampled_from([{}, {"x": 1}, {"x": 7}, []]),
    }).map(lambda d: json.dumps(d).encode()),
))
def test_the_draft_reader_never_raises_anything_but_a_draft_error(raw: bytes) -> None:
    try:
        got = Draft.from_json(raw)
    except DraftError:
        return
    assert isinstance(got, Draft)
    got.to_json()  # whatever is accepted can be written back


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(alphabet="ab.-_/\\0 json", min_size=1, max_size=20),
       content=st.binary(max_size=60))
def test_any_file_in_drafts_is_harmless(tmp_path: Path, name: str, content: bytes) -> None:
    """Whatever sits in drafts/, listing, reporting and discarding touch nothing outside."""
    root = tmp_path / "j"
    folder = root / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    outside = tmp_path / "outside.json"
    outside.write_text("keep")
    clean = name.replace("/", "_").replace("\0", "_")
    if clean in (".", ".."):
        return
    (folder / clean).write_bytes(content)
    store = DraftStore(folder)
    for d in store.drafts():
        store.discard(d.key)
    store.problems()
    store.close()
    assert outside.read_text() == "keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["j", "outside.json"]
    for p in folder.iterdir():
        p.unlink()


def test_drafts_of_a_read_only_journal_are_still_offered(journal: Journal, tmp_path: Path,
                                                        monkeypatch) -> None:
    other = other_journal(journal, tmp_path)
    other.save_draft(draft(body="typed before the disk went read-only"))
    other.close()

    def read_only(self) -> None:  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Read-only file system")

    monkeypatch.setattr(DraftStore, "_claim", read_only)
    assert [d.body for d in journal.drafts()] == ["typed before the disk went read-only"]
