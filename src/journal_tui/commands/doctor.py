"""``doctor``: check every file of the journal, and the config around it."""

from __future__ import annotations

import argparse
import stat
import sys
from pathlib import Path
from typing import Any

from journal_tui.core.codec import Problem, UnreadableEntry
from journal_tui.core.conflicts import find_conflicts
from journal_tui.core.context import Context
from journal_tui.core.model import ID_RE


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("doctor", parents=parents,
                       help="check every file; list each problem with its path (and line)")
    p.set_defaults(run=run_doctor)


def check(ctx: Context) -> tuple[int, list[Problem]]:
    """Parse every entry file afresh (not from the cache) and check names and modes."""
    journal = ctx.journal
    problems: list[Problem] = [
        Problem(w.path or Path("prompts.toml"), w.message, w.line) for w in ctx.prompt_warnings
    ]
    seen: dict[str, Path] = {}
    count = 0
    for path in journal.iter_files():
        count += 1
        try:
            entry = journal.read(path)
        except UnreadableEntry as exc:
            problems.append(exc.problem)
            continue
        if entry.id != path.stem:
            problems.append(Problem(path, f"id {entry.id!r} does not match the file name"))
        elif not ID_RE.match(entry.id):
            problems.append(Problem(path, f"id {entry.id!r} is not of the form "
                                          "YYYYMMDD-HHMMSS-xxxx"))
        expected = f"{entry.date:%Y}/{entry.date:%m}"
        if path.parent.relative_to(journal.entries_dir).as_posix() != expected:
            problems.append(Problem(path, f"dated {entry.date} but filed under "
                                          f"{path.parent.relative_to(journal.entries_dir)}"))
        if entry.id in seen:
            problems.append(Problem(path, f"same id as {seen[entry.id]}"))
        seen.setdefault(entry.id, path)
        problems.extend(_mode_problems(path, 0o600))
    for folder in (journal.root, journal.entries_dir, journal.trash_dir, journal.drafts_dir):
        problems.extend(_mode_problems(folder, 0o700))
    problems.extend(
        Problem(tmp, "left over by an interrupted write; the entry itself is intact "
                     "(safe to delete)")
        for tmp in sorted(journal.root.rglob(".*.tmp")))
    # Versions kept side by side (by sync or another sync tool), until one is deleted.
    problems.extend(Problem(c.path, c.describe(ctx.lang)) for c in find_conflicts(journal))
    return count, problems


def _mode_problems(path: Path, private: int) -> list[Problem]:
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return []
    if mode & 0o077:
        return [Problem(path, f"readable by others (mode {mode:o}); run: chmod {private:o} "
                              f"'{path}'")]
    return []


def run_doctor(ctx: Context, args: argparse.Namespace) -> int:
    count, problems = check(ctx)
    for p in problems:
        print(p)
    status = "problem" if len(problems) == 1 else "problems"
    print(f"{count} entry files checked in {ctx.journal.root}; {len(problems)} {status}",
          file=sys.stderr)
    return 1 if problems else 0
