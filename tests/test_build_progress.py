"""The first command on a large journal shows a bar while the index is built; small
builds, and output that is not a terminal, never do."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from journal_tui.commands import common


class FakeBar:
    def __init__(self, total: int, label: str) -> None:
        self.total, self.label, self.done, self.stopped = total, label, [], False
        self.task_ids = [0]

    def update(self, task: int, completed: int) -> None:
        self.done.append(completed)

    def stop(self) -> None:
        self.stopped = True


@pytest.fixture
def bars(monkeypatch: pytest.MonkeyPatch) -> list[FakeBar]:
    made: list[FakeBar] = []

    def bar(total: int, label: str) -> FakeBar:
        made.append(FakeBar(total, label))
        return made[-1]

    monkeypatch.setattr(common, "_bar", bar)
    return made


def build(journal: Any, total: int) -> None:
    for done in range(0, total + 1, 1000):
        journal.on_progress(done, total)


def test_a_long_first_build_shows_a_bar_on_a_terminal(bars: list[FakeBar],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "is_terminal", lambda stream=None: True)
    journal = SimpleNamespace(on_progress=None, on_search_progress=None)
    with common.build_progress(journal):
        build(journal, 20000)
    assert journal.on_progress is None
    [bar] = bars
    assert (bar.total, bar.label, bar.done[-1], bar.stopped) == (20000, "Indexing", 20000, True)
    with common.build_progress(journal):
        build(journal, common.BUILD_BAR_MIN - 1)  # a short build: no bar
    assert len(bars) == 1


def test_no_bar_when_standard_error_is_not_a_terminal(bars: list[FakeBar],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(common, "is_terminal", lambda stream=None: False)
    journal = SimpleNamespace(on_progress=None, on_search_progress=None)
    with common.build_progress(journal):
        assert journal.on_progress is None
    assert bars == []


def test_each_long_pass_has_a_bar_of_its_own(bars: list[FakeBar],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The first text search on a freshly built index folds every entry: a second
    pass, of another total (entries, not files) or the same, after the build's."""
    monkeypatch.setattr(common, "is_terminal", lambda stream=None: True)
    journal = SimpleNamespace(on_progress=None, on_search_progress=None)
    with common.build_progress(journal, "fr"):
        build(journal, 20000)
        search = journal.on_search_progress
        for done in range(0, 19001, 1000):
            search(done, 19000)
        build(journal, 19000)
    assert [(b.total, b.label, b.done[-1], b.stopped) for b in bars] == [
        (20000, "Indexation", 20000, True),
        (19000, "Préparation de la recherche", 19000, True),
        (19000, "Indexation", 19000, True)]
    assert all(b.done == sorted(b.done) for b in bars)


def test_what_the_command_prints_stays_on_standard_output(monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]
                                                          ) -> None:
    """``list --format json > file`` on a first run: the bar is on standard error, and
    the listing printed after the build still goes to standard output (a Rich bar
    left running took it over, so the file stayed empty and the JSON hit the screen)."""
    import io

    from rich.console import Console

    monkeypatch.setattr(common, "is_terminal", lambda stream=None: True)
    screen = io.StringIO()  # standard error, a terminal
    monkeypatch.setattr(common, "console",
                        lambda stderr=False: Console(file=screen, force_terminal=True))
    journal = SimpleNamespace(on_progress=None, on_search_progress=None)
    with common.build_progress(journal):
        build(journal, 20000)
        print('[{"id": "x"}]')
    assert '"id"' not in screen.getvalue()
    assert capsys.readouterr().out == '[{"id": "x"}]\n'
