"""Read one entry, rendered as Markdown; edit it in the Today editor or delete it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Markdown, Static

from journal_tui.core.i18n import long_date
from journal_tui.core.model import Entry
from journal_tui.core.storage import NotFound
from journal_tui.core.text import first_line
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.strings import MSG, localize_bindings
from journal_tui.tui.widgets.dialogs import ConfirmDialog
from journal_tui.tui.widgets.footer import KeyFooter


class EntryScreen(AppScreen):
    CSS_PATH = "entry.tcss"
    AUTO_FOCUS = "#reader"

    BINDINGS = [
        Binding("escape", "back", "b.back", id="back", show=False),
        Binding("e", "edit", "b.edit", id="edit"),
        Binding("d", "delete", "b.delete", id="delete"),
    ]

    def __init__(self, entry: Entry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        localize_bindings(self, self.lang)
        yield Header()
        with VerticalScroll(id="reader"):
            yield Static(self._meta(), id="meta-info")
            yield Markdown(self.entry.body, id="entry-body")
        yield KeyFooter(compact=True, show_command_palette=False)

    def _meta(self) -> Text:
        e, lang = self.entry, self.lang
        book = self.app.ctx.prompts  # type: ignore[attr-defined]
        out = Text()
        out.append(long_date(e.date, lang), style="bold")
        out.append(f"  {e.created:%H:%M}", style="dim")
        if e.kind == "review":
            out.append("  " + MSG("entry.review", lang, week=e.week or ""), style="bold")
        if e.prompt:
            out.append("\n")
            out.append(e.prompt, style="italic")
        details: list[tuple[str, str]] = []
        if e.mood is not None:
            details.append(("", MSG("entry.mood", lang, n=e.mood)))
        if e.tags:
            details.append((MSG("entry.tags", lang), " ".join(f"#{t}" for t in e.tags)))
        if e.people:
            details.append((MSG("entry.people", lang), " ".join(f"@{p}" for p in e.people)))
        for theme_id, value in e.checkin.items():
            try:
                theme = book.theme(theme_id)
                label = f"{theme.pole('low', lang)} ◀ {value:+d} ▶ {theme.pole('high', lang)}"
            except (KeyError, LookupError, TypeError):
                label = f"{theme_id} {value:+d}"
            details.append((MSG("entry.rating", lang), label))
        for name, value in details:
            out.append("\n")
            if name:
                out.append(MSG("label", lang, name=name), style="dim")
            out.append(value)
        return out

    def action_back(self) -> None:
        self.dismiss()

    async def action_edit(self) -> None:
        entry = self.entry
        self.dismiss()
        await self.app.edit_entry(entry)  # type: ignore[attr-defined]

    def action_delete(self) -> None:
        e = self.entry
        question = MSG("delete.question", self.lang, day=long_date(e.date, self.lang),
                       title=first_line(e.body, 40) or "…")

        def answer(yes: bool | None) -> None:
            if yes:
                self._delete()

        self.app.push_screen(ConfirmDialog(question, MSG("delete.yes", self.lang),
                                           MSG("delete.no", self.lang),
                                           title=MSG("delete.title", self.lang)), answer)

    def _delete(self) -> None:
        app = self.app
        try:
            with app.journal_lock:  # type: ignore[attr-defined]
                app.ctx.journal.delete(self.entry.id)  # type: ignore[attr-defined]
        except (NotFound, OSError) as exc:
            self.notify(MSG("delete.error", self.lang, error=exc), severity="error",
                        markup=False)
            return
        app.last_deleted = self.entry.id  # type: ignore[attr-defined]
        self.dismiss()
        app.notify(MSG("delete.done", self.lang), timeout=8)
