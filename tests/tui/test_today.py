"""Today screen: type, save, save again, prompts, scales, entries of the day, drafts, errors."""

from __future__ import annotations

import tomllib
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Static, TextArea
from tui_helpers import TODAY, make_app, seed, settle, type_in, wait_for

from journal_tui.core import atomic
from journal_tui.tui.screens.today import TodayScreen
from journal_tui.tui.textual_compat import notifications
from journal_tui.tui.widgets.dialogs import ConfirmDialog
from journal_tui.tui.widgets.scale import MoodScale, PoleScale


def entry_files(root: Path) -> list[Path]:
    return sorted((root / "entries").rglob("*.toml"))


def read(path: Path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


async def test_type_and_save_then_save_again_updates_the_same_file(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        assert isinstance(app.focused, TextArea)  # typing can start at once
        await pilot.press(*"Met @Marie about #partnership")
        await pilot.press("ctrl+s")
        await settle(pilot)
        files = entry_files(journal.root)
        assert len(files) == 1
        data = read(files[0])
        assert data["body"] == "Met @Marie about #partnership"
        assert data["date"] == TODAY
        assert data["tags"] == ["partnership"]
        assert data["people"] == ["Marie"]
        assert data["prompt_id"] == app.screen.prompt.id
        assert data["prompt"] == app.screen.prompt.text_in("en")
        assert not app.screen.has_unsaved()

        await pilot.press("enter", *"Second line.")
        assert app.screen.has_unsaved()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert entry_files(journal.root) == files  # same file, no second one
        data2 = read(files[0])
        assert data2["id"] == data["id"]
        assert data2["body"] == "Met @Marie about #partnership\nSecond line."
        # The day's list shows the entry.
        options = app.screen.query_one("#day-entries", OptionList)
        assert options.option_count == 1
        assert options.get_option_at_index(0).id == data["id"]


async def test_tag_field_mood_and_rating_are_saved(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        while not screen.theme.polar:  # the fixed book's prompt of the day is plain
            await pilot.press("ctrl+n")
        theme = screen.prompt.theme
        await type_in(pilot, "Kept going.")
        screen.query_one("#tags", Input).focus()
        await type_in(pilot, "client, #money")
        mood = screen.query_one("#mood", MoodScale)
        mood.focus()
        await pilot.press("4")
        assert mood.value == 4
        await pilot.press("right", "right")
        assert mood.value == 5  # clamped
        await pilot.press("left")
        rating = screen.query_one("#rating", PoleScale)
        assert rating.display
        rating.focus()
        await pilot.press("right", "right", "left")
        assert rating.value == 1
        await pilot.press("ctrl+s")
        await settle(pilot)
        data = read(entry_files(journal.root)[0])
        assert data["mood"] == 4
        assert data["checkin"] == {theme: 1}
        assert data["tags"] == ["client", "money"]
        # Clearing the mood and saving again removes it.
        mood.focus()
        await pilot.press("0")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "mood" not in read(entry_files(journal.root)[0])


async def test_other_prompt_changes_the_prompt_and_is_recorded(make_ctx, journal):
    app = make_app(make_ctx("fr"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        first = screen.prompt
        shown = str(screen.query_one("#prompt", Static).render())
        assert first.text_in("fr") in shown
        await pilot.press("ctrl+n")
        second = screen.prompt
        assert second.id != first.id
        assert second.text_in("fr") in str(screen.query_one("#prompt", Static).render())
        await pilot.press("ctrl+n")
        assert screen.prompt.id not in (first.id, second.id)
        third = screen.prompt
        await type_in(pilot, "Réponse")
        await pilot.press("ctrl+s")
        await settle(pilot)
        data = read(entry_files(journal.root)[0])
        assert data["prompt_id"] == third.id
        assert data["prompt"] == third.text_in("fr")


async def test_new_entry_and_reopen_an_earlier_one(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "First entry")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("ctrl+t")
        await settle(pilot)
        screen = app.screen
        assert screen.entry is None
        assert screen.query_one("#body", TextArea).text == ""
        await type_in(pilot, "Second entry")
        await pilot.press("ctrl+s")
        await settle(pilot)
        files = entry_files(journal.root)
        assert sorted(read(f)["body"] for f in files) == ["First entry", "Second entry"]
        # Reopen the first from the day's list and edit it.
        day_list = screen.query_one("#day-entries", OptionList)
        assert day_list.option_count == 2
        first_id = next(read(f)["id"] for f in files if read(f)["body"] == "First entry")
        day_list.focus()
        day_list.highlighted = next(i for i in range(day_list.option_count)
                                    if day_list.get_option_at_index(i).id == first_id)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.entry.id == first_id
        assert screen.query_one("#body", TextArea).text == "First entry"
        await type_in(pilot, " edited")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert len(entry_files(journal.root)) == 2
        assert read(journal.locate(first_id))["body"] == "First entry edited"


async def test_streak_and_on_this_day(make_ctx, journal):
    seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "3-day streak" in app.sub_title
        past = app.screen.query_one("#past-entries", OptionList)
        texts = [str(past.get_option_at_index(i).prompt) for i in range(past.option_count)]
        assert any("A month ago: first client call" in t for t in texts)
        assert any("A year ago: left the old job." in t for t in texts)
        await type_in(pilot, "Today too")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "4-day streak" in app.sub_title


async def test_backfill_day_saves_to_that_day(make_ctx, journal):
    yesterday = TODAY - timedelta(days=1)
    app = make_app(make_ctx("en"), day=yesterday)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#body", TextArea).border_title == "New entry for 25 November"
        await type_in(pilot, "Catching up")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert read(entry_files(journal.root)[0])["date"] == yesterday


async def test_empty_entry_is_not_saved(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert entry_files(journal.root) == []


async def test_write_error_is_notified_and_text_stays(make_ctx, journal, monkeypatch):
    app = make_app(make_ctx("en"))

    def fail(path, data, **kwargs):  # type: ignore[no-untyped-def]
        raise atomic.WriteError(28, "write", path=path, error="No space left on device")

    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "Precious text")
        monkeypatch.setattr(atomic, "atomic_write", fail)
        await pilot.press("ctrl+s")
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert any("No space left on device" in m and "still in the editor" in m
                   for m in messages)
        assert app.screen.query_one("#body", TextArea).text == "Precious text"
        assert app.screen.has_unsaved()
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # and it can be saved again
        await settle(pilot)
        assert read(entry_files(journal.root)[0])["body"] == "Precious text"


async def test_unreadable_file_is_never_overwritten(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "Original")
        await pilot.press("ctrl+s")
        await settle(pilot)
        path = entry_files(journal.root)[0]
        path.write_text("this is = not [valid toml", "utf-8")
        await type_in(pilot, " more")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert path.read_text("utf-8") == "this is = not [valid toml"
        assert any(n.severity == "error" for n in notifications(app))
        assert app.screen.query_one("#body", TextArea).text == "Original more"



async def test_draft_is_autosaved_and_restored_after_a_crash(make_ctx, journal):
    ctx = make_ctx("en")
    app = make_app(ctx, delay=0.05)
    drafts = journal.root / "drafts"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "Typed before the crash")
        await wait_for(pilot, lambda: drafts.is_dir() and any(drafts.glob("*.json")))
        assert [d.body for d in journal.drafts()] == ["Typed before the crash"]
        app.exit()  # killed terminal: no save, no question
    assert entry_files(journal.root) == []

    app2 = make_app(ctx, delay=0.05)
    async with app2.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app2.screen, ConfirmDialog)
        assert "Typed before the crash" in app2.screen.question
        await pilot.click("#yes")
        await settle(pilot)
        today = app2.today_screen
        assert today.query_one("#body", TextArea).text == "Typed before the crash"
        assert today.has_unsaved()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert read(entry_files(journal.root)[0])["body"] == "Typed before the crash"
        assert journal.drafts() == []  # discarded once saved


async def test_declined_draft_is_discarded(make_ctx, journal):
    ctx = make_ctx("en")
    app = make_app(ctx, delay=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "Not wanted")
        app.today_screen.flush_draft()
        app.exit()
    app2 = make_app(ctx)
    async with app2.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app2.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert journal.drafts() == []
        assert app2.today_screen.query_one("#body", TextArea).text == ""


async def test_external_editor_without_editor_warns(make_ctx):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+e")
        assert any("$VISUAL" in n.message for n in notifications(app))


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_external_editor_round_trip(make_ctx, monkeypatch, tmp_path, lang):
    script = tmp_path / "ed.sh"
    # An editor appending a line: the file it is given ends with a newline, so the
    # line is never glued to the last word typed (issue 11 item 9).
    script.write_text('#!/bin/sh\nprintf "from the editor\\n" >> "$1"\n')
    script.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(script))
    app = make_app(make_ctx(lang))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "typed")
        # The headless test driver cannot suspend; a real terminal can.
        monkeypatch.setattr(type(app._driver), "can_suspend", property(lambda self: True))
        monkeypatch.setattr(type(app._driver), "suspend_application_mode", lambda self: None)
        monkeypatch.setattr(type(app._driver), "resume_application_mode", lambda self: None)
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert app.screen.query_one("#body", TextArea).text == "typed\nfrom the editor"


@pytest.mark.parametrize(("lang", "said"), [("en", "cannot hand the screen"),
                                             ("fr", "ne peut pas céder l’écran")])
async def test_an_editor_on_a_terminal_that_cannot_suspend_is_said_in_the_language(
        make_ctx, monkeypatch, tmp_path, lang, said):
    """The headless driver cannot suspend, as some terminals cannot: the text stays, and
    the person reads why in their language (it was an English fragment in French)."""
    monkeypatch.setenv("EDITOR", "true")
    app = make_app(make_ctx(lang))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "typed")
        await pilot.press("ctrl+e")
        await settle(pilot)
        assert any(said in n.message for n in notifications(app))
        assert not any("suspend here" in n.message for n in notifications(app))
        assert app.screen.query_one("#body", TextArea).text == "typed"


