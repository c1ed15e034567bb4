"""The Review screen's coaching loop: last week's intention asked about first (the
answer stored back into last week's note), the intention for next week under the
note (saved, and kept in a draft), the history, and the week's chosen questions."""

from __future__ import annotations

import threading
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import Button, Collapsible, Input, Static, TextArea
from tui_helpers import ScreenHost, make_app, settle, settle_workers, wait_for

from journal_tui.core.intentions import intention_of, record_outcome, set_intention
from journal_tui.core.model import Entry, make_entry
from journal_tui.core.storage import Journal
from journal_tui.tui.screens.review import ReviewScreen
from journal_tui.tui.textual_compat import notifications
from journal_tui.tui.widgets.review_intention import LastIntention

TZ = timezone(timedelta(hours=1))


def add_review(journal: Journal, week: str, day: date, intention: str | None,
               body: str = "Looking back.") -> Entry:
    note = make_entry(body, day=day, when=datetime(day.year, day.month, day.day, 18,
                                                   tzinfo=TZ), kind="review", week=week)
    if intention is not None:
        note = set_intention(note, intention)
    journal.save(note, touch=False)
    return note


def notes(root: Path) -> dict[str, dict]:
    found = [tomllib.loads(p.read_text("utf-8")) for p in (root / "entries").rglob("*.toml")]
    return {d["week"]: d for d in found if d["kind"] == "review"}


async def test_intention_under_the_note_is_saved_in_it(make_ctx, journal) -> None:
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ReviewScreen)
        screen.query_one("#review-intention", Input).focus()
        await pilot.press(*"Ask before I decide")
        assert screen.has_unsaved()
        await pilot.press("ctrl+s")  # an intention alone is worth saving
        await settle_workers(pilot)
        assert notes(journal.root)["2026-W48"]["intention"] == "Ask before I decide"
        assert not screen.has_unsaved()
        history = str(screen.query_one("#review-history", Static).render())
        assert "2026-W48 → 2026-W49" in history and "Ask before I decide" in history


async def test_a_typed_intention_survives_a_crash(make_ctx, journal) -> None:
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    app.autosave_delay = 0.05
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        app.screen.query_one("#review-intention", Input).focus()
        await pilot.press(*"Call Paul")
        await wait_for(pilot, lambda: any((journal.root / "drafts").glob("review-*")))
        await settle_workers(pilot)
    # Never saved; a new session gets it back from drafts/.
    assert "2026-W48" not in notes(journal.root)
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        assert app.screen.query_one("#review-intention", Input).value == "Call Paul"
        assert app.screen.has_unsaved()


