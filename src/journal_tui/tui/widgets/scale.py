"""Small keyboard-driven scales: the mood (1–5) and a self-rating between two poles.

Both are one line tall and focusable: left/right move, number keys pick a mood,
0 or backspace clears. They post ``Scale.Changed`` only when the user moves
them, so loading an entry does not look like an edit.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from journal_tui.tui.host import host_of
from journal_tui.tui.strings import localize_bindings


class Scale(Widget, can_focus=True):
    """An integer from ``minimum`` to ``maximum``, or ``None`` (not set)."""

    DEFAULT_CSS = """
    Scale {
        height: 1;
        width: auto;
        padding: 0 1;
    }
    Scale:focus {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    """

    HELP_TITLE = "help.scales"
    BINDINGS = [
        Binding("left", "move(-1)", "b.less", show=False),
        Binding("right", "move(1)", "b.more", show=False),
        Binding("0,backspace,delete", "clear", "b.clear", show=False),
    ]

    minimum = -2
    maximum = 2
    start = 0  # the middle: an unset scale moves from here

    value: reactive[int | None] = reactive(None, layout=True)

    class Changed(Message):
        """The user moved the scale. (A plain class: a dataclass costs ~0.2 ms to
        create, and this module loads before the first frame.)"""

        def __init__(self, scale: Scale, value: int | None) -> None:
            super().__init__()
            self.scale, self.value = scale, value

        @property
        def control(self) -> Scale:
            return self.scale

    def __init__(self, label: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label

    def on_mount(self) -> None:
        localize_bindings(self, host_of(self).lang)

    def set_value(self, value: int | None) -> None:
        """Set the value from code (no ``Changed`` message)."""
        if value is not None:
            value = max(self.minimum, min(self.maximum, value))
        self.value = value

    def _user_set(self, value: int | None) -> None:
        if value is not None:
            value = max(self.minimum, min(self.maximum, value))
        if value != self.value:
            self.set_value(value)
            self.post_message(self.Changed(self, self.value))

    def action_move(self, step: int) -> None:
        """Move one step; an unset scale starts from its middle."""
        self._user_set((self.start if self.value is None else self.value) + step)

    def action_clear(self) -> None:
        self._user_set(None)


class MoodScale(Scale):
    """Mood from 1 (low) to 5 (high); number keys 1–5 pick directly."""

    BINDINGS = [
        Binding("1", "pick(1)", "b.mood_pick", show=False),
        Binding("2", "pick(2)", "b.mood_pick", show=False),
        Binding("3", "pick(3)", "b.mood_pick", show=False),
        Binding("4", "pick(4)", "b.mood_pick", show=False),
        Binding("5", "pick(5)", "b.mood_pick", show=False),
    ]
    minimum = 1
    maximum = 5
    start = 3

    def action_pick(self, value: int) -> None:
        self._user_set(value)

    def render(self) -> Text:
        text = Text(f"{self.label} ")
        for n in range(1, 6):
            if self.value is not None and n <= self.value:
                text.append("●", style="bold")
            else:
                text.append("○", style="dim")
            text.append(" ")
        text.append(f"{self.value}/5" if self.value is not None else "–/5")
        return text


class PoleScale(Scale):
    """A self-rating from −2 (low pole) to +2 (high pole): ``low ◀──●──▶ high``."""

    def __init__(self, low: str = "", high: str = "", *, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.low = low
        self.high = high

    def set_poles(self, low: str, high: str) -> None:
        self.low, self.high = low, high
        self.refresh(layout=True)

    def render(self) -> Text:
        text = Text(f"{self.low} ◀")
        if self.value is None:
            text.append("──·──", style="dim")
        else:
            pos = self.value + 2
            text.append("─" * pos)
            text.append("●", style="bold")
            text.append("─" * (4 - pos))
        text.append(f"▶ {self.high}")
        if self.value is not None:
            text.append(f"  {self.value:+d}", style="bold")
        return text
