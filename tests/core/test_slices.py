"""Fixed slices of work in worker processes (``core.slices``)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest

from journal_tui.core import slices


def _squares(send: Callable[[list[int]], None], dies_on: int, items: list[int]) -> None:
    for i in range(0, len(items), 2):
        if dies_on in items[i:i + 2]:
            os._exit(3)  # a worker killed mid-slice: what it did not send is done here
        send([x * x for x in items[i:i + 2]])


def _here(rest: list[int]) -> Iterator[list[int]]:
    yield [-x * x for x in rest]  # marked, to tell them from the workers'


@pytest.fixture(autouse=True)
def _fork(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slices, "forking", lambda: True)


def test_every_item_comes_back_once() -> None:
    got = [x for chunk in slices.in_workers(_squares, (-1,), list(range(20)), 3, _here)
           for x in chunk]
    assert sorted(got) == [x * x for x in range(20)]


def test_what_a_dead_worker_did_not_send_is_done_here() -> None:
    got = [x for chunk in slices.in_workers(_squares, (8,), list(range(20)), 2, _here)
           for x in chunk]
    # Worker 0 has 0, 2, 4, 6, 8, …: it sent 0 2, 4 6, then died on 8.
    assert sorted(abs(x) for x in got) == [x * x for x in range(20)]
    assert sorted(-x for x in got if x < 0) == [x * x for x in range(8, 20, 2)]


def test_small_counts_stay_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slices, "cpus", lambda: 2)
    assert slices.workers_for(999, minimum=1000, per_worker=500) == 0
    assert slices.workers_for(1000, minimum=1000, per_worker=500) == 2
    assert slices.workers_for(1500, minimum=1000, per_worker=1000) == 0  # one would work
    monkeypatch.setattr(slices, "cpus", lambda: 1)
    assert slices.workers_for(100_000, minimum=1000, per_worker=500) == 0


SPAWN_UNDER_CAPTURE = """
import contextlib, io, multiprocessing, sys
from datetime import date
from journal_tui.core import slices, themes
from journal_tui.core.model import make_entry
from journal_tui.core.prompts import load_prompts

class Capture(io.StringIO):  # what Textual puts in sys.stderr while an app runs
    def fileno(self):
        return -1

book, _ = load_prompts(None)
todo = [(str(i), make_entry("Je m'entête sur ce dossier.", day=date(2026, 11, 1 + i)))
        for i in range(4)]
digest = themes.detector_for(book).digest
with contextlib.redirect_stderr(Capture()):
    assert slices._context().get_start_method() == "spawn"
    got = [row for chunk in slices.in_workers(themes._score_task, (book, digest), todo, 2,
                                              lambda rest: iter(()))
           for row in chunk]
print(sorted(rel for rel, _ in got))
"""


def test_workers_spawn_while_stderr_has_no_descriptor() -> None:
    """Inside the TUI, sys.stderr is Textual's capture (fileno -1): spawning its
    first worker used to fail starting multiprocessing's resource tracker, so a cold
    build of 2,000 files or more crashed the app with a traceback."""
    import subprocess
    import sys

    code = ("import threading\n"  # a second thread, as in the TUI: workers are spawned
            "threading.Thread(target=threading.Event().wait, daemon=True).start()\n")
    out = subprocess.run([sys.executable, "-c", code + SPAWN_UNDER_CAPTURE],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split("\n")[0] == "['0', '1', '2', '3']"


def test_here_does_the_first_slice_in_this_process() -> None:
    got = [x for chunk in slices.in_workers(_squares, (-1,), list(range(20)), 2, _here,
                                            here=True)
           for x in chunk]
    assert sorted(abs(x) for x in got) == [x * x for x in range(20)]
    # Slice 0 (0, 2, 4, …) is done here, marked negative; the worker does the odd ones.
    assert sorted(-x for x in got if x <= 0) == [x * x for x in range(0, 20, 2)]


def test_a_thread_started_outside_threading_stops_forking() -> None:
    """pytest-xdist's worker talks to its controller on a thread started with
    ``_thread``, which ``threading.active_count`` leaves out: forking there copies a
    process whose other thread may hold a lock. Only the kernel's count sees it."""
    import _thread
    import subprocess
    import sys
    import threading

    started, release = _thread.allocate_lock(), _thread.allocate_lock()
    started.acquire()
    release.acquire()

    def holds() -> None:
        started.release()
        release.acquire()

    known = threading.active_count()
    _thread.start_new_thread(holds, ())
    started.acquire()
    try:
        assert threading.active_count() == known  # threading does not see it
        assert not slices.alone()
    finally:
        release.release()
    alone = subprocess.run([sys.executable, "-c",
                            "from journal_tui.core import slices; print(slices.alone())"],
                           capture_output=True, text=True, check=True, timeout=60)
    assert alone.stdout.split() == ["True"]  # a command line's process forks
