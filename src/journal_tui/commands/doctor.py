"""``doctor``: check every file of the journal, and the config around it.

Only the journal's own folders are looked at (``entries/YYYY/MM``, ``trash/``,
``drafts/``): pointed at a folder that is no journal, the command stops before
reading anything (``cli.check_journal_folder``).
"""

from __future__ import annotations

import argparse
import re
import shlex
import stat
from pathlib import Path
from typing import Any

from journal_tui.commands.common import say, write_text
from journal_tui.core.atomic import STAGING_RE
from journal_tui.core.codec import Problem, UnreadableEntry, decode_dict, newer_schema
from journal_tui.core.conflicts import find_conflicts
from journal_tui.core.context import Context
from journal_tui.core.i18n import Catalog
from journal_tui.core.storage import Journal

# .<name>.<pid>.tmp, left by a single write (atomic.temp_name)
_TEMP_RE = re.compile(r"^\.(.+)\.(\d+)\.tmp$")

MSG = Catalog({
    "checked.one": ("{n} entry file checked in {root}; {problems}",
                    "{n} fichier d’entrée vérifié dans {root} ; {problems}"),
    "checked": ("{n} entry files checked in {root}; {problems}",
                "{n} fichiers d’entrée vérifiés dans {root} ; {problems}"),
    "problems.one": ("{n} problem", "{n} problème"),
    "problems": ("{n} problems", "{n} problèmes"),
    # each problem (after its path and line)
    "link.missing": ("a symbolic link to a missing file: read if it can be, never rewritten",
                     "un lien symbolique vers un fichier absent : lu s’il peut l’être, jamais "
                     "réécrit"),
    "link": ("a symbolic link to another file: read if it can be, never rewritten",
             "un lien symbolique vers un autre fichier : lu s’il peut l’être, jamais réécrit"),
    "newer": ("written by a newer version of journal-tui (schema {schema}): read, never "
              "rewritten",
              "écrit par une version plus récente de journal-tui (schéma {schema}) : lu, "
              "jamais réécrit"),
    "misfiled": ("dated {day} but filed under {folder}", "daté du {day} mais rangé dans {folder}"),
    "same_id": ("same id as {other}", "même id que {other}"),
    "mode": ("readable by others (mode {mode}); run: {command}",
             "lisible par d’autres (mode {mode}) ; lancez : {command}"),
    "import.left": ("left over by an interrupted import; the next import removes it (safe to "
                    "delete)",
                    "laissé par une importation interrompue ; la prochaine le supprime (vous "
                    "pouvez l’effacer)"),
    "write.incomplete": ("left over by an interrupted write, incomplete; {name} itself is "
                         "intact (safe to delete)",
                         "laissé par une écriture interrompue, incomplet ; {name} est intact "
                         "(vous pouvez l’effacer)"),
    "write.missing": ("left over by an interrupted write, and {name} is missing: this file "
                      "holds its text; rename it to {name} to keep it",
                      "laissé par une écriture interrompue, et {name} manque : ce fichier en "
                      "garde le texte ; renommez-le en {name} pour le conserver"),
    "write.same": ("left over by an interrupted write, same as {name} (safe to delete)",
                   "laissé par une écriture interrompue, identique à {name} (vous pouvez "
                   "l’effacer)"),
    "write.unreadable": ("left over by an interrupted write; {name} cannot be read and this "
                         "file may hold a good copy: compare them, then rename it to {name}",
                         "laissé par une écriture interrompue ; {name} est illisible et ce "
                         "fichier en a peut-être une bonne copie : comparez-les, puis "
                         "renommez-le en {name}"),
    "write.newer": ("left over by an interrupted write and NEWER than {name} (updated {mine}, "
                    "the entry {theirs}): it may hold the latest text; compare them, keep it "
                    "by renaming it to {name}, or delete it",
                    "laissé par une écriture interrompue et PLUS RÉCENT que {name} (modifié "
                    "{mine}, l’entrée {theirs}) : il a peut-être le dernier texte ; "
                    "comparez-les, gardez-le en le renommant en {name}, ou effacez-le"),
    "write.older": ("left over by an interrupted write, older than {name} (updated {mine}, "
                    "the entry {theirs}): safe to delete",
                    "laissé par une écriture interrompue, plus ancien que {name} (modifié "
                    "{mine}, l’entrée {theirs}) : vous pouvez l’effacer"),
})


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("doctor", parents=parents,
                       help="check every file; list each problem with its path (and line)")
    p.set_defaults(run=run_doctor)


