"""``export`` and ``import``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from journal_tui.commands.common import (
    UserError,
    progress,
    say,
    warn,
    warn_problems,
    write_document,
)
from journal_tui.commands.entries import add_filters, query_from
from journal_tui.core import atomic
from journal_tui.core.context import Context
from journal_tui.core.export import front_matter_markdown, json_document, markdown_document
from journal_tui.core.i18n import Catalog
from journal_tui.core.importers import IMPORTERS, ImportFormatError, guess_source
from journal_tui.core.index import Query
from journal_tui.core.model import EntryError

MSG = Catalog({
    "err.split": ("--split writes Markdown files into a folder: give -o FOLDER",
                  "--split écrit des fichiers Markdown dans un dossier : indiquez -o DOSSIER"),
    "err.is_folder": ("{path} is a folder: give a file name (or use --split)",
                      "{path} est un dossier : indiquez un nom de fichier (ou --split)"),
    "err.exists": ("{path} exists: use --force to overwrite it",
                   "{path} existe : --force le remplace"),
    "err.not_a_folder": ("{path} is not a folder", "{path} n’est pas un dossier"),
    "err.taken": ("{path} exists: use --force to overwrite",
                  "{path} existe : --force le remplace"),
    "err.taken_more": ("{path} and {more} more exist: use --force to overwrite",
                       "{path} et {more} autres existent : --force les remplace"),
    "err.no_file": ("no such file: {path}", "fichier introuvable : {path}"),
    "err.file_is_folder": ("{path} is a folder, not a file",
                           "{path} est un dossier, pas un fichier"),
    "err.not_utf8": ("{path} is not UTF-8 text", "{path} n’est pas un texte UTF-8"),
    "err.format": ("{path}: {error}", "{path} : {error}"),
    "err.nothing_imported": ("{path}: nothing imported: {error}",
                             "{path} : rien n’a été importé : {error}"),
    "written.one": ("{n} entry written to {path}", "{n} entrée écrite dans {path}"),
    "written": ("{n} entries written to {path}", "{n} entrées écrites dans {path}"),
    "files.one": ("{n} file written to {path}", "{n} fichier écrit dans {path}"),
    "files": ("{n} files written to {path}", "{n} fichiers écrits dans {path}"),
    "imported.one": ("{n} entry imported from {path}", "{n} entrée importée de {path}"),
    "imported": ("{n} entries imported from {path}", "{n} entrées importées de {path}"),
    "present.one": (" ({n} already there)", " ({n} déjà présente)"),
    "present": (" ({n} already there)", " ({n} déjà présentes)"),
    "clashes.one": ("{n} entry not imported: its id is used earlier in {path} by an entry "
                    "with different content ({ids})",
                    "{n} entrée non importée : son identifiant est déjà pris plus haut dans "
                    "{path} par une entrée au contenu différent ({ids})"),
    "clashes": ("{n} entries not imported: their id is used earlier in {path} by an entry "
                "with different content ({ids})",
                "{n} entrées non importées : leur identifiant est déjà pris plus haut dans "
                "{path} par une entrée au contenu différent ({ids})"),
})


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
        raise UserError(MSG("err.split", ctx.lang))
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
        raise UserError(MSG("err.is_folder", ctx.lang, path=out))
    try:
        atomic.atomic_write(out, text.encode(), overwrite=args.force)
    except FileExistsError:
        raise UserError(MSG("err.exists", ctx.lang, path=out)) from None
    say(MSG.count("written", count, ctx.lang, n=count, path=out))
    return 0


def _export_split(ctx: Context, entries: list, folder: Path, force: bool) -> int:
    if folder.exists() and not folder.is_dir():
        raise UserError(MSG("err.not_a_folder", ctx.lang, path=folder))
    targets = [(folder / f"{e.id}.md", e) for e in entries]
    if not force:
        taken = [p for p, _ in targets if p.exists()]
        if taken:
            raise UserError(MSG("err.taken_more" if len(taken) > 1 else "err.taken",
                                ctx.lang, path=taken[0], more=len(taken) - 1))
    atomic.ensure_dir(folder)
    with progress(len(targets), "export") as update:
        for n, (path, entry) in enumerate(targets, 1):
            atomic.atomic_write(path, front_matter_markdown(entry, ctx.lang).encode(),
                                sync_dir=False)
            update(n)
    atomic.fsync_dir(folder)
    say(MSG.count("files", len(targets), ctx.lang, n=len(targets), path=folder))
    return 0


def run_import(ctx: Context, args: argparse.Namespace) -> int:
    path: Path = args.file
    try:
        text = path.read_text("utf-8-sig")  # a byte-order mark is no reason to refuse
    except FileNotFoundError:
        raise UserError(MSG("err.no_file", ctx.lang, path=path)) from None
    except IsADirectoryError:
        raise UserError(MSG("err.file_is_folder", ctx.lang, path=path)) from None
    except UnicodeDecodeError:
        raise UserError(MSG("err.not_utf8", ctx.lang, path=path)) from None
    source = args.source or guess_source(text)
    try:
        entries = IMPORTERS[source](text)
    except ImportFormatError as exc:
        raise UserError(MSG("err.format", ctx.lang, path=path, error=exc)) from None
    try:
        with progress(len(entries), "import") as update:
            report = ctx.journal.add_many(entries, update)
    except EntryError as exc:
        raise UserError(MSG("err.nothing_imported", ctx.lang, path=path,
                            error=exc)) from None
    lang = ctx.lang
    note = (MSG.count("present", report.present, lang, n=report.present)
            if report.present else "")
    say(MSG.count("imported", report.added, lang, n=report.added, path=path) + note)
    if report.clashes:
        n = len(report.clashes)
        shown = ", ".join(report.clashes[:5]) + (" …" if n > 5 else "")
        warn(MSG.count("clashes", n, lang, n=n, path=path, ids=shown))
        return 1
    return 0
