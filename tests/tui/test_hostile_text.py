"""Issue 11, items 10-12 in the TUI: text from files is data, on every screen.

Markup (``[/]``, ``[@click=app.quit]``, ``[red]``), terminal sequences (ESC, OSC
titles), bidi overrides, right-to-left text and 2,000 tags: no crash, no action,
no style, no control character sent to the terminal; the files keep every byte.
A link in the entry view (listed by ``l``) opens only once the person has seen it
and said yes.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.widgets import Input, TextArea
from tui_helpers import TODAY, at, make_app, settle, wait_for

from journal_tui.core.model import Entry, make_entry
from journal_tui.core.storage import Journal
from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.screens.journal import JournalScreen
from journal_tui.tui.screens.today import TodayScreen
from journal_tui.tui.textual_compat import screen_lines
from journal_tui.tui.widgets.dialogs import ConfirmDialog

UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MARKUP = "[/] hello [@click=app.quit]x[/] [red]red [@click=app.screenshot('p.svg','.')]s[/]"
CONTROLS = "\x1b[2J\x1b]0;owned\x07 \u202eevil\u202c"
RTL = "שלום עולם مرحبا"
BODY = f"{MARKUP} {CONTROLS} {RTL}\nsee [a link](https://evil.example/x)"
TAGS = ["[/]", "[red]", "t\x1b[31m"] + [f"tag{n}" for n in range(2000)]


def hostile(journal: Journal) -> Entry:
    entry = make_entry(BODY, day=TODAY, when=at(TODAY, 7), tags=TAGS, prompt=f"[b]{CONTROLS}")
    entry.people = ["[@click=app.quit]p", "Ali\x1b]0;t\x07"]
    journal.add(entry)
    return entry


def text_of(app) -> str:  # type: ignore[no-untyped-def]
    text = "\n".join(screen_lines(app.screen))
    assert not UNSAFE.search(text), [line for line in text.splitlines() if UNSAFE.search(line)]
    return text


def on_disk(journal: Journal, entry: Entry) -> dict:
    return tomllib.loads(Path(journal.path_for(entry)).read_text("utf-8"))


async def test_palette_lists_and_opens_hostile_entries_as_text(make_ctx, journal):
    entry = hostile(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"hello")
        palette = app.screen
        assert isinstance(palette, CommandPalette)
        commands = palette.query_one(CommandList)
        await wait_for(pilot, lambda: any("hello" in str(commands.get_option_at_index(i).prompt)
                                          for i in range(commands.option_count)))
        prompts = [str(commands.get_option_at_index(i).prompt)
                   for i in range(commands.option_count)]
        shown = next(p for p in prompts if "hello" in p)
        assert "[/] hello [@click=app.quit]x[/] [red]red" in shown
        assert "#[/] #[red] #t\\x1b[31m" in shown  # the help line: tags, escaped
        assert not UNSAFE.search("".join(prompts))
        text_of(app)
        commands.highlighted = prompts.index(shown)
        await pilot.press("enter")  # opens it; its text is no action
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert isinstance(app.screen, EntryScreen) and app.screen.entry.id == entry.id
        assert not (Path.cwd() / "p.svg").exists()


async def test_entry_view_shows_hostile_text_and_asks_before_a_link(make_ctx, journal,
                                                                    monkeypatch):
    entry = hostile(journal)
    opened: list[str] = []
    app = make_app(make_ctx("en"))
    monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.open_entry(entry.id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntryScreen)
        text = text_of(app)
        assert "[/] hello [@click=app.quit]x[/] [red]red" in text
        assert "\\x1b[2J\\x1b]0;owned\\x07" in text and "\\u202eevil" in text
        assert RTL in text
        assert "#[/] #[red] #t\\x1b[31m #tag0" in text
        assert "@[@click=app.quit]p @Ali\\x1b]0;t\\x07" in text
        await pilot.press("l")  # the entry's links: one here, so straight to the question
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert "https://evil.example/x" in dialog.question
        await pilot.press("escape")
        await settle(pilot)
        assert opened == []
        await pilot.press("l")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert opened == ["https://evil.example/x"]
        assert app.is_running


async def test_today_and_journal_show_hostile_text_and_saving_keeps_every_byte(
        make_ctx, journal):
    entry = hostile(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "[/] hello" in text_of(app)  # the side panel's list of the day
        app.open_entry(entry.id, edit=True)
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        # The editor holds the file's text byte for byte, draws no control character.
        assert today.query_one("#body", TextArea).text == BODY
        assert "[/]" in today.query_one("#tags", Input).value
        text = text_of(app)
        assert "[b]\\x1b[2J" in text  # the prompt it answered, escaped
        await pilot.press("end", *" more")
        await pilot.press("ctrl+s")
        await settle(pilot)
        data = on_disk(journal, entry)
        assert data["body"] == BODY + " more"
        assert data["prompt"] == f"[b]{CONTROLS}"
        assert {"[/]", "[red]", "t\x1b[31m", "tag1999"} <= set(data["tags"])
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        assert "[/] hello [@click=app.quit]x[/]" in text_of(app)
        assert app.is_running


async def test_review_and_the_themes_popup_show_hostile_text_as_text(make_ctx, journal):
    from tui_helpers import ScreenHost, settle_workers

    from journal_tui.tui.screens.review import ReviewScreen
    from journal_tui.tui.widgets.theme_entries import ThemeEntriesDialog

    entry = hostile(journal)
    host = ScreenHost(make_ctx("en"), ReviewScreen)
    async with host.run_test(size=(120, 40)) as pilot:
        await settle_workers(pilot)
        text = text_of(host)
        assert "[/] hello [@click=app.quit]x[/]" in text
        assert "#[/]" in text and "#t\\x1b[31m" in text  # the week's tags
        host.push_screen(ThemeEntriesDialog("[red]title", [entry], "hint [/]", "none"))
        await settle_workers(pilot)
        text = text_of(host)
        assert "[red]title" in text and "[/] hello [@click=app.quit]x[/]" in text
        assert host.is_running
