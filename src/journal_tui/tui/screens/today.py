"""Today: the prompt of the day, the editor, mood and self-rating, the day's entries.

What the editor works on is an ``EditorState`` (``tui/editor_state.py``): the
entry (or a new one), its day, the prompt answered and a *baseline* (the fields
as last loaded or saved) that tells whether there is unsaved text. The first
unsaved change starts a short timer that queues a draft for ``drafts/``, and so
does the first change after each draft, so a crash or a killed terminal loses at
most the last couple of seconds of typing, even while typing never pauses. Saves and
drafts go through the journal service's writer queue, in the order asked.
"""

from __future__ import annotations

import subprocess
from concurrent.futures import Future
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static, TextArea
from textual.worker import get_current_worker

from journal_tui.core.config import editor_command
from journal_tui.core.i18n import date_text, long_date
from journal_tui.core.model import Entry, field_tags
from journal_tui.core.printable import printable
from journal_tui.core.prompts import Prompt, Theme, answered_prompts, prompt_of_the_day
from journal_tui.tui.data import parse_tags, shown, title_of
from journal_tui.tui.editor_state import EditorState, Fields
from journal_tui.tui.host import post_when_done
from journal_tui.tui.messages import EntriesChanged
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.strings import MSG, localize_bindings
from journal_tui.tui.textual_compat import markdown_language
from journal_tui.tui.widgets.day_panel import DayPanel
from journal_tui.tui.widgets.header import TitleHeader
from journal_tui.tui.widgets.mention_editor import MentionArea, MentionIndex
from journal_tui.tui.widgets.safe_text import SafeInput
from journal_tui.tui.widgets.scale import MoodScale, PoleScale, Scale
from journal_tui.tui.widgets.theme_notice import NO_KEY, YES_KEY, ThemeNotice

if TYPE_CHECKING:  # the storage and the service load after the first frame
    from journal_tui.core.storage import Conflict, Draft
    from journal_tui.tui.service import DayRead


class Rest:
    """Today's widgets that are not in its first frame (``TodayScreen.rest()``): five
    widgets fewer to make, style and mount before the prompt shows. The week's
    intention and the after-save notice show nothing at first; the tags and the mood
    come a frame later in the row that holds their line, so nothing moves."""

    __slots__ = ("intention", "meta", "mood", "notice", "tags")

    def __init__(self, lang: str) -> None:
        self.intention = Static(id="intention")
        self.notice = ThemeNotice(id="theme-notice")
        self.tags = SafeInput(id="tags", compact=True,
                              placeholder=MSG("today.tags_placeholder", lang))
        self.mood = MoodScale(MSG("today.mood", lang), id="mood")
        # A Static, not a Label: drawn the same (today_later.tcss), without Label's rules.
        self.meta = (Static(MSG("today.tags", lang), id="tags-label"), self.tags, self.mood)


