"""``people``: everyone mentioned with ``@``, or one person and their entries.

JSON (DESIGN.md, "People"): ``{"people": [{"name", "mentions", "first", "last",
"mood", "themes": {id: {"mentions", "balance"}}}]}``, most mentioned first, then by
name, with ``aliases`` and ``note`` from ``people.toml``; with NAME, only that
person, with ``"entries"`` (newest first). Names come from files: the text output
shows them through ``printable``, never as markup or control sequences.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from dataclasses import replace
from typing import Any

from journal_tui.commands.common import (
    UserError,
    is_terminal,
    parse_day,
    warn_problems,
    warn_prompts,
    write_out,
)
from journal_tui.core.context import Context
from journal_tui.core.i18n import Catalog, colon, number
from journal_tui.core.index import Query
from journal_tui.core.people import (
    PersonStats,
    load_people,
    mentions_by_week,
    people_json,
    people_stats,
    person_stats,
)
from journal_tui.core.printable import printable
from journal_tui.core.text import first_line
from journal_tui.core.themes import last_weeks, scored_entries, spark

SPARK_WEEKS = 12
TITLE = 60  # an entry's first line, cut to this width

MSG = Catalog({
    "title": ("People, {span}: {n} {p}", "Personnes, {span} : {n} {p}"),
    "whole": ("the whole journal", "tout le journal"),
    "range": ("{start} to {end}", "du {start} au {end}"),
    "start": ("from {start}", "à partir du {start}"),
    "end": ("up to {end}", "jusqu’au {end}"),
    "person": ("people", "personnes"), "person.one": ("person", "personne"),
    "entry": ("entries", "entrées"), "entry.one": ("entry", "entrée"),
    "nobody": ("Nobody mentioned with @Name yet.",
               "Personne n’est encore mentionné avec @Nom."),
    "weeks": ("last {n} weeks", "{n} dernières semaines"),
    "col.entries": ("entries", "entrées"),
    "col.days": ("first → last", "première → dernière"),
    "mood": ("mood", "humeur"),
    "themes": ("Themes", "Thèmes"),
    "aliases": ("Also", "Aussi"),
    "note": ("Note", "Note"),
    "entries": ("Entries", "Entrées"),
    "none": ("none", "aucun"),
    "unknown": ("nobody named {name!r} in the journal or in people.toml",
                "personne du nom de {name!r} dans le journal ni dans people.toml"),
    "warning": ("warning: {problem}", "attention : {problem}"),
})


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "people", parents=parents, help="print the people you mention with @Name",
        description="Print everyone mentioned with @Name, most mentioned first: entries, "
                    "first and last mention, mean mood and the themes that come up with "
                    "them. With NAME (a name or an alias of people.toml), that person and "
                    "their entries.")
    p.add_argument("name", nargs="?", metavar="NAME", help="one person: a name or an alias")
    p.add_argument("--from", dest="start", metavar="D", help="from this day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", metavar="D", help="up to this day, included")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text or json (default: text)")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    start = parse_day(args.start, ctx.today) if args.start else None
    end = parse_day(args.end, ctx.today) if args.end else None
    if start and end and start > end:
        raise UserError("err.from_after_to", start=start, end=end)
    directory, problems = load_people(ctx.journal.root)
    for problem in problems:  # a broken people.toml: named, and mentions still counted
        print(f"journal-tui: {MSG('warning', ctx.lang, problem=problem)}", file=sys.stderr)
    book = ctx.prompts
    entries = scored_entries(ctx.journal, Query(start=start, end=end, kind="entry"), book)
    warn_problems(ctx.journal.problems(), ctx.lang)
    warn_prompts(ctx)
    if args.name is not None:
        one = person_stats(entries, book, directory, args.name)
        if one is None and (start or end):  # known, but not mentioned in the range?
            anywhere = person_stats(ctx.journal.query(Query(kind="entry")), None, directory,
                                    args.name)
            one = replace(anywhere, entries=(), mood=None) if anywhere else None
        if one is None:
            raise UserError(MSG("unknown", ctx.lang, name=args.name))
        found = [one]
    else:
        found = people_stats(entries, book, directory)
    if args.format == "json":
        data = people_json(found, with_entries=args.name is not None)
        write_out(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    weeks = last_weeks(end or ctx.today, SPARK_WEEKS)
    columns = shutil.get_terminal_size().columns if is_terminal() else None
    report = Report(ctx.lang, book, weeks, columns)
    if args.name is not None:
        write_out(report.person(found[0]))
    else:
        write_out(report.overview(found, _span(start, end, ctx.lang)))
    return 0


def _span(start: Any, end: Any, lang: str) -> str:
    if start and end:
        return MSG("range", lang, start=start, end=end)
    if start:
        return MSG("start", lang, start=start)
    if end:
        return MSG("end", lang, end=end)
    return MSG("whole", lang)


class Report:
    """Plain text for a terminal or a pipe; every name and title through ``printable``."""

    def __init__(self, lang: str, book: Any, weeks: list[str], columns: int | None = None
                 ) -> None:
        self.lang, self.book, self.weeks, self.columns = lang, book, weeks, columns

    def themes(self, stats: PersonStats, limit: int | None = 3) -> str:
        parts = []
        for tid, t in list(stats.themes.items())[:limit]:
            theme = self.book.themes.get(tid)
            name = theme.name(self.lang) if theme is not None else tid
            if t.balance is not None:
                parts.append(f"{name} {number(t.balance, '+.2f', self.lang)} ({t.mentions})")
            else:
                parts.append(f"{name} ({t.mentions})")
        return ", ".join(parts)

    def mood(self, stats: PersonStats) -> str:
        return "–" if stats.mood is None else f"{number(stats.mood, '.1f', self.lang)}/5"

    def spark(self, stats: PersonStats) -> str:
        return spark(mentions_by_week(stats, self.weeks))

    def overview(self, found: list[PersonStats], span: str) -> str:
        lang = self.lang
        n = len(found)
        out = [MSG("title", lang, span=span, n=n, p=MSG.count("person", n, lang))]
        if not found:
            return "\n".join([*out, MSG("nobody", lang)]) + "\n"
        names = [printable(s.name, newlines=False) for s in found]
        width = min(max(len(name) for name in names), 24)
        count = MSG("col.entries", lang)
        out.append(f"{'':{width}}  {count:>7}  {MSG('col.days', lang):23}  "
                   f"{MSG('mood', lang):>6}  {MSG('weeks', lang, n=len(self.weeks))}")
        for name, s in zip(names, found, strict=True):
            days = f"{s.first} → {s.last}" if s.first else ""
            spark = self.spark(s)
            out.append(f"{name[:width]:{width}}  {s.mentions:>7}  {days:23}  "
                       f"{self.mood(s):>6}  {spark:{len(self.weeks)}}  {self.themes(s, 2)}")
        return "\n".join(self.fit(line) for line in out) + "\n"

    def fit(self, line: str) -> str:
        """A line cut to the terminal's width (a pipe gets it whole)."""
        if self.columns and len(line) > self.columns:
            return line[: self.columns - 1] + "…"
        return line

    def person(self, s: PersonStats) -> str:
        lang = self.lang
        out = [printable(s.name, newlines=False)]
        if s.person is not None and s.person.aliases:
            aliases = ", ".join(printable(a, newlines=False) for a in s.person.aliases)
            out.append(MSG("aliases", lang) + colon(lang) + aliases)
        if s.person is not None and s.person.note:
            out.append(MSG("note", lang) + colon(lang) + printable(s.person.note))
        counted = f"{s.mentions} {MSG.count('entry', s.mentions, lang)}"
        days = f" · {s.first} → {s.last}" if s.first else ""
        out.append(f"{counted}{days} · {MSG('mood', lang)} {self.mood(s)}")
        out.append(f"{MSG('weeks', lang, n=len(self.weeks))}{colon(lang)}{self.spark(s)}")
        out.append(MSG("themes", lang) + colon(lang) + (self.themes(s, None) or MSG("none", lang)))
        out += ["", MSG("entries", lang)]
        for e in s.entries:
            title = printable(first_line(e.body, TITLE), newlines=False)
            out.append(f"  {e.date}  {e.id}  {title}")
        return "\n".join(self.fit(line) for line in out) + "\n"
