"""Hand-drawn theme charts (Rich text and block characters, no chart library).

* :class:`ThemeOverview`: one heat row per theme (a bar per period whose height is
  the mentions and whose colour is the balance), its trend arrow and mean.
* :class:`ThemeChart`: one theme in detail: the balance per period on a signed axis
  (−1 … +1) labelled with the theme's poles, mentions as bars below (labelled), a
  cursor. The part of a balance that is the person's own (check-ins, their word)
  is drawn solid (``█``), the part read from the text light (``░``), so what was
  said and what was guessed never look the same.

The drawing functions are pure (``draw_overview``, ``draw_chart``) and return Rich
``Text`` lines, so they are tested without an app. Their colours come in a
``Palette``; the widgets take theirs from the colour theme (``$text-error`` for the
low pole, ``$text-success`` for the high one…, component classes of
``ChartWidget``), so light themes get readable colours too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.geometry import Size
from textual.widget import Widget

from journal_tui.core.i18n import number
from journal_tui.core.themes import SPARK, ThemeSeries, arrow
from journal_tui.tui.host import host_of

NO_STYLE = Style()


@dataclass(frozen=True, slots=True)
class Palette:
    """The chart's colours: the poles (``low``, ``high``), a balance near zero
    (``mid``), a plain theme's mentions (``neutral``), a period without entries
    (``gap``) and the period under the cursor (``cursor``, a background)."""

    low: Style = NO_STYLE
    mid: Style = NO_STYLE
    high: Style = NO_STYLE
    neutral: Style = NO_STYLE
    gap: Style = NO_STYLE
    cursor: Style = NO_STYLE


PLAIN = Palette()  # no colour at all: what the pure functions draw by default


def balance_style(value: float | None, palette: Palette) -> Style:
    if value is None:
        return palette.neutral
    if value <= -0.1:
        return palette.low
    return palette.high if value >= 0.1 else palette.mid


def _bar(value: int | None, top: int) -> str:
    if value is None:
        return " "
    if value <= 0:
        return "·"
    return SPARK[min(len(SPARK), max(1, -(-value * len(SPARK) // max(top, 1)))) - 1]


@dataclass
class OverviewRow:
    theme_id: str
    name: str
    polar: bool
    mentions: Sequence[int | None]
    balance: Sequence[float | None]
    total: int
    mean: float | None
    trend: float | None


MAX_CELL = 16  # columns per period at most (8 weeks on a wide terminal)
SOLID, LIGHT = "█", "░"  # the person's part of a balance, and the text's


def overview_header(rows: Sequence[OverviewRow], width: int, heat: str, tail: str
                    ) -> Text:
    """The line over the heat rows, aligned as ``draw_overview`` draws them: what
    the bars are (``heat``, over the bars) and what the last column is (``tail``)."""
    if not rows:
        return Text("")
    name_w, pw, shown = _overview_layout(rows, width)
    start, room = 2 + name_w + 1, pw * shown
    if len(heat) > room:  # over the names' column too (blank on this line), ending
        room = min(start - 2 + room, max(room, len(heat)))  # where the bars end
        start = 2 + name_w + 1 + pw * shown - room
        heat = heat if len(heat) <= room else heat[:room - 1] + "…"
    return Text(f"{'':{start}}{heat:<{room}}{tail[:TAIL]:>{TAIL}}", style="dim")


TAIL = 8  # " ↗ +0.26": trend arrow and mean


def _overview_layout(rows: Sequence[OverviewRow], width: int) -> tuple[int, int, int]:
    """Name width, cells per period and periods shown: the heat rows fill ``width``."""
    n = len(rows[0].mentions)
    name_w = max(8, min(max(len(r.name) for r in rows), width - n - TAIL - 3))
    room = max(1, width - name_w - TAIL - 3)
    pw = max(1, min(MAX_CELL, room // max(n, 1)))
    return name_w, pw, max(1, min(n, room // pw))


def draw_overview(rows: Sequence[OverviewRow], selected: int, width: int,
                  cursor: int | None = None, palette: Palette = PLAIN,
                  lang: str = "en") -> list[Text]:
    """One line per theme: marker, name, heat row, trend arrow, mean (or total)."""
    if not rows:
        return []
    n = len(rows[0].mentions)
    name_w, pw, shown = _overview_layout(rows, width)
    start = n - shown
    if cursor is not None and cursor < start:
        start = cursor
    top = max((m or 0 for r in rows for m in r.mentions), default=1) or 1
    lines = []
    for i, r in enumerate(rows):
        sel = i == selected
        line = Text("▸ " if sel else "  ", style="bold" if sel else "")
        name = r.name if len(r.name) <= name_w else r.name[:name_w - 1] + "…"
        line.append(f"{name:<{name_w}} ", style="bold" if sel else "")
        for k in range(start, start + shown):
            glyph = _bar(r.mentions[k], top)
            style = balance_style(r.balance[k], palette) if r.polar else palette.neutral
            if r.mentions[k] is None or not r.mentions[k]:
                style = palette.gap
            if cursor == k:
                style += palette.cursor
            line.append(glyph * (pw - 1) + " " if pw > 1 else glyph, style=style)
        line.append(f" {arrow(r.trend)} ")
        if r.polar:
            value = "" if r.mean is None else number(r.mean, "+.2f", lang)
            line.append(f"{value:>5}", style=balance_style(r.mean, palette))
        else:
            line.append(f"{r.total:>5}", style=palette.neutral)
        lines.append(line)
    return lines


@dataclass
class ChartData:
    """What the detail chart shows (one theme over the periods of a series)."""

    title: str
    high: str  # pole labels in the interface language ("" for a plain theme)
    low: str
    polar: bool
    labels: Sequence[str]  # short x-axis label per period
    entries: Sequence[int]
    mentions: Sequence[int | None]
    balance: Sequence[float | None]
    cursor: int = -1
    info: str = ""
    empty: str = ""
    own: Sequence[float | None] = ()
    """The person's part of each balance (solid); the rest is the text's (light).
    Empty: all drawn solid."""
    bars: str = ""  # what the bars under the axis count ("mentions per week")
    extra: dict[str, Any] = field(default_factory=dict)


def _window(n: int, cursor: int, cols: int) -> tuple[int, int]:
    """First and end index of the periods shown (the cursor always visible)."""
    if n <= cols:
        return 0, n
    start = n - cols if cursor >= n - cols else max(0, cursor - cols // 2)
    return start, start + cols


INFO_LINES = 2
MAX_BALANCE_ROWS = 15
MAX_BAR_ROWS = 5


def draw_chart(data: ChartData, width: int, height: int, palette: Palette = PLAIN
               ) -> list[Text]:
    """Title (and high pole), balance rows around the zero axis, low pole, mention
    bars, period labels, then two info lines about the period under the cursor."""
    n = len(data.labels)
    gutter = 3
    usable = max(1, width - gutter)
    cw = max(1, min(MAX_CELL, usable // max(n, 1)))  # fills a wide terminal
    cols = max(1, usable // cw)
    cursor = data.cursor % n if n else 0
    start, end = _window(n, cursor, cols)
    title = Text(data.title, style="bold")
    out = [title]
    fixed = 2 + INFO_LINES  # title, labels, info
    if data.polar:
        title.append("   ▲ " + data.high, style=palette.high + Style(bold=False))
        room = max(4, height - fixed - 1)  # minus the low pole's line
        rows = max(3, min(MAX_BALANCE_ROWS, room - 1))
        rows -= 1 - rows % 2  # odd: as many cells above the axis as below
        half = rows // 2
        bar_rows = max(1, min(MAX_BAR_ROWS, room - rows))
        for r in range(rows):
            level = half - r  # +half … −half
            label = "+1" if r == 0 else "−1" if r == rows - 1 else " 0" if level == 0 else ""
            line = Text(f"{label:>{gutter - 1}} ", style="dim")
            for k in range(start, end):
                line.append(_balance_cell(data, k, level, half, cw),
                            _cell_style(data, k, level, cursor, palette))
            out.append(line)
        low = Text(f"{'':{gutter}}▼ {data.low}", style=palette.low)
        if data.bars and len(low) + 3 + len(data.bars) <= width:
            low.append(f"{data.bars:>{width - len(low)}}", style="dim")
        out.append(low)
    else:
        bar_rows = max(1, min(MAX_BAR_ROWS * 3, height - fixed))
    top = max((m or 0 for m in data.mentions), default=1) or 1
    for r in range(bar_rows):
        scale = str(top) if r == 0 and len(str(top)) < gutter else ""  # the bars' top
        line = Text(f"{scale:>{gutter - 1}} ", style="dim")
        for k in range(start, end):
            glyph = _column_bar(data.mentions[k], top, bar_rows, r)
            style = palette.neutral if data.mentions[k] else palette.gap
            if k == cursor:
                style += palette.cursor
            line.append((glyph * (cw - 1) + " ") if cw > 1 else glyph, style=style)
        out.append(line)
    out.append(_axis_labels(data, start, end, cw, gutter, cursor, usable))
    info = (data.info or data.empty).split("\n")
    for part in info[:INFO_LINES]:
        text = Text(part, style="italic")
        text.truncate(max(1, width), overflow="ellipsis")
        out.append(text)
    return out[:height] if height > 0 else out


def _balance_cell(data: ChartData, k: int, level: int, half: int, cw: int) -> str:
    b = data.balance[k]
    body = cw - 1 if cw > 1 else 1
    pad = " " if cw > 1 else ""
    if level == 0:
        if data.entries[k] == 0:
            return " " * body + pad  # a gap: no entry that period, no axis either
        if b is not None and abs(b) < 0.5 / half:
            return "◆" * body + pad
        return "─" * body + ("─" if cw > 1 else "")
    if b is None:
        return " " * body + pad
    # At least one cell for a balance the axis does not show as even (◆): on a
    # short chart (half = 1) round() would draw −0.5 as nothing at all.
    cells = max(1, round(abs(b) * half)) if abs(b) >= 0.5 / half else 0
    if not ((b > 0 and 0 < level <= cells) or (b < 0 and 0 > level >= -cells)):
        return " " * body + pad
    own = data.own[k] if k < len(data.own) else b
    mine = 0 if own is None or own * b <= 0 else min(cells, max(1, round(abs(own) * half)))
    return (SOLID if abs(level) <= mine else LIGHT) * body + pad


def _cell_style(data: ChartData, k: int, level: int, cursor: int, palette: Palette
                ) -> Style:
    if level == 0:
        style = palette.mid if data.balance[k] is not None else palette.gap
    else:
        style = palette.high if level > 0 else palette.low
    if k == cursor:
        style += palette.cursor
    return style


def _column_bar(value: int | None, top: int, rows: int, r: int) -> str:
    """Row ``r`` (0 = top) of a vertical bar of ``value`` out of ``top`` over ``rows``."""
    if value is None:
        return " "
    if value <= 0:
        return "·" if r == rows - 1 else " "
    eighths = max(1, round(value / top * rows * 8))
    below = (rows - 1 - r) * 8  # eighths drawn by the rows under this one
    fill = eighths - below
    if fill <= 0:
        return " "
    return "█" if fill >= 8 else SPARK[fill - 1]


def _axis_labels(data: ChartData, start: int, end: int, cw: int, gutter: int,
                 cursor: int, width: int) -> Text:
    """Period labels where they fit, the cursor's always (highlighted)."""
    cells = [" "] * width
    slot = None
    if start <= cursor < end:
        pos = (cursor - start) * cw
        label = data.labels[cursor][: max(1, width - pos)]
        slot = (pos, pos + len(label))
    last_end = -1
    for k in range(start, end):
        pos = (k - start) * cw
        label = data.labels[k]
        stop = pos + len(label)
        if k == cursor or pos <= last_end or stop > width:
            continue
        if slot and pos <= slot[1] and stop >= slot[0] - 1:
            continue  # would touch the cursor's label
        cells[pos:stop] = label
        last_end = stop
    line = Text(" " * gutter, style="dim")
    if slot is None:
        line.append("".join(cells).rstrip(), style="dim")
        return line
    line.append("".join(cells[: slot[0]]), style="dim")
    line.append(data.labels[cursor][: slot[1] - slot[0]], style="bold reverse")
    line.append("".join(cells[slot[1]:]).rstrip(), style="dim")
    return line