def check(ctx: Context) -> tuple[int, list[Problem]]:
    """Parse every entry file afresh (not from the cache) and check names and modes."""
    journal, lang = ctx.journal, ctx.lang
    problems: list[Problem] = [
        Problem(w.path or Path("prompts.toml"), w.said_alone(lang), w.line)
        for w in ctx.prompt_warnings
    ]
    seen: dict[str, Path] = {}
    count = 0
    for path in journal.iter_files():
        count += 1
        if path.is_symlink():
            problems.append(Problem(path, MSG("link" if path.exists() else "link.missing",
                                              lang)))
            if not path.exists():
                continue
        try:
            entry = journal.read(path)
        except (UnreadableEntry, OSError) as exc:
            problems.append(exc.problem if isinstance(exc, UnreadableEntry)
                            else Problem.told(path, "cannot_read", error=exc.strerror))
            continue
        schema = _newer_schema(path)
        if schema is not None:
            problems.append(Problem(path, MSG("newer", lang, schema=schema)))
        expected = f"{entry.date:%Y}/{entry.date:%m}"
        if path.parent.relative_to(journal.entries_dir).as_posix() != expected:
            problems.append(Problem(path, MSG("misfiled", lang, day=entry.date,
                                              folder=path.parent.relative_to(journal.entries_dir))))
        if entry.id in seen:
            problems.append(Problem(path, MSG("same_id", lang, other=seen[entry.id])))
        seen.setdefault(entry.id, path)
        problems.extend(_mode_problems(path, 0o600, lang))
    for folder in (journal.root, journal.entries_dir, journal.trash_dir, journal.drafts_dir):
        problems.extend(_mode_problems(folder, 0o700, lang))
    problems.extend(leftover_problems(journal, lang))
    problems.extend(journal.draft_problems())
    # Versions kept side by side (by sync or another sync tool), until one is deleted.
    problems.extend(Problem(c.path, c.describe(ctx.lang)) for c in find_conflicts(journal))
    return count, problems


def _newer_schema(path: Path) -> int | None:
    try:
        data, _ = decode_dict(path.read_bytes(), path)
    except (OSError, UnreadableEntry):
        return None
    return newer_schema(data)


def leftover_problems(journal: Journal, lang: str = "en") -> list[Problem]:
    """Temporary files left by a write that was interrupted (kill -9, power cut).

    After a single save the temporary file may hold the newest text: it is compared
    with its entry, and the message says which one is newer. (A save in progress
    holds its temporary file for milliseconds: not worth telling apart.)
    """
    out: list[Problem] = []
    folders = [journal.trash_dir, *sorted(journal.entries_dir.glob("*/*"))]
    for folder in folders:
        try:
            temps = sorted(folder.glob(".*.tmp"))
        except OSError:
            continue
        for tmp in temps:
            staged = STAGING_RE.match(tmp.name)
            single = _TEMP_RE.match(tmp.name)
            if staged:
                out.append(Problem(tmp, MSG("import.left", lang)))
            elif single:
                out.append(Problem(tmp, _compare(tmp, tmp.with_name(single.group(1)), lang)))
    return out


def _compare(tmp: Path, target: Path, lang: str) -> str:
    """Which of an interrupted save's temporary file and its entry file is newer."""
    try:
        raw = tmp.read_bytes()
        data, _ = decode_dict(raw, target)
    except (OSError, UnreadableEntry):
        return MSG("write.incomplete", lang, name=target.name)
    try:
        current = target.read_bytes()
    except FileNotFoundError:
        return MSG("write.missing", lang, name=target.name)
    except OSError:
        current = b""
    if current == raw:
        return MSG("write.same", lang, name=target.name)
    try:
        on_disk, _ = decode_dict(current, target)
    except UnreadableEntry:
        return MSG("write.unreadable", lang, name=target.name)
    mine, theirs = str(data.get("updated", "")), str(on_disk.get("updated", ""))
    if _later(data.get("updated"), on_disk.get("updated")):
        return MSG("write.newer", lang, name=target.name, mine=mine, theirs=theirs)
    return MSG("write.older", lang, name=target.name, mine=mine, theirs=theirs)


def _later(a: object, b: object) -> bool:
    try:
        return bool(a > b)  # type: ignore[operator]
    except TypeError:
        return str(a) > str(b)


def _mode_problems(path: Path, private: int, lang: str) -> list[Problem]:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return []
    if mode & 0o077:
        return [Problem(path, MSG("mode", lang, mode=f"{mode:o}",
                                  command=f"chmod {private:o} {shlex.quote(str(path))}"))]
    return []


def run_doctor(ctx: Context, args: argparse.Namespace) -> int:
    count, problems = check(ctx)
    write_text("".join(f"{p.said(ctx.lang)}\n" for p in problems))
    found = MSG.count("problems", len(problems), ctx.lang, n=len(problems))
    say(MSG.count("checked", count, ctx.lang, n=count, root=ctx.journal.root, problems=found))
    return 1 if problems else 0
