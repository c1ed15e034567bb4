"""``prompt``: the prompt of the day.

For today it fits the hour (before noon, nothing about what the day held) and, once
an entry of the day answered a prompt, it is that one (``prompts.prompt_of_the_day``).
"""

from __future__ import annotations

import argparse
from typing import Any

from journal_tui.commands.common import parse_day, warn_prompts, write_text
from journal_tui.core.context import Context
from journal_tui.core.index import Query
from journal_tui.core.prompts import answered_prompts, prompt_of_the_day


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("prompt", parents=parents, help="print the prompt of the day")
    p.add_argument("--date", metavar="D", help="YYYY-MM-DD, today or yesterday")
    p.set_defaults(run=run_prompt)


def run_prompt(ctx: Context, args: argparse.Namespace) -> int:
    day = parse_day(args.date, ctx.today) if args.date else ctx.today
    book = ctx.prompts
    warn_prompts(ctx)
    hour, answered = None, []
    if day == ctx.today:
        hour = ctx.clock().hour
        entries = ctx.journal.query(Query(start=day, end=day, kind="entry", newest_first=False))
        answered = answered_prompts(entries)
    prompt = prompt_of_the_day(book, day, hour=hour, answered=answered)
    theme = book.theme(prompt.theme)
    write_text(f"{prompt.text_in(ctx.lang)}\n  — {theme.name(ctx.lang)}\n")
    return 0
