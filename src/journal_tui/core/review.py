"""The weekly review: what a week held, beside the four weeks before it.

``weekly_review`` is pure (entries in, a ``WeeklyReview`` out); ``load_entries``
is the one query a caller needs (the week and the four weeks before it, and the
review notes of the week and the one before, for the intentions),
``Journal.days_with_entries()`` gives the streak its days, and
``questions.load_signals`` the weeks the rotation of the questions runs through.
``load_review`` does all of it. Renderers return strings or plain data; the caller
prints or writes them.

A review shows two intentions (``core.intentions``): the last one, set in the
week before and lived in this one, to be judged (done, partly, not), and this
week's own, for the week after.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence, Set
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from journal_tui.core.codec import jsonable
from journal_tui.core.i18n import Catalog, colon, long_date, number, weekday_day
from journal_tui.core.index import Query
from journal_tui.core.intentions import Intention, intention_of, last_intention, review_notes
from journal_tui.core.model import Entry, iso_week, to_dict
from journal_tui.core.questions import choose_questions, load_signals, week_signals
from journal_tui.core.themes import weekly_series
from journal_tui.core.weeks import days_in_a_row, shift_week, week_start

__all__ = ["shift_week", "week_start"]  # re-exported: the Review screen imports them here

if TYPE_CHECKING:
    from journal_tui.core.prompts import PromptBook, Theme
    from journal_tui.core.storage import Journal

TRAILING_WEEKS = 4
SHIFT = 0.2  # a theme's balance this far from its four-week average is a shift

MSG = Catalog({
    "title": ("Week {week}", "Semaine {week}"),
    "span": ("{start} – {end}", "{start} – {end}"),
    "counts": ("{entries} {e} · {words} {w} · streak: {streak} {d}",
               "{entries} {e} · {words} {w} · série : {streak} {d}"),
    "entry": ("entries", "entrées"), "entry.one": ("entry", "entrée"),
    "word": ("words", "mots"), "word.one": ("word", "mot"),
    "day": ("days", "jours"), "day.one": ("day", "jour"),
    "days": ("Days", "Jours"),
    "mood": ("Mood", "Humeur"),
    "mood_line": ("this week {week} · four weeks before {trailing}",
                  "cette semaine {week} · quatre semaines avant {trailing}"),
    "themes": ("Theme balance", "Équilibre des thèmes"),
    "themes_none": ("no theme signal this week or the four before",
                    "aucun signal de thème cette semaine ni les quatre précédentes"),
    "week_vs": ("week {week} · 4 weeks {trailing}", "semaine {week} · 4 semaines {trailing}"),
    "people": ("People", "Personnes"),
    "tags": ("Tags", "Étiquettes"),
    "none": ("none", "aucune"),  # people, tags
    "entries": ("Entries", "Entrées"),
    "no_entries": ("No entries this week.", "Aucune entrée cette semaine."),
    "note": ("Review note", "Note de bilan"),
    "no_note": ("No review note yet.", "Pas encore de note de bilan."),
    "questions": ("Questions for the week", "Questions de la semaine"),
    "more_questions": ("More questions", "Autres questions"),
    "last_intention": ("Last week’s intention ({week})",
                       "L’intention de la semaine passée ({week})"),
    "intention": ("Intention for next week", "Intention pour la semaine prochaine"),
    "no_intention": ("None yet.", "Pas encore."),
    "outcome": ("How it went", "Ce que ça a donné"),
    "outcome.none": ("not said yet (done, partly or not?)",
                     "pas encore dit (fait, en partie ou pas ?)"),
    "outcome.done": ("done", "fait"),
    "outcome.partly": ("partly", "en partie"),
    "outcome.not": ("not done", "pas fait"),
    "learned": ("What I learned", "Ce que j’en retiens"),
    "toward": ("toward {pole}", "vers {pole}"),
    "steady": ("steady", "stable"),
})


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    entries: int
    mood: float | None  # mean mood of the day's entries


@dataclass(frozen=True, slots=True)
class ThemeBalance:
    """A polar theme's balance (−1 low pole … +1 high pole) this week and before."""

    theme: Any  # prompts.Theme: .id, .name(lang), .pole(side, lang)
    week: float | None
    trailing: float | None  # the four weeks before, signal-weighted
    mentions: int = 0  # entries of the week touching the theme

    @property
    def shift(self) -> float | None:
        if self.week is None or self.trailing is None:
            return None
        return self.week - self.trailing

    @property
    def direction(self) -> int:
        """−1 toward the low pole, +1 toward the high pole, 0 steady or unknown."""
        s = self.shift
        if s is None or abs(s) < SHIFT:
            return 0
        return 1 if s > 0 else -1


