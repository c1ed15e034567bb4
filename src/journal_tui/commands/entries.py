"""``add``, ``list`` and ``show``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TYPE_CHECKING, Any

from journal_tui.commands.common import (
    UserError,
    is_terminal,
    parse_day,
    positive_int,
    warn,
    warn_problems,
    write_document,
    write_text,
)
from journal_tui.core.codec import UnreadableEntry
from journal_tui.core.config import editor_command
from journal_tui.core.context import Context
from journal_tui.core.editor import EditorFile
from journal_tui.core.export import entry_json, json_array
from journal_tui.core.i18n import Catalog, date_text, number
from journal_tui.core.index import Query
from journal_tui.core.model import Entry, make_entry
from journal_tui.core.printable import printable
from journal_tui.core.storage import NotFound

if TYPE_CHECKING:  # `list` and `add` never load the detector (~50 ms of imports)
    from journal_tui.core.detect import Noticed

MSG = Catalog({
    "noticed": ("Themes noticed:", "Thèmes relevés :"),
    "colon": (": ", " : "),
    "source.checkin": ("your check-in", "votre auto-évaluation"),
    "source.user": ("your word", "votre choix"),
    "source.text": ("noticed in the text", "relevé dans le texte"),
    "err.empty": ("nothing to add: the text is empty", "rien à ajouter : le texte est vide"),
    "err.kept": ("{error}; your text is kept in {path}",
                 "{error} ; votre texte est gardé dans {path}"),
    "err.stdin": ("standard input is not UTF-8 text: nothing was added",
                  "l’entrée standard n’est pas un texte UTF-8 : rien n’a été ajouté"),
    "err.no_editor": ("no text given and no editor set: pass TEXT, pipe it in, "
                      "or set $EDITOR",
                      "ni texte ni éditeur : donnez TEXTE, envoyez-le par un tube "
                      "ou définissez $EDITOR"),
    "err.editor_missing": ("editor not found: {command}", "éditeur introuvable : {command}"),
    "err.editor_read": ("cannot read {path}: {error}; {nothing}",
                        "impossible de lire {path} : {error} ; {nothing}"),
    "err.editor_status": ("the editor ({command}) exited with status {status}; {nothing}",
                          "l’éditeur ({command}) s’est arrêté avec le code {status} ; "
                          "{nothing}"),
    "err.editor_kept": (" (your text is kept in {path})",
                        " (votre texte est gardé dans {path})"),
    "err.not_found": ("no entry with id {id!r}", "aucune entrée d’identifiant {id!r}"),
    "err.unreadable": ("cannot read entry: {error}", "impossible de lire l’entrée : {error}"),
    "nothing.added": ("nothing was added", "rien n’a été ajouté"),
    "nothing.unchanged": ("the entry is unchanged", "l’entrée n’a pas changé"),
    "future": ("warning: {day} is in the future; the entry is saved on that day",
               "attention : le {day} est dans le futur ; l’entrée est enregistrée à "
               "cette date"),
})


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("add", parents=parents, help="add an entry from TEXT, stdin or $EDITOR",
                       description="Add an entry. The text comes from TEXT, else standard "
                                   "input (when piped), else your editor.")
    p.add_argument("text", nargs="*", metavar="TEXT")
    p.add_argument("--tag", "-t", action="append", default=[], metavar="T")
    p.add_argument("--mood", type=int, choices=range(1, 6), metavar="N", help="1 to 5")
    # SUPPRESS: the global --date, given before the command, is not reset here.
    p.add_argument("--date", metavar="D", default=argparse.SUPPRESS,
                   help="YYYY-MM-DD, today or yesterday")
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


def add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--from", dest="start", metavar="D", help="from this day (YYYY-MM-DD)")
    p.add_argument("--to", dest="end", metavar="D", help="up to this day, included")
    p.add_argument("--tag", metavar="T", help="only entries with this tag")


def query_from(args: argparse.Namespace, ctx: Context, **extra: Any) -> Query:
    start = parse_day(args.start, ctx.today) if args.start else None
    end = parse_day(args.end, ctx.today) if args.end else None
    if start and end and start > end:
        raise UserError("err.from_after_to", start=start, end=end)
    return Query(start=start, end=end, tag=args.tag, **extra)


# ---------------------------------------------------------------------------- add


def run_add(ctx: Context, args: argparse.Namespace) -> int:
    lang = ctx.lang
    day = parse_day(args.date, ctx.today) if args.date else ctx.today
    if day > ctx.today:  # a typo in the year, most likely: said, not refused
        warn(MSG("future", lang, day=date_text(day, lang)))
    edited: EditorFile | None = None
    if args.text:
        body = " ".join(argv_text(t) for t in args.text)
    elif not sys.stdin.isatty():
        body = _read_stdin(lang)
    else:
        edited = edit_in_editor(ctx)
        body = edited.read()
    if not body.strip():
        if edited is not None:
            edited.remove()
        raise UserError(MSG("err.empty", lang))
    entry = make_entry(body.rstrip("\n") + "\n" if "\n" in body.strip() else body.strip(),
                       day=day, when=ctx.clock(), tags=[argv_text(t) for t in args.tag],
                       mood=args.mood)
    try:
        path = ctx.journal.add(entry)
    except (OSError, ValueError) as exc:
        if edited is None:
            raise
        # The text is only in the editor's file: keep it, and say where it is.
        raise UserError(MSG("err.kept", lang, error=exc, path=edited.path)) from None
    if edited is not None:
        edited.remove()
    print(f"{entry.id}  {path}", file=sys.stderr if not is_terminal() else sys.stdout)
    return 0


def argv_text(arg: str) -> str:
    """An argument as the UTF-8 the person typed, even where the locale is not UTF-8
    (Python then hands over undecodable bytes as lone surrogates, which no file can
    hold)."""
    try:
        arg.encode("utf-8")
        return arg
    except UnicodeEncodeError:
        return os.fsencode(arg).decode("utf-8", "replace")


def _read_stdin(lang: str) -> str:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream without bytes underneath (tests, wrappers)
        return sys.stdin.read()
    try:
        return stream.read().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(MSG("err.stdin", lang)) from None


def edit_in_editor(ctx: Context, text: str = "", nothing: str = "nothing.added"
                   ) -> EditorFile:
    """``text`` edited in the person's editor, in a file kept until the caller has saved
    what it holds (``nothing``: the key of what was not done, ending the errors)."""
    import subprocess

    lang = ctx.lang
    not_done = MSG(nothing, lang)
    command = editor_command(ctx.config)
    if not command:
        raise UserError(MSG("err.no_editor", lang))
    edited = EditorFile.create(text)
    try:
        result = subprocess.run(edited.command(command), check=False)
    except (FileNotFoundError, ValueError):
        edited.remove()
        raise UserError(MSG("err.editor_missing", lang, command=command)) from None
    try:
        typed = edited.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(MSG("err.editor_read", lang, path=edited.path, error=exc,
                            nothing=not_done)) from None
    if result.returncode != 0:
        kept = MSG("err.editor_kept", lang, path=edited.path) if typed.strip() else ""
        if not kept:
            edited.remove()
        raise UserError(MSG("err.editor_status", lang, command=command,
                            status=result.returncode, nothing=not_done) + kept)
    return edited


# --------------------------------------------------------------------------- list


def run_list(ctx: Context, args: argparse.Namespace) -> int:
    q = query_from(args, ctx, contains=args.contains, limit=args.n)
    if args.format == "json":
        write_document(json_array(ctx.journal.json_objects(q)) + "\n", "json")
    else:
        write_text("".join(list_line(e) + "\n" for e in ctx.journal.query(q)))
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
    entry = get_entry(ctx, args.id)
    from journal_tui.core.detect import notice

    noticed = notice(entry, ctx.prompts)
    if args.format == "json":
        obj = json.loads(entry_json(entry))
        obj["noticed"] = [n.to_json() for n in noticed]
        write_document(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", "json")
    elif is_terminal():
        _show_rich(entry, noticed, ctx)
    else:
        write_text(show_text(entry) + noticed_text(noticed, ctx))
    return 0


def get_entry(ctx: Context, entry_id: str) -> Entry:
    """The entry with that id, or a one-line error."""
    try:
        return ctx.journal.get(entry_id)
    except NotFound:
        raise UserError(MSG("err.not_found", ctx.lang, id=entry_id)) from None
    except UnreadableEntry as exc:
        raise UserError(MSG("err.unreadable", ctx.lang, error=exc)) from None


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
        lines.append(printable(line))
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
    """The entry in a panel, its body as Markdown. Entry text is never read as Rich
    markup (titles are ``Text``), never sends a control sequence (``printable``) and
    links show their address instead of becoming terminal hyperlinks."""
    from rich.markdown import Markdown
    from rich.panel import Panel
    from rich.text import Text

    from journal_tui.commands.common import console

    head = [printable(line) for line in _header(entry)]
    body = Markdown(printable(entry.body) or "_(empty)_", hyperlinks=False)
    con = console()
    con.print(Panel(body, title=Text(head[0]),
                    subtitle=Text(" · ".join(head[1:])) if head[1:] else None,
                    title_align="left", padding=(1, 2)))
    if noticed:
        con.print(Text(MSG("noticed", ctx.lang), style="bold"))
        for line in noticed_lines(noticed, ctx):
            con.print(Text(line))
