"""Issue 11 in the TUI: versions a sync kept side by side are shown, not hidden."""

from __future__ import annotations

from tui_helpers import TODAY, at, make_app, settle, wait_for

from journal_tui.core.model import make_entry
from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.screens.journal import JournalScreen
from journal_tui.tui.textual_compat import notifications
from journal_tui.tui.widgets.conflicts_dialog import ConflictsDialog


async def test_conflict_copies_are_announced_and_listed_in_the_journal_screen(
        make_ctx, journal):
    original = make_entry("mine", day=TODAY, when=at(TODAY, 7))
    journal.add(original)
    copy = make_entry("the laptop's", day=TODAY, when=at(TODAY, 7, 1), tags=["conflict"])
    copy.extra["conflict_of"] = original.id
    journal.add(copy)
    path = journal.path_for(original)
    syncthing = path.with_name(f"{path.stem}.sync-conflict-20261125-101010-ABCDEFG.toml")
    syncthing.write_bytes(path.read_bytes())
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await wait_for(pilot, lambda: any("kept twice by a sync" in n.message
                                          for n in notifications(app)))
        await pilot.press("f3")
        await settle(pilot)
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("k")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConflictsDialog)
        kinds = {c.kind: c for c in dialog.conflicts}
        assert set(kinds) == {"sync", "syncthing"}
        assert kinds["sync"].entry_id == copy.id
        rows = [c.kind for c in dialog.conflicts]
        await pilot.press(*["down"] * rows.index("sync"), "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntryScreen) and app.screen.entry.id == copy.id
