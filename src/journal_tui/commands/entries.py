"""``add``, ``list``, ``show`` and ``edit``."""

from __future__ import annotations

import argparse
import json
import re
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
from journal_tui.core.atomic import WriteError
from journal_tui.core.codec import UnreadableEntry
from journal_tui.core.config import editor_command
from journal_tui.core.context import Context
from journal_tui.core.detect import Noticed, notice
from journal_tui.core.export import entry_json, json_array
from journal_tui.core.i18n import Catalog, number
from journal_tui.core.index import Query
from journal_tui.core.model import Entry, field_tags, make_entry, refresh_derived
from journal_tui.core.storage import NotFound
from journal_tui.core.theme_word import ThemeWordError, with_word
from journal_tui.core.theme_word import parse as parse_word

# Evidence quotes the body: on a terminal its control characters are shown escaped.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

MSG = Catalog({
    "noticed": ("Themes noticed:", "Thèmes relevés :"),
    "colon": (": ", " : "),
    "source.checkin": ("your check-in", "votre auto-évaluation"),
    "source.user": ("your word", "votre choix"),
    "source.text": ("noticed in the text", "relevé dans le texte"),
})


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

    p = sub.add_parser("show", parents=parents, help="print one entry and the themes noticed",
                       description="Print one entry, then the themes noticed in it: "
                                   "check-ins, your word ([themes]) and text detection "
                                   "with its evidence and confidence.")
    p.add_argument("id", metavar="ID")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text (Rich on a terminal) or json: the entry object plus "
                        "\"noticed\"")
    p.set_defaults(run=run_show)

    p = sub.add_parser("edit", parents=parents, help="change an entry's themes, mood, tags "
                       "or date, or its body in $EDITOR",
                       description="Change an entry's fields without touching its body; "
                                   "with no option, open the body in your editor.")
    p.add_argument("id", metavar="ID")
    p.add_argument("--theme", action="append", default=[], metavar="THEME=VALUE",
                   help="your word on a theme: low or high (polar theme), yes (plain "
                        "theme), none (not about it); repeatable")
    p.add_argument("--mood", type=int, choices=range(1, 6), metavar="N", help="1 to 5")
    p.add_argument("--tag", "-t", action="append", metavar="T",
                   help="the entry's tags (replacing those not written as #tags in the "
                        "body); repeatable")
    p.add_argument("--date", metavar="D", help="move the entry to this day")
    p.set_defaults(run=run_edit)


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
    tmp = _edit_in_editor(ctx, "", "nothing was added")
    try:
        return tmp.read_text("utf-8")
    finally:
        tmp.unlink(missing_ok=True)


