"""The Themes screen: the nine themes over a range, and one theme in detail.

Keys: ``1``–``4`` (or ``r`` to cycle) pick the range (8 weeks, 6 months, 1 year,
all); up/down select a theme; left/right move the cursor over the chart's periods;
Enter lists the entries behind the point under the cursor (and opens one).

Entries are read and scored (through the journal service) in a thread worker
that only posts messages; the series are aggregated on the app's side (a few
milliseconds, scores are cached), and the range shown is reloaded when the screen
is shown again. Only the entries the range shown needs are read (and scored, with
progress, the first time): the default eight weeks draw from the index at once,
even at 100,000 entries; a longer range is read when it is picked.

The screen explains itself: a header names what the heat rows' bars and last
column are, a legend the trend arrows, the mean and the solid (the person's
check-ins and word) and light (read from the text) marks; the average is named
for the periods it really covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static
from textual.worker import get_current_worker

from journal_tui.core.i18n import SHORT_MONTHS, Catalog, colon, month_text, number, span_text
from journal_tui.core.index import Query
from journal_tui.core.model import Entry
from journal_tui.core.prompts import PromptBook
from journal_tui.core.themes import (
    AVERAGE_SPAN,
    entries_behind,
    last_weeks,
    months_between,
    period_bounds,
    period_of,
    series,
    shift,
    summary,
    trend,
)
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.service import Stopped
from journal_tui.tui.strings import MSG as SHARED
from journal_tui.tui.strings import localize_bindings
from journal_tui.tui.widgets.footer import KeyFooter
from journal_tui.tui.widgets.header import TitleHeader
from journal_tui.tui.widgets.theme_chart import (
    ChartData,
    Legend,
    OverviewRow,
    ThemeChart,
    ThemeOverview,
    series_labels,
)
from journal_tui.tui.widgets.theme_entries import ThemeEntriesDialog

NBSP = "\u00a0"
RANGES = ("8w", "6m", "1y", "all")
RANGE_WEEKS = {"8w": 8, "6m": 26, "1y": 52}

MSG = Catalog({
    "b.range": ("range", "période"),
    "b.theme": ("theme", "thème"),
    "b.period": ("point", "point"),
    "b.entries": ("entries", "entrées"),
    # Help's wording of the keys above (the footer's is short)
    "b.range_long": ("Next range: 8 weeks, 6 months, 1 year, all",
                     "Période suivante : 8 semaines, 6 mois, 1 an, tout"),
    "b.range_pick": ("Pick a range", "Choisir la période"),
    "b.theme_long": ("Previous / next theme", "Thème précédent / suivant"),
    "b.period_long": ("Move along the chart, a week or a month at a time",
                      "Parcourir le graphique, semaine par semaine ou mois par mois"),
    "b.ends": ("First / last period", "Première / dernière période"),
    "b.entries_long": ("The entries behind the point (Enter opens one)",
                       "Les entrées derrière le point (Entrée en ouvre une)"),
    "range.8w": ("8 weeks", "8 semaines"),
    "range.6m": ("6 months", "6 mois"),
    "range.1y": ("1 year", "1 an"),
    "range.all": ("all", "tout"),
    "span": ("{first} – {last} · {n} entries", "{first} – {last} · {n} entrées"),
    "span.one": ("{first} – {last} · {n} entry", "{first} – {last} · {n} entrée"),
    "nothing": ("No entry in this range yet: write a few and come back.",
                "Aucune entrée sur cette période : écrivez-en quelques-unes et revenez."),
    "info.week.one": ("{period} · {span} · {entries} entry, {mentions} about this theme",
                      "{period} · {span} · {entries} entrée, dont {mentions} sur ce thème"),
    "info.week": ("{period} · {span} · {entries} entries, {mentions} about this theme",
                  "{period} · {span} · {entries} entrées, dont {mentions} sur ce thème"),
    "info.gap": ("{period} · {span} · no entry", "{period} · {span} · aucune entrée"),
    "info.balance": ("balance {b}", "équilibre {b}"),
    "info.nobalance": ("no balance signal", "pas de signal d’équilibre"),
    "info.avg.w": ("{n}-week average {a}", "moyenne sur {n} semaines {a}"),
    "info.avg.m": ("{n}-month average {a}", "moyenne sur {n} mois {a}"),
    "info.own": ("yours {o}, text {t}", "votre part {o}, texte {t}"),
    "info.confirmed": ("{n} from you", "{n} de vous"),
    "heat": ("mentions per {unit} (height) · balance (colour)",
             "mentions par {unit} (hauteur) · équilibre (couleur)"),
    "tail": ("mean", "moyenne"),
    "legend.trend": ("↗↘→ vs. the period before ({span})",
                     "↗↘→ comparé à avant ({span})"),
    "legend.mean": ("mean −1 ▼ … ▲ +1 (a count: no poles)",
                    f"moyenne −1 ▼ … ▲ +1 (nombre{NBSP}: sans pôles)"),
    "legend.marks": ("█ your ratings and word ░ read from the text",
                     "█ vos notes et votre avis ░ lu dans le texte"),
    "bars": ("bars: mentions per {unit}", f"barres{NBSP}: mentions par {{unit}}"),
    "info.enter": ("Enter: see the entries", "Entrée : voir les entrées"),
    "mentions": ("mentions per {unit}", "mentions par {unit}"),
    "unit.w": ("week", "semaine"),
    "unit.m": ("month", "mois"),
    "dialog.title": ("{theme} · {period}", "{theme} · {period}"),
    "dialog.hint": ("Enter opens an entry · Escape closes",
                    "Entrée ouvre une entrée · Échap ferme"),
    "dialog.empty": ("No entry touches this theme here.",
                     "Aucune entrée ne touche ce thème ici."),
})


@dataclass
class View:
    """What the screen shows for one range (computed on the app's side)."""

    periods: tuple[str, ...]
    entries: tuple[int, ...]
    rows: list[OverviewRow]
    averages: dict[str, tuple[float | None, ...]]
    own: dict[str, tuple[float | None, ...]]  # the person's part of each balance
    confirmed: dict[str, tuple[int | None, ...]]  # the mentions that are theirs
    first: str | None = None  # the first period with an entry (None: none at all)


class ThemesScreen(AppScreen):
    CSS_PATH = "themes.tcss"

    BINDINGS = [
        Binding("r", "cycle_range", "b.range", id="themes_range"),
        Binding("1", "set_range(0)", "b.range_pick", show=False),
        Binding("2", "set_range(1)", "b.range_pick", show=False),
        Binding("3", "set_range(2)", "b.range_pick", show=False),
        Binding("4", "set_range(3)", "b.range_pick", show=False),
        Binding("up", "theme(-1)", "b.theme", id="themes_up", key_display="↑↓"),
        Binding("down", "theme(1)", "b.theme", show=False),
        Binding("left", "move(-1)", "b.period", id="themes_left", key_display="←→"),
        Binding("right", "move(1)", "b.period", show=False),
        Binding("home", "move_to(0)", "b.ends", show=False),
        Binding("end", "move_to(-1)", "b.ends", show=False),
        Binding("enter", "entries", "b.entries", id="themes_entries"),
    ]

    @dataclass
    class Loaded(Message):
        entries: list[Entry]
        book: PromptBook
        problems: int
        since: date | None = None
        """The first day ``entries`` cover (None: the whole journal)."""

    @dataclass
    class Failed(Message):
        text: str

    @dataclass
    class Rechecked(Message):
        """After a look at the disk: files changed, files that cannot be read."""

        changed: bool
        problems: int

    @dataclass
    class Scoring(Message):
        """Entries scored so far, of ``total`` (the first time a range is shown)."""

        done: int
        total: int

    def __init__(self) -> None:
        super().__init__()
        self.range_index = 0
        self.selected = 0
        self.cursor = -1  # index in the range's periods; -1: the latest
        self.entries: list[Entry] | None = None
        self.since: date | None = None  # the first day ``entries`` cover (None: all)
        self.book: PromptBook | None = None
        self.view: View | None = None
        self._labels: list[str] = []
        self._recheck_due = False
        self._progress: tuple[int, int] | None = None  # entries scored / to score

    # ---------------------------------------------------------------- helpers


    @property
    def range(self) -> str:
        return RANGES[self.range_index]

    @property
    def theme_ids(self) -> list[str]:
        return list(self.book.themes) if self.book is not None else []

    # ---------------------------------------------------------------- compose

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        yield Static(SHARED("screen.loading", self.lang), id="themes-range")
        yield ThemeOverview(id="themes-overview")
        yield Legend(id="themes-legend")
        yield ThemeChart(id="themes-chart")
        yield KeyFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.lang, MSG)

    def on_screen_resume(self) -> None:
        self._recheck_due = True  # once the range is painted (``on_themes_screen_loaded``)
        self.call_once_after_refresh(self.load)

    # ---------------------------------------------------------------- workers

    @work(thread=True, exclusive=True, group="themes-load")
    def load(self) -> None:
        """Read and score the entries the range shown needs (and the span before it,
        for the trend), from the index as it is; once painted, ``recheck``.

        Scoring years of entries takes a while (~0.9 s for 7,300 the first time,
        minutes for 100,000): the default eight weeks and the eight before need a
        hundred or so, so the screen fills at once; a longer range is read when it
        is picked (``recompute``), with progress while its entries are scored.
        """
        service = self.service
        worker = get_current_worker()
        since = self.first_day_needed(self.range)
        book = self.ctx.prompts
        q = Query(kind="entry", start=since)

        def progress(done: int, total: int) -> None:
            if not worker.is_cancelled:
                self.post_message(self.Scoring(done, total))

        try:
            # Scored here, off the app's thread; the index keeps the scores for next time.
            entries = service.scored(q, book, progress)
        except Stopped:  # another range, or the app quits: what was scored is kept
            return
        except (OSError, ValueError) as exc:
            self.post_message(self.Failed(SHARED("screen.load_error", self.lang, error=exc)))
            return
        if not worker.is_cancelled:  # a newer load (another range, or shown again)
            self.post_message(self.Loaded(entries, book, 0, since))

    @work(thread=True, exclusive=True, group="themes-recheck")
    def recheck(self) -> None:
        """A look at the disk (a walk of every file, ~1 s at 100,000 entries, kept
        off the first paint): files that cannot be read are reported, and the
        range read again if files changed outside the app."""
        try:
            changed, problems = self.service.recheck()
        except (OSError, ValueError) as exc:
            self.post_message(self.Failed(SHARED("screen.load_error", self.lang, error=exc)))
            return
        if not get_current_worker().is_cancelled and (changed or problems):
            self.post_message(self.Rechecked(changed, problems))

    def on_themes_screen_rechecked(self, message: Rechecked) -> None:
        if message.problems:
            self.notify(SHARED.count("screen.skipped", message.problems, self.lang,
                                     n=message.problems),
                        severity="warning")
        if message.changed:
            self.load()

    def on_themes_screen_loaded(self, message: Loaded) -> None:
        self.entries, self.book, self.since = message.entries, message.book, message.since
        self.selected = min(self.selected, max(0, len(self.theme_ids) - 1))
        if message.problems:
            self.notify(SHARED.count("screen.skipped", message.problems, self.lang,
                                     n=message.problems),
                        severity="warning")
        self.recompute()
        if self._recheck_due:
            self._recheck_due = False
            self.call_after_refresh(self.recheck)

    def on_themes_screen_scoring(self, message: Scoring) -> None:
        """Scoring entries not scored yet: said where the range line is, and only
        while nothing is drawn (the long ranges' rest comes in behind the view)."""
        self._progress = (message.done, message.total) if message.done < message.total else None
        if self.view is None or not self.covers(self.range):
            self.query_one("#themes-range", Static).update(self._loading())

    def _loading(self) -> str:
        if self._progress is None:
            return SHARED("screen.loading", self.lang)
        done, total = self._progress
        return SHARED("screen.scoring", self.lang, done=done, total=total)

    def on_themes_screen_failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error", markup=False)

    # ---------------------------------------------------------------- data

    def periods_for(self, which: str) -> list[str]:
        today = self.ctx.today
        if which in RANGE_WEEKS:
            return last_weeks(today, RANGE_WEEKS[which])
        first = min((e.date for e in self.entries or ()), default=today)
        return months_between(min(first, today), today)

    def first_day_needed(self, which: str) -> date | None:
        """The first day the range and the same span before it (for the trend) cover;
        None: the whole journal."""
        if which not in RANGE_WEEKS:
            return None
        periods = self.periods_for(which)
        return period_bounds(shift(periods[0], -len(periods)))[0]

    def covers(self, which: str) -> bool:
        """Whether the entries read so far are all this range needs."""
        if self.since is None:
            return True
        needed = self.first_day_needed(which)
        return needed is not None and needed >= self.since

    def recompute(self) -> None:
        if self.entries is None or self.book is None:
            return
        if not self.covers(self.range):  # the entries this range needs: read them
            # Nothing drawn from part of the journal, and no key acts on the range before.
            self.load()
            self.view = None
            self.query_one("#themes-range", Static).update(self._loading())
            self.query_one(ThemeOverview).show([], self.selected, None)
            self.query_one(Legend).show(())  # explains nothing drawn
            self.query_one(ThemeChart).show(None)
            return
        periods = self.periods_for(self.range)
        current = series(self.entries, self.book, periods)
        previous = series(self.entries, self.book,
                          [shift(periods[0], k) for k in range(-len(periods), 0)])
        rows = []
        for tid, theme in self.book.themes.items():
            line = current.themes[tid]
            now, before = summary(current, tid), summary(previous, tid)
            rows.append(OverviewRow(
                theme_id=tid, name=theme.name(self.lang), polar=theme.polar,
                mentions=line.mentions, balance=line.balance, total=now.mentions,
                mean=now.balance, trend=trend(now, before, theme.polar)))
        first = min((e.date for e in self.entries if e.kind == "entry"), default=None)
        self.view = View(current.periods, current.entries, rows,
                         {tid: line.average for tid, line in current.themes.items()},
                         {tid: line.own for tid, line in current.themes.items()},
                         {tid: line.confirmed for tid, line in current.themes.items()},
                         None if first is None else period_of(first, periods[0]))
        self._labels = series_labels(current, SHORT_MONTHS[self.lang])
        n = len(periods)
        self.cursor = n - 1 if self.cursor < 0 or self.cursor >= n else self.cursor
        self.refresh_view()

    def refresh_view(self) -> None:
        view = self.view
        if view is None:
            return
        lang = self.lang
        tabs = Text()
        for i, r in enumerate(RANGES):
            label = f"{i + 1} {MSG('range.' + r, lang)}"
            tabs.append(f" {label} ", style="reverse bold" if r == self.range else "")
            tabs.append(" ")
        n = sum(view.entries)
        tabs.append(MSG.count("span", n, lang, first=view.periods[0], last=view.periods[-1],
                              n=n), style="dim")
        self.query_one("#themes-range", Static).update(tabs)
        overview = self.query_one(ThemeOverview)
        unit = MSG("unit.w" if "-W" in view.periods[0] else "unit.m", lang)
        overview.header = (MSG("heat", lang, unit=unit), MSG("tail", lang))
        overview.show(view.rows, self.selected, self.cursor)
        self.query_one(Legend).show(self.legend())
        self.query_one(ThemeChart).show(self.chart_data())

    def legend(self) -> list[str]:
        """The arrows (compared with the same span before: none for "all"), the
        mean, and the solid and light marks; at 80 columns the first two share a line
        in either language."""
        lang = self.lang
        parts = [MSG("legend.mean", lang), MSG("legend.marks", lang)]
        if self.range in RANGE_WEEKS:
            parts.insert(0, MSG("legend.trend", lang, span=MSG("range." + self.range, lang)))
        return parts

    def chart_data(self) -> ChartData:
        assert self.view is not None and self.book is not None  # a view comes with its book
        view, lang = self.view, self.lang
        row = view.rows[self.selected]
        theme = self.book.theme(row.theme_id)
        k = self.cursor
        weekly = "-W" in view.periods[0]
        unit = MSG("unit.w" if weekly else "unit.m", lang)
        if theme.polar:
            title = theme.name(lang)
        else:
            title = theme.name(lang) + colon(lang) + MSG("mentions", lang, unit=unit)
        return ChartData(
            title=title,
            high=theme.pole("high", lang) if theme.polar else "",
            low=theme.pole("low", lang) if theme.polar else "",
            polar=theme.polar,
            labels=self._labels,
            entries=view.entries,
            mentions=row.mentions,
            balance=row.balance,
            own=view.own[row.theme_id],
            bars=MSG("bars", lang, unit=unit) if theme.polar else "",
            cursor=k,
            info=self.info_line(row, k),
            empty=MSG("nothing", lang),
        )

    def info_line(self, row: OverviewRow, k: int) -> str:
        """Two lines about the period under the cursor."""
        assert self.view is not None
        view, lang = self.view, self.lang
        period = view.periods[k]
        span = _span(*period_bounds(period), lang)
        if not view.entries[k]:
            return MSG("info.gap", lang, period=period, span=span)
        first = MSG.count("info.week", view.entries[k], lang, period=period, span=span,
                          entries=view.entries[k], mentions=row.mentions[k] or 0)
        mine = view.confirmed[row.theme_id][k]
        if mine:
            first += f" ({MSG('info.confirmed', lang, n=mine)})"
        parts = []
        if row.polar:
            b = row.balance[k]
            own = view.own[row.theme_id][k]
            if b is None:
                parts.append(MSG("info.nobalance", lang))
            else:
                said = MSG("info.balance", lang, b=number(b, "+.2f", lang))
                if own:  # the person spoke: their part and the text's
                    said += " (" + MSG("info.own", lang, o=number(own, "+.2f", lang),
                                       t=number(b - own, "+.2f", lang)) + ")"
                parts.append(said)
            avg = view.averages[row.theme_id][k]
            span_n = self.averaged(k)
            if avg is not None and span_n > 1:
                parts.append(MSG("info.avg.w" if "-W" in period else "info.avg.m", lang,
                                 n=span_n, a=number(avg, "+.2f", lang)))
        if row.mentions[k]:
            parts.append(MSG("info.enter", lang))
        return first + "\n" + " · ".join(parts)

    def averaged(self, k: int) -> int:
        """How many periods the average at ``k`` really covers: up to
        ``AVERAGE_SPAN``, none before the journal's first entry (a 3-month journal
        has no 4-month average)."""
        assert self.view is not None
        first = self.view.first
        if first is None:
            return 0
        period = self.view.periods[k]
        return sum(1 for j in range(AVERAGE_SPAN) if shift(period, -j) >= first)

    # ---------------------------------------------------------------- actions

    def action_cycle_range(self) -> None:
        self.action_set_range((self.range_index + 1) % len(RANGES))

    def action_set_range(self, index: int) -> None:
        if index != self.range_index:
            self.range_index = index
            self.cursor = -1
            self.recompute()

    def action_theme(self, step: int) -> None:
        if self.view is None:
            return
        self.selected = (self.selected + step) % len(self.view.rows)
        self.refresh_view()

    def action_move(self, step: int) -> None:
        if self.view is None:
            return
        self.cursor = max(0, min(len(self.view.periods) - 1, self.cursor + step))
        self.refresh_view()

    def action_move_to(self, index: int) -> None:
        if self.view is None:
            return
        self.cursor = index % len(self.view.periods)
        self.refresh_view()

    def action_entries(self) -> None:
        if self.view is None or self.entries is None or self.book is None:
            return
        row = self.view.rows[self.selected]
        period = self.view.periods[self.cursor]
        found = entries_behind(self.entries, self.book, row.theme_id, period)
        found.sort(key=lambda e: (e.date, e.created))
        lang = self.lang
        dialog = ThemeEntriesDialog(
            MSG("dialog.title", lang, theme=row.name, period=period), found,
            MSG("dialog.hint", lang), MSG("dialog.empty", lang))
        self.app.push_screen(dialog, self.open_entry)

    def open_entry(self, entry_id: str | None) -> None:
        if entry_id is not None:
            self.host.open_entry(entry_id)


def _span(start: date, end: date, lang: str) -> str:
    """"16–22 Nov" / "16–22 nov." style span of a week, or the month's name."""
    if start.day == 1 and (end.month != start.month or end.day >= 28) and (
            end - start).days > 7:
        return month_text(start.year, start.month, lang)
    return span_text(start, end, lang, short=True)
