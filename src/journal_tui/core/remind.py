"""Whether anything was written on a day, answered from the files of that day's month.

``journal-tui remind`` may run at every shell start, in a tmux status line every few
seconds, or from cron, so it must cost little more than starting Python: no index,
no walk of the journal. An entry dated D lives in ``entries/YYYY/MM/`` of D (the
storage layout), so only that folder is read, and only the files holding D's date
as text are parsed, to tell an entry from a review note (which does not count).
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

SUFFIXES = (".toml", ".json")


def written_on(entries_dir: Path, day: date) -> bool:
    """Whether an entry (kind "entry", not a review note) is dated ``day``.

    A file that cannot be read or parsed does not count; ``doctor`` reports it.
    """
    folder = entries_dir / f"{day:%Y}" / f"{day:%m}"
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    stamp = day.isoformat().encode()
    prefix = f"{day:%Y%m%d}-"
    # Files named for the day first: an entry's id starts with the day it was written
    # for; one whose date was changed later still sits in this folder, found after.
    names.sort(key=lambda n: not n.startswith(prefix))
    for name in names:
        if name.startswith(".") or not name.endswith(SUFFIXES):
            continue
        path = folder / name
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if stamp in raw and _is_entry_of(raw, path, day):
            return True
    return False


def _is_entry_of(raw: bytes, path: Path, day: date) -> bool:
    from journal_tui.core.codec import UnreadableEntry, decode

    try:
        entry = decode(raw, path)
    except UnreadableEntry:
        return False
    return entry.kind == "entry" and entry.date == day