class TodayScreen(AppScreen):
    # Its CSS (today.tcss) is loaded by the app at start: see JournalApp.CSS_PATH.
    AUTO_FOCUS = "#body"

    # Priority: the editor would otherwise take ctrl+e (end of line). A priority
    # binding runs as its key arrives, while keys typed just before it may still wait
    # in the focused field's queue: each action runs after them (``after_typed``).
    BINDINGS = [
        Binding("ctrl+s", "after_typed('save_now')", "b.save", id="save", priority=True),
        Binding("ctrl+n", "after_typed('other_prompt')", "b.other_prompt", id="other_prompt",
                priority=True),
        Binding("ctrl+t", "after_typed('new_entry')", "b.new", id="new_entry", priority=True,
                show=False),
        Binding("ctrl+e", "after_typed('external_editor')", "b.editor", id="external_editor",
                priority=True, show=False),
        # Live only while the after-save notice shows (it names them): see check_action.
        Binding(YES_KEY, "theme_notice(True)", "b.notice_yes", id="notice_yes", priority=True,
                show=False),
        Binding(NO_KEY, "theme_notice(False)", "b.notice_no", id="notice_no", priority=True,
                show=False),
    ]
    REST_DELAY = 0.3
    """Seconds after the first frame by which ``rest`` is mounted if nothing asked for
    it sooner. Not at once: mounted with the footer, just after the frame, it held the
    keys typed as the prompt showed (~60 ms more to echo under load, --typing)."""
    HELP_WIDGETS = (MoodScale, PoleScale)  # their keys (PoleScale: ↑ ↓ another theme)

    # Messages are plain classes here, not dataclasses: this module loads before the
    # first frame, and creating a dataclass costs ~0.2 ms (eight of them: ~2 ms).

    # Read on worker threads, then handled here.
    class SideRead(Message):
        def __init__(self, read: DayRead) -> None:
            super().__init__()
            self.read = read

    class PeopleKnown(Message):
        """The people known for @-completion (read after the first frame, and again
        after a save)."""

        def __init__(self, mentions: MentionIndex) -> None:
            super().__init__()
            self.mentions = mentions

    class DraftsFound(Message):
        def __init__(self, drafts: list[tuple[Draft, Entry | None]]) -> None:
            super().__init__()
            self.drafts = drafts

    # Writes landed (or not).
    class Saved(Message):
        def __init__(self, entry: Entry, new: bool) -> None:
            super().__init__()
            self.entry, self.new = entry, new

    class SaveFailed(Message):
        """``before``: the state before the save, brought back if the editor still
        shows ``entry``."""

        def __init__(self, entry: Entry, before: EditorState, error: Exception) -> None:
            super().__init__()
            self.entry, self.before, self.error = entry, before, error

    class KeptBoth(Message):
        """The text was saved as a new entry after a conflict (``before``, ``fields``:
        the editor's state and fields then, to move on only if nothing changed)."""

        def __init__(self, entry: Entry, before: EditorState, fields: Fields) -> None:
            super().__init__()
            self.entry, self.before, self.fields = entry, before, fields

    class DraftWritten(Message):
        def __init__(self, key: str, fields: Fields) -> None:
            super().__init__()
            self.key, self.fields = key, fields

    class DraftFailed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    # For the app: what happened on Today (the app decides what follows).
    class SideShown(Message):
        """The side panel shows ``day``'s data (the app's title follows it); ``quiet``:
        for the first time, with nothing typed yet (the app builds the Journal screen
        then)."""

        def __init__(self, streak: int, quiet: bool, day: date) -> None:
            super().__init__()
            self.streak, self.quiet, self.day = streak, quiet, day

    class Edited(Message):
        """The person changed something in the editor."""

    def __init__(self) -> None:
        super().__init__()
        self.skip = 0  # "another prompt" presses for this day
        self.editing = EditorState(day=self.host.day)
        self._timer: Timer | None = None  # the autosave debounce
        self._draft_written = False  # the fields shown are all in a draft
        self._kept_keys: set[str] = set()  # draft keys in use: never reused for a new entry
        self._side_loaded = False  # the first side read (after the start's walk) is done
        self._side_shown = False
        self._footer_asked = False  # show_footer: the footer goes in after the first frame
        self._rated: str | None = None  # the polar theme the rating is on
        self._others: dict[str, int | None] = {}  # unsaved ratings on themes left (Fields)
        self._rest: Rest | None = None  # the widgets after the first frame: rest()

    @property
    def entry(self) -> Entry | None:
        return self.editing.entry

    @property
    def prompt(self) -> Prompt | None:
        return self.editing.prompt

    # ------------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        lang = self.lang
        localize_bindings(self, lang)
        yield TitleHeader()
        # The two columns: the screen's layout is horizontal (today.tcss), no container.
        with Vertical(id="main"):
            yield Static(id="prompt")
            yield Static(id="theme-name")
            # (Rest.intention goes here: the week's intention, once read)
            # Markdown highlighting is switched on after the first frame (start_reading):
            # loading the grammar and its queries costs ~5 ms the editor can wait.
            yield MentionArea(id="body", soft_wrap=True,
                              tab_behavior="focus", show_line_numbers=False,
                              placeholder=MSG("today.placeholder", lang))
            # (Rest.notice goes here: after a save, what it sounds like)
            yield Horizontal(id="meta")  # the tags and the mood: Rest
            yield PoleScale(id="rating")
        # Empty in the first frame (its widgets would add ~15 ms to start): start_reading.
        yield DayPanel(lang, id="side")
        # The footer's bar, empty in the first frame as the footer itself would be (its
        # keys come once the bindings are known); the footer goes in it after that frame,
        # with its module and CSS (~10 ms less before the frame): start_reading.
        yield Vertical(id="footer-bar")

    @property
    def panel(self) -> DayPanel:
        return self.query_one("#side", DayPanel)  # by id: a type is parsed as a selector

    def on_mount(self) -> None:
        self.show_prompt()
        self._rated = self._default_rated()
        self._show_rating_theme()
        self._update_status()
        if self.host.first_frame_shown:
            self.start_reading()
        # else JournalApp calls start_reading once the first frame is shown

    def start_reading(self) -> None:
        """Build the side panel, offer any draft back and fill the panel (reads the
        journal)."""
        body = self.query_one("#body", TextArea)
        if body.language is None:
            body.language = markdown_language()
        self.show_footer()
        self.panel.build()
        self.check_drafts()
        self.load_side()
        self.load_people()
        self.set_timer(self.REST_DELAY, self.rest)  # unless the panel's read came first

    def rest(self) -> Rest:
        """The widgets the first frame goes without, made and mounted in their places
        on first use: with the side panel's first fill (one layout and paint for both),
        a draft or a save, else ``REST_DELAY`` after the first frame. In the DOM at once
        (Textual registers a mount as it is asked). Before, ``fields`` reads no tags and
        no mood."""
        if self._rest is None:
            self._rest = Rest(self.lang)
            main, body = self.query_one("#main"), self.query_one("#body")
            main.mount(self._rest.intention, before=body)
            main.mount(self._rest.notice, after=body)
            self.query_one("#meta").mount(*self._rest.meta)
        return self._rest

    def show_footer(self) -> None:
        """Put the footer in its bar (once), after the first frame. Not before the
        reads start: mounted at once after that frame, it held the keys typed as the
        prompt showed (through tmux: ~70 ms more to echo, and later than on main)."""
        if not self._footer_asked:
            self._footer_asked = True
            self.call_later(self._mount_footer)

    async def _mount_footer(self) -> None:
        bar = self.query_one("#footer-bar")
        if not bar.is_attached:  # the app closed meanwhile
            return
        from journal_tui.tui.widgets.footer import KeyFooter

        await bar.mount(KeyFooter(compact=True, show_command_palette=False))
        self.refresh_bindings()  # its keys: the footer asks for them as they change

    def on_screen_resume(self) -> None:
        if self.is_mounted and self.host.first_frame_shown:
            self.call_once_after_refresh(self.load_side)
            self.call_once_after_refresh(self.load_people)  # people.toml edited on F6?

    def on_entries_changed(self, _: EntriesChanged) -> None:
        self.load_side()

    # ------------------------------------------------------------------ prompt

    def show_prompt(self) -> None:
        """Show the prompt (the entry's, or the prompt of the day) and its theme."""
        if self.entry is None and self.prompt is None:
            self.editing = replace(self.editing, prompt=self._prompt_for(self.skip))
        prompt, entry = self.prompt, self.entry
        prompt_w = self.query_one("#prompt", Static)
        theme = self.theme
        if entry is not None and entry.prompt and (prompt is None
                                                   or prompt.id == entry.prompt_id):
            prompt_w.update(Text(printable(entry.prompt)))  # as shown when it was written
        elif prompt is not None:
            prompt_w.update(Text(printable(prompt.text_in(self.lang))))
        else:
            prompt_w.update("")
        name = theme.name(self.lang) if theme is not None else ""
        self.query_one("#theme-name", Static).update(
            Text(MSG("today.theme", self.lang, theme=shown(name))) if theme is not None else "")
        self.panel.show_advice(theme)
        self._show_rating_theme()

    def _show_rating_theme(self) -> None:
        """The rating's poles: the theme rated (the prompt's unless another was picked),
        named when it is not the prompt's; without one, how to pick one."""
        rating = self.query_one("#rating", PoleScale)
        rated = self.ctx.prompts.themes.get(self._rated or "")
        rating.hint = MSG("today.rate_hint", self.lang)
        if rated is None or not rated.polar:
            rating.set_poles("", "")
        else:
            label = rated.name(self.lang) if rated.id != self.editing.theme_id else ""
            rating.set_poles(rated.pole("low", self.lang), rated.pole("high", self.lang),
                             label)
        rating.display = bool(self._polar_ids())

    def _polar_ids(self) -> list[str]:
        return [t.id for t in self.ctx.prompts.themes.values() if t.polar]

    def _default_rated(self, checkin: dict[str, int] | None = None) -> str | None:
        """The theme a rating is on at first: the prompt's if polar, else one the entry
        already rates (the first in the book), else none until the person picks one."""
        polar = self._polar_ids()
        if self.editing.theme_id in polar:
            return self.editing.theme_id
        return next((t for t in polar if t in (checkin or {})), None)

    @on(PoleScale.ThemeAsked, "#rating")
    def _rate_other_theme(self, event: PoleScale.ThemeAsked) -> None:
        """Up/down on the rating: the next polar theme, its value as the entry holds it."""
        polar = self._polar_ids()
        if not polar:
            return
        here = polar.index(self._rated) if self._rated in polar else (
            -1 if event.step > 0 else len(polar))
        self._switch_rated(polar[(here + event.step) % len(polar)])
        self._changed()

    def _switch_rated(self, theme: str | None) -> None:
        """Rate ``theme`` now: the value on the theme left is kept aside if it differs
        from the entry's (saved with the entry), the new theme's value shown."""
        rating = self.query_one("#rating", PoleScale)
        held = self.entry.checkin if self.entry else {}
        if self._rated is not None:
            if rating.value != held.get(self._rated):
                self._others[self._rated] = rating.value
            else:
                self._others.pop(self._rated, None)
        self._rated = theme
        value = self._others.pop(theme) if theme in self._others else held.get(theme or "")
        rating.set_value(value if theme else None)
        self._show_rating_theme()

    @property
    def theme(self) -> Theme | None:
        theme_id = self.editing.theme_id
        if theme_id is None:
            return None
        return self.ctx.prompts.themes.get(theme_id)

    def _prompt_for(self, skip: int, answered: list[str] | None = None) -> Prompt:
        """The prompt of the day shown (``skip``: another one): today's fits the hour
        (no "what did today hold?" at 7 a.m.); once an entry of the day answered one,
        that one stays the day's (``answered``: the day's entries' prompts, oldest
        first, once read). Another day is read as its afternoon."""
        hour = None
        if self.editing.day == self.ctx.today:
            hour = self.ctx.clock().hour
        return prompt_of_the_day(self.ctx.prompts, self.editing.day, skip=skip, hour=hour,
                                 answered=answered or ())

    def action_other_prompt(self) -> None:
        """Another prompt (cycles through the book) for the entry being written. An
        entry already saved keeps the prompt it answered: another prompt starts a new
        entry (unsaved changes to the saved one are kept as a draft)."""
        if self.entry is not None:
            self.action_new_entry()
        self.skip += 1
        self.editing = replace(self.editing, prompt=self._prompt_for(self.skip))
        self._switch_rated(self._default_rated(self.entry.checkin if self.entry else {}))
        self.show_prompt()
        self._changed()

    # ------------------------------------------------------------------ state

    def fields(self) -> Fields:
        """What the editor's widgets hold now."""
        rating = self.query_one("#rating", PoleScale)
        rated = self._rated if rating.display else None
        rest = self._rest
        return Fields(body=self.query_one("#body", TextArea).text,
                      tags=tuple(parse_tags(rest.tags.value)) if rest else (),
                      mood=rest.mood.value if rest else None,
                      rating=rating.value if rated else None, rating_theme=rated,
                      others=tuple(sorted(self._others.items())))

    def has_unsaved(self) -> bool:
        """Whether the editor holds something that differs from what is on disk."""
        return self.editing.unsaved(self.fields())

    @property
    def draft_key(self) -> str:
        return self.editing.draft_key

    def _load_fields(self, fields: Fields) -> None:
        self.query_one("#body", TextArea).load_text(fields.body)
        rest = self.rest()
        rest.tags.value = ", ".join(fields.tags)
        rest.mood.set_value(fields.mood)
        self.query_one("#rating", PoleScale).set_value(fields.rating)
        self._rated = fields.rating_theme
        self._others = dict(fields.others)
        self._show_rating_theme()

    def _set_baseline(self) -> None:
        self.editing = replace(self.editing, baseline=self.fields())
        self._update_status()

    def _update_status(self) -> None:
        body = self.query_one("#body", TextArea)
        day = self.editing.day
        other_day = day != self.ctx.today
        day_text = date_text(day, self.lang, weekday=False, year=False)
        if self.entry is None:
            body.border_title = (MSG("today.new_for", self.lang, day=day_text) if other_day
                                 else MSG("today.new", self.lang))
        else:
            time = f"{self.entry.created:%H:%M}"
            body.border_title = (MSG("today.editing_day", self.lang, day=day_text, time=time)
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
        """Make sure a draft is on its way and refresh the status line."""
        self._draft_written = False
        self._schedule_draft()
        self._update_status()
        self.post_message(self.Edited())

    def _schedule_draft(self) -> None:
        """A draft within ``autosave_delay`` of the first unsaved change, and again at
        least that often while typing goes on: a change never pushes back a draft
        already due (a debounce would wait for a pause that may never come)."""
        if not self.has_unsaved():
            self._stop_timer()
        elif self._timer is None:
            self._timer = self.set_timer(self.host.autosave_delay, self.autosave)

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def autosave(self) -> None:
        """Keep the current text in ``drafts/`` (called by the debounce timer)."""
        self._timer = None
        if self.has_unsaved():
            self.flush_draft()

    def flush_draft(self) -> Future[None]:
        """Queue a draft of the editor now: the service writes it in order, so a save
        asked for next finds it on disk to discard it, and quitting waits for it."""
        fields = self.fields()
        draft = self.editing.to_draft(fields, self.lang)
        self._kept_keys.add(draft.key)
        pending = self.service.save_draft(draft)
        post_when_done(self, pending, lambda _: self.DraftWritten(draft.key, fields),
                       self.DraftFailed)
        return pending

    def on_today_screen_draft_written(self, message: DraftWritten) -> None:
        if message.key == self.draft_key and message.fields == self.fields():
            self._draft_written = True
            self._update_status()

    def on_today_screen_draft_failed(self, message: DraftFailed) -> None:
        self.notify(MSG("draft.error", self.lang, error=message.error), severity="error",
                    markup=False)

    def _discard_drafts(self, *keys: str) -> None:
        post_when_done(self, self.service.discard_drafts(keys))
        self._draft_written = False

    # ------------------------------------------------------------------ saving

    def action_after_typed(self, action: str) -> None:
        """Run ``action`` once the keys typed before its key are in the fields (they
        wait in the focused field's queue; ``call_later`` queues behind them), so it
        acts on exactly what is on screen: ctrl+s saves all of it, ctrl+e hands all
        of it to ``$EDITOR``, ctrl+n/ctrl+t leave no key behind for the next entry."""
        target = self.app.focused or self
        target.call_later(getattr(self, action if action == "save_now" else f"action_{action}"))

    def save_now(self) -> None:
        """Save: the editor moves on to the saved entry at once (saving again updates
        it), and the write is queued; should it fail, the editor goes back."""
        fields = self.fields()
        if not fields.body.strip():
            self.notify(MSG("save.empty", self.lang), severity="warning")
            return
        before = self.editing
        entry = before.to_entry(fields, self.lang, self.ctx.clock())
        self._stop_timer()
        self.editing = before.saving(entry, fields)
        self._draft_written = False
        self._update_status()
        # The drafts of this text go once it is safely saved (in the same write).
        pending = self.service.save(entry, discard=dict.fromkeys((before.draft_key, entry.id)))
        post_when_done(self, pending, lambda saved: self.Saved(saved, before.entry is None),
                       lambda exc: self.SaveFailed(entry, before, exc))

    def on_today_screen_saved(self, message: Saved) -> None:
        entry = message.entry
        self.notify(MSG.count("save.done" if message.new else "save.updated", entry.words,
                              self.lang, words=entry.words))
        self.load_side()
        self.rest().notice.after_save(entry)  # what it sounds like, in a worker
        if entry.people:
            self.load_people()  # someone new may be known now

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "theme_notice":  # else the keys go on to the editor
            return self._rest is not None and self._rest.notice.current is not None
        return True

    def action_theme_notice(self, yes: bool) -> None:
        """Confirm (or dismiss) the theme the after-save notice names."""
        self.rest().notice.decide(yes)

    def on_today_screen_save_failed(self, message: SaveFailed) -> None:
        from journal_tui.core.storage import Conflict

        current = self.entry is message.entry  # still the state that save made
        if current:  # undo it: the text is unsaved again
            before = message.before
            self.editing = replace(self.editing, entry=before.entry, baseline=before.baseline)
            self._update_status()
            self._schedule_draft()
        error = message.error
        if current and isinstance(error, Conflict) and error.kind != Conflict.TAKEN:
            self.ask_conflict(message.entry, error)
            return
        self.notify(MSG("save.error", self.lang, error=error), severity="error",
                    timeout=10, markup=False)

    def ask_conflict(self, entry: Entry, conflict: Conflict) -> None:
        """Another writer changed (or removed) the file since it was read: nothing was
        written. Offer its version (the typed text kept as a draft of a new entry) or
        both (the typed text saved as a new entry); Escape goes back to the text."""
        from journal_tui.core.storage import Conflict
        from journal_tui.tui.widgets.dialogs import ChoiceDialog

        lang = self.lang
        changed = conflict.kind == Conflict.CHANGED and conflict.current is not None
        choices = [("later", MSG("conflict.later", lang))]
        if changed:
            choices.append(("reload", MSG("conflict.reload", lang)))
        choices.append(("both", MSG("conflict.keep_both", lang)))

        def answer(choice: str | None) -> None:
            if self.entry is None or self.entry.id != entry.id:
                return  # the editor moved on meanwhile: the text is in its draft
            if choice == "both":
                self.keep_both()
            elif choice == "reload" and conflict.current is not None:
                self.reload(conflict.current)

        self.app.push_screen(ChoiceDialog(
            MSG("conflict.changed" if changed else "conflict.deleted", lang), choices,
            title=MSG("conflict.title", lang), default="both"), answer)

    def keep_both(self) -> None:
        """Save the editor's text as a new entry beside the other writer's version."""
        fields = self.fields()
        before = self.editing
        entry = before.to_entry(fields, self.lang, self.ctx.clock())
        self._stop_timer()
        post_when_done(self, self.service.keep_both(entry, discard=(before.draft_key,)),
                       lambda fresh: self.KeptBoth(fresh, before, fields),
                       lambda exc: self.SaveFailed(entry, before, exc))

    def on_today_screen_kept_both(self, message: KeptBoth) -> None:
        if self.editing is message.before and self.fields() == message.fields:
            self.editing = replace(message.before, entry=message.entry,
                                   baseline=message.fields)
            self._draft_written = False
            self._update_status()
            self.show_prompt()
        self.notify(MSG("conflict.kept_both", self.lang))
        self.load_side()

    def reload(self, current: Entry) -> None:
        """Show the other writer's version; the typed text becomes a draft of a new
        entry (offered at the next start), so it is never lost nor saved over it."""
        fields = self.fields()
        kept = replace(self.editing, entry=None, new_key=self._next_new_key())
        draft = kept.to_draft(fields, self.lang)
        self._kept_keys.add(draft.key)
        self._stop_timer()
        post_when_done(self, self.service.save_draft(draft), failed=self.DraftFailed)
        self._discard_drafts(self.draft_key)
        self.editing = replace(self.editing, baseline=fields)  # kept: nothing to leave
        self.load_entry(current)
        self.notify(MSG("conflict.reloaded", self.lang))

    # ------------------------------------------------------------- other entries

    def action_new_entry(self) -> None:
        """Start a second (third…) entry for the day."""
        self._leave_current()
        self.editing = EditorState(day=self.host.day, new_key=self._next_new_key())
        self.show_prompt()
        self._load_fields(Fields(rating_theme=self._default_rated()))
        self._set_baseline()
        self.query_one("#body", TextArea).focus()
        self.load_side()

    def _next_new_key(self) -> str:
        """A draft key for a new entry of the day, never one in use (a kept draft is
        never overwritten)."""
        day = self.host.day
        key = f"new-{day:%Y%m%d}"
        n = 1
        while key in self._kept_keys:
            n += 1
            key = f"new-{day:%Y%m%d}-{n}"
        return key

    def _leave_current(self) -> None:
        """Keep unsaved text as a draft before the editor shows something else."""
        self._stop_timer()
        if self.has_unsaved():
            self.flush_draft()
            self.notify(MSG("today.draft_kept", self.lang).capitalize())
        self._draft_written = False

    def load_entry(self, entry: Entry) -> None:
        """Open an existing entry in the editor (from the day's list or the journal)."""
        self._leave_current()
        prompt = self.ctx.prompts.prompt(entry.prompt_id) if entry.prompt_id else None
        self.editing = EditorState(day=entry.date, entry=entry, prompt=prompt)
        self.show_prompt()
        rated = self._default_rated(entry.checkin)
        self._load_fields(Fields(entry.body, tuple(field_tags(entry)), entry.mood,
                                 entry.checkin.get(rated) if rated else None, rated))
        self._set_baseline()
        self._focus_end()
        self.load_side()

    def _focus_end(self) -> None:
        body = self.query_one("#body", TextArea)
        body.focus()
        body.move_cursor(body.document.end)

    @on(OptionList.OptionSelected, "#day-entries")
    def _reopen(self, event: OptionList.OptionSelected) -> None:
        if self.entry is not None and event.option.id == self.entry.id:
            self.query_one("#body", TextArea).focus()  # already in the editor
        elif event.option.id:
            self.host.open_entry(event.option.id, edit=True)

    @on(OptionList.OptionSelected, "#past-entries")
    def _read_past(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.host.open_entry(event.option.id)

    # ------------------------------------------------------------------ side panel

    @work(thread=True, exclusive=True, group="today-side")
    def load_side(self) -> None:
        """Read the day's entries, the streak and "on this day" (in a thread)."""
        read = self.service.day(self.editing.day, self.ctx.today, recheck=self._side_loaded)
        self._side_loaded = True  # later visits: pick up files changed outside the app
        if not get_current_worker().is_cancelled:
            self.post_message(self.SideRead(read))

    def on_today_screen_side_read(self, message: SideRead) -> None:
        self._show_side(message.read)

    def _show_side(self, read: DayRead) -> None:
        self._keep_answered_prompt(read)
        intention = self.rest().intention  # mounted now, if not yet: one paint for both
        intention.display = read.intention is not None
        if read.intention is not None:  # lived this week: set in last week's review
            intention.update(Text(MSG("today.intention", self.lang,
                                      text=printable(read.intention.text, newlines=False))))
        # A save (ctrl+s, ctrl+t) typed ahead while the app starts can finish its read
        # before the first frame's follow-up has built the panel: show() builds it then.
        self.panel.show(read, self.entry.id if self.entry else None)
        # Today is ready; before any typing this is the quietest moment there is.
        first, self._side_shown = not self._side_shown, True
        self.post_message(self.SideShown(read.streak, quiet=first and not self.has_unsaved(),
                                         day=self.editing.day))

    def _keep_answered_prompt(self, read: DayRead) -> None:
        """Once the day's entries are known: a prompt one of them answered is the
        day's (written at 7:00, found again at 20:00), unless the person has started
        on this one or asked for another."""
        if self.entry is not None or self.skip or self.has_unsaved():
            return
        answered = answered_prompts(e for e in read.todays if e.date == self.editing.day)
        if not answered:
            return
        prompt = self._prompt_for(0, answered)
        if self.prompt is None or prompt.id != self.prompt.id:
            self.editing = replace(self.editing, prompt=prompt)
            self._switch_rated(self._default_rated())
            self.show_prompt()

    @work(thread=True, exclusive=True, group="today-people")
    def load_people(self) -> None:
        """Read who is mentioned (and ``people.toml``) for @-completion, folded here."""
        read = self.service.people(None)
        mentions = MentionIndex([s.name for s in read.people], read.directory)
        if not get_current_worker().is_cancelled:
            self.post_message(self.PeopleKnown(mentions))

    def on_today_screen_people_known(self, message: PeopleKnown) -> None:
        self.query_one("#body", MentionArea).mentions = message.mentions

    # ------------------------------------------------------------------ drafts

    @work(thread=True, exclusive=True, group="today-drafts")
    def check_drafts(self) -> None:
        drafts = self.service.drafts_to_offer()
        if drafts:
            self.post_message(self.DraftsFound(drafts))

    def on_today_screen_drafts_found(self, message: DraftsFound) -> None:
        self._kept_keys.update(draft.key for draft, _ in message.drafts)
        self.offer_drafts(message.drafts)

    def offer_drafts(self, drafts: list[tuple[Draft, Entry | None]]) -> None:
        """Ask, newest first, whether to restore each unsaved draft."""
        if not drafts:
            return
        from journal_tui.tui.widgets.dialogs import ConfirmDialog  # loaded on first use

        (draft, entry), rest = drafts[0], drafts[1:]
        preview = title_of(draft.body, 60) or "…"
        question = MSG("draft.question", self.lang, day=long_date(draft.date, self.lang),
                       time=f"{draft.saved:%H:%M}", preview=preview)

        def answer(restore: bool | None) -> None:
            if restore:
                self.restore_draft(draft, entry)
            else:
                self._discard_drafts(draft.key)
                self.offer_drafts(rest)

        self.app.push_screen(ConfirmDialog(question, MSG("draft.yes", self.lang),
                                           MSG("draft.no", self.lang),
                                           title=MSG("draft.title", self.lang),
                                           default_yes=True), answer)

    def restore_draft(self, draft: Draft, entry: Entry | None) -> None:
        """Put a draft back in the editor (over ``entry``, the entry it edits, if that
        still exists); it stays on disk until the entry is saved."""
        if entry is not None:
            self.load_entry(entry)
        else:
            self.editing = EditorState(day=draft.date, new_key=draft.key)
        prompt = self.ctx.prompts.prompt(draft.prompt_id) if draft.prompt_id else None
        self.editing = replace(self.editing, prompt=prompt)
        self.show_prompt()
        # The theme rated: the one whose rating the draft changed (any polar theme
        # can be rated), else as for an entry.
        held = entry.checkin if entry is not None else {}
        changed = [t for t in self._polar_ids() if draft.checkin.get(t) != held.get(t)]
        rated = changed[0] if changed else self._default_rated(draft.checkin)
        others = tuple((t, draft.checkin.get(t)) for t in changed if t != rated)
        self._load_fields(Fields(draft.body, tuple(draft.tags), draft.mood,
                                 draft.checkin.get(rated) if rated else None, rated, others))
        self._draft_written = True
        self._update_status()
        self._focus_end()
        self.notify(MSG("draft.restored", self.lang))

    # ------------------------------------------------------------------ $EDITOR

    def action_external_editor(self) -> None:
        """Edit the text in ``$VISUAL``/``$EDITOR``: the app suspends, then resumes."""
        command = editor_command(self.ctx.config)
        if not command:
            self.notify(MSG("editor.none", self.lang), severity="warning")
            return
        from journal_tui.tui.external_editor import edit_externally  # on ctrl+e only

        body = self.query_one("#body", TextArea)
        try:
            text = edit_externally(self.app, command, body.text)
        except SuspendNotSupported:
            self.notify(MSG("editor.no_suspend", self.lang), severity="error")
            return
        except (OSError, ValueError, subprocess.CalledProcessError) as exc:
            self.notify(MSG("editor.error", self.lang, error=exc), severity="error",
                        markup=False)
            return
        if text != body.text:
            body.replace(text, (0, 0), body.document.end)  # keeps undo history
        body.focus()
