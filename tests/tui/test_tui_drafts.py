"""Issue 11 in the TUI: drafts per instance, a draft's identity, crafted drafts."""

from __future__ import annotations

import json
from pathlib import Path

from textual.widgets import TextArea
from tui_helpers import TODAY, at, make_app, settle, wait_for

from journal_tui.core.model import make_entry
from journal_tui.core.storage import Draft, Journal
from journal_tui.tui.screens.today import TodayScreen
from journal_tui.tui.textual_compat import notifications
from journal_tui.tui.widgets.dialogs import ChoiceDialog, ConfirmDialog


def other_journal(journal: Journal, tmp_path: Path, name: str) -> Journal:
    """Another TUI's journal: the same folder, its own instance."""
    return Journal(journal.root, cache_dir=tmp_path / "cache" / name)


async def test_a_restored_draft_never_saves_over_a_change_made_since(make_ctx, journal,
                                                                     tmp_path):
    entry = make_entry("original", day=TODAY, when=at(TODAY, 7))
    journal.add(entry)
    crashed = other_journal(journal, tmp_path, "crashed")
    read = crashed.get(entry.id)
    crashed.save_draft(Draft(key=entry.id, body="original, typed on", date=TODAY,
                             entry_id=entry.id, base=read.source.digest))
    crashed.close()  # that TUI is gone: its draft is offered
    path = journal.path_for(entry)
    path.write_text(path.read_text("utf-8").replace('"original"', '"changed since"'),
                    "utf-8")
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.click("#yes")  # restore
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.query_one("#body", TextArea).text == "original, typed on"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceDialog)  # refused: changed since
        assert '"changed since"' in path.read_text("utf-8")
        await pilot.click("#choice-both")
        await settle(pilot)
        bodies = sorted(p.read_text("utf-8") for p in (journal.root / "entries").rglob("*.toml"))
        assert len(bodies) == 2
        assert any('"changed since"' in b for b in bodies)
        assert any('"original, typed on"' in b for b in bodies)


async def test_the_draft_of_a_running_tui_is_never_offered_to_another(make_ctx, journal,
                                                                      tmp_path):
    running = other_journal(journal, tmp_path, "running")
    running.save_draft(Draft(key=f"new-{TODAY:%Y%m%d}", body="the other window's",
                             date=TODAY))
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)  # nothing offered
        await pilot.press(*"mine")
        await pilot.press("ctrl+q")
        await settle(pilot)
        await pilot.click("#yes")
        await pilot.pause()
    # Both drafts are on disk, neither overwrote the other.
    bodies = sorted(json.loads(p.read_text("utf-8"))["body"]
                    for p in (journal.root / "drafts").glob("*.json"))
    assert bodies == ["mine", "the other window's"]
    running.close()


async def test_a_crafted_draft_is_reported_and_never_acted_on(make_ctx, journal):
    journal.ensure()
    drafts = journal.root / "drafts"
    drafts.mkdir(mode=0o700)
    victim = journal.root.parent / "victim.json"
    victim.write_text("{}", "utf-8")
    evil = drafts / "evil.json"
    evil.write_text(json.dumps({"key": "../../victim", "body": "x", "date": "2026-11-26"}),
                    "utf-8")
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, TodayScreen)  # nothing offered
        await pilot.press("escape")
        await settle(pilot)
        assert any("evil.json" in n.message for n in notifications(app))
    assert victim.exists() and evil.exists()


async def test_an_emptied_review_note_drops_its_old_draft(make_ctx, journal):
    """Item 9: emptying the note removes its draft (never restored later)."""
    from tui_helpers import ScreenHost, settle_workers

    from journal_tui.tui.screens.review import ReviewScreen

    host = ScreenHost(make_ctx("en"), ReviewScreen)
    async with host.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = host.screen
        assert isinstance(screen, ReviewScreen)
        editor = screen.query_one("#review-note", TextArea)
        editor.focus()
        await pilot.press(*"a note")
        screen.flush_draft()
        await settle_workers(pilot)
        assert [d.body for d in journal.drafts()] == ["a note"]
        editor.clear()
        await pilot.pause()
        screen.flush_draft()
        await settle_workers(pilot)
        assert journal.drafts() == []
