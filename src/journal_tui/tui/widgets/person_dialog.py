"""Edit one person of ``people.toml``: display name, aliases, note (a modal form).

Returns the edited ``Person`` through ``dismiss`` (None: cancelled); the screen
writes it. ``edited_person`` is the form's pure half: it keeps the name a person
was known by as an alias when the name changes, so the mentions already written
(``@Marie``) still name them, and refuses a name another record already has.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, TextArea

from journal_tui.core.i18n import Catalog
from journal_tui.core.people import Directory, Person, person_key
from journal_tui.core.printable import printable
from journal_tui.tui.widgets.review_dialogs import DIALOG_CSS

MSG = Catalog({
    "title": ("Person", "Personne"),
    "name": ("Name, as shown", "Nom, tel qu’affiché"),
    "aliases": ("Aliases: other spellings, separated by commas",
                "Alias\u00a0: autres graphies, séparées par des virgules"),
    "note": ("Note (yours)", "Note (la vôtre)"),
    "hint": ("Saved in people.toml, in the journal folder.",
             "Enregistré dans people.toml, dans le dossier du journal."),
    "save": ("Save", "Enregistrer"),
    "cancel": ("Cancel", "Annuler"),
    "no_name": ("A person needs a name.", "Une personne a besoin d’un nom."),
    "taken": ("{name} is already someone else in people.toml.",
              "{name} est déjà quelqu’un d’autre dans people.toml."),
})


def split_aliases(text: str) -> tuple[str, ...]:
    """``"Marc, MarcA"`` → ``("Marc", "MarcA")``, blanks and repeats (by key) dropped."""
    seen: set[str] = set()
    out = []
    for alias in (a.strip() for a in text.split(",")):
        key = person_key(alias)
        if key and key not in seen:
            seen.add(key)
            out.append(alias)
    return tuple(out)


def edited_person(directory: Directory, known_as: str, record: Person | None, name: str,
                  aliases: str, note: str) -> Person | str:
    """The record the form describes, or why it cannot be saved (one line).

    ``known_as``: the name the person is shown under now (their record's, or the
    spelling their mentions use); it stays an alias if the new name does not match
    it, so no mention is orphaned.
    """
    name = name.strip()
    if not person_key(name):
        return "no_name"
    kept = split_aliases(aliases)
    keys = {person_key(s) for s in (name, *kept)}
    if person_key(known_as) not in keys:
        kept = (*kept, known_as)
    for spelling in (name, *kept):
        other = directory.find(spelling)
        if other is not None and other is not record:
            return "taken"
    extra = record.extra if record is not None else {}
    return Person(name, tuple(a for a in kept if person_key(a) != person_key(name)),
                  note.strip() or None, extra)


class PersonDialog(ModalScreen[Person | None]):
    """The form: name, aliases, note; Save checks it, Escape cancels."""

    # Compact fields: the whole form, buttons included, fits 80x24.
    DEFAULT_CSS = DIALOG_CSS.format(name="PersonDialog") + """
    PersonDialog > Vertical {
        padding: 0 2;
    }
    PersonDialog Input {
        margin-bottom: 1;
    }
    PersonDialog TextArea {
        height: 3;
        margin-bottom: 1;
    }
    PersonDialog .hint {
        color: $text-muted;
        margin-bottom: 1;
    }
    PersonDialog #error {
        color: $text-error;
    }
    """
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, lang: str, directory: Directory, known_as: str,
                 record: Person | None) -> None:
        super().__init__()
        self.lang, self.directory = lang, directory
        self.known_as, self.record = known_as, record

    def compose(self) -> ComposeResult:
        lang, record = self.lang, self.record
        with Vertical() as box:
            box.border_title = MSG("title", lang)
            yield Label(MSG("name", lang))
            yield Input(printable(record.name if record else self.known_as, newlines=False),
                        id="name", compact=True)
            yield Label(MSG("aliases", lang))
            yield Input(", ".join(printable(a, newlines=False) for a in record.aliases)
                        if record else "", id="aliases", compact=True)
            yield Label(MSG("note", lang))
            yield TextArea(printable(record.note or "") if record else "", id="note",
                           soft_wrap=True, tab_behavior="focus", compact=True)
            yield Static(MSG("hint", lang), classes="hint")
            yield Static(id="error", markup=False)
            with Horizontal():
                yield Button(MSG("cancel", lang), id="cancel")
                yield Button(MSG("save", lang), id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#name", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        values = {key: self.query_one(f"#{key}", Input).value for key in ("name", "aliases")}
        values["note"] = self.query_one("#note", TextArea).text
        found = edited_person(self.directory, self.known_as, self.record, **values)
        if isinstance(found, Person):
            self.dismiss(found)
            return
        self.query_one("#error", Static).update(
            MSG(found, self.lang, name=printable(values["name"].strip(), newlines=False)))