class ChartWidget(Widget):
    """What the two charts share: their palette, from the colour theme."""

    DEFAULT_CSS = """
    ChartWidget > .chart--low { color: $text-error; }
    ChartWidget > .chart--mid { color: $text-warning; }
    ChartWidget > .chart--high { color: $text-success; }
    ChartWidget > .chart--neutral { color: $text-primary; }
    ChartWidget > .chart--gap { color: $text-disabled; }
    ChartWidget > .chart--cursor { background: $foreground 20%; }
    """
    COMPONENT_CLASSES = {"chart--low", "chart--mid", "chart--high", "chart--neutral",
                         "chart--gap", "chart--cursor"}

    def palette(self) -> Palette:
        """The colours of the current theme (Textual caches each until it changes)."""

        def color(name: str) -> Style:
            return Style(color=self.get_component_rich_style(f"chart--{name}").color)

        cursor = self.get_component_rich_style("chart--cursor").bgcolor
        return Palette(low=color("low"), mid=color("mid"), high=color("high"),
                       neutral=color("neutral"), gap=color("gap"), cursor=Style(bgcolor=cursor))


class ThemeOverview(ChartWidget):
    """The nine heat rows; the screen sets ``rows``, ``selected`` and ``cursor``."""

    DEFAULT_CSS = """
    ThemeOverview { height: auto; min-height: 1; }
    """

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.rows: list[OverviewRow] = []
        self.selected = 0
        self.cursor: int | None = None
        self.header: tuple[str, str] | None = None  # what the bars and the last column are

    def show(self, rows: list[OverviewRow], selected: int, cursor: int | None) -> None:
        self.rows, self.selected, self.cursor = rows, selected, cursor
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.rows) + (self.header is not None and bool(self.rows)))

    def render(self) -> Text:
        lines = draw_overview(self.rows, self.selected, self.size.width, self.cursor,
                              self.palette(), host_of(self).lang)
        if lines and self.header is not None:
            lines.insert(0, overview_header(self.rows, self.size.width, *self.header))
        return Text("\n").join(lines) if lines else Text("")


