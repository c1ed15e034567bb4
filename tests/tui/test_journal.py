"""Journal screen: list, live search, filters, calendar, open, edit, delete and undo."""

from __future__ import annotations

import threading
from datetime import date
from traceback import extract_stack

from textual import events
from textual.widgets import Input, Select, Static, TextArea
from tui_helpers import TODAY, fixed_entries, make_app, seed, settle, type_in

from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.screens.help import HelpScreen
from journal_tui.tui.screens.journal import JournalScreen
from journal_tui.tui.textual_compat import mode_is_set_up, mode_stack, notifications
from journal_tui.tui.widgets.calendar import MonthCalendar
from journal_tui.tui.widgets.dialogs import ConfirmDialog
from journal_tui.tui.widgets.entry_list import EntryList
from journal_tui.tui.widgets.footer import KeyFooter


def row_ids(screen: JournalScreen) -> list[str]:
    return [e.id for e in screen.query_one("#entries", EntryList).entries]


async def open_journal(pilot) -> JournalScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("f3")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, JournalScreen)
    return screen


async def test_lists_all_entries_newest_first(make_ctx, journal):
    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        expected = [e.id for e in sorted(entries, key=lambda e: e.date, reverse=True)]
        assert row_ids(screen) == expected
        assert "5 entries" in str(screen.query_one("#count").render())


async def test_live_search_ignores_case_and_accents(make_ctx, journal):
    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        await pilot.press("slash")
        assert app.focused is screen.query_one("#search", Input)
        await pilot.press(*"ETE")  # matches "Été difficile"
        await settle(pilot)
        assert row_ids(screen) == [entries[1].id]
        await pilot.press("backspace", "backspace", "backspace", *"marie")
        await settle(pilot)
        assert row_ids(screen) == [entries[0].id]
        await pilot.press("escape")  # clears the filters
        await settle(pilot)
        assert len(row_ids(screen)) == 5


async def test_filter_by_tag_theme_and_date_range(make_ctx, journal):
    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        screen.query_one("#tag", Input).focus()
        await type_in(pilot, "#work")
        await settle(pilot)
        assert set(row_ids(screen)) == {entries[0].id, entries[3].id}
        screen.query_one("#tag", Input).value = ""
        await settle(pilot)
        # Theme: the prompt's theme or a self-rating on it.
        screen.query_one("#theme", Select).value = "determination"
        await settle(pilot)
        assert row_ids(screen) == [entries[1].id]
        screen.query_one("#theme", Select).value = "path"
        await settle(pilot)
        assert row_ids(screen) == [entries[2].id]
        screen.query_one("#theme", Select).clear()
        await settle(pilot)
        screen.query_one("#from", Input).focus()
        await type_in(pilot, "2026-10-01")
        screen.query_one("#to", Input).focus()
        await type_in(pilot, "2026-11-24")
        await settle(pilot)
        assert row_ids(screen) == [entries[1].id, entries[2].id, entries[3].id]
        assert "3 of 5 entries" in str(screen.query_one("#count").render())
        # A bad date is flagged and ignored.
        await type_in(pilot, "x")
        await settle(pilot)
        assert screen.query_one("#to", Input).has_class("-invalid")
        assert row_ids(screen) == [entries[1].id, entries[2].id, entries[3].id]


async def test_the_theme_select_opens_and_picks_a_theme_from_the_keys(make_ctx, journal):
    from textual.widgets import OptionList

    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        theme = screen.query_one("#theme", Select)
        options = theme.query_one(OptionList)
        assert options.option_count == len(app.ctx.prompts.themes) + 1  # and "all themes"
        theme.focus()
        await pilot.press("enter")
        assert theme.expanded and app.focused is options
        name = app.ctx.prompts.themes["determination"].name("en")
        at = [str(options.get_option_at_index(i).prompt)
              for i in range(options.option_count)].index(name)
        await pilot.press(*["down"] * at, "enter")
        await settle(pilot)
        assert not theme.expanded and theme.value == screen.filters.theme == "determination"
        assert str(theme.query_one("#label").render()) == name
        assert row_ids(screen) == [entries[1].id]


