"""The weekly questions chosen for one week: two or three, not the whole list.

A week's review asks the questions that fit what the week held, and rotates them:

* **Relevance** (``relevance``): a question tied to a theme (``theme`` in the
  ``[[weekly]]`` table of ``prompts.toml``) scores how far that theme moved this week
  against the four weeks before (polar themes: the distance between the week's
  balance and the four-week average, as the review shows it) or how much the week
  spoke of it (plain themes: the share of entries touching it); questions on the
  ``path`` theme (the people who move you along) also score the people who came up.
* **Rotation**: a question chosen for week W is not chosen again before W+4 while
  other questions remain (``COOLDOWN``). The most relevant question that is not
  resting leads the week; the others are ranked by level of relevance (strong, some,
  none: ``level``), one per theme while others remain, so that among questions that
  all fit about as well the one asked longest ago comes first (then a fixed shuffled
  order).
* **How many**: three for a week with entries, two for a week without.

The rotation needs the weeks before, so the choice for week W runs through every
week from the journal's first written week to W (``schedule``). That chain depends
only on the journal's entries up to W, never on the clock or on what was shown: the
same journal gives the same questions for a week on any machine, and writing in a
later week never changes an earlier week's questions. Each step is a few
comparisons; the cost is reading the entries' theme signals (``load_signals``,
kept in the index by ``themes.scored_entries``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import Any

from journal_tui.core.index import Query
from journal_tui.core.model import Entry, iso_week
from journal_tui.core.people import person_key
from journal_tui.core.themes import AVERAGE_SPAN, scored_entries, weekly_series
from journal_tui.core.weeks import shift_week, week_start, weeks_from

COOLDOWN = 4  # a question chosen in week W may come back in week W + COOLDOWN
PER_WEEK = 3  # questions for a week with entries
PER_QUIET_WEEK = 2  # for a week without any
PEOPLE_THEME = "path"
PEOPLE_FULL = 3  # this many people in a week make a people question strongly relevant
STRONG = 0.5  # a theme that moved this far (or a question this relevant) leads the week
CHUNK_WEEKS = 156  # weeks whose entries ``load_signals`` reads at a time: at one entry a
# day, enough to score in worker processes (``themes.SCORE_POOL_MIN``)


@dataclass(frozen=True, slots=True)
class WeekSignal:
    """What a week held, as far as choosing its questions goes."""

    entries: int = 0
    people: int = 0  # distinct people mentioned in the week's entries
    moved: Mapping[str, float] = field(default_factory=dict)  # polar theme → |shift|
    share: Mapping[str, float] = field(default_factory=dict)  # theme → share of entries


QUIET = WeekSignal()


def relevance(question: Any, signal: WeekSignal) -> float:
    """How well ``question`` (a ``prompts.WeeklyQuestion``) fits the week: 0 … ~2."""
    theme = getattr(question, "theme", None)
    if theme is None:
        return 0.0
    score = max(signal.moved.get(theme, 0.0), 0.5 * signal.share.get(theme, 0.0))
    if theme == PEOPLE_THEME:  # at most STRONG: a theme that moved more still leads
        score = max(score, STRONG * min(signal.people, PEOPLE_FULL) / PEOPLE_FULL)
    return score


def level(score: float) -> int:
    """2 strong, 1 some, 0 none: the rotation decides between equal levels."""
    return 2 if score >= STRONG else 1 if score > 0 else 0


def schedule(book: Any, weeks: Sequence[str], signals: Mapping[str, WeekSignal]
             ) -> dict[str, tuple[Any, ...]]:
    """The questions chosen for each of ``weeks`` (consecutive, oldest first), the
    first of them starting with no history. Most relevant first in each week."""
    questions = tuple(getattr(book, "weekly", ()) or ())
    if not questions:
        return dict.fromkeys(weeks, ())
    order = [_stable_key(q.id) for q in questions]
    themes = [q.theme for q in questions]
    never = -(10**9)  # "asked" that long ago: first in line, never resting
    last_asked = [never] * len(questions)
    chosen: dict[str, tuple[Any, ...]] = {}
    for step, week in enumerate(weeks):
        signal = signals.get(week, QUIET)
        k = min(PER_WEEK if signal.entries else PER_QUIET_WEEK, len(questions))
        scores = [relevance(q, signal) for q in questions]
        keys = [(step - last_asked[i] < COOLDOWN, -level(scores[i]), last_asked[i], order[i])
                for i in range(len(questions))]
        # The most relevant question that is not resting leads; the others rotate
        # among questions of about the same relevance, one per theme.
        def lead(i: int, scores: list[float] = scores, keys: list[Any] = keys) -> tuple[Any, ...]:
            return (keys[i][0], -scores[i], *keys[i][2:])

        picked = [min(range(len(questions)), key=lead)]
        for _ in range(k - 1):
            asked_about = {themes[i] for i in picked if themes[i] is not None}

            def rotate(i: int, seen: set[str | None] = asked_about,
                       keys: list[Any] = keys) -> tuple[Any, ...]:
                return (keys[i][0], themes[i] in seen, *keys[i][1:])

            picked.append(min((i for i in range(len(questions)) if i not in picked),
                              key=rotate))
        for i in picked:
            last_asked[i] = step
        picked.sort(key=lambda i: -scores[i])  # stable: most relevant first
        chosen[week] = tuple(questions[i] for i in picked)
    return chosen


def choose_questions(book: Any, week: str, signals: Mapping[str, WeekSignal],
                     first: str | None = None) -> tuple[Any, ...]:
    """The questions for ``week``; the chain starts at ``first`` (default: the earliest
    week of ``signals`` with an entry, or ``week`` itself if none is earlier)."""
    if first is None:
        written = [w for w, s in signals.items() if s.entries]
        first = min(written, key=week_start) if written else week
    if week_start(first) > week_start(week):
        first = week
    return schedule(book, weeks_from(first, week), signals)[week]


def week_signals(entries: Iterable[Entry], book: Any, weeks: Sequence[str]
                 ) -> dict[str, WeekSignal]:
    """Each week's signal from ``entries`` (any span: the four weeks before each week
    are used when given). Weeks without entries are left out (they are ``QUIET``)."""
    plain = [e for e in entries if e.kind == "entry"]
    if not weeks:
        return {}
    s = weekly_series(plain, book, weeks)
    people: dict[str, set[str]] = {}
    for e in plain:
        people.setdefault(iso_week(e.date), set()).update(person_key(p) for p in e.people)
    themes = getattr(book, "themes", {}) or {}
    out: dict[str, WeekSignal] = {}
    for i, week in enumerate(s.periods):
        count = s.entries[i]
        if not count:
            continue
        moved: dict[str, float] = {}
        share: dict[str, float] = {}
        for tid, line in s.themes.items():
            share[tid] = (line.mentions[i] or 0) / count
            before = line.average[i - 1] if i else None
            now = line.balance[i]
            if getattr(themes.get(tid), "polar", False) and now is not None \
                    and before is not None:
                moved[tid] = abs(now - before)
        out[week] = WeekSignal(count, len(people.get(week, ())), moved, share)
    return out


def load_signals(journal: Any, book: Any, week: str,
                 lock: AbstractContextManager[object] | None = None,
                 progress: Callable[[int, int], None] | None = None) -> dict[str, WeekSignal]:
    """The signals of every week from the journal's first entry to ``week``.

    ``lock``: held for the index's reads and writes only (``themes.scored_entries``),
    so the TUI's other reads are not kept waiting while entries are scored;
    ``progress(done, total)``: the entries read so far, of every week's, called only
    while entries not scored yet are scored (the first time: ~2 ms each); an
    exception it raises stops the reading."""
    guard = lock if lock is not None else nullcontext()
    end = week_start(week) + timedelta(days=6)
    with guard:
        oldest = journal.query(Query(end=end, kind="entry", newest_first=False, limit=1))
    if not oldest:
        return {}
    weeks = weeks_from(iso_week(oldest[0].date), week)
    spans: list[tuple[list[str], Query]] = []
    for i in range(0, len(weeks), CHUNK_WEEKS):
        # A span of weeks at a time (a journal's years of entries never held at
        # once: ~450 MB at 100,000), read with the week before it and that week's
        # own four before: a week's signal compares it with the four weeks before.
        part = weeks[i:i + CHUNK_WEEKS]
        lead = shift_week(part[0], -1)
        spans.append(([lead, *part], Query(
            start=week_start(lead) - timedelta(weeks=AVERAGE_SPAN - 1),
            end=week_start(part[-1]) + timedelta(days=6), kind="entry")))
    sizes = [0] * len(spans)
    if progress is not None:  # each span's own weeks: the spans' lead weeks overlap
        with guard:
            sizes = [journal.count(replace(q, start=week_start(span_weeks[1])))
                     for span_weeks, q in spans]
    total = sum(sizes)
    told = False  # whether any entry was scored (else nothing is reported)

    def part_of(before: int, size: int) -> Callable[[int, int], None] | None:
        """``scored_entries``' progress through one span (``done`` of the ``todo`` not
        scored yet), said as entries of the whole journal read so far."""
        if progress is None:
            return None

        def step(done: int, todo: int) -> None:
            nonlocal told
            told = True
            progress(before + size * done // max(todo, 1), total)

        return step

    signals: dict[str, WeekSignal] = {}
    before = 0
    for (span_weeks, q), size in zip(spans, sizes, strict=True):
        found = week_signals(scored_entries(journal, q, book, lock, part_of(before, size)),
                             book, span_weeks)
        signals.update((w, s) for w, s in found.items() if w != span_weeks[0])
        before += size
    if progress is not None and told:  # the last spans may have had nothing left to score
        progress(total, total)
    return signals


def _stable_key(question_id: str) -> bytes:
    """The same order on every run and machine (unlike ``hash()``)."""
    return hashlib.sha256(f"journal-tui\x1fweekly\x1f{question_id}".encode()).digest()
