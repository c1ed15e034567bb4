"""``prompt``: the prompt of the day."""

from __future__ import annotations

import argparse
from typing import Any

from journal_tui.commands.common import parse_day, warn_prompts, write_text
from journal_tui.core.context import Context
from journal_tui.core.prompts import prompt_of_the_day


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("prompt", parents=parents, help="print the prompt of the day")
    p.add_argument("--date", metavar="D", help="YYYY-MM-DD, today or yesterday")
    p.set_defaults(run=run_prompt)


def run_prompt(ctx: Context, args: argparse.Namespace) -> int:
    day = parse_day(args.date, ctx.today) if args.date else ctx.today
    book = ctx.prompts
    warn_prompts(ctx)
    prompt = prompt_of_the_day(book, day)
    theme = book.theme(prompt.theme)
    write_text(f"{prompt.text_in(ctx.lang)}\n  — {theme.name(ctx.lang)}\n")
    return 0
