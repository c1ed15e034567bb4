"""What the command modules share: user errors, date parsing, output helpers.

Nothing here imports Textual; Rich is imported only when output goes to a
terminal, so piped commands start fast.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from datetime import date, timedelta
from typing import IO, TYPE_CHECKING, Any

from journal_tui.core.i18n import Catalog, Told
from journal_tui.core.model import FIRST_YEAR, LAST_YEAR
from journal_tui.core.printable import printable, terminal_json

if TYPE_CHECKING:  # the TUI's start imports this module (UserError): no codec there
    from journal_tui.core.codec import Problem

_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")

MSG = Catalog({
    "skipped": ("warning: skipped unreadable {path}",
                "attention : fichier illisible ignoré {path}"),
    "warning": ("warning: {text}", "attention : {text}"),
    # the first command's bars (``build_progress``)
    "pass.index": ("Indexing", "Indexation"),
    "pass.search": ("Preparing the search", "Préparation de la recherche"),
    "pass.scoring": ("Reading themes", "Lecture des thèmes"),
    # user errors (``UserError``): one line each
    "err.bad_date": ("bad date {value!r}: use YYYY-MM-DD, today or yesterday",
                     "date incorrecte {value!r} : écrivez AAAA-MM-JJ, hier ou aujourd’hui"),
    "err.date_range": ("date {day} out of range: years {first} to {last}",
                       "date {day} hors limites : années {first} à {last}"),
    "err.bad_week": ("bad week {value!r}: use YYYY-Www, e.g. 2026-W48",
                     "semaine incorrecte {value!r} : écrivez AAAA-Wss, par exemple 2026-W48"),
    "err.no_week": ("bad week {value!r}: {year} has no week {week}",
                    "semaine incorrecte {value!r} : {year} n’a pas de semaine {week}"),
    "err.week_range": ("week {value} out of range: years {first} to {last}",
                       "semaine {value} hors limites : années {first} à {last}"),
    "err.no_journal": ("no journal at {root}: the folder does not exist",
                       "pas de journal dans {root} : le dossier n’existe pas"),
    "err.not_folder": ("{root} is not a folder: give the journal folder",
                       "{root} n’est pas un dossier : indiquez le dossier du journal"),
    "err.cannot_read": ("cannot read {path}: {error}", "impossible de lire {path} : {error}"),
    "err.not_journal": ("{root} does not look like a journal (no entries/ folder): "
                        "give the journal folder",
                        "{root} ne ressemble pas à un journal (pas de dossier entries/) : "
                        "indiquez le dossier du journal"),
    "err.terminal": ("the journal needs a terminal; see --help for the commands",
                     "le journal a besoin d’un terminal ; --help donne les commandes"),
    "err.too_long": ("range too long: it (and as many weeks before it, for the trend) must "
                     "start after the year {first}",
                     "période trop longue : elle (et autant de semaines avant, pour la "
                     "tendance) doit commencer après l’an {first}"),
    "err.from_after_to": ("--from {start} is after --to {end}",
                          "--from {start} est après --to {end}"),
})


class UserError(Told, Exception):
    """A problem the user can fix; printed as one line, exit status 1.

    Raised with a key of ``MSG`` (and its values), it is said in the person's
    language (``text``); with any other text, as written. ``str()`` is English.
    """

    catalog = MSG


def parse_day(value: str, today: date) -> date:
    """``YYYY-MM-DD``, ``today`` or ``yesterday`` (also ``aujourd'hui``/``hier``), within
    the years a journal can hold (four-digit years: they name its folders and ids)."""
    v = value.strip().lower()
    if v in ("today", "aujourd'hui", "aujourd’hui", "aujourdhui"):
        return today
    if v in ("yesterday", "hier"):
        return today - timedelta(days=1)
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:
        raise UserError("err.bad_date", value=value) from None
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise UserError("err.date_range", day=day.isoformat(), first=FIRST_YEAR,
                        last=LAST_YEAR)
    return day


def parse_week(value: str) -> tuple[int, int]:
    """``YYYY-Www`` → (ISO year, week), checking the week exists in that year and that
    the weeks a review compares it with (the month before, the week after) do too."""
    m = _WEEK_RE.match(value.strip())
    if not m:
        raise UserError("err.bad_week", value=value)
    year, week = int(m.group(1)), int(m.group(2))
    try:
        monday = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise UserError("err.no_week", value=value, year=year, week=week) from None
    try:
        if monday.year < FIRST_YEAR:
            raise OverflowError
        monday - timedelta(weeks=8)
        monday + timedelta(weeks=2)
    except OverflowError:
        raise UserError("err.week_range", value=value, first=FIRST_YEAR,
                        last=LAST_YEAR) from None
    return year, week


INT_MAX = 2**63 - 1  # SQLite's integers


def positive_int(value: str) -> int:
    """A count of 1 or more (``-n``, ``--weeks``); one larger than any journal can hold
    is taken as "all" (the largest count SQLite takes)."""
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {n}")
    return min(n, INT_MAX)


def warn_problems(problems: Iterable[Problem], lang: str = "en") -> None:
    """Corrupt files are reported (path and line) and skipped, never fatal."""
    for p in problems:
        warn(MSG("skipped", lang, path=p.said(lang)))


def say(message: str) -> None:
    """A report of what a command did, on standard error (standard output stays the
    command's data); file names in it are shown, never sent to the terminal."""
    print(printable(message), file=sys.stderr)


def warn(message: str) -> None:
    """One line on standard error; a file name or a message quoting a file cannot
    carry a control sequence to the terminal."""
    print(f"journal-tui: {printable(message)}", file=sys.stderr)


def is_terminal(stream: IO[str] | None = None) -> bool:
    stream = stream or sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def console(stderr: bool = False) -> Any:
    """A Rich console, imported lazily (about 40 ms we spare piped commands), that
    never breaks a line at a no-break space (French "Humeur : 4/5")."""
    from rich.console import Console

    from journal_tui.rich_compat import keep_no_break_spaces

    keep_no_break_spaces()
    return Console(stderr=stderr, highlight=False)


def write_text(text: str) -> None:
    """Plain text for a person (``list``, ``show``, reviews and themes as text): control
    characters from entries are shown (``␛``), never sent to whatever reads it."""
    write_out(printable(text))


def write_document(text: str, fmt: str) -> None:
    """A document (``markdown`` or ``json``): byte for byte into a pipe or a file; on a
    terminal, control characters are shown instead (JSON stays the same JSON)."""
    if is_terminal():
        text = terminal_json(text) if fmt == "json" else printable(text)
    write_out(text)


def write_out(text: str) -> None:
    """Print to standard output, quietly stopping if the reader went away (``| head``)."""
    try:
        if len(text) > 65536 and hasattr(sys.stdout, "buffer"):
            # One encode and one write: several times faster than the text layer
            # for a whole exported journal.
            sys.stdout.flush()
            sys.stdout.buffer.write(text.encode(sys.stdout.encoding or "utf-8", "replace"))
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(text)
            sys.stdout.flush()
    except BrokenPipeError:
        sys.stderr.close()
        raise SystemExit(0) from None


def warn_prompts(ctx: Any) -> None:
    """A broken user prompts.toml is named (file and line); the bundled prompts still work."""
    for problem in ctx.prompt_warnings:
        warn(MSG("warning", ctx.lang, text=problem))


PROGRESS_MIN = 500  # below this, a bar would only flicker
BUILD_BAR_MIN = 5000
"""Files to index before the first command on a journal shows a bar (~1 s of work)."""


def _bar(total: int, label: str) -> Any:
    """A started Rich progress bar on standard error; the caller stops it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    # redirect_*=False: while a bar runs, Rich takes over sys.stdout and prints it on the
    # bar's console, the terminal: ``list --format json > file`` lost its output.
    bar = Progress("[progress.description]{task.description}", BarColumn(),
                   MofNCompleteColumn(), TimeRemainingColumn(),
                   console=console(stderr=True), transient=True,
                   redirect_stdout=False, redirect_stderr=False)
    bar.start()
    bar.add_task(label, total=total)
    return bar


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar on standard error when it is a terminal; silent when piped.

    Yields ``update(done)``; it costs nothing when no bar is shown.
    """
    if total < PROGRESS_MIN or not is_terminal(sys.stderr):
        yield lambda done: None
        return
    bar = _bar(total, label)
    try:
        yield lambda done: bar.update(bar.task_ids[0], completed=done)
    finally:
        bar.stop()


@contextmanager
def progress_when_long(label: str) -> Iterator[Callable[[int, int], None]]:
    """Yields ``update(done, total)``; a bar (``progress``) appears on the first call
    whose ``total`` is long enough, for work whose size is known only once it starts."""
    with ExitStack() as stack:
        bar: list[Callable[[int], None]] = []

        def update(done: int, total: int) -> None:
            if not bar:
                bar.append(stack.enter_context(progress(total, label)))
            bar[0](done)

        yield update


def scoring_progress(lang: str) -> AbstractContextManager[Callable[[int, int], None]]:
    """``progress_when_long`` for scoring entries' themes (the first time: ~2 ms each)."""
    return progress_when_long(MSG("pass.scoring", lang))


@contextmanager
def build_progress(journal: Any, lang: str = "en") -> Iterator[None]:
    """While a command runs: a bar on standard error (a terminal only) should the
    journal's index have many files to parse, as on the first command after an
    install, an import or an upgrade, and another should the first text search
    fold every entry."""
    if not is_terminal(sys.stderr):
        yield
        return
    bars: list[Any] = []
    last: list[tuple[str, int, int]] = [("", 0, 0)]  # the last call: label, done, total

    def tracker(label: str) -> Callable[[int, int], None]:
        def update(done: int, total: int) -> None:
            was, before, of = last[0]
            if bars and ((label, total) != (was, of) or done < before):
                bars.pop().stop()  # the next pass: a bar of its own
            last[0] = (label, done, total)
            if not bars:
                if total < BUILD_BAR_MIN or done >= total:
                    return
                bars.append(_bar(total, label))
            bars[0].update(bars[0].task_ids[0], completed=done)
            if done >= total:  # gone from the screen before the command prints
                bars.pop().stop()
        return update

    journal.on_progress = tracker(MSG("pass.index", lang))
    journal.on_search_progress = tracker(MSG("pass.search", lang))
    try:
        yield
    finally:
        journal.on_progress = journal.on_search_progress = None
        for bar in bars:
            bar.stop()
