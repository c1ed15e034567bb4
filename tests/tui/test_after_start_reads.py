"""What the app does once the start's reads are done (Today's side panel shown).

The collector never scans what the start built or read again: the app freezes the
objects alive at its first frame, then those the start's reads kept (the index, the
walk's listing), which at 100,000 entries made a full collection ~65 ms long,
landing in whatever came next (F3). And the Journal screen's widgets' default CSS
is parsed then, not as F3 first mounts them."""

from __future__ import annotations

import gc
import threading

from tui_helpers import make_app, seed, settle


async def test_the_start_reads_are_frozen_once_done(make_ctx, journal, monkeypatch) -> None:
    seed(journal)
    frozen: list[bool] = []  # whether Today's side panel was shown at each freeze
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(app.today_screen._side_shown))
    gc.disable()  # as cli.main does for the TUI
    try:
        app = make_app(make_ctx("en"))
        async with app.run_test() as pilot:
            await settle(pilot)
            assert gc.isenabled()
            assert frozen == [False, True]
            app.today_screen.load_side()  # read again later: nothing more is frozen
            await settle(pilot)
            assert frozen == [False, True]
    finally:
        gc.enable()


async def test_nothing_is_frozen_when_the_collector_was_on(make_ctx, journal,
                                                           monkeypatch) -> None:
    """Started with the collector on (not by ``cli.main``), the app leaves it alone."""
    seed(journal)
    frozen: list[int] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(1))
    app = make_app(make_ctx("en"))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert frozen == []


async def test_the_journal_screen_finds_its_widgets_css_parsed(make_ctx, journal) -> None:
    """Once the start's reads are done, the Journal screen's widgets' default CSS is
    parsed: F3 adds no source to the stylesheet (each one added re-read the rules)."""
    seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test() as pilot:
        await settle(pilot)
        sources = set(app.stylesheet.source)
        await pilot.press("f3")
        await settle(pilot)
        assert type(app.screen).__name__ == "JournalScreen"
        assert set(app.stylesheet.source) == sources
        await pilot.click("#theme")  # the theme list (composed on first use too)
        await settle(pilot)
        assert set(app.stylesheet.source) == sources


async def test_the_journal_screen_counts_nothing_on_the_ui_thread(make_ctx, journal,
                                                                  monkeypatch) -> None:
    """The index's count (~10-20 ms at 100,000 entries) is read in a thread once the
    start's reads are done: F3's first page finds it kept."""
    from journal_tui.core.index import Index

    seed(journal)
    counted_on: list[str] = []
    count = Index.count

    def spied(index: Index) -> int:
        counted_on.append(threading.current_thread().name)
        return count(index)

    monkeypatch.setattr(Index, "count", spied)
    app = make_app(make_ctx("en"))
    async with app.run_test() as pilot:
        await settle(pilot)
        ui = threading.main_thread().name
        assert counted_on and ui not in counted_on
        executed: list[str] = []
        db = app.service.journal.index.db
        db.set_trace_callback(lambda sql: executed.append(sql) if threading.current_thread()
                              is threading.main_thread() else None)
        await pilot.press("f3")
        await settle(pilot)
        db.set_trace_callback(None)
        assert type(app.screen).__name__ == "JournalScreen"
        assert not [sql for sql in executed if "count(" in sql.lower()]
