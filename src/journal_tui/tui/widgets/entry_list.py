"""The Journal screen's list of entries: two lines a row, drawn only where visible.

A ``DataTable`` rendered every cell of every row added through Rich and laid
the table out again on each fill (twice as the screen first showed); at
100,000 entries that was most of F3's time. This widget holds the entries read
so far (the screen adds a page at a time) and draws, through the Line API, only
the lines on screen, as plain segments: a row costs nothing until it scrolls
into view, whatever the number of rows.

What a person sees and does is the table's: a header, three columns (date and
weekday, the first line and the prompt it answers, tags and mood), zebra
stripes, a row cursor (up/down, page up/down, home/end, ctrl+home/ctrl+end,
a click moves it, a click on it or enter opens). Text from files is data:
segments are never parsed as markup, and every cell is cut to its column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, NamedTuple

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from journal_tui.core.i18n import short_weekday
from journal_tui.core.model import Entry
from journal_tui.tui.data import marked, title_of
from journal_tui.tui.textual_compat import set_virtual_size

ROW_HEIGHT = 2
DATE_W = 10
PAD = 1  # cells either side of each column, as the table had


def fit(text: str, width: int) -> str:
    """``text`` in exactly ``width`` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    size = cell_len(text)
    if size <= width:
        return text + " " * (width - size)
    return set_cell_size(text, width - 1) + "…"


