"""What was noticed on an entry, as the entry view shows it: one row per theme, the
person's word beside the text's reading, and the body with the evidence marked.

``noticed_rows`` merges the three sources of ``core.detect`` per theme (the word
of the ``[themes]`` table, the check-in, the text with its evidence), so a theme
keeps its row, and its evidence, once the person has spoken on it. The drawing
functions are pure and return Rich ``Text`` built from entry text as data (through
``printable``), never markup. ``NoticedList`` is the focusable list of rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.geometry import Size
from textual.message import Message

from journal_tui.core.i18n import Catalog, number
from journal_tui.core.printable import printable
from journal_tui.tui.host import host_of
from journal_tui.tui.widgets.theme_chart import PLAIN, ChartWidget, Palette

if TYPE_CHECKING:
    from journal_tui.core.detect import Evidence, Noticed
    from journal_tui.core.model import Entry
    from journal_tui.core.prompts import PromptBook

NBSP = "\u00a0"

MSG = Catalog({
    "title": ("Noticed themes", "Thèmes repérés"),
    "keys": ("c it is · o other pole · x not about it · u undo",
             "c oui · o autre pôle · x hors sujet · u annuler"),
    "loading": ("Reading the themes…", "Lecture des thèmes…"),
    "nothing": ("Nothing noticed in this entry.", "Rien de repéré dans cette entrée."),
    "src.user": ("your word", "votre avis"),
    "src.checkin": ("your rating {n}", "votre note {n}"),
    "src.text": ("text {c}", "texte {c}"),
    "src.prior": ("the prompt’s theme", "thème de la question"),
    "verdict.none": ("not about it", "hors sujet"),
    "verdict.yes": ("about it", "abordé"),
    "verdict.even": ("balanced", "équilibré"),
    "quote": ("“{text}”", "« {text} »"),  # the catalog makes the spaces no-break
})

POLE_MARK = {"low": "▼", "high": "▲"}
_HEADING = re.compile(r"#{1,6} ")


@dataclass(frozen=True, slots=True)
class NoticedRow:
    """One theme on one entry: the person's word, their rating, the text's reading."""

    theme: str
    name: str
    polar: bool
    low: str = ""  # the poles' names in the interface language ("" for a plain theme)
    high: str = ""
    word: str | None = None  # the [themes] table's value: "low", "high", "yes", "none"
    rating: int | None = None  # the check-in, −2…+2
    text: Noticed | None = None  # what the text suggests (source "text")

    @property
    def dismissed(self) -> bool:
        return self.word == "none"

    @property
    def pole(self) -> str | None:
        """The pole that counts: the person's word, else their rating, else the text's."""
        if self.word in ("low", "high"):
            return self.word
        if self.word is None and self.rating:
            return "high" if self.rating > 0 else "low"
        if self.word is None and self.rating is None and self.text is not None:
            return self.text.pole
        return None

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        return self.text.evidence if self.text is not None else ()

    def value(self, what: str) -> str | None:
        """The word to write for ``what``: "confirm" (what counts now), "other" (the
        other pole), "none" (dismiss), "clear" (take the word back: None)."""
        if what == "none":
            return "none"
        if what == "clear":
            return None
        if not self.polar:
            return "yes" if what == "confirm" else None
        pole = self.pole or (self.text.pole if self.text is not None else None)
        if pole is None:
            return None
        if what == "other":
            return "low" if pole == "high" else "high"
        return pole

    def pole_name(self, pole: str) -> str:
        return self.low if pole == "low" else self.high


def noticed_rows(entry: Entry, read: Iterable[Noticed], book: PromptBook,
                 lang: str) -> list[NoticedRow]:
    """A row per theme of ``book`` that ``entry`` touches, in the book's order.

    ``read`` is ``core.detect.notice`` of the entry *without* its ``[themes]`` table,
    so the text's reading and evidence stay known for the themes the person has
    confirmed or dismissed.
    """
    text = {n.theme: n for n in read if n.source == "text"}
    rows = []
    for tid, theme in book.themes.items():
        word = entry.themes.get(tid)
        rating = entry.checkin.get(tid) if theme.polar else None
        if word is None and rating is None and tid not in text:
            continue
        rows.append(NoticedRow(
            tid, theme.name(lang), theme.polar,
            theme.pole("low", lang) if theme.polar else "",
            theme.pole("high", lang) if theme.polar else "",
            word, rating, text.get(tid)))
    return rows


def quoted(evidence: Sequence[Evidence], lang: str) -> str:
    """The evidence on one line, each part quoted the language's way."""
    return " ".join(MSG("quote", lang, text=printable(e.text, newlines=False))
                    for e in evidence)


