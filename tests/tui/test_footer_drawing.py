"""The footer drawn as one widget looks as Textual's footer of key widgets does,
cell for cell and style for style: at rest, with a key disabled, under the mouse
(hover), in every theme; a click on a key presses it, on a disabled key rings."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widgets import Footer

from journal_tui.tui.widgets.footer import KeyFooter

THEMES = ["textual-dark", "textual-light", "nord", "catppuccin-mocha", "ansi-dark", "ansi-light"]


class KeysScreen(Screen[None]):
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("e", "edit", "Edit", tooltip="Edit the entry"),
        Binding("d", "delete", "Delete"),  # disabled: check_action says so
        Binding("ctrl+u", "undo", "Undo"),
        Binding("x", "hidden", "Hidden", show=False),
    ]

    def __init__(self, footer: Footer) -> None:
        super().__init__()
        self.footer = footer
        self.pressed: list[str] = []

    def compose(self) -> ComposeResult:
        yield self.footer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "delete" else True

    def action_search(self) -> None:
        self.pressed.append("search")

    def action_edit(self) -> None:
        self.pressed.append("edit")


class KeysApp(App[None]):
    ENABLE_COMMAND_PALETTE = False
    lang = "en"

    def __init__(self, footer: Footer, theme: str) -> None:
        super().__init__()
        self._footer = footer
        self._theme_name = theme

    def on_mount(self) -> None:
        self.theme = self._theme_name
        self.push_screen(KeysScreen(self._footer))


def footer_line(app: App[Any]) -> Strip:
    return app.screen._compositor.render_strips()[-1]


def cells(strip: Strip) -> list[tuple[str, str]]:
    """Each cell's character and style as the terminal gets it (segments split and
    joined differently look the same; the mouse offsets Textual keeps in a style's
    ``meta`` are never drawn)."""
    return [(char, str(segment.style)) for segment in strip for char in segment.text]


async def drawn(footer: Footer, theme: str, hover: int | None = None) -> list[tuple[str, str]]:
    app = KeysApp(footer, theme)
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        await pilot.pause()
        if hover is not None:
            await pilot.hover(offset=(hover, 4))
            await pilot.pause()
            await pilot.pause()
        return cells(footer_line(app))


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("hover", [None, 0, 3, 10, 18])
async def test_the_footer_looks_as_textuals(theme: str, hover: int | None) -> None:
    """At rest, and with the mouse over "/", "e", "d" (disabled) and "^u"."""
    ours = await drawn(KeyFooter(), theme, hover)
    textuals = await drawn(Footer(compact=True, show_command_palette=False), theme, hover)
    assert "".join(c for c, _ in ours).startswith("/ Search e Edit d Delete ^u Undo ")
    assert ours == textuals


async def test_the_key_under_the_mouse_is_highlighted() -> None:
    """(The comparison above would pass with no hover at all, if neither showed it.)"""
    rest = await drawn(KeyFooter(), "textual-dark")
    hovered = await drawn(KeyFooter(), "textual-dark", 10)
    changed = [x for x, (a, b) in enumerate(zip(rest, hovered, strict=True)) if a != b]
    assert changed == list(range(9, 15))  # "e Edit", not the spaces around it


async def test_a_click_presses_the_key_and_a_disabled_key_rings() -> None:
    app = KeysApp(KeyFooter(), "textual-dark")
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, KeysScreen)
        footer = screen.query_one(KeyFooter)
        assert [(at.key.key, at.x, at.length) for at in footer.shown()] == [
            ("slash", 0, 8), ("e", 9, 6), ("d", 16, 8), ("ctrl+u", 25, 7)]
        await pilot.click(KeyFooter, offset=(10, 0))
        await pilot.click(KeyFooter, offset=(0, 0))
        await pilot.click(KeyFooter, offset=(8, 0))  # the space between two keys
        await pilot.pause()
        assert screen.pressed == ["edit", "search"]
        rang: list[bool] = []
        app.bell = lambda: rang.append(True)  # type: ignore[method-assign]
        await pilot.click(KeyFooter, offset=(17, 0))
        assert rang == [True]


async def test_the_key_under_the_mouse_says_its_tooltip() -> None:
    app = KeysApp(KeyFooter(), "textual-dark")
    async with app.run_test(size=(80, 5)) as pilot:
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        await pilot.hover(KeyFooter, offset=(10, 0))
        assert footer.tooltip == "Edit the entry"
        assert footer.styles.pointer == "pointer"
        await pilot.hover(KeyFooter, offset=(1, 0))
        assert footer.tooltip is None
        await pilot.hover(KeyFooter, offset=(60, 0))
        assert footer.styles.pointer == "default"
