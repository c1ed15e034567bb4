"""The weekly questions chosen for a week: relevance, rotation over a year, determinism."""

from __future__ import annotations

import itertools
import random
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from journal_tui import cli
from journal_tui.core.model import iso_week, make_entry
from journal_tui.core.prompts import PromptBook, load_prompts, parse_prompts
from journal_tui.core.questions import (
    COOLDOWN,
    PER_QUIET_WEEK,
    PER_WEEK,
    WeekSignal,
    choose_questions,
    load_signals,
    relevance,
    schedule,
    week_signals,
)
from journal_tui.core.review import review_markdown, review_text, weekly_review
from journal_tui.core.storage import Journal
from journal_tui.core.weeks import week_start, weeks_from

TZ = timezone(timedelta(hours=1))
BOOK = load_prompts(None)[0]
YEAR = weeks_from("2026-W40", "2027-W39")  # 53 weeks, across 2026-W53 → 2027-W01


def random_signals(seed: int, weeks: list[str]) -> dict[str, WeekSignal]:
    rng = random.Random(seed)
    polar = [t for t, th in BOOK.themes.items() if th.polar]
    out = {}
    for week in weeks:
        if rng.random() < 0.15:
            continue  # a week without entries
        out[week] = WeekSignal(
            entries=rng.randint(1, 7), people=rng.choice([0, 0, 1, 2, 4]),
            moved={t: rng.random() * rng.choice([0.1, 0.5, 1.5]) for t in rng.sample(polar, 3)},
            share={t: rng.random() for t in rng.sample(list(BOOK.themes), 4)})
    return out


@pytest.mark.parametrize("seed", range(5))
def test_rotation_over_a_year(seed: int) -> None:
    signals = random_signals(seed, YEAR)
    chosen = schedule(BOOK, YEAR, signals)
    ids = [[q.id for q in chosen[w]] for w in YEAR]
    for week, picked in zip(YEAR, ids, strict=True):
        expected = PER_WEEK if week in signals else PER_QUIET_WEEK
        assert len(picked) == len(set(picked)) == expected
        assert len({q.theme for q in chosen[week]}) == expected  # a theme once a week
    for i in range(len(ids)):  # never again within four weeks (the book has plenty)
        recent = {q for window in ids[max(0, i - COOLDOWN + 1):i] for q in window}
        assert not recent & set(ids[i]), (YEAR[i], recent & set(ids[i]))
    asked = {q for picked in ids for q in picked}
    assert asked == {q.id for q in BOOK.weekly}  # over a year every question comes up
    # deterministic, and each week's choice is the chain's, from any caller
    assert schedule(BOOK, YEAR, signals) == chosen
    for week in YEAR[::7]:
        assert choose_questions(BOOK, week, signals, first=YEAR[0]) == chosen[week]


def test_the_theme_that_moved_most_leads() -> None:
    signal = WeekSignal(entries=5, moved={"determination": 1.4, "synergy": 0.3},
                        share={"determination": 0.6, "synergy": 0.2})
    picked = choose_questions(BOOK, "2026-W48", {"2026-W48": signal})
    assert picked[0].theme == "determination"
    assert {q.theme for q in picked} >= {"determination"}
    assert relevance(picked[0], signal) == max(relevance(q, signal) for q in picked)


def test_people_who_came_up_bring_a_people_question() -> None:
    signal = WeekSignal(entries=4, people=3)
    assert any(q.theme == "path" for q in
               choose_questions(BOOK, "2026-W48", {"2026-W48": signal}))
    quiet = WeekSignal(entries=4)
    assert all(relevance(q, quiet) == 0 for q in BOOK.weekly)


def test_a_question_rests_then_comes_back_when_relevant() -> None:
    weeks = weeks_from("2026-W44", "2026-W49")
    moved = WeekSignal(entries=5, moved={"advice": 1.8})
    signals = dict.fromkeys(weeks, moved)
    chosen = schedule(BOOK, weeks, signals)
    advice = [w for w in weeks if any(q.theme == "advice" for q in chosen[w])]
    per_question = {}
    for w in weeks:
        for q in chosen[w]:
            per_question.setdefault(q.id, []).append(weeks.index(w))
    assert all(b - a >= COOLDOWN for seen in per_question.values()
               for a, b in itertools.pairwise(seen))
    assert len(advice) >= 3  # two advice questions take turns while the theme keeps moving


