"""``themes``: the nine themes over time, as a table (Rich or plain text) or JSON.

JSON (docs/FORMAT.md, "JSON outputs"): ``{"weeks": [...], "themes": {id:
{"mentions": [...], "balance": [...]}}}``; a week without any entry counts 0
mentions and has a null balance.
"""

from __future__ import annotations

import argparse
import json
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from journal_tui.commands.common import (
    UserError,
    console,
    is_terminal,
    parse_day,
    positive_int,
    scoring_progress,
    warn_problems,
    warn_prompts,
    write_document,
    write_text,
)
from journal_tui.core.context import Context
from journal_tui.core.i18n import Catalog, number
from journal_tui.core.index import Query
from journal_tui.core.model import FIRST_YEAR, Entry
from journal_tui.core.printable import printable
from journal_tui.core.themes import (
    ThemeSeries,
    arrow,
    balance_mark,
    last_weeks,
    period_bounds,
    scored_entries,
    shift,
    spark,
    summary,
    trend,
    weekly_series,
    weeks_between,
)

if TYPE_CHECKING:
    from rich.text import JustifyMethod

DEFAULT_WEEKS = 12

MSG = Catalog({
    "title": ("Themes, {first} to {last} ({n} {w}, {entries} {e})",
              "Thèmes, de {first} à {last} ({n} {w}, {entries} {e})"),
    "n_entries": ("entries", "entrées"), "n_entries.one": ("entry", "entrée"),
    "weeks": ("weeks", "semaines"), "weeks.one": ("week", "semaine"),
    "theme": ("Theme", "Thème"),
    "mentions": ("Mentions", "Mentions"),
    "balance": ("Balance", "Équilibre"),
    "total": ("Total", "Total"),
    "mean": ("Mean", "Moyenne"),
    "trend": ("Trend", "Tendance"),
    "week": ("Week", "Semaine"),
    "entries": ("Entries", "Entrées"),
    "avg4": ("4-wk avg", "moy. 4 sem."),
    "legend": ("bars: entries touching the theme; ▼▽◆△▲: balance from the low to the high "
               "pole; · nothing; blank: no entry that week; trend against the {n} weeks before",
               "barres : entrées touchant le thème ; ▼▽◆△▲ : équilibre du pôle bas au pôle "
               "haut ; · rien ; vide : aucune entrée cette semaine ; tendance par rapport aux "
               "{n} semaines précédentes"),
    "unknown_theme": ("unknown theme {id!r}: use one of {ids}",
                      "thème inconnu {id!r} : utilisez l’un de {ids}"),
})


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "themes", parents=parents, help="print the themes over time",
        description="Print how often each theme comes up per ISO week and, for polar themes, "
                    "the balance between its poles (check-ins and text detection).")
    p.add_argument("--from", dest="start", metavar="D",
                   help="first day: YYYY-MM-DD, today or yesterday (wins over --weeks)")
    p.add_argument("--to", dest="end", metavar="D", help="last day (default: today)")
    p.add_argument("--weeks", type=positive_int, default=DEFAULT_WEEKS, metavar="N",
                   help=f"the N weeks ending with the current week (default: {DEFAULT_WEEKS})")
    p.add_argument("--theme", metavar="ID", help="only this theme, with its detail per week")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (Rich on a terminal) or json (default: text)")
    p.set_defaults(run=run)


def resolve_weeks(args: argparse.Namespace, today: date) -> list[str]:
    """``--from``/``--to`` win over ``--weeks``; every ISO week touching the range.

    The range, and as many weeks before it (the trend compares with them), must fit
    in the years a journal holds: one line otherwise, not an ``OverflowError``.
    """
    end = parse_day(args.end, today) if args.end else today
    start = parse_day(args.start, today) if args.start else None
    if start is not None and start > end:
        raise UserError("err.from_after_to", start=start, end=end)
    try:
        weeks = weeks_between(start, end) if start is not None else last_weeks(end, args.weeks)
        first = period_bounds(weeks[0])[0] - timedelta(weeks=len(weeks) + 4)
        period_bounds(weeks[-1])[1] + timedelta(weeks=1)
        if first.year < FIRST_YEAR:
            raise OverflowError
    except (OverflowError, ValueError):  # ValueError: a week before year 1000 ("999-W52")
        raise UserError("err.too_long", first=FIRST_YEAR) from None
    return weeks


