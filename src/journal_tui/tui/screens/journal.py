"""Journal: every entry, newest first, with live search, filters and a month calendar.

The screen never holds the journal: it asks the SQLite index (through the journal
service, in thread workers) for one page of the results and their count, and asks
for the next page as the cursor or the scroll nears the end of what it has. A
search is an index query (the index's folded text: case and accents ignored, as
``list --contains``); a burst of keystrokes queries once, for the last one (the
older workers find themselves cancelled once they get the lock). At 100,000
entries a keystroke shows its first page in a few milliseconds when the text is
common; the count follows from a scan of the index.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Select, Static
from textual.worker import get_current_worker

from journal_tui.core.conflicts import Conflict
from journal_tui.core.index import Query
from journal_tui.core.model import Entry
from journal_tui.core.prompts import PromptBook
from journal_tui.tui.messages import EntriesChanged
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.service import Page, Results
from journal_tui.tui.strings import MSG, localize_bindings
from journal_tui.tui.widgets.calendar import MonthCalendar
from journal_tui.tui.widgets.compact import compact
from journal_tui.tui.widgets.conflicts_dialog import ConflictsDialog
from journal_tui.tui.widgets.entry_list import EntryList
from journal_tui.tui.widgets.footer import KeyFooter
from journal_tui.tui.widgets.header import TitleHeader


@dataclass(frozen=True)
class Filters:
    contains: str = ""
    tag: str = ""
    theme: str | None = None
    start: date | None = None
    end: date | None = None

    @property
    def active(self) -> bool:
        return self != Filters()


def parse_date(text: str) -> date | None:
    """``YYYY-MM-DD`` or ``None``; raises ``ValueError`` on anything else."""
    text = text.strip()
    return date.fromisoformat(text) if text else None


PAGE = 60  # rows asked of the index at a time
WORDS_AFTER = 1.0
"""Seconds without a new text search before the journal's words are read."""


def query_of(filters: Filters, book: PromptBook, offset: int = 0,
             limit: int = PAGE) -> Query:
    """The index query for ``filters``: ``limit`` results from ``offset``."""
    theme = filters.theme
    prompts = tuple(p.id for p in book.prompts_for(theme)) if theme else ()
    return Query(start=filters.start, end=filters.end, tag=filters.tag or None,
                 contains=filters.contains or None, theme=theme, theme_prompts=prompts,
                 offset=offset, limit=limit)


