"""Today: the prompt of the day, the editor, mood and self-rating, the day's entries.

The editor state is compared with a *baseline* (what was last loaded or saved)
to know whether there is unsaved text; every change restarts a short timer that
writes a draft to ``drafts/``, so a crash or a killed terminal loses at most
the last couple of seconds of typing.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Header, Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from journal_tui.core.atomic import WriteError
from journal_tui.core.codec import UnreadableEntry
from journal_tui.core.config import editor_command
from journal_tui.core.i18n import MONTHS, long_date
from journal_tui.core.index import Query
from journal_tui.core.model import Entry, field_tags, make_entry, refresh_derived
from journal_tui.core.prompts import Prompt, Theme, prompt_of_the_day
from journal_tui.core.storage import Draft, NotFound
from journal_tui.core.text import first_line
from journal_tui.tui.data import on_this_day, parse_tags, streak
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.strings import MSG, localize_bindings
from journal_tui.tui.widgets.dialogs import ConfirmDialog
from journal_tui.tui.widgets.footer import KeyFooter
from journal_tui.tui.widgets.scale import MoodScale, PoleScale, Scale

SAVE_ERRORS = (UnreadableEntry, WriteError, OSError)


def markdown_language() -> str | None:
    """``"markdown"`` if tree-sitter can highlight it here (``textual[syntax]``), else plain."""
    from textual._tree_sitter import TREE_SITTER, get_language

    return "markdown" if TREE_SITTER and get_language("markdown") is not None else None


class TodayScreen(AppScreen):
    # Its CSS (today.tcss) is loaded by the app at start: see JournalApp.CSS_PATH.
    AUTO_FOCUS = "#body"

    # Priority: the editor would otherwise take ctrl+e (end of line).
    BINDINGS = [
        Binding("ctrl+s", "save", "b.save", id="save", priority=True),
        Binding("ctrl+n", "other_prompt", "b.other_prompt", id="other_prompt", priority=True),
        Binding("ctrl+t", "new_entry", "b.new", id="new_entry", priority=True, show=False),
        Binding("ctrl+e", "external_editor", "b.editor", id="external_editor", priority=True,
                show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.skip = 0
        self.entry: Entry | None = None
        self.prompt: Prompt | None = None
        self._baseline: tuple[object, ...] = ("", (), None, None)
        self._timer: Timer | None = None
        self._draft_written = False
        self._side_loaded = False
        self._side_shown = False
        self._new_key: str | None = None
        self._new_count = 1

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        lang = self.app.lang  # type: ignore[attr-defined]
        localize_bindings(self, lang)
        self.entry_day: date = self.app.day  # type: ignore[attr-defined]
        yield Header()
        with Horizontal(id="today"):
            with Vertical(id="main"):
                yield Static(id="prompt")
                yield Static(id="theme-name")
                # Markdown highlighting is switched on after the first frame (start_reading):
                # loading the grammar and its queries costs ~5 ms the editor can wait.
                yield TextArea(id="body", soft_wrap=True,
                               tab_behavior="focus", show_line_numbers=False,
                               placeholder=MSG("today.placeholder", lang))
                with Horizontal(id="meta"):
                    yield Label(MSG("today.tags", lang), id="tags-label")
                    yield Input(id="tags", compact=True,
                                placeholder=MSG("today.tags_placeholder", lang))
                    yield MoodScale(MSG("today.mood", lang), id="mood")
                yield PoleScale(id="rating")
            yield VerticalScroll(id="side")  # filled after the first frame: _build_side
        yield KeyFooter(compact=True, show_command_palette=False)

    def _build_side(self) -> None:
        """Mount the side panel's widgets.

        Done after the first frame: the prompt and the editor come first, and these
        eight widgets (two option lists among them) would add about 15 ms to start.
        """
        side = self.query_one("#side", VerticalScroll)
        if side.children:
            return
        lang = self.lang
        side.mount_all([
            Static(id="streak"),
            Static(MSG("today.entries", lang), classes="side-title"),
            Static(MSG("today.new_hint", lang), classes="hint"),
            OptionList(id="day-entries"),
            Static(id="advice-title", classes="side-title"),
            Static(id="advice"),
            Static(MSG("today.on_this_day", lang), classes="side-title"),
            OptionList(id="past-entries"),
        ])
        self._show_advice()

    def on_mount(self) -> None:
        self.show_prompt()
        self._update_status()
        if getattr(self.app, "first_frame_shown", True):
            self.start_reading()
        # else JournalApp.on_ready calls start_reading once the first frame is shown

    def start_reading(self) -> None:
        """Build the side panel, offer any draft back and fill the panel (reads the
        journal)."""
        body = self.query_one("#body", TextArea)
        if body.language is None:
            body.language = markdown_language()
        self._build_side()
        self.check_drafts()
        self.load_side()

    def on_screen_resume(self) -> None:
        if self.is_mounted and getattr(self.app, "first_frame_shown", True):
            self.call_once_after_refresh(self.load_side)

    # ------------------------------------------------------------------ prompt

    def show_prompt(self) -> None:
        """Show ``self.prompt`` (the entry's, or the prompt of the day) and its theme."""
        book = self.ctx.prompts
        if self.entry is None and self.prompt is None:
            self.prompt = prompt_of_the_day(book, self.entry_day, skip=self.skip)
        prompt_w = self.query_one("#prompt", Static)
        rating = self.query_one("#rating", PoleScale)
        theme = self.theme
        answered = self.entry is not None and self.entry.prompt and (
            self.prompt is None or self.prompt.id == self.entry.prompt_id)
        if answered:  # the prompt as it was shown when the entry was written
            prompt_w.update(Text(self.entry.prompt))  # type: ignore[union-attr, arg-type]
        elif self.prompt is not None:
            prompt_w.update(Text(self.prompt.text_in(self.lang)))
        else:
            prompt_w.update("")
        name = theme.name(self.lang) if theme is not None else ""
        self.query_one("#theme-name", Static).update(
            Text(MSG("today.theme", self.lang, theme=name)) if theme is not None else "")
        self._show_advice()
        if theme is not None and theme.polar:
            rating.set_poles(theme.pole("low", self.lang), theme.pole("high", self.lang))
            rating.display = True
        else:
            rating.display = False

    def _show_advice(self) -> None:
        """The theme's advice in the side panel (once the panel is built)."""
        if not self.query("#advice"):
            return
        theme = self.theme
        advice_w = self.query_one("#advice", Static)
        self.query_one("#advice-title", Static).update(
            Text(theme.name(self.lang)) if theme is not None else "")
        advice_w.update(Text(theme.advice_text(self.lang)) if theme is not None else "")
        advice_w.display = theme is not None

    @property
    def theme(self) -> Theme | None:
        if self.prompt is None:
            return None
        try:
            return self.ctx.prompts.theme(self.prompt.theme)  # type: ignore[no-any-return]
        except (KeyError, LookupError):
            return None

    def action_other_prompt(self) -> None:
        """Another prompt for this entry (cycles through the book)."""
        self.skip += 1
        self.prompt = prompt_of_the_day(self.ctx.prompts, self.entry_day, skip=self.skip)
        rating = self.query_one("#rating", PoleScale)
        rating.set_value(self.entry.checkin.get(self.prompt.theme) if self.entry else None)
        self.show_prompt()
        self._changed()

    # ------------------------------------------------------------------ state

    def _state(self) -> tuple[object, ...]:
        return (self.query_one("#body", TextArea).text,
                tuple(parse_tags(self.query_one("#tags", Input).value)),
                self.query_one("#mood", MoodScale).value,
                self._rating())

    def _rating(self) -> int | None:
        rating = self.query_one("#rating", PoleScale)
        return rating.value if rating.display else None

    def has_unsaved(self) -> bool:
        """Whether the editor holds something that differs from what is on disk."""
        state = self._state()
        if self.entry is None and not str(state[0]).strip() and state[1:] == self._baseline[1:]:
            return False
        return state != self._baseline

    @property
    def draft_key(self) -> str:
        """The entry's id, or for a new entry ``new-YYYYMMDD`` (``-2``, ``-3``… for the
        next new entries of this session, so a kept draft is never overwritten)."""
        if self.entry is not None:
            return self.entry.id
        return self._new_key or f"new-{self.entry_day:%Y%m%d}"

    def _load_fields(self, body: str, tags: list[str], mood: int | None,
                     checkin: dict[str, int]) -> None:
        self.query_one("#body", TextArea).load_text(body)
        self.query_one("#tags", Input).value = ", ".join(tags)
        self.query_one("#mood", MoodScale).set_value(mood)
        theme = self.prompt.theme if self.prompt else None
        self.query_one("#rating", PoleScale).set_value(checkin.get(theme) if theme else None)

    def _set_baseline(self) -> None:
        self._baseline = self._state()
        self._update_status()

    def _update_status(self) -> None:
        body = self.query_one("#body", TextArea)
        other_day = self.entry_day != self.ctx.today
        day = f"{self.entry_day.day} {MONTHS[self.lang][self.entry_day.month - 1]}"
        if self.entry is None:
            body.border_title = (MSG("today.new_for", self.lang, day=day) if other_day
                                 else MSG("today.new", self.lang))
        else:
            time = f"{self.entry.created:%H:%M}"
            body.border_title = (MSG("today.editing_day", self.lang, day=day, time=time)
                                 if other_day else MSG("today.editing", self.lang, time=time))
        if self.has_unsaved():
            status = MSG("today.unsaved", self.lang)
            if self._draft_written:
                status += " · " + MSG("today.draft_kept", self.lang)
            body.border_subtitle = status
        elif self.entry is not None:
            body.border_subtitle = MSG("today.saved", self.lang)
        else:
            body.border_subtitle = ""

    # ------------------------------------------------------------------ changes

    @on(TextArea.Changed, "#body")
    @on(Input.Changed, "#tags")
    @on(Scale.Changed)
    def _changed(self) -> None:
        """Restart the autosave timer (debounce) and refresh the status line."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.has_unsaved():
            self._draft_written = False
            self._timer = self.set_timer(self.app.autosave_delay,  # type: ignore[attr-defined]
                                         self.autosave)
        self._update_status()
        self.app.prepare_soon()  # type: ignore[attr-defined]

    def autosave(self) -> None:
        """Write the current text to ``drafts/`` (called by the debounce timer)."""
        self._timer = None
        if self.has_unsaved():
            self.flush_draft()

    def flush_draft(self) -> None:
        """Write a draft now. Synchronous on purpose: it is small, and a save that
        follows must find it on disk to discard it."""
        body, tags, mood, rating = self._state()
        checkin = dict(self.entry.checkin) if self.entry else {}
        if self.prompt is not None:
            checkin.pop(self.prompt.theme, None)
            if rating is not None:
                checkin[self.prompt.theme] = rating  # type: ignore[assignment]
        draft = Draft(key=self.draft_key, body=str(body), date=self.entry_day,
                      entry_id=self.entry.id if self.entry else None,
                      tags=list(tags), mood=mood, checkin=checkin,  # type: ignore[arg-type]
                      prompt_id=self.prompt.id if self.prompt else None,
                      prompt=self.prompt.text_in(self.lang) if self.prompt else None)
        try:
            with self.app.journal_lock:  # type: ignore[attr-defined]
                self.ctx.journal.save_draft(draft)
        except (WriteError, OSError) as exc:
            self.notify(MSG("draft.error", self.lang, error=exc), severity="error",
                        markup=False)
            return
        self._draft_written = True
        self._update_status()

    def _discard_drafts(self, *keys: str) -> None:
        for key in keys:
            try:
                with self.app.journal_lock:  # type: ignore[attr-defined]
                    self.ctx.journal.discard_draft(key)
            except (WriteError, OSError):
                pass
        self._draft_written = False

    # ------------------------------------------------------------------ saving

    def action_save(self) -> None:
        body, tags, mood, rating = self._state()
        text = str(body)
        if not text.strip():
            self.notify(MSG("save.empty", self.lang), severity="warning")
            return
        prompt = self.prompt
        checkin = dict(self.entry.checkin) if self.entry else {}
        if prompt is not None:
            checkin.pop(prompt.theme, None)
            if rating is not None:
                checkin[prompt.theme] = rating  # type: ignore[assignment]
        prompt_id = prompt.id if prompt else (self.entry.prompt_id if self.entry else None)
        if self.entry is not None and (prompt is None or prompt.id == self.entry.prompt_id):
            prompt_text = self.entry.prompt or (prompt.text_in(self.lang) if prompt else None)
        else:
            prompt_text = prompt.text_in(self.lang) if prompt else None
        new = self.entry is None
        if self.entry is None:
            entry = make_entry(text, day=self.entry_day, when=self.ctx.clock(),
                               tags=list(tags), mood=mood,  # type: ignore[arg-type]
                               prompt_id=prompt_id, prompt=prompt_text, checkin=checkin)
        else:
            entry = self.entry.with_changes(body=text, mood=mood, checkin=checkin,
                                            prompt_id=prompt_id, prompt=prompt_text)
            refresh_derived(entry, extra_tags=list(tags))  # type: ignore[arg-type]
        old_key = self.draft_key
        try:
            with self.app.journal_lock:  # type: ignore[attr-defined]
                self.ctx.journal.save(entry)
        except SAVE_ERRORS as exc:
            self.notify(MSG("save.error", self.lang, error=exc), severity="error",
                        timeout=10, markup=False)
            return
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.entry = entry
        self._discard_drafts(old_key, entry.id)
        self._set_baseline()
        self.notify(MSG.count("save.done" if new else "save.updated", entry.words, self.lang,
                              words=entry.words))
        self.load_side()

    # ------------------------------------------------------------- other entries

    def action_new_entry(self) -> None:
        """Start a second (third…) entry for the day."""
        kept_new = self.entry is None and self.has_unsaved()
        self._leave_current()
        if kept_new or self._new_key:
            self._new_count += 1
            self._new_key = f"new-{self.app.day:%Y%m%d}-{self._new_count}"  # type: ignore
        self.entry = None
        self.entry_day = self.app.day  # type: ignore[attr-defined]
        self.prompt = None
        self.show_prompt()
        self._load_fields("", [], None, {})
        self._set_baseline()
        self.query_one("#body", TextArea).focus()
        self.load_side()

    def _leave_current(self) -> None:
        """Keep unsaved text as a draft before the editor shows something else."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.has_unsaved():
            self.flush_draft()
            self.notify(MSG("today.draft_kept", self.lang).capitalize())
        self._draft_written = False

    def load_entry(self, entry: Entry) -> None:
        """Open an existing entry in the editor (from the day's list or the journal)."""
        self._leave_current()
        self.entry = entry
        self.entry_day = entry.date
        self.prompt = self.ctx.prompts.prompt(entry.prompt_id) if entry.prompt_id else None
        self.show_prompt()
        self._load_fields(entry.body, field_tags(entry), entry.mood, entry.checkin)
        self._set_baseline()
        body = self.query_one("#body", TextArea)
        body.focus()
        body.move_cursor(body.document.end)
        self.load_side()

    @on(OptionList.OptionSelected, "#day-entries")
    def _reopen(self, event: OptionList.OptionSelected) -> None:
        if self.entry is not None and event.option.id == self.entry.id:
            self.query_one("#body", TextArea).focus()  # already in the editor
            return
        self._open_by_id(event.option.id)

    @on(OptionList.OptionSelected, "#past-entries")
    def _read_past(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_entry(event.option.id)  # type: ignore[attr-defined]

    def _open_by_id(self, entry_id: str | None) -> None:
        if not entry_id:
            return
        try:
            with self.app.journal_lock:  # type: ignore[attr-defined]
                entry = self.ctx.journal.get(entry_id)
        except (NotFound, FileNotFoundError):
            self.notify(MSG("entry.missing", self.lang), severity="warning")
            return
        except (OSError, ValueError) as exc:
            self.notify(MSG("read.error", self.lang, error=exc), severity="error",
                        markup=False)
            return
        self.load_entry(entry)

    # ------------------------------------------------------------------ side panel

    @work(thread=True, exclusive=True, group="today-side")
    def load_side(self) -> None:
        """Read the day's entries, the streak and "on this day" (in a thread)."""
        journal = self.ctx.journal
        day = self.entry_day
        with self.app.journal_lock:  # type: ignore[attr-defined]
            if self._side_loaded:  # later visits: pick up files changed outside the app
                journal.refresh()
            else:
                self.app.refresh_at_start()  # type: ignore[attr-defined]
            todays = journal.query(Query(start=day, end=day, kind="entry", newest_first=False))
            days = journal.days_with_entries()
            past = [(key, d, journal.query(Query(start=d, end=d, kind="entry")))
                    for key, d in on_this_day(day)]
        self._side_loaded = True
        today = self.ctx.today
        self.app.call_from_thread(self._show_side, streak(days, today), today in days,
                                  todays, past)

    def _show_side(self, days: int, written_today: bool, todays: list[Entry],
                   past: list[tuple[str, date, list[Entry]]]) -> None:
        # A save (ctrl+s, ctrl+t) typed ahead while the app starts can finish its read
        # before the first frame's follow-up has built the panel: build it here then.
        self._build_side()
        lang = self.lang
        self.app.show_streak(days)  # type: ignore[attr-defined]
        # Today is ready; before any typing this is the quietest moment there is.
        first, self._side_shown = not self._side_shown, True
        self.app.prepare_soon(idle=first and not self.has_unsaved())  # type: ignore[attr-defined]
        self.query_one("#streak", Static).update(
            MSG(f"today.streak.{'one' if days == 1 else 'many'}"
                f"{'' if written_today else '_open'}", lang, n=days)
            if days else MSG("today.streak_none", lang))
        day_list = self.query_one("#day-entries", OptionList)
        current = self.entry.id if self.entry else None
        options = [Option(Text(f"{'✎ ' if e.id == current else ''}{e.created:%H:%M} "
                               f"{first_line(e.body, 60) or '…'}"), id=e.id) for e in todays]
        day_list.set_options(options or [Option(MSG("today.none_yet", lang), disabled=True)])
        past_list = self.query_one("#past-entries", OptionList)
        past_options: list[Option] = []
        for key, d, entries in past:
            past_options.append(Option(f"[b]{MSG(key, lang)}[/b] · {d.isoformat()}",
                                       disabled=True))
            if not entries:
                past_options.append(Option(f"[dim]{MSG('today.nothing', lang)}[/dim]",
                                           disabled=True))
            for e in entries[:3]:
                past_options.append(Option(Text("• " + (first_line(e.body, 60) or "…")),
                                           id=e.id))
        past_list.set_options(past_options)

    # ------------------------------------------------------------------ drafts

    @work(thread=True, exclusive=True, group="today-drafts")
    def check_drafts(self) -> None:
        with self.app.journal_lock:  # type: ignore[attr-defined]
            # Review notes' drafts come back on the Review screen, with their week.
            drafts = [d for d in self.ctx.journal.drafts() if d.kind != "review"]
        if drafts:
            self.app.call_from_thread(self.offer_drafts, drafts)

    def offer_drafts(self, drafts: list[Draft]) -> None:
        """Ask, newest first, whether to restore each unsaved draft."""
        if not drafts:
            return
        draft, rest = drafts[0], drafts[1:]
        preview = first_line(draft.body, 60) or "…"
        question = MSG("draft.question", self.lang, day=long_date(draft.date, self.lang),
                       time=f"{draft.saved:%H:%M}", preview=preview)

        def answer(restore: bool | None) -> None:
            if restore:
                self.restore_draft(draft)
            else:
                self._discard_drafts(draft.key)
                self.offer_drafts(rest)

        self.app.push_screen(ConfirmDialog(question, MSG("draft.yes", self.lang),
                                           MSG("draft.no", self.lang),
                                           title=MSG("draft.title", self.lang),
                                           default_yes=True), answer)

    def restore_draft(self, draft: Draft) -> None:
        """Put a draft back in the editor; it stays on disk until the entry is saved."""
        entry = None
        if draft.entry_id:
            try:
                with self.app.journal_lock:  # type: ignore[attr-defined]
                    entry = self.ctx.journal.get(draft.entry_id)
            except (NotFound, OSError, ValueError):
                entry = None
        if entry is not None:
            self.load_entry(entry)
        else:
            self.entry = None
            self.entry_day = draft.date
            self._new_key = draft.key
        self.prompt = self.ctx.prompts.prompt(draft.prompt_id) if draft.prompt_id else None
        self.show_prompt()
        self._load_fields(draft.body, draft.tags, draft.mood, draft.checkin)
        self._draft_written = True
        self._update_status()
        body = self.query_one("#body", TextArea)
        body.focus()
        body.move_cursor(body.document.end)
        self.notify(MSG("draft.restored", self.lang))

    # ------------------------------------------------------------------ $EDITOR

    def action_external_editor(self) -> None:
        """Edit the text in ``$VISUAL``/``$EDITOR``: the app suspends, then resumes."""
        command = editor_command(self.ctx.config)
        if not command:
            self.notify(MSG("editor.none", self.lang), severity="warning")
            return
        body = self.query_one("#body", TextArea)
        fd, name = tempfile.mkstemp(prefix="journal-", suffix=".md")  # 0600
        path = Path(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.write(body.text)
            with self.app.suspend():
                subprocess.run([*shlex.split(command), str(path)], check=True)
            text = path.read_text("utf-8")
        except SuspendNotSupported:
            self.notify(MSG("editor.error", self.lang, error="cannot suspend here"),
                        severity="error")
            return
        except (OSError, ValueError, subprocess.CalledProcessError) as exc:
            self.notify(MSG("editor.error", self.lang, error=exc), severity="error",
                        markup=False)
            return
        finally:
            path.unlink(missing_ok=True)
        if text.endswith("\n") and not body.text.endswith("\n"):
            text = text[:-1]  # the newline editors add at the end of a file
        if text != body.text:
            body.replace(text, (0, 0), body.document.end)  # keeps undo history
        body.focus()
