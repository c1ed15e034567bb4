"""The Review screen: one ISO week beside the four before it, and its review note.

The coaching loop (DESIGN.md, "Intentions"): the review starts by asking what
became of last week's intention (done, partly, not; what was learned), stored back
into last week's note; two or three questions chosen for the week stand above the
note (the others one key away, ctrl+r); under the note, the intention for next
week, saved in the note and kept in its draft like its text. The history of
intentions closes the screen; the people of the week open the People screen.

Data is read through the journal service in thread workers that only post
messages; the screen updates its widgets when they arrive, and reloads whenever
it is shown again. The notes read to be saved come from their files, so a save
never overwrites another writer's change. Notes and drafts are written through
the service's writer queue, in the order asked.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import AwaitMount
from textual.widgets import Collapsible, Input, Label, ListItem, ListView, Static, TextArea
from textual.worker import get_current_worker

from journal_tui.core.i18n import Catalog
from journal_tui.core.intentions import (
    intention_history,
    intention_of,
    notes_by_week,
    set_intention,
)
from journal_tui.core.model import Entry, iso_week, make_entry, refresh_derived
from journal_tui.core.review import (
    WeeklyReview,
    counts_line,
    day_label,
    note_date,
    review_markdown,
    shift_week,
    weekly_review,
)
from journal_tui.core.storage import Draft
from journal_tui.tui.data import shown, title_of
from journal_tui.tui.host import post_when_done
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.service import Stopped
from journal_tui.tui.strings import MSG as SHARED
from journal_tui.tui.strings import localize_bindings
from journal_tui.tui.widgets.footer import KeyFooter
from journal_tui.tui.widgets.header import TitleHeader
from journal_tui.tui.widgets.name_links import NameLinks
from journal_tui.tui.widgets.review_days import DayStrip
from journal_tui.tui.widgets.review_dialogs import ExportExistsDialog
from journal_tui.tui.widgets.review_intention import LastIntention, history
from journal_tui.tui.widgets.review_summary import mood_content, themes_content, week_span
from journal_tui.tui.widgets.safe_text import SafeTextArea

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel


__all__ = ["ReviewScreen", "draft_key", "export_path", "week_span"]

MSG = Catalog({
    "b.prev": ("◀ week", "◀ semaine"),
    "b.next": ("week ▶", "semaine ▶"),
    "b.this": ("this week", "cette semaine"),
    "b.save": ("save note", "enregistrer"),
    "b.export": ("export", "exporter"),
    "b.more_questions": ("All the questions", "Toutes les questions"),
    # Help's wording of the keys above (the footer's is short)
    "b.prev_long": ("Previous week", "Semaine précédente"),
    "b.next_long": ("Next week", "Semaine suivante"),
    "b.this_long": ("This week", "Cette semaine"),
    "b.save_long": ("Save the review note", "Enregistrer la note de bilan"),
    "b.more_questions_long": ("Show or hide the questions not chosen for the week",
                              "Afficher ou masquer les questions non choisies pour la semaine"),
    "b.export_long": ("Export the week to Markdown, in the journal's exports/ folder",
                      "Exporter la semaine en Markdown, dans le dossier exports/ du journal"),
    "title": ("Week {week}", "Semaine {week}"),
    "current": ("this week", "cette semaine"),
    "entries": ("Entries · Enter opens one", "Entrées · Entrée pour lire"),
    "no_entries": ("No entries this week.", "Aucune entrée cette semaine."),
    "mood": ("Mood", "Humeur"),
    "themes": ("Theme balance", "Équilibre des thèmes"),
    "people": ("People", "Personnes"),
    "tags": ("Tags", "Étiquettes"),
    "none": ("none", "aucune"),  # people, tags
    "label": ("{label}: ", "{label}\u00a0: "),
    "note": ("Review note · ctrl+s saves", "Note de bilan · ctrl+s enregistre"),
    "note.unsaved": ("(not saved)", "(non enregistrée)"),
    "questions": ("Questions for the week", "Questions de la semaine"),
    "questions.wait": ("Choosing the week’s questions…", "Choix des questions de la semaine…"),
    "questions.reading": ("Choosing the week’s questions… {percent}% of the journal read "
                          "(the first time only)",
                          "Choix des questions de la semaine… {percent}\u00a0% du journal lu "
                          "(la première fois seulement)"),
    "more": ("{n} more questions · ctrl+r", "{n} autres questions · ctrl+r"),
    "intention": ("Intention for next week", "Intention pour la semaine prochaine"),
    "intention.placeholder": ("One thing I will do differently next week",
                              "Une chose que je ferai autrement la semaine prochaine"),
    "saved": ("Review note of {week} saved.", "Note de bilan de {week} enregistrée."),
    "draft.restored": ("Unsaved review note of {week} restored: ctrl+s saves it.",
                       "Note de bilan non enregistrée de {week} restaurée\u00a0: ctrl+s "
                       "l’enregistre."),
    "draft.error": ("Could not keep a draft of the note: {error}",
                    "Impossible de garder un brouillon de la note\u00a0: {error}"),
    "empty": ("The note is empty: nothing to save.", "La note est vide\u00a0: rien à enregistrer."),
    "save.error": ("Could not save the note: {error}",
                   "Impossible d’enregistrer la note\u00a0: {error}"),
    "future": ("That week has not begun yet.", "Cette semaine n’a pas encore commencé."),
    "exported": ("Week exported to {path}", "Semaine exportée dans {path}"),
    "export.exists": ("{path} already exists.", "{path} existe déjà."),
    "export.overwrite": ("Overwrite", "Remplacer"),
    "export.new": ("New file", "Nouveau fichier"),
    "export.cancel": ("Cancel", "Annuler"),
    "export.error": ("Could not export: {error}", "Impossible d’exporter\u00a0: {error}"),
    "history": ("Intentions so far", "Vos intentions jusqu’ici"),
})


def export_path(root: Path, week: str, *, new: bool = False) -> Path:
    """``<journal>/exports/review-YYYY-Www.md``, or the first free ``-2``, ``-3``… name."""
    path = root / "exports" / f"review-{week}.md"
    n = 2
    while new and path.exists():
        path = path.with_name(f"review-{week}-{n}.md")
        n += 1
    return path


class EntryItem(ListItem):
    def __init__(self, entry: Entry, lang: str) -> None:
        self.entry = entry
        head = Content.assemble((f"{day_label(entry.date, lang)} {entry.created:%H:%M}  ", "bold"),
                                title_of(entry.body) or "…")
        lines = [Label(head, classes="entry-title")]
        if entry.prompt:
            lines.append(Label(Content.styled(f"  › {shown(entry.prompt)}", "italic $text-muted"),
                               classes="entry-prompt"))
        super().__init__(*lines)


def draft_key(week: str) -> str:
    """The ``drafts/`` name of a week's unsaved review note."""
    return f"review-{week}"


