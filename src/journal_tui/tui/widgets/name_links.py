"""A line of names that open something: the weekly review's "People: @Marie 2 · @Paul 1".

Focusable: ← → pick a name, Enter opens it; a click on a name opens it too. Names
come from entries, so they are text: shown through ``printable`` and passed to the
markup as template variables, never as markup or an action (an action names a
name by its position only).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from journal_tui.core.i18n import Catalog
from journal_tui.core.printable import printable

MSG = Catalog({
    "help": ("Review · the week's people (Tab to them)",
             "Bilan · les personnes de la semaine (Tab)"),
    "b.pick": ("Previous or next name", "Nom précédent ou suivant"),
    "b.open": ("Open the person's page", "Ouvrir la fiche de la personne"),
})


class NameLinks(Widget, can_focus=True):
    """``label: @name n · @name n``, each name a link."""

    DEFAULT_CSS = """
    NameLinks {
        height: auto;
        width: 1fr;
    }
    NameLinks:focus {
        background: $boost;
    }
    """

    HELP_TITLE = "help"  # Help's section (``tui/keys.py``), after the Review screen's
    BINDINGS = [
        Binding("left", "pick(-1)", "b.pick", show=False),
        Binding("right", "pick(1)", "b.pick", show=False),
        Binding("enter", "open", "b.open", show=False),
    ]

    picked: reactive[int] = reactive(0)

    class Opened(Message):
        """A name was chosen (Enter or a click)."""

        def __init__(self, links: NameLinks, name: str) -> None:
            super().__init__()
            self.links, self.name = links, name

        @property
        def control(self) -> NameLinks:
            return self.links

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.label = Content("")
        self.names: list[tuple[str, int]] = []
        self.mark = "@"
        self.empty = ""

    def show(self, label: Content, counts: dict[str, int], *, mark: str = "@",
             empty: str = "") -> None:
        """``counts``: name → number, in the order shown; ``empty``: said when none."""
        self.label, self.mark, self.empty = label, mark, empty
        self.names = list(counts.items())
        self.picked = min(self.picked, max(0, len(self.names) - 1))
        self.can_focus = bool(self.names)
        self.refresh(layout=True)

    def render(self) -> Content:
        if not self.names:
            return self.label + Content.styled(self.empty, "$text-muted")
        parts = []
        for i, (name, n) in enumerate(self.names):
            style = "reverse" if self.has_focus and i == self.picked else "underline"
            parts.append(Content.from_markup(f"[@click=open({i})][{style}]$name[/][/] $n",
                                             name=self.mark + printable(name, newlines=False),
                                             n=str(n)))
        return self.label + Content(" · ").join(parts)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def action_pick(self, step: int) -> None:
        if self.names:
            self.picked = (self.picked + step) % len(self.names)

    def action_open(self, index: int | None = None) -> None:
        if index is not None:
            self.picked = index
        if 0 <= self.picked < len(self.names):
            self.post_message(self.Opened(self, self.names[self.picked][0]))
