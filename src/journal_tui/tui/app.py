"""The Textual application: five modes (Today, Journal, Themes, Review, People), help and palette.

Screens live in ``tui/screens``; this module wires them together and owns the
start-up order and quitting, so unsaved text is never dropped silently. What
screens share (``ctx``, ``lang``, ``day``, the journal service, opening an entry,
undo) is ``HostApp``'s (``tui/host.py``).
"""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from journal_tui.core.config import ConfigError, save_setting
from journal_tui.core.context import Context
from journal_tui.core.i18n import long_date
from journal_tui.core.model import Entry
from journal_tui.core.printable import printable
from journal_tui.tui.host import IO_ERRORS, HostApp, JournalHost
from journal_tui.tui.screens.today import TodayScreen
from journal_tui.tui.strings import MSG, localize_bindings
from journal_tui.tui.textual_compat import (
    command_palette,
    mark_styled,
    mode_is_set_up,
    set_up_mode,
    start_with_theme,
)

if TYPE_CHECKING:
    from textual.command import Provider

    from journal_tui.tui.screens.review import ReviewScreen

_HERE = Path(__file__).resolve().parent  # as Textual resolves each screen's CSS_PATH
ScreenT = TypeVar("ScreenT", bound=Screen[None])
MODE_KEYS = {"today": "f2", "journal": "f3", "themes": "f4", "review": "f5", "people": "f6"}

# Only Today is imported at start (the screen a person types in at once); the
# other screens and the palette provider load on first use, keeping start-up fast.


def _is_a(screen: Screen[object], module: str, name: str) -> bool:
    """Whether ``screen`` is ``module``'s class ``name``, without importing the module
    just to ask (a screen of a module never imported is none of its classes)."""
    loaded = sys.modules.get(module)
    return loaded is not None and isinstance(screen, getattr(loaded, name))


def _is_help(screen: Screen[object]) -> bool:
    return _is_a(screen, "journal_tui.tui.screens.help", "HelpScreen")


def _is_question(screen: Screen[object]) -> bool:
    """Whether ``screen`` asks a yes/no question (the dialogs load on first use)."""
    return _is_a(screen, "journal_tui.tui.widgets.dialogs", "ConfirmDialog")


def _entry_provider() -> type[Provider]:
    from journal_tui.tui.commands import EntryProvider

    return EntryProvider