def _edit_in_editor(ctx: Context, text: str, nothing: str) -> Path:
    """Let the person edit ``text`` in their editor; the temporary file (0600) holding
    the result, which the caller removes once it is safe to."""
    import os
    import shlex
    import subprocess
    import tempfile

    command = editor_command(ctx.config)
    if not command:
        raise UserError("no text given and no editor set: pass TEXT, pipe it in, "
                        "or set $EDITOR")
    fd, name = tempfile.mkstemp(prefix="journal-tui-", suffix=".md")
    tmp = Path(name)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    try:
        result = subprocess.run([*shlex.split(command), str(tmp)], check=False)
    except FileNotFoundError:
        tmp.unlink(missing_ok=True)
        raise UserError(f"editor not found: {command}") from None
    if result.returncode != 0:
        tmp.unlink(missing_ok=True)
        raise UserError(f"the editor ({command}) exited with status {result.returncode}; "
                        f"{nothing}")
    return tmp


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
    entry = _get(ctx, args.id)
    noticed = notice(entry, ctx.prompts)
    if args.format == "json":
        obj = json.loads(entry_json(entry))
        obj["noticed"] = [n.to_json() for n in noticed]
        write_out(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
    elif is_terminal():
        _show_rich(entry, noticed, ctx)
    else:
        write_out(show_text(entry) + noticed_text(noticed, ctx))
    return 0


def _get(ctx: Context, entry_id: str) -> Entry:
    try:
        return ctx.journal.get(entry_id)
    except NotFound as exc:
        raise UserError(str(exc)) from None
    except UnreadableEntry as exc:
        raise UserError(f"cannot read entry: {exc}") from None


def noticed_lines(noticed: list[Noticed], ctx: Context) -> list[str]:
    """One line per theme noticed: name, pole, source, confidence, evidence."""
    lines = []
    for n in noticed:
        theme = ctx.prompts.theme(n.theme)
        name = theme.name(ctx.lang) if theme is not None else n.theme
        pole = f" ({theme.pole(n.pole, ctx.lang)})" if n.pole and theme is not None else ""
        source = MSG(f"source.{n.source}", ctx.lang)
        line = f"- {name}{pole}{MSG('colon', ctx.lang)}{source}"
        if n.source == "text":
            line += f", {number(n.confidence, '.2f', ctx.lang)}"
        if n.evidence_text:
            line += f" — {n.evidence_text}"
        lines.append(_CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", line))
    return lines


def noticed_text(noticed: list[Noticed], ctx: Context) -> str:
    if not noticed:
        return ""
    return "\n" + MSG("noticed", ctx.lang) + "\n" + "\n".join(noticed_lines(noticed, ctx)) + "\n"


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


def _show_rich(entry: Entry, noticed: list[Noticed], ctx: Context) -> None:
    from rich.markdown import Markdown
    from rich.panel import Panel
    from rich.text import Text

    from journal_tui.commands.common import console

    head = "\n".join(_header(entry))
    con = console()
    con.print(Panel(Markdown(entry.body or "_(empty)_"), title=head.splitlines()[0],
                    subtitle=" · ".join(head.splitlines()[1:]) or None,
                    title_align="left", padding=(1, 2)))
    if noticed:
        con.print(Text(MSG("noticed", ctx.lang), style="bold"))
        for line in noticed_lines(noticed, ctx):
            con.print(Text(line))


# ---------------------------------------------------------------------------- edit


def run_edit(ctx: Context, args: argparse.Namespace) -> int:
    words = [_theme_option(option, ctx) for option in args.theme]
    entry = _get(ctx, args.id)
    changed = entry.with_changes(themes=dict(entry.themes), tags=list(entry.tags))
    if args.theme or args.mood is not None or args.tag is not None or args.date:
        for theme, value in words:
            changed = with_word(changed, theme, value)
        if args.mood is not None:
            changed.mood = args.mood
        if args.tag is not None:
            refresh_derived(changed, extra_tags=[t for t in args.tag if t.strip()])
        if args.date:
            changed.date = parse_day(args.date, ctx.today)
        _save(ctx, changed)
        return 0
    tmp = _edit_in_editor(ctx, entry.body, "the entry is unchanged")
    body = tmp.read_text("utf-8")
    if body == entry.body:
        tmp.unlink(missing_ok=True)
        print(f"{entry.id}: no change", file=sys.stderr)
        return 0
    changed.body = body
    refresh_derived(changed, extra_tags=field_tags(entry))  # #tags follow the new text
    try:
        _save(ctx, changed)
    except UserError as exc:
        raise UserError(f"{exc}; your text is kept in {tmp}") from None
    tmp.unlink(missing_ok=True)
    return 0


def _theme_option(option: str, ctx: Context) -> tuple[str, str]:
    try:
        return parse_word(option, ctx.prompts)
    except ThemeWordError as exc:
        raise UserError(str(exc)) from None


def _save(ctx: Context, entry: Entry) -> None:
    try:
        path = ctx.journal.save(entry)
    except UnreadableEntry as exc:
        raise UserError(f"cannot rewrite an unreadable entry: {exc}") from None
    except WriteError as exc:
        raise UserError(f"cannot save: {exc}") from None
    print(f"{entry.id}  {path}", file=sys.stderr if not is_terminal() else sys.stdout)
