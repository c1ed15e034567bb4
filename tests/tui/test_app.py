"""The app: modes and their keys, help, quitting with unsaved text, command palette."""

from __future__ import annotations

import pytest
from textual import events
from textual.command import CommandList, CommandPalette
from textual.widgets import Footer, Input, OptionList, Static, TextArea
from tui_helpers import make_app, seed, settle, type_in, wait_for

from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.screens.help import HelpScreen
from journal_tui.tui.screens.journal import JournalScreen
from journal_tui.tui.screens.today import TodayScreen
from journal_tui.tui.strings import MSG
from journal_tui.tui.textual_compat import markdown_language, notifications
from journal_tui.tui.widgets.dialogs import ConfirmDialog
from journal_tui.tui.widgets.entry_list import EntryList


async def test_function_keys_switch_modes_and_keep_the_text(make_ctx):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "kept across screens")
        await pilot.press("f3")  # even while typing in the editor
        assert app.current_mode == "journal" and isinstance(app.screen, JournalScreen)
        await pilot.press("f4")
        assert app.current_mode == "themes"
        await pilot.press("f5")  # the editor binds F5 itself: ours has priority
        assert app.current_mode == "review"
        await pilot.press("f2")
        assert app.current_mode == "today" and isinstance(app.screen, TodayScreen)
        assert app.screen.query_one("#body", TextArea).text == "kept across screens"


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_footer_shows_the_mode_keys(make_ctx, lang):
    app = make_app(make_ctx(lang))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = {b.key: b.description for _, b, _, _ in app.screen.active_bindings.values()
                 if b.show}
        for key, mode in (("f2", "today"), ("f3", "journal"), ("f4", "themes"),
                          ("f5", "review")):
            assert shown[key] == MSG(f"mode.{mode}", lang)
        assert shown["f1"] == MSG("b.help", lang)
        assert shown["ctrl+s"] == MSG("b.save", lang)
        assert app.screen.query_one(Footer)


async def test_help_opens_with_f1_and_question_mark_but_not_while_typing(make_ctx):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")  # typing: a question mark in the text
        assert not isinstance(app.screen, HelpScreen)
        assert app.screen.query_one("#body", TextArea).text == "?"
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f3")
        await settle(pilot)
        await pilot.press("question_mark")  # the list has focus: help
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("f2")  # a mode key closes the help and switches
        assert isinstance(app.screen, TodayScreen)


async def test_quit_without_unsaved_text_exits_at_once(make_ctx):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_with_unsaved_text_asks_and_keeps_a_draft(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "not saved yet")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep writing
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen) and app.is_running
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.click("#yes")
        await pilot.pause()
    assert app.return_code == 0
    assert [d.body for d in journal.drafts()] == ["not saved yet"]


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "The review note you are writing"),
    ("fr", "La note de bilan en cours"),  # not "L’entrée en cours"
])
async def test_quit_with_an_unsaved_review_note_asks(make_ctx, lang, expected):
    app = make_app(make_ctx(lang))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("f5")
        await settle(pilot)
        app.screen.query_one("#review-note", TextArea).focus()
        await pilot.press(*"my week")
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert expected in text
        await pilot.press("escape")
        await settle(pilot)
        assert app.is_running and app.current_mode == "review"


async def test_ctrl_c_explains_how_to_quit_in_the_interface_language(make_ctx):
    app = make_app(make_ctx("fr"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.screen.query_one("#side").focus()
        await pilot.press("ctrl+c")  # nothing selected to copy: the hint
        await pilot.pause()
        assert any("ctrl+q pour quitter" in n.message for n in notifications(app))


async def test_command_palette_switches_screens_and_opens_entries(make_ctx, journal):
    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: CommandPalette.is_open(app))
        await pilot.press(*"journal: browse")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count > 0)
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == "journal"
        # Open entry… over the journal's text (accents and case ignored).
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: CommandPalette.is_open(app))
        await pilot.press(*"MENTOR")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: any(
            "Called my mentor" in str(commands.get_option_at_index(i).prompt)
            for i in range(commands.option_count)))
        index = next(i for i in range(commands.option_count)
                     if "Called my mentor" in str(commands.get_option_at_index(i).prompt))
        commands.highlighted = index
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        assert app.screen.entry.id == entries[2].id


