"""The ``stat`` walk of the entry files (``core.listing``), in one process or several."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from journal_tui.core import listing, slices


def _journal(root: Path, months: int) -> Path:
    entries = root / "entries"
    for m in range(months):
        folder = entries / f"{2000 + m // 12}" / f"{m % 12 + 1:02d}"
        folder.mkdir(parents=True)
        for d in range(1, 1 + m % 4):
            (folder / f"{2000 + m // 12}{m % 12 + 1:02d}{d:02d}-090000-ab12.toml").write_text("x")
        (folder / ".tmp-save.toml").write_text("half")  # a save under way: not listed
        (folder / "notes.txt").write_text("not an entry")
    (entries / "2000" / "01" / "20000105-090000-dead.toml").symlink_to(root / "nowhere")
    os.mkfifo(entries / "2000" / "02" / "20000205-090000-f1f0.toml")
    (entries / ".hidden" / "01").mkdir(parents=True)
    return entries


def _seen(folders: list[listing.Folder]) -> list[tuple[str, list[str], list[int]]]:
    return [(f.rel, f.names, list(f.numbers)) for f in folders]


@pytest.fixture
def workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Walks in worker processes as soon as there are two folders; the counts of
    workers asked for, one per walk that used them."""
    monkeypatch.setattr(listing, "WALK_POOL_MIN", 8)
    monkeypatch.setattr(listing, "WALK_PER_WORKER", 4)
    monkeypatch.setattr(slices, "cpus", lambda: 2)
    # This process as the command line's: the threads Python started are all there
    # are (a pytest-xdist worker's channel thread is not one of them)
    monkeypatch.setattr(slices, "alone", lambda: threading.active_count() == 1)
    used: list[int] = []
    real = slices.in_workers

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        used.append(args[3])
        return real(*args, **kwargs)

    monkeypatch.setattr(slices, "in_workers", spy)
    return used


def test_the_walk_in_workers_sees_what_one_process_sees(
        tmp_path: Path, workers: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _journal(tmp_path, 30)
    pooled = listing.scan(entries)
    assert workers == [2]
    monkeypatch.setattr(listing, "WALK_POOL_MIN", 10**9)
    alone = listing.scan(entries)
    assert workers == [2]  # the second walk stayed here
    assert _seen(pooled) == _seen(alone)
    assert len(alone) == 30
    first = {f.rel: f for f in alone}["2000/01"]
    assert first.names[-1:] == ["20000105-090000-dead.toml"]
    assert first.numbers[-4] == -1  # the dangling link, listed to be reported
    fifo = {f.rel: f for f in alone}["2000/02"]
    assert fifo.numbers[4 * fifo.names.index("20000205-090000-f1f0.toml")] == -1


def test_a_threaded_process_walks_alone(tmp_path: Path, workers: list[int]) -> None:
    """The TUI walks in a thread: forking a threaded process is unsafe, and
    spawning a worker costs more than the walk saves."""
    entries = _journal(tmp_path, 8)
    got: list[list[listing.Folder]] = []
    thread = threading.Thread(target=lambda: got.append(listing.scan(entries)))
    thread.start()
    thread.join()
    assert workers == []
    assert len(got[0]) == 8


def test_small_journals_walk_alone(tmp_path: Path, workers: list[int],
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    entries = _journal(tmp_path, 5)
    guessed = listing.files_guessed(listing.month_folders(entries))
    monkeypatch.setattr(listing, "WALK_POOL_MIN", guessed + 1)
    assert len(listing.scan(entries)) == 5
    assert workers == []


def test_the_files_are_guessed_from_three_folders(tmp_path: Path) -> None:
    entries = _journal(tmp_path, 9)  # 0, 1, 2, 3, 0, 1, 2, 3, 0 entries (+ 2 others each)
    months = sorted(listing.month_folders(entries))
    assert [rel for rel, _ in months] == [f"2000/{m:02d}" for m in range(1, 10)]
    # first (2 others + the dangling link), middle (2 others), last (2 others): 7 / 3 * 9
    assert listing.files_guessed(months) == 21


def test_no_entries_folder_is_an_empty_walk(tmp_path: Path) -> None:
    assert listing.scan(tmp_path / "missing") == []
