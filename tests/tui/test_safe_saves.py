"""Issue 11 in the TUI: a save never overwrites another writer's change.

Today (and the entry editor, which is Today's) saves through the identity-checked
path: when the file changed since it was read, the save is refused and a dialog
offers the other version (the typed text kept as a draft) or both.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import TextArea
from tui_helpers import TODAY, at, make_app, settle, type_in, wait_for

from journal_tui.core.model import make_entry
from journal_tui.core.storage import Journal
from journal_tui.tui.screens.today import TodayScreen
from journal_tui.tui.widgets.dialogs import ChoiceDialog


def entry_files(root: Path) -> list[Path]:
    return sorted((root / "entries").rglob("*.toml"))


def bodies(root: Path) -> dict[str, dict]:
    return {p.stem: tomllib.loads(p.read_text("utf-8")) for p in entry_files(root)}


def rewrite_from_outside(path: Path, body: str) -> None:
    """What an editor or a sync tool does: a new body and a key of its own."""
    text = path.read_text("utf-8")
    data = tomllib.loads(text)
    text = text.replace(f'body = "{data["body"]}"', f'body = "{body}"')
    assert body in text
    path.write_text(text + 'my_key = "kept?"\n', "utf-8")


async def open_in_today(pilot, journal: Journal) -> tuple[str, Path]:  # type: ignore[no-untyped-def]
    entry = make_entry("original", day=TODAY, when=at(TODAY, 7))
    journal.add(entry)
    app = pilot.app
    await settle(pilot)
    app.open_entry(entry.id, edit=True)
    await settle(pilot)
    assert isinstance(app.screen, TodayScreen)
    assert app.screen.entry is not None and app.screen.entry.id == entry.id
    return entry.id, journal.path_for(entry)


async def save_over_another_writer(pilot, journal):  # type: ignore[no-untyped-def]
    """An entry opened in Today, rewritten from outside ("their version", ``my_key``),
    then " and mine" typed and ctrl+s: the save that must be refused. Its id."""
    entry_id, path = await open_in_today(pilot, journal)
    rewrite_from_outside(path, "their version")
    await pilot.press(*" and mine")
    await pilot.press("ctrl+s")
    await settle(pilot)
    return entry_id


async def test_keep_both_after_an_outside_rewrite_keeps_both_texts_and_its_keys(
        make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        entry_id = await save_over_another_writer(pilot, journal)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert [c for c, _ in dialog.choices] == ["later", "reload", "both"]
        await pilot.click("#choice-both")
        await settle(pilot)
        files = bodies(journal.root)
        assert len(files) == 2
        theirs = files.pop(entry_id)
        assert theirs["body"] == "their version"
        assert theirs["my_key"] == "kept?"
        (mine_id, mine), = files.items()
        assert mine["body"] == "original and mine"
        today = app.screen
        assert isinstance(today, TodayScreen)
        # The editor now edits the new entry: saving again updates it, no third file.
        assert today.entry is not None and today.entry.id == mine_id
        assert not today.has_unsaved()
        await pilot.press(*"!")
        await pilot.press("ctrl+s")
        await settle(pilot)
        files = bodies(journal.root)
        assert len(files) == 2
        assert files[mine_id]["body"] == "original and mine!"
        assert files[entry_id]["my_key"] == "kept?"


async def test_reload_shows_the_other_version_and_keeps_the_typed_text_as_a_draft(
        make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        entry_id = await save_over_another_writer(pilot, journal)
        await pilot.click("#choice-reload")
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.query_one("#body", TextArea).text == "their version"
        assert not today.has_unsaved()
        drafts = journal.drafts()
        assert [(d.body, d.entry_id) for d in drafts] == [("original and mine", None)]
        data = bodies(journal.root)[entry_id]
        assert data["body"] == "their version" and data["my_key"] == "kept?"
        # Saving the reloaded version again is no conflict: it was read afresh.
        await pilot.press(*".")
        await pilot.press("ctrl+s")
        await settle(pilot)
        data = bodies(journal.root)[entry_id]
        assert data["body"] == "their version." and data["my_key"] == "kept?"


async def test_escape_goes_back_to_the_text_unsaved(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        entry_id, path = await open_in_today(pilot, journal)
        rewrite_from_outside(path, "their version")
        await type_in(pilot, " and mine")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.has_unsaved()
        assert today.query_one("#body", TextArea).text.endswith(" and mine")
        assert bodies(journal.root)[entry_id]["body"] == "their version"


async def test_two_tuis_on_one_journal_never_overwrite_each_other(make_ctx, journal, tmp_path):
    """A second TUI (its own Journal object) saves the entry first; the first one's
    save is refused, and keeping both leaves both texts."""
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        entry_id, _ = await open_in_today(pilot, journal)
        other = Journal(journal.root, cache_dir=tmp_path / "cache" / "other")
        theirs = other.get(entry_id)
        theirs.body = "from the other window"
        other.save(theirs)
        other.close()
        await pilot.press(*" from this one")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.click("#choice-both")
        await settle(pilot)
        texts = sorted(d["body"] for d in bodies(journal.root).values())
        assert texts == ["from the other window", "original from this one"]


async def test_a_file_deleted_meanwhile_offers_keep_both_only(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        entry_id, path = await open_in_today(pilot, journal)
        path.unlink()  # a sync tool or another window removed it
        await pilot.press(*" still mine")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert [c for c, _ in dialog.choices] == ["later", "both"]
        await pilot.press("enter")  # keep both: the default
        await settle(pilot)
        files = bodies(journal.root)
        assert [d["body"] for d in files.values()] == ["original still mine"]
        assert entry_id not in files  # never recreated under the removed id
