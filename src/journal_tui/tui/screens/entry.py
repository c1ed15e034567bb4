"""Read one entry, rendered as Markdown; edit it in the Today editor or delete it.

The entry's text is data: shown through ``printable`` (a control character is
shown escaped, never sent to the terminal), never as markup, and a link opens
only once the person has seen its address and said yes.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Markdown, Static

from journal_tui.core.i18n import long_date
from journal_tui.core.model import Entry
from journal_tui.core.printable import printable
from journal_tui.tui.data import marked, shown
from journal_tui.tui.host import LARGE
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.strings import MSG, localize_bindings
from journal_tui.tui.widgets.dialogs import ConfirmDialog
from journal_tui.tui.widgets.footer import KeyFooter

MANY = 40
"""Tags or people listed above the text, at most (then how many more)."""


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
            body = self.entry.body
            if len(body) > LARGE:  # a Markdown view of megabytes takes seconds to build
                yield Static(MSG("entry.shown_part", self.lang, shown=LARGE // 1000,
                                 size=len(body) // 1000), id="entry-part")
                body = body[:LARGE]
            yield Markdown(printable(body), id="entry-body", open_links=False)
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
            out.append(printable(e.prompt), style="italic")
        details: list[tuple[str, str]] = []
        if e.mood is not None:
            details.append(("", MSG("entry.mood", lang, n=e.mood)))
        if e.tags:
            details.append((MSG("entry.tags", lang), marked(e.tags, "#", MANY)))
        if e.people:
            details.append((MSG("entry.people", lang), marked(e.people, "@", MANY)))
        for theme_id, rating in e.checkin.items():
            try:
                theme = book.theme(theme_id)
                label = f"{theme.pole('low', lang)} ◀ {rating:+d} ▶ {theme.pole('high', lang)}"
            except (KeyError, LookupError, TypeError):
                label = f"{shown(theme_id)} {rating:+d}"
            details.append((MSG("entry.rating", lang), label))
        for name, value in details:
            out.append("\n")
            if name:
                out.append(MSG("label", lang, name=name), style="dim")
            out.append(value)
        return out

    @on(Markdown.LinkClicked)
    def _link(self, event: Markdown.LinkClicked) -> None:
        """A link opens only once the person has seen where it goes and said yes."""
        event.stop()
        url = event.href

        def answer(yes: bool | None) -> None:
            if yes:
                self.app.open_url(url)

        self.app.push_screen(ConfirmDialog(MSG("link.question", self.lang, url=shown(url)),
                                           MSG("link.yes", self.lang), MSG("link.no", self.lang),
                                           title=MSG("link.title", self.lang)), answer)

    def action_back(self) -> None:
        self.dismiss()

    def action_edit(self) -> None:
        """Edit in Today, read afresh from its file (a file of a newer schema stays
        read only: the host says so and shows it here again)."""
        self.dismiss()
        self.host.open_entry(self.entry.id, edit=True)

    def action_delete(self) -> None:
        """Ask, then to the trash (the host's, as from the Journal list); the screen
        closes once it is done."""
        self.host.delete_entry(self.entry, done=self._dismiss_if_shown)

    def _dismiss_if_shown(self) -> None:
        if self.is_current:
            self.dismiss()