def verdict(row: NoticedRow, lang: str) -> str:
    """"▼ stubbornness", "✓ about it", "✗ not about it"…"""
    if row.dismissed:
        return "✗ " + MSG("verdict.none", lang)
    if not row.polar:
        return ("✓ " if row.word == "yes" else "● ") + MSG("verdict.yes", lang)
    pole = row.pole
    if pole is None:
        return "◆ " + MSG("verdict.even", lang)
    return f"{POLE_MARK[pole]} {row.pole_name(pole)}"


def sources(row: NoticedRow, lang: str) -> str:
    """Where the row comes from: "your word · your rating +1 · text ▼ 0.72"."""
    parts = []
    if row.word is not None:
        parts.append(MSG("src.user", lang))
    if row.rating is not None:
        parts.append(MSG("src.checkin", lang, n=f"{row.rating:+d}".replace("-", "−")))
    if row.text is not None:
        mark = POLE_MARK.get(row.text.pole or "", "")
        c = number(row.text.confidence, ".2f", lang)
        parts.append(MSG("src.text", lang, c=f"{mark} {c}" if mark else c))
    return " · ".join(parts)


def pole_style(row: NoticedRow, palette: Palette) -> Style:
    if row.dismissed:
        return palette.gap
    pole = row.pole
    if not row.polar:
        return palette.neutral
    return palette.low if pole == "low" else palette.high if pole == "high" else palette.mid


def draw_noticed(rows: Sequence[NoticedRow], selected: int | None, width: int,
                 palette: Palette = PLAIN, lang: str = "en") -> list[Text]:
    """One line per row: marker, theme, verdict, sources, evidence (cut to ``width``
    with an ellipsis)."""
    if not rows:
        return []
    name_w = min(24, max(len(r.name) for r in rows))
    verdicts = [verdict(r, lang) for r in rows]
    verdict_w = min(24, max(len(v) for v in verdicts))
    lines = []
    for i, (row, said) in enumerate(zip(rows, verdicts, strict=True)):
        sel = i == selected
        line = Text("▸ " if sel else "  ", style="bold" if sel else "")
        name = row.name if len(row.name) <= name_w else row.name[:name_w - 1] + "…"
        line.append(f"{name:<{name_w}}  ", style="bold" if sel else "")
        line.append(f"{said:<{verdict_w}}  ", style=pole_style(row, palette))
        line.append(sources(row, lang), style="dim")
        if row.evidence:
            line.append("  ")
            line.append(quoted(row.evidence, lang), style="italic")
        if sel:
            line.stylize(palette.cursor)
        line.truncate(max(1, width), overflow="ellipsis")
        lines.append(line)
    return lines


def evidence_marks(rows: Sequence[NoticedRow], selected: int | None, palette: Palette
                   ) -> list[tuple[int, int, Style]]:
    """Character spans of the body to mark: every row's evidence underlined in its
    pole's colour, the selected row's in reverse (drawn last, so it wins)."""
    marks = []
    chosen = None
    for i, row in enumerate(rows):
        style = pole_style(row, palette)
        for e in row.evidence:
            for start, end in e.spans:
                if i == selected:
                    chosen = chosen or []
                    chosen.append((start, end, style + Style(reverse=True, bold=True)))
                elif not row.dismissed:
                    marks.append((start, end, style + Style(underline=True)))
    return marks + (chosen or [])


