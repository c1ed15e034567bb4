"""Issue 11 item 13 in the TUI: one file never breaks the TUI."""

from __future__ import annotations

from tui_helpers import TODAY, at, make_app, seed, settle, wait_for

from journal_tui.core.model import make_entry
from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.screens.journal import JournalScreen
from journal_tui.tui.screens.today import TodayScreen
from journal_tui.tui.textual_compat import notifications


async def test_a_file_of_a_newer_schema_is_shown_read_only_and_never_rewritten(
        make_ctx, journal):
    entry = make_entry("from the future", day=TODAY, when=at(TODAY, 7))
    journal.add(entry)
    path = journal.path_for(entry)
    path.write_text(path.read_text("utf-8").replace("schema = 1", "schema = 2")
                    + 'new_thing = "v2"\n', "utf-8")
    before = path.read_bytes()
    assert b"schema = 2" in before
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_entry(entry.id, edit=True)
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)  # shown, not in the editor
        assert any("newer version" in n.message and "schema 2" in n.message
                   for n in notifications(app))
        await pilot.press("e")  # asking to edit it again: still read only
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen)
        today = app.today_screen
        assert today is not None and today.entry is None
    assert path.read_bytes() == before


async def test_dates_no_time_zone_can_show_and_a_damaged_cache_never_stop_the_tui(
        make_ctx, journal, tmp_path):
    seed(journal)
    bad = journal.root / "entries" / "9999" / "12"
    bad.mkdir(parents=True)
    (bad / "99991231-235959-abcd.toml").write_text(
        'schema = 1\nid = "99991231-235959-abcd"\ndate = 9999-12-31\n'
        'created = 9999-12-31T23:59:59-05:00\nbody = "far"\n', "utf-8")
    tiny = journal.root / "entries" / "1000" / "01"
    tiny.mkdir(parents=True)
    (tiny / "10000101-000000-abcd.toml").write_text(
        'schema = 1\nid = "10000101-000000-abcd"\ndate = 1000-01-01\n'
        'created = 0001-01-01T00:00:00+05:00\nbody = "near"\n', "utf-8")
    journal.refresh()
    journal.close()
    for index in (tmp_path / "cache").rglob("*.sqlite*"):
        with index.open("r+b") as f:  # a damaged page
            f.seek(4096)
            f.write(b"\xff" * 64)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)
        await wait_for(pilot, lambda: any("unreadable" in n.message
                                          for n in notifications(app)))
        await pilot.press("f3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        assert screen.total == 5  # the readable entries, all listed


async def test_a_huge_body_opens_read_only_with_a_notice(make_ctx, journal):
    from textual.widgets import Static

    from journal_tui.tui.host import LARGE

    body = "A long day. " * (LARGE // 12 + 100)
    entry = make_entry(body, day=TODAY, when=at(TODAY, 7))
    journal.add(entry)
    before = journal.path_for(entry).read_bytes()
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_entry(entry.id, edit=True)
        # read in a worker, then shown: under load the screen may come after a settle
        await wait_for(pilot, lambda: isinstance(app.screen, EntryScreen), timeout=30)
        screen = app.screen
        assert isinstance(screen, EntryScreen)
        await wait_for(pilot, lambda: any(f"journal-tui edit {entry.id}" in n.message
                                          for n in notifications(app)), timeout=30)
        # the screen is current as it is pushed, before its widgets are mounted
        await wait_for(pilot, lambda: bool(screen.query("#entry-part")), timeout=30)
        assert "Showing the first" in str(screen.query_one("#entry-part", Static).render())
        # Textual's Header queries its title in a callback it queues at mount: left to
        # the app's exit under load, the title was gone (NoMatches, Textual 8.2)
        await settle(pilot)
    assert journal.path_for(entry).read_bytes() == before
