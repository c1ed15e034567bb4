"""Help: every key of every screen, from the bindings themselves (``tui/keys.py``), so
it never drifts and a new screen appears in it without an edit here."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from journal_tui.tui.host import host_of
from journal_tui.tui.keys import sections
from journal_tui.tui.strings import MSG


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

    def _table(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column()
        for n, section in enumerate(sections(self.app, self.lang)):
            if n:
                table.add_row("", "")
            table.add_row("", Text(section.title, style="bold underline"))
            for keys, text in section.rows:
                table.add_row(Text(keys), Text(text))
        return table
