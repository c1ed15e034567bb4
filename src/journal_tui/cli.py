"""Command line: parses arguments and runs a command, or opens the TUI.

Each command lives in ``journal_tui.commands.<module>`` with a ``register``
function; Textual is imported only when the TUI opens, so printing commands
start fast.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from journal_tui import __version__
from journal_tui.commands import COMMANDS, modules_for
from journal_tui.commands.common import UserError, build_progress, parse_day
from journal_tui.core.atomic import WriteError
from journal_tui.core.config import ConfigError
from journal_tui.core.context import Context, open_context

PROG = "journal-tui"


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Options accepted before or after the command.

    On sub-commands they default to SUPPRESS so a value given before the command
    is not reset by the sub-parser.
    """
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--journal", type=Path, metavar="DIR", default=default,
                        help="journal folder (default: $JOURNAL_TUI_HOME, config, or the "
                             "platform's data folder)")
    parser.add_argument("--lang", choices=("fr", "en"), default=default,
                        help="interface language (default: config, or the locale)")


_VALUED = ("--journal", "--lang", "--date")


def command_in(argv: Sequence[str]) -> str | None:
    """The command named in ``argv``, skipping options and their values."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in _VALUED:
            skip = True
        elif token == "--":
            return None
        elif not token.startswith("-"):
            return token if token in COMMANDS else None
    return None


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="A self-coaching journal that lives in the terminal. "
                    "Without a command, opens the journal on today's prompt.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    _global_options(parser, top=True)
    parser.add_argument("--date", metavar="D",
                        help="open the TUI on another day: YYYY-MM-DD, today or yesterday")
    parser.add_argument("--demo", action="store_true",
                        help="open the TUI on a throw-away demo journal (never touches yours)")
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, top=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in modules_for(command):
        module.register(sub, [common])
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(command_in(argv))
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            return _open_tui(args)
        ctx = open_context(journal=args.journal, lang=args.lang)
        try:
            with build_progress(ctx.journal):
                return int(args.run(ctx, args) or 0)
        finally:
            ctx.journal.close()
    except (UserError, ConfigError, WriteError) as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}{f': {exc.filename}' if exc.filename else ''}")
    except KeyboardInterrupt:
        return 130


def _fail(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


def _open_tui(args: argparse.Namespace) -> int:
    if args.demo:
        from journal_tui.core.demo import demo_context

        ctx = demo_context(lang=args.lang)
    else:
        ctx = open_context(journal=args.journal, lang=args.lang)
    day = parse_day(args.date, ctx.today) if args.date else None
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return _fail("the journal needs a terminal; see --help for the commands")
    return run_tui(ctx, day)


def run_tui(ctx: Context, day: date | None = None) -> int:
    from journal_tui.tui.app import JournalApp

    app = JournalApp(ctx, day=day)
    app.run()
    return app.return_code or 0
