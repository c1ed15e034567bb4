"""A month calendar that marks the days with entries; keyboard-driven.

Arrows move the cursor a day or a week, PgUp/PgDn a month, Enter selects the
day under the cursor (``MonthCalendar.DaySelected``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from journal_tui.core.i18n import WEEKDAYS, month_text
from journal_tui.tui.data import add_months
from journal_tui.tui.strings import localize_bindings


class MonthCalendar(Widget, can_focus=True):
    DEFAULT_CSS = """
    MonthCalendar {
        width: 22;
        height: 9;
        padding: 0 1;
    }
    MonthCalendar > .calendar--written {
        color: $accent;
        text-style: bold;
    }
    MonthCalendar > .calendar--today {
        text-style: underline;
    }
    MonthCalendar > .calendar--cursor {
        background: $foreground 20%;
    }
    MonthCalendar:focus > .calendar--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    MonthCalendar > .calendar--title {
        text-style: bold;
    }
    """
    HELP_TITLE = "help.calendar"
    COMPONENT_CLASSES = {"calendar--written", "calendar--today", "calendar--cursor",
                         "calendar--title"}

    BINDINGS = [
        Binding("left", "move(-1)", "b.cal_day", show=False),
        Binding("right", "move(1)", "b.cal_day", show=False),
        Binding("up", "move(-7)", "b.cal_week", show=False),
        Binding("down", "move(7)", "b.cal_week", show=False),
        Binding("pageup", "month(-1)", "b.cal_prev_month", show=False),
        Binding("pagedown", "month(1)", "b.cal_next_month", show=False),
        Binding("enter", "select", "b.cal_select", show=False),
    ]

    cursor: reactive[date] = reactive(date(2000, 1, 1))

    @dataclass
    class DaySelected(Message):
        calendar: MonthCalendar
        day: date

        @property
        def control(self) -> MonthCalendar:
            return self.calendar

    def __init__(self, cursor: date, *, lang: str = "en", today: date | None = None,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.lang = lang
        self.today = today or cursor
        self.written: set[date] = set()
        self.set_reactive(MonthCalendar.cursor, cursor)

    def on_mount(self) -> None:
        localize_bindings(self, self.lang)

    def mark(self, days: set[date]) -> None:
        self.written = days
        self.refresh()

    def action_move(self, days: int) -> None:
        self.cursor += timedelta(days=days)

    def action_month(self, months: int) -> None:
        self.cursor = add_months(self.cursor, months)

    def action_select(self) -> None:
        self.post_message(self.DaySelected(self, self.cursor))

    def render(self) -> Text:
        c = self.cursor
        written = self.get_component_rich_style("calendar--written")
        today_style = self.get_component_rich_style("calendar--today")
        cursor_style = self.get_component_rich_style("calendar--cursor")
        title_style = self.get_component_rich_style("calendar--title")
        out = Text(no_wrap=True, overflow="crop")
        out.append(month_text(c.year, c.month, self.lang).capitalize().center(20),
                   style=title_style)
        out.append("\n")
        out.append(" ".join(w[:2].capitalize() for w in WEEKDAYS[self.lang]), style="dim")
        for week in calendar.Calendar().monthdatescalendar(c.year, c.month):
            out.append("\n")
            for i, day in enumerate(week):
                if i:
                    out.append(" ")
                if day.month != c.month:
                    out.append("  ")
                    continue
                style = written if day in self.written else Style()
                if day == self.today:
                    style += today_style
                if day == c:
                    style += cursor_style
                out.append(f"{day.day:2d}", style=style)
        return out