class ThemeChart(ChartWidget):
    """The detail chart of one theme; the screen sets its ``ChartData``."""

    DEFAULT_CSS = """
    ThemeChart { height: 1fr; min-height: 8; }
    """

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.data: ChartData | None = None

    def show(self, data: ChartData | None) -> None:
        self.data = data
        self.refresh()

    def render(self) -> Text:
        if self.data is None:
            return Text("")
        return Text("\n").join(draw_chart(self.data, self.size.width, self.size.height,
                                          self.palette()))


def series_labels(series: ThemeSeries, months: Sequence[str]) -> list[str]:
    """Short x-axis labels: "W48" for weeks, "nov" style month names for months
    (``months``: ``i18n.SHORT_MONTHS`` of the language, shown without their dot)."""
    out = []
    for p in series.periods:
        if "-W" in p:
            out.append(p[-3:])
        else:
            year, month = p.split("-")
            name = months[int(month) - 1].rstrip(".")
            out.append(f"{name}{year[2:]}" if month == "01" else name)
    return out


def legend_lines(parts: Sequence[str], width: int) -> list[str]:
    """``parts`` joined by " · ", a line broken only between two parts (a part
    longer than ``width`` alone on its line): cut inside, "(a count: no / poles)",
    a legend read wrong at 80 columns."""
    lines: list[str] = []
    for part in parts:
        joined = f"{lines[-1]} · {part}" if lines else part
        if lines and cell_len(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(part)
    return lines


class Legend(Widget):
    """The overview's legend, its parts kept whole (``legend_lines``) at any width."""

    DEFAULT_CSS = """
    Legend {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.parts: tuple[str, ...] = ()

    def show(self, parts: Sequence[str]) -> None:
        self.parts = tuple(parts)
        self.refresh(layout=True)

    def render(self) -> Text:
        return Text("\n".join(legend_lines(self.parts, self.content_region.width or 80)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        lines = legend_lines(self.parts, width)
        return sum(max(1, -(-cell_len(line) // max(1, width))) for line in lines) if lines else 0
