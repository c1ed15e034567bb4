"""Issue 11 items 7-9 on Today: ctrl+s saves exactly what is on screen, ctrl+n
after a save never rewrites the prompt a saved entry answered."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, TextArea
from tui_helpers import make_app, settle

from journal_tui.tui.screens.today import TodayScreen


def entry_files(root: Path) -> list[Path]:
    return sorted((root / "entries").rglob("*.toml"))


def read(path: Path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


def send_at_once(app, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Keys as a terminal delivers a paste or tmux's ``send-keys``: all queued
    before the app handles the first (Pilot's ``press`` waits after each)."""
    for key in keys:
        if len(key) == 1:
            event = events.Key(key if key.isalnum() else _character_to_key(key), key)
        else:
            event = events.Key(key, None)
        event.set_sender(app)
        app._driver.send_message(event)


async def test_ctrl_s_sent_with_the_text_saves_all_of_it(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        send_at_once(app, *"Typed fast and saved", "ctrl+s")
        await settle(pilot)
        files = entry_files(journal.root)
        assert len(files) == 1
        assert read(files[0])["body"] == "Typed fast and saved"
        # Then a tag, typed in the tag field with ctrl+s in the same burst.
        await pilot.press("tab")
        assert isinstance(app.focused, Input)
        send_at_once(app, *"work", "ctrl+s")
        await settle(pilot)
        assert read(files[0])["tags"] == ["work"]
        today = app.screen
        assert isinstance(today, TodayScreen) and not today.has_unsaved()


async def test_ctrl_n_after_a_save_starts_a_new_entry(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        await pilot.press(*"First answer")
        await pilot.press("ctrl+s")
        await settle(pilot)
        (path,) = entry_files(journal.root)
        answered = read(path)["prompt_id"]
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert today.entry is None  # a new entry, for another prompt
        assert today.prompt is not None and today.prompt.id != answered
        assert today.query_one("#body", TextArea).text == ""
        await pilot.press("ctrl+s")  # nothing typed: nothing to save
        await settle(pilot)
        assert read(path)["prompt_id"] == answered
        await pilot.press(*"Second answer")
        await pilot.press("ctrl+s")
        await settle(pilot)
        files = entry_files(journal.root)
        assert len(files) == 2
        assert read(path)["prompt_id"] == answered
        (other,) = [f for f in files if f != path]
        assert read(other)["prompt_id"] == today.prompt.id
        assert read(other)["body"] == "Second answer"
