"""Read one entry, rendered as Markdown; edit it in the Today editor or delete it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Markdown, Static

from journal_tui.core.i18n import long_date
from journal_tui.core.model import Entry
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.strings import MSG, localize_bindings
from journal_tui.tui.widgets.footer import KeyFooter


class EntryScreen(AppScreen):
    CSS_PATH = "entry.tcss"
    AUTO_FOCUS = "#reader"
    HELP_TITLE = "help.entry"

    BINDINGS = [
        Binding("escape", "back", "b.back", id="back", show=False),
        Binding("e", "edit", "b.edit", id="edit"),
        Binding("d", "delete", "b.delete", id="delete"),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.lang)
        yield Header()
        with VerticalScroll(id="reader"):
            yield Static(self._meta(), id="meta-info")
            yield Markdown(self.entry.body, id="entry-body")
        yield KeyFooter(compact=True, show_command_palette=False)

    def _meta(self) -> Text:
        e, lang = self.entry, self.lang
        book = self.ctx.prompts
        out = Text()
        out.append(long_date(e.date, lang), style="bold")
        out.append(f"  {e.created:%H:%M}", style="dim")
        if e.kind == "review":
            out.append("  " + MSG("entry.review", lang, week=e.week or ""), style="bold")
        if e.prompt:
            out.append("\n")
            out.append(e.prompt, style="italic")
        details: list[tuple[str, str]] = []
        if e.mood is not None:
            details.append(("", MSG("entry.mood", lang, n=e.mood)))
        if e.tags:
            details.append((MSG("entry.tags", lang), " ".join(f"#{t}" for t in e.tags)))
        if e.people:
            details.append((MSG("entry.people", lang), " ".join(f"@{p}" for p in e.people)))
        for theme_id, rating in e.checkin.items():
            try:
                theme = book.theme(theme_id)
                label = f"{theme.pole('low', lang)} ◀ {rating:+d} ▶ {theme.pole('high', lang)}"
            except (KeyError, LookupError, TypeError):
                label = f"{theme_id} {rating:+d}"
            details.append((MSG("entry.rating", lang), label))
        for name, value in details:
            out.append("\n")
            if name:
                out.append(MSG("label", lang, name=name), style="dim")
            out.append(value)
        return out

    def action_back(self) -> None:
        self.dismiss()

    async def action_edit(self) -> None:
        entry = self.entry
        self.dismiss()
        await self.host.edit_entry(entry)

    def action_delete(self) -> None:
        """Ask, then to the trash (the host's, as from the Journal list); the screen
        closes once it is done."""
        self.host.delete_entry(self.entry, done=self._dismiss_if_shown)

    def _dismiss_if_shown(self) -> None:
        if self.is_current:
            self.dismiss()