@dataclass(frozen=True, slots=True)
class WeeklyReview:
    week: str
    start: date
    end: date
    today: date
    days: tuple[Day, ...]
    entries: tuple[Entry, ...]  # kind "entry", oldest first
    note: Entry | None
    words: int
    streak: int
    mood: float | None
    mood_trailing: float | None
    mood_weeks: tuple[tuple[str, float | None], ...]  # trailing weeks then this one
    themes: tuple[ThemeBalance, ...]
    people: dict[str, int] = field(default_factory=dict)
    tags: dict[str, int] = field(default_factory=dict)
    questions: tuple[Any, ...] = ()  # prompts.WeeklyQuestion: .id, .text_in(lang)
    chosen: tuple[Any, ...] = ()  # the two or three of them chosen for this week
    last_intention: Intention | None = None  # set the week before, lived in this one
    intention: Intention | None = None  # this week's own, for the week after

    @property
    def is_current(self) -> bool:
        return self.start <= self.today <= self.end

    @property
    def other_questions(self) -> tuple[Any, ...]:
        """The questions not chosen for the week, in the book's order."""
        chosen = {q.id for q in self.chosen}
        return tuple(q for q in self.questions if q.id not in chosen)


# ------------------------------------------------------------------------ weeks


def note_date(week: str, today: date) -> date:
    """The day a review note belongs to: the week's Sunday, or today if earlier."""
    return min(week_start(week) + timedelta(days=6), today)


# --------------------------------------------------------------------- loading


def span(week: str) -> tuple[date, date]:
    """The first and last day a review of ``week`` reads: the four weeks before it
    and the week."""
    start = week_start(week)
    return start - timedelta(weeks=TRAILING_WEEKS), start + timedelta(days=6)


def load_entries(journal: Journal, week: str) -> list[Entry]:
    """The entries a review of ``week`` needs, from ``journal.query``: the week and
    the four weeks before it. The streak, which may reach back years, comes from
    ``journal.days_with_entries()`` (reading those entries only to count their days
    took ~0.6 s on 7,300 daily entries)."""
    lo, end = span(week)
    found = list(journal.query(Query(start=lo, end=end)))
    # A note belongs to its ``week``, whatever its date (written ahead, or late).
    ids = {e.id for e in found}
    wanted = {week, shift_week(week, -1)}
    found += [n for n in review_notes(journal) if n.week in wanted and n.id not in ids]
    return found


def load_review(journal: Any, week: str, book: Any, today: date,
                progress: Callable[[int, int], None] | None = None) -> WeeklyReview:
    """The review of ``week`` as the command line prints it: its entries, the streak
    from every written day, and the questions chosen through the journal's weeks
    (``progress``: ``load_signals``', while entries not scored yet are scored)."""
    entries = load_entries(journal, week)
    written = journal.written_days()
    chosen = choose_questions(book, week, load_signals(journal, book, week, progress=progress))
    return weekly_review(entries, week, book, today, written, chosen)


# ------------------------------------------------------------------ computation


