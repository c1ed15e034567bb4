"""The person's word on an entry's themes: the ``[themes]`` table of the entry file.

``determination = "low"``/``"high"`` for a polar theme, ``path = "yes"`` for a
plain one, ``synergy = "none"`` to say the entry is not about it. The word wins
over text detection everywhere (``core.detect`` applies it to every signal):
"none" removes the entry from the theme's mentions and balance, a pole counts as
a full ±1 signal. Check-ins stay as they are.

``confirm(journal, entry_id, theme, value, book)`` is what the TUI calls when a
person confirms or dismisses a noticed theme, and what ``journal-tui edit
--theme`` uses: it re-reads the entry from disk, changes only that table, and
saves it atomically (an unreadable file is never rewritten).
"""

from __future__ import annotations

from typing import Any

from journal_tui.core.i18n import Catalog, Told
from journal_tui.core.model import THEME_WORDS, Entry

__all__ = ["THEME_WORDS", "ThemeWordError", "check", "confirm", "dismiss", "parse", "with_word"]


WORD_MSG = Catalog({
    "unknown": ("unknown theme {theme}: use one of {themes}",
                "thème inconnu {theme} : choisissez parmi {themes}"),
    "polar": ("{theme} is a polar theme: use {theme}={allowed}, not {value}",
              "{theme} est un thème à deux pôles : écrivez {theme}={allowed}, pas {value}"),
    "plain": ("{theme} is a plain theme: use {theme}={allowed}, not {value}",
              "{theme} est un thème simple : écrivez {theme}={allowed}, pas {value}"),
    "option": ("bad --theme {option}: use THEME=low|high|yes|none",
               "--theme {option} incorrect : écrivez THÈME=low|high|yes|none"),
    "value": ("bad value {value} for {theme}: use low, high, yes or none",
              "valeur {value} incorrecte pour {theme} : écrivez low, high, yes ou none"),
})


class ThemeWordError(Told, ValueError):
    """An unknown theme, or a value that theme cannot take (one line for the user, in
    their language: ``text``)."""

    catalog = WORD_MSG


def check(book: Any, theme: str, value: str | None) -> None:
    """Raise ``ThemeWordError`` unless ``theme`` exists and may take ``value``.

    A polar theme takes "low", "high" or "none"; a plain one "yes" or "none";
    None (clear the word) fits any known theme.
    """
    t = book.themes.get(theme)
    if t is None:
        raise ThemeWordError("unknown", theme=repr(theme), themes=", ".join(book.themes))
    if value is None:
        return
    allowed = ("low", "high", "none") if t.polar else ("yes", "none")
    if value not in allowed:
        raise ThemeWordError("polar" if t.polar else "plain", theme=theme,
                             allowed="|".join(allowed), value=repr(value))


def parse(option: str, book: Any) -> tuple[str, str]:
    """``"determination=low"`` -> ("determination", "low"), checked against ``book``."""
    theme, sep, value = option.partition("=")
    theme, value = theme.strip(), value.strip().lower()
    if not sep or not theme or not value:
        raise ThemeWordError("option", option=repr(option))
    if value not in THEME_WORDS:
        raise ThemeWordError("value", value=repr(value), theme=theme)
    check(book, theme, value)
    return theme, value


def with_word(entry: Entry, theme: str, value: str | None) -> Entry:
    """A copy of ``entry`` with the word on ``theme`` set (None: cleared)."""
    themes = dict(entry.themes)
    if value is None:
        themes.pop(theme, None)
    else:
        themes[theme] = value
    return entry.with_changes(themes=themes)


def confirm(journal: Any, entry_id: str, theme: str, value: str | None, book: Any) -> Entry:
    """Record the person's word on ``theme`` for ``entry_id`` and save the entry.

    The entry is read afresh from its file so nothing typed elsewhere is lost; the
    body and every other field are kept as they are. Raises ``ThemeWordError``,
    ``storage.NotFound``, ``codec.UnreadableEntry`` or ``atomic.WriteError``.
    """
    check(book, theme, value)
    entry = with_word(journal.get(entry_id), theme, value)
    journal.save(entry)
    return entry


def dismiss(journal: Any, entry_id: str, theme: str, book: Any) -> Entry:
    """The person says ``entry_id`` is not about ``theme``."""
    return confirm(journal, entry_id, theme, "none", book)
