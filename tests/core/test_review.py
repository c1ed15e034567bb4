"""The weekly review: computations on hand-built weeks, loading, renderers and the CLI."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_tui import cli
from journal_tui.core.model import Entry, iso_week, make_entry
from journal_tui.core.prompts import PromptBook, load_prompts
from journal_tui.core.review import (
    count_names,
    load_entries,
    note_date,
    review_data,
    review_json,
    review_markdown,
    review_text,
    shift_week,
    week_start,
    weekly_review,
)

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 26)  # Thursday of 2026-W48


@pytest.fixture(scope="module")
def book() -> PromptBook:
    return load_prompts(None)[0]


def entry(day: date, body: str, *, hour: int = 9, minute: int = 0, mood: int | None = None,
          checkin: dict[str, int] | None = None, prompt: str | None = None,
          kind: str = "entry", week: str | None = None, created: datetime | None = None,
          tags: tuple[str, ...] = (), themes: dict[str, str] | None = None) -> Entry:
    when = created or datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)
    return make_entry(body, day=day, when=when, mood=mood, checkin=checkin, prompt=prompt,
                      kind=kind, week=week, tags=tags, themes=themes)


def d(s: str) -> date:
    return date.fromisoformat(s)


def hand_built_week() -> list[Entry]:
    """2026-W48 (Mon 23 – Sun 29 Nov) and the four weeks before it."""
    return [
        # this week
        entry(d("2026-11-23"), "Lunch with @Marie #partner\n\nwe talked", mood=4,
              checkin={"determination": 2, "synergy": 2}, prompt="Who moved you?"),
        entry(d("2026-11-23"), "Second note of Monday @marie", hour=20, mood=2),
        entry(d("2026-11-25"), "Held on too long #Partner #work", mood=3,
              checkin={"determination": -2}, themes={"synergy": "high"}),
        entry(d("2026-11-26"), "# Today\nCall with @Paul and @MARIE #work", hour=7,
              tags=("bilan",)),
        entry(d("2026-11-24"), "A review note for the week", kind="review", week="2026-W48"),
        # before: 2026-W47 … W44, plus a note of another week
        entry(d("2026-11-22"), "Sunday before", mood=1, checkin={"determination": 1}),
        entry(d("2026-11-21"), "Saturday before", mood=2, checkin={"synergy": -2}),
        entry(d("2026-11-10"), "Two weeks before", mood=3, checkin={"determination": -1}),
        entry(d("2026-10-26"), "Four weeks before", mood=4),
        entry(d("2026-10-25"), "Five weeks before: outside", mood=5,
              checkin={"determination": -2}),
        entry(d("2026-11-22"), "Last week's note", kind="review", week="2026-W47"),
    ]


def test_week_arithmetic() -> None:
    assert week_start("2026-W48") == d("2026-11-23")
    assert shift_week("2026-W48", -1) == "2026-W47"
    assert shift_week("2026-W53", 1) == "2027-W01"
    assert shift_week("2027-W01", -1) == "2026-W53"
    assert note_date("2026-W48", TODAY) == TODAY  # the week is not over: today
    assert note_date("2026-W47", TODAY) == d("2026-11-22")  # its Sunday


def test_hand_built_week(book: PromptBook) -> None:
    r = weekly_review(hand_built_week(), "2026-W48", book, TODAY)
    assert (r.week, r.start, r.end) == ("2026-W48", d("2026-11-23"), d("2026-11-29"))
    assert [day.day for day in r.days] == [d("2026-11-23") + timedelta(days=i) for i in range(7)]
    assert [day.entries for day in r.days] == [2, 0, 1, 1, 0, 0, 0]
    assert [day.mood for day in r.days] == [3.0, None, 3.0, None, None, None, None]
    # oldest first, kind "entry" only
    assert [e.title for e in r.entries] == [
        "Lunch with @Marie #partner", "Second note of Monday @marie",
        "Held on too long #Partner #work", "Today"]
    assert r.entries[0].prompt == "Who moved you?"
    assert r.words == sum(e.words for e in r.entries) == 25
    assert r.note is not None and r.note.body == "A review note for the week"
    # 26, 25 have entries, 24 none: the current week's streak ends today
    assert r.streak == 2
    assert r.mood == pytest.approx(3.0)
    assert r.mood_trailing == pytest.approx((1 + 2 + 3 + 4) / 4)
    assert r.mood_weeks == (("2026-W44", 4.0), ("2026-W45", None), ("2026-W46", 3.0),
                            ("2026-W47", 1.5), ("2026-W48", 3.0))
    # names: case-insensitive, first spelling kept, counted once per entry
    assert r.people == {"Marie": 3, "Paul": 1}
    assert r.tags == {"partner": 2, "work": 2, "bilan": 1}
    themes = {t.theme.id: t for t in r.themes}
    assert set(themes) == {t for t, th in book.themes.items() if th.polar}
    det = themes["determination"]
    assert det.week == pytest.approx(0.0)  # (+1 − 1) / 2
    # weekly balances W47 +0.5, W46 −0.5 (W45, W44 without signal); W43 is outside
    assert det.trailing == pytest.approx(0.0)
    syn = themes["synergy"]
    assert syn.week == pytest.approx(1.0) and syn.trailing == pytest.approx(-1.0)
    assert syn.direction == 1 and syn.shift == pytest.approx(2.0)
    assert themes["advice"].week is None and themes["advice"].direction == 0
    assert [q.id for q in r.questions] == [q.id for q in book.weekly]


def test_theme_balance_reads_the_text_too(book: PromptBook) -> None:
    """Balances come from ``core.themes``: check-ins and words in the text both count."""
    entries = [
        entry(d("2026-11-24"), "Je m'acharne sur ce dossier alors que trois personnes m'ont "
                               "dit de passer à autre chose."),
        entry(d("2026-11-10"), "J'ai tenu bon malgré trois refus. Je sais pourquoi je le fais."),
    ]
    det = {t.theme.id: t for t in weekly_review(entries, "2026-W48", book, TODAY).themes}[
        "determination"]
    assert det.week is not None and det.week < 0
    assert det.trailing is not None and det.trailing > 0
    assert det.direction == -1 and det.mentions == 1


def test_empty_week(book: PromptBook) -> None:
    r = weekly_review([], "2026-W40", book, TODAY)
    assert r.entries == () and r.note is None and r.words == 0 and r.streak == 0
    assert [day.entries for day in r.days] == [0] * 7
    assert r.mood is None and r.mood_trailing is None
    assert all(t.week is None and t.trailing is None for t in r.themes)
    assert r.people == {} and r.tags == {}
    data = review_data(r, "en")
    assert data["entries"] == [] and data["note"] is None
    assert data["people"] == {} and data["tags"] == {}
    assert "No entries this week." in review_text(r, "en")
    assert "Aucune entrée cette semaine." in review_markdown(r, "fr")


def test_year_boundary(book: PromptBook) -> None:
    # 2026 has 53 ISO weeks: W53 runs from Monday 28 Dec 2026 to Sunday 3 Jan 2027.
    assert week_start("2026-W53") == d("2026-12-28")
    assert week_start("2027-W01") == d("2027-01-04")
    entries = [
        entry(d("2026-12-27"), "Sunday of W52", mood=1),
        entry(d("2026-12-31"), "New year's eve", mood=3),
        entry(d("2027-01-01"), "New year's day @Ana", mood=5),
        entry(d("2027-01-02"), "Saturday", mood=4),
        entry(d("2027-01-03"), "Sunday of W53"),
        entry(d("2027-01-04"), "Monday of 2027-W01 @ana", mood=2),
    ]
    w53 = weekly_review(entries, "2026-W53", book, d("2027-02-01"))
    assert (w53.start, w53.end) == (d("2026-12-28"), d("2027-01-03"))
    assert [e.title for e in w53.entries] == [
        "New year's eve", "New year's day @Ana", "Saturday", "Sunday of W53"]
    assert [day.entries for day in w53.days] == [0, 0, 0, 1, 1, 1, 1]
    assert w53.streak == 4  # Dec 31 … Jan 3, ending on the week's Sunday
    assert w53.mood == pytest.approx(4.0) and w53.mood_trailing == pytest.approx(1.0)
    w01 = weekly_review(entries, "2027-W01", book, d("2027-01-06"))
    assert [e.title for e in w01.entries] == ["Monday of 2027-W01 @ana"]
    assert w01.people == {"ana": 1}
    assert w01.mood_weeks[-2] == ("2026-W53", 4.0)
    assert [w for w, _ in w01.mood_weeks] == ["2026-W50", "2026-W51", "2026-W52",
                                              "2026-W53", "2027-W01"]
    assert w01.streak == 0  # Tuesday 5 Jan has no entry, Wednesday 6 not yet either
    assert weekly_review(entries, "2027-W01", book, d("2027-01-04")).streak == 5  # Dec 31 … Jan 4


def test_the_date_decides_the_week_not_the_creation_time(book: PromptBook) -> None:
    utc = UTC
    entries = [
        # written at 23:59 on Sunday 29 Nov (local): still W48
        entry(d("2026-11-29"), "late sunday", created=datetime(2026, 11, 29, 23, 59, tzinfo=TZ)),
        # 00:30 local on Monday 30 Nov is 23:30 UTC on Sunday: its date says W49
        entry(d("2026-11-30"), "just after midnight",
              created=datetime(2026, 11, 29, 23, 30, tzinfo=utc)),
        # 00:10 local on Monday 23 Nov, 23:10 UTC on Sunday 22: W48's first day
        entry(d("2026-11-23"), "monday early",
              created=datetime(2026, 11, 22, 23, 10, tzinfo=utc)),
    ]
    w48 = weekly_review(entries, "2026-W48", book, d("2026-12-15"))
    assert [e.title for e in w48.entries] == ["monday early", "late sunday"]
    assert w48.days[0].entries == 1 and w48.days[6].entries == 1
    w49 = weekly_review(entries, "2026-W49", book, d("2026-12-15"))
    assert [e.title for e in w49.entries] == ["just after midnight"]


def test_streak_rules(book: PromptBook) -> None:
    days = [d("2026-11-20") + timedelta(days=i) for i in range(10)]  # Fri 20 … Sun 29
    entries = [entry(day, f"day {day}") for day in days]
    # a past week: counted back from its Sunday, across the week's start
    assert weekly_review(entries, "2026-W48", book, d("2026-12-10")).streak == 10
    # the current week: counted back from today
    assert weekly_review(entries, "2026-W48", book, TODAY).streak == 7
    # … or from yesterday while today is still blank (the streak is still alive)
    blank_today = [e for e in entries if e.date != TODAY]
    assert weekly_review(blank_today, "2026-W48", book, TODAY).streak == 6
    gap = [e for e in blank_today if e.date != TODAY - timedelta(days=1)]
    assert weekly_review(gap, "2026-W48", book, TODAY).streak == 0
    # a week still to come has no streak
    assert weekly_review(entries, "2026-W50", book, TODAY).streak == 0
    # a review note does not keep a streak alive
    notes = [entry(d("2026-11-26"), "note", kind="review", week="2026-W48")]
    assert weekly_review(notes, "2026-W48", book, TODAY).streak == 0


def test_latest_note_of_the_week_wins(book: PromptBook) -> None:
    a = entry(d("2026-11-24"), "first", kind="review", week="2026-W48")
    b = entry(d("2026-11-25"), "second", kind="review", week="2026-W48")
    b.updated = a.updated + timedelta(hours=1)
    other = entry(d("2026-11-26"), "other week's", kind="review", week="2026-W47")
    r = weekly_review([b, a, other], "2026-W48", book, TODAY)
    assert r.note is b and r.entries == ()


def test_count_names_keeps_first_spelling_and_counts_entries() -> None:
    assert count_names([["Marie", "marie"], ["MARIE"], ["Zoé"], ["zoé", "Ana"]]) == {
        "Marie": 2, "Zoé": 2, "Ana": 1}


def test_load_entries_reads_five_weeks_only(journal, book: PromptBook) -> None:
    for e in hand_built_week():
        journal.save(e, touch=False)
    loaded = load_entries(journal, "2026-W48")
    assert min(e.date for e in loaded) == d("2026-10-26")  # W44's Monday
    assert "Five weeks before: outside" not in {e.title for e in loaded}
    r = weekly_review(loaded, "2026-W48", book, TODAY)
    assert len(r.entries) == 4 and r.note is not None and r.streak == 2
    assert r.people == {"Marie": 3, "Paul": 1}
    assert r.mood_trailing == pytest.approx(2.5)


def test_a_long_streak_is_counted_from_the_index_days(journal, book: PromptBook) -> None:
    start = d("2026-08-01")
    for i in range((d("2026-11-29") - start).days + 1):
        journal.save(entry(start + timedelta(days=i), f"day {i}"), touch=False)
    journal.save(entry(d("2026-06-01"), "long before"), touch=False)
    journal.save(entry(d("2026-07-31"), "a note", kind="review", week="2026-W31"),
                 touch=False)  # a review note does not extend the streak
    loaded = load_entries(journal, "2026-W48")
    assert min(e.date for e in loaded) == d("2026-10-26")  # five weeks, not the streak
    written = journal.days_with_entries()
    r = weekly_review(loaded, "2026-W48", book, d("2026-12-10"), written)
    assert r.streak == (d("2026-11-29") - start).days + 1 == 121
    # without the journal's days, the streak is what the entries given show
    assert weekly_review(loaded, "2026-W48", book, d("2026-12-10")).streak == 35


def test_markdown_is_deterministic_and_complete(book: PromptBook) -> None:
    r = weekly_review(hand_built_week(), "2026-W48", book, TODAY)
    md = review_markdown(r, "en")
    assert md == review_markdown(weekly_review(list(reversed(hand_built_week())), "2026-W48",
                                               book, TODAY), "en")
    assert md.startswith("# Week 2026-W48\n")
    assert "we talked" in md  # entries whole
    assert "> Who moved you?" in md
    assert "A review note for the week" in md
    assert "@Marie (3), @Paul (1)" in md
    assert "competition ┄┄┄┄┼┄┄┄● synergy" in md.replace("○", "┄")
    assert "▶ toward synergy" in md
    short = review_markdown(r, "en", full=False)
    assert "we talked" not in short and "Lunch with @Marie #partner" in short
    fr = review_markdown(r, "fr")
    assert "# Semaine 2026-W48" in fr and "compétition" in fr and "▶ vers synergie" in fr
    assert book.weekly[0].text_in("fr") in fr
    # French decimals take a comma; English (and JSON, below) keep the point
    assert "cette semaine 3,0/5 · quatre semaines avant 2,5/5" in fr
    assert "| Humeur | 3,0 | – | 3,0 |" in fr and "semaine +1,00" in fr and "3.0" not in fr
    assert "this week 3.0/5 · four weeks before 2.5/5" in md and "week +1.00" in md


def test_json_contract(book: PromptBook) -> None:
    r = weekly_review(hand_built_week(), "2026-W48", book, TODAY)
    data = json.loads(review_json(r, "en"))
    assert {"week", "entries", "note", "people", "tags"} <= set(data)
    assert data["week"] == "2026-W48"
    assert [e["kind"] for e in data["entries"]] == ["entry"] * 4
    assert set(data["entries"][0]) >= {"schema", "id", "kind", "date", "created", "body"}
    assert data["entries"][0]["date"] == "2026-11-23"
    assert data["note"]["kind"] == "review" and data["note"]["week"] == "2026-W48"
    assert data["people"] == {"Marie": 3, "Paul": 1}
    assert data["tags"] == {"partner": 2, "work": 2, "bilan": 1}
    assert data["streak"] == 2 and data["count"] == 4
    assert data["themes"]["synergy"] == {"balance": 1.0, "trailing": -1.0, "mentions": 2}
    assert data["mood"]["week"] == 3.0 and data["mood"]["trailing"] == 2.5
    assert data["days"][0] == {"date": "2026-11-23", "entries": 2, "mood": 3.0}


# ----------------------------------------------------------------------------- CLI


@pytest.fixture
def filled(journal) -> None:
    for e in hand_built_week():
        journal.save(e, touch=False)
    journal.close()


def test_cli_json(filled, capsys) -> None:
    assert cli.main(["review", "--week", "2026-W48", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert data["week"] == "2026-W48" and len(data["entries"]) == 4
    assert data["note"]["body"] == "A review note for the week"
    assert data["people"] == {"Marie": 3, "Paul": 1}
    assert err == ""


def test_cli_markdown_and_text(filled, capsys) -> None:
    assert cli.main(["review", "--week", "2026-W48", "--format", "markdown", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Semaine 2026-W48\n") and "## Note de bilan" in out
    assert "we talked" in out
    assert cli.main(["review", "--week", "2026-W48"]) == 0  # piped: plain text
    out = capsys.readouterr().out
    assert out.startswith("Week 2026-W48\n")
    assert "\x1b[" not in out
    assert "Thu 26  Today" in out and "4 entries · 25 words · streak: 2 days" in out


def test_cli_text_on_a_terminal_is_rich(filled, capsys, monkeypatch) -> None:
    from journal_tui.commands import review as command

    monkeypatch.setattr(command, "is_terminal", lambda: True)
    assert cli.main(["review", "--week", "2026-W48", "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "Semaine 2026-W48" in out and "# Semaine" not in out  # rendered, not raw
    assert "4 entrées · 25 mots · série\u00a0: 2 jours" in out
    assert "Lunch with @Marie #partner" in out and "we talked" not in out


def test_cli_default_week_is_the_current_one(filled, capsys, monkeypatch) -> None:
    from journal_tui.core import context

    real = context.open_context
    monkeypatch.setattr(context, "open_context", lambda **kw: real(
        **kw, clock=lambda: datetime(2026, 11, 26, 8, 12, 3, tzinfo=TZ)))
    assert cli.main(["review", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["week"] == iso_week(TODAY) == "2026-W48"


@pytest.mark.parametrize("bad", ["2026-W99", "2025-W53", "2026-W00", "2026-48", "W48"])
def test_cli_bad_week_is_one_line(bad, capsys) -> None:
    assert cli.main(["review", "--week", bad]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and bad in err
    assert "Traceback" not in err


def test_cli_warns_about_unreadable_files(filled, tmp_path, capsys) -> None:
    bad = tmp_path / "journal" / "entries" / "2026" / "11" / "20261124-090000-dead.toml"
    bad.write_text("not = [toml", "utf-8")
    assert cli.main(["review", "--week", "2026-W48", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["week"] == "2026-W48"
    assert "20261124-090000-dead.toml" in err


@given(st.sets(st.integers(0, 40), max_size=40), st.integers(0, 45))
def test_a_streak_counts_the_days_in_a_row_back_from_its_end(offsets: set[int],
                                                             back: int) -> None:
    from journal_tui.core.weeks import Days, days_in_a_row

    start = d("2026-01-01")
    days = {start + timedelta(days=o) for o in offsets}
    end = start + timedelta(days=back)
    n = 0
    while end - timedelta(days=n) in days:
        n += 1
    assert days_in_a_row(days, end) == n
    assert days_in_a_row(Days(days), end) == n  # the ordered days' binary search
