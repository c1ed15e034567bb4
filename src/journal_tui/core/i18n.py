"""Bilingual strings: each area keeps its own small catalog next to its code.

A catalog maps a key to its English and French text; a missing French text
falls back to English rather than showing a key to the user. French text gets
French typography (``typeset``), and every date the program shows in words is
written here (``date_text``, ``span_text``), so no two places disagree.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date

LANGS = ("fr", "en")

NBSP = "\u00a0"
"""The no-break space French typography puts before ``: ; ? !`` and inside ``« »``."""

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}
# Abbreviations as each language writes them ("juin" and "juillet" stay apart).
SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
           "oct.", "nov.", "déc."),
}
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
SHORT_WEEKDAYS = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
}

# A plain space (or none) before a high punctuation mark, or inside guillemets.
_BEFORE_MARK = re.compile(r" ?([:;?!»])")
_AFTER_GUILLEMET = re.compile(r"« ?")
_MARK = re.compile(r"(?<=[^\s:;?!])([:;?!»])(?=\s|$|[»)\"'’,.])")


def typeset(text: str) -> str:
    """French typography for a template or a sentence: a no-break space before
    ``: ; ? !`` and ``»`` and after ``«``, where a plain space (or nothing) was, so
    the mark never starts a line. Marks inside a word (``08:12``, ``https:``) and
    after another mark (``?!``) are left alone."""
    text = _MARK.sub(lambda m: " " + m.group(1), text)  # "chemin:" -> "chemin :"
    text = _BEFORE_MARK.sub(lambda m: NBSP + m.group(1) if m.group(0)[0] == " "
                            else m.group(0), text)
    return _AFTER_GUILLEMET.sub("«" + NBSP, text)


class Catalog:
    """Messages by key, in English and French.

    French templates are typeset (``typeset``), so a catalog written with ordinary
    spaces ("Thème : {theme}") shows no-break ones; values filled in (a path, a time)
    are never touched. Each is typeset when first said, then kept: typesetting them
    all as the catalogs load cost the TUI's start ~3 ms, in English for nothing.
    """

    def __init__(self, entries: Mapping[str, tuple[str, str]]) -> None:
        """``entries``: key -> (English, French)."""
        self._entries = dict(entries)
        self._typeset: dict[str, str] = {}  # key -> its French, typeset
        self.source = self._entries
        """The entries as written (the typography test reads them)."""

    def _french(self, key: str, fr: str) -> str:
        text = self._typeset.get(key)
        if text is None:
            text = self._typeset[key] = typeset(fr)
        return text

    def __call__(self, key: str, lang: str, /, **values: object) -> str:
        en, fr = self._entries[key]
        text = self._french(key, fr) if lang == "fr" and fr else en
        if not values:
            return text
        return text.format(**{k: v.said(lang) if isinstance(v, Sayable) else v
                              for k, v in values.items()})

    def count(self, key: str, n: int, lang: str, /, **values: object) -> str:
        """The message about ``n`` things: ``key.one`` where ``n`` takes the singular
        in ``lang`` (and the catalog has that variant), else ``key``."""
        one = f"{key}.one"
        return self(one if singular(n, lang) and one in self._entries else key, lang, **values)

    def keys(self) -> set[str]:
        return set(self._entries)

    def fields(self, key: str) -> set[str]:
        """The values ``key``'s texts ask for (a stored message is checked against them)."""
        import string

        en, fr = self._entries[key]
        return {name for text in (en, self._french(key, fr) if fr else fr)
                for _, name, _, _ in string.Formatter().parse(text) if name}

    def __contains__(self, key: object) -> bool:
        return key in self._entries


def singular(n: int, lang: str) -> bool:
    """Whether ``n`` things take the singular: 1 in English; 0 and 1 in French."""
    return n == 1 or (lang == "fr" and n == 0)


def number(value: float, spec: str, lang: str) -> str:
    """``value`` formatted with ``spec`` (``"+.2f"``), with a decimal comma in French."""
    text = format(value, spec)
    return text.replace(".", ",") if lang == "fr" else text


# ---------------------------------------------------------------------- dates


