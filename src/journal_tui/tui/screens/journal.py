"""Journal: every entry, newest first, with live search, filters and a month calendar.

Entries are read from the SQLite index (through the journal service) in a thread
worker when the screen is shown; each keystroke then filters them in memory with
the index's own folding (case and accents ignored), in an ``exclusive`` thread
worker, and the table grows a page at a time, so typing stays well under 100 ms
on 7,300 entries.
"""

from __future__ import annotations

import contextlib
import gc
import operator
from dataclasses import dataclass, replace
from datetime import date

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import DataTable, Header, Input, Select, Static
from textual.widgets.data_table import CellDoesNotExist, ColumnKey, RowDoesNotExist
from textual.worker import get_current_worker

from journal_tui.core.conflicts import Conflict
from journal_tui.core.i18n import short_weekday
from journal_tui.core.index import search_text
from journal_tui.core.model import Entry
from journal_tui.core.text import fold
from journal_tui.tui.data import entry_themes, marked, title_of
from journal_tui.tui.messages import EntriesChanged
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.service import Page
from journal_tui.tui.strings import MSG, localize_bindings
from journal_tui.tui.widgets.calendar import MonthCalendar
from journal_tui.tui.widgets.conflicts_dialog import ConflictsDialog
from journal_tui.tui.widgets.footer import KeyFooter


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


PAGE = 60  # rows added to the table at a time
SearchTexts = list[tuple[str, set[str]]]