class JournalApp(HostApp[int]):
    """journal-tui: a prompt a day, a journal to browse, themes and weekly reviews."""

    # Today's stylesheet loads with the app's, the other screens' right after the first
    # frame (preload_styles): a screen's file read when it first shows makes Textual
    # re-parse and re-apply the whole stylesheet (~10 ms at start, ~20 ms on F3).
    # Absolute paths: subclasses defined elsewhere (tests, benchmarks) find them too.
    CSS_PATH = [_HERE / "app.tcss", _HERE / "screens" / "today.tcss"]
    # today_later.tcss: the rules of Today's widgets mounted after its first frame.
    LATER_CSS = [_HERE / "screens" / f"{name}.tcss"
                 for name in ("today_later", "journal", "entry", "themes", "review", "people",
                              "person", "help")]
    TITLE = "journal-tui"
    DEFAULT_MODE = "today"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]
    first_frame_shown = False
    """Set at Textual's Ready: until then nothing reads the journal."""
    prepare_delay: float | None = 1.0
    """Seconds of quiet on Today before the Journal screen is built in the background, so
    F3 shows it at once; ``None``: built when first asked for (tests choose)."""
    COMMANDS = App.COMMANDS | {_entry_provider}
    # Function keys are priority bindings: the editor would otherwise take F5.
    BINDINGS = [
        Binding("f1", "help", "b.help", id="help", priority=True),
        Binding("question_mark", "help", "help.question", show=False),
        *(Binding(key, f"switch_mode('{mode}')", f"mode.{mode}", id=f"mode_{mode}",
                  priority=True) for mode, key in MODE_KEYS.items()),
        Binding("ctrl+q", "quit", "b.quit", id="quit", priority=True, show=False),
    ]

    class Problems(Message):
        """Files that cannot be read and prompt-file warnings, found at start."""

        def __init__(self, problems: list[str], warnings: list[str], conflicts: int) -> None:
            super().__init__()
            self.problems, self.warnings, self.conflicts = problems, warnings, conflicts

    def __init__(self, ctx: Context, day: date | None = None) -> None:
        self.today_screen: TodayScreen | None = None
        self.review_screen: ReviewScreen | None = None
        self._prepare_timer: Timer | None = None
        super().__init__(ctx, day)
        localize_bindings(self, self.lang)
        # "today" is added as its screen is made (get_default_screen).
        self.add_mode("journal", self._make_journal)
        self.add_mode("themes", self._make_themes)
        self.add_mode("review", self._make_review)
        self.add_mode("people", self._make_people)
        self.sub_title = self.day_line(None)
        self._saved_theme = ctx.config.theme
        if ctx.config.theme in self.available_themes:  # the one chosen last time
            start_with_theme(self, ctx.config.theme)

    # ------------------------------------------------------------------ theme

    def watch_theme(self, name: str) -> None:
        """Remember the colour theme chosen (palette, ``^p``) in the config file, in
        the background; the demo has no config file and remembers nothing."""
        if name == self._saved_theme or self.ctx.config.path is None:
            return
        self._saved_theme = name
        self._save_theme(self.ctx.config.path, name)

    @work(thread=True, group="config", exclusive=True)
    def _save_theme(self, path: Path, name: str) -> None:
        try:
            save_setting(path, "theme", name)
        except (OSError, ConfigError) as exc:
            self.post_message(self.Failed(MSG("theme.not_saved", self.lang, error=exc),
                                          "warning"))

    def get_default_screen(self) -> TodayScreen:
        """Today, the first screen, made as Textual's default screen, then added as the
        "today" mode (its stack already set up, so F2 returns to it).

        A mode's screen (``add_mode``) would be composed and mounted inside the batch
        Textual wraps its start in, awaited there: its first frame, drawn in the batch,
        was thrown away, and drawn and written again only once the batch ended, after the
        app's own Resize and Mount (~10-15 ms later). The default screen is not awaited
        there, so Today is drawn after the batch, as a bare app's screen is."""
        screen = self._make_today()
        self.add_mode("today", self._make_today)
        return screen

    def _make_today(self) -> TodayScreen:
        # The app's own node styled first (the colours the screen's dim text blends
        # into); then Today is styled as it mounts, like the other modes' screens.
        self.stylesheet.update(self)
        self.today_screen = self._styled_now(TodayScreen())
        return self.today_screen

    def _styled_now(self, screen: ScreenT) -> ScreenT:
        """Mark a mode's new screen as styled with the current CSS.

        Its widgets are styled as they mount, with the current CSS (all screens'
        files are loaded by then: ``preload_styles``; Today's with the app's); without
        this Textual would re-parse all the CSS and restyle every widget, twice, when
        the mode is set up (at start: ~10 ms before the first frame).
        """
        mark_styled(self, screen)
        return screen

    def _make_journal(self) -> Screen[None]:
        from journal_tui.tui.screens.journal import JournalScreen

        return self._styled_now(JournalScreen())

    def _make_themes(self) -> Screen[None]:
        from journal_tui.tui.screens.themes import ThemesScreen

        return self._styled_now(ThemesScreen())

    def _make_review(self) -> ReviewScreen:
        from journal_tui.tui.screens.review import ReviewScreen

        self.review_screen = self._styled_now(ReviewScreen())
        return self.review_screen

    def _make_people(self) -> Screen[None]:
        from journal_tui.tui.screens.people import PeopleScreen

        return self._styled_now(PeopleScreen())

    # ------------------------------------------------------------------ header

    def day_line(self, streak: int | None, day: date | None = None) -> str:
        """The header's subtitle: the day shown (``day``, else the app's), and the
        streak once known."""
        text = long_date(day or self.day, self.lang)
        if streak:
            text += " · " + MSG("streak.one" if streak == 1 else "streak.many", self.lang,
                                n=streak)
        return text

    def on_today_screen_side_shown(self, message: TodayScreen.SideShown) -> None:
        self.sub_title = self.day_line(message.streak, message.day)
        self.prepare_soon(idle=message.quiet)

    def on_today_screen_edited(self) -> None:
        self.prepare_soon()

    # ---------------------------------------------------------------- lifecycle

    def on_ready(self) -> None:
        """The first frame is on screen: only now read the journal.

        Reading threads started earlier compete with that frame for the GIL (a
        7,300-entry folder walk delayed it by ~100 ms); now they only delay the
        side panel, never the prompt and the editor.
        """
        self.first_frame_shown = True
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        # Not in on_ready itself: Ready is when a person can start typing, and the
        # side panel's widgets and the editor's highlighting (~15 ms) can come after.
        if not gc.isenabled():  # off for the start (cli.main): back on, and what the
            gc.freeze()  # start built lives as long as the app, never to be scanned again
            gc.enable()
        if self.day > self.ctx.today:
            self.ask_future_day()
        self.preload_styles()
        self.call_after_refresh(self._start_reading)

    def _start_reading(self) -> None:
        # The reading threads start last: they hold the GIL for long stretches (the
        # first read walks the folder), which delayed the first frame reaching the
        # terminal (Textual writes it from a thread) and the first keys typed (through
        # tmux, ~0.1 s and ~60 ms, when they started before the styles were read).
        self.check_problems()
        if self.today_screen is not None and self.today_screen.is_mounted:
            self.today_screen.start_reading()

    def preload_styles(self) -> None:
        """Read the other screens' stylesheets now, so that opening a screen later (F3
        most of all) finds its CSS loaded and restyles nothing.

        Only these files are parsed (Textual keeps the rules of the others), and no
        widget on screen is restyled: every selector in them starts with its own screen
        (tests/tui/test_styles.py), so none matches Today's. A full re-parse and
        restyle here held the first keys typed after the first frame (~0.15 s of CPU).
        """
        stylesheet = self.stylesheet
        missing = [path for path in self.LATER_CSS
                   if not stylesheet.has_source(str(path), "")]
        if not missing:
            return
        for path in missing:
            stylesheet.read(path)
        stylesheet.parse()

    def ask_future_day(self) -> None:
        """``--date`` in the future (a typo in the year, most likely): write for that
        day only if the person says so, else for today."""
        from journal_tui.tui.widgets.dialogs import ConfirmDialog

        day = long_date(self.day, self.lang)

        def answer(keep: bool | None) -> None:
            if keep:
                return
            self.day = self.ctx.today
            self.sub_title = self.day_line(None)
            if self.today_screen is not None:
                self.today_screen.action_new_entry()

        self.push_screen(ConfirmDialog(MSG("future.question", self.lang, day=day),
                                       MSG("future.yes", self.lang),
                                       MSG("future.no", self.lang),
                                       title=MSG("future.title", self.lang)), answer)

    @work(thread=True, exclusive=True, group="problems")
    def check_problems(self) -> None:
        """Warn once about files that cannot be read (they are skipped, never rewritten)
        and versions a sync kept side by side."""
        problems = [p.said(self.lang) for p in self.service.problems_at_start()]
        warnings = [w.text(self.lang) for w in self.ctx.prompt_warnings]
        conflicts = len(self.service.conflicts())
        if problems or warnings or conflicts:
            self.post_message(self.Problems(problems, warnings, conflicts))

    def on_journal_app_problems(self, message: Problems) -> None:
        # File names and prompt files are data: shown escaped, never a terminal sequence.
        problems = [printable(p) for p in message.problems]
        warnings = [printable(w) for w in message.warnings]
        if problems:
            listed = "\n".join(problems[:5])
            more = len(problems) - 5
            if more > 0:
                listed += "\n" + MSG("problems.more", self.lang, n=more)
            self.notify(
                MSG.count("problems", len(problems), self.lang, n=len(problems)) + "\n" + listed,
                severity="warning", timeout=15, markup=False)
        if warnings:
            self.notify("\n".join(warnings[:5]), title=MSG("prompts.warning", self.lang),
                        severity="warning", timeout=15, markup=False)
        if message.conflicts:
            self.notify(MSG.count("conflicts", message.conflicts, self.lang,
                                  n=message.conflicts), severity="warning", timeout=15)

    def prepare_soon(self, *, idle: bool = False) -> None:
        """Build the Journal screen once Today has been quiet for ``prepare_delay``;
        each call (Today calls it on every edit) restarts the wait, so the build
        never lands in the middle of typing.

        ``idle``: Today has just filled its side panel and nothing is typed yet,
        the quietest moment of a session; build at once, so that F3 pressed in the
        first second finds the screen ready (~40 ms) instead of building it (~90).
        """
        if self.prepare_delay is None or mode_is_set_up(self, "journal"):
            return
        if idle:
            if self._prepare_timer is not None:
                self._prepare_timer.stop()
                self._prepare_timer = None
            self.call_after_refresh(self._prepare_journal)
            return
        if self._prepare_timer is None:
            self._prepare_timer = self.set_timer(self.prepare_delay, self._prepare_journal)
        else:
            self._prepare_timer.reset()

    async def _prepare_journal(self) -> None:
        """Build and mount the Journal screen (and read the entries) in the background."""
        self._prepare_timer = None
        if not mode_is_set_up(self, "journal"):
            await set_up_mode(self, "journal")

    # ------------------------------------------------------------------ actions

    async def action_switch_mode(self, mode: str) -> None:
        """Switch screens; closes the help, but never jumps away from a question."""
        if _is_help(self.screen):
            self.pop_screen()
        elif isinstance(self.screen, ModalScreen):
            return
        await self.switch_mode(mode)

    def action_help(self) -> None:
        from journal_tui.tui.screens.help import HelpScreen

        if not _is_help(self.screen):
            self.push_screen(HelpScreen())

    async def action_quit(self) -> None:
        """Quit; if an editor (Today's or the review note's) holds unsaved text, ask
        first (the text is kept as a draft either way)."""
        if _is_question(self.screen):
            return
        today = self.today_screen
        unsaved_today = today is not None and today.has_unsaved()
        review = self.review_screen
        unsaved_review = review is not None and review.has_unsaved()
        if not unsaved_today and not unsaved_review:
            self.exit(0)
            return
        # Keep the text first, then say whether it is kept: only a draft on disk is.
        pending = [today.flush_draft() if unsaved_today and today is not None else None,
                   review.flush_draft() if unsaved_review and review is not None else None]
        failed: list[Exception] = []
        for future in pending:
            if future is not None:
                try:
                    await asyncio.wrap_future(future)
                except IO_ERRORS as exc:
                    failed.append(exc)
        if _is_question(self.screen):
            return  # asked twice while the drafts were written

        def answer(quit_anyway: bool | None) -> None:
            if quit_anyway:
                self.exit(0)

        from journal_tui.tui.widgets.dialogs import ConfirmDialog

        question = (MSG("quit.question_unkept", self.lang, error=failed[0]) if failed
                    else MSG("quit.question_both" if unsaved_today and unsaved_review
                             else "quit.question_review" if unsaved_review
                             else "quit.question", self.lang))
        self.push_screen(ConfirmDialog(question,
                                       MSG("quit.yes", self.lang), MSG("quit.no", self.lang),
                                       title=MSG("quit.title", self.lang)), answer)

    def action_help_quit(self) -> None:
        self.notify(MSG("quit.hint", self.lang))

    async def edit_entry(self, entry: Entry) -> None:
        """Load an entry into the Today editor."""
        await self.switch_mode("today")
        while len(self.screen_stack) > 1:  # close any dialog left on Today
            self.pop_screen()
        if self.today_screen is not None:
            self.today_screen.load_entry(entry)

    # ----------------------------------------------------------- command palette

    def action_command_palette(self) -> None:
        """Textual's palette, with its prompt in the interface language."""
        from textual.command import CommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(command_palette(MSG("palette.no_matches", self.lang),
                                             id="--command-palette",
                                             placeholder=MSG("palette.placeholder", self.lang)))

    def action_change_theme(self) -> None:
        """Textual's theme picker, in the interface language."""
        from textual.theme import ThemeProvider

        self.push_screen(command_palette(MSG("palette.no_matches", self.lang),
                                         providers=[ThemeProvider],
                                         placeholder=MSG("palette.themes", self.lang)))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        lang = self.lang
        for mode in MODE_KEYS:
            yield SystemCommand(MSG(f"cmd.{mode}", lang), MSG(f"cmd.{mode}.help", lang),
                                lambda m=mode: self.switch_mode(m))
        yield SystemCommand(MSG("cmd.help", lang), MSG("cmd.help.help", lang), self.action_help)
        if self.last_deleted:
            yield SystemCommand(MSG("cmd.undo", lang), MSG("cmd.undo.help", lang),
                                self.undo_delete)
        yield SystemCommand(MSG("cmd.theme", lang), MSG("cmd.theme.help", lang),
                            self.action_change_theme)
        yield SystemCommand(MSG("cmd.quit", lang), MSG("cmd.quit.help", lang), self.action_quit)



if TYPE_CHECKING:
    def _satisfies(app: JournalApp) -> JournalHost:  # mypy: the app is a JournalHost
        return app
