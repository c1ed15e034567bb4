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
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding
from textual.color import Color
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Footer

from journal_tui.tui.host import host_of
from journal_tui.tui.strings import MSG
from journal_tui.tui.textual_compat import footer_bindings_ready, mark_footer_bindings_ready

if TYPE_CHECKING:
    from textual import events
    from textual.css.styles import StylesBase

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


@dataclass(frozen=True)
class Placed:
    """A key as drawn: its cells are ``x`` to ``x + length`` (the space after excluded)."""

    key: Key
    x: int
    length: int


def placed(layout: Layout) -> list[Placed]:
    """Where each key of ``layout`` is drawn, left to right."""
    found: list[Placed] = []
    x = 0
    for key in (*layout.keys, *layout.screens):
        found.append(Placed(key, x, key.width - 1))
        x += key.width
    return found


class KeyFooter(Footer):
    """The footer of every screen: a compact one, laid out to fit (see the module).

    One widget draws every key (Textual's footer makes a widget of each): a footer's
    nine keys were nine widgets to style, lay out and paint, and were all rebuilt
    whenever the keys changed (about a fifth of the Journal screen's first paint at
    100,000 entries). It looks as Textual's keys do, cell for cell, hover included
    (``tests/tui/test_footers.py`` compares them); a click on a key presses it.
    """

    COMPONENT_CLASSES = {
        "key-footer--item", "key-footer--hover", "key-footer--disabled",
        "key-footer--key", "key-footer--description", "key-footer--label",
    }
    # The rules of Textual's FooterKey and FooterLabel (compact), as components: a key
    # is an item (FooterKey, or FooterKey:hover) holding its key and description.
    DEFAULT_CSS = """
    KeyFooter {
        .key-footer--item { background: $footer-item-background; }
        .key-footer--hover { color: $footer-key-foreground; background: $block-hover-background; }
        .key-footer--disabled { text-style: dim; }
        .key-footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .key-footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .key-footer--label {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    _drawn: Layout | None = None  # the keys on show (None: none drawn yet)
    _hover: int | None = None  # the index of the key under the mouse

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

    def shown(self) -> list[Placed]:
        """The keys on show, where they are drawn (none before the first paint)."""
        return placed(self._drawn) if self._drawn is not None else []

    def compose(self) -> ComposeResult:
        return iter(())  # no child: the keys are drawn by ``render_line``

    # ----------------------------------------------------------------- drawing

    def render_line(self, y: int) -> Strip:
        """The keys the bindings give now, each styled as Textual's ``FooterKey``."""
        width = self.size.width
        blank = Style.from_color(bgcolor=self.rich_style.bgcolor)
        if y or not self.is_attached or not footer_bindings_ready(self):
            return Strip.blank(width, blank)
        layout = self._drawn = self._layout()
        # The footer's own styles and its ancestors', once for every key's styles.
        under = [node.styles for node in reversed(self.ancestors_with_self)]
        segments: list[Segment] = []
        for index, at in enumerate(placed(layout)):
            key = at.key
            item = self._item_layers(index, key)
            segments.append(Segment(key.display, self._style(under, *item, "key-footer--key")))
            if key.description:
                segments.append(Segment(f" {key.description}",
                                        self._style(under, *item, "key-footer--description")))
            segments.append(Segment(" ", blank))
        if layout.screens_label:
            segments.append(Segment(layout.screens_label,
                                    self._style(under, "key-footer--label")))
        return Strip(segments).adjust_cell_length(width, blank)

    def _item_layers(self, index: int, key: Key) -> tuple[str, ...]:
        """The components that style a key's item: hovered, disabled."""
        layers: tuple[str, ...] = ("key-footer--item",)
        if index == self._hover:
            layers += ("key-footer--hover",)
        if not key.enabled:
            layers += ("key-footer--disabled",)
        return layers

    def _style(self, under: Sequence[StylesBase], *names: str) -> Style:
        """The style Textual gives a node under this footer (``under``: the footer's
        styles and its ancestors', the root's first) styled by the components
        ``names``, each one inside the one before (``DOMNode.rich_style``'s walk)."""
        return layered_style([*under, *(self.get_component_styles(name) for name in names)])

    # ------------------------------------------------------------------- mouse

    def _key_at(self, x: int) -> int | None:
        for index, at in enumerate(self.shown()):
            if at.x <= x < at.x + at.length:
                return index
        return None

    def _hovering(self, index: int | None) -> None:
        if index == self._hover:
            return
        self._hover = index
        shown = self.shown()
        key = shown[index].key if index is not None and index < len(shown) else None
        self.tooltip = key.tooltip or None if key is not None else None
        self.styles.pointer = "pointer" if key is not None else "default"
        self.refresh()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hovering(self._key_at(event.x))

    def on_leave(self, _: events.Leave) -> None:
        self._hovering(None)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._key_at(event.x)
        if index is None:
            return
        key = self.shown()[index].key
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    # ----------------------------------------------------------------- updates

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Redrawn when the keys it would show differ from those drawn: Textual's
        footer rebuilds its keys at every "bindings updated" signal (each focus
        change, several times as a screen starts), mostly into the very same keys."""
        mark_footer_bindings_ready(self)  # as Textual's footer does here
        if self.is_attached and screen is self.screen and (
                self._drawn is None or self._layout() != self._drawn):
            self.refresh()

    def on_resize(self, _: events.Resize) -> None:
        self.refresh()


def layered_style(layers: Sequence[StylesBase]) -> Style:
    """The Rich style of a node whose styles, and its ancestors', are ``layers`` (the
    root's first): ``DOMNode.rich_style``'s walk, with layers that are no node."""
    background = Color(0, 0, 0, 0)
    color = Color(255, 255, 255, 0)
    style = Style()
    opacity = 1.0
    for styles in layers:
        has_rule = styles.has_rule
        opacity *= styles.opacity
        if has_rule("background"):
            tinted = styles.background.tint(styles.background_tint)
            text_background = background + tinted
            background += tinted.multiply_alpha(opacity)
        else:
            text_background = background
        if has_rule("color"):
            color = styles.color
        style += styles.text_style
        if has_rule("auto_color") and styles.auto_color:
            color = text_background.get_contrast_text(color.a)
    return style + Style.from_color(
        (background + color).rich_color if (background.a or color.a) else None,
        background.rich_color if background.a else None)