def question_rows(questions: tuple[object, ...], lang: str) -> list[Horizontal]:
    """One row per question, the text wrapping under itself beside its bullet."""
    return [Horizontal(Static("•", classes="bullet"),
                       Static(q.text_in(lang), markup=False,  # type: ignore[attr-defined]
                              classes="question"),
                       classes="question-row")
            for q in questions]


Typed = tuple[str, str]
"""The note's text and its intention (stripped), as typed or as saved."""


class ReviewScreen(AppScreen):
    """A week at a glance, its entries, last week's intention, the review note and the
    intention for next week."""

    CSS_PATH = "review.tcss"
    # The entries focused as the screen is first shown: focusing the first focusable
    # (the body) and then the list restyled the body's every widget twice (~0.1 s).
    AUTO_FOCUS = "#review-entries"
    HELP_WIDGETS = (NameLinks,)
    BINDINGS = [
        Binding("alt+left,ctrl+pageup", "week(-1)", "b.prev", id="review_prev"),
        Binding("alt+right,ctrl+pagedown", "week(1)", "b.next", id="review_next"),
        Binding("ctrl+home,alt+home", "this_week", "b.this", id="review_this", show=False),
        # Plain keys too; a focused editor takes printable keys first, so they type.
        Binding("left_square_bracket", "week(-1)", show=False),
        Binding("right_square_bracket", "week(1)", show=False),
        Binding("t", "this_week", show=False),
        # Shown in the headings; the footer is short at 80 columns.
        Binding("ctrl+s", "save_note", "b.save", id="review_save", show=False),
        Binding("ctrl+r", "more_questions", "b.more_questions", id="review_questions",
                show=False),
        Binding("ctrl+o", "export", "b.export", id="review_export"),
    ]

    week: reactive[str] = reactive("", init=False)

    @dataclass
    class Loaded(Message):
        review: WeeklyReview
        problems: int
        draft: Draft | None = None  # the week's note as kept in drafts/, if any
        notes: tuple[Entry, ...] = ()  # every review note (the history of intentions)

    @dataclass
    class Chosen(Message):
        """The week's questions, chosen through the journal's weeks (after Loaded)."""

        week: str
        questions: tuple[object, ...]

    @dataclass
    class Choosing(Message):
        """How far the first choice of a week's questions has read the journal (its
        entries are scored the first time: ~2 ms each, minutes at 100,000)."""

        week: str
        percent: int

    @dataclass
    class Failed(Message):
        text: str
        severity: SeverityLevel = "error"

    class Changed(Message):
        """Files changed outside the app since the index last looked."""

    @dataclass
    class NoteSaved(Message):
        note: Entry

    @dataclass
    class NoteFailed(Message):
        note: Entry
        before: Entry | None
        """The note as it was before this save (None: there was none)."""
        before_typed: Typed
        error: Exception

    @dataclass
    class Exported(Message):
        path: Path

    def __init__(self, week: str | None = None) -> None:
        super().__init__()
        self._start_week = week
        self.review: WeeklyReview | None = None
        self.note: Entry | None = None  # the week's note, as read from its file
        self.notes: dict[str, Entry] = {}  # every review note by id (the history)
        self._saved: Typed = ("", "")  # the note's text and intention as on disk
        self._drafts: dict[str, Typed] = {}  # unsaved notes of weeks left behind
        self._draft_timer: Timer | None = None
        self._saving: set[str] = set()  # weeks whose note is on its way to disk
        self._loading_intention = False  # the intention field set from a note, not typed
        self._more_mounting: AwaitMount | None = None  # "more questions" being mounted
        self._resumed = False  # shown once: later showings read the week again

    # ---------------------------------------------------------------- helpers

    @property
    def editor(self) -> TextArea:
        return self.query_one("#review-note", TextArea)

    @property
    def intention_input(self) -> Input:
        return self.query_one("#review-intention", Input)

    @property
    def last(self) -> LastIntention:
        return self.query_one(LastIntention)

    def typed(self) -> Typed:
        return self.editor.text, self.intention_input.value.strip()

    def is_dirty(self) -> bool:
        return self.typed() != self._saved

    def has_unsaved(self) -> bool:
        """Note text not saved yet, for this week or one left behind, or what was
        learned not kept yet (for quitting)."""
        return self.is_dirty() or bool(self._drafts) or self.last.dirty

    # ---------------------------------------------------------------- compose

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield TitleHeader()
        with VerticalScroll(id="review-body"):
            yield Static(id="review-title", markup=False)
            yield DayStrip(lang=lang, id="review-days")
            yield Static(id="review-counts")
            yield LastIntention(lang, id="review-last")
            with Horizontal(id="review-columns"):
                with Vertical(id="review-left"):
                    yield Label(MSG("entries", lang), classes="heading")
                    yield ListView(id="review-entries")
                    yield Static(MSG("no_entries", lang), id="review-no-entries")
                    yield Label(MSG("mood", lang), classes="heading")
                    yield Static(id="review-mood")
                    yield Label(MSG("themes", lang), classes="heading")
                    yield Static(id="review-themes")
                    yield NameLinks(id="review-people")
                    yield Static(id="review-tags")
                with Vertical(id="review-right"):
                    yield Label(MSG("questions", lang), classes="heading")
                    yield Vertical(id="review-questions")
                    # (the questions not chosen: mounted here once they are chosen)
                    yield Label(MSG("note", lang), id="review-note-heading", classes="heading")
                    yield SafeTextArea(id="review-note", soft_wrap=True, tab_behavior="focus")
                    yield Label(MSG("intention", lang), classes="heading")
                    yield Input(id="review-intention",
                                placeholder=MSG("intention.placeholder", lang))
            yield Label(MSG("history", lang), classes="heading")
            yield Static(id="review-history")
        yield KeyFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.lang, MSG)
        self.query_one("#review-no-entries").display = False
        self.last.display = False
        self.query_one("#review-title", Static).update(SHARED("screen.loading", self.lang))
        self.set_reactive(ReviewScreen.week, self._start_week or iso_week(self.ctx.today))
        self.load(self.week)  # read while the screen is laid out and first painted

    def on_screen_resume(self) -> None:
        if self._resumed:  # shown again: the week may have changed meanwhile
            self.call_once_after_refresh(self.load, self.week)
        self._resumed = True

    def watch_week(self, old: str, new: str) -> None:
        if old and self.is_dirty():
            self._drafts[old] = self.typed()
        self.last.flush()  # last week's note belongs to the week left
        self.editor.read_only = True  # until the new week's note is in
        self.load(new)

    # ---------------------------------------------------------------- actions

    def action_week(self, step: int) -> None:
        target = shift_week(self.week, step)
        if step > 0 and target > iso_week(self.ctx.today):
            self.notify(MSG("future", self.lang), severity="warning")
            return
        self.week = target

    def action_this_week(self) -> None:
        self.week = iso_week(self.ctx.today)

    def action_save_note(self) -> None:
        self.last.flush()
        text, intention = self.typed()
        if not text.strip() and not intention:
            self.notify(MSG("empty", self.lang), severity="warning")
            return
        self.save_note(self.week, text, intention)

    def action_more_questions(self) -> None:
        """Show (or hide) the questions not chosen for the week."""
        more = self._more()
        if more is None or not more.display:
            return
        more.collapsed = not more.collapsed
        if not more.collapsed:
            self.query_one("#review-body").scroll_to_widget(more, animate=False)

    def action_export(self) -> None:
        if self.review is None or self.review.week != self.week:
            return  # still loading
        review = self.review
        text, intention = self.typed()
        if text.strip() or intention:  # export what is on screen, saved or not
            note = self.note or make_entry(text, day=note_date(self.week, self.ctx.today),
                                           when=self.ctx.clock(), kind="review",
                                           week=self.week)
            note = replace(note, body=text, intention=intention or None)
            review = replace(review, note=note, intention=intention_of(note))
        text = review_markdown(review, self.lang)
        path = export_path(self.ctx.journal.root, review.week)
        if not path.exists():
            self.export(path, text, overwrite=False)
            return

        def answer(choice: str | None) -> None:
            if choice == "overwrite":
                self.export(path, text, overwrite=True)
            elif choice == "new":
                self.export(export_path(self.ctx.journal.root, review.week, new=True), text,
                            overwrite=False)

        lang = self.lang
        self.app.push_screen(ExportExistsDialog(
            MSG("export.exists", lang, path=path), MSG("export.overwrite", lang),
            MSG("export.new", lang), MSG("export.cancel", lang)), answer)

    @on(ListView.Selected, "#review-entries")
    def open_entry(self, event: ListView.Selected) -> None:
        if not isinstance(event.item, EntryItem):
            return
        # Imported here: the entry screen brings Textual's Markdown widget (~25 ms).
        from journal_tui.tui.screens.entry import EntryScreen

        self.app.push_screen(EntryScreen(event.item.entry))

    @on(NameLinks.Opened, "#review-people")
    def open_person(self, event: NameLinks.Opened) -> None:
        from journal_tui.tui.screens.people import PersonScreen  # with the People screen

        self.app.push_screen(PersonScreen(event.name))

    # ---------------------------------------------------------------- workers

    @work(thread=True, exclusive=True, group="review-load")
    def load(self, week: str) -> None:
        """The week from the index as it is, at once (once painted, ``recheck`` and
        ``choose``)."""
        ctx = self.ctx
        try:
            read = self.service.week(week, draft_key(week), ctx.prompts)
            review = weekly_review(read.entries, week, ctx.prompts, ctx.today, read.written,
                                   chosen=())
        except (OSError, ValueError) as exc:
            self.post_message(self.Failed(SHARED("screen.load_error", self.lang, error=exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(review, read.problems, read.draft,
                                          tuple(read.notes)))

    @work(thread=True, exclusive=True, group="review-choose")
    def choose(self, week: str) -> None:
        """The week's questions chosen through the journal's weeks, once the rest of
        the review is painted: the first time, entries not scored yet are scored
        (minutes at 100,000 entries), which would slow the painting down."""
        ctx = self.ctx
        last = -1

        def reading(done: int, total: int) -> None:
            nonlocal last
            percent = 100 * done // max(total, 1)
            if percent != last:  # a message per percent at most
                last = percent
                self.post_message(self.Choosing(week, percent))

        try:
            chosen = self.service.chosen_questions(week, ctx.prompts, reading)
        except Stopped:  # left, or quitting: what was scored is kept in the index
            return
        except (OSError, ValueError) as exc:
            self.post_message(self.Failed(SHARED("screen.load_error", self.lang, error=exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Chosen(week, chosen))

    @work(thread=True, exclusive=True, group="review-recheck")
    def recheck(self) -> None:
        """A look at the disk (a walk of every file, ~1 s at 100,000 entries, kept
        off the first paint): the week is read again if files changed outside
        the app."""
        try:
            changed, _ = self.service.recheck()
        except (OSError, ValueError):
            return  # the next load reports it
        if changed and not get_current_worker().is_cancelled:
            self.post_message(self.Changed())

    def on_review_screen_changed(self, _: Changed) -> None:
        self.load(self.week)

    def save_note(self, week: str, text: str, intention: str) -> None:
        """Queue the note of the week shown, then its draft goes. The screen moves on
        to the note being saved at once (a second save updates the same note; a draft
        timer firing meanwhile finds nothing unsaved), and goes back if it fails."""
        before, before_typed = self.note, self._saved
        if before is None:
            ctx = self.ctx
            note = make_entry(text, day=note_date(week, ctx.today), when=ctx.clock(),
                              kind="review", week=week)
        else:
            note = refresh_derived(replace(before, body=text, tags=list(before.tags),
                                           people=list(before.people)))
        note = set_intention(note, intention)
        self.note, self._saved = note, (text, intention)
        self._saving.add(week)
        if self._draft_timer is not None:
            self._draft_timer.stop()
            self._draft_timer = None
        self._show_dirty()
        post_when_done(self, self.service.save(note, discard=[draft_key(week)]),
                       self.NoteSaved,
                       lambda exc: self.NoteFailed(note, before, before_typed, exc))

    def flush_draft(self) -> Future[None] | None:
        """Keep the unsaved note in ``drafts/`` (queued: quitting waits for it), and
        what was learned in last week's note."""
        self._draft_timer = None
        if not self.is_mounted or self.review is None:
            return None
        self.last.flush()
        week, (text, intention) = self.week, self.typed()
        if self.is_dirty():
            draft = Draft(key=draft_key(week), body=text,
                          date=note_date(week, self.ctx.today), kind="review", week=week,
                          intention=intention or None)
            pending = self.service.save_draft(draft)
        else:
            pending = self.service.discard_drafts([draft_key(week)])
        post_when_done(self, pending, failed=lambda exc: self.Failed(
            MSG("draft.error", self.lang, error=exc), "warning"))
        return pending

    def export(self, path: Path, text: str, *, overwrite: bool) -> None:
        """Queue the export; a file that appears meanwhile is never replaced unasked:
        the export then takes the next free name."""

        def elsewhere() -> Path:
            return export_path(path.parent.parent, path.stem.removeprefix("review-")[:8],
                               new=True)

        post_when_done(self, self.service.export(path, text, overwrite=overwrite,
                                                 elsewhere=elsewhere),
                       self.Exported,
                       lambda exc: self.Failed(MSG("export.error", self.lang, error=exc)))

    # --------------------------------------------------------------- messages

    def on_review_screen_failed(self, message: Failed) -> None:
        self.editor.read_only = False
        self.notify(message.text, severity=message.severity, markup=False)

    def on_review_screen_exported(self, message: Exported) -> None:
        self.notify(MSG("exported", self.lang, path=message.path), markup=False, timeout=8)

    def on_review_screen_note_saved(self, message: NoteSaved) -> None:
        week = message.note.week or ""  # a review note always has its week
        self._saving.discard(week)
        self._drafts.pop(week, None)
        self._keep_note(message.note)
        self.notify(MSG("saved", self.lang, week=week))

    def on_review_screen_note_failed(self, message: NoteFailed) -> None:
        self._saving.discard(message.note.week or "")
        self.notify(MSG("save.error", self.lang, error=message.error), severity="error",
                    markup=False)
        if self.note is message.note:  # still the note that save made: undo it
            self.note, self._saved = message.before, message.before_typed
            self._show_dirty()
            self._note_changed()  # the text is kept as a draft again

    def on_last_intention_stored(self, message: LastIntention.Stored) -> None:
        self._keep_note(message.note)

    def on_last_intention_refused(self) -> None:
        self.load(self.week)  # the note as the disk holds it now

    def on_review_screen_loaded(self, message: Loaded) -> None:
        review = message.review
        if review.week != self.week:
            return  # a week the user already left
        first = self.review is None or self.review.week != review.week
        if not first and self.review is not None:
            review = replace(review, chosen=self.review.chosen)  # chosen once a week
        self.review = review
        self.notes = {n.id: n for n in message.notes}
        self._show(review, first)
        self._show_note(review, first, message.draft)
        self._show_last(review)
        self._show_history()
        self.call_after_refresh(self.recheck)  # the disk, once this is painted
        self.call_after_refresh(self.choose, review.week)
        if message.problems and first:
            self.notify(SHARED.count("screen.skipped", message.problems, self.lang,
                                     n=message.problems),
                        severity="warning")

    def on_review_screen_choosing(self, message: Choosing) -> None:
        review = self.review
        if review is None or review.week != message.week or review.chosen:
            return
        for wait in self.query("#questions-wait").results(Static):
            wait.update(MSG("questions.reading", self.lang, percent=message.percent))

    def on_review_screen_chosen(self, message: Chosen) -> None:
        review = self.review
        if review is None or review.week != message.week:
            return
        self.review = review = replace(review, chosen=message.questions)
        self._show_questions(review)

    @on(TextArea.Changed, "#review-note")
    @on(Input.Changed, "#review-intention")
    def _note_changed(self) -> None:
        if self._loading_intention:
            self._loading_intention = False
            return
        self._show_dirty()
        if self.editor.read_only:
            return  # a week's note being loaded, not typed
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(self.host.autosave_delay, self.flush_draft)

    # --------------------------------------------------------------- display

    def _keep_note(self, note: Entry) -> None:
        """A note just written: the history shows it."""
        self.notes[note.id] = note
        self._show_history()

    def _show_note(self, review: WeeklyReview, first: bool, draft: Draft | None = None) -> None:
        editor = self.editor
        # A note still on its way to disk may be read in its old state: keep the editor.
        dirty = not first and (self.is_dirty() or review.week in self._saving)
        if review.week not in self._saving:
            self.note = review.note
            self._saved = (review.note.body if review.note else "",
                           review.intention.text if review.intention else "")
        if not dirty:
            typed = self._drafts.pop(review.week, None)
            kept = (draft.body, (draft.intention or "").strip()) if draft else None
            if typed is None and kept is not None and kept != self._saved:
                typed = kept  # typed before a crash or a quit, never saved
                self.notify(MSG("draft.restored", self.lang, week=review.week))
            text, intention = typed if typed is not None else self._saved
            if editor.text != text:
                editor.load_text(text)
            if self.intention_input.value != intention:
                self._loading_intention = True
                self.intention_input.value = intention
        editor.read_only = False
        self._show_dirty()

    def _show_last(self, review: WeeklyReview) -> None:
        """Last week's intention, asked about (its note is where the answer goes)."""
        self.last.show(notes_by_week(self.notes.values()).get(shift_week(review.week, -1)))

    def _show_history(self) -> None:
        found = intention_history(self.notes.values(), last=self.week)
        self.query_one("#review-history", Static).update(history(found, self.lang))

    def _show_dirty(self) -> None:
        heading = MSG("note", self.lang)
        if self.is_dirty():
            heading += " " + MSG("note.unsaved", self.lang)
        self.query_one("#review-note-heading", Label).update(heading)

    def _show(self, review: WeeklyReview, first: bool) -> None:
        lang = self.lang
        title = (MSG("title", lang, week=review.week) + " · "
                 + week_span(review.start, review.end, lang))
        if review.is_current:
            title += f" · {MSG('current', lang)}"
        self.query_one("#review-title", Static).update(title)
        self.query_one(DayStrip).show(review.days, review.today, lang)
        self.query_one("#review-counts", Static).update(counts_line(review, lang))
        self._show_entries(review)
        self.query_one("#review-mood", Static).update(mood_content(review, lang))
        self.query_one("#review-themes", Static).update(themes_content(review, lang))
        self.query_one("#review-people", NameLinks).show(
            self._label(MSG("people", lang)), review.people, empty=MSG("none", lang))
        tags = " · ".join(f"#{shown(name)} {n}" for name, n in review.tags.items())
        self.query_one("#review-tags", Static).update(
            self._label(MSG("tags", lang)) + (Content(tags) if tags else Content.styled(
                MSG("none", lang), "$text-muted")))
        if first:
            self._show_questions(review)

    def _label(self, label: str) -> Content:
        return Content.styled(MSG("label", self.lang, label=label), "bold")

    def _show_questions(self, review: WeeklyReview) -> None:
        """The questions chosen for the week; the others in "more questions"."""
        lang = self.lang
        box = self.query_one("#review-questions", Vertical)
        box.remove_children()
        more = self._more()
        if not review.chosen:
            box.mount(Static(MSG("questions.wait", lang), classes="question-row",
                             id="questions-wait"))
            if more is not None:
                more.display = False
            return
        box.mount_all(question_rows(review.chosen, lang))
        others = review.other_questions
        title = MSG("more", lang, n=len(others))
        if more is None:  # made once there are questions to put in it
            more = Collapsible(Vertical(*question_rows(others, lang),
                                        id="review-more-questions"),
                               title=title, id="review-more", collapsed=True)
            self._more_mounting = self.query_one("#review-right").mount(more, after=box)
        else:
            found = more.query("#review-more-questions")
            if not found:  # made an instant ago (questions shown twice in a row): its
                # questions are not in it yet; shown again once they are
                self.call_later(self._show_when_mounted, more, self._more_mounting)
                return
            rest = found.first(Vertical)
            rest.remove_children()
            rest.mount_all(question_rows(others, lang))
            more.title = title
        more.display = bool(others)

    async def _show_when_mounted(self, more: Collapsible, mounting: AwaitMount | None) -> None:
        if mounting is not None:
            await mounting
        if self.review is not None and more.is_attached:
            self._show_questions(self.review)

    def _more(self) -> Collapsible | None:
        """The questions not chosen, once they are (composed then: ~0.02 s less to
        build the screen, and the chosen ones come after its first paint)."""
        found = self.query("#review-more")
        return found.first(Collapsible) if found else None

    def _show_entries(self, review: WeeklyReview) -> None:
        view = self.query_one("#review-entries", ListView)
        old = [item.entry.id for item in view.query(EntryItem)]
        new = [e.id for e in review.entries]
        if old != new or any(i.entry != e for i, e in zip(view.query(EntryItem),
                                                          review.entries, strict=False)):
            index = view.index
            view.clear()
            view.extend(EntryItem(e, self.lang) for e in review.entries)
            if review.entries:
                view.index = min(index or 0, len(review.entries) - 1) if old == new else 0
        view.display = bool(review.entries)
        self.query_one("#review-no-entries").display = not review.entries