async def test_a_second_new_entry_never_overwrites_the_first_ones_draft(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "first, unsaved")
        await pilot.press("ctrl+t")  # the unsaved text is kept as a draft
        await settle(pilot)
        await type_in(pilot, "second, unsaved")
        app.today_screen.flush_draft()
        await settle(pilot)  # the draft is queued, then written
        assert sorted(d.body for d in journal.drafts()) == ["first, unsaved", "second, unsaved"]
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert [d.body for d in journal.drafts()] == ["first, unsaved"]


async def test_editing_keeps_the_prompt_text_the_entry_answered(make_ctx, journal):
    entries = seed(journal)
    app = make_app(make_ctx("fr"))  # the entry's prompt was recorded in English
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await app.edit_entry(entries[0])
        await settle(pilot)
        shown = str(app.screen.query_one("#prompt", Static).render())
        assert entries[0].prompt in shown
        await type_in(pilot, " Encore.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = journal.get(entries[0].id)
        assert saved.prompt == entries[0].prompt and saved.body.endswith("Encore.")


@pytest.mark.parametrize("key", ["ctrl+s", "ctrl+t"])
async def test_keys_typed_ahead_at_start_find_the_side_panel(make_ctx, journal, key):
    """Keys buffered while the app starts may save (and reread the day) before the
    first frame's follow-up has built the side panel: the panel is built then."""
    seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = app.today_screen
        assert screen is not None
        if key == "ctrl+s":
            screen.query_one("#body", TextArea).insert("Typed before the first frame")
        await pilot.press(key)
        await settle(pilot)
        assert app.is_running and app.screen is screen
        assert screen.query_one("#streak", Static).render()
        assert screen.query_one("#day-entries", OptionList).option_count >= 1
    bodies = [read(p)["body"] for p in entry_files(journal.root)]
    assert ("Typed before the first frame" in bodies) == (key == "ctrl+s")
