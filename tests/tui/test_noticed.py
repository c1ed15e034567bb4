"""Noticed themes on screen: the entry view's list, its evidence marked in the text,
confirm and dismiss from there and right after ctrl+s on Today, which never takes
the keys from the editor."""

from __future__ import annotations

import pytest
from textual.widgets import Static, TextArea
from tui_helpers import TODAY, at, make_app, no_blink, seed, settle, type_in, wait_for

from journal_tui.core.model import make_entry
from journal_tui.core.storage import Journal
from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.widgets import theme_notice
from journal_tui.tui.widgets.theme_notice import ThemeNotice
from journal_tui.tui.widgets.theme_noticed import NoticedList, highlighted

STUBBORN = "Je m'entête sur ce dossier alors que tout le monde me dit d'arrêter."


def stubborn_entry(journal: Journal) -> str:
    entry = make_entry(STUBBORN, day=TODAY, when=at(TODAY, 7))
    journal.save(entry, touch=False)
    return entry.id


async def open_entry(pilot, entry_id: str) -> EntryScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    pilot.app.open_entry(entry_id)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, EntryScreen)
    return screen


def body_styles(screen: EntryScreen) -> dict[str, set[str]]:
    """The body's marked words, and which of reverse and underline each has."""
    text = screen.query_one("#entry-body", Static).render()
    assert hasattr(text, "spans")
    plain = text.plain
    return {plain[s.start:s.end]: {a for a in ("reverse", "underline")
                                   if getattr(s.style, a, False)} for s in text.spans}


