"""``review``: the weekly review, printed with Rich, as Markdown or as JSON.

The questions chosen for the week and the intentions come with it (``core.review``,
``core.questions``, ``core.intentions``); JSON adds ``last_intention`` and
``intention`` as DESIGN.md says, and ``chosen``.
"""

from __future__ import annotations

import argparse
from typing import Any

from journal_tui.commands.common import (
    console,
    is_terminal,
    parse_week,
    scoring_progress,
    warn_problems,
    warn_prompts,
    write_document,
    write_text,
)
from journal_tui.core.context import Context
from journal_tui.core.model import iso_week
from journal_tui.core.printable import printable
from journal_tui.core.review import load_review, review_json, review_markdown, review_text


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "review", parents=parents, help="print the weekly review",
        description="Print the review of an ISO week: last week's intention, days, mood, "
                    "theme balance against the four weeks before, people, tags, entries, "
                    "the questions chosen for the week, the review note and the intention "
                    "for the next week.")
    p.add_argument("--week", metavar="YYYY-Www",
                   help="the ISO week, e.g. 2026-W48 (default: the current week)")
    p.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                   help="text (Rich on a terminal), markdown or json (default: text)")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    if args.week:
        year, num = parse_week(args.week)
        week = f"{year}-W{num:02d}"
    else:
        week = iso_week(ctx.today)
    with scoring_progress(ctx.lang) as on_progress:  # the first time
        review = load_review(ctx.journal, week, ctx.prompts, ctx.today, on_progress)
    warn_problems(ctx.journal.problems(), ctx.lang)
    warn_prompts(ctx)
    if args.format == "json":
        write_document(review_json(review, ctx.lang), "json")
    elif args.format == "markdown":
        write_document(review_markdown(review, ctx.lang), "markdown")
    elif is_terminal():
        from rich.markdown import Markdown

        # Entry text is shown, never obeyed: no control sequence, no terminal hyperlink.
        text = printable(review_markdown(review, ctx.lang, full=False))
        console().print(Markdown(text, hyperlinks=False))
    else:  # text is for reading, wherever the pipe ends: no control sequence either
        write_text(review_text(review, ctx.lang))
    return 0
