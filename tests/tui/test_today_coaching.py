"""Today's coaching parts: the week's intention, a rating on any polar theme, @-completion."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from textual.widgets import Static
from tui_helpers import make_app, seed, settle, type_in

from journal_tui.core.intentions import set_intention
from journal_tui.core.model import make_entry
from journal_tui.core.storage import Journal
from journal_tui.tui.widgets.mention_editor import MentionArea, MentionIndex
from journal_tui.tui.widgets.scale import PoleScale

TZ = timezone(timedelta(hours=1))


def saved(root: Path) -> list[dict]:
    return [tomllib.loads(p.read_text("utf-8")) for p in sorted((root / "entries").rglob("*"))
            if p.suffix == ".toml"]


def add_review(journal: Journal, week: str, day: date, intention: str) -> None:
    note = make_entry("Looking back.", day=day, when=datetime(day.year, day.month, day.day,
                                                              18, tzinfo=TZ),
                      kind="review", week=week)
    journal.save(set_intention(note, intention), touch=False)


def intention_line(app) -> str | None:
    widget = app.screen.query_one("#intention", Static)
    return str(widget.render()) if widget.display else None


# ---------------------------------------------------------------- the intention


async def on_synergy_prompt(pilot):  # type: ignore[no-untyped-def]
    """Today, with ctrl+n pressed until the prompt is on synergy (a polar theme)."""
    screen = pilot.app.screen
    while screen.theme is None or screen.theme.id != "synergy":
        await pilot.press("ctrl+n")
    return screen


async def test_today_shows_the_intention_of_the_week(make_ctx, journal) -> None:
    add_review(journal, "2026-W47", date(2026, 11, 22), "Ask before I decide alone")
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert intention_line(app) == "This week’s intention: Ask before I decide alone"


async def test_an_older_intention_is_not_shown(make_ctx, journal) -> None:
    add_review(journal, "2026-W46", date(2026, 11, 15), "Last week’s experiment, over now")
    app = make_app(make_ctx("fr"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert intention_line(app) is None


@pytest.mark.parametrize(("now", "shown"), [
    (datetime(2027, 1, 2, 9, tzinfo=TZ), True),  # Saturday of 2026-W53
    (datetime(2027, 1, 4, 9, tzinfo=TZ), False),  # Monday of 2027-W01: that week is over
])
async def test_intention_across_the_year_boundary(make_ctx, journal, clock, now: datetime,
                                                  shown: bool) -> None:
    add_review(journal, "2026-W52", date(2026, 12, 27), "Call @Paul first")
    clock.now = now
    app = make_app(make_ctx("fr"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        line = intention_line(app)
        assert (line == "L’intention de la semaine\u00a0: Call @Paul first") is shown
        assert (line is None) is not shown


async def test_intention_text_is_not_markup(make_ctx, journal) -> None:
    add_review(journal, "2026-W47", date(2026, 11, 22), "[bold]be bold[/] \x1b[31m")
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        line = intention_line(app) or ""
        assert "[bold]be bold[/]" in line and "\x1b" not in line


# ---------------------------------------------------------------- the rating


async def test_a_plain_theme_prompt_still_rates_a_polar_theme(make_ctx, journal) -> None:
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = app.screen
        while screen.theme.polar:
            await pilot.press("ctrl+n")
        rating = screen.query_one("#rating", PoleScale)
        assert rating.display and not rating.low  # no theme yet: how to pick one
        assert "pick a theme" in str(rating.render())
        await type_in(pilot, "Met my mentor.")
        rating.focus()
        await pilot.press("right")  # nothing to rate yet
        assert rating.value is None
        await pilot.press("down", "right")
        assert (rating.low, rating.high, rating.label) == ("stubbornness", "determination",
                                                          "Determination")
        assert rating.value == 1
        await pilot.press("ctrl+s")
        await settle(pilot)
        (data,) = saved(journal.root)
        assert data["prompt_id"] == "path-who"
        assert data["checkin"] == {"determination": 1}


async def test_rating_another_theme_keeps_the_prompts_rating(make_ctx, journal) -> None:
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await on_synergy_prompt(pilot)
        await type_in(pilot, "A competitor called.")
        rating = screen.query_one("#rating", PoleScale)
        rating.focus()
        await pilot.press("left")  # synergy −1
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("up")  # determination: the entry has no rating on it
        assert rating.value is None and rating.label == "Determination"
        await pilot.press("right")
        assert screen.has_unsaved()
        await pilot.press("ctrl+s")
        await settle(pilot)
        (data,) = saved(journal.root)
        assert data["checkin"] == {"synergy": -1, "determination": 1}
        await pilot.press("down")  # back to synergy: its rating as saved
        assert rating.value == -1 and rating.label == ""


# ---------------------------------------------------------------- @-completion


def test_mention_index_matches_case_accents_and_aliases() -> None:
    from journal_tui.core.people import Directory, Person

    directory = Directory((Person("Marc Aurèle", ("MarcA",)),))
    index = MentionIndex(["Éloïse", "Marie", "Marc Aurèle"], directory)
    assert index.complete("elo") == "Éloïse"
    assert index.complete("MA") == "Marie"  # most mentioned first
    assert index.complete("marc") == "Marc-Aurèle"  # a mention has no space
    assert index.complete("marca") == "MarcA"
    assert index.complete("Marie") is None  # already whole
    assert index.complete("zed") is None
    hostile = Directory((Person("Zed\x1b[31m", ("[b]Zo[/b]", "Zoltan")),))
    assert MentionIndex([], hostile).complete("z") == "Zoltan"  # only what a mention can be


async def test_at_completion_with_tab(make_ctx, journal) -> None:
    seed(journal)  # mentions @Marie and @Paul
    journal.save(make_entry("With @Éloïse", day=date(2026, 11, 20),
                            when=datetime(2026, 11, 20, 9, tzinfo=TZ)), touch=False)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        body = app.screen.query_one("#body", MentionArea)
        assert body.mentions is not None and len(body.mentions) == 3
        await pilot.press(*"Lunch with @ma")
        assert body.suggestion == "rie"
        await pilot.press("tab")
        assert body.text == "Lunch with @Marie"
        assert app.focused is body
        await pilot.press(*" and @ELO")
        assert body.suggestion == "ïse"
        await pilot.press("right")  # → accepts too
        assert body.text == "Lunch with @Marie and @Éloïse"
        await pilot.press(*" and @zz")
        assert body.suggestion == ""
        await pilot.press("tab")  # nothing offered: Tab moves on
        assert app.focused is not body
        await pilot.press("ctrl+s")
        await settle(pilot)
        (data,) = [d for d in saved(journal.root) if d["date"] == date(2026, 11, 26)]
        assert data["people"] == ["Marie", "Éloïse", "zz"]


async def test_someone_new_is_offered_after_a_save(make_ctx, journal) -> None:
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        body = app.screen.query_one("#body", MentionArea)
        await pilot.press(*"@Zo")
        assert body.suggestion == ""
        await type_in(pilot, "é is new")
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("enter", *"@zo")
        assert body.suggestion == "é"


# ---------------------------------------------------------------- snapshots


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_snapshot_intention_and_completion(snap_compare, make_ctx, journal, lang: str,
                                           size: tuple[int, int]) -> None:
    """The week's intention under the prompt, a name offered after ``@ma``, the rating."""
    from tui_helpers import no_blink

    seed(journal)
    add_review(journal, "2026-W47", date(2026, 11, 22),
               "Ask before I decide" if lang == "en" else "Demander avant de décider")
    app = make_app(make_ctx(lang))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press(*"Lunch with @ma")
        no_blink(app)
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


