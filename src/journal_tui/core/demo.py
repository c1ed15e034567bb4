"""A throw-away demo journal: ten weeks of realistic, deterministic entries.

``demo_entries(today)`` composes the entries from the fragment bank in
``demo_text`` with ``random.Random(seed)`` only (never the clock), so the same
arguments give the same journal on every machine. The writer is someone in a
professional transition building a coaching activity through partners: early
weeks lean to the low pole of each polar theme (competition, stubbornness, fear
of judgment…), later weeks to the high pole. ``demo_context`` opens it in a
temporary folder and never touches the real journal, config or cache.
"""

from __future__ import annotations

import atexit
import math
import random
import shutil
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path

from journal_tui.core import demo_text as text
from journal_tui.core.config import Config, resolve_language
from journal_tui.core.context import Context
from journal_tui.core.model import Entry, iso_week, now_local, refresh_derived
from journal_tui.core.prompts import Prompt, PromptBook, load_prompts, prompt_of_the_day
from journal_tui.core.storage import Journal

TZ = timezone(timedelta(hours=1))
MAIN_SHARE = 0.8
"""Of the entries, those in the person's language; the rest show the other one."""
_ID_CHARS = "0123456789abcdef"


@dataclass(frozen=True)
class _Clock:
    """Where the demo's times are: a time zone, and the moment none may pass."""

    tz: tzinfo = TZ
    now: datetime | None = None

    def at(self, day: date, minute: int, second: int) -> datetime:
        """``day`` at that minute of the day, or a little before ``now`` if that is
        later (today's entries are written before the clock, never after it)."""
        when = datetime.combine(day, time(minute // 60, minute % 60, second), tzinfo=self.tz)
        if self.now is not None and when > self.now - timedelta(minutes=1):
            when = max(datetime.combine(day, time(0), tzinfo=self.tz),
                       self.now - timedelta(minutes=20))
        return when


@dataclass
class _Plan:
    """One entry to write, decided before any text is composed."""

    day: date
    when: datetime
    theme: str
    prompt: Prompt | None
    lang: str
    progress: float  # 0.0 on the first day … 1.0 today
    pole: str = "any"  # "low", "high", "mixed" or "any" (plain theme)
    value: int | None = None  # the check-in on ``theme``
    second: str | None = None
    second_pole: str = "any"
    second_value: int | None = None
    checkin: dict[str, int] = field(default_factory=dict)


def demo_entries(today: date, *, weeks: int = 10, seed: int = 7, lang: str = "fr",
                 now: datetime | None = None) -> list[Entry]:
    """``weeks`` weeks of entries and weekly reviews ending on ``today``, oldest first,
    mostly in ``lang`` (``MAIN_SHARE``). With ``now``, times are in its time zone and
    none is after it (else in ``TZ``, at any hour of ``today``)."""
    rng = random.Random(seed)
    book = _bundled_book()
    clock = _Clock(now.tzinfo or TZ, now) if now is not None else _Clock()
    start = today - timedelta(days=7 * weeks - 1)
    plans = _plan(rng, book, start, today, lang, clock)
    used_ids: set[str] = set()
    decks = _Decks(rng)
    entries = [_entry(rng, plan, decks, used_ids) for plan in plans]
    entries += _reviews(rng, book, entries, plans, start, today, used_ids, lang, clock)
    if now is not None:
        for e in entries:  # edited a few minutes after writing, but not after now
            e.updated = max(e.created, min(e.updated, now))
    entries.sort(key=lambda e: (e.date, e.created, e.id))
    return entries


def populate(journal: Journal, today: date, *, durable: bool = True, lang: str = "fr",
             now: datetime | None = None) -> int:
    """Write ``demo_entries(today)`` into ``journal``; the number of entries written."""
    entries = demo_entries(today, lang=lang, now=now)
    for entry in entries:
        journal.save(entry, touch=False, durable=durable)
    return len(entries)


def demo_context(lang: str | None = None, *, today: date | None = None) -> Context:
    """A Context on a new temporary journal filled with the demo, removed at exit.

    Nothing of the user's is read or written: no config file (a demo is the same
    for everyone, except its language, which follows the locale when ``lang`` is
    None), no journal, no cache outside the temporary folder.
    """
    folder = Path(tempfile.mkdtemp(prefix="journal-tui-demo-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    language = resolve_language(lang)
    journal = Journal(folder / "journal", fmt="toml", cache_dir=folder / "cache")
    # No fsync: the folder is thrown away at exit (filling it: 125 -> 55 ms).
    now = None if today else now_local()  # a given day: tests, with no clock
    day = today or now_local().date() if now is None else now.date()
    populate(journal, day, durable=False, lang=language, now=now)
    config = Config(language=language, format="toml", journal_dir=journal.root)
    return Context(config=config, lang=language, journal=journal, clock=now_local)


# ---------------------------------------------------------------------- planning


def _bundled_book() -> PromptBook:
    """The bundled prompts only, so the demo is the same for every user."""
    return load_prompts(None)[0]


def _plan(rng: random.Random, book: PromptBook, start: date, today: date, lang: str,
          clock: _Clock) -> list[_Plan]:
    total = max((today - start).days, 1)
    # A short holiday: three or four days without writing, a third of the way in.
    gap_start = start + timedelta(days=int(total * rng.uniform(0.3, 0.45)))
    gap = {gap_start + timedelta(days=i) for i in range(rng.choice((3, 4)))}
    themes = _ThemeDeck(rng, list(book.themes))
    prompt_decks: dict[str, list[Prompt]] = {}
    plans: list[_Plan] = []
    skipped = False
    day = start
    while day <= today:
        if day == today:
            count = 1  # the Today screen shows an entry of the day
        elif (today - day).days < 6:
            count = 1  # a running streak, so the streak line has something to show
        elif day in gap:
            count = 0
        else:
            roll = rng.random()
            skip = 0.3 if skipped else 0.12
            count = 0 if roll < skip else 2 if roll > 0.92 else 1
        skipped = count == 0
        minute = rng.randint(6 * 60 + 20, 9 * 60)  # first entry between 06:20 and 09:00
        for n in range(count):
            if n:
                minute = rng.randint(max(minute + 45, 10 * 60), 11 * 60 + 50)
            when = clock.at(day, minute, rng.randint(0, 59))
            prompt: Prompt | None
            if day == today:  # today's entry answers the prompt of the day
                prompt = prompt_of_the_day(book, today)
                theme = prompt.theme
            else:
                theme = themes.next()
                prompt = (None if rng.random() < 0.1
                          else _next_prompt(rng, book, theme, prompt_decks))
            plans.append(_Plan(day, when, theme, prompt, "", (day - start).days / total))
        day += timedelta(days=1)
    for plan, written_in in zip(plans, _languages(rng, len(plans), lang), strict=True):
        plan.lang = written_in
    _choose_poles(rng, book, plans)
    return plans


def _languages(rng: random.Random, count: int, main: str) -> list[str]:
    """``count`` languages, ``main`` in the proportion ``MAIN_SHARE``, shuffled."""
    other = "en" if main == "fr" else "fr"
    n = round(count * MAIN_SHARE)
    return rng.sample([main] * n + [other] * (count - n), count)


class _ThemeDeck:
    """Themes in shuffled rounds, never the same one twice in a row."""

    def __init__(self, rng: random.Random, ids: list[str]) -> None:
        self.rng = rng
        self.ids = ids
        self.deck: list[str] = []
        self.last: str | None = None

    def next(self) -> str:
        if not self.deck:
            self.deck = self.rng.sample(self.ids, len(self.ids))
            if len(self.deck) > 1 and self.deck[-1] == self.last:
                self.deck[0], self.deck[-1] = self.deck[-1], self.deck[0]
        self.last = self.deck.pop()
        return self.last


def _next_prompt(rng: random.Random, book: PromptBook, theme: str,
                 decks: dict[str, list[Prompt]]) -> Prompt | None:
    deck = decks.setdefault(theme, [])
    if not deck:
        deck.extend(rng.sample(list(book.prompts_for(theme)), len(book.prompts_for(theme))))
    return deck.pop() if deck else None


def _pole_for(rng: random.Random, progress: float) -> tuple[str, int]:
    """A pole and a check-in value: mostly low early on, mostly high at the end."""
    if rng.random() < 0.08:
        return "mixed", 0
    # A logistic curve: the turn comes a little before halfway, with setbacks either side.
    high = rng.random() < min(0.95, max(0.05, 1 / (1 + math.exp(-8 * (progress - 0.45)))))
    size = 2 if rng.random() < (0.25 + 0.4 * progress if high else 0.45 - 0.3 * progress) else 1
    return ("high", size) if high else ("low", -size)


def _choose_poles(rng: random.Random, book: PromptBook, plans: list[_Plan]) -> None:
    polar = {tid for tid, t in book.themes.items() if t.polar}
    for plan in plans:
        if plan.theme in polar:
            plan.pole, plan.value = _pole_for(rng, plan.progress)
        if rng.random() < 0.35:
            plan.second = rng.choice([t for t in book.themes if t != plan.theme])
            if plan.second in polar:
                plan.second_pole, plan.second_value = _pole_for(rng, plan.progress)
    # Each polar theme is met at both poles: first at the low one, last at the high one.
    forced: set[int] = set()
    for tid in sorted(polar):
        mine = [p for p in plans if p.theme == tid]
        if mine:
            mine[0].pole, mine[0].value = "low", -rng.choice((1, 2))
            mine[-1].pole, mine[-1].value = "high", rng.choice((1, 2))
            forced |= {id(mine[0]), id(mine[-1])}
    for plan in plans:
        if plan.value is not None and (id(plan) in forced or rng.random() < 0.9):
            plan.checkin[plan.theme] = plan.value
        if plan.second is not None and plan.second_value is not None and rng.random() < 0.5:
            plan.checkin[plan.second] = plan.second_value


# ---------------------------------------------------------------------- writing


class _Decks:
    """Draw fragments without repeats until a bank is used up, then reshuffle."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.decks: dict[tuple[str, ...], list[str]] = {}

    def draw(self, key: tuple[str, ...], bank: Sequence[str]) -> str:
        deck = self.decks.setdefault(key, [])
        if not deck:
            deck.extend(self.rng.sample(list(bank), len(bank)))
        return deck.pop()

    def fragment(self, theme: str, pole: str, lang: str) -> str:
        if pole == "mixed":
            pole = self.rng.choice(("low", "high"))
        bank = text.THEMES.get(theme, {}).get(pole)
        if bank is None:  # a theme the bank does not know
            bank = text.THEMES["inspiration"]["any"] if pole == "any" else text.GENERIC[pole]
            theme = "_generic"
        return self.draw((theme, pole, lang), bank[lang])


def _person(rng: random.Random) -> str:
    return "@" + rng.choices(text.CAST, weights=(3, 3, 2, 2, 2, 1))[0]


def _fill(rng: random.Random, sentence: str) -> str:
    while "{p}" in sentence:
        sentence = sentence.replace("{p}", _person(rng), 1)
    return sentence


def _body(rng: random.Random, plan: _Plan, decks: _Decks) -> str:
    lang = plan.lang

    def fill(sentence: str) -> str:
        return _fill(rng, sentence)

    lead: list[str] = []
    if rng.random() < 0.8:
        lead.append(fill(decks.draw(("opener", lang), text.OPENERS[lang])))
    with_list = rng.random() < 0.2
    for _ in range(rng.choice((1, 1, 2)) if with_list else rng.choice((1, 1, 2, 2, 3, 4))):
        lead.append(fill(decks.fragment(plan.theme, plan.pole, lang)))
    if len(lead) == 1 and not with_list and plan.second is None:  # two sentences at least
        lead.insert(0, fill(decks.draw(("opener", lang), text.OPENERS[lang])))
    blocks = [" ".join(lead)]
    if with_list:
        items = [fill(decks.fragment(plan.theme, plan.pole, lang))
                 for _ in range(rng.choice((2, 3)))]
        intro = decks.draw(("list", lang), text.LIST_INTROS[lang])
        blocks.append("\n".join([intro, "", *(f"- {item}" for item in items)]))
    if plan.second is not None:
        blocks.append(fill(decks.fragment(plan.second, plan.second_pole, lang)))
    if rng.random() < 0.4:
        blocks.append(fill(decks.draw(("closer", lang), text.CLOSERS[lang])))
    if rng.random() < 0.75:
        poles = text.THEME_TAGS[lang].get(plan.theme, {})
        tags = [poles.get(plan.pole, poles.get("any"))]
        tags += rng.sample(text.CONTEXT_TAGS[lang], rng.choice((0, 1, 1, 2)))
        blocks.append(" ".join(f"#{t}" for t in tags if t))
    return "\n\n".join(blocks) + "\n"


def _mood(rng: random.Random, plan: _Plan) -> int | None:
    if rng.random() < 0.13:
        return None
    lift = {"low": -0.6, "high": 0.6}.get(plan.pole, 0.0)
    return max(1, min(5, round(2.3 + 1.7 * plan.progress + lift + rng.gauss(0, 0.7))))


def _new_id(rng: random.Random, when: datetime, used: set[str]) -> str:
    while True:
        entry_id = f"{when:%Y%m%d-%H%M%S}-" + "".join(rng.choices(_ID_CHARS, k=4))
        if entry_id not in used:
            used.add(entry_id)
            return entry_id
        when += timedelta(seconds=1)


def _entry(rng: random.Random, plan: _Plan, decks: _Decks, used: set[str]) -> Entry:
    body = _body(rng, plan, decks)
    entry = Entry(
        id=_new_id(rng, plan.when, used),
        date=plan.day,
        created=plan.when,
        updated=plan.when + timedelta(minutes=rng.randint(3, 14), seconds=rng.randint(0, 59)),
        body=body,
        prompt_id=plan.prompt.id if plan.prompt else None,
        prompt=plan.prompt.text_in(plan.lang) if plan.prompt else None,
        mood=_mood(rng, plan),
        checkin=dict(plan.checkin),
    )
    return refresh_derived(entry, extra_tags=[])


# ---------------------------------------------------------------------- reviews


def _reviews(rng: random.Random, book: PromptBook, entries: list[Entry], plans: list[_Plan],
             start: date, today: date, used: set[str], main: str,
             clock: _Clock) -> list[Entry]:
    """A review note on the Sunday of every past week but one or two (not the last)."""
    first = start + timedelta(days=6 - start.weekday())
    sundays = [first + timedelta(days=7 * n) for n in range((today - first).days // 7 + 1)]
    missed = set(rng.sample(sundays[:-1], min(len(sundays) - 1, rng.choice((1, 2)))))
    kept = [sunday for sunday in sundays if sunday not in missed]
    out: list[Entry] = []
    for sunday, lang in zip(kept, _languages(rng, len(kept), main), strict=True):
        week = [(e, p) for e, p in zip(entries, plans, strict=True)
                if sunday - timedelta(days=6) <= e.date <= sunday]
        out.append(_review(rng, book, sunday, lang, week, used, clock))
    return out


def _review(rng: random.Random, book: PromptBook, sunday: date, lang: str,
             week: list[tuple[Entry, _Plan]], used: set[str], clock: _Clock) -> Entry:
    words = text.REVIEW[lang]
    moods = [e.mood for e, _ in week if e.mood is not None]
    themes = Counter(t for _, p in week for t in (p.theme, p.second) if t)
    people = Counter(name for e, _ in week for name in e.people)
    signal = sum(v for e, _ in week for v in e.checkin.values())
    mood = round(sum(moods) / len(moods), 1) if moods else None
    lines = [f"# {words['heading'][0].format(week=iso_week(sunday))}", ""]
    if week and mood is not None:
        shown = f"{mood:.1f}".replace(".", ",") if lang == "fr" else f"{mood:.1f}"
        lines.append(words["summary"][0].format(n=len(week), mood=shown))
    else:
        lines.append(words["summary_none"][0])
    tone = "high" if signal > 0 else "low"
    lines.append(" ".join(rng.sample(words[tone], 2)))
    lines.append("")
    if themes:
        names = [book.theme(t).name(lang) for t, _ in themes.most_common(3)]
        lines.append(words["themes"][0].format(themes=", ".join(names)))
    if people:
        lines.append(words["people"][0].format(
            people=", ".join(f"@{name}" for name, _ in people.most_common(3))))
    lines += ["", rng.choice(words["next_label"]), ""]
    lines += [f"- {item}" for item in rng.sample(words["next"], rng.choice((2, 3)))]
    lines += ["", f"#{words['tag'][0]}"]
    minute = rng.randint(9 * 60 + 30, 11 * 60 + 30)
    when = clock.at(sunday, minute, rng.randint(0, 59))
    entry = Entry(
        id=_new_id(rng, when, used),
        date=sunday,
        created=when,
        updated=when + timedelta(minutes=rng.randint(8, 25)),
        body="\n".join(lines) + "\n",
        kind="review",
        week=iso_week(sunday),
        mood=round(mood) if mood is not None else None,
    )
    return refresh_derived(entry, extra_tags=[])
