"""Bilingual strings: each area keeps its own small catalog next to its code.

A catalog maps a key to its English and French text; a missing French text
falls back to English rather than showing a key to the user.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

LANGS = ("fr", "en")

MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}
WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


class Catalog:
    def __init__(self, entries: Mapping[str, tuple[str, str]]) -> None:
        """``entries``: key -> (English, French)."""
        self._entries = dict(entries)

    def __call__(self, key: str, lang: str, /, **values: object) -> str:
        en, fr = self._entries[key]
        text = fr if lang == "fr" and fr else en
        return text.format(**values) if values else text

    def count(self, key: str, n: int, lang: str, /, **values: object) -> str:
        """The message about ``n`` things: ``key.one`` where ``n`` takes the singular
        in ``lang`` (and the catalog has that variant), else ``key``."""
        one = f"{key}.one"
        return self(one if singular(n, lang) and one in self._entries else key, lang, **values)

    def keys(self) -> set[str]:
        return set(self._entries)


def singular(n: int, lang: str) -> bool:
    """Whether ``n`` things take the singular: 1 in English; 0 and 1 in French."""
    return n == 1 or (lang == "fr" and n == 0)


def number(value: float, spec: str, lang: str) -> str:
    """``value`` formatted with ``spec`` (``"+.2f"``), with a decimal comma in French."""
    text = format(value, spec)
    return text.replace(".", ",") if lang == "fr" else text


def long_date(day: date, lang: str) -> str:
    """"Thursday 26 November 2026" / "jeudi 26 novembre 2026"."""
    wd = WEEKDAYS[lang][day.weekday()]
    month = MONTHS[lang][day.month - 1]
    if lang == "fr":
        num = "1er" if day.day == 1 else str(day.day)
        return f"{wd} {num} {month} {day.year}"
    return f"{wd} {day.day} {month} {day.year}"


def short_weekday(day: date, lang: str) -> str:
    return WEEKDAYS[lang][day.weekday()][:3]


def colon(lang: str) -> str:
    """French typography puts a (non-breaking) space before a colon."""
    return "\u00a0: " if lang == "fr" else ": "
