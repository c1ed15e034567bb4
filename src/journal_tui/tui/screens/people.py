"""The People screen (F6): everyone mentioned with ``@``, and one person's entries.

``PeopleScreen`` lists everyone, most mentioned first (DESIGN.md, "People"): entries,
first and last mention, a sparkline of the last weeks, mean mood and the themes that
come up with them; the search box keeps the names (or aliases) that contain what is
typed, case and accents ignored. Enter opens ``PersonScreen``: their record and
their entries, each opened in the entry view. ctrl+e edits a person's record in
``people.toml`` (``PersonDialog``); the save is refused if the file changed since it
was read or cannot be read (then it is never written: the screen says where it
breaks). Names come from files: shown as text through ``printable``, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Input, Label, ListView, Static
from textual.worker import get_current_worker

from journal_tui.commands.people import SPARK_WEEKS, Report
from journal_tui.core.i18n import Catalog, colon
from journal_tui.core.people import Directory, Person, PersonStats, person_key
from journal_tui.core.printable import printable
from journal_tui.core.themes import last_weeks
from journal_tui.tui.host import post_when_done
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.screens.review import EntryItem
from journal_tui.tui.service import PeopleRead, Stopped
from journal_tui.tui.strings import MSG as SHARED
from journal_tui.tui.strings import localize_bindings
from journal_tui.tui.widgets.footer import KeyFooter
from journal_tui.tui.widgets.header import TitleHeader
from journal_tui.tui.widgets.person_dialog import PersonDialog

MSG = Catalog({
    "b.search": ("Search", "Chercher"),
    "b.edit": ("Edit person", "Modifier"),
    "b.back": ("Back", "Retour"),
    "help.person": ("A person (Enter on the People screen)",
                    "Une personne (Entrée dans l’écran Personnes)"),
    "title": ("People · Enter opens one", "Personnes · Entrée pour ouvrir"),
    "search": ("Search a name…", "Chercher un nom…"),
    "nobody": ("Nobody mentioned with @Name yet.",
               "Personne n’est encore mentionné avec @Nom."),
    "no_match": ("Nobody by that name.", "Personne de ce nom."),
    "col.name": ("Name", "Nom"),
    "col.entries": ("Entries", "Entrées"),
    "col.first": ("First", "Première"),
    "col.last": ("Last", "Dernière"),
    "col.weeks": ("{n} weeks", "{n} semaines"),
    "col.mood": ("Mood", "Humeur"),
    "col.themes": ("Themes", "Thèmes"),
    "aliases": ("Also", "Aussi"),
    "note": ("Note", "Note"),
    "entries": ("Entries · Enter opens one", "Entrées · Entrée pour lire"),
    "no_entries": ("No entry mentions them.", "Aucune entrée ne les mentionne."),
    "broken": ("people.toml cannot be read, so it is left alone: {problem}",
               "people.toml est illisible, il n’est donc pas modifié\u00a0: {problem}"),
    "saved": ("{name} saved in people.toml.", "{name} enregistré dans people.toml."),
    "save.error": ("Could not save people.toml: {error}",
                   "Impossible d’enregistrer people.toml\u00a0: {error}"),
})


def matches(stats: PersonStats, query: str) -> bool:
    """Whether ``query`` is in the person's name or an alias (case, accents ignored)."""
    want = person_key(query)
    spellings = stats.person.spellings() if stats.person else (stats.name,)
    return not want or any(want in person_key(s) for s in spellings)