def day_number(day: date, lang: str) -> str:
    """The day of the month as a date shows it: "1er" on the first in French."""
    return "1er" if lang == "fr" and day.day == 1 else str(day.day)


def date_text(day: date, lang: str, *, weekday: bool = True, year: bool = True,
              short: bool = False) -> str:
    """A date in words, the one way the program writes one.

    "Thursday 26 November 2026" / "jeudi 26 novembre 2026"; ``weekday`` and
    ``year`` leave those out ("1er décembre"); ``short`` abbreviates weekday and
    month ("Tue 1 Dec", "mar. 1er déc.").
    """
    parts = []
    if weekday:
        parts.append((SHORT_WEEKDAYS if short else WEEKDAYS)[lang][day.weekday()])
    parts += [day_number(day, lang), (SHORT_MONTHS if short else MONTHS)[lang][day.month - 1]]
    if year:
        parts.append(str(day.year))
    return " ".join(parts)


def long_date(day: date, lang: str) -> str:
    """"Thursday 26 November 2026" / "jeudi 26 novembre 2026"."""
    return date_text(day, lang)


def weekday_day(day: date, lang: str) -> str:
    """"Sun 29" / "dim. 1er": a day within a week shown."""
    return f"{short_weekday(day, lang)} {day_number(day, lang)}"


def short_weekday(day: date, lang: str) -> str:
    return SHORT_WEEKDAYS[lang][day.weekday()]


def month_text(year: int, month: int, lang: str, *, short: bool = False) -> str:
    """"November 2026" / "novembre 2026" (``short``: "Nov" / "nov.", no year)."""
    if short:
        return SHORT_MONTHS[lang][month - 1]
    return f"{MONTHS[lang][month - 1]} {year}"


def span_text(start: date, end: date, lang: str, *, short: bool = False) -> str:
    """Two dates as a span, saying the month and year once where they are shared:
    "23–29 November 2026", "30 November – 6 December 2026", "1er–7 déc." (``short``:
    months abbreviated, no year)."""

    def part(d: date, *, month: bool, year: bool) -> str:
        text = day_number(d, lang)
        if month:
            text += " " + (SHORT_MONTHS if short else MONTHS)[lang][d.month - 1]
        if year and not short:
            text += f" {d.year}"
        return text

    if start.year != end.year:
        return f"{part(start, month=True, year=True)} – {part(end, month=True, year=True)}"
    if start.month != end.month:
        return f"{part(start, month=True, year=False)} – {part(end, month=True, year=True)}"
    return f"{part(start, month=False, year=False)}–{part(end, month=True, year=True)}"


def colon(lang: str) -> str:
    """": " in English, " : " (no-break space first) in French."""
    return NBSP + ": " if lang == "fr" else ": "


class Sayable:
    """An error or problem that can say itself in the person's language (``said``); a
    catalog's values that are ``Sayable`` are said in the catalog's language."""

    __slots__ = ()

    def said(self, lang: str) -> str:
        raise NotImplementedError


class Told(Sayable, Exception):
    """An error raised with a catalog key and its values, so each place that shows it
    says it in the person's language (``text``); ``str()`` stays English (logs, tests).
    Text that is not a key of ``catalog`` is said as written, in any language."""

    catalog: Catalog

    def __init__(self, message: str, /, **values: object) -> None:
        """For ``class E(Told, ValueError)``; an ``OSError`` passes its code first."""
        super().__init__(self._tell(message, values))

    def _tell(self, message: str, values: dict[str, object]) -> str:
        """Keep the key and values; returns the English text (``str()``'s)."""
        self.key = message if message in self.catalog else None
        self.values = values
        self.plain = message
        return self.text("en")

    def text(self, lang: str) -> str:
        return self.catalog(self.key, lang, **self.values) if self.key else self.plain

    def said(self, lang: str) -> str:
        return self.text(lang)


def said(error: object, lang: str) -> str:
    """``error`` in ``lang`` when it can say itself (``Sayable``), else ``str()``."""
    return error.said(lang) if isinstance(error, Sayable) else str(error)