async def test_last_weeks_intention_is_asked_about_and_stored_back(make_ctx,
                                                                   journal) -> None:
    add_review(journal, "2026-W47", date(2026, 11, 22), "Ask Paul before deciding")
    app = ScreenHost(make_ctx("fr"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        last = app.screen.query_one(LastIntention)
        assert last.display
        assert str(last.query_one("#last-text", Static).render()) == "Ask Paul before deciding"
        assert "(2026-W47)" in str(last.query_one("#last-heading").render())
        await pilot.click("#outcome-partly")
        await settle_workers(pilot)
        assert notes(journal.root)["2026-W47"]["intention_outcome"] == "partly"
        assert app.focused is last.query_one("#last-learned", Input)  # asked next
        await pilot.press(*"Il répond vite", "enter")
        await settle_workers(pilot)
        w47 = notes(journal.root)["2026-W47"]
        assert (w47["intention_outcome"], w47["intention_learned"]) == ("partly",
                                                                        "Il répond vite")
        assert w47["body"] == "Looking back."  # the rest of the note untouched
        assert "2026-W48" not in notes(journal.root)  # nothing written to this week
        assert last.query_one("#outcome-partly", Button).has_class("-chosen")
        history = str(app.screen.query_one("#review-history", Static).render())
        assert "Ask Paul before deciding" in history and "En partie" in history
        assert "appris\u00a0: Il répond vite" in history


async def test_what_was_learned_is_shown_and_typing_on_keeps_it(make_ctx, journal) -> None:
    """The block is built when an intention is first shown: what was learned is set in
    its line before the line is mounted, and the next keys still save themselves."""
    note = record_outcome(add_review(journal, "2026-W47", date(2026, 11, 22), "Ask Paul"),
                          "done", "He answers fast")
    journal.save(note, touch=False)
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    app.autosave_delay = 0.05
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        last = app.screen.query_one(LastIntention)
        learned = last.query_one("#last-learned", Input)
        assert learned.value == "He answers fast" and not last.dirty
        assert last.query_one("#outcome-done", Button).has_class("-chosen")
        learned.focus()
        await pilot.press("end", "!")
        await wait_for(pilot, lambda: notes(journal.root)["2026-W47"].get(
            "intention_learned") == "He answers fast!")


async def test_a_week_without_a_last_intention_builds_no_question(make_ctx, journal) -> None:
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        last = app.screen.query_one(LastIntention)
        assert not last.display and not last.children and not last.dirty
        assert not app.screen.has_unsaved()


async def test_a_note_changed_elsewhere_is_not_overwritten(make_ctx, journal) -> None:
    note = add_review(journal, "2026-W47", date(2026, 11, 22), "Ask Paul")
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        path = journal.locate(note.id)
        edited = path.read_text("utf-8").replace("Looking back.", "Edited on the laptop.")
        path.write_text(edited, "utf-8")
        await pilot.click("#outcome-done")
        await settle_workers(pilot)
        assert any("Could not keep it" in n.message for n in notifications(app))
        assert path.read_text("utf-8") == edited
        assert app.screen.query_one(LastIntention).outcome is None  # as on disk


async def test_intention_loop_across_the_year_boundary(make_ctx, journal, clock) -> None:
    """2026 has 53 ISO weeks: W52's intention is lived in W53 (28 Dec – 3 Jan), and
    W53's in 2027-W01."""
    add_review(journal, "2026-W52", date(2026, 12, 27), "One call a day")
    clock.now = datetime(2027, 1, 3, 17, tzinfo=TZ)  # Sunday of 2026-W53
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert screen.week == "2026-W53"
        assert "One call a day" in str(screen.query_one("#last-text", Static).render())
        await pilot.click("#outcome-done")
        screen.query_one("#review-intention", Input).focus()
        await pilot.press(*"Two calls a day")
        await pilot.press("ctrl+s")
        await settle_workers(pilot)
    found = notes(journal.root)
    assert found["2026-W52"]["intention_outcome"] == "done"
    assert found["2026-W53"]["intention"] == "Two calls a day"
    # Monday: Today shows it all through 2027-W01.
    clock.now = datetime(2027, 1, 4, 7, tzinfo=TZ)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        line = str(app.screen.query_one("#intention", Static).render())
        assert line == "This week’s intention: Two calls a day"
        await pilot.press("f5")
        await settle(pilot)
        assert app.screen.week == "2027-W01"
        assert "Two calls a day" in str(app.screen.query_one("#last-text", Static).render())


async def test_no_last_intention_no_question(make_ctx, journal) -> None:
    add_review(journal, "2026-W47", date(2026, 11, 22), None)
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        assert not app.screen.query_one(LastIntention).display
        history = str(app.screen.query_one("#review-history", Static).render())
        assert "No intention yet" in history


async def test_chosen_questions_above_the_others_one_key_away(make_ctx, journal) -> None:
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        chosen = screen.review.chosen
        assert 2 <= len(chosen) <= 3
        shown = [str(s.render()) for s in screen.query("#review-questions .question")]
        assert shown == [q.text_in("en") for q in chosen]
        more = screen.query_one("#review-more", Collapsible)
        assert more.collapsed
        screen.query_one(TextArea).focus()
        await pilot.press("ctrl+r")
        assert not more.collapsed
        others = [str(s.render()) for s in screen.query("#review-more-questions .question")]
        assert len(others) == len(screen.review.other_questions) > 0
        assert not set(others) & set(shown)


def test_intention_of_a_saved_note_round_trips(journal) -> None:
    note = add_review(journal, "2026-W53", date(2027, 1, 3), "  Trim the list  ")
    intention = intention_of(journal.get(note.id))
    assert intention is not None
    assert (intention.text, intention.for_week) == ("Trim the list", "2027-W01")


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_last_intention(snap_compare, make_ctx, journal, lang: str,
                                 size: tuple[int, int]) -> None:
    add_review(journal, "2026-W46", date(2026, 11, 15), "Say no to one meeting")
    add_review(journal, "2026-W47", date(2026, 11, 22), "Ask Paul before deciding")

    async def before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle_workers(pilot)
        pilot.app.screen.query_one("#review-body").scroll_to_widget(
            pilot.app.screen.query_one(LastIntention), animate=False, top=True)
        await pilot.pause()

    assert snap_compare(ScreenHost(make_ctx(lang), ReviewScreen), terminal_size=size,
                        run_before=before)


async def test_the_export_carries_both_intentions_saved_or_not(make_ctx, journal) -> None:
    add_review(journal, "2026-W47", date(2026, 11, 22), "Ask Paul before deciding")
    app = ScreenHost(make_ctx("en"), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await settle_workers(pilot)
        app.screen.query_one("#review-intention", Input).focus()
        await pilot.press(*"Say no once")  # typed, not saved: exported as shown
        await pilot.press("ctrl+o")
        await settle_workers(pilot)
    text = (journal.root / "exports" / "review-2026-W48.md").read_text("utf-8")
    assert "Ask Paul before deciding" in text and "Say no once" in text
    assert "2026-W48" not in notes(journal.root)  # exporting saves nothing


@pytest.mark.parametrize(("lang", "said"), [("en", "Choosing the week’s questions… 40% of"),
                                            ("fr", "semaine… 40\u00a0% du journal lu")])
async def test_the_first_choice_of_questions_says_how_far_it_has_read(
        make_ctx, journal, monkeypatch, lang: str, said: str) -> None:
    """The first time, choosing the week's questions scores every entry of the journal
    (minutes at 100,000): the wait says how much of it is read, then the questions come."""
    from journal_tui.tui.service import JournalService

    go_on = threading.Event()
    real = JournalService.chosen_questions

    def slow(self, week, book, progress=None):  # type: ignore[no-untyped-def]
        assert progress is not None
        progress(2, 5)
        go_on.wait(10)
        return real(self, week, book, progress)

    monkeypatch.setattr(JournalService, "chosen_questions", slow)
    app = ScreenHost(make_ctx(lang), ReviewScreen)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for(pilot, lambda: bool(app.screen.query("#questions-wait")))
        wait = app.screen.query_one("#questions-wait", Static)
        await wait_for(pilot, lambda: said in str(wait.render()))
        go_on.set()
        await settle_workers(pilot)
        assert not app.screen.query("#questions-wait")
        assert app.screen.review.chosen
