"""Read one entry: its details, the themes noticed in it, and its text with their
evidence marked; confirm or dismiss a theme, edit the entry in Today, delete it.

The text is shown as written (never Markdown-rendered, never markup, control
characters escaped by ``printable``): the evidence's character spans mark the very
words the detector read. What was noticed is read in a worker (the detector's data
loads on first use, ~0.2 s); the person's word goes to the entry's ``[themes]``
table through the service's ``set_word`` (an identity-checked save that changes
nothing else). The text's links are listed by ``l`` and open only once the person
has seen the address and said yes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.geometry import Region
from textual.message import Message
from textual.widgets import Static

from journal_tui.core.i18n import long_date
from journal_tui.core.model import Entry
from journal_tui.core.printable import printable
from journal_tui.core.stamp import FileStamp
from journal_tui.core.storage import Conflict
from journal_tui.tui.data import marked, shown
from journal_tui.tui.host import IO_ERRORS, LARGE, post_when_done
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.strings import MSG, localize_bindings
from journal_tui.tui.widgets.dialogs import ConfirmDialog
from journal_tui.tui.widgets.footer import KeyFooter
from journal_tui.tui.widgets.header import TitleHeader
from journal_tui.tui.widgets.pick_dialog import PickDialog
from journal_tui.tui.widgets.theme_noticed import MSG as NOTICED
from journal_tui.tui.widgets.theme_noticed import (
    NoticedList,
    NoticedRow,
    evidence_marks,
    highlighted,
    noticed_rows,
    rows_before,
)

if TYPE_CHECKING:
    from journal_tui.core.detect import Noticed

MANY = 40
"""Tags or people listed above the text, at most (then how many more)."""
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+")


class EntryScreen(AppScreen):
    CSS_PATH = "entry.tcss"
    AUTO_FOCUS = "#noticed"
    HELP_TITLE = "help.entry"

    BINDINGS = [
        Binding("escape", "back", "b.back", id="back", show=False),
        Binding("e", "edit", "b.edit", id="edit"),
        Binding("d", "delete", "b.delete", id="delete"),
        Binding("l", "links", "b.links", id="links", show=False),
        # The noticed theme picked (up/down): shown in the list's title, not the footer.
        Binding("c", "word('confirm')", "b.theme_yes", id="theme_yes", show=False),
        Binding("o", "word('other')", "b.theme_other", id="theme_other", show=False),
        Binding("x", "word('none')", "b.theme_no", id="theme_no", show=False),
        Binding("u", "word('clear')", "b.theme_clear", id="theme_clear", show=False),
        Binding("pageup", "page(-1)", "b.page_up", show=False),
        Binding("pagedown", "page(1)", "b.page_down", show=False),
    ]

    @dataclass
    class NoticedRead(Message):
        entry: Entry
        read: list[Noticed]

    @dataclass
    class ReadFailed(Message):
        error: Exception

    @dataclass
    class WordSaved(Message):
        entry: Entry

    @dataclass
    class WordFailed(Message):
        error: Exception

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry
        self._saving = False  # a word is on its way to disk
        self._read: list[Noticed] | None = None  # the text's reading, once known

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.lang)
        yield TitleHeader()
        with Vertical(id="entry-main"):
            with VerticalScroll(id="reader"):
                yield Static(self._meta(), id="meta-info")
                if len(self.entry.body) > LARGE:  # drawing megabytes takes seconds
                    yield Static(MSG("entry.shown_part", self.lang, shown=LARGE // 1000,
                                     size=len(self.entry.body) // 1000), id="entry-part")
                yield Static(highlighted(self._body(), []), id="entry-body")
            noticed = NoticedList(id="noticed")
            noticed.border_title = NOTICED("title", self.lang)
            noticed.border_subtitle = NOTICED("keys", self.lang)
            noticed.note = NOTICED("loading", self.lang)
            yield noticed
        yield KeyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.read_noticed(self.entry)

    @property
    def noticed(self) -> NoticedList:
        return self.query_one(NoticedList)

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

    # ------------------------------------------------------------ noticed themes

    @work(thread=True, exclusive=True, group="entry-noticed")
    def read_noticed(self, entry: Entry) -> None:
        """What the text says of each theme, with its evidence (the person's word
        left out, so the evidence of a confirmed theme stays known)."""
        from journal_tui.core.detect import notice  # loads the detector on first use

        try:
            if not isinstance(entry.source, FileStamp):  # from the index: read its file
                entry = self.service.entry(entry.id)
            read = notice(entry.with_changes(themes={}), self.ctx.prompts)
        except IO_ERRORS as exc:
            self.post_message(self.ReadFailed(exc))
            return
        self.post_message(self.NoticedRead(entry, read))

    def on_entry_screen_noticed_read(self, message: NoticedRead) -> None:
        self._set_entry(message.entry)
        self._read = message.read
        self._show_rows()
        if not self.noticed.rows and self.noticed.has_focus:
            self.query_one("#reader").focus()

    def on_entry_screen_read_failed(self, message: ReadFailed) -> None:
        self.noticed.show([], "")
        self.notify(MSG("read.error", self.lang, error=message.error), severity="error",
                    markup=False)

    def _set_entry(self, entry: Entry) -> None:
        changed = (entry.body, entry.checkin) != (self.entry.body, self.entry.checkin)
        self.entry = entry
        if changed:
            self.query_one("#meta-info", Static).update(self._meta())

    def _show_rows(self) -> None:
        rows = noticed_rows(self.entry, self._read or [], self.ctx.prompts, self.lang)
        self.noticed.show(rows, NOTICED("nothing", self.lang))

    @on(NoticedList.Selected)
    def _selected(self, message: NoticedList.Selected) -> None:
        noticed = self.noticed
        marks = evidence_marks(noticed.rows, noticed.selected, noticed.palette())
        body = self.query_one("#entry-body", Static)
        body.update(highlighted(self._body(), marks))
        if message.row is not None:
            self.call_after_refresh(self._evidence_into_view, message.row)

    def _evidence_into_view(self, row: NoticedRow) -> None:
        """Bring the row's first evidence into view (centred)."""
        spans = [span for e in row.evidence for span in e.spans]
        if not spans:
            return
        body = self.query_one("#entry-body", Static)
        reader = self.query_one("#reader", VerticalScroll)
        y = rows_before(self.entry.body, min(spans)[0], body.content_region.width,
                        self.app.console)
        top = body.virtual_region.y + body.styles.padding.top
        reader.scroll_to_region(Region(0, top + y, 1, 1), animate=False, center=True)

    def action_page(self, step: int) -> None:
        reader = self.query_one("#reader", VerticalScroll)
        if step < 0:
            reader.scroll_page_up(animate=False)
        else:
            reader.scroll_page_down(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "word":
            return self.noticed.current is not None
        return True

    def action_word(self, what: str) -> None:
        """Write the person's word on the theme picked: "confirm" (what counts now),
        "other" (the other pole), "none" (not about it), "clear" (take it back)."""
        row = self.noticed.current
        if row is None or self._saving:
            self.app.bell()
            return
        value = row.value(what)
        if what in ("confirm", "other") and value is None:
            self.app.bell()
            return
        if value == row.word:
            return  # already so
        self._saving = True
        post_when_done(self, self.service.set_word(self.entry, row.theme, value),
                       self.WordSaved, self.WordFailed)

    def on_entry_screen_word_saved(self, message: WordSaved) -> None:
        self._saving = False
        self._set_entry(message.entry)
        self._show_rows()

    def on_entry_screen_word_failed(self, message: WordFailed) -> None:
        self._saving = False
        error = message.error
        self.notify(MSG("word.error", self.lang, error=error), severity="error",
                    markup=False, timeout=10)
        if isinstance(error, Conflict):  # changed elsewhere: show it as it is now
            self.read_noticed(error.current if error.current is not None else self.entry)

    # ------------------------------------------------------------ links

    def _body(self) -> str:
        """The text drawn: all of it, or its first ``LARGE`` characters."""
        return self.entry.body[:LARGE]

    def action_links(self) -> None:
        """The text's web addresses, to pick one; it opens only after a yes that
        shows the address (text from a file is never an action by itself)."""
        urls = list(dict.fromkeys(_URL.findall(self.entry.body)))
        lang = self.lang

        def open_it(url: str | None) -> None:
            if url is None:
                return

            def answer(yes: bool | None) -> None:
                if yes:
                    self.app.open_url(url)

            self.app.push_screen(ConfirmDialog(
                MSG("link.question", lang, url=shown(url)), MSG("link.yes", lang),
                MSG("link.no", lang), title=MSG("link.title", lang)), answer)

        if len(urls) == 1:
            open_it(urls[0])
            return
        self.app.push_screen(PickDialog(MSG("link.title", lang), [(u, u) for u in urls],
                                        MSG("link.pick", lang), MSG("link.none", lang),
                                        list_id="links"), open_it)

    # ------------------------------------------------------------ edit, delete

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
