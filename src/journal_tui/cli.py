"""Command line: parses arguments and runs a command, or opens the TUI.

Each command lives in ``journal_tui.commands.<module>`` with a ``register``
function; Textual is imported only when the TUI opens, so printing commands
start fast.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, cast

from journal_tui import __version__
from journal_tui.commands import COMMANDS, READING, modules_for
from journal_tui.core.atomic import WriteError
from journal_tui.core.config import ConfigError, resolve_language
from journal_tui.core.i18n import said
from journal_tui.core.printable import printable

if TYPE_CHECKING:  # imported when used: `remind` runs at every shell start without them
    import argparse

    from journal_tui.core.context import Context

PROG = "journal-tui"


def _global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    """Options accepted before or after the command.

    On sub-commands they default to SUPPRESS so a value given before the command
    is not reset by the sub-parser.
    """
    import argparse

    default = None if top else argparse.SUPPRESS
    parser.add_argument("--journal", type=Path, metavar="DIR", default=default,
                        help="journal folder (default: $JOURNAL_TUI_HOME, config, or the "
                             "platform's data folder)")
    parser.add_argument("--lang", choices=("fr", "en"), default=default,
                        help="interface language (default: config, or the locale)")


_VALUED = ("--journal", "--lang", "--date")


def _first_word(argv: Sequence[str]) -> str | None:
    """The first token of ``argv`` that is neither an option nor an option's value
    (``--`` included: what follows it is no option)."""
    skip = False
    for token in argv:
        if skip:
            skip = False
        elif token in _VALUED:
            skip = True
        elif token == "--" or not token.startswith("-"):
            return token
    return None


def command_in(argv: Sequence[str]) -> str | None:
    """The command named in ``argv``, skipping options and their values."""
    word = _first_word(argv)
    return word if word in COMMANDS else None


def opens_tui_only(argv: Sequence[str]) -> bool:
    """Whether ``argv`` names no command and asks for no help: the TUI's start needs no
    command's parser (importing them all would cost it ~0.1 s of review, sync, detector…).
    Any word (a command, or a typo argparse must answer) needs them."""
    asks_help = any(token == "-h" or (token.startswith("--h") and "--help".startswith(token))
                    for token in argv)
    return not asks_help and _first_word(argv) is None


def build_parser(command: str | None = None, *, commands: bool = True) -> argparse.ArgumentParser:
    """The parser for ``command`` (every command when None); ``commands=False``: the
    top-level options only, for the TUI's start."""
    import argparse

    from journal_tui.commands.parser import Parser

    parser = Parser(
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
    for module in modules_for(command) if commands else ():
        module.register(sub, [common])
    return parser


def no_arguments() -> argparse.Namespace:
    """What the parser makes of no arguments (a test checks), without it: ``journal-tui``
    alone, the usual way in, keeps argparse and the parser's catalog (~8 ms) off the
    TUI's way to its first frame."""
    from types import SimpleNamespace

    return cast("argparse.Namespace",
                SimpleNamespace(command=None, journal=None, lang=None, date=None, demo=False))


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    if opens_tui_only(argv):
        # The TUI's start allocates much and frees little: the collector would scan it
        # again and again (~0.1 s of its ~0.9). JournalApp turns it back on once its
        # first frame is shown.
        gc.disable()
    elif command_in(argv) == "remind":  # may run at every shell start: the short path
        from journal_tui.commands.remind import quick

        code = quick(argv)
        if code is not None:
            return code
    from journal_tui.commands.common import UserError

    if argv:
        from journal_tui.commands.parser import Parser

        Parser.argv = argv  # a usage error is said in the person's language
        args = build_parser(command_in(argv), commands=not opens_tui_only(argv)).parse_args(argv)
    else:
        args = no_arguments()
    # the person's once the config is read; till then (a broken config) the locale's
    lang: str = args.lang or resolve_language(None)
    try:
        if args.command is None:
            return _open_tui(args)
        from journal_tui.commands.common import build_progress
        from journal_tui.core.context import open_context

        ctx = open_context(journal=args.journal, lang=args.lang)
        lang = ctx.lang
        try:
            if args.command in READING:
                check_journal_folder(ctx.root, given=args.journal is not None)
            with build_progress(ctx.journal, ctx.lang):
                return int(args.run(ctx, args) or 0)
        finally:
            ctx.journal.close()
    except UserError as exc:
        return _fail(exc.text(lang))
    except _one_line_errors() as exc:
        return _fail(said(exc, lang))
    except OSError as exc:
        where = f": {exc.filename}" if exc.filename else ""
        return _fail(f"{exc.strerror or exc}{where}")
    except KeyboardInterrupt:
        return 130


def _one_line_errors() -> tuple[type[Exception], ...]:
    """The errors told in one line: their message says it all. A function, evaluated
    only when an exception reaches ``main``'s ``except``: the storage module it imports
    has no place on the TUI's way to its first frame."""
    from journal_tui.core.model import EntryError
    from journal_tui.core.storage import SaveRefused

    return (ConfigError, WriteError, EntryError, SaveRefused)


def _tolerant_streams() -> None:
    """Output that the terminal's encoding cannot show (``PYTHONIOENCODING=ascii``, a
    POSIX locale) is escaped (``\\xe9``), never a ``UnicodeEncodeError``."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None and getattr(stream, "errors", "") in ("strict",
                                                                          "surrogateescape"):
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def check_journal_folder(root: Path, *, given: bool) -> None:
    """A reading command needs a journal folder: a file, or a folder that holds no
    journal (``--journal /``), is one line, not a walk of whatever is there; a missing
    folder is one too when it was named on the command line (a typo, most likely)."""
    from journal_tui.commands.common import UserError

    if not root.exists():
        if given:
            raise UserError("err.no_journal", root=root)
        return
    if not root.is_dir():
        raise UserError("err.not_folder", root=root)
    try:
        names = set(os.listdir(root))
    except OSError as exc:
        raise UserError("err.cannot_read", path=root, error=exc.strerror) from None
    if names and not names & JOURNAL_MARKS:
        raise UserError("err.not_journal", root=root)


JOURNAL_MARKS = frozenset({"entries", "trash", "drafts", "people.toml"})


def _fail(message: str) -> int:
    print(f"{PROG}: {printable(message)}", file=sys.stderr)
    return 1


def _open_tui(args: argparse.Namespace) -> int:
    from journal_tui.commands.common import UserError, parse_day
    from journal_tui.core.context import open_context

    if args.demo:
        from journal_tui.core.demo import demo_context

        ctx = demo_context(lang=args.lang)
    else:
        ctx = open_context(journal=args.journal, lang=args.lang)
    try:
        if ctx.root.exists() and not ctx.root.is_dir():
            raise UserError("err.not_folder", root=ctx.root)
        day = parse_day(args.date, ctx.today) if args.date else None
        if not (sys.stdin.isatty() and sys.stdout.isatty()):
            raise UserError("err.terminal")
    except UserError as exc:
        return _fail(exc.text(ctx.lang))
    return run_tui(ctx, day)


def run_tui(ctx: Context, day: date | None = None) -> int:
    from journal_tui.tui.app import JournalApp

    app = JournalApp(ctx, day=day)
    app.run()
    return app.return_code or 0
