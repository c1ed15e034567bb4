"""The Review screen: moving between weeks, the review note, export, snapshots.

The screen runs in a small host app that provides what ``JournalApp`` gives its
screens (``ctx``, ``lang``), so these tests and snapshots do not change when the
rest of the app does.
"""

from __future__ import annotations

import threading
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import ListView, Static, TextArea
from tui_helpers import ScreenHost, settle_workers, wait_for

from journal_tui.core import atomic
from journal_tui.core.model import make_entry
from journal_tui.core.storage import Journal
from journal_tui.tui.screens.review import EntryItem, ReviewScreen, week_span
from journal_tui.tui.textual_compat import notifications
from journal_tui.tui.widgets.review_dialogs import ExportExistsDialog

TZ = timezone(timedelta(hours=1))


def seed(journal: Journal) -> None:
    """2026-W48 (the clock's week: Thursday 26 Nov) and the four weeks before it."""

    def add(day: str, body: str, hour: int = 9, **kw: object) -> None:
        d = date.fromisoformat(day)
        journal.save(make_entry(body, day=d, when=datetime(d.year, d.month, d.day, hour,
                                                           tzinfo=TZ), **kw), touch=False)

    add("2026-11-23", "Lunch with @Marie about the #partner deal\n\nWe agreed to share the "
        "stand.", mood=4, checkin={"synergy": 2, "determination": 1},
        prompt="Who moved you along your path this week?")
    add("2026-11-23", "Evening: called @Paul, he pushed back hard. #work", hour=20, mood=2,
        checkin={"openness": -1})
    add("2026-11-24", "I kept insisting on the old plan although everything said otherwise. "
        "#work", mood=2, checkin={"determination": -2}, prompt="Where did you hold on?")
    add("2026-11-26", "Took advice from @marie with a grain of salt and asked an accountant. "
        "#partner", mood=4, checkin={"advice": 2})
    for i in range(1, 29, 2):
        d = date(2026, 11, 23) - timedelta(days=i)
        add(d.isoformat(), f"Earlier day {i} with @Ana #routine", mood=3 if i % 3 else 4,
            checkin={"synergy": -1, "determination": 1, "advice": 0})


@pytest.fixture
def app(make_ctx, journal) -> ScreenHost:
    seed(journal)
    return ScreenHost(make_ctx("en"), ReviewScreen)


def titles(screen: ReviewScreen) -> list[str]:
    return [item.entry.title for item in screen.query(EntryItem)]


def review_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / "entries").rglob("*.toml")
                  if tomllib.loads(p.read_text("utf-8"))["kind"] == "review")


def test_week_span() -> None:
    assert week_span(date(2026, 11, 23), date(2026, 11, 29), "en") == "23–29 November 2026"
    assert week_span(date(2026, 11, 30), date(2026, 12, 6), "fr") == \
        "30 novembre – 6 décembre 2026"
    assert week_span(date(2026, 12, 28), date(2027, 1, 3), "fr") == \
        "28 décembre 2026 – 3 janvier 2027"


async def test_opens_on_the_current_week_and_moves_between_weeks(app: ScreenHost) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.week == "2026-W48"
        assert "Week 2026-W48" in str(screen.query_one("#review-title", Static).render())
        assert titles(screen)[0] == "Lunch with @Marie about the #partner deal"
        assert len(titles(screen)) == 4

        await pilot.press("alt+left")
        await settle_workers(pilot)
        assert screen.week == "2026-W47"
        assert titles(screen) == ["Earlier day 7 with @Ana #routine",
                                  "Earlier day 5 with @Ana #routine",
                                  "Earlier day 3 with @Ana #routine",
                                  "Earlier day 1 with @Ana #routine"]
        await pilot.press("ctrl+pageup", "left_square_bracket")
        await settle_workers(pilot)
        assert screen.week == "2026-W45"
        await pilot.press("ctrl+pagedown")
        await settle_workers(pilot)
        assert screen.week == "2026-W46"
        await pilot.press("ctrl+home")
        await settle_workers(pilot)
        assert screen.week == "2026-W48"
        assert len(titles(screen)) == 4
        # no week after the current one
        await pilot.press("alt+right", "right_square_bracket")
        await settle_workers(pilot)
        assert screen.week == "2026-W48"
        await pilot.press("left_square_bracket", "left_square_bracket", "t")
        await settle_workers(pilot)
        assert screen.week == "2026-W48"


