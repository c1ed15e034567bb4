"""``export`` and ``import``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from journal_tui.commands.common import (
    UserError,
    progress,
    warn,
    warn_problems,
    write_document,
)
from journal_tui.commands.entries import add_filters, query_from
from journal_tui.core import atomic
from journal_tui.core.context import Context
from journal_tui.core.export import front_matter_markdown, json_document, markdown_document
from journal_tui.core.importers import IMPORTERS, ImportFormatError, guess_source
from journal_tui.core.index import Query
from journal_tui.core.model import EntryError
from journal_tui.core.printable import printable


def _markdown(ctx: Context, q: Query) -> tuple[str, int]:
    blocks = ctx.journal.markdown_blocks(q, ctx.lang)
    return markdown_document(blocks, ctx.lang), len(blocks)


def _json(ctx: Context, q: Query) -> tuple[str, int]:
    objects = ctx.journal.json_objects(q)
    return json_document(objects), len(objects)


# Formats by name (jrnl's registry shape); each reads the index's cached renderings.
EXPORTERS = {"markdown": _markdown, "json": _json}


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("export", parents=parents, help="export to Markdown or JSON",
                       description="Export entries, oldest first, to standard output or PATH.")
    p.add_argument("--format", choices=tuple(EXPORTERS), default="markdown")
    add_filters(p)
    p.add_argument("-o", "--output", type=Path, metavar="PATH",
                   help="write to this file (or folder, with --split)")
    p.add_argument("--split", action="store_true",
                   help="one Markdown file per entry, with front matter, into folder PATH")
    p.add_argument("--force", action="store_true", help="overwrite existing files")
    p.set_defaults(run=run_export)

    p = sub.add_parser("import", parents=parents, help="import a jrnl or journal-tui JSON export")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--from", dest="source", choices=tuple(IMPORTERS),
                   help="what FILE is (default: guessed from its content)")
    p.set_defaults(run=run_import)


def run_export(ctx: Context, args: argparse.Namespace) -> int:
    if args.split and (args.format != "markdown" or args.output is None):
        raise UserError("--split writes Markdown files into a folder: give -o FOLDER")
    q = query_from(args, ctx, newest_first=False)
    if args.split:
        entries = ctx.journal.query(q)
        warn_problems(ctx.journal.problems(), ctx.lang)
        return _export_split(ctx, entries, args.output, args.force)
    text, count = EXPORTERS[args.format](ctx, q)
    warn_problems(ctx.journal.problems(), ctx.lang)
    if args.output is None:
        write_document(text, args.format)
        return 0
    out: Path = args.output
    if out.is_dir():
        raise UserError(f"{out} is a folder: give a file name (or use --split)")
    try:
        atomic.atomic_write(out, text.encode(), overwrite=args.force)
    except FileExistsError:
        raise UserError(f"{out} exists: use --force to overwrite it") from None
    print(f"{count} entries written to {out}", file=sys.stderr)
    return 0


def _export_split(ctx: Context, entries: list, folder: Path, force: bool) -> int:
    if folder.exists() and not folder.is_dir():
        raise UserError(f"{folder} is not a folder")
    targets = [(folder / f"{e.id}.md", e) for e in entries]
    if not force:
        taken = [p for p, _ in targets if p.exists()]
        if taken:
            more = f" and {len(taken) - 1} more" if len(taken) > 1 else ""
            raise UserError(f"{taken[0]}{more} exist: use --force to overwrite")
    atomic.ensure_dir(folder)
    with progress(len(targets), "export") as update:
        for n, (path, entry) in enumerate(targets, 1):
            atomic.atomic_write(path, front_matter_markdown(entry, ctx.lang).encode(),
                                sync_dir=False)
            update(n)
    atomic.fsync_dir(folder)
    print(f"{len(targets)} files written to {folder}", file=sys.stderr)
    return 0


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        text = path.read_text("utf-8-sig")  # a byte-order mark is no reason to refuse
    except FileNotFoundError:
        raise UserError(f"no such file: {path}") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder, not a file") from None
    except UnicodeDecodeError:
        raise UserError(f"{path} is not UTF-8 text") from None
    source = args.source or guess_source(text)
    try:
        entries = IMPORTERS[source](text)
    except ImportFormatError as exc:
        raise UserError(f"{path}: {exc}") from None
    try:
        with progress(len(entries), "import") as update:
            report = ctx.journal.add_many(entries, update)
    except EntryError as exc:
        raise UserError(f"{path}: nothing imported: {exc}") from None
    note = f" ({report.present} already there)" if report.present else ""
    print(printable(f"{report.added} entries imported from {path}{note}"), file=sys.stderr)
    if report.clashes:
        shown = ", ".join(report.clashes[:5]) + (" …" if len(report.clashes) > 5 else "")
        warn(f"{len(report.clashes)} entries not imported: their id is used earlier in "
             f"{path} by an entry with different content ({shown})")
        return 1
    return 0