async def test_calendar_marks_days_and_selecting_a_day_filters(make_ctx, journal):
    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        cal = screen.query_one("#calendar", MonthCalendar)
        assert date(2026, 11, 25) in cal.written and TODAY not in cal.written
        assert cal.cursor == date(2026, 11, 25)  # follows the highlighted (newest) entry
        await pilot.press("c")
        assert app.focused is cal
        await pilot.press("pageup", "right")  # October 2026, the 26th
        assert cal.cursor == date(2026, 10, 26)
        await pilot.press("enter")
        await settle(pilot)
        assert row_ids(screen) == [entries[3].id]
        await pilot.press("pagedown", "left", "enter")  # 25 November
        await settle(pilot)
        assert row_ids(screen) == [entries[0].id]


async def test_open_edit_delete_and_undo(make_ctx, journal):
    entries = seed(journal)
    target = entries[2]
    path = journal.locate(target.id)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        table = screen.query_one("#entries", EntryList)
        table.focus()
        table.move_cursor(row=row_ids(screen).index(target.id))
        await pilot.press("enter")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, EntryScreen) and reader.entry.id == target.id
        body = reader.query_one("#entry-body", Static)
        assert target.body.splitlines()[0] in str(body.render())  # as written, not Markdown
        # Delete: asks first; "no" keeps the file.
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert path.exists()
        await pilot.press("d")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        assert not path.exists()
        assert (journal.root / "trash" / path.name).exists()
        assert app.screen is screen and target.id not in row_ids(screen)
        assert any("undo" in n.message for n in notifications(app))
        table.focus()
        await pilot.press("u")
        await settle(pilot)
        assert path.exists() and not (journal.root / "trash" / path.name).exists()
        assert target.id in row_ids(screen)