async def test_plain_keys_type_in_the_note(app: ScreenHost) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        screen.query_one("#review-note", TextArea).focus()
        await pilot.press("left_square_bracket", "t", "right_square_bracket")
        await settle_workers(pilot)
        assert screen.week == "2026-W48"
        assert screen.query_one("#review-note", TextArea).text == "[t]"
        await pilot.press("alt+left")  # the modified keys still move
        await settle_workers(pilot)
        assert screen.week == "2026-W47"


async def test_write_save_and_reopen_the_review_note(app: ScreenHost, make_ctx, journal) -> None:
    root = journal.root
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        editor = screen.query_one("#review-note", TextArea)
        assert editor.text == ""
        editor.focus()
        await pilot.press(*"Good week with @Marie")
        await pilot.press("ctrl+s")
        await settle_workers(pilot)
        files = review_files(root)
        assert len(files) == 1
        data = tomllib.loads(files[0].read_text("utf-8"))
        assert data["kind"] == "review" and data["week"] == "2026-W48"
        assert data["date"] == date(2026, 11, 26)  # today, before the week's Sunday
        assert data["body"] == "Good week with @Marie" and data["people"] == ["Marie"]
        first_id = data["id"]

        # another week has its own (empty) note; coming back reopens this one
        await pilot.press("alt+left")
        await settle_workers(pilot)
        assert editor.text == ""
        await pilot.press("alt+right")
        await settle_workers(pilot)
        assert editor.text == "Good week with @Marie"

        # saving again updates the same entry
        editor.focus()
        editor.move_cursor(editor.document.end)
        await pilot.press(*" and @Paul")
        await pilot.press("ctrl+s")
        await settle_workers(pilot)
        files = review_files(root)
        assert len(files) == 1
        data = tomllib.loads(files[0].read_text("utf-8"))
        assert data["id"] == first_id
        assert data["body"] == "Good week with @Marie and @Paul"

        # the note of a past week is dated on its Sunday
        await pilot.press("alt+left")
        await settle_workers(pilot)
        editor.focus()
        await pilot.press(*"Last week")
        await pilot.press("ctrl+s")
        await settle_workers(pilot)
        weeks = {tomllib.loads(p.read_text("utf-8"))["week"]: tomllib.loads(
            p.read_text("utf-8"))["date"] for p in review_files(root)}
        assert weeks == {"2026-W48": date(2026, 11, 26), "2026-W47": date(2026, 11, 22)}

    # a new session reopens the note of the week
    again = ScreenHost(make_ctx("en"), ReviewScreen)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        assert again.screen.query_one("#review-note", TextArea).text == \
            "Good week with @Marie and @Paul"


async def test_unsaved_note_survives_a_week_change(app: ScreenHost, journal) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        editor = app.screen.query_one("#review-note", TextArea)
        editor.focus()
        await pilot.press(*"draft")
        assert "(not saved)" in str(app.screen.query_one("#review-note-heading").render())
        await pilot.press("alt+left")
        await settle_workers(pilot)
        assert editor.text == ""
        await pilot.press("alt+right")
        await settle_workers(pilot)
        assert editor.text == "draft"
        assert review_files(journal.root) == []


async def test_empty_note_is_not_saved(app: ScreenHost, journal) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        await pilot.press("ctrl+s")
        await settle_workers(pilot)
        assert review_files(journal.root) == []


async def test_export_never_overwrites_without_asking(app: ScreenHost, journal) -> None:
    exports = journal.root / "exports"
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        app.screen.query_one("#review-note", TextArea).load_text("My note")
        await pilot.press("ctrl+o")
        await settle_workers(pilot)
        first = exports / "review-2026-W48.md"
        text = first.read_text("utf-8")
        assert text.startswith("# Week 2026-W48\n")
        assert "We agreed to share the stand." in text and "My note" in text
        assert oct(first.stat().st_mode & 0o777) == "0o600"
        assert any(str(first) in n.message for n in notifications(app))

        first.write_text("mine", "utf-8")
        await pilot.press("ctrl+o")
        await settle_workers(pilot)
        assert isinstance(app.screen, ExportExistsDialog)
        await pilot.press("escape")  # cancel
        await settle_workers(pilot)
        assert first.read_text("utf-8") == "mine"
        assert sorted(p.name for p in exports.iterdir()) == ["review-2026-W48.md"]

        await pilot.press("ctrl+o")
        await settle_workers(pilot)
        await pilot.click("#new")
        await settle_workers(pilot)
        assert first.read_text("utf-8") == "mine"
        assert (exports / "review-2026-W48-2.md").read_text("utf-8") == text

        await pilot.press("ctrl+o")
        await settle_workers(pilot)
        await pilot.click("#overwrite")
        await settle_workers(pilot)
        assert first.read_text("utf-8") == text

        # a file that appears between the check and the write is kept too
        app.screen.export(first, "late", overwrite=False)
        await settle_workers(pilot)
        assert first.read_text("utf-8") == text
        assert (exports / "review-2026-W48-3.md").read_text("utf-8") == "late"