class PeopleScreen(AppScreen):
    """Everyone mentioned, searchable; Enter opens a person, ctrl+e edits them."""

    CSS_PATH = "people.tcss"
    BINDINGS = [
        Binding("ctrl+f", "search", "b.search", id="people_search"),
        Binding("ctrl+e", "edit", "b.edit", id="people_edit"),
    ]

    @dataclass
    class Loaded(Message):
        read: PeopleRead

    @dataclass
    class Scoring(Message):
        """Entries scored so far, of ``total`` (before the first table is drawn)."""

        done: int
        total: int

    @dataclass
    class Failed(Message):
        text: str

    @dataclass
    class Saved(Message):
        person: Person

    @dataclass
    class SaveFailed(Message):
        error: Exception

    def __init__(self) -> None:
        super().__init__()
        self.read: PeopleRead | None = None
        self.shown: list[PersonStats] = []

    def compose(self) -> ComposeResult:
        lang = self.lang
        yield TitleHeader()
        yield Label(MSG("title", lang), id="people-title", classes="heading")
        yield Input(id="people-search", placeholder=MSG("search", lang))
        yield DataTable(id="people-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="people-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.lang, MSG)
        lang = self.lang
        table = self.query_one(DataTable)
        table.add_columns(MSG("col.name", lang), MSG("col.entries", lang),
                          MSG("col.first", lang), MSG("col.last", lang),
                          MSG("col.weeks", lang, n=SPARK_WEEKS), MSG("col.mood", lang),
                          MSG("col.themes", lang))
        self.query_one("#people-empty", Static).update(SHARED("screen.loading", lang))
        table.focus()

    def on_screen_resume(self) -> None:
        self.call_once_after_refresh(self.load)

    @work(thread=True, exclusive=True, group="people-load")
    def load(self) -> None:
        """Everyone, with their themes: the first visit to a large journal scores the
        entries not scored yet (~15 s for 10,000 on two cores), with progress."""
        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if not worker.is_cancelled:
                self.post_message(self.Scoring(done, total))

        try:
            read = self.service.people(self.ctx.prompts, progress=progress)
        except Stopped:  # left, or quitting: what was scored is kept
            return
        except (OSError, ValueError) as exc:
            self.post_message(self.Failed(SHARED("screen.load_error", self.lang, error=exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Loaded(read))

    def on_people_screen_scoring(self, message: Scoring) -> None:
        if self.read is None and message.done < message.total:  # nothing drawn yet
            self.query_one("#people-empty", Static).update(
                SHARED("screen.scoring", self.lang, done=message.done, total=message.total))

    def on_people_screen_failed(self, message: Failed) -> None:
        self.notify(message.text, severity="error", markup=False)

    def on_people_screen_loaded(self, message: Loaded) -> None:
        first = self.read is None
        self.read = message.read
        if first and message.read.problems:
            self.notify(MSG("broken", self.lang, problem=message.read.problems[0]),
                        severity="warning", markup=False, timeout=10)
        self._fill()

    @on(Input.Changed, "#people-search")
    def _fill(self) -> None:
        if self.read is None:
            return
        lang, query = self.lang, self.query_one("#people-search", Input).value
        report = Report(lang, self.ctx.prompts, last_weeks(self.ctx.today, SPARK_WEEKS), None)
        table = self.query_one(DataTable)
        picked = self.picked()
        table.clear()
        self.shown = [s for s in self.read.people if matches(s, query)]
        for s in self.shown:  # Text cells: DataTable reads a str as markup
            cells = (printable(s.name, newlines=False), str(s.mentions), str(s.first or ""),
                     str(s.last or ""), report.spark(s), report.mood(s),
                     printable(report.themes(s, 2), newlines=False))
            table.add_row(*(Text(c) for c in cells), key=s.key)
        if picked is not None and picked in {s.key for s in self.shown}:
            table.move_cursor(row=table.get_row_index(picked))
        table.display = bool(self.shown)
        empty = self.query_one("#people-empty", Static)
        empty.display = not self.shown
        empty.update(MSG("no_match" if self.read.people else "nobody", lang))

    def picked(self) -> str | None:
        """The key of the person under the cursor."""
        if not self.shown:
            return None
        table = self.query_one(DataTable)
        return self.shown[min(table.cursor_row, len(self.shown) - 1)].key

    def _picked_stats(self) -> PersonStats | None:
        key = self.picked()
        return next((s for s in self.shown if s.key == key), None)

    def action_search(self) -> None:
        self.query_one("#people-search", Input).focus()

    @on(Input.Submitted, "#people-search")
    def _to_table(self) -> None:
        self.query_one(DataTable).focus()

    @on(DataTable.RowSelected)
    def _open(self) -> None:
        stats = self._picked_stats()
        if stats is not None:
            self.app.push_screen(PersonScreen(stats.name))

    def action_edit(self) -> None:
        stats = self._picked_stats()
        if stats is not None and self.read is not None:
            edit_person(self, self.read, stats)

    def on_people_screen_saved(self, message: Saved) -> None:
        self.notify(MSG("saved", self.lang, name=printable(message.person.name,
                                                          newlines=False)), markup=False)
        self.load()

    def on_people_screen_save_failed(self, message: SaveFailed) -> None:
        self.notify(MSG("save.error", self.lang, error=message.error), severity="error",
                    markup=False, timeout=10)
        self.load()  # what the disk holds now


def edit_person(screen: AppScreen, read: PeopleRead, stats: PersonStats) -> None:
    """Open the form for ``stats``' record and write ``people.toml`` with the result
    (posting ``PeopleScreen.Saved``/``SaveFailed`` to ``screen``); refused, with the
    place it breaks, while ``people.toml`` cannot be read."""
    lang = screen.host.lang
    if read.problems:
        screen.notify(MSG("broken", lang, problem=read.problems[0]), severity="error",
                      markup=False, timeout=10)
        return
    directory: Directory = read.directory

    def done(person: Person | None) -> None:
        if person is None:
            return
        replacing = stats.person.name if stats.person is not None else None
        updated = directory.with_person(person, replacing=replacing)
        post_when_done(screen, screen.host.service.save_people(updated),
                       lambda _: PeopleScreen.Saved(person), PeopleScreen.SaveFailed)

    screen.app.push_screen(PersonDialog(lang, directory, stats.name, stats.person), done)


class PersonScreen(AppScreen):
    """One person: their record (aliases, note), figures and entries; Escape goes back."""

    CSS_PATH = "person.tcss"
    HELP_TITLE = "help.person"
    BINDINGS = [
        Binding("escape", "back", "b.back", id="person_back"),
        Binding("ctrl+e", "edit", "b.edit", id="person_edit"),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.person_name = name
        self.read: PeopleRead | None = None

    def compose(self) -> ComposeResult:
        yield TitleHeader()
        with VerticalScroll(id="person-body"):
            yield Static(id="person-title", markup=False)
            yield Static(id="person-about")
            yield Label(MSG("entries", self.lang), classes="heading")
            yield ListView(id="person-entries")
            yield Static(MSG("no_entries", self.lang), id="person-no-entries")
        yield KeyFooter()

    def on_mount(self) -> None:
        localize_bindings(self, self.lang, MSG)
        self.query_one("#person-title", Static).update(printable(self.person_name,
                                                                 newlines=False))
        self.query_one("#person-no-entries").display = False
        self.query_one(ListView).focus()

    def on_screen_resume(self) -> None:
        self.call_once_after_refresh(self.load)

    @work(thread=True, exclusive=True, group="person-load")
    def load(self) -> None:
        try:
            read = self.service.people(self.ctx.prompts, self.person_name)
        except Stopped:  # left, or quitting: what was scored is kept
            return
        except (OSError, ValueError) as exc:
            self.post_message(PeopleScreen.Failed(SHARED("screen.load_error", self.lang,
                                                         error=exc)))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(PeopleScreen.Loaded(read))

    def on_people_screen_failed(self, message: PeopleScreen.Failed) -> None:
        self.notify(message.text, severity="error", markup=False)

    def on_people_screen_loaded(self, message: PeopleScreen.Loaded) -> None:
        self.read = message.read
        stats = message.read.people[0] if message.read.people else None
        if stats is None:
            return
        self.person_name = stats.name
        self.query_one("#person-title", Static).update(printable(stats.name, newlines=False))
        self.query_one("#person-about", Static).update(self._about(stats))
        view = self.query_one(ListView)
        index = view.index
        view.clear()
        view.extend(EntryItem(e, self.lang) for e in stats.entries)
        if stats.entries:
            view.index = min(index or 0, len(stats.entries) - 1)
        view.display = bool(stats.entries)
        self.query_one("#person-no-entries").display = not stats.entries

    def _about(self, stats: PersonStats) -> Content:
        lang = self.lang
        report = Report(lang, self.ctx.prompts, last_weeks(self.ctx.today, SPARK_WEEKS), None)
        lines = []
        if stats.person is not None and stats.person.aliases:
            lines.append(self._line(MSG("aliases", lang), ", ".join(stats.person.aliases)))
        if stats.person is not None and stats.person.note:
            lines.append(self._line(MSG("note", lang), stats.person.note))
        if stats.entries:
            lines.append(self._line(MSG("col.entries", lang),
                                    f"{stats.mentions} · {stats.first} → {stats.last}"))
            lines.append(self._line(MSG("col.weeks", lang, n=SPARK_WEEKS), report.spark(stats)))
            lines.append(self._line(MSG("col.mood", lang), report.mood(stats)))
            themes = report.themes(stats, None)
            if themes:
                lines.append(self._line(MSG("col.themes", lang), themes))
        return Content("\n").join(lines)

    def _line(self, label: str, text: str) -> Content:
        return Content.assemble((label + colon(self.lang), "bold"),
                                printable(text, newlines=False))

    @on(ListView.Selected, "#person-entries")
    def _open_entry(self, event: ListView.Selected) -> None:
        if isinstance(event.item, EntryItem):
            from journal_tui.tui.screens.entry import EntryScreen

            self.app.push_screen(EntryScreen(event.item.entry))

    def action_back(self) -> None:
        self.dismiss()

    def action_edit(self) -> None:
        if self.read is not None and self.read.people:
            edit_person(self, self.read, self.read.people[0])

    def on_people_screen_saved(self, message: PeopleScreen.Saved) -> None:
        self.notify(MSG("saved", self.lang, name=printable(message.person.name,
                                                          newlines=False)), markup=False)
        self.person_name = message.person.name
        self.load()

    def on_people_screen_save_failed(self, message: PeopleScreen.SaveFailed) -> None:
        self.notify(MSG("save.error", self.lang, error=message.error), severity="error",
                    markup=False, timeout=10)
        self.load()


__all__ = ["PeopleScreen", "PersonScreen", "edit_person", "matches"]