def weekly_review(entries: Iterable[Entry], week: str, book: PromptBook, today: date,
                  written: Set[date] | None = None,
                  chosen: Sequence[Any] | None = None) -> WeeklyReview:
    """The review of ``week`` (``YYYY-Www``) from ``entries`` (any order, any span).

    An entry belongs to the week of its ``date`` field, whatever time it was
    created at; a review note to its ``week``. ``book`` is the PromptBook (themes
    and weekly questions). ``written``: every day with an entry in the journal, for
    the streak (default: the days of ``entries``). ``chosen``: the questions chosen
    for the week (``questions.choose_questions`` over the journal's weeks; default:
    chosen through the weeks of ``entries`` only).
    """
    start = week_start(week)
    end = start + timedelta(days=6)
    lo = start - timedelta(weeks=TRAILING_WEEKS)
    every = list(entries)
    plain = sorted((e for e in every if e.kind == "entry"),
                   key=lambda e: (e.date, e.created, e.id))
    this = [e for e in plain if start <= e.date <= end]
    before = [e for e in plain if lo <= e.date < start]
    notes = [e for e in every if e.kind == "review" and e.week == week]
    note = max(notes, key=lambda e: (e.updated, e.id)) if notes else None
    if chosen is None:
        span = [iso_week(lo + timedelta(weeks=i)) for i in range(TRAILING_WEEKS + 1)]
        chosen = choose_questions(book, week, week_signals(plain, book, span))

    days = tuple(
        Day(d, sum(1 for e in this if e.date == d), _mean(e.mood for e in this if e.date == d))
        for d in (start + timedelta(days=i) for i in range(7))
    )
    weeks = [iso_week(lo + timedelta(weeks=i)) for i in range(TRAILING_WEEKS)]
    by_week = {w: [e for e in before if iso_week(e.date) == w] for w in weeks}
    mood_weeks = tuple((w, _mean(e.mood for e in by_week[w])) for w in weeks)
    if written is None:
        written = _entry_days(plain)
    streak_end = _streak_end(start, today, written)
    return WeeklyReview(
        week=iso_week(start),
        start=start,
        end=end,
        today=today,
        days=days,
        entries=tuple(this),
        note=note,
        words=sum(e.words for e in this),
        streak=days_in_a_row(written, streak_end) if streak_end else 0,
        mood=_mean(e.mood for e in this),
        mood_trailing=_mean(e.mood for e in before),
        mood_weeks=(*mood_weeks, (iso_week(start), _mean(e.mood for e in this))),
        themes=_themes(book, [*before, *this], iso_week(start)),
        people=count_names(e.people for e in this),
        tags=count_names(e.tags for e in this),
        questions=tuple(getattr(book, "weekly", ()) or ()),
        chosen=tuple(chosen),
        last_intention=last_intention(every, week),
        intention=intention_of(note),
    )


def count_names(groups: Iterable[Sequence[str]]) -> dict[str, int]:
    """Name → number of entries naming it; case-insensitive, first spelling kept.

    Ordered by count (most first), then alphabetically.
    """
    spelling: dict[str, str] = {}
    counts: dict[str, int] = {}
    for names in groups:
        for key in {n.casefold(): None for n in names if n}:
            spelling.setdefault(key, next(n for n in names if n.casefold() == key))
            counts[key] = counts.get(key, 0) + 1
    order = sorted(counts, key=lambda k: (-counts[k], k))
    return {spelling[k]: counts[k] for k in order}


def _themes(book: PromptBook, entries: list[Entry], week: str) -> tuple[ThemeBalance, ...]:
    """Each polar theme this week (check-ins and text detection, ``core.themes``)
    beside its signal-weighted average over the four weeks before."""
    weeks = [shift_week(week, k) for k in range(-TRAILING_WEEKS, 1)]
    lines = weekly_series(entries, book, weeks).themes
    out = []
    for tid, theme in _polar(book):
        line = lines.get(tid)
        if line is None:
            out.append(ThemeBalance(theme, None, None))
            continue
        out.append(ThemeBalance(theme, line.balance[-1], line.average[-2],
                                line.mentions[-1] or 0))
    return tuple(out)


def _polar(book: PromptBook) -> list[tuple[str, Theme]]:
    themes = getattr(book, "themes", {}) or {}
    return [(tid, t) for tid, t in themes.items() if getattr(t, "polar", False)]


def _entry_days(entries: Iterable[Entry]) -> set[date]:
    return {e.date for e in entries if e.kind == "entry"}


def _streak_end(start: date, today: date, days: Set[date]) -> date | None:
    """The day the streak is counted back from: the week's Sunday, or today in
    the current week; ``None`` for a week still to come.

    While today is still blank, the streak is still alive: it is counted from
    yesterday, as the app's header does.
    """
    if today < start:
        return None
    if today <= start + timedelta(days=6):
        return today if today in days else today - timedelta(days=1)
    return start + timedelta(days=6)