async def test_a_rating_on_another_theme_survives_a_crash(make_ctx, journal) -> None:
    from journal_tui.tui.widgets.dialogs import ConfirmDialog

    ctx = make_ctx("en")
    app = make_app(ctx, delay=0.05)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await on_synergy_prompt(pilot)
        await type_in(pilot, "Held on.")
        screen.query_one("#rating", PoleScale).focus()
        await pilot.press("up", "left")  # determination −1, not the prompt's synergy
        screen.flush_draft()
        await settle(pilot)
    app = make_app(ctx)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.click("#yes")
        await settle(pilot)
        rating = app.today_screen.query_one("#rating", PoleScale)
        assert (rating.label, rating.value) == ("Determination", -1)
        await pilot.press("ctrl+s")
        await settle(pilot)
        (data,) = saved(journal.root)
        assert data["checkin"] == {"determination": -1}


async def test_ratings_on_two_themes_before_a_save_are_both_kept(make_ctx, journal) -> None:
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        screen = await on_synergy_prompt(pilot)
        await type_in(pilot, "Two themes.")
        rating = screen.query_one("#rating", PoleScale)
        rating.focus()
        await pilot.press("left")  # synergy −1, not saved yet
        await pilot.press("up", "right", "right")  # determination +2
        await pilot.press("down")  # back on synergy: its unsaved −1 is still there
        assert (rating.label, rating.value) == ("", -1)
        await pilot.press("up")
        assert rating.value == 2
        await pilot.press("ctrl+s")
        await settle(pilot)
        (data,) = saved(journal.root)
        assert data["checkin"] == {"synergy": -1, "determination": 2}
        assert not screen.has_unsaved()


