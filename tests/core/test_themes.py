"""Aggregation per ISO week and month, on hand-computed weeks (gaps, a year boundary)."""

from __future__ import annotations

import copy
from datetime import date, datetime, timedelta, timezone

import pytest

from journal_tui.core.model import Entry, make_entry
from journal_tui.core.prompts import PromptBook, load_prompts
from journal_tui.core.themes import (
    Summary,
    arrow,
    entries_behind,
    last_weeks,
    monthly_series,
    months_between,
    period_bounds,
    score_entry,
    series,
    shift,
    summary,
    trend,
    week_balance,
    weekly_series,
    weeks_between,
)

TZ = timezone(timedelta(hours=1))


@pytest.fixture(scope="module")
def book() -> PromptBook:
    return load_prompts(None)[0]


def entry(day: date, body: str, **kw: object) -> Entry:
    when = datetime(day.year, day.month, day.day, 9, 0, tzinfo=TZ)
    return make_entry(body, day=day, when=when, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def year_end() -> list[Entry]:
    """Values set by the person's word ([themes]) and check-ins, so they do not hang on
    what the text detector makes of a sentence (tested in test_themes_detect.py)."""
    return [
        # 2026-W52: the word "low" (−1) and a check-in +1 -> balance 0.0 over two signals
        entry(date(2026, 12, 22), "Une journée ordinaire.", checkin={"determination": 2},
              themes={"determination": "low"}),
        entry(date(2026, 12, 24), "Admin day."),
        # 2026-W53 (28 Dec - 3 Jan): no entry at all -> a gap
        # 2027-W01: the word "high" (+1) and a check-in 0 -> 0.5
        entry(date(2027, 1, 5), "Rien de spécial.", checkin={"determination": 0},
              themes={"determination": "high"}),
        # answering a determination prompt is not a mention by itself
        entry(date(2027, 1, 7), "Rien à dire.", prompt_id="determination-why"),
        # 2027-W02: one entry, nothing about the theme -> 0 mentions, no balance
        entry(date(2027, 1, 12), "Admin day."),
        # a review note is not counted
        entry(date(2027, 1, 10), "Rien.", kind="review", week="2027-W01",
              themes={"determination": "low"}),
    ]


def test_periods() -> None:
    assert weeks_between(date(2026, 12, 31), date(2027, 1, 4)) == ["2026-W53", "2027-W01"]
    assert weeks_between(date(2027, 1, 4), date(2026, 12, 31)) == ["2026-W53", "2027-W01"]
    weeks = last_weeks(date(2026, 11, 26), 12)
    assert len(weeks) == 12 and weeks[0] == "2026-W37" and weeks[-1] == "2026-W48"
    assert months_between(date(2026, 11, 30), date(2027, 2, 1)) == [
        "2026-11", "2026-12", "2027-01", "2027-02"]
    assert period_bounds("2026-W53") == (date(2026, 12, 28), date(2027, 1, 3))
    assert period_bounds("2028-02") == (date(2028, 2, 1), date(2028, 2, 29))
    assert shift("2026-W52", 2) == "2027-W01"
    assert shift("2027-01", -1) == "2026-12"
    with pytest.raises(ValueError):
        period_bounds("2026/11")


def test_weekly_series_by_hand(year_end: list[Entry], book: PromptBook) -> None:
    weeks = ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    s = weekly_series(year_end, book, weeks)
    assert s.periods == tuple(weeks)
    assert s.entries == (2, 0, 2, 1)
    det = s.themes["determination"]
    assert det.mentions == (1, None, 1, 0)
    assert det.balance == (0.0, None, 0.5, None)
    assert det.signals == (2, 0, 2, 0)
    # trailing four weeks, signal-weighted: W52 alone, then (0 + 1.0) / 4
    assert det.average == (0.0, 0.0, 0.25, 0.25)
    # a theme nobody touched: zeros where there are entries, gaps elsewhere
    assert s.themes["synergy"].mentions == (0, None, 0, 0)
    assert s.themes["synergy"].balance == (None, None, None, None)
    assert s.to_json(["determination"]) == {
        "weeks": weeks,
        "themes": {"determination": {"mentions": [1, 0, 1, 0],  # JSON: a count, 0 in a gap
                                     "balance": [0.0, None, 0.5, None]}},
    }
    assert set(s.to_json()["themes"]) == set(book.themes)


def test_the_persons_part_is_told_from_the_texts(book: PromptBook) -> None:
    """``own`` is what check-ins and the person's word add to a week's balance (the
    rest is inferred from the text); ``confirmed`` counts the mentions they made."""
    text_only = "Je m'entête sur ce dossier alors que tout le monde me dit d'arrêter."
    assert score_entry(entry(date(2026, 11, 23), text_only), book)["determination"].text < 0
    es = [
        # W48: the word "high" (+1) and a check-in −1 (−0.5): all the person's
        entry(date(2026, 11, 23), "Rien.", checkin={"determination": -1},
              themes={"determination": "high"}),
        # W49: the text alone (stubbornness), then the check-in +2 beside the text
        entry(date(2026, 11, 30), text_only),
        entry(date(2026, 12, 2), text_only, checkin={"determination": 2}),
        # W50: the word "none" takes the entry out; "yes" on a plain theme is a mention
        entry(date(2026, 12, 7), text_only, themes={"determination": "none", "path": "yes"}),
    ]
    s = weekly_series(es, book, ["2026-W48", "2026-W49", "2026-W50"])
    det, path = s.themes["determination"], s.themes["path"]
    assert det.own[0] == pytest.approx(det.balance[0]) == pytest.approx(0.25)
    assert det.confirmed[:2] == (1, 1) and det.mentions[:2] == (1, 2)
    text = score_entry(es[1], book)["determination"].text
    assert det.balance[1] == pytest.approx((text + 1.0 + text) / 3)
    assert det.own[1] == pytest.approx(1.0 / 3)  # the rest, 2 × text / 3, is inferred
    assert det.own[2] is None and det.mentions[2] == 0 and det.confirmed[2] == 0
    assert path.confirmed[2] == 1 == path.mentions[2]


def test_average_looks_before_the_range(year_end: list[Entry], book: PromptBook) -> None:
    s = weekly_series(year_end, book, ["2027-W01"])
    assert s.themes["determination"].average == (0.25,)


def test_monthly_series(year_end: list[Entry], book: PromptBook) -> None:
    s = monthly_series(year_end, book, ["2026-11", "2026-12", "2027-01"])
    det = s.themes["determination"]
    assert s.entries == (0, 2, 3)
    assert det.mentions == (None, 1, 1)
    assert det.balance == (None, 0.0, 0.5)


def test_plain_theme_has_mentions_only(book: PromptBook) -> None:
    es = [entry(date(2026, 11, 24), "Coffee with Tom.", checkin={"path": 2},
                themes={"path": "yes"})]
    s = weekly_series(es, book, ["2026-W48"])
    assert s.themes["path"].mentions == (1,)
    assert s.themes["path"].balance == (None,)


def test_week_balance_and_entries_behind(year_end: list[Entry], book: PromptBook) -> None:
    wb = week_balance(year_end, book, "2027-W01")
    assert set(wb) == {"determination"}
    assert wb["determination"].mentions == 1
    assert wb["determination"].balance == 0.5
    behind = entries_behind(year_end, book, "determination", "2027-W01")
    assert [e.date for e in behind] == [date(2027, 1, 5)]
    assert entries_behind(year_end, book, "determination", "2026-12") == [year_end[0]]
    assert week_balance(year_end, book, "2026-W53") == {}


def test_summary_and_trend(year_end: list[Entry], book: PromptBook) -> None:
    s = weekly_series(year_end, book, ["2026-W52", "2026-W53", "2027-W01", "2027-W02"])
    sm = summary(s, "determination")
    assert sm == Summary(mentions=2, entries=5, balance=0.25, signals=4)
    prev = Summary(mentions=1, entries=4, balance=-0.5, signals=2)
    assert trend(sm, prev, polar=True) == pytest.approx(0.75)
    assert arrow(trend(sm, prev, polar=True)) == "↗"
    assert trend(sm, Summary(1, 1, 0.2, 1), polar=True) == 0.0
    assert arrow(0.0) == "→"
    assert trend(sm, Summary(0, 0, None, 0), polar=True) is None
    assert arrow(None) == " "
    # plain theme: share of entries, 2/5 against 1/4
    assert trend(sm, prev, polar=False) == pytest.approx(0.15)


def test_entries_outside_the_range_are_ignored(book: PromptBook) -> None:
    es = [entry(date(2026, 1, 5), "I was stubborn.", themes={"determination": "low"})]
    s = weekly_series(es, book, ["2026-W48"])
    assert s.entries == (0,)
    assert s.themes["determination"].mentions == (None,)


def test_empty_periods(book: PromptBook) -> None:
    s = weekly_series([], book, [])
    assert s.periods == () and s.to_json()["weeks"] == []


# ------------------------------------------------------- scores kept in the index


def count_scoring(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    from journal_tui.core.detect import Detector

    scored: list[str] = []
    real = Detector._score

    def counting(self: Detector, entry: Entry):  # type: ignore[no-untyped-def]
        scored.append(entry.id)
        return real(self, entry)

    monkeypatch.setattr(Detector, "_score", counting)
    return scored


def test_signals_survive_their_text_form(book: PromptBook) -> None:
    from journal_tui.core.demo import demo_entries
    from journal_tui.core.detect import signals_from_json, signals_json

    for e in demo_entries(date(2026, 11, 26)):
        signals = score_entry(e, book)
        assert signals_from_json(signals_json(signals)) == signals


def test_scores_are_kept_in_the_index_between_runs(tmp_path, book: PromptBook,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A new run (new Journal object, new prompt book object) reads the scores back;
    a changed file, or other keywords, are scored again."""
    from dataclasses import replace

    from journal_tui.core.demo import demo_entries
    from journal_tui.core.index import Query
    from journal_tui.core.storage import Journal
    from journal_tui.core.themes import scored_entries

    entries = demo_entries(date(2026, 11, 26))
    journal = Journal(tmp_path / "j", cache_dir=tmp_path / "cache")
    for e in entries:
        journal.save(e, touch=False)
    weeks = last_weeks(date(2026, 11, 26), 10)
    scored = count_scoring(monkeypatch)
    first = scored_entries(journal, Query(kind="entry"), copy.copy(book))  # nothing in memory
    plain = [e for e in entries if e.kind == "entry"]
    assert len(scored) == len(first) == len(plain)
    expected = series(first, book, weeks)

    scored.clear()
    again_book = copy.copy(book)  # as a new process loads it: equal, not the same object
    journal = Journal(tmp_path / "j", cache_dir=tmp_path / "cache")
    second = scored_entries(journal, Query(kind="entry"), again_book)
    assert scored == []
    assert series(second, again_book, weeks) == expected

    changed = replace(second[0], body=second[0].body + " I dug my heels in, as usual.")
    journal.save(changed)
    scored_entries(journal, Query(kind="entry"), copy.copy(book))
    assert scored == [changed.id]

    scored.clear()
    theme = book.themes["determination"]
    keywords = {**theme.keywords, "en": {**theme.keywords["en"], "low": ("mulish",)}}
    other = replace(book, themes={**book.themes,
                                  "determination": replace(theme, keywords=keywords)})
    scored_entries(journal, Query(kind="entry"), other)
    assert len(scored) == len(plain)  # other keywords: every entry scored again


def test_scoring_reports_progress_and_stores_as_it_goes(tmp_path, book: PromptBook,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal_tui.core import themes
    from journal_tui.core.index import Query
    from journal_tui.core.storage import Journal

    monkeypatch.setattr(themes, "STORE_EVERY", 4)
    monkeypatch.setattr(themes, "SCORE_CHUNK", 2)  # stores gather chunks
    journal = Journal(tmp_path / "j", cache_dir=tmp_path / "cache")
    for i in range(10):
        journal.save(entry(date(2026, 11, 1 + i), f"Jour {i}."), touch=False)
    stored: list[int] = []
    real = journal.store_scores
    monkeypatch.setattr(journal, "store_scores",
                        lambda digest, batch: (stored.append(len(batch)), real(digest, batch)))
    calls: list[tuple[int, int]] = []
    got = themes.scored_entries(journal, Query(), book, progress=lambda d, t: calls.append((d, t)))
    assert len(got) == 10 and stored == [4, 4, 2]
    assert calls == [(0, 10), (2, 10), (4, 10), (6, 10), (8, 10), (10, 10)]
    calls.clear()
    themes.scored_entries(journal, Query(), load_prompts(None)[0], progress=lambda d, t:
                          calls.append((d, t)))
    assert calls == []  # all kept: nothing to score, no progress to show


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_many_entries_are_scored_in_worker_processes_exactly_as_here(
        tmp_path, book: PromptBook, monkeypatch: pytest.MonkeyPatch, method: str) -> None:
    """The CLI forks its workers, the TUI (threads) spawns them: both give the bytes
    one process gives, keep them in the index, and leave the signals ready here."""
    import multiprocessing

    from journal_tui.core import slices, themes
    from journal_tui.core.detect import Detector
    from journal_tui.core.index import Query
    from journal_tui.core.storage import Journal

    bodies = ["Je m'entête sur ce dossier alors que tout le monde me dit de lâcher.",
              "I said yes to every request just to keep everyone happy.",
              "Café avec Léa, on a monté l'atelier ensemble : quelle énergie !",
              "Rien de spécial, il pleut."]

    def made() -> list[Entry]:
        return [entry(date(2026, 10, 1) + timedelta(days=i), bodies[i % 4] + f" Jour {i}.")
                for i in range(12)]

    def stored(name: str) -> dict[date, str]:
        journal = Journal(tmp_path / name, cache_dir=tmp_path / f"cache-{name}")
        for e in made():
            journal.save(e, touch=False)
        got = themes.scored_entries(journal, Query(), copy.copy(book))
        digest = themes.detector_for(book).digest
        rows = {e.date: text for _, e, text in journal.query_scores(Query(), digest)}
        assert all(rows.values()) and len(got) == 12
        return rows

    here = stored("here")
    monkeypatch.setattr(themes, "SCORE_POOL_MIN", 4)
    monkeypatch.setattr(themes, "SCORE_PER_WORKER", 2)
    monkeypatch.setattr(slices, "cpus", lambda: 2)
    monkeypatch.setattr(slices, "_context", lambda: multiprocessing.get_context(method))
    calls: list[int] = []
    real = Detector._score  # the reading itself (score() is memoised)
    monkeypatch.setattr(Detector, "_score", lambda self, e: (calls.append(1), real(self, e))[1])
    journal = Journal(tmp_path / "pooled", cache_dir=tmp_path / "cache-pooled")
    for e in made():
        journal.save(e, touch=False)
    pooled_book = copy.copy(book)
    progress: list[tuple[int, int]] = []
    got = themes.scored_entries(journal, Query(), pooled_book,
                                progress=lambda d, t: progress.append((d, t)))
    assert calls == []  # none scored in this process
    digest = themes.detector_for(pooled_book).digest
    assert {e.date: t for _, e, t in journal.query_scores(Query(), digest)} == here
    assert progress[0] == (0, 12) and progress[-1] == (12, 12)
    weeks = weeks_between(date(2026, 10, 1), date(2026, 10, 12))
    drawn = series(got, pooled_book, weeks)
    assert calls == []  # the workers' signals were kept here: series scored nothing
    assert drawn == series(made(), copy.copy(book), weeks)


def test_an_exception_from_progress_stops_the_workers(tmp_path, book: PromptBook,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The Themes screen stops a pass this way when its load is cancelled (another
    range, or the app quits): the workers must not go on scoring."""
    import multiprocessing

    from journal_tui.core import slices, themes
    from journal_tui.core.index import Query
    from journal_tui.core.storage import Journal

    monkeypatch.setattr(themes, "SCORE_POOL_MIN", 4)
    monkeypatch.setattr(themes, "SCORE_PER_WORKER", 2)
    monkeypatch.setattr(themes, "SCORE_CHUNK", 2)
    monkeypatch.setattr(slices, "cpus", lambda: 2)
    monkeypatch.setattr(slices, "_context", lambda: multiprocessing.get_context("fork"))
    journal = Journal(tmp_path / "j", cache_dir=tmp_path / "cache")
    for i in range(40):
        journal.save(entry(date(2026, 9, 1) + timedelta(days=i), f"Je tiens bon, jour {i}."),
                     touch=False)

    class Stop(Exception):
        pass

    def progress(done: int, total: int) -> None:
        if done:
            raise Stop

    with pytest.raises(Stop):
        themes.scored_entries(journal, Query(), book, progress=progress)
    assert multiprocessing.active_children() == []