def run(ctx: Context, args: argparse.Namespace) -> int:
    weeks = resolve_weeks(args, ctx.today)
    book = ctx.prompts
    if args.theme is not None and args.theme not in book.themes:
        raise UserError(MSG("unknown_theme", ctx.lang, id=args.theme, ids=", ".join(book.themes)))
    ids = [args.theme] if args.theme else list(book.themes)
    previous = [shift(weeks[0], k) for k in range(-len(weeks), 0)]
    start = period_bounds(previous[0])[0] - timedelta(weeks=3)  # room for 4-week averages
    end = period_bounds(weeks[-1])[1]
    with scoring_progress(ctx.lang) as on_progress:
        entries = scored_entries(ctx.journal, Query(start=start, end=end, kind="entry"), book,
                                 progress=on_progress)
    warn_problems(ctx.journal.problems(), ctx.lang)
    warn_prompts(ctx)
    current = weekly_series(entries, book, weeks)
    if args.format == "json":
        write_document(json.dumps(current.to_json(ids), ensure_ascii=False, indent=2) + "\n",
                       "json")
        return 0
    before = weekly_series(entries, book, previous)
    report = Report(ctx.lang, book, current, before, ids, entries)
    if is_terminal():
        report.print_rich()
    else:
        write_text(report.text())
    return 0


