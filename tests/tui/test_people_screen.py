"""The People screen: everyone mentioned, search, a person's entries, editing people.toml."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from textual.widgets import DataTable, Input, ListView, Static
from tui_helpers import ScreenHost, settle_workers, wait_for

from journal_tui.core.model import make_entry
from journal_tui.core.people import load_people
from journal_tui.core.storage import Journal
from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.screens.people import PeopleScreen, PersonScreen
from journal_tui.tui.textual_compat import notifications
from journal_tui.tui.widgets.person_dialog import PersonDialog

TZ = timezone(timedelta(hours=1))


def seed(journal: Journal) -> None:
    """Marie in three entries (spelled two ways), Paul in two, Éloïse in one."""

    def add(day: str, body: str, mood: int | None = None, **kw: object) -> None:
        d = date.fromisoformat(day)
        journal.save(make_entry(body, day=d, when=datetime(d.year, d.month, d.day, 9,
                                                           tzinfo=TZ), mood=mood, **kw),
                     touch=False)

    add("2026-11-02", "Lunch with @Marie about the stand; we agreed to share it.", 4,
        checkin={"synergy": 2})
    add("2026-11-16", "@marie's advice again, and @Paul pushed back.", 2)
    add("2026-11-24", "Called @Marie: the deal is on.", 5)
    add("2026-11-25", "@Paul again, and @Éloïse passed me a name.", 3)


@pytest.fixture
def app(make_ctx, journal) -> ScreenHost:
    seed(journal)
    return ScreenHost(make_ctx("en"), PeopleScreen)


def rows(screen: PeopleScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def test_lists_everyone_most_mentioned_first(app: ScreenHost) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        found = rows(screen)
        assert [r[0] for r in found] == ["Marie", "Paul", "Éloïse"]
        marie = found[0]
        assert marie[1:4] == ["3", "2026-11-02", "2026-11-24"]
        assert marie[5] == "3.7/5"  # (4 + 2 + 5) / 3
        assert marie[4].strip()  # a sparkline of the last weeks
        assert "synergy" in marie[6].lower()


async def test_search_is_case_and_accent_insensitive(app: ScreenHost) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        await pilot.press("ctrl+f")
        assert isinstance(app.focused, Input)
        await pilot.press(*"ELOI")
        await pilot.pause()
        assert [r[0] for r in rows(screen)] == ["Éloïse"]
        await pilot.press(*"zz")
        await pilot.pause()
        assert not screen.query_one(DataTable).display
        assert "Nobody by that name" in str(screen.query_one("#people-empty", Static).render())


async def test_open_a_person_and_read_their_entries(app: ScreenHost) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        await pilot.press("down", "enter")  # Paul
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, PersonScreen)
        assert screen.person_name == "Paul"
        view = screen.query_one("#person-entries", ListView)
        assert len(view.children) == 2
        about = str(screen.query_one("#person-about", Static).render())
        assert "2 · 2026-11-16 → 2026-11-25" in about
        await pilot.press("enter")  # the newest entry, in the entry view
        await pilot.pause()
        assert isinstance(app.screen, EntryScreen)
        assert "Éloïse" in app.screen.entry.body
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)


async def test_edit_a_person_into_people_toml(app: ScreenHost, journal) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        await pilot.press("ctrl+e")  # Marie, never in people.toml yet
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PersonDialog)
        dialog.query_one("#name", Input).value = "Marie Curie"
        dialog.query_one("#aliases", Input).value = "Mimi"
        await pilot.click("#save")
        await settle_workers(pilot)
        directory, problems = load_people(journal.root)
        assert not problems
        (marie,) = directory.people
        assert marie.name == "Marie Curie"
        assert set(marie.aliases) == {"Mimi", "Marie"}  # the old spelling stays: mentions match
        assert (journal.root / "people.toml").stat().st_mode & 0o777 == 0o600
        await wait_for(pilot, lambda: rows(app.screen)[0][0] == "Marie Curie")
        assert rows(app.screen)[0][1] == "3"


async def test_a_malformed_people_toml_is_never_overwritten(app: ScreenHost, journal) -> None:
    bad = b'[[people]]\nname = "Marie"\naliases = "not a list"\n'
    (journal.root / "people.toml").write_bytes(bad)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        assert [r[0] for r in rows(app.screen)][:1] == ["Marie"]  # mentions still counted
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)  # no form: the file would be lost
        said = " ".join(n.message for n in notifications(app))
        assert "people.toml" in said and ":3" in said
    assert (journal.root / "people.toml").read_bytes() == bad


async def test_a_people_toml_changed_meanwhile_is_not_overwritten(app: ScreenHost,
                                                                  journal) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        other = '[[people]]\nname = "Paul"\nnote = "written elsewhere"\n'
        (journal.root / "people.toml").write_text(other, "utf-8")
        await pilot.click("#save")
        await settle_workers(pilot)
        assert any("Could not save" in n.message for n in notifications(app))
    assert (journal.root / "people.toml").read_text("utf-8") == other


async def test_names_are_text_not_markup(make_ctx, journal) -> None:
    d = date(2026, 11, 20)
    journal.save(make_entry("Met @Eve and @Zoé", day=d,
                            when=datetime(2026, 11, 20, 9, tzinfo=TZ)), touch=False)
    (journal.root / "people.toml").write_text(
        '[[people]]\nname = "[bold red]Eve[/] \\u001b[31m"\naliases = ["Eve"]\n', "utf-8")
    app = ScreenHost(make_ctx("en"), PeopleScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        table = app.screen.query_one(DataTable)

        def shown() -> str:
            return "\n".join(s.text for s in table.render_lines(table.region.reset_offset))

        # The Name column widens to its widest name at the table's next refresh, which a
        # loaded machine may not have reached yet ("[bol" cut, seen once under load)
        await wait_for(pilot, lambda: "[bold red]Eve[/] " in shown())  # as written, escaped
        assert "\x1b" not in shown()
        await pilot.press("enter")
        await settle_workers(pilot)
        title = str(app.screen.query_one("#person-title", Static).render())
        assert title.startswith("[bold red]Eve[/]") and "\x1b" not in title


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot(snap_compare, make_ctx, journal, lang: str, size: tuple[int, int]) -> None:
    seed(journal)
    assert snap_compare(ScreenHost(make_ctx(lang), PeopleScreen), terminal_size=size,
                        run_before=settle_workers)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_snapshot_person_80x24(snap_compare, make_ctx, journal, lang: str) -> None:
    seed(journal)
    assert snap_compare(ScreenHost(make_ctx(lang), lambda: PersonScreen("marie")),
                        terminal_size=(80, 24), run_before=settle_workers)


async def test_f6_help_and_palette_reach_the_people_screen(make_ctx, journal) -> None:
    from textual.command import CommandPalette
    from tui_helpers import make_app, settle

    from journal_tui.tui.keys import sections
    from journal_tui.tui.screens.help import HelpScreen

    seed(journal)
    app = make_app(make_ctx("fr"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert rows(app.screen)[0][0] == "Marie"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        found = sections(app, "fr")
        assert ("f6", "Personnes") in found[0].rows
        titles = [section.title for section in found]
        assert "Personnes · f6" in titles
        assert "Une personne (Entrée dans l’écran Personnes)" in titles
        await pilot.press("escape", "f2")
        await settle(pilot)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Les personnes mentionnées" in commands
        assert not isinstance(app.screen, CommandPalette)


async def test_the_reviews_people_open_the_person(make_ctx, journal) -> None:
    from journal_tui.tui.screens.review import ReviewScreen
    from journal_tui.tui.widgets.name_links import NameLinks

    seed(journal)
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        links = app.screen.query_one("#review-people", NameLinks)
        assert [n for n, _ in links.names] == ["Marie", "Paul", "Éloïse"]
        links.focus()
        await pilot.press("right", "enter")
        await settle_workers(pilot)
        assert isinstance(app.screen, PersonScreen)
        assert app.screen.person_name == "Paul"


def test_snapshot_person_dialog_80x24(snap_compare, make_ctx, journal) -> None:
    seed(journal)

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle_workers(pilot)
        await pilot.press("ctrl+e")
        await pilot.pause()
        for widget in pilot.app.screen.query("Input, TextArea"):
            widget.cursor_blink = False

    assert snap_compare(ScreenHost(make_ctx("fr"), PeopleScreen), terminal_size=(80, 24),
                        run_before=before)


async def test_scoring_progress_is_shown_before_the_first_table(app: ScreenHost) -> None:
    """A first visit to a large journal scores every entry (~15 s for 10,000): the
    screen says so, where the table will be, rather than "Loading…" all along."""
    progress: list[tuple[int, int]] = []

    def hook(message: object) -> None:
        if isinstance(message, PeopleScreen.Scoring):
            progress.append((message.done, message.total))

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await settle_workers(pilot)
        assert progress and progress[0][0] == 0 and progress[-1][0] == progress[-1][1]
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert rows(screen)  # drawn: progress no longer shown
        empty = screen.query_one("#people-empty", Static)
        screen.read = None  # as before the first table
        screen.post_message(PeopleScreen.Scoring(500, 2000))
        await pilot.pause()
        assert "Reading the themes of 500 / 2000 entries…" in str(empty.render())