async def test_entry_view_lists_what_was_noticed_and_marks_the_evidence(make_ctx, journal):
    seed(journal)
    entry_id = stubborn_entry(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_entry(pilot, entry_id)
        rows = screen.query_one(NoticedList).rows
        assert [(r.theme, r.pole, r.word) for r in rows] == [("determination", "low", None)]
        assert rows[0].text is not None and rows[0].text.source == "text"
        line = str(screen.query_one(NoticedList).render())
        assert "stubbornness" in line and "text ▼ 0." in line and "“m'entête”" in line
        marked = body_styles(screen)
        assert "m'entête" in marked and "reverse" in marked["m'entête"]  # the row picked
        assert screen.focused is screen.query_one(NoticedList)


async def test_confirm_other_pole_dismiss_and_take_back_from_the_entry_view(make_ctx, journal):
    seed(journal)
    entry_id = stubborn_entry(journal)
    app = make_app(make_ctx("fr"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_entry(pilot, entry_id)
        noticed = screen.query_one(NoticedList)
        for key, word in [("c", "low"), ("o", "high"), ("x", "none"), ("u", None)]:
            await pilot.press(key)
            await settle(pilot)
            assert journal.get(entry_id).themes.get("determination") == word, key
            assert noticed.rows[0].word == word  # the row stays, with the person's word
            assert noticed.rows[0].text is not None  # and the text's reading beside it
        assert journal.get(entry_id).body == STUBBORN  # nothing else changes
        await pilot.press("x")
        await settle(pilot)
        assert "hors sujet" in str(noticed.render())
        assert "reverse" in body_styles(screen)["m'entête"]  # still shown when picked


async def test_a_word_on_a_file_changed_elsewhere_is_refused_and_nothing_is_lost(
        make_ctx, journal):
    seed(journal)
    entry_id = stubborn_entry(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_entry(pilot, entry_id)
        edited = STUBBORN + " Edited in another window."
        journal.save(journal.get(entry_id).with_changes(body=edited))
        await pilot.press("c")
        await settle(pilot)
        on_disk = journal.get(entry_id)
        assert on_disk.body == edited and on_disk.themes == {}
        assert any(n.severity == "error" and "Could not record your word" in n.message
                   for n in app._notifications)
        assert screen.entry.body == edited  # shown again as it is now
        await pilot.press("c")  # on what is there now: recorded
        await settle(pilot)
        assert journal.get(entry_id).themes == {"determination": "low"}
        assert journal.get(entry_id).body == edited


async def test_entry_without_a_theme_says_so_and_keys_do_nothing(make_ctx, journal):
    entries = seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_entry(pilot, entries[3].id)  # "A month ago: first client call"
        noticed = screen.query_one(NoticedList)
        assert noticed.rows == [] and "Nothing noticed" in str(noticed.render())
        before = journal.locate(entries[3].id).read_bytes()
        await pilot.press("c", "x")
        await settle(pilot)
        assert journal.locate(entries[3].id).read_bytes() == before


def test_evidence_is_text_never_markup() -> None:
    body = "[bold]x[/bold] \x1b[31m je m'entête"
    text = highlighted(body, [(len(body) - 8, len(body), "underline")])  # type: ignore[list-item]
    assert "[bold]" in text.plain and "\x1b" not in text.plain
    assert text.plain.endswith("m'entête")


async def after_save(pilot, text: str) -> ThemeNotice:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await type_in(pilot, text)
    await pilot.press("ctrl+s")
    await settle(pilot)
    notice = pilot.app.screen.query_one(ThemeNotice)
    await wait_for(pilot, lambda: notice.current is not None)
    return notice


@pytest.mark.parametrize(("key", "word"), [("ctrl+o", "low"), ("ctrl+r", "none")])
async def test_after_save_today_says_what_it_noticed_and_one_key_answers(
        make_ctx, journal, key, word):
    app = make_app(make_ctx("fr"))
    async with app.run_test(size=(100, 30)) as pilot:
        notice = await after_save(pilot, STUBBORN)
        said = str(notice.render())
        assert "On dirait\u00a0: obstination, «\u00a0m'entête\u00a0»" in said
        editor = app.screen.query_one("#body", TextArea)
        assert app.focused is editor  # the notice never takes the focus
        [saved] = journal.query()
        entry_id = saved.id
        await pilot.press(key)
        await settle(pilot)
        assert journal.get(entry_id).themes == {"determination": word}
        assert editor.text == STUBBORN  # the key went to the notice, not the text
        assert notice.current is None and "Noté" in str(notice.render())


async def test_typing_right_after_ctrl_s_goes_to_the_editor(make_ctx, journal, monkeypatch):
    monkeypatch.setattr(theme_notice, "SHOWN_FOR", 2.0)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, STUBBORN)
        await pilot.press("ctrl+s", "space", "o", "k")  # before the save or the notice land
        notice = app.screen.query_one(ThemeNotice)
        await wait_for(pilot, lambda: notice.current is not None)
        editor = app.screen.query_one("#body", TextArea)
        assert editor.text == STUBBORN + " ok"
        await pilot.press("!")  # a notice shown: typing still goes to the editor
        assert editor.text == STUBBORN + " ok!" and app.focused is editor
        await wait_for(pilot, lambda: not notice.display)  # gone on its own
        assert notice.current is None
        await pilot.press("ctrl+o")  # no notice: the key does nothing to the entry
        await settle(pilot)
        assert all(not e.themes for e in journal.query())


async def test_nothing_noticed_means_no_notice(make_ctx, journal):
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await type_in(pilot, "Admin day: invoices and groceries.")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await settle(pilot)
        notice = app.screen.query_one(ThemeNotice)
        assert notice.current is None and not notice.display


MIXED = ("# Semaine chargée\n"
         "Je m'entête sur ce dossier alors que tout le monde me dit d'arrêter.\n\n"
         "Met @Marie: she suggested a joint offer. #partner [bold]not markup[/bold]")
SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize(("lang", "size"), [(lang, size) for lang in ("en", "fr")
                                            for size in SIZES],
                         ids=[f"{lang}-{w}x{h}" for lang in ("en", "fr") for w, h in SIZES])
def test_snapshot_entry_view_with_evidence(snap_compare, make_ctx, journal, lang, size):
    """Two noticed themes, the first picked: its evidence in reverse, the other's
    underlined; the person's rating beside the text's reading."""
    seed(journal)
    entry = make_entry(MIXED, day=TODAY, when=at(TODAY, 7), checkin={"synergy": 1})
    entry = entry.with_changes(id="20261126-070000-0abc")
    journal.save(entry, touch=False)
    app = make_app(make_ctx(lang))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await open_entry(pilot, entry.id)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_snapshot_after_save_notice(snap_compare, make_ctx, journal, lang):
    app = make_app(make_ctx(lang))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        notice = await after_save(pilot, STUBBORN)
        assert notice.display
        no_blink(app)
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_the_detector_stays_off_the_start_up_path() -> None:
    """Today (and its after-save notice) loads without the detector: it is imported
    by the notice's worker after the first save, never before the first frame."""
    import subprocess
    import sys

    code = ("import sys, journal_tui.tui.app, journal_tui.tui.screens.today, "
            "journal_tui.tui.widgets.theme_notice; "
            "print(sorted(m for m in sys.modules if m.startswith("
            "('journal_tui.core.detect', 'journal_tui.core.themes'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
