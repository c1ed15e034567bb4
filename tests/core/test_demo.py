"""The demo journal: deterministic, plausible, complete, and never the user's journal."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal_tui.core.demo import demo_context, demo_entries, populate
from journal_tui.core.model import ID_RE, iso_week, to_dict
from journal_tui.core.prompts import load_prompts

TODAY = date(2026, 11, 26)


@pytest.fixture(scope="module")
def entries():
    return demo_entries(TODAY)


@pytest.fixture(scope="module")
def book():
    return load_prompts(None)[0]


def test_same_arguments_same_entries(entries):
    again = demo_entries(TODAY)
    assert [to_dict(e) for e in again] == [to_dict(e) for e in entries]


def test_another_seed_gives_another_journal(entries):
    assert [e.id for e in demo_entries(TODAY, seed=8)] != [e.id for e in entries]


@pytest.mark.parametrize("today", [date(2026, 11, 29), date(2026, 11, 30), date(2025, 1, 1)])
def test_plausible_counts_on_any_day(today):
    found = demo_entries(today)
    kinds = Counter(e.kind for e in found)
    assert 45 <= kinds["entry"] <= 80
    assert 7 <= kinds["review"] <= 10


def test_count_and_rhythm(entries):
    days = [e.date for e in entries if e.kind == "entry"]
    per_day = Counter(days)
    start = TODAY - timedelta(days=69)
    all_days = [start + timedelta(days=n) for n in range(70)]
    empty = [d for d in all_days if d not in per_day]
    assert 45 <= len(days) <= 80
    assert any(n == 2 for n in per_day.values())  # a few days with two entries
    assert max(per_day.values()) <= 2
    assert 5 <= len(empty) <= 25  # gaps exist, most days have an entry
    assert TODAY in per_day


def _prompt_languages(entries, book) -> Counter[str]:
    langs: Counter[str] = Counter()
    for e in entries:
        if e.prompt_id:
            prompt = book.prompt(e.prompt_id)
            assert prompt is not None, e.prompt_id
            lang = "fr" if e.prompt == prompt.text_in("fr") else "en"
            assert e.prompt == prompt.text_in(lang)
            langs[lang] += 1
    return langs


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_mostly_in_the_persons_language_with_some_of_the_other(book, lang):
    entries = demo_entries(TODAY, lang=lang)
    langs = _prompt_languages(entries, book)
    reviews = Counter("fr" if "Revue" in e.body else "en" for e in entries if e.kind == "review")
    assert set(reviews) == {"fr", "en"} and reviews[lang] > sum(reviews.values()) / 2
    share = langs[lang] / (langs["fr"] + langs["en"])
    assert 0.7 <= share <= 0.9


@pytest.mark.parametrize("now", [
    datetime(2026, 11, 26, 8, 12, 3, tzinfo=timezone(timedelta(hours=1))),
    datetime(2026, 11, 29, 0, 5, tzinfo=timezone(timedelta(hours=14))),  # a Sunday
    datetime(2028, 2, 29, 23, 59, 40, tzinfo=timezone(timedelta(hours=14))),
    datetime(2026, 11, 30, 6, 0, tzinfo=timezone(timedelta(hours=-10))),
])
def test_no_entry_in_the_future_of_the_clock(now):
    entries = demo_entries(now.date(), now=now)
    assert all(e.created <= now and e.updated <= now for e in entries)
    assert all(e.created.date() == e.date for e in entries)
    assert all(e.created.utcoffset() == now.utcoffset() for e in entries)
    assert now.date() in {e.date for e in entries}  # today still has its entry


def test_every_theme_present(entries, book):
    seen = {t for e in entries for t in e.checkin}
    seen |= {book.prompt(e.prompt_id).theme for e in entries if e.prompt_id}
    assert set(book.themes) <= seen


def test_both_poles_of_every_polar_theme(entries, book):
    for tid, theme in book.themes.items():
        if theme.polar:
            values = [e.checkin[tid] for e in entries if tid in e.checkin]
            assert min(values) < 0 < max(values), tid


def test_checkins_moods_and_evolution(entries):
    plain = [e for e in entries if e.kind == "entry"]
    assert sum(1 for e in plain if e.checkin) > len(plain) / 2
    assert sum(1 for e in plain if e.mood is not None) > len(plain) * 0.7
    assert all(-2 <= v <= 2 for e in entries for v in e.checkin.values())
    assert all(e.mood is None or 1 <= e.mood <= 5 for e in entries)
    half = TODAY - timedelta(days=35)

    def mean(values):
        return sum(values) / len(values)

    early = [v for e in entries if e.date < half for v in e.checkin.values()]
    late = [v for e in entries if e.date >= half for v in e.checkin.values()]
    assert mean(early) < 0 < mean(late)
    early_mood = [e.mood for e in plain if e.date < half and e.mood]
    late_mood = [e.mood for e in plain if e.date >= half and e.mood]
    assert mean(early_mood) < mean(late_mood)


def test_ids_valid_unique_and_dates_in_range(entries):
    ids = [e.id for e in entries]
    assert len(set(ids)) == len(ids)
    start = TODAY - timedelta(days=69)
    for e in entries:
        m = ID_RE.match(e.id)
        assert m and m.group(1) == f"{e.date:%Y%m%d}", e.id
        assert start <= e.date <= TODAY
        assert e.created.date() == e.date
        assert e.created.utcoffset() == timedelta(hours=1)
        assert 6 <= e.created.hour < 12
        assert e.updated >= e.created


def test_bodies_have_people_tags_and_markdown(entries):
    people = Counter(p for e in entries for p in e.people)
    assert {"Marie", "Karim", "Sophie", "Lucas", "Nadia", "Tom"} <= set(people)
    assert sum(1 for e in entries if e.tags) > len(entries) / 2
    assert any("**" in e.body for e in entries)
    assert any("\n- " in e.body for e in entries if e.kind == "entry")
    assert len({e.body for e in entries}) == len(entries)
    assert all("{p}" not in e.body for e in entries)


def test_weekly_reviews_on_sundays(entries):
    reviews = [e for e in entries if e.kind == "review"]
    sundays = {TODAY - timedelta(days=TODAY.weekday() + 1 + 7 * n) for n in range(10)}
    assert len(reviews) >= 7
    for r in reviews:
        assert r.date.weekday() == 6
        assert r.week == iso_week(r.date)
        assert r.date in sundays


def test_populate_writes_readable_files(journal, entries):
    assert populate(journal, TODAY) == len(entries)
    scan = journal.scan()
    assert scan.problems == []
    assert sorted(e.id for e in scan.entries) == sorted(e.id for e in entries)
    stored = journal.get(entries[-1].id)
    assert to_dict(stored) == to_dict(entries[-1])


def test_demo_context_uses_a_temporary_folder(isolated_env: Path):
    before = set(os.listdir(isolated_env.parent))
    ctx = demo_context("fr", today=TODAY)
    try:
        root = ctx.journal.root.resolve()
        assert ctx.lang == "fr"
        assert ctx.config.language == "fr"
        assert root.parent.name.startswith("journal-tui-demo-")
        assert isolated_env.resolve() not in (root, *root.parents)
        assert root not in (isolated_env.resolve(), *isolated_env.resolve().parents)
        assert not isolated_env.exists()
        assert set(os.listdir(isolated_env.parent)) == before  # nor config nor cache
        assert ctx.journal.scan().problems == []
        assert len(ctx.journal.query()) == len(demo_entries(TODAY))
        assert ctx.prompts.themes  # the bundled prompts
    finally:
        ctx.journal.close()
        _remove(root.parent)


def test_demo_context_language_from_locale(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("LANG", "fr_BE.UTF-8")
    ctx = demo_context(today=TODAY)
    try:
        assert ctx.lang == "fr"
    finally:
        ctx.journal.close()
        _remove(ctx.journal.root.parent)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def test_themes_view_shows_the_evolution(entries, book):
    """What the Themes screen shows: balances (check-ins and text) low first, high later."""
    from journal_tui.core import themes

    series = themes.weekly_series(entries, book, themes.last_weeks(TODAY, 10))
    polar = [tid for tid, t in book.themes.items() if t.polar]
    first = [b for tid in polar for b in series.themes[tid].balance[:4] if b is not None]
    last = [b for tid in polar for b in series.themes[tid].balance[-4:] if b is not None]
    assert sum(first) / len(first) < -0.3
    assert sum(last) / len(last) > 0.3