def _mean(values: Iterable[float | int | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


# -------------------------------------------------------------------- renderers


def fmt_mood(value: float | None, lang: str) -> str:
    return "–" if value is None else f"{number(value, '.1f', lang)}/5"


def fmt_balance(value: float | None, lang: str) -> str:
    return "–" if value is None else number(value, "+.2f", lang)


def scale(balance: float | None, trailing: float | None, width: int = 9) -> str:
    """A small −1…+1 scale: ● this week, ○ the four-week average, ┼ the middle."""
    cells = ["┄"] * width
    mid = width // 2
    cells[mid] = "┼"

    def pos(v: float) -> int:
        return round((max(-1.0, min(1.0, v)) + 1) / 2 * (width - 1))

    if trailing is not None:
        cells[pos(trailing)] = "○"
    if balance is not None:
        cells[pos(balance)] = "●"
    return "".join(cells)


def shift_text(tb: ThemeBalance, lang: str) -> str:
    if tb.direction == 0:
        return MSG("steady", lang) if tb.shift is not None else ""
    side = "high" if tb.direction > 0 else "low"
    arrow = "▶" if tb.direction > 0 else "◀"
    return f"{arrow} {MSG('toward', lang, pole=tb.theme.pole(side, lang))}"


def day_label(day: date, lang: str) -> str:
    return weekday_day(day, lang)


def _names(counts: dict[str, int], mark: str) -> str:
    return ", ".join(f"{mark}{name} ({n})" for name, n in counts.items())


def counts_line(review: WeeklyReview, lang: str) -> str:
    n = len(review.entries)
    return MSG("counts", lang, entries=n, e=MSG.count("entry", n, lang), words=review.words,
               w=MSG.count("word", review.words, lang), streak=review.streak,
               d=MSG.count("day", review.streak, lang))


def _summary(review: WeeklyReview, lang: str) -> list[str]:
    return [
        MSG("span", lang, start=long_date(review.start, lang), end=long_date(review.end, lang)),
        counts_line(review, lang),
    ]


def _theme_lines(review: WeeklyReview, lang: str) -> list[str]:
    shown = [t for t in review.themes if t.week is not None or t.trailing is not None]
    if not shown:
        return [MSG("themes_none", lang)]
    return [
        f"{t.theme.pole('low', lang)} {scale(t.week, t.trailing)} {t.theme.pole('high', lang)}"
        " · " + MSG("week_vs", lang, week=fmt_balance(t.week, lang),
                    trailing=fmt_balance(t.trailing, lang))
        + (" · " + shift_text(t, lang) if t.direction else "")
        for t in shown
    ]


def review_text(review: WeeklyReview, lang: str) -> str:
    """Plain text for a pipe: the summary and each entry's first line."""
    out = [MSG("title", lang, week=review.week), *_summary(review, lang), ""]
    if review.last_intention is not None:
        out += [MSG("last_intention", lang, week=review.last_intention.week),
                *(f"  {line}" for line in _last_intention_lines(review.last_intention, lang)),
                ""]
    out.append(MSG("days", lang))
    for d in review.days:
        mood = f"  {fmt_mood(d.mood, lang)}" if d.mood is not None else ""
        out.append(f"  {day_label(d.day, lang):<7} {'●' * d.entries or '·'}{mood}")
    mood = MSG("mood_line", lang, week=fmt_mood(review.mood, lang),
               trailing=fmt_mood(review.mood_trailing, lang))
    out += ["", MSG("mood", lang) + colon(lang) + mood]
    out += ["", MSG("themes", lang), *(f"  {line}" for line in _theme_lines(review, lang))]
    none = MSG("none", lang)
    out += ["", MSG("people", lang) + colon(lang) + (_names(review.people, "@") or none),
            MSG("tags", lang) + colon(lang) + (_names(review.tags, "#") or none), ""]
    out.append(MSG("entries", lang))
    for e in review.entries:
        out.append(f"  {day_label(e.date, lang):<7} {e.title}")
        if e.prompt:
            out.append(f"          > {e.prompt}")
    if not review.entries:
        out.append(f"  {MSG('no_entries', lang)}")
    if review.chosen:
        out += ["", MSG("questions", lang), *(f"  - {q.text_in(lang)}" for q in review.chosen)]
    out += ["", MSG("note", lang)]
    if review.note is not None:
        out += [f"  {line}" if line else "" for line in review.note.body.rstrip().splitlines()]
    else:
        out.append(f"  {MSG('no_note', lang)}")
    out += ["", MSG("intention", lang), "  " + _intention_text(review.intention, lang)]
    if review.other_questions:
        out += ["", MSG("more_questions", lang),
                *(f"  - {q.text_in(lang)}" for q in review.other_questions)]
    return "\n".join(out) + "\n"


def _intention_text(intention: Intention | None, lang: str) -> str:
    return intention.text if intention is not None else MSG("no_intention", lang)


def _last_intention_lines(intention: Intention, lang: str) -> list[str]:
    """The intention lived this week, what became of it and what it taught."""
    outcome = MSG(f"outcome.{intention.outcome or 'none'}", lang)
    lines = [intention.text, MSG("outcome", lang) + colon(lang) + outcome]
    if intention.learned:
        lines.append(MSG("learned", lang) + colon(lang) + intention.learned)
    return lines


def review_markdown(review: WeeklyReview, lang: str, *, full: bool = True) -> str:
    """Markdown for a file or a pipe; the same review always gives the same text.

    ``full``: each entry whole (an export); otherwise its first line.
    """
    span, counts = _summary(review, lang)
    out = [f"# {MSG('title', lang, week=review.week)}", "", span, "", counts, ""]
    if review.last_intention is not None:
        text, *told = _last_intention_lines(review.last_intention, lang)
        out += [f"## {MSG('last_intention', lang, week=review.last_intention.week)}", "",
                text, "", *(f"- {line}" for line in told), ""]
    out += [f"## {MSG('days', lang)}", "", "| | " + " | ".join(
        day_label(d.day, lang) for d in review.days) + " |", "|---" * 8 + "|"]
    out.append("| " + MSG("entries", lang) + " | "
               + " | ".join(str(d.entries) for d in review.days) + " |")
    out.append("| " + MSG("mood", lang) + " | " + " | ".join(
        number(d.mood, ".1f", lang) if d.mood is not None else "–" for d in review.days) + " |")
    out += ["", f"## {MSG('mood', lang)}", "",
            MSG("mood_line", lang, week=fmt_mood(review.mood, lang),
                trailing=fmt_mood(review.mood_trailing, lang)), ""]
    out += [f"## {MSG('themes', lang)}", "", *(f"- {line}" for line in _theme_lines(review, lang))]
    out += ["", f"## {MSG('people', lang)}", "", _names(review.people, "@") or MSG("none", lang)]
    out += ["", f"## {MSG('tags', lang)}", "", _names(review.tags, "#") or MSG("none", lang)]
    out += ["", f"## {MSG('entries', lang)}", ""]
    for e in review.entries:
        out.append(f"### {long_date(e.date, lang)} · {e.created:%H:%M}")
        out.append("")
        if e.prompt:
            out += [f"> {e.prompt}", ""]
        out += [e.body.strip() if full else e.title, ""]
    if not review.entries:
        out += [MSG("no_entries", lang), ""]
    if review.chosen:
        out += [f"## {MSG('questions', lang)}", "",
                *(f"- {q.text_in(lang)}" for q in review.chosen), ""]
    out += [f"## {MSG('note', lang)}", ""]
    out += [review.note.body.strip() if review.note is not None else MSG("no_note", lang), ""]
    out += [f"## {MSG('intention', lang)}", "", _intention_text(review.intention, lang), ""]
    if review.other_questions:
        out += [f"## {MSG('more_questions', lang)}", "",
                *(f"- {q.text_in(lang)}" for q in review.other_questions), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def review_data(review: WeeklyReview, lang: str) -> dict[str, Any]:
    """The JSON document (docs/FORMAT.md, "JSON outputs": ``week``, ``entries``,
    ``note``, ``people``, ``tags``, ``last_intention`` and ``intention``; ``chosen`` the
    questions chosen for the week)."""

    def r(v: float | None) -> float | None:
        return None if v is None else round(v, 2)

    data: dict[str, Any] = jsonable({
        "week": review.week,
        "start": review.start,
        "end": review.end,
        "days": [{"date": d.day, "entries": d.entries, "mood": r(d.mood)} for d in review.days],
        "count": len(review.entries),
        "words": review.words,
        "streak": review.streak,
        "mood": {"week": r(review.mood), "trailing": r(review.mood_trailing),
                 "weeks": {w: r(m) for w, m in review.mood_weeks}},
        "themes": {t.theme.id: {"balance": r(t.week), "trailing": r(t.trailing),
                                "mentions": t.mentions}
                   for t in review.themes},
        "entries": [to_dict(e) for e in review.entries],
        "note": to_dict(review.note) if review.note is not None else None,
        "people": dict(review.people),
        "tags": dict(review.tags),
        "questions": [{"id": q.id, "text": q.text_in(lang)} for q in review.questions],
        "chosen": [{"id": q.id, "text": q.text_in(lang)} for q in review.chosen],
        "last_intention": (review.last_intention.to_json()
                           if review.last_intention is not None else None),
        "intention": review.intention.text if review.intention is not None else None,
    })
    return data


def review_json(review: WeeklyReview, lang: str) -> str:
    return json.dumps(review_data(review, lang), ensure_ascii=False, indent=2) + "\n"
