"""Help: every key of every screen, from the bindings themselves (so it never drifts)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from journal_tui.tui.host import host_of
from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.screens.journal import JournalScreen
from journal_tui.tui.screens.today import TodayScreen
from journal_tui.tui.strings import MSG
from journal_tui.tui.widgets.calendar import MonthCalendar
from journal_tui.tui.widgets.scale import PoleScale, Scale


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"

    BINDINGS = [Binding("escape,f1,question_mark,q", "dismiss", show=False)]

    @property
    def lang(self) -> str:
        return host_of(self).lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help") as box:
            box.border_title = MSG("help.title", self.lang)
            box.border_subtitle = MSG("help.footer", self.lang)
            yield Static(self._table(), id="keys")

    def _sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        lang = self.lang
        everywhere = self._rows(type(self.app).BINDINGS)
        everywhere.insert(1, ("?", MSG("help.question", lang)))
        everywhere.append((self.app.get_key_display(Binding("ctrl+p", "")),
                           MSG("help.palette", lang)))
        everywhere.append(("Tab", MSG("b.focus_next", lang)))
        return [
            (MSG("help.everywhere", lang), everywhere),
            (MSG("help.today", lang), self._rows(TodayScreen.BINDINGS)),
            (MSG("help.scales", lang),
             self._rows([*Scale.BINDINGS, *PoleScale.BINDINGS,
                         Binding("1-5", "pick", "b.mood_pick")])),
            (MSG("help.journal", lang),
             [*self._rows(JournalScreen.BINDINGS),
              (self.app.get_key_display(Binding("enter", "")), MSG("b.open", lang))]),
            (MSG("help.calendar", lang), self._rows(MonthCalendar.BINDINGS)),
            (MSG("help.entry", lang), self._rows(EntryScreen.BINDINGS)),
        ]

    def _rows(self, bindings: list[BindingType]) -> list[tuple[str, str]]:
        """(keys, description) per distinct description, keys joined: ``← →``."""
        rows: dict[str, list[str]] = {}
        known = MSG.keys()
        for b in bindings:
            if not isinstance(b, Binding) or not b.description:
                continue
            if b.key == "question_mark":
                continue
            desc = f"{b.description}_long" if f"{b.description}_long" in known else b.description
            text = MSG(desc, self.lang) if desc in known else desc
            keys = rows.setdefault(text, [])
            for key in b.key.split(","):
                shown = key if key == "1-5" else self.app.get_key_display(
                    Binding(key.strip(), ""))
                if shown not in keys:
                    keys.append(shown)
        return [(" ".join(keys), text) for text, keys in rows.items()]

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column()
        for n, (title, rows) in enumerate(self._sections()):
            if n:
                table.add_row("", "")
            table.add_row("", Text(title, style="bold underline"))
            for keys, text in rows:
                table.add_row(keys, text)
        return table
