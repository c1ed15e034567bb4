"""Today's side panel: the streak, the day's entries, the theme's advice, "on this day".

Empty in the first frame (``build`` mounts its widgets right after it: they would add
about 15 ms to start); ``show`` fills it from the service's ``DayRead``. Choosing an
entry posts ``OptionList.OptionSelected`` from ``#day-entries`` (reopen it in the
editor) or ``#past-entries`` (read it), which the screen handles. Styled by
``today.tcss`` (its shell) and ``today_later.tcss`` (``TodayScreen #side …``: parsed
after the first frame, before it is built).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from journal_tui.core.printable import printable
from journal_tui.core.prompts import Theme
from journal_tui.tui.data import shown, title_of
from journal_tui.tui.strings import MSG

if TYPE_CHECKING:  # the service loads after the first frame
    from journal_tui.tui.service import DayRead


class DayPanel(VerticalScroll):
    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self._theme: Theme | None = None

    @property
    def built(self) -> bool:
        return bool(self.children)

    def build(self) -> None:
        """Mount the panel's widgets (once)."""
        if self.built:
            return
        lang = self.lang
        self.mount_all([
            Static(id="streak"),
            Static(MSG("today.entries", lang), classes="side-title"),
            Static(MSG("today.new_hint", lang), classes="hint"),
            OptionList(id="day-entries"),
            Static(id="advice-title", classes="side-title"),
            Static(id="advice"),
            Static(MSG("today.on_this_day", lang), classes="side-title"),
            OptionList(id="past-entries"),
        ])
        self.show_advice(self._theme)

    def show_advice(self, theme: Theme | None) -> None:
        """The prompt's theme and its advice (kept until the panel is built)."""
        self._theme = theme
        if not self.built:
            return
        lang = self.lang
        advice = self.query_one("#advice", Static)
        self.query_one("#advice-title", Static).update(
            Text(shown(theme.name(lang))) if theme is not None else "")
        advice.update(Text(printable(theme.advice_text(lang))) if theme is not None else "")
        advice.display = theme is not None

    def show(self, read: DayRead, current: str | None) -> None:
        """The day's data; ``current``: the id of the entry in the editor (marked ✎)."""
        self.build()
        lang, days = self.lang, read.streak
        self.query_one("#streak", Static).update(
            MSG(f"today.streak.{'one' if days == 1 else 'many'}"
                f"{'' if read.written_today else '_open'}", lang, n=days)
            if days else MSG("today.streak_none", lang))
        options = [Option(Text(f"{'✎ ' if e.id == current else ''}{e.created:%H:%M} "
                               f"{title_of(e.body, 60) or '…'}"), id=e.id)
                   for e in read.todays]
        self.query_one("#day-entries", OptionList).set_options(
            options or [Option(MSG("today.none_yet", lang), disabled=True)])
        past: list[Option] = []
        for key, day, entries in read.past:
            past.append(Option(f"[b]{MSG(key, lang)}[/b] · {day.isoformat()}", disabled=True))
            if not entries:
                past.append(Option(f"[dim]{MSG('today.nothing', lang)}[/dim]", disabled=True))
            for e in entries[:3]:
                past.append(Option(Text("• " + (title_of(e.body, 60) or "…")), id=e.id))
        self.query_one("#past-entries", OptionList).set_options(past)
