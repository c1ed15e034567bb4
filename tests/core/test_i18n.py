"""Dates in words and French typography: one place writes them (core/i18n.py)."""

from __future__ import annotations

from datetime import date

import pytest

from journal_tui.core.i18n import (
    NBSP,
    Catalog,
    date_text,
    month_text,
    span_text,
    typeset,
    weekday_day,
)


@pytest.mark.parametrize(("day", "lang", "kwargs", "expected"), [
    (date(2026, 12, 1), "fr", {}, "mardi 1er décembre 2026"),
    (date(2026, 12, 1), "en", {}, "Tuesday 1 December 2026"),
    (date(2026, 12, 1), "fr", {"weekday": False, "year": False}, "1er décembre"),
    (date(2026, 11, 26), "fr", {"weekday": False, "year": False}, "26 novembre"),
    (date(2026, 7, 1), "fr", {"short": True, "year": False}, "mer. 1er juil."),
    (date(2026, 6, 2), "en", {"short": True}, "Tue 2 Jun 2026"),
])
def test_dates_in_words(day: date, lang: str, kwargs: dict[str, bool], expected: str) -> None:
    assert date_text(day, lang, **kwargs) == expected


def test_spans_months_and_days_within_a_week() -> None:
    assert span_text(date(2026, 11, 23), date(2026, 11, 29), "en") == "23–29 November 2026"
    assert span_text(date(2026, 11, 30), date(2026, 12, 6), "fr") == (
        "30 novembre – 6 décembre 2026")
    assert span_text(date(2026, 12, 28), date(2027, 1, 3), "fr") == (
        "28 décembre 2026 – 3 janvier 2027")
    assert span_text(date(2027, 3, 1), date(2027, 3, 7), "fr") == "1er–7 mars 2027"
    assert span_text(date(2026, 6, 29), date(2026, 7, 5), "fr", short=True) == (
        "29 juin – 5 juil.")
    assert month_text(2026, 11, "fr") == "novembre 2026"
    assert weekday_day(date(2026, 11, 1), "fr") == "dim. 1er"
    assert weekday_day(date(2026, 11, 29), "en") == "Sun 29"


@pytest.mark.parametrize(("written", "shown"), [
    ("Personnes : aucune", f"Personnes{NBSP}: aucune"),
    ("Mon chemin: mentions", f"Mon chemin{NBSP}: mentions"),
    ("Quitter quand même ?", f"Quitter quand même{NBSP}?"),
    ("« {title} »", f"«{NBSP}{{title}}{NBSP}»"),
    ("à 08:12, voir https://x.org !", f"à 08:12, voir https://x.org{NBSP}!"),
    ("Vraiment ?!", f"Vraiment{NBSP}?!"),
])
def test_french_typography(written: str, shown: str) -> None:
    assert typeset(written) == shown


def test_catalogs_typeset_french_templates_but_never_the_values() -> None:
    msg = Catalog({"at": ("At {time}: {path}", "À {time} : {path}")})
    assert msg("at", "fr", time="08:12", path="C: ;x") == f"À 08:12{NBSP}: C: ;x"
    assert msg("at", "en", time="08:12", path="p") == "At 08:12: p"


def test_french_is_typeset_when_first_said_and_kept(monkeypatch) -> None:
    """Every catalog loads at the TUI's start; typesetting all their French then cost
    ~3 ms, in English for nothing (issue 13)."""
    from journal_tui.core import i18n

    calls: list[str] = []
    real = i18n.typeset

    def counting(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(i18n, "typeset", counting)
    catalog = i18n.Catalog({"a": ("Theme: {t}", "Thème: {t}"), "b": ("Why?", "Pourquoi?")})
    assert calls == []
    assert catalog("a", "en", t="x") == "Theme: x"
    assert calls == []
    assert catalog("a", "fr", t="x") == "Thème\u00a0: x" == real("Thème: {t}").format(t="x")
    assert catalog("a", "fr", t="y") == "Thème\u00a0: y"
    assert calls == ["Thème: {t}"]  # once
    assert catalog.fields("b") == set() and catalog.fields("a") == {"t"}
