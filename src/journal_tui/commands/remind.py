"""``remind``: one line and exit 1 when nothing was written today; silent exit 0 otherwise.

Meant for a shell start-up file, cron or a tmux status line, so it runs on a short
path: ``cli.main`` hands ``remind`` to ``quick`` before importing the rest of the
command line (argparse, the index, the prompts), and ``core.remind`` reads only
today's month folder. Anything ``quick`` does not recognise (``--help``, a typo)
goes through the ordinary parser instead.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the short path never needs argparse
    import argparse

MESSAGES = {
    "en": "Nothing written today yet: journal-tui",
    "fr": "Rien d’écrit aujourd’hui pour l’instant\u00a0: journal-tui",  # no-break space
}


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "remind", parents=parents, help="one line, exit 1, if nothing was written today",
        description="Print one line and exit 1 when no entry is dated today; print nothing "
                    "and exit 0 otherwise. Fast enough for a shell start-up file, cron or "
                    "a tmux status line.")
    p.set_defaults(run=run)


def run(ctx: Any, args: argparse.Namespace) -> int:
    return remind(ctx.journal.root, ctx.today, ctx.lang)


def remind(root: Any, today: Any, lang: str) -> int:
    from journal_tui.core.remind import written_on

    if written_on(root / "entries", today):
        return 0
    print(MESSAGES.get(lang, MESSAGES["en"]))
    return 1


def quick(argv: Sequence[str], env: Mapping[str, str] = os.environ) -> int | None:
    """``remind [--journal DIR] [--lang fr|en]`` without argparse or the journal's
    index; None when ``argv`` holds anything else, for the full parser to handle."""
    options: dict[str, str] = {}
    tokens = iter(argv)
    for token in tokens:
        name, eq, value = token.partition("=")
        if token == "remind":
            continue
        if name not in ("--journal", "--lang"):
            return None
        value = value if eq else next(tokens, "")
        if not value or (name == "--lang" and value not in ("fr", "en")):
            return None
        options[name] = value
    from pathlib import Path

    from journal_tui.core.config import (
        ConfigError,
        config_path,
        journal_path,
        load_config,
        resolve_language,
    )
    from journal_tui.core.model import now_local

    try:
        config = load_config(config_path(env))
    except ConfigError as exc:
        print(f"journal-tui: {exc.text(resolve_language(options.get('--lang'), env))}",
              file=sys.stderr)
        return 1
    journal = options.get("--journal")
    root = journal_path(Path(journal) if journal else None, config, env)
    lang = resolve_language(options.get("--lang") or config.language, env)
    return remind(root, now_local().date(), lang)
