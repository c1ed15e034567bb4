"""Issue 11 items 7-9 on Today: ctrl+s saves exactly what is on screen, ctrl+n
after a save never rewrites the prompt a saved entry answered."""

from __future__ import annotations

import contextlib
import tomllib
from pathlib import Path

from textual import events
from textual.keys import _character_to_key
from textual.widgets import Input, TextArea
from tui_helpers import make_app, settle

from journal_tui.tui.screens.today import TodayScreen
from journal_tui.tui.widgets.dialogs import ConfirmDialog


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


def draft_bodies(root: Path) -> list[str]:
    import json

    found = []
    for path in (root / "drafts").glob("*.json"):
        with contextlib.suppress(OSError, ValueError):  # being replaced this very moment
            found.append(json.loads(path.read_text("utf-8"))["body"])
    return found


async def test_drafts_are_written_while_typing_goes_on(make_ctx, journal):
    """Item 4: a word every 0.5 s never leaves 2 s of quiet, yet a draft is written
    within the delay of the first keystroke and then at least that often (here at
    a quarter of the scale: 0.5 s delay, a key every 0.125 s)."""
    app = make_app(make_ctx("en"), delay=0.5)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        seen: list[str] = []
        typed = ""
        for n in range(24):  # 3 s of typing without a pause as long as the delay
            key = "abcdefghijklmnopqrstuvwx"[n]
            await pilot.press(key)
            typed += key
            await pilot.pause(0.125)
            bodies = draft_bodies(journal.root)
            if bodies and (not seen or bodies[0] != seen[-1]):
                seen.append(bodies[0])
        assert len(seen) >= 3, seen  # the first within the delay, then again and again
        assert all(typed.startswith(body) for body in seen)
        assert len(seen[0]) <= 8  # the first draft came within ~0.5 s of the first key


async def test_quit_says_the_text_is_kept_only_when_the_draft_was_written(
        make_ctx, journal, monkeypatch):
    """Item 6: on a journal where drafts cannot be written, the quit dialog says the
    text would be lost, never that it is kept."""
    def refuse(draft):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", str(journal.root / "drafts"))

    monkeypatch.setattr(journal, "save_draft", refuse)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press(*"not kept")
        await pilot.press("ctrl+q")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "could not be kept as a draft" in dialog.question
        assert "Permission denied" in dialog.question
        assert "is kept as a draft" not in dialog.question
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running
        assert app.screen.query_one("#body", TextArea).text == "not kept"


async def test_ctrl_e_sent_with_the_text_hands_all_of_it_to_the_editor(make_ctx, monkeypatch,
                                                                       tmp_path):
    """Found driving it in tmux: ``last word`` and ctrl+e sent together gave the
    editor an empty file, and the words landed after its line."""
    script = tmp_path / "ed.sh"
    script.write_text('#!/bin/sh\nprintf "added line\\n" >> "$1"\n')
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(type(app._driver), "can_suspend", property(lambda self: True))
        monkeypatch.setattr(type(app._driver), "suspend_application_mode", lambda self: None)
        monkeypatch.setattr(type(app._driver), "resume_application_mode", lambda self: None)
        send_at_once(app, *"last word", "ctrl+e")
        await settle(pilot)
        assert app.screen.query_one("#body", TextArea).text == "last word\nadded line"