def _day_with_two_halves(book, start: date) -> date:  # type: ignore[no-untyped-def]
    """A day whose slot holds two prompts: one before noon, another from noon."""
    from journal_tui.core.prompts import prompt_of_the_day

    for n in range(400):
        day = start + timedelta(days=n)
        if prompt_of_the_day(book, day, hour=7).id != prompt_of_the_day(book, day, hour=20).id:
            return day
    raise AssertionError("the bundled book has no paired slot")


@pytest.mark.parametrize("hour", [7, 20])
async def test_todays_prompt_fits_the_hour(make_ctx, clock, hour: int) -> None:
    """No "what did today hold?" at 7 a.m.: Today asks the prompt of that half of the
    day (the bundled book, whose prompts say ``when``)."""
    from journal_tui.core.prompts import prompt_of_the_day
    from journal_tui.tui.app import JournalApp

    ctx = make_ctx("en")
    day = _day_with_two_halves(ctx.prompts, clock.now.date())
    clock.now = clock.now.replace(year=day.year, month=day.month, day=day.day, hour=hour)
    app = JournalApp(ctx)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        shown = app.today_screen.prompt
        assert shown is not None
        assert shown.id == prompt_of_the_day(ctx.prompts, day, hour=hour).id
        if hour < 12:
            assert shown.when != "evening"


async def test_a_prompt_answered_in_the_morning_is_found_again_in_the_evening(
        make_ctx, journal: Journal, clock) -> None:
    from journal_tui.core.prompts import prompt_of_the_day
    from journal_tui.tui.app import JournalApp

    ctx = make_ctx("en")
    day = _day_with_two_halves(ctx.prompts, clock.now.date())
    morning = prompt_of_the_day(ctx.prompts, day, hour=7)
    tz = clock.now.tzinfo
    journal.add(make_entry("Written at seven.", day=day,
                           when=datetime(day.year, day.month, day.day, 7, 0, tzinfo=tz),
                           prompt_id=morning.id, prompt=morning.text_in("en")))
    clock.now = datetime(day.year, day.month, day.day, 20, 0, tzinfo=tz)
    app = JournalApp(ctx)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.today_screen.prompt is not None
        assert app.today_screen.prompt.id == morning.id
