"""``sync``: keep the journal in step with a git remote (see ``core.sync``)."""

from __future__ import annotations

import argparse
from typing import Any

from journal_tui.commands.common import UserError
from journal_tui.core.context import Context
from journal_tui.core.i18n import Catalog
from journal_tui.core.printable import printable
from journal_tui.core.sync import SyncError, SyncReport, sync
from journal_tui.core.sync_merge import Changes

MSG = Catalog({
    "set-up": ("{root} now syncs with {url} (git).",
               "{root} se synchronise désormais avec {url} (git)."),
    "sent": ("Sent: {what}.", "Envoyé : {what}."),
    "received": ("Received: {what}.", "Reçu : {what}."),
    "nothing": ("nothing", "rien"),
    "added": ("{n} new entries", "{n} nouvelles entrées"),
    "added.one": ("{n} new entry", "{n} nouvelle entrée"),
    "changed": ("{n} changed", "{n} modifiées"),
    "changed.one": ("{n} changed", "{n} modifiée"),
    "deleted": ("{n} deleted", "{n} supprimées"),
    "deleted.one": ("{n} deleted", "{n} supprimée"),
    "people": ("the people list (people.toml)", "la liste des personnes (people.toml)"),
    "entry-copies": (
        "{n} entries were changed on both machines: both versions are kept, the other "
        "machine’s as {ids} (tagged conflict; journal-tui doctor lists them until you delete "
        "one version).",
        "{n} entrées ont été modifiées sur les deux machines : les deux versions sont gardées, "
        "celle de l’autre machine sous {ids} (étiquette conflict ; journal-tui doctor les liste "
        "tant que vous n’en avez pas supprimé une)."),
    "entry-copies.one": (
        "{n} entry was changed on both machines: both versions are kept, the other machine’s "
        "as {ids} (tagged conflict; journal-tui doctor lists it until you delete one version).",
        "{n} entrée a été modifiée sur les deux machines : les deux versions sont gardées, "
        "celle de l’autre machine sous {ids} (étiquette conflict ; journal-tui doctor la liste "
        "tant que vous n’en avez pas supprimé une)."),
    "file-copy": (
        "{path} was changed on both machines: this machine’s version is kept, the other’s is "
        "in {copy}.",
        "{path} a été modifié sur les deux machines : la version de cette machine est gardée, "
        "celle de l’autre est dans {copy}."),
    # errors: one line each
    "no-git": ("sync needs the git program, which is not installed (https://git-scm.com)",
               "sync a besoin du programme git, qui n’est pas installé (https://git-scm.com)"),
    "no-remote": (
        "{root} has no remote yet: run journal-tui sync --remote URL once (a git repository: "
        "a bare one on a server or a USB key, or any git host)",
        "{root} n’a pas encore de dépôt distant : lancez une fois journal-tui sync --remote URL "
        "(un dépôt git : un dépôt nu sur un serveur ou une clé USB, ou tout hébergeur git)"),
    "unreachable": ("cannot reach the remote {url}: {detail}",
                    "impossible de joindre le dépôt distant {url} : {detail}"),
    "other-remote": (
        "{root} already syncs with {url}; to change it: git -C {root} remote set-url origin URL",
        "{root} se synchronise déjà avec {url} ; pour changer : "
        "git -C {root} remote set-url origin URL"),
    "unfinished": (
        "{root} is in the middle of a git {what}: finish or abort it first (git -C {root} "
        "status)",
        "{root} est au milieu d’une opération git ({what}) : terminez-la ou annulez-la d’abord "
        "(git -C {root} status)"),
    "unmerged": (
        "{root} has unresolved git conflicts ({path}): resolve them first (git -C {root} status)",
        "{root} a des conflits git non résolus ({path}) : résolvez-les d’abord "
        "(git -C {root} status)"),
    "markers": ("{path} holds git conflict markers: edit it into one version first",
                "{path} contient des marqueurs de conflit git : n’en gardez qu’une version "
                "d’abord"),
    "detached": ("{root} is a git working tree that is not on a branch: git -C {root} switch "
                 "BRANCH first",
                 "{root} est un dépôt git qui n’est sur aucune branche : git -C {root} switch "
                 "BRANCHE d’abord"),
    "lock": ("a git command on {root} was interrupted and left {path}: if no git command is "
             "running there, delete that file and sync again",
             "une commande git sur {root} a été interrompue et a laissé {path} : si aucune "
             "commande git n’y tourne, supprimez ce fichier et relancez la synchronisation"),
    "busy": ("another sync of {root} is running", "une autre synchronisation de {root} est "
                                                  "en cours"),
    "not-journal-remote": ("the remote {url} is not a journal (it holds {name})",
                           "le dépôt distant {url} n’est pas un journal (il contient {name})"),
    "not-journal-local": ("{root} is a git working tree of something other than a journal "
                          "(it holds {name})",
                          "{root} est un dépôt git d’autre chose qu’un journal (il contient "
                          "{name})"),
    "push": ("your changes are saved in {root} but could not be sent to {url}: {detail}; "
             "the next sync sends them",
             "vos changements sont enregistrés dans {root} mais n’ont pas pu être envoyés à "
             "{url} : {detail} ; la prochaine synchronisation les enverra"),
    "git": ("git failed: {detail}", "git a échoué : {detail}"),
})


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("sync", parents=parents,
                       help="send and receive changes through a git remote "
                            "(the first time: --remote URL)")
    p.add_argument("--remote", metavar="URL",
                   help="the git repository to sync with (a path, ssh or https URL); "
                        "remembered after the first sync")
    p.set_defaults(run=run_sync)


def run_sync(ctx: Context, args: argparse.Namespace) -> int:
    lang = ctx.lang
    try:
        report = sync(ctx.journal.root, args.remote)
    except SyncError as exc:
        if exc.report is not None:
            print("\n".join(report_lines(exc.report, ctx, lang)))
        values = {"root": ctx.journal.root, **exc.values}
        raise UserError(MSG(exc.code, lang, **values)) from None
    print("\n".join(report_lines(report, ctx, lang)))
    return 0


def report_lines(report: SyncReport, ctx: Context, lang: str) -> list[str]:
    """What came in and went out, then each file kept twice."""
    lines = []
    if report.set_up:
        lines.append(MSG("set-up", lang, root=ctx.journal.root, url=report.url))
    lines.append(MSG("sent", lang, what=_what(report.sent, lang)) + " "
                 + MSG("received", lang, what=_what(report.received, lang)))
    entry_copies = [c for c in report.copies if c.copy_id]
    if entry_copies:
        ids = ", ".join(c.copy_id or "" for c in entry_copies)
        lines.append(MSG.count("entry-copies", len(entry_copies), lang, n=len(entry_copies),
                               ids=ids))
    # Names come from the other machine: shown as text, never as terminal sequences.
    lines += [MSG("file-copy", lang, path=printable(c.kept), copy=printable(c.copy))
              for c in report.copies if not c.copy_id]
    return lines


def _what(changes: Changes, lang: str) -> str:
    parts = [MSG.count(key, n, lang, n=n) for key, n in
             (("added", changes.added), ("changed", changes.changed),
              ("deleted", changes.deleted)) if n]
    if changes.people:
        parts.append(MSG("people", lang))
    return ", ".join(parts) or MSG("nothing", lang)