def test_a_small_book_repeats_only_when_nothing_else_remains() -> None:
    text = "version = 1\n" + "".join(
        f'[[weekly]]\nid = "q{i}"\ntext = {{ fr = "q{i}", en = "q{i}" }}\n' for i in range(4))
    small = parse_prompts(text)
    weeks = weeks_from("2026-W01", "2026-W10")
    chosen = schedule(small, weeks, dict.fromkeys(weeks, WeekSignal(entries=1)))
    assert all(len(chosen[w]) == 3 for w in weeks)
    ids = [{q.id for q in chosen[w]} for w in weeks]
    assert all(len(a | b) == 4 for a, b in itertools.pairwise(ids))  # least recent
    empty = parse_prompts("version = 1\n")
    assert schedule(empty, weeks, {}) == dict.fromkeys(weeks, ())


def entry(day: date, body: str, **kw) -> object:
    return make_entry(body, day=day, when=datetime(day.year, day.month, day.day, 9, tzinfo=TZ),
                      **kw)


def test_signals_from_entries() -> None:
    monday = week_start("2026-W48")
    entries = [entry(monday - timedelta(weeks=2), "x", checkin={"determination": -2}),
               entry(monday, "@Ana @ana's and @Bo", checkin={"determination": 2}),
               entry(monday + timedelta(days=1), "a partner to collaborate with",
                     themes={"synergy": "high"})]
    signals = week_signals(entries, BOOK, weeks_from("2026-W44", "2026-W48"))
    assert set(signals) == {"2026-W46", "2026-W48"}  # weeks without entries are quiet
    w48 = signals["2026-W48"]
    assert (w48.entries, w48.people) == (2, 2)
    assert w48.moved["determination"] == pytest.approx(2.0)  # +1 against −1 before
    assert w48.share["synergy"] == pytest.approx(0.5)


def test_a_later_week_never_changes_an_earlier_weeks_questions(journal: Journal) -> None:
    rng = random.Random(7)
    start = date(2026, 9, 7)
    for n in range(0, 120, 2):
        day = start + timedelta(days=n)
        theme = rng.choice(["determination", "synergy", "advice", "openness"])
        journal.save(entry(day, f"day {n} @P{rng.randint(1, 4)}",
                           checkin={theme: rng.choice([-2, 2])}), touch=False)
    week = "2026-W48"
    before = choose_questions(BOOK, week, load_signals(journal, BOOK, week))
    journal.save(entry(date(2026, 12, 20), "later, about synergy", checkin={"synergy": 2}),
                 touch=False)
    journal.refresh()
    assert choose_questions(BOOK, week, load_signals(journal, BOOK, week)) == before
    # the whole chain and the week's own call agree
    signals = load_signals(journal, BOOK, "2026-W51")
    chain = schedule(BOOK, weeks_from(min(signals, key=week_start), "2026-W51"), signals)
    assert chain[week] == before


