"""Versions of one thing kept side by side, until a person keeps one.

``sync`` keeps both versions of an entry changed on two machines (the other's as
a new entry with ``conflict_of``) and of ``people.toml`` (``people-conflict-*.toml``);
other sync tools leave their own copies: Syncthing ``*.sync-conflict-*`` and
Dropbox (or Nextcloud) ``* (conflicted copy *)``. ``find_conflicts`` lists them all
for ``doctor`` and the TUI; a conflict disappears once one version is deleted.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from journal_tui.core.i18n import Catalog
from journal_tui.core.storage import Journal
from journal_tui.core.sync_merge import CONFLICT_KEY

SYNCTHING = re.compile(r"\.sync-conflict-\d{8}-\d{6}(?:-[0-9A-Z]{7})?")
DROPBOX = re.compile(r" \([^()/]*conflicted copy[^()/]*\)")
SYNC_COPY = re.compile(r"-conflict-[0-9a-f]{7}(?=\.|$)")

MSG = Catalog({
    "sync": ("changed on two machines: this is the other machine’s version of {original} "
             "({path}); delete the version you do not want",
             "modifiée sur deux machines : voici la version de l’autre machine de {original} "
             "({path}) ; supprimez la version que vous ne gardez pas"),
    "file": ("changed on two machines: the other machine’s version of {original}; keep what "
             "you need in {original}, then delete this file",
             "modifié sur deux machines : la version de l’autre machine de {original} ; "
             "reprenez-en ce qu’il vous faut dans {original}, puis supprimez ce fichier"),
    "syncthing": ("conflict copy made by Syncthing, beside {original}; keep one version",
                  "copie de conflit faite par Syncthing, à côté de {original} ; gardez-en une "
                  "version"),
    "dropbox": ("conflict copy made by Dropbox, beside {original}; keep one version",
                "copie de conflit faite par Dropbox, à côté de {original} ; gardez-en une "
                "version"),
})


@dataclass(frozen=True, slots=True)
class Conflict:
    """``path`` is the copy, ``original`` the file it competes with.

    ``kind``: ``sync`` (an entry sync kept twice; ``entry_id`` is the copy's id,
    ``original_id`` the original's), ``file`` (another file sync kept twice),
    ``syncthing`` or ``dropbox``.
    """

    kind: str
    path: Path
    original: Path
    entry_id: str | None = None
    original_id: str | None = None

    def describe(self, lang: str = "en") -> str:
        original = self.original_id or self.original.name
        return MSG(self.kind, lang, original=original, path=self.original)


def find_conflicts(journal: Journal) -> list[Conflict]:
    """Every conflict in ``journal``, sorted by path: entries kept twice by ``sync`` (read
    from the index: a substring test there spares reading the others), then files."""
    found: list[Conflict] = []
    by_id: dict[str, dict[str, object]] = {}
    for text in journal.json_with(f'"{CONFLICT_KEY}"'):
        data = json.loads(text)
        by_id[data["id"]] = data
    for copy_id, data in by_id.items():
        original_id = data.get(CONFLICT_KEY)
        if not isinstance(original_id, str) or original_id == copy_id:
            continue
        originals = journal.index.paths_by_id(original_id)
        copies = journal.index.paths_by_id(copy_id)
        if originals and copies:
            found.append(Conflict("sync", copies[0], originals[0], copy_id, original_id))
    found += _conflict_files(journal.root)
    return sorted(found, key=lambda c: c.path)


def _conflict_files(root: Path) -> list[Conflict]:
    """Copies named by sync tools anywhere in the journal folder (``.git`` aside)."""
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if d != ".git"]
        for name in files:
            for kind, pattern in (("syncthing", SYNCTHING), ("dropbox", DROPBOX),
                                  ("file", SYNC_COPY)):
                if pattern.search(name):
                    original = Path(folder) / pattern.sub("", name, count=1)
                    if kind != "file" or original.exists():
                        found.append(Conflict(kind, Path(folder) / name, original))
                    break
    return found