def _search_texts(entries: list[Entry]) -> SearchTexts:
    """Per entry, what ``Query(contains=..., tag=...)`` matches: folded text and tags."""
    return [(search_text(e), {fold(t) for t in e.tags}) for e in entries]


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
        entries: list[Entry]
        listing: int

    @dataclass
    class TextsRead(Message):
        entries: list[Entry]
        texts: SearchTexts

    @dataclass
    class Found(Message):
        entries: list[Entry]
        total: int
        filters: Filters

    BINDINGS = [
        Binding("slash", "focus_search", "b.search", id="search"),
        # Enter on a row opens it (the table's own key); here for Help.
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
        self._width = 0
        self._rows: list[Entry] = []
        self._found = 0  # results in all (``_rows`` may hold just the first page)
        self._count_text = ""
        self._shown = 0
        self._entry_w = 40
        self._entries: list[Entry] = []
        self._texts: SearchTexts | None = None
        self._listing: int | None = None  # of the entries read (None: not read yet)
        self._footer_active = (False, False)  # filters active, rows shown
        self._page_shown = False  # the first page is on screen (read before the rest)

    def compose(self) -> ComposeResult:
        lang = self.lang
        localize_bindings(self, lang)
        book = self.ctx.prompts
        themes = sorted(((t.name(lang), t.id) for t in book.themes.values()),
                        key=lambda pair: pair[0].casefold())
        yield Header()
        with Horizontal(id="filters"):
            yield Input(id="search", compact=True, placeholder=MSG("journal.search", lang))
            yield Input(id="tag", compact=True, placeholder=MSG("journal.tag", lang))
            yield Select(themes, id="theme", compact=True,
                         prompt=MSG("journal.all_themes", lang))
        with Horizontal(id="journal"):
            yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
            with Vertical(id="cal-panel"):
                yield MonthCalendar(self.host.day, lang=lang, today=self.ctx.today,
                                    id="calendar")
                yield Input(id="from", compact=True, placeholder=MSG("journal.from", lang))
                yield Input(id="to", compact=True, placeholder=MSG("journal.to", lang))
                yield Static(id="count")
        yield KeyFooter(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        table = self.query_one("#entries", DataTable)
        self.watch(table, "scroll_y", self._scrolled, init=False)
        lang = self.lang
        table.add_column(MSG("col.date", lang), key="date", width=10)
        table.add_column(MSG("col.entry", lang), key="entry", width=40)
        table.add_column(MSG("col.tags", lang), key="tags", width=16)
        self._first_page_now()

    def _first_page_now(self) -> None:
        """The first page at once when the index is fresh and free (Today read the
        journal at start): a ~3 ms query here puts the rows in the screen's first
        frame, where the reading thread would land them a full repaint later."""
        page = self.service.peek_first_page(PAGE)
        if page is None:
            return  # the reading thread shows it
        self._page_shown = True
        self._first_page(page)

    def on_screen_resume(self) -> None:
        # (Textual refreshes the bindings on resume: "undo" shows if a delete happened.)
        if self._listing is not None:  # the entries read last time show at once
            self.call_after_refresh(self.post_message, self.Shown(self.filters, self._found))
        self.call_once_after_refresh(self.load)  # entries may have changed on another screen

    def on_entries_changed(self, _: EntriesChanged) -> None:
        self.refresh_bindings()  # "undo" may be gone
        self.load()

    def on_resize(self) -> None:
        width = self.query_one("#entries", DataTable).size.width
        if width and width != self._width:
            self._width = width
            self._fill(self._rows)

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
            self.query_one("#entries", DataTable).focus()

    @on(Input.Submitted, "#search")
    @on(Input.Submitted, "#tag")
    def _submitted(self) -> None:
        self.query_one("#entries", DataTable).focus()

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
            return self._found > 0
        return True

    def highlighted(self) -> Entry | None:
        """The entry under the table's cursor."""
        row = self.query_one("#entries", DataTable).cursor_row
        return self._rows[row] if 0 <= row < min(len(self._rows), self._shown) else None

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
        self.query_one("#entries", DataTable).focus()
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
        """Read every entry from the index (newest first); their search texts follow
        (``_read_texts``).

        The entries are shown as soon as they are read; the index's own
        ``search_text`` (folded: case and accents ignored) follows, so each
        keystroke matches in memory exactly as ``Query(contains=...)`` would,
        without an SQL scan and thousands of decodes per keystroke. On later
        visits nothing is read again unless the entry files' listing changed.
        """
        service = self.service
        worker = get_current_worker()
        if self._listing is None and not self._page_shown:
            # first visit: the first page now, while the rest is read
            self.post_message(self.FirstPage(service.first_page(PAGE)))
        listing = service.listing()  # taken before reading: never newer than it
        if listing == self._listing:
            return  # the entries shown are those on disk
        # later visits: pick up files changed outside the app
        entries = service.entries(recheck=self._listing is not None)
        if not worker.is_cancelled:
            self.post_message(self.Loaded(entries, listing))

    @work(thread=True, exclusive=True, group="journal-texts")
    def _read_texts(self, entries: list[Entry]) -> None:
        texts = _search_texts(entries)
        if not get_current_worker().is_cancelled:
            self.post_message(self.TextsRead(entries, texts))

    def on_journal_screen_first_page(self, message: FirstPage) -> None:
        self._first_page(message.page)

    def _first_page(self, page: Page) -> None:
        if not self._entries and not self.filters.active:
            self._show(page.entries, page.total, self.filters, found=page.total)

    def on_journal_screen_loaded(self, message: Loaded) -> None:
        entries = message.entries
        self._entries, self._texts, self._listing = entries, None, message.listing
        # The days with an entry (reviews aside), as the index would list them.
        self.query_one("#calendar", MonthCalendar).mark(
            {e.date for e in entries if e.kind == "entry"})
        if self.filters.active:
            self.search()
        else:  # nothing to filter: show them now
            self._show(entries, len(entries), self.filters)
        self._read_texts(entries)

    def on_journal_screen_texts_read(self, message: TextsRead) -> None:
        if message.entries is self._entries:
            self._texts = message.texts
            # Thousands of entries and search texts now live as long as the screen:
            # move them (and all else alive) out of the cyclic GC's reach, or every
            # full collection walks them again, a ~60 ms pause landing mid-keystroke
            # on 7,300 entries. Refcounting still frees them once they are replaced.
            gc.freeze()

    @work(thread=True, exclusive=True, group="journal-search")
    def search(self) -> None:
        """Filter the entries (newest first) by text, tag, theme and dates."""
        f = self.filters
        entries, texts = self._entries, self._texts
        needle = fold(f.contains) if f.contains else None
        tag = fold(f.tag.lstrip("#")) if f.tag else None
        if texts is None:  # not read yet: needed only to match text or a tag
            texts = _search_texts(entries) if needle or tag else []
        book = self.ctx.prompts
        found = [e for n, e in enumerate(entries)
                 if (f.start is None or e.date >= f.start)
                 and (f.end is None or e.date <= f.end)
                 and (needle is None or needle in texts[n][0])
                 and (tag is None or tag in texts[n][1])
                 and (f.theme is None or f.theme in entry_themes(e, book))]
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(found, len(entries), f))

    def on_journal_screen_found(self, message: Found) -> None:
        self._show(message.entries, message.total, message.filters)

    def _show(self, entries: list[Entry], total: int, filters: Filters,
              found: int | None = None) -> None:
        """Show ``entries`` (``found`` results in all, if they are only the first page)."""
        if filters != self.filters:  # a newer search is on its way
            return
        n = self._found = len(entries) if found is None else found
        footer = (filters.active, n > 0)  # "clear filters", the row keys: when useful
        if footer != self._footer_active:
            self._footer_active = footer
            self.refresh_bindings()
        self.total = total
        shown, self._rows = self._rows[:self._shown], entries
        if shown and len(entries) >= len(shown) and all(map(operator.is_, shown, entries)):
            # The rows in the table lead the new results too (a search narrowing down
            # often keeps its first page): keep them, add what the page lacks.
            self._more(max(0, min(len(entries), PAGE) - self._shown))
        else:
            self._fill(entries)
        if not n:
            text = MSG("journal.empty", self.lang)
        elif filters.active:
            text = MSG.count("journal.count_of", n if self.lang == "fr" else total, self.lang,
                             n=n, total=total)
        else:
            text = MSG.count("journal.count", n, self.lang, n=n)
        count = self.query_one("#count", Static)
        # One line before and after: no need to lay the whole screen out again.
        fits = count.size.width
        count.update(text, layout=not (fits and cell_len(text) <= fits
                                       and cell_len(self._count_text) <= fits))
        self._count_text = text
        self.call_after_refresh(self.post_message, self.Shown(filters, n))

    def _fill(self, entries: list[Entry]) -> None:
        """Show ``entries`` from the top; rows are added a page at a time as the
        cursor or the scroll nears the end, so a keystroke never waits on 7,300 rows."""
        table = self.query_one("#entries", DataTable)
        keep = None
        if table.row_count and table.cursor_row >= 0:
            with contextlib.suppress(RowDoesNotExist, CellDoesNotExist):
                keep = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        # Keep room for the vertical scrollbar, so no column is ever cut by it.
        width = max(table.size.width - table.styles.scrollbar_size_vertical, 40)
        tags_w = max(8, min(24, width // 5))
        self._entry_w = max(12, width - 10 - tags_w - 6)
        table.columns[ColumnKey("entry")].width = self._entry_w
        table.columns[ColumnKey("tags")].width = tags_w
        table.clear()
        self._shown = 0
        target = 0
        if keep is not None:
            target = next((i for i, e in enumerate(entries) if e.id == keep), 0)
        self._more(max(PAGE, target + PAGE // 2))
        if target:
            table.move_cursor(row=target, animate=False)

    def _more(self, count: int = PAGE) -> None:
        """Add the next ``count`` rows of the current results to the table."""
        table = self.query_one("#entries", DataTable)
        lang, width = self.lang, self._entry_w
        start = self._shown
        for e in self._rows[start:start + count]:
            date_cell = Text(e.date.isoformat(), no_wrap=True)
            date_cell.append("\n" + short_weekday(e.date, lang), style="dim")
            tags_cell = Text(marked(e.tags, "#"), no_wrap=True,
                             overflow="ellipsis")
            if e.mood is not None:
                tags_cell.append("\n" + "●" * e.mood + "○" * (5 - e.mood), style="dim")
            table.add_row(date_cell, self._title(e, width), tags_cell, key=e.id, height=2)
        self._shown = min(len(self._rows), start + count)

    @on(DataTable.RowHighlighted, "#entries")
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The calendar follows the highlighted entry; more rows come near the end."""
        row = event.cursor_row
        calendar = self.query_one("#calendar", MonthCalendar)
        if 0 <= row < len(self._rows) and not calendar.has_focus:
            calendar.cursor = self._rows[row].date
        if row >= self._shown - PAGE // 4 and self._shown < len(self._rows):
            self._more()

    def _scrolled(self) -> None:
        table = self.query_one("#entries", DataTable)
        if (self._shown < len(self._rows)
                and table.scroll_y >= table.max_scroll_y - table.size.height):
            self._more()

    def _title(self, e: Entry, width: int) -> Text:
        """First line of the body, and under it the prompt it answers (dim)."""
        text = Text(no_wrap=True, overflow="ellipsis")
        if e.kind == "review":
            text.append(MSG("entry.review", self.lang, week=e.week or "") + " ", style="bold")
        text.append(title_of(e.body, width) or "…")
        if e.prompt:
            text.append("\n" + title_of(e.prompt, width), style="dim italic")
        return text

    @on(DataTable.RowSelected, "#entries")
    def _open(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value:
            self.host.open_entry(event.row_key.value)