class Report:
    """The overview (and a theme's detail) for a terminal or a pipe."""

    def __init__(self, lang: str, book: Any, current: ThemeSeries, before: ThemeSeries,
                 ids: list[str], entries: list[Entry]) -> None:
        self.lang, self.book, self.s, self.before, self.ids = lang, book, current, before, ids
        self.top = max((m or 0 for tid in ids for m in current.themes[tid].mentions), default=1)

    def row(self, tid: str) -> dict[str, str]:
        theme = self.book.theme(tid)
        line = self.s.themes[tid]
        now, prev = summary(self.s, tid), summary(self.before, tid)
        gaps = [n == 0 for n in self.s.entries]
        return {
            "name": theme.name(self.lang),
            "poles": (f"{theme.pole('low', self.lang)} ↔ {theme.pole('high', self.lang)}"
                      if theme.polar else ""),
            "mentions": spark(line.mentions, self.top),
            "balance": ("".join(balance_mark(b, g) for b, g in zip(line.balance, gaps,
                                                                    strict=True))
                        if theme.polar else ""),
            "total": str(now.mentions),
            "mean": "" if now.balance is None else number(now.balance, "+.2f", self.lang),
            "trend": arrow(trend(now, prev, theme.polar)),
        }

    def title(self) -> str:
        n, entries, lang = len(self.s.periods), sum(self.s.entries), self.lang
        return MSG("title", lang, first=self.s.periods[0], last=self.s.periods[-1],
                   n=n, w=MSG.count("weeks", n, lang), entries=entries,
                   e=MSG.count("n_entries", entries, lang))

    def detail_rows(self, tid: str) -> list[tuple[str, ...]]:
        line = self.s.themes[tid]
        polar = self.book.theme(tid).polar
        rows: list[tuple[str, ...]] = []
        for i, week in enumerate(self.s.periods):
            n = self.s.entries[i]
            b, avg = line.balance[i], line.average[i]
            rows.append((
                week, str(n), "" if line.mentions[i] is None else str(line.mentions[i]),
                "" if not polar or b is None else number(b, "+.2f", self.lang),
                "" if not polar or avg is None else number(avg, "+.2f", self.lang),
                balance_mark(b, n == 0) if polar else spark([line.mentions[i]], self.top),
            ))
        return rows

    # ----------------------------------------------------------------- plain text

    def text(self) -> str:
        L = self.lang
        out = [self.title(), ""]
        rows = [self.row(tid) for tid in self.ids]
        width = max(len(r["name"]) for r in rows)
        n = len(self.s.periods)
        mw = max(n, len(MSG("mentions", L)))
        bw = max(n, len(MSG("balance", L)))
        head = (f"{MSG('theme', L):<{width}}  {MSG('mentions', L):<{mw}}  "
                f"{MSG('balance', L):<{bw}}  {MSG('total', L):>5}  {MSG('mean', L):>7}  "
                f"{MSG('trend', L)}")
        out.append(head.rstrip())
        for r in rows:
            out.append(f"{r['name']:<{width}}  {r['mentions']:<{mw}}  {r['balance']:<{bw}}  "
                       f"{r['total']:>5}  {r['mean']:>7}  {r['trend']}".rstrip())
            if r["poles"]:
                out.append(f"{'':<{width}}  {r['poles']}")
        if len(self.ids) == 1:
            out += ["", *self._detail_text(self.ids[0])]
        out += ["", MSG("legend", L, n=n)]
        return "\n".join(out) + "\n"

    def _detail_text(self, tid: str) -> list[str]:
        L = self.lang
        heads = (MSG("week", L), MSG("entries", L), MSG("mentions", L), MSG("balance", L),
                 MSG("avg4", L), "")
        rows = [heads, *self.detail_rows(tid)]
        widths = [max(len(r[c]) for r in rows) for c in range(len(heads))]
        return ["  ".join(cell.rjust(w) if c else cell.ljust(w)
                          for c, (cell, w) in enumerate(zip(r, widths, strict=True))).rstrip()
                for r in rows]

    # ----------------------------------------------------------------------- Rich

    def print_rich(self) -> None:
        from rich.table import Table
        from rich.text import Text

        L = self.lang
        table = Table(title=self.title(), title_justify="left", box=None, pad_edge=False,
                      caption=MSG("legend", L, n=len(self.s.periods)), caption_justify="left")
        table.add_column(MSG("theme", L), max_width=24)  # the poles wrap on narrow screens
        table.add_column(MSG("mentions", L), no_wrap=True, style="cyan")
        table.add_column(MSG("balance", L), no_wrap=True)
        columns: tuple[tuple[str, JustifyMethod], ...] = (
            ("total", "right"), ("mean", "right"), ("trend", "center"))
        for key, justify in columns:
            head = MSG(key, L)
            table.add_column(head, justify=justify, no_wrap=True, min_width=len(head))
        for tid in self.ids:
            r = self.row(tid)
            name = Text(printable(r["name"]), style="bold")
            if r["poles"]:
                name.append("\n" + printable(r["poles"]), style="dim")
            table.add_row(name, r["mentions"], _colour_marks(r["balance"]), r["total"],
                          r["mean"], r["trend"])
        con = console()
        con.print(table)
        if len(self.ids) == 1:
            detail = Table(box=None, pad_edge=False)
            for i, head in enumerate((MSG("week", L), MSG("entries", L), MSG("mentions", L),
                                      MSG("balance", L), MSG("avg4", L), "")):
                detail.add_column(head, justify="left" if i in (0, 5) else "right")
            for row in self.detail_rows(self.ids[0]):
                detail.add_row(*row[:5], _colour_marks(row[5]))
            con.print()
            con.print(detail)


def _colour_marks(marks: str) -> Any:
    from rich.text import Text

    styles = {"▼": "red", "▽": "red", "◆": "yellow", "△": "green", "▲": "green"}
    text = Text()
    for ch in marks:
        text.append(ch, style=styles.get(ch, "dim"))
    return text
