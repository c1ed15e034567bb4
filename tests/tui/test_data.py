"""The TUI's pure helpers (tui/data.py): dates and streaks."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from journal_tui.tui.data import add_months, on_this_day, streak


@given(st.dates(min_value=date(3, 1, 1), max_value=date(9997, 12, 31)),  # ±24 months: years 1-9999
       st.integers(min_value=-24, max_value=24))
def test_add_months_lands_in_the_right_month_clamped(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    last = calendar.monthrange(moved.year, moved.month)[1]
    assert moved.day == min(day.day, last)


def test_on_this_day_clamps_to_the_end_of_shorter_months() -> None:
    assert on_this_day(date(2026, 3, 31)) == [("today.month_ago", date(2026, 2, 28)),
                                              ("today.year_ago", date(2025, 3, 31))]
    assert on_this_day(date(2028, 2, 29))[1] == ("today.year_ago", date(2027, 2, 28))


def test_streak_counts_to_yesterday_while_today_is_blank() -> None:
    today = date(2026, 11, 26)
    written = [today - timedelta(days=n) for n in (1, 2, 3, 5)]
    assert streak(written, today) == 3
    assert streak([*written, today], today) == 4
    assert streak([], today) == 0