async def test_enter_opens_the_entry_whole(app: ScreenHost) -> None:
    from journal_tui.tui.screens.entry import EntryScreen

    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen.focused, ListView)
        await pilot.press("down", "enter")  # the second entry of the week
        await settle_workers(pilot)
        assert isinstance(app.screen, EntryScreen)
        assert app.screen.entry.title == "Evening: called @Paul, he pushed back hard. #work"
        await pilot.press("escape")
        await settle_workers(pilot)
        assert app.screen is screen


async def test_reloads_when_shown_again(app: ScreenHost, journal) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        journal.save(make_entry("Written elsewhere #new", day=date(2026, 11, 25),
                                when=datetime(2026, 11, 25, 10, tzinfo=TZ)), touch=False)
        app.push_screen(ExportExistsDialog("?", "o", "n", "c"))
        await settle_workers(pilot)
        app.pop_screen()
        await settle_workers(pilot)
        assert "Written elsewhere #new" in titles(screen)
        assert "#new 1" in str(screen.query_one("#review-tags", Static).render())


async def test_in_the_journal_app_on_f5(make_ctx, journal) -> None:
    from journal_tui.tui.app import JournalApp

    seed(journal)
    app = JournalApp(make_ctx("fr"))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_workers(pilot)
        await pilot.press("f5")
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.week == "2026-W48"
        assert "Semaine 2026-W48" in str(screen.query_one("#review-title", Static).render())
        screen.query_one("#review-note", TextArea).focus()
        await pilot.press(*"Bilan")
        assert screen.has_unsaved()
        await pilot.press("ctrl+s")
        await settle_workers(pilot)
        assert not screen.has_unsaved()
        [path] = review_files(journal.root)
        assert tomllib.loads(path.read_text("utf-8"))["week"] == "2026-W48"


# ----------------------------------------------------------------------- snapshots


def _snap_app(make_ctx, journal, lang: str) -> ScreenHost:
    seed(journal)
    ctx = make_ctx(lang)
    ctx.journal.save(make_entry("A steady week.\n\nMore to say.", day=date(2026, 11, 22),
                                when=datetime(2026, 11, 22, 18, tzinfo=TZ), kind="review",
                                week="2026-W47"), touch=False)
    return ScreenHost(ctx, ReviewScreen)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_snapshot_80x24(snap_compare, make_ctx, journal, lang: str) -> None:
    assert snap_compare(_snap_app(make_ctx, journal, lang), terminal_size=(80, 24),
                        run_before=settle_workers)


def test_snapshot_past_week_with_note_80x24(snap_compare, make_ctx, journal) -> None:
    async def before(pilot) -> None:
        await settle_workers(pilot)
        await pilot.press("alt+left")
        await settle_workers(pilot)
        screen = pilot.app.screen
        screen.query_one("#review-body").scroll_to_widget(
            screen.query_one("#review-note-heading"), animate=False, top=True)
        await pilot.pause()

    assert snap_compare(_snap_app(make_ctx, journal, "fr"), terminal_size=(80, 24),
                        run_before=before)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_snapshot_120x40(snap_compare, make_ctx, journal, lang: str) -> None:
    assert snap_compare(_snap_app(make_ctx, journal, lang), terminal_size=(120, 40),
                        run_before=settle_workers)


def test_snapshot_light_theme_80x24(snap_compare, make_ctx, journal) -> None:
    app = _snap_app(make_ctx, journal, "en")
    app.theme = "textual-light"
    assert snap_compare(app, terminal_size=(80, 24), run_before=settle_workers)


