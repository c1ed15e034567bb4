"""The journal is read and written off the UI thread, and nothing asked for is lost on quit."""

from __future__ import annotations

import threading
import time
import tomllib
from collections.abc import Callable
from typing import Any

import pytest
from textual.widgets import OptionList, TextArea
from tui_helpers import make_app, seed, settle, type_in, wait_for

from journal_tui.core import atomic
from journal_tui.core.storage import Journal
from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.screens.journal import JournalScreen
from journal_tui.tui.widgets.dialogs import ConfirmDialog
from journal_tui.tui.widgets.entry_list import EntryList

WATCHED = ("get", "save", "save_draft", "discard_draft", "delete", "restore", "drafts")


def watch(journal: Journal, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """Record each call of the journal's reads and writes: (name, on the UI thread)."""
    calls: list[tuple[str, bool]] = []
    ui = threading.current_thread()

    def wrap(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def recorded(*args: Any, **kwargs: Any) -> Any:
            calls.append((name, threading.current_thread() is ui))
            return real(*args, **kwargs)
        return recorded

    for name in WATCHED:
        monkeypatch.setattr(journal, name, wrap(name, getattr(journal, name)))
    return calls


async def test_saving_drafts_opening_deleting_and_undo_never_touch_the_disk_on_the_ui_thread(
        make_ctx, journal, monkeypatch):
    entries = seed(journal)
    calls = watch(journal, monkeypatch)
    app = make_app(make_ctx("en"), delay=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "Typed, kept as a draft")
        await wait_for(pilot, lambda: ("save_draft", False) in calls)
        await pilot.press("ctrl+s")  # save, and discard the draft
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        day_list = app.screen.query_one("#day-entries", OptionList)
        day_list.focus()
        day_list.highlighted = 0
        await pilot.press("enter")  # reopen the saved entry in the editor
        await settle(pilot)
        assert app.screen.query_one("#body", TextArea).text == "Typed, kept as a draft"
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        table = screen.query_one(EntryList)
        table.focus()
        table.move_cursor(row=1)
        await pilot.press("enter")  # open an entry: read
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        await pilot.press("d")
        await settle(pilot)
        await pilot.click("#yes")  # delete: to the trash
        await settle(pilot)
        assert app.screen is screen
        table.focus()
        await pilot.press("u")  # undo: restore
        await settle(pilot)
        assert len(list((journal.root / "entries").rglob("*.toml"))) == len(entries) + 1
        await pilot.press("f2")
        await settle(pilot)
        await type_in(pilot, " and more")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")  # quit anyway: the text is kept as a draft
        await pilot.pause()
    names = {name for name, _ in calls}
    assert names == set(WATCHED), names
    assert [name for name, on_ui in calls if on_ui] == []
    assert [d.body for d in journal.drafts()] == ["Typed, kept as a draft and more"]


async def test_a_save_asked_for_just_before_quitting_is_on_disk_after(make_ctx, journal,
                                                                      monkeypatch):
    write = atomic.atomic_write

    def slow(*args: Any, **kwargs: Any) -> Any:
        time.sleep(0.3)  # a slow disk: the save lands after the quit key
        return write(*args, **kwargs)

    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "Saved as I quit")
        monkeypatch.setattr(atomic, "atomic_write", slow)
        await pilot.press("ctrl+s", "ctrl+q")  # nothing unsaved: quits at once
    assert app.return_code == 0
    [path] = (journal.root / "entries").rglob("*.toml")
    assert tomllib.loads(path.read_text("utf-8"))["body"] == "Saved as I quit"