async def test_edit_opens_the_entry_in_the_today_editor(make_ctx, journal):
    entries = seed(journal)
    target = entries[0]
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await open_journal(pilot)
        app.open_entry(target.id)
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        today = app.today_screen
        assert app.screen is today
        assert today.entry.id == target.id
        assert today.query_one("#body", TextArea).text == target.body
        await type_in(pilot, " Follow-up planned.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert journal.get(target.id).body == target.body + " Follow-up planned."
        assert len(list((journal.root / "entries").rglob("*.toml"))) == len(entries)


async def test_unreadable_file_is_reported_once(make_ctx, journal):
    seed(journal)
    bad = journal.root / "entries" / "2026" / "11" / "20261120-080000-dead.toml"
    bad.write_text('schema = 1\nid = "x"\nbody = """never closed\n', "utf-8")
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        warnings = [n for n in notifications(app) if n.severity == "warning"]
        assert len(warnings) == 1
        assert str(bad) in warnings[0].message
        assert len(row_ids(screen)) == 5  # the others are all there


# ------------------------------------------------------- built ahead, read once


async def test_built_ahead_while_today_is_quiet(make_ctx, journal):
    """After a quiet moment on Today the Journal screen is built and filled in the
    background (Today keeps the focus); F3 then shows that very screen, and an
    entry written meanwhile outside the app is on it."""
    entries = seed(journal)
    app = make_app(make_ctx("en"), prepare=0.05)
    shown: list[JournalScreen.Shown] = []

    def hook(message: object) -> None:
        if isinstance(message, JournalScreen.Shown):
            shown.append(message)

    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await settle(pilot)
        await pilot.pause(0.2)
        await settle(pilot)
        assert isinstance(app.focused, TextArea)  # still typing on Today
        assert shown and shown[-1].count == len(entries)
        # ``prepare_soon`` relies on Textual's private mode set-up: pin it.
        [built] = mode_stack(app, "journal")
        assert isinstance(built, JournalScreen) and not built.is_current
        late = fixed_entries()[0].with_changes(id="20261125-230000-beef", body="Late note")
        journal.save(late, touch=False)  # as another program would
        screen = await open_journal(pilot)
        assert screen is built
        assert row_ids(screen)[0] == late.id
        assert len(row_ids(screen)) == len(entries) + 1


async def test_a_second_visit_reads_nothing_when_nothing_changed(make_ctx, journal,
                                                                 monkeypatch):
    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        reads: list[object] = []
        query = journal.query
        monkeypatch.setattr(journal, "query", lambda *a: reads.append(a) or query(*a))
        await pilot.press("f2")
        await settle(pilot)
        reads.clear()  # Today reads its side panel on each visit
        await pilot.press("f3")
        await settle(pilot)
        assert reads == []
        assert len(row_ids(screen)) == len(entries)


async def test_footer_follows_the_keys_available_and_only_redraws_for_them(
        make_ctx, journal, monkeypatch):
    """"Clear filters" shows while a filter is on; moving between fields with the same
    keys leaves the footer as it is (KeyFooter skips the repaint)."""
    seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_journal(pilot)
        footer = screen.query_one(KeyFooter)

        def keys() -> list[str]:
            return [at.key.key for at in footer.shown()]

        assert "escape" not in keys() and "slash" in keys()
        await pilot.press("slash")
        await type_in(pilot, "client")
        await settle(pilot)
        assert "escape" in keys()
        refreshed: list[bool] = []
        monkeypatch.setattr(footer, "refresh", lambda *a, **k: refreshed.append(True))
        screen.query_one("#tag", Input).focus()  # same screen keys, another field
        await settle(pilot)
        assert not refreshed
        monkeypatch.undo()
        await pilot.press("escape")
        await settle(pilot)
        assert "escape" not in keys()


async def test_first_page_is_in_the_first_frame_when_the_index_is_fresh(
        make_ctx, journal, monkeypatch):
    """Today refreshed the index at start, so the Journal screen lists the newest
    entries as it mounts, without waiting for its reading thread (disabled here);
    with the journal busy elsewhere it never waits for the lock, the thread does it."""
    entries = seed(journal)
    monkeypatch.setattr(JournalScreen, "load", lambda self: None)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        newest = sorted(entries, key=lambda e: e.date, reverse=True)
        assert row_ids(screen) == [e.id for e in newest]

    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        taken, done = threading.Event(), threading.Event()

        def reader() -> None:  # a reading thread holding the journal
            with app.service._lock:  # as a reading worker holds it
                taken.set()
                done.wait(10)

        thread = threading.Thread(target=reader)
        thread.start()
        taken.wait(10)
        try:
            await pilot.press("f3")
            await pilot.pause()
        finally:
            done.set()
            thread.join()
        screen = app.screen
        assert isinstance(screen, JournalScreen)
        assert row_ids(screen) == []


async def test_opening_a_screen_never_reparses_the_stylesheet(make_ctx, journal, monkeypatch):
    """Every screen's CSS is read after the first frame, in one go; opening the
    screens afterwards re-parses nothing (a re-parse restyles every widget)."""
    from pathlib import Path

    from textual.css.stylesheet import Stylesheet

    from journal_tui.tui.app import JournalApp

    screens_dir = Path(JournalApp.CSS_PATH[0]).parent / "screens"
    assert {Path(p) for p in [*JournalApp.CSS_PATH, *JournalApp.LATER_CSS]} >= set(
        screens_dir.glob("*.tcss"))
    seed(journal)
    reparses: list[int] = []
    real = Stylesheet.reparse

    def counting(self: Stylesheet) -> None:
        reparses.append(" | ".join(f"{f.name}:{f.lineno}" for f in extract_stack(limit=8)))
        real(self)

    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        monkeypatch.setattr(Stylesheet, "reparse", counting)
        for key in ("f3", "enter", "escape", "f4", "f5", "f1"):
            await pilot.press(key)
            await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert reparses == [], "\n".join(reparses)


async def test_built_at_once_when_today_fills_before_any_typing(make_ctx, journal):
    """The moment Today's side panel first fills, with nothing typed, is the quietest
    of a session: the Journal screen is built then, not after ``prepare_delay``."""
    seed(journal)
    app = make_app(make_ctx("en"), prepare=60.0)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        [built] = mode_stack(app, "journal")
        assert isinstance(built, JournalScreen) and not built.is_current
        assert isinstance(app.focused, TextArea)


async def test_not_built_at_once_when_typing_started_first(make_ctx, journal):
    seed(journal)
    app = make_app(make_ctx("en"), prepare=60.0)

    def hook(message: object) -> None:  # a key typed as the first frame shows
        if isinstance(message, events.Ready):
            app.screen.query_one("#body", TextArea).insert("Early bird")

    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#body", TextArea).text == "Early bird"
        assert not mode_is_set_up(app, "journal")  # waits for a quiet second


async def test_counts_take_the_singular_in_both_languages(make_ctx, journal):
    seed(journal)
    for lang, counts in (("en", ("1 of 5 entries", "5 entries")),
                         ("fr", ("1 entrée sur 5", "5 entrées"))):
        app = make_app(make_ctx(lang))
        async with app.run_test(size=(100, 30)) as pilot:
            screen = await open_journal(pilot)
            assert counts[1] in str(screen.query_one("#count").render())
            screen.query_one("#tag", Input).focus()
            await type_in(pilot, "mentor")
            await settle(pilot)
            assert len(row_ids(screen)) == 1
            assert counts[0] in str(screen.query_one("#count").render())


async def test_undo_pressed_twice_restores_once(make_ctx, journal, monkeypatch):
    """The second `u`, pressed before the first undo has landed, has nothing to undo
    (it would try the same restore again and report an error)."""
    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        app.open_entry(entries[2].id)
        await settle(pilot)
        await pilot.press("d")
        await settle(pilot)
        await pilot.click("#yes")
        await settle(pilot)
        disk = threading.Event()
        restore = journal.restore

        def slow(entry_id: str) -> object:
            disk.wait(5)
            return restore(entry_id)

        monkeypatch.setattr(journal, "restore", slow)
        screen.query_one(EntryList).focus()
        await pilot.press("u", "u")
        disk.set()
        await settle(pilot)
        messages = [n.message for n in notifications(app)]
        assert messages.count("Entry restored.") == 1
        assert not any(n.severity == "error" for n in notifications(app))
        assert entries[2].id in row_ids(screen)


async def test_delete_and_edit_from_the_list(make_ctx, journal):
    """``d`` and ``e`` act on the highlighted row (and show in the footer); typed in
    the search field they are text."""
    entries = seed(journal)
    target = entries[1]
    path = journal.locate(target.id)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        footer = {at.key.action for at in screen.query_one(KeyFooter).shown()}
        assert {"delete", "edit"} <= footer
        await pilot.press("slash", "d", "e")
        await settle(pilot)
        assert app.screen is screen and screen.query_one("#search", Input).value == "de"
        screen.query_one("#search", Input).value = ""
        await settle(pilot)
        table = screen.query_one("#entries", EntryList)
        table.focus()
        table.move_cursor(row=row_ids(screen).index(target.id))
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        assert not path.exists() and target.id not in row_ids(screen)
        await pilot.press("u")
        await settle(pilot)
        assert path.exists() and target.id in row_ids(screen)
        table.move_cursor(row=row_ids(screen).index(target.id))
        await pilot.press("e")
        await settle(pilot)
        assert app.screen is app.today_screen and app.today_screen.entry.id == target.id


async def test_a_large_journal_is_read_a_page_at_a_time(make_ctx, journal, monkeypatch):
    """The screen asks the index for a page and the count, never for every entry:
    entries are materialised only for the rows near the cursor; searching and
    scrolling read more pages, and every row is still reachable."""
    from datetime import timedelta

    from journal_tui.core import index
    from journal_tui.core.model import make_entry
    from journal_tui.tui.screens.journal import PAGE

    n = 10 * PAGE
    days = [TODAY - timedelta(days=i + 1) for i in range(n)]
    journal.add_many([make_entry(f"Day {i} {'odd' if i % 2 else 'even'} #t{i % 3}", day=d)
                      for i, d in enumerate(days)])
    made: list[object] = []
    real = index.from_cache
    monkeypatch.setattr(index, "from_cache", lambda d: made.append(d) or real(d))
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        made.clear()  # Today's own reads
        screen = await open_journal(pilot)
        assert len(row_ids(screen)) == 2 * PAGE  # a page, and the next read ahead
        assert str(screen.query_one("#count").render()) == f"{n} entries"
        assert len(made) <= 4 * PAGE  # a few pages, not the whole journal
        await pilot.press("slash")
        await type_in(pilot, "odd")
        await settle(pilot)
        assert str(screen.query_one("#count").render()) == f"{n // 2} of {n} entries"
        assert len(row_ids(screen)) == 2 * PAGE
        assert len(made) <= 8 * PAGE
        screen.query_one("#entries", EntryList).focus()
        for _ in range(n // 2 // 10):
            await pilot.press("pagedown")
            await settle(pilot)
        await pilot.press("end")
        await settle(pilot)
        ids = row_ids(screen)
        assert len(ids) == len(set(ids)) == n // 2  # every result, once, in order
        assert ids[-1] == sorted(journal.query(index.Query(contains="odd")),
                                 key=lambda e: e.date)[0].id


async def test_a_new_screen_is_not_restyled_whole_as_it_is_first_shown(
        make_ctx, journal, monkeypatch):
    """Its widgets are styled as they mount: restyling the screen again on its first
    ScreenResume events, and each footer key as its ``compact`` watcher adds the
    class, took most of the Journal screen's building time at 100,000 entries."""
    from textual.dom import DOMNode

    seed(journal)
    restyled: list[str] = []
    update = DOMNode.update_node_styles

    def spy(self, animate=True):  # type: ignore[no-untyped-def]
        restyled.append(type(self).__name__)
        return update(self, animate)

    monkeypatch.setattr(DOMNode, "update_node_styles", spy)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        restyled.clear()
        await open_journal(pilot)
        assert pilot.app.screen.query_one(KeyFooter).shown()  # the footer is drawn
        assert "JournalScreen" not in restyled and "KeyFooter" not in restyled
        # nor its compact fields, as they were made (they are compact all the same)
        assert not {"Input", "Select"} & set(restyled), restyled
        fields = pilot.app.screen.query("#filters Input, #filters Select, #cal-panel Input")
        assert len(fields) == 5
        assert all(f.compact and f.has_class("-textual-compact") for f in fields)
        await pilot.press("f2")
        await settle(pilot)
        restyled.clear()
        await pilot.press("f3")  # a later visit restyles as Textual does
        await settle(pilot)
        assert "JournalScreen" in restyled


async def test_f3_during_the_start_walk_lists_the_index_as_it_stands(
        tmp_path, journal, clock, monkeypatch):
    """F3 pressed before the start's walk is done (held back here; the other start
    reads are left out, so no read has opened the index yet): the list shows the
    entries the index already holds at once, then, once the walk ends, the entry it
    finds added outside the app. Before, the first page waited for a whole walk."""
    from journal_tui.core import listing
    from journal_tui.core.config import Config
    from journal_tui.core.context import Context
    from journal_tui.core.storage import Journal
    from journal_tui.tui.app import JournalApp
    from journal_tui.tui.screens.today import TodayScreen

    entries = seed(journal)
    journal.close()
    late = fixed_entries()[0].with_changes(id="20261125-230000-beef", body="Late note")
    elsewhere = Journal(journal.root, cache_dir=tmp_path / "elsewhere")
    elsewhere.save(late, touch=False)  # as another program would: our index knows nothing
    elsewhere.close()
    held = threading.Event()
    real_scan = listing.scan

    def held_scan(*args: object, **kwargs: object) -> object:
        held.wait(20)
        return real_scan(*args, **kwargs)

    monkeypatch.setattr(listing, "scan", held_scan)
    monkeypatch.setattr(JournalApp, "check_problems", lambda self: None)
    monkeypatch.setattr(TodayScreen, "start_reading", lambda self: None)
    config = Config(language="en", format="toml", path=tmp_path / "config" / "config.toml")
    ctx = Context(config, "en", clock=clock, root=journal.root, cache_dir=journal.cache_dir)
    app = make_app(ctx)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.press("f3")
            screen = app.screen
            assert isinstance(screen, JournalScreen)
            newest = [e.id for e in sorted(entries, key=lambda e: e.date, reverse=True)]
            for _ in range(50):
                await pilot.pause(0.02)
                if row_ids(screen):
                    break
            assert row_ids(screen) == newest  # the walk is still held
            held.set()
            await settle(pilot)
            assert row_ids(screen) == [late.id, *newest]
    finally:
        held.set()
        ctx.journal.close()


async def test_the_list_keys_and_mouse(make_ctx, journal, monkeypatch):
    """Up/down, page keys, home/end move the cursor (the footer's row keys act on
    it); the end of what is read asks for the next page; a click moves the cursor, a
    click on the cursor's row (or enter) opens the entry."""
    from datetime import timedelta

    from journal_tui.core.model import make_entry
    from journal_tui.tui.screens.journal import PAGE

    n = 3 * PAGE
    days = [TODAY - timedelta(days=i + 1) for i in range(n)]
    journal.add_many([make_entry(f"Day {i}", day=d) for i, d in enumerate(days)])
    opened: list[str] = []
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        monkeypatch.setattr(app, "open_entry", lambda entry_id, **_: opened.append(entry_id))
        listed = screen.query_one("#entries", EntryList)
        assert app.focused is listed and listed.cursor_row == 0
        ids = row_ids(screen)
        await pilot.press("down", "down", "up")
        assert screen.highlighted().id == ids[1]
        page = (listed.scrollable_content_region.height - 1) // 2
        await pilot.press("pagedown")
        assert listed.cursor_row == 1 + page
        assert listed.scroll_y > 0  # the cursor's row is in view
        await pilot.press("pageup")
        assert listed.cursor_row == 1 and listed.scroll_y == 0
        await pilot.press("end")
        await settle(pilot)
        assert len(row_ids(screen)) == n  # the last page was read as the cursor neared it
        await pilot.press("end")
        assert screen.highlighted().id == row_ids(screen)[-1]
        row_top = 1 + 2 * listed.cursor_row - round(listed.scroll_y)
        assert 1 <= row_top < listed.scrollable_content_region.height - 1
        await pilot.press("home")
        assert listed.cursor_row == 0 and listed.scroll_y == 0
        await pilot.click(listed, offset=(5, 1 + 2 * 2 + 1))  # the third row's 2nd line
        assert listed.cursor_row == 2 and opened == []
        await pilot.click(listed, offset=(20, 1 + 2 * 2))
        assert opened == [ids[2]]
        await pilot.press("down", "enter")
        assert opened == [ids[2], ids[3]]
        await pilot.click(listed, offset=(5, 0))  # the header: nothing
        assert listed.cursor_row == 3 and len(opened) == 2


async def test_the_footer_is_one_widget_showing_the_row_keys(make_ctx, journal):
    """The first page is read before the footer is first drawn (the index is open and
    free), so its first keys are the row keys; and they are drawn by the footer
    itself, no widget a key (nine keys were nine widgets to style and lay out, all
    rebuilt on each change of keys: ~15 % of F3 at 100,000 entries)."""
    seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await open_journal(pilot)
        footer = screen.query_one(KeyFooter)
        assert {"edit", "delete"} <= {at.key.action for at in footer.shown()}
        assert not footer.children


async def test_the_first_text_search_keeps_the_words_once_and_finds_the_same(
        make_ctx, journal, monkeypatch):
    """After the first text search (and a pause in the typing), the journal's words
    are read in the background and kept (once a session): a text in no word then
    shows nothing without a scan, and every other search still finds what it found."""
    from journal_tui.core import search_words
    from journal_tui.tui.screens import journal as journal_screen

    monkeypatch.setattr(journal_screen, "WORDS_AFTER", 0.01)

    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_journal(pilot)
        db = app.service.journal.index.db
        assert db.execute(search_words.TRUSTED).fetchone() is None
        await pilot.press("slash", *"zq")
        await settle(pilot)
        assert row_ids(screen) == []
        await pilot.pause(0.05)  # the pause in the typing (``WORDS_AFTER``)
        await settle(pilot)
        assert db.execute(search_words.TRUSTED).fetchone() is not None
        read: list[bool] = []
        index = app.service.journal.index
        real = index.read_words
        index.read_words = lambda *a: read.append(True) or real(*a)  # type: ignore[method-assign]
        await pilot.press("backspace", "backspace", *"marie")
        await settle(pilot)
        assert row_ids(screen) == [entries[0].id]
        assert not read  # once a session