async def test_unsaved_note_is_kept_on_disk_and_restored(make_ctx, journal) -> None:
    seed(journal)
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    app.autosave_delay = 0.05
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        editor = app.screen.query_one("#review-note", TextArea)
        editor.focus()
        await pilot.press(*"typed, then the terminal died")
        await wait_for(pilot, lambda: bool(journal.drafts()))
    [draft] = journal.drafts()
    assert draft.kind == "review" and draft.week == "2026-W48"
    assert draft.body == "typed, then the terminal died"
    assert review_files(journal.root) == []  # not saved as a note

    again = ScreenHost(make_ctx("en"), ReviewScreen)
    async with again.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        editor = again.screen.query_one("#review-note", TextArea)
        assert editor.text == "typed, then the terminal died"
        assert again.screen.is_dirty()
        editor.focus()
        await pilot.press("ctrl+s")
        await settle_workers(pilot)
    assert journal.drafts() == []
    assert len(review_files(journal.root)) == 1


async def test_a_draft_flushed_while_the_note_is_saving_is_not_left_behind(
        make_ctx, journal, monkeypatch) -> None:
    """The draft timer firing between ctrl+s and the save landing finds nothing unsaved:
    no stale draft of a saved note is left (it would be offered again)."""
    seed(journal)
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    disk = threading.Event()
    write = atomic.atomic_write

    def slow(*args, **kwargs):  # the disk answers when the test says so
        disk.wait(5)
        return write(*args, **kwargs)

    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.query_one("#review-note", TextArea).focus()
        await pilot.press(*"my note")
        monkeypatch.setattr(atomic, "atomic_write", slow)
        await pilot.press("ctrl+s")
        screen.flush_draft()  # as the timer would, before the save has landed
        disk.set()
        await settle_workers(pilot)
        assert not screen.has_unsaved()
    assert journal.drafts() == []
    [path] = review_files(journal.root)
    assert tomllib.loads(path.read_text("utf-8"))["body"] == "my note"


async def test_a_note_from_an_earlier_session_is_updated_and_never_overwrites_another_writer(
        make_ctx, journal) -> None:
    """The week's note read from the index is saved in place (same id, one file); if
    another writer changed its file since the screen read it, nothing is overwritten."""
    seed(journal)
    note = make_entry("Written yesterday", day=date(2026, 11, 25), kind="review",
                      week="2026-W48")
    journal.add(note)
    root = journal.root
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        editor = app.screen.query_one("#review-note", TextArea)
        assert editor.text == "Written yesterday"
        editor.focus()
        editor.move_cursor(editor.document.end)
        await pilot.press(*" and today")
        await pilot.press("ctrl+s")
        await settle_workers(pilot)
        files = review_files(root)
        assert len(files) == 1
        data = tomllib.loads(files[0].read_text("utf-8"))
        assert data["id"] == note.id and data["body"] == "Written yesterday and today"

        # another writer rewrites the file; the screen's next save must not overwrite it
        text = files[0].read_text("utf-8").replace("and today", "and from elsewhere")
        files[0].write_text(text + 'my_key = "kept?"\n', "utf-8")
        await pilot.press(*" again")
        await pilot.press("ctrl+s")
        await settle_workers(pilot)
        on_disk = files[0].read_text("utf-8")
        assert "from elsewhere" in on_disk and 'my_key = "kept?"' in on_disk


async def test_the_screen_is_built_without_redoing_work(app, monkeypatch) -> None:
    """Opening Review: its focus goes straight to the entries (focusing the body first
    restyled all of it twice). (Its footer, once rebuilt for each signal that came
    before its rebuild ran, ~50 ms at 100,000 entries, is now one widget that
    repaints only for other keys: ``test_journal``.)"""
    from textual.widget import Widget

    focused: list[str] = []
    watch = Widget.watch_has_focus

    def watch_has_focus(self: Widget, has_focus: bool) -> None:
        if has_focus:
            focused.append(self.id or type(self).__name__)
        watch(self, has_focus)

    monkeypatch.setattr(Widget, "watch_has_focus", watch_has_focus)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        assert focused == ["review-entries"]
        assert len(app.screen.query(EntryItem)) == 4


async def test_questions_shown_twice_in_a_row_end_up_in_more_questions(app: ScreenHost) -> None:
    """The week's questions can come twice before "more questions" is built (the week
    loaded, its questions chosen an instant later): the second showing waited for
    it (NoMatches as an app error, seen in CI timing)."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen) and screen.review is not None
        assert screen.review.chosen and screen.review.other_questions
        await screen.query_one("#review-more").remove()
        screen._show_questions(screen.review)  # builds "more questions" (not composed yet)
        screen._show_questions(screen.review)
        await settle_workers(pilot)
        others = screen.query_one("#review-more-questions")
        assert len(others.children) == len(screen.review.other_questions)
