"""The weekly review's intentions: last week's, asked about first, and the history.

``LastIntention`` shows the intention set in the week before (the experiment lived
in the week reviewed) and asks what became of it: done, partly or not (buttons),
and what was learned (a line, kept once typing pauses, on Enter, or when the
review moves on). It stores the answer back into last week's note itself, through
the journal service: the note was read from its file, so the save is refused if
another writer changed it since (``Stored``/``Refused`` tell the screen).
``history`` renders every intention and its outcome, newest first. Styled by
``review.tcss`` (``ReviewScreen #review-last …``).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Button, Input, Label, Static

from journal_tui.core.i18n import Catalog
from journal_tui.core.intentions import OUTCOMES, Intention, intention_of, record_outcome
from journal_tui.core.model import Entry
from journal_tui.core.printable import printable
from journal_tui.tui.host import host_of, post_when_done

MSG = Catalog({
    "last": ("Last week’s intention ({week})", "L’intention de la semaine passée ({week})"),
    "asked": ("How did it go?", "Qu’est-ce que ça a donné\u00a0?"),
    "done": ("Done", "Fait"),
    "partly": ("Partly", "En partie"),
    "not": ("Not done", "Pas fait"),
    "learned": ("What did you learn?", "Qu’en avez-vous appris\u00a0?"),
    "history": ("Intentions so far", "Vos intentions jusqu’ici"),
    "history.none": ("No intention yet: the field under the note sets one for next week.",
                     "Pas encore d’intention\u00a0: le champ sous la note en fixe une pour la "
                     "semaine suivante."),
    "history.week": ("{week} → {next}", "{week} → {next}"),
    "history.open": ("not said yet", "pas encore dit"),
    "history.learned": ("learned: {text}", "appris\u00a0: {text}"),
    "saved": ("Kept in the review note of {week}.", "Gardé dans la note de bilan de {week}."),
    "error": ("Could not keep it in the note of {week}: {error}. The note is shown as it "
              "is on disk now.",
              "Impossible de le garder dans la note de {week}\u00a0: {error}. La note est "
              "affichée telle qu’elle est maintenant sur le disque."),
})

@dataclass(frozen=True)
class _Parts:
    """``LastIntention``'s widgets, held: they are used before they are mounted."""

    heading: Label
    text: Static
    buttons: dict[str, Button]
    learned: Input


MARKS = {"done": ("✓", "$text-success"), "partly": ("◐", "$text-warning"),
         "not": ("✗", "$text-error"), None: ("…", "$text-muted")}


class LastIntention(Vertical):
    """Last week's intention, the question about it, and storing the answer."""

    @dataclass
    class Stored(Message):
        """The answer is in last week's note (``note``, as written)."""

        note: Entry

    @dataclass
    class Refused(Message):
        """The note could not be written (changed elsewhere, unreadable…): read again."""

        note: Entry
        error: Exception

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lang = lang
        self.note: Entry | None = None
        """Last week's note, read from its file (None: no note, or no intention)."""
        self.outcome: str | None = None
        self._learned_saved = ""  # what was learned, as on disk
        self._loading = False  # the line set from the note, not typed
        self._timer: Timer | None = None
        self._made: _Parts | None = None

    def _parts(self) -> _Parts:
        """Made the first time there is an intention to ask about (``show``): most
        weeks have none, and its eight widgets were a tenth of building the screen."""
        if self._made is None:
            lang = self.lang
            made = self._made = _Parts(
                Label(id="last-heading", classes="heading"), Static(id="last-text", markup=False),
                {o: Button(MSG(o, lang), id=f"outcome-{o}", compact=True) for o in OUTCOMES},
                Input(id="last-learned", placeholder=MSG("learned", lang)))
            self.mount_all([made.heading, made.text,
                            Horizontal(Label(MSG("asked", lang), id="last-asked"),
                                       *made.buttons.values(), id="last-outcome"),
                            made.learned])
        return self._made

    @property
    def learned(self) -> str:
        return self._made.learned.value.strip() if self._made else ""

    @property
    def dirty(self) -> bool:
        """What was learned is typed and not kept yet."""
        return self.note is not None and self.learned != self._learned_saved

    def show(self, note: Entry | None) -> None:
        """Ask about ``note``'s intention (None, or a note without one: hide the block).
        Left alone while what was learned is being typed: it goes to the note held."""
        if self.dirty:
            return
        intention = intention_of(note)
        self.note = note if intention is not None else None
        self.display = intention is not None
        if intention is None:
            return
        parts = self._parts()
        parts.heading.update(MSG("last", self.lang, week=intention.week))
        parts.text.update(printable(intention.text))
        self._set_outcome(intention.outcome)
        self._learned_saved = intention.learned or ""
        learned = parts.learned
        if learned.value != self._learned_saved:
            self._loading = True  # not typed: no autosave
            learned.value = self._learned_saved

    def _set_outcome(self, outcome: str | None) -> None:
        self.outcome = outcome
        for name in OUTCOMES:
            button = self._parts().buttons[name]
            button.variant = "primary" if name == outcome else "default"
            button.set_class(name == outcome, "-chosen")

    def store(self, outcome: str | None) -> None:
        """Write ``outcome`` and what was learned into last week's note (queued)."""
        self._stop_timer()
        last = self.note
        if last is None:
            return
        learned = self.learned
        note = record_outcome(last, outcome, learned)
        self.note, self._learned_saved = note, learned
        self._set_outcome(outcome)
        post_when_done(self, host_of(self).service.save(note), lambda _: self.Stored(note),
                       lambda exc: self.Refused(note, exc))

    def flush(self) -> None:
        """Keep what was learned now, if it changed (typing paused, Enter, moving on)."""
        if self.dirty:
            self.store(self.outcome)
        self._stop_timer()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def on_last_intention_stored(self, message: Stored) -> None:
        self.notify(MSG("saved", self.lang, week=message.note.week or ""))

    def on_last_intention_refused(self, message: Refused) -> None:
        """Said once; the screen reads the note again (it shows what the disk holds)."""
        self.notify(MSG("error", self.lang, week=message.note.week or "",
                        error=message.error), severity="error", markup=False, timeout=10)
        if self.note is message.note:
            self.note = None  # nothing typed is pending for a note no longer held

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        outcome = (event.button.id or "").removeprefix("outcome-")
        self.store(None if outcome == self.outcome else outcome)
        self._parts().learned.focus()  # the next question: what was learned

    @on(Input.Changed, "#last-learned")
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if self._loading:
            self._loading = False
            return
        self._stop_timer()
        self._timer = self.set_timer(host_of(self).autosave_delay, self.flush)

    @on(Input.Submitted, "#last-learned")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.flush()


def history(intentions: list[Intention], lang: str) -> Content:
    """Every intention, newest first: the weeks, the text, what became of it."""
    if not intentions:
        return Content.styled(MSG("history.none", lang), "$text-muted")
    lines = []
    for i in reversed(intentions):
        mark, style = MARKS.get(i.outcome, MARKS[None])
        said = MSG(i.outcome, lang) if i.outcome else MSG("history.open", lang)
        line = Content.assemble(
            (MSG("history.week", lang, week=i.week, next=i.for_week), "$text-muted"),
            "  ", (mark, "bold " + style), " ", printable(i.text, newlines=False), "  ",
            (said, style))
        if i.learned:
            learned = printable(i.learned, newlines=False)
            line += Content.styled(" · " + MSG("history.learned", lang, text=learned),
                                   "italic $text-muted")
        lines.append(line)
    return Content("\n").join(lines)