class JournalScreen(AppScreen):
    CSS_PATH = "journal.tcss"
    AUTO_FOCUS = "#entries"

    class Shown(Message):
        """Posted once the results for ``filters`` are painted (benchmarks time it)."""

        def __init__(self, filters: Filters, count: int) -> None:
            super().__init__()
            self.filters = filters
            self.count = count

    # Read on worker threads, then handled here.
    @dataclass
    class FirstPage(Message):
        page: Page

    @dataclass
    class Loaded(Message):
        """The results for ``filters`` read afresh, and the days to mark."""

        results: Results
        filters: Filters
        days: set[date]
        listing: str

    @dataclass
    class Found(Message):
        """The first page of the results for ``filters``."""

        results: Results
        filters: Filters

    @dataclass
    class Counted(Message):
        found: int
        filters: Filters

    @dataclass
    class Fetched(Message):
        """The next page of the results for ``filters``, from ``offset``."""

        entries: list[Entry]
        found: int | None
        """How many results in all, when this page is the last."""
        offset: int
        filters: Filters

    BINDINGS = [
        Binding("slash", "focus_search", "b.search", id="search"),
        # Enter on a row opens it (the list's own key); here for Help.
        Binding("enter", "open", "b.open", id="open", show=False),
        Binding("e", "edit", "b.edit", id="edit"),
        Binding("d", "delete", "b.delete", id="delete"),
        Binding("u", "undo", "b.undo", id="undo"),
        Binding("escape", "clear_filters", "b.clear_filters", id="clear_filters"),
        Binding("c", "focus_calendar", "b.calendar", id="calendar", show=False),
        Binding("k", "conflicts", "b.conflicts", id="conflicts", show=False),
    ]
    HELP_WIDGETS = (MonthCalendar,)

    def __init__(self) -> None:
        super().__init__()
        self.filters = Filters()
        self.total = 0
        self._rows: list[Entry] = []  # the results read so far (a page or a few), listed
        self._found: int | None = 0  # results in all (None: being counted)
        self._count_text = ""
        self._fetching = False  # a page is being read
        self._listing: str | None = None  # of the entries read (None: not read yet)
        self._footer_active = (False, False)  # filters active, rows shown
        self._peeked: Page | None = None  # the first page, read as the screen is built
        self._page_shown = False  # the first page is on screen (read before the rest)
        self._words_asked = False  # the journal's words asked for (``_keep_words``)
        self._words_timer: Timer | None = None  # until then

    def compose(self) -> ComposeResult:
        lang = self.lang
        localize_bindings(self, lang)
        self._peek_first_page()
        book = self.ctx.prompts
        themes = sorted(((t.name(lang), t.id) for t in book.themes.values()),
                        key=lambda pair: pair[0].casefold())
        yield TitleHeader()
        with Horizontal(id="filters"):
            yield compact(Input(id="search", placeholder=MSG("journal.search", lang)))
            yield compact(Input(id="tag", placeholder=MSG("journal.tag", lang)))
            yield compact(Select(themes, id="theme", prompt=MSG("journal.all_themes", lang)))
        with Horizontal(id="journal"):
            yield EntryList((MSG("col.date", lang), MSG("col.entry", lang),
                             MSG("col.tags", lang)), lang=lang, id="entries",
                            review_label=lambda week: MSG("entry.review", lang, week=week))
            with Vertical(id="cal-panel"):
                yield MonthCalendar(self.host.day, lang=lang, today=self.ctx.today,
                                    id="calendar")
                yield compact(Input(id="from", placeholder=MSG("journal.from", lang)))
                yield compact(Input(id="to", placeholder=MSG("journal.to", lang)))
                yield Static(id="count")
        yield KeyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.watch(self.query_one("#entries", EntryList), "scroll_y", self._scrolled,
                   init=False)
        if self._peeked is not None:
            self._first_page(self._peeked)
            self._peeked = None

    def _peek_first_page(self) -> None:
        """The first page at once when the index is open and free (even while the
        start's walk goes on): a few ms here puts the rows in the screen's first
        frame, where the reading thread would land them a full repaint later. Read
        before the footer is built, which then shows the row keys from the start
        (a footer rebuilt for them cost ~15 % of F3 at 100,000 entries)."""
        page = self.service.peek_first_page(PAGE)
        if page is None:
            return  # the reading thread shows it
        self._peeked = page
        self._page_shown = True
        self._rows = list(page.entries)  # what the footer's row keys ask for
        self._footer_active = (False, bool(page.entries))

    def on_screen_resume(self) -> None:
        # (Textual refreshes the bindings on resume: "undo" shows if a delete happened.)
        if self._listing is not None:  # the entries read last time show at once
            self.call_after_refresh(self.post_message, self.Shown(self.filters, self._found or 0))
        self.call_once_after_refresh(self.load)  # entries may have changed on another screen

    def on_entries_changed(self, _: EntriesChanged) -> None:
        self.refresh_bindings()  # "undo" may be gone
        self.load()

    # ------------------------------------------------------------------ filters

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.filters = replace(self.filters, contains=event.value.strip())
        self.search()

    @on(Input.Changed, "#tag")
    def _tag_changed(self, event: Input.Changed) -> None:
        self.filters = replace(self.filters, tag=event.value.strip().lstrip("#"))
        self.search()

    @on(Select.Changed, "#theme")
    def _theme_changed(self, event: Select.Changed) -> None:
        value = event.value
        self.filters = replace(self.filters,
                               theme=None if value is Select.NULL else str(value))
        self.search()

    @on(Input.Changed, "#from")
    @on(Input.Changed, "#to")
    def _range_changed(self, event: Input.Changed) -> None:
        try:
            value = parse_date(event.value)
        except ValueError:
            event.input.add_class("-invalid")
            return
        event.input.remove_class("-invalid")
        if event.input.id == "from":
            self.filters = replace(self.filters, start=value)
        else:
            self.filters = replace(self.filters, end=value)
        self.search()

    @on(Input.Submitted, "#from")
    @on(Input.Submitted, "#to")
    def _range_submitted(self, event: Input.Submitted) -> None:
        if event.input.has_class("-invalid"):
            self.notify(MSG("journal.bad_date", self.lang, value=event.value),
                        severity="warning", markup=False)
        else:
            self.query_one("#entries", EntryList).focus()

    @on(Input.Submitted, "#search")
    @on(Input.Submitted, "#tag")
    def _submitted(self) -> None:
        self.query_one("#entries", EntryList).focus()

    @on(MonthCalendar.DaySelected)
    def _day_selected(self, event: MonthCalendar.DaySelected) -> None:
        """Selecting a day in the calendar shows that day's entries."""
        for input_id in ("#from", "#to"):
            self.query_one(input_id, Input).value = event.day.isoformat()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show "clear filters", "undo", and the keys acting on a row, only when they
        can do something."""
        if action == "clear_filters":
            return self.filters.active
        if action == "undo":
            return self.host.last_deleted is not None
        if action in ("open", "edit", "delete"):
            return bool(self._rows)
        return True

    def highlighted(self) -> Entry | None:
        """The entry under the list's cursor."""
        entries = self.query_one("#entries", EntryList)
        return entries.entry_at(entries.cursor_row)

    def action_open(self) -> None:
        entry = self.highlighted()
        if entry is not None:
            self.host.open_entry(entry.id)

    def action_edit(self) -> None:
        entry = self.highlighted()
        if entry is not None:
            self.host.open_entry(entry.id, edit=True)

    def action_delete(self) -> None:
        entry = self.highlighted()
        if entry is not None:
            self.host.delete_entry(entry)  # once in the trash: EntriesChanged

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_focus_calendar(self) -> None:
        self.query_one("#calendar", MonthCalendar).focus()

    def action_clear_filters(self) -> None:
        for input_id in ("#search", "#tag", "#from", "#to"):
            self.query_one(input_id, Input).value = ""
        self.query_one("#theme", Select).clear()
        self.filters = Filters()
        self.query_one("#entries", EntryList).focus()
        self.search()

    def action_undo(self) -> None:
        self.host.undo_delete()  # the entry comes back: EntriesChanged

    # -------------------------------------------------------------- conflicts

    @dataclass
    class ConflictsRead(Message):
        conflicts: list[Conflict]

    @work(thread=True, exclusive=True, group="journal-conflicts")
    def action_conflicts(self) -> None:
        """List the versions a sync kept side by side (read in a thread)."""
        self.post_message(self.ConflictsRead(self.service.conflicts()))

    def on_journal_screen_conflicts_read(self, message: ConflictsRead) -> None:
        lang = self.lang
        self.app.push_screen(ConflictsDialog(MSG("conflicts.title", lang), message.conflicts,
                                             lang, MSG("conflicts.hint", lang),
                                             MSG("conflicts.none", lang)),
                             self._open_conflict)

    def _open_conflict(self, entry_id: str | None) -> None:
        if entry_id is not None:
            self.host.open_entry(entry_id)

    # ------------------------------------------------------------------ reading

    @work(thread=True, exclusive=True, group="journal-load")
    def load(self) -> None:
        """Read the first page of the results, their count and the days to mark.

        On later visits nothing is read again unless the entry files' listing
        changed (then the index looks at the disk again first).
        """
        service = self.service
        worker = get_current_worker()
        if self._listing is None and not self._page_shown:
            # first visit: the first page now, while the rest is read
            self.post_message(self.FirstPage(service.first_page(PAGE)))
        # taken before reading, never newer than it (the start's, if it is going on)
        walk = service.walk() if self._listing is not None else service.first_walk()
        listing = walk.fingerprint
        if listing == self._listing:
            return  # the entries shown are those on disk
        filters = self.filters
        q = query_of(filters, self.ctx.prompts)
        # the index brought in line with this walk (files changed outside the app)
        results = service.results(q, recheck=walk)
        assert results is not None  # never cancelled: no ``cancelled`` given
        days = service.entry_days()
        if worker.is_cancelled:
            return
        self.post_message(self.Loaded(results, filters, days, listing))
        if results.found is None:
            self._count(q, filters)

    def on_journal_screen_first_page(self, message: FirstPage) -> None:
        self._first_page(message.page)

    def _first_page(self, page: Page) -> None:
        if self._listing is None and not self.filters.active:
            self._rows = []
            self._show(Results(page.entries, page.total, page.total), self.filters)

    def on_journal_screen_loaded(self, message: Loaded) -> None:
        self._listing = message.listing
        self.query_one("#calendar", MonthCalendar).mark(message.days)
        if message.filters != self.filters:  # typed meanwhile: that search is on its way
            return
        self._rows = []  # read afresh: rows with the same ids may have changed
        self._show(message.results, message.filters)

    @work(thread=True, exclusive=True, group="journal-search")
    def search(self) -> None:
        """The first page of the entries (newest first) matching the filters: text,
        tag, theme and dates, then their count if the page does not tell it."""
        filters = self.filters
        worker = get_current_worker()
        q = query_of(filters, self.ctx.prompts)
        results = self.service.results(q, cancelled=lambda: worker.is_cancelled)
        if results is None or worker.is_cancelled:
            return
        self.post_message(self.Found(results, filters))
        if results.found is None:
            self._count(q, filters)

    def _count(self, q: Query, filters: Filters) -> None:
        """Count the results (in the reading worker, after their first page)."""
        worker = get_current_worker()
        found = self.service.count(q, lambda: worker.is_cancelled)
        if found is not None and not worker.is_cancelled:
            self.post_message(self.Counted(found, filters))

    def on_journal_screen_found(self, message: Found) -> None:
        self._show(message.results, message.filters)
        if message.filters.contains and not self._words_asked:
            # after a pause in the typing: started at once, the build's process held
            # up the first keystroke's paint (130 ms beside 63, at 100,000 entries)
            if self._words_timer is None:
                self._words_timer = self.set_timer(WORDS_AFTER, self._ask_words)
            else:
                self._words_timer.reset()

    def _ask_words(self) -> None:
        self._words_asked = True
        self._keep_words()

    @work(thread=True, group="journal-words")
    def _keep_words(self) -> None:
        """The journal's words kept after the first text search (once a session), so
        that a text found in none answers at once (``core.search_words``)."""
        worker = get_current_worker()
        self.service.keep_words(lambda: worker.is_cancelled)

    def on_journal_screen_counted(self, message: Counted) -> None:
        if message.filters == self.filters and self._found is None:
            self._found = message.found
            self._show_count()

    @work(thread=True, exclusive=True, group="journal-fetch")
    def _fetch(self, filters: Filters, offset: int) -> None:
        results = self.service.results(query_of(filters, self.ctx.prompts, offset, PAGE))
        if results is not None and not get_current_worker().is_cancelled:
            self.post_message(self.Fetched(results.entries, results.found, offset, filters))

    def on_journal_screen_fetched(self, message: Fetched) -> None:
        self._fetching = False
        if message.filters != self.filters or message.offset != len(self._rows):
            return  # for results no longer shown
        self._rows.extend(message.entries)
        if message.found is not None and message.found != self._found:
            self._found = message.found  # the last page (counted, or deleted meanwhile)
            self._show_count()
        listed = self.query_one("#entries", EntryList)
        listed.extended()
        if listed.cursor_row >= len(self._rows) - PAGE:  # still within a page of the end
            self._more()

    def _show(self, results: Results, filters: Filters) -> None:
        """Show the first page of ``results`` (their count, if known, follows)."""
        if filters != self.filters:  # a newer search is on its way
            return
        entries = results.entries
        self._found = results.found
        footer = (filters.active, bool(entries))  # "clear filters", the row keys: when useful
        if footer != self._footer_active:
            self._footer_active = footer
            self.refresh_bindings()
        self.total = results.total
        self._fetching = False  # a page being read is for other results
        listed = self.query_one("#entries", EntryList)
        current = listed.entry_at(listed.cursor_row)
        self._rows = list(entries)
        # the cursor stays on its entry when the new results hold it
        listed.set_entries(self._rows, keep=current.id if current is not None else None)
        self._show_count()
        self.call_after_refresh(self.post_message, self.Shown(filters, self._found or 0))

    def _show_count(self) -> None:
        n, total, lang = self._found, self.total, self.lang
        if n is None:
            text = MSG("journal.counting", lang)
        elif not n:
            text = MSG("journal.empty", lang)
        elif self.filters.active:
            text = MSG.count("journal.count_of", n if lang == "fr" else total, lang,
                             n=n, total=total)
        else:
            text = MSG.count("journal.count", n, lang, n=n)
        count = self.query_one("#count", Static)
        # One line before and after: no need to lay the whole screen out again.
        fits = count.size.width
        count.update(text, layout=not (fits and cell_len(text) <= fits
                                       and cell_len(self._count_text) <= fits))
        self._count_text = text

    def _more(self) -> None:
        """Ask for the next page of the results, if any is left and none is on its
        way: the list keeps a page read ahead of its cursor and its scroll."""
        read = len(self._rows)
        if not self._fetching and (self._found is None or read < self._found):
            self._fetching = True
            self._fetch(self.filters, read)

    @on(EntryList.Highlighted, "#entries")
    def _highlighted(self, event: EntryList.Highlighted) -> None:
        """The calendar follows the highlighted entry; the next page is read as the
        cursor comes within a page of the end of those read."""
        row = event.row
        calendar = self.query_one("#calendar", MonthCalendar)
        if 0 <= row < len(self._rows) and not calendar.has_focus:
            calendar.cursor = self._rows[row].date
        if row >= len(self._rows) - PAGE:
            self._more()

    def _scrolled(self) -> None:
        listed = self.query_one("#entries", EntryList)
        if listed.scroll_y >= listed.max_scroll_y - 2 * PAGE:
            self._more()

    @on(EntryList.Selected, "#entries")
    def _open(self, event: EntryList.Selected) -> None:
        self.host.open_entry(event.entry_id)
