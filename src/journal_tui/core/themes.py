"""Themes over time: per-entry signals (``core.detect``) aggregated per ISO week or month.

Pure: no Textual, no I/O, no clock (``today`` is always passed in).

API (used by the ``themes`` command, the Themes screen and the weekly review)
    ``score_entry(entry, book) -> dict[theme_id, Signal]``
        The themes one entry touches (absent = not touched); see ``core.detect``
        for how check-ins and text combine. Memoised per (entry id, updated).
    ``weekly_series(entries, book, weeks) -> ThemeSeries``
    ``monthly_series(entries, book, months) -> ThemeSeries``
        One point per period for every theme of ``book``: ``mentions`` (entries of the
        period touching the theme; None for a period without any entry: a gap, not a
        zero), ``balance`` (mean of the period's signals, check-ins scaled to ±1 and
        text signals, −1 all low pole … +1 all high pole; None without a signal and
        always for plain themes), ``signals`` (how many values the balance averages)
        and ``average`` (trailing four-period balance, signal-weighted, looking back
        before the first period too). ``own`` and ``confirmed`` tell the person's part
        from the inferred one: ``own`` is what their check-ins and word add to the
        balance (the rest, ``balance - own``, is read from the text), ``confirmed``
        the mentions they made themselves (a check-in, or a word other than "none").
        ``ThemeSeries.to_json()`` is the JSON of the ``themes`` command.
    ``week_balance(entries, book, week) -> dict[theme_id, Point]``
        One week at a glance (mentions, balance, signals) for the weekly review.
    ``entries_behind(entries, book, theme_id, period) -> list[Entry]``
        The entries of a week ("2026-W48") or month ("2026-11") that touch a theme.
    ``summary(series, theme_id) -> Summary`` and ``trend(current, previous, polar)``
        A range in one figure, and the change since the previous range (``arrow``
        turns it into ↗ ↘ →).
    ``spark(mentions)``, ``balance_mark(balance)``
        One character per period, for plain-text charts (the CLI).
    Periods: ``week_of(day)``, ``month_of(day)``, ``weeks_between(start, end)`` (every
    ISO week touching the range), ``months_between``, ``last_weeks(today, n)``,
    ``period_bounds(period)``, ``shift(period, n)``.

Only entries of kind "entry" count; weekly review notes (kind "review") are left
out so a week is not counted twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import date, timedelta
from math import ceil
from typing import TYPE_CHECKING, Any

from journal_tui.core.detect import (
    Detector,
    Signal,
    detector_for,
    score_entry,
    signals_from_json,
    signals_json,
)
from journal_tui.core.model import Entry, iso_week
from journal_tui.core.slices import Send, in_workers, workers_for

if TYPE_CHECKING:
    from journal_tui.core.index import Query
    from journal_tui.core.prompts import PromptBook
    from journal_tui.core.storage import Journal

__all__ = [
    "Point",
    "Signal",
    "Summary",
    "ThemeLine",
    "ThemeSeries",
    "arrow",
    "balance_mark",
    "entries_behind",
    "last_weeks",
    "month_of",
    "monthly_series",
    "months_between",
    "period_bounds",
    "score_entry",
    "scored_entries",
    "series",
    "shift",
    "spark",
    "summary",
    "trend",
    "week_balance",
    "week_of",
    "weekly_series",
    "weeks_between",
]

AVERAGE_SPAN = 4
STORE_EVERY = 500  # entries scored between two writes of their scores to the index
SCORE_CHUNK = 100  # entries per progress step (and per message from a worker)
SCORE_POOL_MIN = 1000  # entries to score before worker processes pay (~2 s of scoring)
SCORE_PER_WORKER = 500
_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")

# --------------------------------------------------------------------------- periods


def week_of(day: date) -> str:
    return iso_week(day)


def month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a week ("2026-W48") or a month ("2026-11")."""
    m = _WEEK_RE.match(period)
    if m:
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return monday, monday + timedelta(days=6)
    m = _MONTH_RE.match(period)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        first = date(year, month, 1)
        nxt = date(year + month // 12, month % 12 + 1, 1)
        return first, nxt - timedelta(days=1)
    raise ValueError(f"not a week or month: {period!r}")


def shift(period: str, n: int) -> str:
    """The period ``n`` weeks or months after (or before, n < 0) ``period``."""
    if _WEEK_RE.match(period):
        return week_of(period_bounds(period)[0] + timedelta(weeks=n))
    first, _ = period_bounds(period)
    index = first.year * 12 + first.month - 1 + n
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def weeks_between(start: date, end: date) -> list[str]:
    """Every ISO week touching ``start``…``end`` (inclusive), oldest first."""
    if end < start:
        start, end = end, start
    monday = start - timedelta(days=start.weekday())
    weeks = []
    while monday <= end:
        weeks.append(week_of(monday))
        monday += timedelta(weeks=1)
    return weeks


def months_between(start: date, end: date) -> list[str]:
    if end < start:
        start, end = end, start
    first, last = month_of(start), month_of(end)
    months = [first]
    while months[-1] != last:
        months.append(shift(months[-1], 1))
    return months


def last_weeks(today: date, n: int) -> list[str]:
    """The ``n`` weeks ending with the week of ``today``."""
    return weeks_between(today - timedelta(weeks=n - 1), today)


def period_of(day: date, period: str) -> str:
    """``day``'s period of the same kind as ``period`` (week or month)."""
    return week_of(day) if _WEEK_RE.match(period) else month_of(day)


# --------------------------------------------------------------------------- values


@dataclass(frozen=True, slots=True)
class ThemeLine:
    """One theme over the periods of a ``ThemeSeries`` (lists aligned with them)."""

    mentions: tuple[int | None, ...]
    balance: tuple[float | None, ...]
    signals: tuple[int, ...]
    average: tuple[float | None, ...]
    own: tuple[float | None, ...] = ()
    """The person's part of ``balance`` (check-ins and their word; None where the
    balance is None): the screens draw it apart from what the text suggests."""
    confirmed: tuple[int | None, ...] = ()
    """The part of ``mentions`` that the person made (a check-in or their word)."""


@dataclass(frozen=True, slots=True)
class ThemeSeries:
    periods: tuple[str, ...]
    entries: tuple[int, ...]  # entries per period; 0 is a gap
    themes: dict[str, ThemeLine]

    def to_json(self, theme_ids: Iterable[str] | None = None) -> dict[str, Any]:
        """``{"weeks": [...], "themes": {id: {"mentions": [...], "balance": [...]}}}``.

        The contract (docs/FORMAT.md) has a count per week in ``mentions``: a week without
        entries counts 0 there (its ``balance`` is null); screens show it as a gap.
        """
        ids = list(self.themes) if theme_ids is None else list(theme_ids)
        return {
            "weeks": list(self.periods),
            "themes": {
                tid: {
                    "mentions": [m or 0 for m in self.themes[tid].mentions],
                    "balance": [None if b is None else round(b, 3)
                                for b in self.themes[tid].balance],
                }
                for tid in ids
            },
        }


@dataclass(frozen=True, slots=True)
class Point:
    mentions: int
    balance: float | None
    signals: int


@dataclass(frozen=True, slots=True)
class Summary:
    """A theme over a whole range: entries touching it, over how many entries."""

    mentions: int
    entries: int
    balance: float | None  # signal-weighted mean over the range
    signals: int

    @property
    def share(self) -> float | None:
        return self.mentions / self.entries if self.entries else None


# --------------------------------------------------------------------------- aggregation


def scored_entries(journal: Journal, q: Query, book: PromptBook,
                   lock: AbstractContextManager[object] | None = None,
                   progress: Callable[[int, int], None] | None = None) -> list[Entry]:
    """``journal.query(q)``, each entry's theme signals ready for ``series``.

    Signals are computed once per entry file and kept in the index (under the
    detector's digest), so charting years of entries costs a read, not a scoring
    pass, on every run. Scores are stored every ``STORE_EVERY`` entries, so a long
    first pass that is interrupted keeps what it did. ``progress(done, total)`` is
    called as entries are scored (only those not already kept), every ``SCORE_CHUNK``;
    an exception it raises stops the pass (and its worker processes). ``lock`` (the
    TUI's journal lock) is held for the index's reads and writes only, not while
    scoring.
    """
    guard = lock if lock is not None else nullcontext()
    detector = detector_for(book)
    with guard:
        rows = journal.query_scores(q, detector.digest)
    todo = [(rel, entry) for rel, entry, text in rows if text is None]
    for _, entry, text in rows:
        if text is not None:
            detector.prime(entry, signals_from_json(text))
    done = 0
    batch: list[tuple[str, str]] = []
    if progress is not None and todo:
        progress(0, len(todo))
    for chunk in _scored(todo, book, detector):
        batch += chunk
        done += len(chunk)
        if len(batch) >= STORE_EVERY or done == len(todo):
            with guard:
                journal.store_scores(detector.digest, batch)
            batch = []
        if progress is not None:
            progress(done, len(todo))
    return [entry for _, entry, _ in rows]


def _scored(todo: list[tuple[str, Entry]], book: PromptBook, detector: Detector
            ) -> Iterator[list[tuple[str, str]]]:
    """``(rel, signals_json)`` of ``todo``'s entries in chunks, in no set order, each
    entry's signals kept in ``detector`` too; in worker processes when there are many
    (scoring costs about 2 ms per entry of 150 words on one core)."""
    n = workers_for(len(todo), SCORE_POOL_MIN, SCORE_PER_WORKER)
    if not n:
        yield from _score_here(todo, detector)
        return
    entries = dict(todo)
    for chunk in in_workers(_score_task, (book, detector.digest), todo, n,
                            lambda rest: _score_here(rest, detector)):
        for rel, text in chunk:
            detector.prime(entries[rel], signals_from_json(text))
        yield chunk


def _score_here(todo: list[tuple[str, Entry]], detector: Detector
                ) -> Iterator[list[tuple[str, str]]]:
    for start in range(0, len(todo), SCORE_CHUNK):
        yield [(rel, signals_json(detector.score(entry)))
               for rel, entry in todo[start:start + SCORE_CHUNK]]


def _score_task(send: Send, book: PromptBook, digest: str,
                todo: list[tuple[str, Entry]]) -> None:
    """A worker process's part of ``_scored``."""
    detector = detector_for(book)
    if detector.digest != digest:  # never seen; the parent then scores the slice itself
        return
    for chunk in _score_here(todo, detector):
        send(chunk)


def series(entries: Iterable[Entry], book: PromptBook, periods: Sequence[str]) -> ThemeSeries:
    """Aggregate ``entries`` over ``periods`` (all weeks or all months, oldest first)."""
    detector = detector_for(book)
    periods = tuple(periods)
    if not periods:
        return ThemeSeries((), (), {tid: ThemeLine((), (), (), ()) for tid in detector.themes})
    lead = tuple(shift(periods[0], k) for k in range(-(AVERAGE_SPAN - 1), 0))
    every = lead + periods
    index = {p: i for i, p in enumerate(every)}
    weekly = _WEEK_RE.match(periods[0]) is not None
    n = len(every)
    counts = [0] * n
    sums = {tid: [0.0] * n for tid in detector.themes}
    nsig = {tid: [0] * n for tid in detector.themes}
    ment = {tid: [0] * n for tid in detector.themes}
    owns = {tid: [0.0] * n for tid in detector.themes}
    mine = {tid: [0] * n for tid in detector.themes}
    score = detector.score
    day_period: dict[date, int | None] = {}
    for entry in entries:
        if entry.kind != "entry":
            continue
        i = day_period.get(entry.date, -1)
        if i == -1:
            key = week_of(entry.date) if weekly else month_of(entry.date)
            i = day_period[entry.date] = index.get(key)
        if i is None:
            continue
        counts[i] += 1
        for tid, sig in score(entry).items():
            if tid not in ment:
                continue
            ment[tid][i] += 1
            for v in sig.values:
                if v is not None:
                    sums[tid][i] += v
                    nsig[tid][i] += 1
            if tid in entry.checkin or tid in entry.themes:  # never "none" here: no signal
                mine[tid][i] += 1
                owns[tid][i] += sum(v for v in (sig.checkin, sig.user) if v is not None)
    k = len(lead)
    lines = {}
    for tid in detector.themes:
        s, c, m = sums[tid], nsig[tid], ment[tid]
        balance = tuple(s[i] / c[i] if c[i] else None for i in range(k, n))
        average = []
        for i in range(k, n):
            lo = i - AVERAGE_SPAN + 1
            total, cnt = sum(s[lo:i + 1]), sum(c[lo:i + 1])
            average.append(total / cnt if cnt else None)
        lines[tid] = ThemeLine(
            mentions=tuple(m[i] if counts[i] else None for i in range(k, n)),
            balance=balance,
            signals=tuple(c[k:]),
            average=tuple(average),
            own=tuple(owns[tid][i] / c[i] if c[i] else None for i in range(k, n)),
            confirmed=tuple(mine[tid][i] if counts[i] else None for i in range(k, n)),
        )
    return ThemeSeries(periods, tuple(counts[k:]), lines)


def weekly_series(entries: Iterable[Entry], book: PromptBook, weeks: Sequence[str]) -> ThemeSeries:
    return series(entries, book, weeks)


def monthly_series(entries: Iterable[Entry], book: PromptBook,
                   months: Sequence[str]) -> ThemeSeries:
    return series(entries, book, months)


def week_balance(entries: Iterable[Entry], book: PromptBook, week: str) -> dict[str, Point]:
    """Per theme touched in ``week`` (or month): mentions, balance and signal count."""
    s = series(entries, book, [week])
    return {
        tid: Point(line.mentions[0] or 0, line.balance[0], line.signals[0])
        for tid, line in s.themes.items() if line.mentions[0]
    }


def entries_behind(entries: Iterable[Entry], book: PromptBook, theme_id: str, period: str
                   ) -> list[Entry]:
    """Entries of ``period`` (a week or a month) touching ``theme_id``, in input order."""
    start, end = period_bounds(period)
    detector: Detector = detector_for(book)
    return [e for e in entries
            if e.kind == "entry" and start <= e.date <= end and theme_id in detector.score(e)]


def summary(s: ThemeSeries, theme_id: str) -> Summary:
    line = s.themes[theme_id]
    total = sum(b * c for b, c in zip(line.balance, line.signals, strict=True) if b is not None)
    signals = sum(line.signals)
    return Summary(
        mentions=sum(m or 0 for m in line.mentions),
        entries=sum(s.entries),
        balance=total / signals if signals else None,
        signals=signals,
    )


def trend(current: Summary, previous: Summary, polar: bool, *, threshold: float = 0.1
          ) -> float | None:
    """Change since the previous range: balance for a polar theme, share of entries
    touching the theme for a plain one; None when either range has nothing to compare.
    Changes smaller than ``threshold`` (0.1 on the balance, half that on a share)
    are returned as 0.0, i.e. "steady"."""
    if polar:
        a, b = current.balance, previous.balance
        limit = threshold
    else:
        a, b = current.share, previous.share
        limit = threshold / 2
    if a is None or b is None:
        return None
    delta = a - b
    return 0.0 if abs(delta) < limit else delta


def arrow(delta: float | None) -> str:
    """↗ ↘ → for a trend, blank when there is nothing to compare."""
    if delta is None:
        return " "
    return "↗" if delta > 0 else "↘" if delta < 0 else "→"


def signal_of(entry: Entry, book: PromptBook, theme_id: str) -> Signal | None:
    return score_entry(entry, book).get(theme_id)


# --------------------------------------------------------------------------- glyphs

SPARK = "▁▂▃▄▅▆▇█"
NO_ENTRY = " "  # a gap: no entry that period
NOTHING = "·"  # entries, but none about the theme (or no signal)


def spark(values: Sequence[int | None], top: int | None = None) -> str:
    """A one-line bar per value (mentions): blank for a gap, ``·`` for zero."""
    top = top or max((v for v in values if v), default=1)
    out = []
    for v in values:
        if v is None:
            out.append(NO_ENTRY)
        elif v <= 0:
            out.append(NOTHING)
        else:
            out.append(SPARK[min(len(SPARK), max(1, ceil(v / top * len(SPARK)))) - 1])
    return "".join(out)


def balance_mark(value: float | None, gap: bool = False) -> str:
    """One character for a balance: ▼ ▽ ◆ △ ▲ from all low pole to all high pole."""
    if value is None:
        return NO_ENTRY if gap else NOTHING
    if value <= -0.5:
        return "▼"
    if value < -0.1:
        return "▽"
    if value <= 0.1:
        return "◆"
    return "△" if value < 0.5 else "▲"