def column_widths(width: int) -> tuple[int, int]:
    """(entry, tags) column widths for a list ``width`` cells wide (room for the
    scrollbar kept: no column is ever cut by it)."""
    width = max(width, 40)
    tags = max(8, min(24, width // 5))
    return max(12, width - DATE_W - tags - 6 * PAD), tags


class _Looks(NamedTuple):
    base: Style
    header: Style
    rows: tuple[Style, Style]
    """Odd rows, even rows (zebra stripes)."""
    cursor: tuple[Style, Style]
    """The same under the cursor."""


PAGE_LINES = 100  # lines kept drawn: a tall terminal's worth, four times over


class EntryList(ScrollView, can_focus=True):
    """Entries, newest first, with a row cursor; see the module's docstring."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home,ctrl+home", "first", "Top", show=False),
        Binding("end,ctrl+end", "last", "Bottom", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "entry-list--header", "entry-list--even-row", "entry-list--cursor",
    }

    DEFAULT_CSS = """
    EntryList {
        background: $surface;
        color: $foreground;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .entry-list--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .entry-list--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .entry-list--even-row {
            background: $surface-darken-1 40%;
        }
        & > .entry-list--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .entry-list--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .entry-list--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .entry-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, always_update=False, init=False)
    """The row under the cursor (0 when the list is empty)."""

    @dataclass
    class Highlighted(Message):
        """The cursor is on another row, or the rows changed under it."""

        entry_list: EntryList
        row: int

        @property
        def control(self) -> EntryList:
            return self.entry_list

    @dataclass
    class Selected(Message):
        """Enter, or a click on the row under the cursor: open ``entry_id``."""

        entry_list: EntryList
        row: int
        entry_id: str

        @property
        def control(self) -> EntryList:
            return self.entry_list

    def __init__(self, columns: tuple[str, str, str], *, lang: str,
                 review_label: Callable[[str], str] = str, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns = columns
        self.lang = lang
        self.review_label = review_label
        """The title's prefix for a weekly review note, given its week."""
        self._entries: Sequence[Entry] = ()
        self._look: _Looks | None = None
        self._lines: dict[tuple[int, bool, int], Strip] = {}
        """Lines drawn, by (line in the list, under the cursor, width): a repaint
        (the cursor moved, the screen was covered) draws only what changed."""

    # ----------------------------------------------------------------- rows

    @property
    def row_count(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> Sequence[Entry]:
        return self._entries

    def set_entries(self, entries: Sequence[Entry], *, keep: str | None = None) -> None:
        """Show ``entries`` (the list is kept, not copied: ``extended`` after the
        caller appends to it). The cursor stays on the entry ``keep`` if it is
        there, else goes to the top."""
        self._entries = entries
        self._lines.clear()
        row = 0
        if keep is not None:
            row = next((i for i, e in enumerate(entries) if e.id == keep), 0)
        self._resize()
        if row == 0:
            self.scroll_to(y=0, animate=False, immediate=True)
        self._set_cursor(row)
        self.post_message(self.Highlighted(self, self.cursor_row))
        self.refresh()

    def extended(self) -> None:
        """The caller appended rows to the entries shown: make room for them."""
        self._lines.clear()  # blank lines below the last row are rows now
        self._resize()
        self.refresh()

    def _resize(self) -> None:
        set_virtual_size(self, Size(0, 1 + ROW_HEIGHT * len(self._entries)))

    def entry_at(self, row: int) -> Entry | None:
        return self._entries[row] if 0 <= row < len(self._entries) else None

    # ---------------------------------------------------------------- cursor

    def move_cursor(self, *, row: int, animate: bool = False) -> None:
        """Put the cursor on ``row`` (clamped) and scroll it into view."""
        del animate  # the list never animates: a key shows its row at once
        self._set_cursor(row)

    def _set_cursor(self, row: int) -> None:
        row = max(0, min(row, len(self._entries) - 1))
        if row != self.cursor_row:
            self.cursor_row = row
        self._scroll_into_view(row)

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh()
        self.post_message(self.Highlighted(self, new))

    def _rows_in_view(self) -> int:
        return max(1, (self.scrollable_content_region.height - 1) // ROW_HEIGHT)

    def _scroll_into_view(self, row: int) -> None:
        height = self.scrollable_content_region.height
        top = ROW_HEIGHT * row  # the scroll that puts the row just under the header
        bottom = top + ROW_HEIGHT + 1 - height
        y = round(self.scroll_y)
        if y > top or y < bottom:
            self.scroll_to(y=max(0, min(top, max(y, bottom))), animate=False,
                           immediate=True)

    def action_cursor_up(self) -> None:
        self._set_cursor(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self._set_cursor(self.cursor_row + 1)

    def action_page_up(self) -> None:
        page = self._rows_in_view()
        self.scroll_to(y=max(0, self.scroll_y - ROW_HEIGHT * page), animate=False,
                       immediate=True)
        self._set_cursor(self.cursor_row - page)

    def action_page_down(self) -> None:
        page = self._rows_in_view()
        self.scroll_to(y=self.scroll_y + ROW_HEIGHT * page, animate=False, immediate=True)
        self._set_cursor(self.cursor_row + page)

    def action_first(self) -> None:
        self._set_cursor(0)

    def action_last(self) -> None:
        self._set_cursor(len(self._entries) - 1)

    def action_select(self) -> None:
        entry = self.entry_at(self.cursor_row)
        if entry is not None:
            self.post_message(self.Selected(self, self.cursor_row, entry.id))

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < 1:
            return  # the header, or the scrollbar
        row = (offset.y - 1 + round(self.scroll_y)) // ROW_HEIGHT
        if self.entry_at(row) is None:
            return
        event.stop()
        if row == self.cursor_row:
            self.action_select()
        else:
            self._set_cursor(row)

    # -------------------------------------------------------------- drawing

    def _looks(self) -> _Looks:
        """The styles lines are drawn with, worked out once per style change
        (``rich_style`` walks every ancestor: per line, it was most of the cost)."""
        if self._look is None:
            base = self.rich_style
            even = base + self.get_component_rich_style("entry-list--even-row")
            rows = (base, even)
            cursor = self.get_component_rich_style("entry-list--cursor")
            self._look = _Looks(
                base, base + self.get_component_rich_style("entry-list--header"),
                rows, (base + cursor, even + cursor))
        return self._look

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = 0 if y == 0 else y + round(self.scroll_y)  # 0: the header, never scrolled
        row, part = divmod(line - 1, ROW_HEIGHT)
        cursor = row == self.cursor_row
        key = (line, cursor, width)
        strip = self._lines.get(key)
        if strip is None:
            if len(self._lines) > 4 * ROW_HEIGHT * PAGE_LINES:
                self._lines.clear()
            strip = self._lines[key] = self._draw(line, row, part, cursor, width)
        return strip

    def _draw(self, line: int, row: int, part: int, cursor: bool, width: int) -> Strip:
        looks = self._looks()
        if line == 0:
            return self._line(self.columns, ("", "", ""), looks.header, width)
        entry = self.entry_at(row)
        if entry is None:
            return Strip.blank(width, looks.base)
        style = (looks.cursor if cursor else looks.rows)[row % 2 == 0]
        entry_w, _ = self._widths()
        if part == 0:
            prefix = ""
            if entry.kind == "review":
                prefix = self.review_label(entry.week or "") + " "
            title = title_of(entry.body, entry_w) or "…"
            return self._line((entry.date.isoformat(), title, marked(entry.tags, "#")),
                              (prefix, "", ""), style, width)
        weekday = short_weekday(entry.date, self.lang)
        prompt = title_of(entry.prompt, entry_w) if entry.prompt else ""
        mood = "" if entry.mood is None else "●" * entry.mood + "○" * (5 - entry.mood)
        return self._line((weekday, prompt, mood), ("", "", ""), style, width, second=True)

    def _widths(self) -> tuple[int, int]:
        return column_widths(self.size.width - self.styles.scrollbar_size_vertical)

    def _line(self, cells: tuple[str, str, str], prefixes: tuple[str, str, str],
              style: Style, width: int, *, second: bool = False) -> Strip:
        """One line of a row: three cells, each with its padding, cut to its
        column, then the row's style to the edge. ``second``: the row's lower
        line (dim; the title column's prompt also italic)."""
        entry_w, tags_w = self._widths()
        pad = Segment(" " * PAD, style)
        if second:
            dim = style + Style(dim=True)
            styles = (dim, style + Style(dim=True, italic=True), dim)
        else:
            styles = (style, style, style)
        segments: list[Segment] = []
        for text, prefix, w, cell_style in zip(cells, prefixes, (DATE_W, entry_w, tags_w),
                                               styles, strict=True):
            segments.append(pad)
            if prefix:
                head = fit(prefix, w) if cell_len(prefix) >= w else prefix
                segments.append(Segment(head, style + Style(bold=True)))
                w -= cell_len(head)
            shown = fit(text, w)
            body = shown.rstrip(" ") if cell_style is not style else shown
            segments.append(Segment(body, cell_style))  # dim text, not its padding
            if len(body) < len(shown):
                segments.append(Segment(shown[len(body):], style))
            segments.append(pad)
        # Every cell is its column's width: the length is known, never measured
        # (``adjust_cell_length`` measured each segment: most of a line's cost).
        used = DATE_W + entry_w + tags_w + 6 * PAD
        if used < width:
            segments.append(Segment(" " * (width - used), style))
            return Strip(segments, width)
        return Strip(segments, used).crop(0, width)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._look = None
        self._lines.clear()
        self.refresh()

    def on_resize(self) -> None:
        self._lines.clear()
        self.refresh()
