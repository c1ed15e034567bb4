"""ISO weeks as ``YYYY-Www`` strings, shared by the review, intentions and questions;
and streaks of days.

Weeks are moved through their Monday's date, never by arithmetic on the number, so
2026-W53 is followed by 2027-W01 and 2027-W52 by 2028-W01.
"""

from __future__ import annotations

from datetime import date, timedelta

from journal_tui.core.model import iso_week


def week_start(week: str) -> date:
    """Monday of ``YYYY-Www`` (``ValueError`` if the week does not exist)."""
    year, _, num = week.partition("-W")
    return date.fromisocalendar(int(year), int(num), 1)


def shift_week(week: str, n: int) -> str:
    """The week ``n`` weeks after ``week`` (before, for n < 0)."""
    return iso_week(week_start(week) + timedelta(weeks=n))


def weeks_from(first: str, last: str) -> list[str]:
    """Every week from ``first`` to ``last`` inclusive, oldest first ([] if reversed)."""
    start, end = week_start(first), week_start(last)
    return [iso_week(start + timedelta(weeks=k)) for k in range((end - start).days // 7 + 1)]


def days_in_a_row(days: set[date], end: date) -> int:
    """Days in a row in ``days``, back from ``end`` (Today's streak, the review's), one
    ``timedelta`` made, not one a step: a streak of 100,000 days took ~0.4 s."""
    one, day, n = timedelta(days=1), end, 0
    while day in days:
        n += 1
        day -= one
    return n