def test_review_shows_the_chosen_questions_first(journal: Journal, capsys) -> None:
    monday = week_start("2026-W48")
    journal.save(entry(monday, "Held on, stubborn again @Ana", checkin={"determination": -2}),
                 touch=False)
    # four weeks before: its questions (asked then) have rested long enough
    journal.save(entry(monday - timedelta(weeks=4), "Determined", checkin={"determination": 2}),
                 touch=False)
    journal.close()
    assert cli.main(["review", "--week", "2026-W48"]) == 0
    out = capsys.readouterr().out
    assert out.index("Questions for the week") < out.index("Review note") < out.index(
        "More questions")
    chosen = out[out.index("Questions for the week"):out.index("Review note")]
    assert chosen.count("\n  - ") == PER_WEEK
    first = chosen.splitlines()[1]  # the theme that moved most (from +1 to −1) leads
    assert any(first == f"  - {q.text_in('en')}" for q in BOOK.weekly
               if q.theme == "determination")
    assert cli.main(["review", "--week", "2026-W48", "--format", "json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    assert len(data["chosen"]) == PER_WEEK and len(data["questions"]) == len(BOOK.weekly)
    assert data["chosen"][0]["text"] in chosen


def test_renderers_list_every_question_once(book: PromptBook | None = None) -> None:
    r = weekly_review([entry(date(2026, 11, 24), "x")], "2026-W48", BOOK, date(2026, 11, 26))
    assert len(r.chosen) == PER_WEEK and len(r.other_questions) == len(BOOK.weekly) - PER_WEEK
    for out in (review_text(r, "fr"), review_markdown(r, "fr")):
        assert all(out.count(q.text_in("fr")) == 1 for q in BOOK.weekly)
        assert out.index("Questions de la semaine") < out.index("Autres questions")


@pytest.mark.parametrize("chunk", [1, 2, 3, 7])
def test_signals_read_a_span_at_a_time_are_those_of_the_whole(
        journal: Journal, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """``load_signals`` reads the journal ``CHUNK_WEEKS`` at a time (a large
    journal is never held at once): the same signals as from every entry at once,
    the four-week comparisons across the spans' edges included."""
    from journal_tui.core import questions
    from journal_tui.core.index import Query
    from journal_tui.core.themes import scored_entries

    rng = random.Random(11)
    start = date(2026, 6, 3)
    for n in range(0, 170, 3):
        theme = rng.choice(["determination", "synergy", "advice", "openness"])
        journal.save(entry(start + timedelta(days=n + rng.randint(0, 2)),
                           f"day {n} @P{rng.randint(1, 4)}",
                           checkin={theme: rng.choice([-2, -1, 1, 2])}), touch=False)
    week = "2026-W47"
    every = scored_entries(journal, Query(end=week_start(week) + timedelta(days=6),
                                          kind="entry"), BOOK)
    whole = week_signals(every, BOOK, weeks_from(iso_week(min(e.date for e in every)), week))
    monkeypatch.setattr(questions, "CHUNK_WEEKS", chunk)
    held: list[int] = []

    def spy(*args: Any, **kwargs: Any) -> Any:
        found = scored_entries(*args, **kwargs)
        held.append(len(found))
        return found

    monkeypatch.setattr(questions, "scored_entries", spy)
    assert load_signals(journal, BOOK, week) == whole
    assert max(held) < len(every) / 2  # never the whole journal at once
    assert any(s.moved for s in whole.values())  # comparisons were made


@pytest.mark.parametrize("chunk", [2, 5])
def test_progress_counts_the_whole_journal_and_only_while_scoring(
        journal: Journal, monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    """A first review of years of entries scores every one (~2 ms each): the progress
    it reports is of the whole journal, never going back from one span to the next
    (it restarted at 0 for each span), ending at its total; once the scores are kept,
    nothing is reported."""
    from journal_tui.core import questions

    start = date(2026, 6, 3)
    for n in range(0, 120, 2):
        journal.save(entry(start + timedelta(days=n), f"day {n}: je m'entête, obstiné"),
                     touch=False)
    monkeypatch.setattr(questions, "CHUNK_WEEKS", chunk)
    monkeypatch.setattr("journal_tui.core.themes.SCORE_CHUNK", 3, raising=False)
    seen: list[tuple[int, int]] = []
    first = load_signals(journal, BOOK, "2026-W47", progress=lambda d, t: seen.append((d, t)))
    totals = {t for _, t in seen}
    assert len(totals) == 1 and (total := totals.pop()) >= 60
    done = [d for d, _ in seen]
    assert done == sorted(done) and done[-1] == total and len(set(done)) > chunk
    seen.clear()
    assert load_signals(journal, BOOK, "2026-W47", progress=lambda d, t: seen.append((d, t))) \
        == first
    assert seen == []