def highlighted(body: str, marks: Sequence[tuple[int, int, Style]]) -> Text:
    """``body`` as text (each piece escaped by ``printable``), with ``marks``
    (character spans of ``body``, as the detector gives them) styled; where marks
    overlap, the later one wins. Markdown headings ("# …") are bold."""
    styles: list[Style | None] = [None] * len(body)
    for start, end, style in marks:
        for k in range(max(0, start), min(len(body), end)):
            styles[k] = style
    out = Text()
    k = 0
    while k < len(body):
        end = k + 1
        while end < len(body) and styles[end] is styles[k]:
            end += 1
        out.append(printable(body[k:end]), style=styles[k] or "")
        k = end
    line_start = 0
    plain = out.plain
    for line in plain.split("\n"):
        if _HEADING.match(line):
            out.stylize("bold", line_start, line_start + len(line))
        line_start += len(line) + 1
    return out


def rows_before(body: str, offset: int, width: int, console: Any) -> int:
    """How many screen rows of ``body``, wrapped at ``width``, come before the row
    holding character ``offset`` (to scroll the evidence into view)."""
    if offset <= 0 or width <= 0:
        return 0
    lines = Text(printable(body[:offset])).wrap(console, width)
    return max(0, len(lines) - 1)


class NoticedList(ChartWidget, can_focus=True):
    """The entry view's noticed themes: up/down pick one (its evidence is marked in
    the body); the screen's keys confirm or dismiss it."""

    DEFAULT_CSS = """
    NoticedList { height: auto; min-height: 1; }
    """
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("home", "move_to(0)", show=False),
        Binding("end", "move_to(-1)", show=False),
    ]

    class Selected(Message):
        """The row picked changed (``row`` is None when there is none)."""

        def __init__(self, row: NoticedRow | None) -> None:
            super().__init__()
            self.row = row

    def __init__(self, **kw: Any) -> None:
        super().__init__(**kw)
        self.rows: list[NoticedRow] = []
        self.selected: int | None = None
        self.note = ""  # shown instead of rows: "Reading the themes…", "Nothing noticed"

    @property
    def current(self) -> NoticedRow | None:
        if self.selected is None or not self.rows:
            return None
        return self.rows[self.selected]

    def show(self, rows: list[NoticedRow], note: str = "") -> None:
        """New rows; the same theme stays selected if it is still there."""
        keep = self.current.theme if self.current is not None else None
        self.rows, self.note = rows, note
        themes = [r.theme for r in rows]
        self.selected = (themes.index(keep) if keep in themes else 0) if rows else None
        self.refresh(layout=True)
        self.post_message(self.Selected(self.current))

    def action_move(self, step: int) -> None:
        if self.rows and self.selected is not None:
            self.action_move_to(max(0, min(len(self.rows) - 1, self.selected + step)))

    def action_move_to(self, index: int) -> None:
        if not self.rows:
            return
        index %= len(self.rows)
        if index != self.selected:
            self.selected = index
            self.refresh()
            self.post_message(self.Selected(self.current))

    def on_click(self, event: Click) -> None:
        if 0 <= event.y < len(self.rows):
            self.action_move_to(event.y)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return max(1, len(self.rows))

    def render(self) -> Text:
        if not self.rows:
            return Text(self.note, style="italic")
        palette = self.palette()
        if not self.has_focus:
            palette = Palette(palette.low, palette.mid, palette.high, palette.neutral,
                              palette.gap)  # the cursor's background only when focused
        lines = draw_noticed(self.rows, self.selected, self.size.width, palette,
                             host_of(self).lang)
        return Text("\n").join(lines)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()
