"""The review's seven-day strip: which days have entries, and their mood."""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widget import Widget

from journal_tui.core.i18n import number
from journal_tui.core.review import Day, day_label

CELL = 10
MOOD_STYLE = {1: "bold $error", 2: "$error", 3: "$warning", 4: "$success", 5: "bold $success"}


def mood_style(mood: float | None) -> str:
    return "dim" if mood is None else MOOD_STYLE[max(1, min(5, round(mood)))]


class DayStrip(Widget):
    """Monday to Sunday: the day, a dot per entry, the day's mean mood."""

    DEFAULT_CSS = """
    DayStrip {
        height: 3;
        width: 1fr;
    }
    """

    def __init__(self, *, lang: str = "en", id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.days: tuple[Day, ...] = ()
        self.today: date | None = None

    def show(self, days: tuple[Day, ...], today: date, lang: str) -> None:
        self.days, self.today, self.lang = days, today, lang
        self.refresh()

    def render(self) -> Content:
        width = max(5, min(CELL, self.size.width // 7 if self.size.width else CELL))
        rows: list[list[tuple[str, str]]] = [[], [], []]
        for d in self.days:
            label = day_label(d.day, self.lang)[: width - 1].center(width - 1)
            style = "bold" if d.entries else "dim"
            if d.day == self.today:
                style += " reverse"
            rows[0] += [(label, style), (" ", "")]
            dots = "●" * min(d.entries, 3) + ("+" if d.entries > 3 else "") or "·"
            rows[1] += [(dots.center(width - 1), "bold $accent" if d.entries else "dim"),
                        (" ", "")]
            mood = number(d.mood, ".1f", self.lang) if d.mood is not None else ""
            rows[2] += [(mood.center(width - 1), mood_style(d.mood)), (" ", "")]
        parts: list[tuple[str, str] | str] = []
        for i, row in enumerate(rows):
            if i:
                parts.append("\n")
            parts.extend(row)
        return Content.assemble(*parts)
