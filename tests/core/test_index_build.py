"""The index's fast paths answer exactly as a build from scratch would.

A first build (worker processes when large, search text filled later) and a warm
refresh (a digest per folder, a stat key per file) must give the same bytes for
``list --format json`` and both exports, whatever happened to the files between
runs: edits that keep the size and put the modification time back, renames,
deletions, new files, unreadable ones.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_tui.core import index as index_module
from journal_tui.core import indexing, listing, slices
from journal_tui.core.codec import encode
from journal_tui.core.export import json_array, json_document, markdown_document
from journal_tui.core.index import Query
from journal_tui.core.model import Entry
from journal_tui.core.storage import Journal

TZ = timezone(timedelta(hours=1))
WORDS = ["été", "ete", "Réunion", "partenaire", "synergie", "Zéphyrin", "stubborn", "plan",
         "#idée", "#Client", "@Marie", "@Karim’s", "ŒUVRE", "straße", "x\u0301", "\t", "\n"]


def entry_for(n: int, words: list[str], day: date, mood: int | None) -> Entry:
    body = " ".join(words)
    when = datetime(day.year, day.month, day.day, 8 + n % 10, n % 60, tzinfo=TZ)
    return Entry(id=f"{day:%Y%m%d}-{when:%H%M%S}-{n:04x}", date=day, created=when,
                 updated=when, body=body, mood=mood, tags=[w[1:] for w in words
                                                         if w.startswith("#")])


def outputs(journal: Journal) -> tuple[str, str, str, str, list[str]]:
    """What ``list --format json``, ``list --contains``, and the two exports print."""
    listed = json_array(journal.json_objects(Query())) + "\n"
    found = json_array(journal.json_objects(Query(contains="ETE"))) + "\n"
    oldest = Query(newest_first=False)
    return (listed, found, json_document(journal.json_objects(oldest)),
            markdown_document(journal.markdown_blocks(oldest, "fr"), "fr"),
            [str(p) for p in journal.problems()])


def cold(root: Path, cache: Path) -> tuple[str, str, str, str, list[str]]:
    shutil.rmtree(cache, ignore_errors=True)
    journal = Journal(root, cache_dir=cache)
    try:
        return outputs(journal)
    finally:
        journal.close()


def edit_in_place(path: Path) -> None:
    """Change one byte of the body, keep the size, put the modification time back.

    Only the change time moves (the kernel sets it): the edit is repeated until it
    has, as two changes within one tick of the file system's clock share a ctime.
    """
    before = path.stat()
    raw = bytearray(path.read_bytes())
    key = b'\nid = "' if b'\nid = "' in raw else b'"id": "'  # TOML, else JSON
    at = raw.index(key) + len(key) + len(b"20261001-080000-000")  # the id's last digit
    while True:
        raw[at] = ord("a") if raw[at] != ord("a") else ord("b")
        with path.open("r+b") as fh:  # the same inode, written in place
            fh.write(raw)
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        after = path.stat()
        if after.st_ctime_ns != before.st_ctime_ns:
            break
    assert (after.st_size, after.st_mtime_ns, after.st_ino) == (
        before.st_size, before.st_mtime_ns, before.st_ino)


changes = st.lists(st.tuples(st.sampled_from(["edit", "rename", "move", "delete", "add",
                                              "break"]),
                             st.integers(0, 50)), max_size=6)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=8),
                      min_size=1, max_size=10),
       moods=st.lists(st.none() | st.integers(1, 5), min_size=10, max_size=10),
       fmt=st.sampled_from(["toml", "json"]), todo=changes)
def test_a_warm_refresh_answers_as_a_cold_build(tmp_path_factory: pytest.TempPathFactory,
                                                texts: list[list[str]], moods: list[int | None],
                                                fmt: str, todo: list[tuple[str, int]]) -> None:
    tmp = tmp_path_factory.mktemp("journal")
    root, cache = tmp / "journal", tmp / "cache"
    journal = Journal(root, fmt=fmt, cache_dir=cache)
    for n, words in enumerate(texts):
        journal.save(entry_for(n, words, date(2026, 9 + n % 3, 1 + n), moods[n]), touch=False,
                     durable=False)
    journal.close()
    warm = Journal(root, cache_dir=cache)
    first = outputs(warm)  # builds the index (and fills the search text)
    assert first == cold(root, tmp / "other-cache")
    files = sorted(warm.iter_files())
    for action, pick in todo:
        if not files and action != "add":
            continue
        path = files[pick % len(files)] if files else None
        if action == "edit" and path and b'id' in path.read_bytes()[:60]:
            edit_in_place(path)
        elif action == "rename" and path:
            files.remove(path)
            files.append(path.rename(path.with_name(f"renamed-{pick}-{path.name}")))
        elif action == "move" and path:
            folder = root / "entries" / "2025" / "01"
            folder.mkdir(parents=True, exist_ok=True)
            files.remove(path)
            files.append(path.rename(folder / path.name))
        elif action == "delete" and path:
            files.remove(path)
            path.unlink()
        elif action == "add":
            entry = entry_for(100 + pick, ["ajouté", "été"], date(2026, 12, 1 + pick % 28), 3)
            target = root / "entries" / "2026" / "12" / f"{entry.id}.toml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(encode(entry))
            files.append(target)
        elif action == "break" and path:
            path.write_bytes(b"schema = 1\nbody = 'unterminated\n")
    warm.refresh()
    assert outputs(warm) == cold(root, tmp / "other-cache")
    warm.close()


def test_a_warm_refresh_parses_only_what_changed(journal: Journal,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(6):
        journal.save(entry_for(n, ["été"], date(2026, 10 + n % 2, 1 + n), None), touch=False,
                     durable=False)
    journal.refresh()
    parsed: list[str] = []
    real = indexing.file_row
    monkeypatch.setattr(indexing, "file_row",
                        lambda folder, rel, st: parsed.append(rel) or real(folder, rel, st))
    journal.refresh()
    assert parsed == []  # nothing changed: one digest said so
    [edited] = [p for p in journal.iter_files() if p.name.startswith("20261003")]
    edit_in_place(edited)
    journal.refresh()
    assert parsed == ["2026/10/" + edited.name]


def test_small_journals_never_start_a_process(journal: Journal,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object) -> None:
        raise AssertionError("a process pool for a small journal")

    monkeypatch.setattr(indexing, "_pooled", no_pool)
    monkeypatch.setattr(indexing, "in_workers", no_pool)
    for n in range(30):
        journal.save(entry_for(n, ["plan"], date(2026, 1 + n % 12, 1 + n % 28), None),
                     durable=False)
    journal.close()
    again = Journal(journal.root, cache_dir=journal.cache_dir)
    assert len(again.query()) == 30
    again.close()
    assert indexing.workers_for(indexing.POOL_MIN - 1) == 0
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert indexing.workers_for(indexing.POOL_MIN) == 2
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert indexing.workers_for(10 * indexing.POOL_MIN) == 0  # one core: parse here


def pooled_journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, count: int = 40) -> Path:
    """A journal of ``count`` entries (one unreadable file) and a pool for as few."""
    journal = Journal(tmp_path / "journal", cache_dir=tmp_path / "seed-cache")
    for n in range(count):
        journal.save(entry_for(n, ["été", "#plan"], date(2026, 1 + n % 12, 1 + n % 28), 2),
                     durable=False)
    (journal.entries_dir / "2026" / "01" / "broken.toml").write_text("body = 'x")
    journal.close()
    monkeypatch.setattr(indexing, "POOL_MIN", 10)
    monkeypatch.setattr(indexing, "PER_WORKER", 5)
    monkeypatch.setattr(indexing, "CHUNK", 4)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    # Forked, as the command line's are (a pytest-xdist worker runs a second thread,
    # so slices.forking() alone would spawn them, and a spawned worker sees none of
    # the tests' patches)
    monkeypatch.setattr(slices, "forking", lambda: True)
    return journal.root


def _index_rows(journal: Journal) -> list[list[tuple[object, ...]]]:
    db = journal.index.db
    # a search fill's mark is drawn at random (``search_words.generation``): its presence
    # is compared, not its value
    return [db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("files", "folders")] + [db.execute(
                "SELECT key, iif(key = 'searched', 'a mark', value) FROM meta "
                "ORDER BY 1").fetchall()]


@pytest.mark.parametrize("walked", [False, True], ids=["walk-given", "walking"])
def test_worker_processes_build_the_same_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               walked: bool) -> None:
    """A first build's workers parse the files of a walk made first (as the TUI's is,
    ``walk-given``) or walk the month folders and parse as they go (the command
    line's, ``walking``): either way the index a build in this process makes, to the
    folders' digests, so that the next refresh sees nothing changed."""
    root = pooled_journal(tmp_path, monkeypatch)
    used: list[tuple[str, int]] = []
    real = indexing.in_workers
    monkeypatch.setattr(indexing, "in_workers", lambda task, *args: used.append(
        (task.__name__, args[2])) or real(task, *args))
    steps: list[tuple[int, int]] = []
    journal = Journal(root, cache_dir=tmp_path / "pooled")
    journal.on_progress = lambda done, total: steps.append((done, total))
    journal.refresh(listing.scan(journal.entries_dir) if not walked else None)
    pooled = outputs(journal)
    assert used == [("_walk_task" if walked else "_parse_task", 2)]
    assert steps[0] == (0, 41) and steps[-1] == (41, 41)
    assert journal.refresh() is False  # the walk's digests stored as a walk makes them
    built = _index_rows(journal)
    journal.close()
    monkeypatch.setattr(indexing, "POOL_MIN", 10**9)
    assert pooled == cold(root, tmp_path / "serial")
    serial = Journal(root, cache_dir=tmp_path / "serial")
    assert _index_rows(serial) == built
    serial.close()
    assert len(pooled[4]) == 1  # the broken file, reported by a worker


def test_a_worker_that_dies_leaves_its_share_to_the_parent(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    root = pooled_journal(tmp_path, monkeypatch)
    parent = os.getpid()
    real = indexing.rows
    sent: list[int] = []

    def dies_in_a_worker(entries_dir: str, items: list) -> list:  # type: ignore[type-arg]
        if os.getpid() != parent:
            sent.append(1)
            if len(sent) > 1:
                os._exit(3)  # after one chunk
        return real(entries_dir, items)

    monkeypatch.setattr(indexing, "rows", dies_in_a_worker)
    journal = Journal(root, cache_dir=tmp_path / "pooled")
    pooled = outputs(journal)
    journal.close()
    monkeypatch.setattr(indexing, "POOL_MIN", 10**9)
    assert pooled == cold(root, tmp_path / "serial")



def test_workers_leave_ctrl_c_to_the_parent(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent stops with one
    line, and the workers must not each print a KeyboardInterrupt traceback."""
    import signal

    root = pooled_journal(tmp_path, monkeypatch)
    parent = os.getpid()
    seen = tmp_path / "seen"
    real = indexing.rows

    def records_sigint(entries_dir: str, items: list) -> list:  # type: ignore[type-arg]
        if os.getpid() != parent:
            with seen.open("a") as out:
                out.write(f"{signal.getsignal(signal.SIGINT) is signal.SIG_IGN}\n")
        return real(entries_dir, items)

    monkeypatch.setattr(indexing, "rows", records_sigint)
    # As an interactive shell starts it: a background job (``cmd &`` in a script, as a
    # CI runner may start the suite) inherits SIGINT ignored, and the parent's
    # handler after the build must then be compared with what it was before.
    before = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        journal = Journal(root, cache_dir=tmp_path / "pooled")
        outputs(journal)
        journal.close()
        after = signal.getsignal(signal.SIGINT)
    finally:
        signal.signal(signal.SIGINT, before)
    assert set(seen.read_text().split()) == {"True"}
    assert after is signal.default_int_handler  # the parent still stops

KILLED_BUILD = """
import os, sys, time
from pathlib import Path
from journal_tui.core import indexing
from journal_tui.core.storage import Journal
indexing.POOL_MIN, indexing.PER_WORKER, indexing.CHUNK = 10, 5, 4
os.sched_getaffinity = lambda pid: {0, 1}
def stalling(real):
    def stalls(*args, **kw):
        for n, chunk in enumerate(real(*args, **kw)):
            yield chunk
            if n == 1:  # two chunks written in the transaction: killed here
                pids = [pid for task in os.listdir("/proc/self/task")
                        for pid in open(f"/proc/self/task/{task}/children").read().split()]
                print("mid", *pids, flush=True)
                time.sleep(600)
    return stalls
import journal_tui.core.index as index
# a first build walks and parses at once (walked_rows); a build in place, parsed_rows
index.parsed_rows = stalling(indexing.parsed_rows)
index.walked_rows = stalling(indexing.walked_rows)
Journal(Path(sys.argv[1]), cache_dir=Path(sys.argv[2])).refresh()
"""


def gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return True
    return state == "Z"  # exited, not yet reaped by init


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc to see processes exit")
def test_a_build_killed_midway_leaves_a_cache_the_next_run_repairs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import signal
    import subprocess
    import sys
    import time

    root = pooled_journal(tmp_path, monkeypatch, count=200)
    cache = tmp_path / "killed"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_BUILD, str(root), str(cache)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    line = proc.stdout.readline().split()
    assert line[0] == "mid", line
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    workers = [int(pid) for pid in line[1:]]
    assert workers, "no worker was running mid-build"
    for _ in range(500):  # the workers find nobody reading and exit (bounded: ~5 s)
        if all(gone(pid) for pid in workers):
            break
        time.sleep(0.01)
    assert all(gone(pid) for pid in workers), "a worker outlived its killed parent"
    # A first build writes a file of its own: killed, it leaves that file, no index.
    assert sorted(p.name for p in cache.iterdir()) == [f".index.sqlite3.{proc.pid}.build"]
    monkeypatch.setattr(indexing, "POOL_MIN", 10**9)
    journal = Journal(root, cache_dir=cache)
    repaired = outputs(journal)
    journal.close()
    assert repaired == cold(root, tmp_path / "fresh")
    assert len(repaired[0].splitlines()) == 202  # [ ... ] around 200 entries
    assert not list(cache.glob("*.build"))  # the killed build's file is gone


def test_a_first_build_answers_as_one_made_in_place(journal: Journal) -> None:
    """A first build writes a new file and links it into place; an index file already
    there (emptied by a version change, say) is filled in place: the same index."""
    for n in range(12):
        journal.save(entry_for(n, ["été", "#plan"], date(2026, 1 + n % 12, 1 + n), n % 5 or None),
                     durable=False)
    (journal.entries_dir / "2026" / "03" / "broken.toml").write_text("body = 'x")
    journal.close()
    first = cold(journal.root, journal.root.parent / "first")
    in_place = journal.root.parent / "in-place"
    in_place.mkdir()
    (in_place / "index.sqlite3").touch()
    again = Journal(journal.root, cache_dir=in_place)
    assert outputs(again) == first
    again.close()
    built = Journal(journal.root, cache_dir=journal.root.parent / "built")
    built.refresh()
    db = built.index.db
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert db.execute("PRAGMA user_version").fetchone() == (index_module.VERSION,)
    names = {n for (n,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"files_order", "files_id", "files_errors", "files_days"} <= names
    assert (built.cache_dir / "index.sqlite3").stat().st_mode & 0o777 == 0o600
    built.close()


def test_without_hard_links_a_build_never_replaces_an_index_made_meanwhile(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a file system without hard links the build is renamed into place: never over
    an index another process put there between this build's look and its rename (the
    look is made to miss it here). This build then uses that one."""
    journal.save(entry_for(0, ["plan"], date(2026, 11, 1), None), durable=False)
    journal.close()
    other = Journal(journal.root, cache_dir=journal.root.parent / "other")
    other.refresh()
    other.close()
    cache = journal.root.parent / "nolinks"
    theirs = cache / "index.sqlite3"
    made: list[int] = []

    def no_link(src: object, dst: object, *args: object, **kwargs: object) -> None:
        shutil.copy(other.cache_dir / "index.sqlite3", theirs)  # another build, just now
        made.append(theirs.stat().st_ino)
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(index_module.os, "link", no_link)
    real_exists = Path.exists
    monkeypatch.setattr(Path, "exists",
                        lambda self, **kw: False if self == theirs else real_exists(self, **kw))
    again = Journal(journal.root, cache_dir=cache)
    assert len(outputs(again)[0].splitlines()) == 3  # [ the entry ]
    again.close()
    assert made and theirs.stat().st_ino == made[0]
    assert not list(cache.glob("*.build"))


def full_disk(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every write to an index file fails as on a full disk, after parsing a part of
    the files; returns the list that counts the passes over the files."""
    passes: list[int] = []
    real_rows, real_transaction = index_module.parsed_rows, index_module.Index._transaction

    def counted(*args: object, **kwargs: object) -> object:
        passes.append(1)
        return real_rows(*args, **kwargs)  # type: ignore[arg-type]

    def transaction(self: index_module.Index, *steps: object, **kwargs: object) -> None:
        if self.db.execute("PRAGMA database_list").fetchone()[2]:  # a file, not memory
            for _, rows in steps:  # type: ignore[misc]
                if isinstance(rows, Iterator):
                    next(rows, None)
            full = sqlite3.OperationalError("database or disk is full")
            full.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
            raise full
        real_transaction(self, *steps, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(index_module, "parsed_rows", counted)
    monkeypatch.setattr(index_module.Index, "_transaction", transaction)
    return passes


def test_a_full_disk_on_a_first_build_goes_to_memory_after_one_pass(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """Building again, then in place, then again could only fail as the first build did,
    parsing every file each time (four passes, ~10 s each at 100,000 entries)."""
    for n in range(4):
        journal.save(entry_for(n, ["été"], date(2026, 11, 1 + n), None), durable=False)
    journal.close()
    expected = cold(journal.root, journal.root.parent / "roomy")
    passes = full_disk(monkeypatch)
    cache = journal.root.parent / "full"
    again = Journal(journal.root, cache_dir=cache)
    assert outputs(again) == expected
    again.close()
    assert len(passes) == 2  # the build that failed, then the index in memory
    assert not (cache / "index.sqlite3").exists() and not list(cache.glob("*.build"))


def test_a_full_disk_on_a_refresh_keeps_the_index_file(
        journal: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """A refresh that runs out of room is answered from memory; the index file is not
    deleted and rebuilt (which could only fail too): it is still there, as it was,
    for the next run."""
    journal.save(entry_for(0, ["été"], date(2026, 11, 1), None), durable=False)
    journal.refresh()
    index_file = journal.cache_dir / "index.sqlite3"
    inode = index_file.stat().st_ino
    journal.close()
    journal = Journal(journal.root, cache_dir=journal.cache_dir)
    journal.save(entry_for(1, ["plan"], date(2026, 11, 2), None), durable=False)
    journal.close()
    passes = full_disk(monkeypatch)
    again = Journal(journal.root, cache_dir=journal.cache_dir)
    assert len(outputs(again)[0].splitlines()) == 4  # [ both entries ]
    again.close()
    assert len(passes) == 2  # the refresh that failed, then the index in memory
    assert index_file.stat().st_ino == inode


def test_no_index_is_there_until_the_first_build_is_whole(journal: Journal) -> None:
    """What makes a build without a journal or fsyncs safe: while rows are written,
    nothing is at the index's name for another process (or a run after a power cut)
    to read."""
    for n in range(3):
        journal.save(entry_for(n, ["plan"], date(2026, 11, 1 + n), None), durable=False)
    journal.close()
    cache = journal.root.parent / "watched"
    index_file = cache / "index.sqlite3"
    seen: list[tuple[bool, list[str]]] = []
    again = Journal(journal.root, cache_dir=cache)
    again.on_progress = lambda done, total: seen.append(
        (index_file.exists(), [p.name for p in cache.glob(".*.build")]))
    assert len(again.query()) == 3
    assert seen and all(not there and len(builds) == 1 for there, builds in seen)
    assert index_file.exists() and not list(cache.glob(".*.build"))
    again.close()


def test_a_first_build_leaves_a_running_builds_file_alone(journal: Journal) -> None:
    import subprocess
    import sys

    journal.save(entry_for(1, ["plan"], date(2026, 11, 2), None), durable=False)
    journal.close()
    cache = journal.root.parent / "shared-cache"
    cache.mkdir()
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    running = cache / f".index.sqlite3.{os.getppid()}.build"  # another process building
    running.write_bytes(b"half")
    (cache / f".index.sqlite3.{dead}.build").write_bytes(b"half")
    again = Journal(journal.root, cache_dir=cache)
    assert len(again.query()) == 1
    again.close()
    assert sorted(p.name for p in cache.glob(".*.build")) == [running.name]


V7_COLUMNS = ("rel TEXT PRIMARY KEY, size INTEGER, mtime INTEGER, ino INTEGER, id TEXT, day TEXT, "
              "created TEXT, kind TEXT, tags TEXT, fold TEXT, data TEXT, error TEXT, "
              "line INTEGER, md_en TEXT, md_fr TEXT, scores TEXT")
"""The files table of version 7 (its rows as version 8 writes them, ctime aside)."""
V7_NAMES = ", ".join(c.split()[0] for c in V7_COLUMNS.split(", "))


def test_an_index_of_version_7_is_migrated_in_place(journal: Journal,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(4):
        journal.save(entry_for(n, ["été"], date(2026, 11, 1 + n), 4), durable=False)
    journal.refresh()
    before = outputs(journal)
    journal.close()
    db = sqlite3.connect(journal.cache_dir / "index.sqlite3", isolation_level=None)
    db.executescript(f"""
        CREATE TABLE v7 ({V7_COLUMNS});
        INSERT INTO v7 SELECT {V7_NAMES} FROM files;
        DROP TABLE files; DROP TABLE folders; ALTER TABLE v7 RENAME TO files;
        CREATE INDEX files_order ON files (day DESC, created DESC, id DESC);
        CREATE INDEX files_id ON files (id);
        CREATE INDEX files_errors ON files (rel) WHERE error IS NOT NULL;
        CREATE INDEX files_days ON files (kind, day) WHERE error IS NULL;
        PRAGMA user_version = 7;""")
    db.close()
    grown = next(journal.iter_files())
    grown.write_bytes(grown.read_bytes().replace(b"\xc3\xa9t\xc3\xa9", b"\xc3\xa9t\xc3\xa9 !"))
    parsed: list[str] = []
    real = indexing.file_row
    monkeypatch.setattr(indexing, "file_row",
                        lambda folder, rel, st: parsed.append(rel) or real(folder, rel, st))
    again = Journal(journal.root, cache_dir=journal.cache_dir)
    after = outputs(again)
    assert parsed == [grown.relative_to(journal.entries_dir).as_posix()]  # the rest kept
    assert after != before and after == cold(journal.root, journal.root.parent / "fresh")
    version = again.index.db.execute("PRAGMA user_version").fetchone()[0]
    assert version == index_module.VERSION
    again.close()


def test_search_text_is_filled_once_and_never_missed(journal: Journal) -> None:
    journal.save(entry_for(1, ["Été", "#Plan"], date(2026, 11, 2), None))
    journal.refresh()
    db = journal.index.db
    assert db.execute("SELECT count(*) FROM search").fetchone() == (0,)
    assert [e.body for e in journal.query(Query(contains="ete"))] == ["Été #Plan"]
    assert db.execute("SELECT count(*) FROM search").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM unsearched").fetchone() == (0,)
    # as if the fill could not be written (a read-only cache): each search folds
    db.execute("DELETE FROM search")
    db.execute("INSERT INTO unsearched SELECT rowid FROM files")
    db.execute("CREATE TRIGGER refused BEFORE INSERT ON search BEGIN "
                "SELECT RAISE(ABORT, 'read-only'); END")
    assert [e.body for e in journal.query(Query(contains="PLAN"))] == ["Été #Plan"]
    assert journal.count(Query(contains="PLAN")) == 1
    assert journal.index.count_apart(Query(contains="PLAN"), lambda: False) == 1
    assert db.execute("SELECT count(*) FROM unsearched").fetchone() == (1,)


@pytest.mark.parametrize("forking", [True, False], ids=["forked", "spawned"])
def test_a_worker_that_cannot_start_leaves_its_share_to_the_parent(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forking: bool) -> None:
    # As spawning from the TUI once did (Textual's stand-in for stderr has no descriptor),
    # or a fork refused (out of processes).
    import multiprocessing.process

    root = pooled_journal(tmp_path, monkeypatch)
    tries: list[str] = []

    def refuse(*args: object) -> None:
        tries.append("start")
        raise (OSError(11, "Resource temporarily unavailable") if forking
               else ValueError("bad value(s) in fds_to_keep"))

    monkeypatch.setattr(slices, "forking", lambda: forking)
    if forking:
        monkeypatch.setattr(os, "fork", refuse)
    else:
        monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", refuse)
    journal = Journal(root, cache_dir=tmp_path / "unstarted")
    pooled = outputs(journal)
    journal.close()
    assert tries == ["start", "start"]
    monkeypatch.setattr(indexing, "POOL_MIN", 10**9)
    assert pooled == cold(root, tmp_path / "serial")
    assert pooled[0].count('"id"') == 40
