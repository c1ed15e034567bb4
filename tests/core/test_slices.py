"""Fixed slices of work in worker processes (``core.slices``)."""

from __future__ import annotations

import multiprocessing
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
    monkeypatch.setattr(slices, "_context", lambda: multiprocessing.get_context("fork"))


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
