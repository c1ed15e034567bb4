"""Shared fixtures: every test runs on temporary folders with a fixed clock.

No test may touch the real user folders: the autouse fixture points the
journal, config and cache at ``tmp_path`` and clears editor variables. No test
reads the real clock either: ``frozen_clock`` fixes ``model.system_now`` (the one
place the program reads it) at ``NOW``, unless a test is marked ``real_clock``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal_tui.core.config import Config
from journal_tui.core.context import Context
from journal_tui.core.storage import Journal

TODAY = date(2026, 11, 26)  # a Thursday, ISO week 2026-W48
TZ = timezone(timedelta(hours=1))  # fixed offset, as in docs/FORMAT.md's example
NOW = datetime(2026, 11, 26, 8, 12, 3, tzinfo=TZ)


@pytest.fixture(autouse=True)
def hard_timeout(request: pytest.FixtureRequest) -> Iterator[None]:
    """A test still running 60 s past pytest-timeout's limit ends its process, with
    every thread's stack printed first.

    pytest-timeout raises from a SIGALRM handler, which needs the GIL, and an
    exception it raises inside an asyncio task may be kept by the task. A deadlock
    that holds the GIL (one thread waiting for SQLite's connection mutex, another
    inside SQLite waiting for the GIL) once hung a TUI test past it, and CI with it.
    faulthandler's watchdog is a C thread that needs no GIL. Under pytest-xdist the
    worker's end is reported as a crash of that test, and the run goes on."""
    import faulthandler

    try:
        limit = float(request.config.getini("timeout") or 0)
    except ValueError:  # pytest-timeout not loaded (-p no:timeout)
        limit = 0
    if not limit:
        yield
        return
    try:  # the terminal's stderr as pytest kept it (fd 2 is captured during a test)
        from _pytest.faulthandler import fault_handler_stderr_fd_key

        out = request.config.stash[fault_handler_stderr_fd_key]
    except (ImportError, KeyError):
        out = 2
    faulthandler.dump_traceback_later(limit + 60, exit=True, file=out)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "journal"
    monkeypatch.setenv("JOURNAL_TUI_HOME", str(home))
    monkeypatch.setenv("JOURNAL_TUI_CONFIG", str(tmp_path / "config" / "config.toml"))
    monkeypatch.setenv("JOURNAL_TUI_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    for var in ("LC_ALL", "LC_MESSAGES", "LANGUAGE", "VISUAL", "EDITOR"):
        monkeypatch.delenv(var, raising=False)
    yield home
    time.tzset()


@pytest.fixture(autouse=True)
def frozen_clock(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if request.node.get_closest_marker("real_clock") is None:
        monkeypatch.setattr("journal_tui.core.model.system_now", lambda: NOW)


class FixedClock:
    """A settable clock: ``clock()`` returns ``now``; tests move it with ``advance``."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    j = Journal(tmp_path / "journal", cache_dir=tmp_path / "cache" / "test")
    yield j
    j.close()


@pytest.fixture
def make_ctx(tmp_path: Path, journal: Journal, clock: FixedClock) -> Callable[..., Context]:
    """A Context on the temporary journal, with a fixed clock and a chosen language."""

    def make(lang: str = "en", fmt: str = "toml") -> Context:
        journal.fmt = fmt
        config = Config(language=lang, format=fmt, path=tmp_path / "config" / "config.toml")
        return Context(config=config, lang=lang, journal=journal, clock=clock)

    return make
