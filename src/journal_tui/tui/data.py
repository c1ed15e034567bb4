"""Pure helpers the TUI screens share (no Textual here): text from files as shown,
streaks, dates, theme filters."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from journal_tui.core.model import Entry
from journal_tui.core.printable import printable
from journal_tui.core.prompts import PromptBook
from journal_tui.core.text import first_line
from journal_tui.core.weeks import days_in_a_row


def shown(text: str) -> str:
    """Text from a file as one line on screen: control characters and bidi overrides
    escaped (never a terminal sequence), line breaks as spaces. Pass it as text
    (``Text``, ``Content``, ``markup=False``), never as markup."""
    return printable(text, newlines=False)


def title_of(text: str, width: int | None = None) -> str:
    """The first line of ``text`` (an entry's body or prompt) as shown: ``shown``."""
    return shown(first_line(text, width))


def marked(names: list[str], mark: str, limit: int | None = None) -> str:
    """Tags or people as shown: ``#a #b``; past ``limit`` names, how many more
    (a file may hold thousands: the entry's text must stay in view)."""
    text = " ".join(f"{mark}{shown(name)}" for name in names[:limit])
    if limit is not None and len(names) > limit:
        text += f" … (+{len(names) - limit})"
    return text


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole months, clamped to the target month's length."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    month += 1
    first_of_next = date(year + month // 12, month % 12 + 1, 1)
    return date(year, month, min(day.day, (first_of_next - timedelta(days=1)).day))


def streak(days: Iterable[date], today: date) -> int:
    """Days in a row with an entry, ending today (or yesterday, if today is still blank)."""
    written = set(days)
    return days_in_a_row(written, today if today in written else today - timedelta(days=1))


def on_this_day(day: date) -> list[tuple[str, date]]:
    """The dates "a month ago" and "a year ago" from ``day`` (catalog key, date)."""
    return [("today.month_ago", add_months(day, -1)), ("today.year_ago", add_months(day, -12))]


def entry_themes(entry: Entry, book: PromptBook) -> set[str]:
    """The themes an entry touches: its prompt's theme and its self-ratings."""
    themes = set(entry.checkin)
    prompt = book.prompt(entry.prompt_id) if entry.prompt_id else None
    if prompt is not None:
        themes.add(prompt.theme)
    return themes


def parse_tags(text: str) -> list[str]:
    """Tags typed in a field: separated by commas or spaces, ``#`` optional."""
    out: list[str] = []
    for part in text.replace(",", " ").split():
        tag = part.strip().lstrip("#")
        if tag and tag.casefold() not in {t.casefold() for t in out}:
            out.append(tag)
    return out
