"""ISO weeks as ``YYYY-Www`` strings, shared by the review, intentions and questions;
and streaks of days.

Weeks are moved through their Monday's date, never by arithmetic on the number, so
2026-W53 is followed by 2027-W01 and 2027-W52 by 2028-W01.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Set
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


class Days(frozenset[date]):
    """Days (with an entry), their order kept: a streak is then two binary searches.
    Stepping back a day at a time through a set took ~50 ms for a streak of 100,000
    days, on every showing of the Review screen."""

    __slots__ = ("ordered",)
    ordered: tuple[date, ...]

    def __new__(cls, days: Iterable[date] = ()) -> Days:
        ordered = tuple(sorted(days))  # from the index already sorted: one pass
        made = super().__new__(cls, ordered)
        made.ordered = ordered
        return made

    def run_back(self, end: date) -> int:
        """How many days in a row end at ``end``."""
        ordered = self.ordered
        last = bisect_right(ordered, end) - 1
        if last < 0 or ordered[last] != end:
            return 0
        # Days are distinct and sorted: ordered[i:last + 1] is a run exactly when it
        # spans last - i days, true from ``last`` back to the run's first day only.
        lo, hi = 0, last
        while lo < hi:
            mid = (lo + hi) // 2
            if (end - ordered[mid]).days == last - mid:
                hi = mid
            else:
                lo = mid + 1
        return last - lo + 1


def days_in_a_row(days: Set[date], end: date) -> int:
    """Days in a row in ``days``, back from ``end`` (Today's streak, the review's).
    ``Days`` answer at once; another set is stepped through, one ``timedelta`` made,
    not one a step."""
    if isinstance(days, Days):
        return days.run_back(end)
    one, day, n = timedelta(days=1), end, 0
    while day in days:
        n += 1
        day -= one
    return n
