"""The footer: the screen's own keys first, then the way to every other key; never cut.

What a footer shows, in this order, as far as the width allows (80 columns in
either language must hold the first two on every screen; ``tests/tui/test_footers.py``):

1. the keys of the screen (and of the focused widget) that have ``show=True``;
2. ``f1 Help``: Help lists every key of every screen (``tui/keys.py``);
3. the keys of the other screens, named ("f3 Journal"), else only as keys
   under one word ("f3 f4 f5 Screens"), else left out; and the command palette's
   key, when everything else fits.

A key is never cut in half: what does not fit is left out whole (and is in
Help and the palette). Textual's ``Footer`` draws everything and lets the
terminal's edge cut the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from journal_tui.tui.host import host_of
from journal_tui.tui.strings import MSG
from journal_tui.tui.textual_compat import FooterKey, FooterLabel, footer_bindings_ready

if TYPE_CHECKING:
    from textual import events

MODE_ACTION = re.compile(r"switch_mode\('(\w+)'\)")
"""The action of a key that shows a screen (a mode); group 1 is the mode's name."""



@dataclass(frozen=True)
class Key:
    """One key as the footer may show it."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool = True
    tooltip: str = ""

    @property
    def width(self) -> int:
        """Cells it takes, with the space after it (compact footer)."""
        text = f"{self.display} {self.description}" if self.description else self.display
        return cell_len(text) + 1


@dataclass(frozen=True)
class Layout:
    """What the footer shows: keys, then (optionally) a word after the screen keys."""

    keys: tuple[Key, ...]
    screens: tuple[Key, ...] = ()
    screens_label: str = ""

    @property
    def width(self) -> int:
        label = cell_len(self.screens_label) + 1 if self.screens_label else 0
        return sum(k.width for k in self.keys) + sum(k.width for k in self.screens) + label - 1


def layouts(local: list[Key], help_key: list[Key], modes: list[Key], palette: list[Key],
            screens_label: str) -> Iterator[Layout]:
    """The footers to try, fullest first; the last always fits (the screen's keys cut
    from the end, if need be, before ``f1 Help``)."""
    yield Layout((*local, *help_key, *modes, *palette))
    yield Layout((*local, *help_key, *modes))
    if modes:
        bare = tuple(Key(k.key, k.display, "", k.action, k.enabled, k.description)
                     for k in modes)
        yield Layout((*local, *help_key), bare, screens_label)
    for n in range(len(local), -1, -1):
        yield Layout((*local[:n], *help_key))


def choose(width: int, options: Iterator[Layout]) -> Layout:
    """The first layout that fits in ``width`` cells (else the last, the smallest)."""
    last = Layout(())
    for last in options:
        if last.width <= width:
            return last
    return last


class KeyFooter(Footer):
    """The footer of every screen: a compact one, laid out to fit (see the module).

    It is rebuilt only when what it shows changes: Textual's rebuilds on every
    "bindings updated" signal, which fires on each focus change and several times
    while a screen starts, mostly with the very same keys, and each rebuild
    restyles every key (~0.5 ms each; about 15 ms when the Journal screen opens).
    """

    DEFAULT_CSS = """
    KeyFooter FooterKey.-screen { margin-right: 1; }
    KeyFooter FooterLabel { margin: 0 1 0 0; }
    """

    _drawn: Layout | None = None
    _rebuilding = False  # a rebuild is on its way (it reads the keys as they are then)

    def __init__(self, *children: Widget, name: str | None = None, id: str | None = None,
                 classes: str | None = None, disabled: bool = False,
                 show_command_palette: bool = False, compact: bool = True) -> None:
        # The palette's key is one of the footer's own (last, when there is room).
        super().__init__(*children, name=name, id=id, classes=classes, disabled=disabled,
                         show_command_palette=False, compact=True)

    # ------------------------------------------------------------------ layout

    def _keys(self) -> tuple[list[Key], list[Key], list[Key], list[Key]]:
        """The screen's keys, f1, the other screens' keys, the palette's key."""
        app = self.app
        local: list[Key] = []
        help_key: list[Key] = []
        modes: list[Key] = []
        seen: set[str] = set()
        current = app.current_mode
        for node, binding, enabled, tooltip in self.screen.active_bindings.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)  # one key per action, as Textual's footer does
            key = Key(binding.key, app.get_key_display(binding), binding.description,
                      binding.action, enabled, tooltip)
            if node is not app:
                local.append(key)
            elif binding.action == "help":
                help_key.append(key)
            else:
                mode = MODE_ACTION.fullmatch(binding.action)
                if mode is None or mode.group(1) != current:  # no key to where one is
                    modes.append(key)
        # In the order of the keys (f2 … f6): a focused widget's own binding of a key
        # (TextArea's f6) would otherwise put the app's key where the widget's came.
        modes.sort(key=lambda k: k.key)
        palette = [Key(app.COMMAND_PALETTE_BINDING,
                       app.get_key_display(Binding(app.COMMAND_PALETTE_BINDING, "")),
                       MSG("b.palette", self._lang()), "app.command_palette")]
        return local, help_key, modes, palette if app.ENABLE_COMMAND_PALETTE else []

    def _lang(self) -> str:
        return host_of(self).lang

    def _layout(self) -> Layout:
        width = self.size.width or self.app.size.width
        local, help_key, modes, palette = self._keys()
        return choose(width, layouts(local, help_key, modes, palette,
                                     MSG("footer.screens", self._lang())))

    def compose(self) -> ComposeResult:
        self._rebuilding = False
        if not footer_bindings_ready(self):
            self._drawn = None
            return
        self._drawn = layout = self._layout()
        for key in layout.keys:
            yield self._footer_key(key)
        for key in layout.screens:
            yield self._footer_key(key, "-screen")
        if layout.screens_label:
            yield FooterLabel(layout.screens_label)

    def _footer_key(self, key: Key, classes: str = "") -> FooterKey:
        # Born with the class its ``compact`` watcher adds on mount: added then, it
        # restyled each key (~30 ms for a screen's footer at 100,000 entries' load).
        return FooterKey(key.key, key.display, key.description, key.action,
                         disabled=not key.enabled, tooltip=key.tooltip,
                         classes=f"{classes} -compact").data_bind(compact=Footer.compact)

    # ----------------------------------------------------------------- updates

    def _keys_drawn(self, screen: Screen[object] | None = None) -> bool:
        """Whether the keys on show are those the bindings give now (for ``screen``,
        when it is this footer's)."""
        return (self._drawn is not None and self.is_attached
                and (screen is None or screen is self.screen)
                and self._layout() == self._drawn)

    def bindings_changed(self, screen: Screen[object]) -> None:
        if self._keys_drawn(screen):
            return
        if self._rebuilding and screen is self.screen:
            return  # the rebuild on its way shows these keys too (a new screen's
            # bindings change several times before it is drawn: one rebuild each)
        super().bindings_changed(screen)
        self._rebuilding = (self.is_attached and screen is self.screen
                            and screen.app.app_focus)

    def on_resize(self, event: events.Resize) -> None:
        if self._drawn is not None and self._layout() != self._drawn:
            self.call_after_refresh(self.recompose)

    async def recompose(self) -> None:
        """Rebuilt unless the keys are those drawn: signals that come before a queued
        rebuild has run each queue one more (two more with the same keys, ~50 ms, as
        the Review screen's week arrived at 100,000 entries)."""
        if self._keys_drawn():
            return
        await super().recompose()