async def test_today_leaves_review_note_drafts_to_the_review_screen(make_ctx, journal):
    from datetime import date

    from journal_tui.core.storage import Draft

    journal.save_draft(Draft(key="review-2026-W48", body="my week", date=date(2026, 11, 26),
                             kind="review", week="2026-W48"))
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)  # Today does not offer it
        await pilot.press("f5")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.query_one("#review-note", TextArea).text == "my week"


# Mounted right after the first frame, in their places (TodayScreen.mount_rest).
LATER = ("#intention", "#theme-notice", "#tags-label", "#tags", "#mood")


async def test_first_frame_has_prompt_and_editor_and_the_rest_follows(make_ctx, journal):
    """Start-up order: at Textual's Ready (first frame shown) the prompt is up and the
    editor focused, and nothing has read the journal yet; the side panel, the
    highlighting and the reads follow without a key press."""
    seed(journal)
    app = make_app(make_ctx("en"))
    at_ready: dict[str, object] = {}

    def hook(message: object) -> None:
        if isinstance(message, events.Ready) and not at_ready:
            screen = app.screen
            at_ready["focused"] = app.focused
            at_ready["prompt"] = str(screen.query_one("#prompt", Static).render())
            at_ready["side"] = len(screen.query_one("#side").children)
            at_ready["workers"] = len(app.workers)
            at_ready["language"] = screen.query_one("#body", TextArea).language
            at_ready["later"] = [name for name in LATER if screen.query(name)]

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        assert isinstance(at_ready["focused"], TextArea)
        assert at_ready["prompt"].strip()
        assert at_ready["side"] == 0 and at_ready["workers"] == 0
        assert at_ready["language"] is None
        assert at_ready["later"] == []  # none of them in the first frame
        screen = app.screen
        assert [len(screen.query(name)) for name in LATER] == [1] * len(LATER)
        assert screen.query_one("#advice", Static).render()  # the theme's advice
        assert screen.query_one("#day-entries", OptionList).option_count > 0
        assert "streak" in app.sub_title
        assert screen.query_one("#body", TextArea).language == markdown_language() == "markdown"
        assert isinstance(app.focused, TextArea)  # building the panel kept the focus


async def test_an_unreadable_file_is_named_at_start_and_left_alone(make_ctx, journal):
    """A hand-edited file that no longer parses: a notification names it with its
    line, the rest of the journal opens, and the file is never rewritten."""
    entries = seed(journal)
    bad = journal.root / "entries" / "2026" / "11" / "20261120-080000-bad1.toml"
    text = 'schema = 1\nid = "20261120-080000-bad1"\nbody = """never closed\n'
    bad.write_text(text, encoding="utf-8")
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert any("1 unreadable file skipped" in m and f"{bad}:3: invalid TOML" in m
                   for m in messages), messages
        assert isinstance(app.focused, TextArea)
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen.query_one(EntryList).row_count == len(entries)
    assert bad.read_text(encoding="utf-8") == text


async def test_the_theme_detector_is_not_on_the_start_up_path(make_ctx, journal, monkeypatch):
    """The detector's data (~0.2 s to load) is read on first use, never before the first
    frame, so start-up does not wait for it."""
    from journal_tui.core import detector_data

    loads: list[int] = []
    real = detector_data.load
    monkeypatch.setattr(detector_data, "_LOADED", None)
    monkeypatch.setattr(detector_data, "load", lambda: (loads.append(1), real())[1])
    seed(journal)
    app = make_app(make_ctx("en"))
    at_ready: list[int] = []

    def hook(message: object) -> None:
        if isinstance(message, events.Ready) and not at_ready:
            at_ready.append(len(loads))

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle(pilot)
        assert at_ready == [0]


@pytest.mark.parametrize(("lang", "expected"), [("en", "No matches found"),
                                                ("fr", "Aucun résultat")])
async def test_the_palette_says_no_match_in_the_language(make_ctx, lang, expected):
    app = make_app(make_ctx(lang))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: CommandPalette.is_open(app))
        await pilot.press(*"zzqxj")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count == 1 and expected in str(
            commands.get_option_at_index(0).prompt))


async def test_the_theme_picker_speaks_french(make_ctx):
    app = make_app(make_ctx("fr"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.action_change_theme()
        await wait_for(pilot, lambda: CommandPalette.is_open(app))
        await settle(pilot)
        assert app.screen.query_one(Input).placeholder == "Chercher un thème de couleurs…"
        await pilot.press(*"nord")
        commands = app.screen.query_one(CommandList)
        await wait_for(pilot, lambda: commands.option_count > 0)
        await pilot.press("enter")
        await settle(pilot)
        assert app.theme == "nord"
