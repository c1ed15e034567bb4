"""``add``, ``list`` and ``show``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from journal_tui.commands.common import (
    UserError,
    is_terminal,
    parse_day,
    positive_int,
    warn_problems,
    write_out,
)
from journal_tui.core.codec import UnreadableEntry
from journal_tui.core.config import editor_command
from journal_tui.core.context import Context
from journal_tui.core.export import json_array
from journal_tui.core.index import Query
from journal_tui.core.model import Entry, make_entry
from journal_tui.core.storage import NotFound


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("add", parents=parents, help="add an entry from TEXT, stdin or $EDITOR",
                       description="Add an entry. The text comes from TEXT, else standard "
                                   "input (when piped), else your editor.")
    p.add_argument("text", nargs="*", metavar="TEXT")
    p.add_argument("--tag", "-t", action="append", default=[], metavar="T")
    p.add_argument("--mood", type=int, choices=range(1, 6), metavar="N", help="1 to 5")
    p.add_argument("--date", metavar="D", help="YYYY-MM-DD, today or yesterday")
    p.set_defaults(run=run_add)

    p = sub.add_parser("list", parents=parents, help="list entries, newest first")
    add_filters(p)
    p.add_argument("--contains", metavar="TEXT", help="text to find (ignores case and accents)")
    p.add_argument("-n", type=positive_int, metavar="N", help="only the newest N")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(run=run_list)

    p = sub.add_parser("show", parents=parents, help="print one entry")
    p.add_argument("id", metavar="ID")
    p.set_defaults(run=run_show)


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", metavar="D", help="from this day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", metavar="D", help="up to this day, included")
    p.add_argument("--tag", metavar="T", help="only entries with this tag")


def query_from(args: argparse.Namespace, ctx: Context, **extra: Any) -> Query:
    start = parse_day(args.start, ctx.today) if args.start else None
    end = parse_day(args.end, ctx.today) if args.end else None
    if start and end and start > end:
        raise UserError(f"--from {start} is after --to {end}")
    return Query(start=start, end=end, tag=args.tag, **extra)


# ---------------------------------------------------------------------------- add


def run_add(ctx: Context, args: argparse.Namespace) -> int:
    day = parse_day(args.date, ctx.today) if args.date else ctx.today
    if args.text:
        body = " ".join(args.text)
    elif not sys.stdin.isatty():
        body = sys.stdin.read()
    else:
        body = _from_editor(ctx)
    if not body.strip():
        raise UserError("nothing to add: the text is empty")
    entry = make_entry(body.rstrip("\n") + "\n" if "\n" in body.strip() else body.strip(),
                       day=day, when=ctx.clock(), tags=args.tag, mood=args.mood)
    path = ctx.journal.save(entry, touch=False)
    print(f"{entry.id}  {path}", file=sys.stderr if not is_terminal() else sys.stdout)
    return 0


def _from_editor(ctx: Context) -> str:
    import os
    import shlex
    import subprocess
    import tempfile

    command = editor_command(ctx.config)
    if not command:
        raise UserError("no text given and no editor set: pass TEXT, pipe it in, "
                        "or set $EDITOR")
    fd, name = tempfile.mkstemp(prefix="journal-tui-", suffix=".md")
    os.close(fd)
    tmp = Path(name)
    try:
        result = subprocess.run([*shlex.split(command), str(tmp)], check=False)
        if result.returncode != 0:
            raise UserError(f"the editor ({command}) exited with status {result.returncode}; "
                            "nothing was added")
        return tmp.read_text("utf-8")
    except FileNotFoundError:
        raise UserError(f"editor not found: {command}") from None
    finally:
        tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------- list


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    q = query_from(args, ctx, contains=args.contains, limit=args.n)
    if args.format == "json":
        write_out(json_array(ctx.journal.json_objects(q)) + "\n")
    else:
        write_out("".join(list_line(e) + "\n" for e in ctx.journal.query(q)))
    warn_problems(ctx.journal.problems(), ctx.lang)
    return 0


def list_line(entry: Entry) -> str:
    tags = " ".join(f"#{t}" for t in entry.tags)
    mood = f" ({entry.mood}/5)" if entry.mood else ""
    title = entry.title or (f"[review {entry.week}]" if entry.kind == "review" else "")
    if len(title) > 72:
        title = title[:71] + "…"
    return f"{entry.date}  {entry.id}  {title}{mood}{'  ' + tags if tags else ''}"


# --------------------------------------------------------------------------- show


def run_show(ctx: Context, args: argparse.Namespace) -> int:
    try:
        entry = ctx.journal.get(args.id)
    except NotFound as exc:
        raise UserError(str(exc)) from None
    except UnreadableEntry as exc:
        raise UserError(f"cannot read entry: {exc}") from None
    if is_terminal():
        _show_rich(entry)
    else:
        write_out(show_text(entry))
    return 0


def _header(entry: Entry) -> list[str]:
    lines = [f"{entry.date}  ({entry.id})"]
    if entry.prompt:
        lines.append(f"> {entry.prompt}")
    meta = []
    if entry.mood:
        meta.append(f"mood {entry.mood}/5")
    if entry.tags:
        meta.append(" ".join(f"#{t}" for t in entry.tags))
    if entry.people:
        meta.append(" ".join(f"@{p}" for p in entry.people))
    if entry.checkin:
        meta.append(", ".join(f"{k} {v:+d}" for k, v in entry.checkin.items()))
    if meta:
        lines.append(" · ".join(meta))
    return lines


def show_text(entry: Entry) -> str:
    return "\n".join(_header(entry)) + "\n\n" + entry.body.rstrip("\n") + "\n"


def _show_rich(entry: Entry) -> None:
    from rich.markdown import Markdown
    from rich.panel import Panel

    from journal_tui.commands.common import console

    head = "\n".join(_header(entry))
    console().print(Panel(Markdown(entry.body or "_(empty)_"), title=head.splitlines()[0],
                          subtitle=" · ".join(head.splitlines()[1:]) or None,
                          title_align="left", padding=(1, 2)))
