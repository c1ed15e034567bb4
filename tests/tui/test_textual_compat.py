"""Textual's private parts the app relies on (tui/textual_compat.py), pinned against the
installed Textual: after an upgrade, a failure here names what moved."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer, Static

from journal_tui.tui import textual_compat as compat


class Other(Screen[None]):
    BINDINGS = [Binding("x", "noop", "desc.key", id="x")]

    def compose(self) -> ComposeResult:
        yield Static("other")
        yield Footer()


class Modes(App[None]):
    MODES = {"main": lambda: Screen(), "other": Other}
    DEFAULT_MODE = "main"


async def test_modes_set_up_without_showing_them() -> None:
    app = Modes()
    async with app.run_test() as pilot:
        assert compat.mode_is_set_up(app, "main")
        assert not compat.mode_is_set_up(app, "other")
        await compat.set_up_mode(app, "other")
        await pilot.pause()
        assert compat.mode_is_set_up(app, "other") and app.current_mode == "main"
        [built] = compat.mode_stack(app, "other")
        assert isinstance(built, Other) and compat.mode_stack(app, "none") == []
        await app.switch_mode("other")
        screen = app.screen
        assert isinstance(screen, Other)
        compat.mark_styled(app, screen)  # the attribute Textual compares exists
        assert screen._css_update_count == app._css_update_count
        assert compat.styled_with_current_css(app, screen)
        app._invalidate_css()  # what a theme change does: the screen's styles are stale
        assert not compat.styled_with_current_css(app, screen)
        await pilot.pause()
        footer = screen.query_one(Footer)
        await pilot.pause()
        assert "_bindings_ready" in dir(Footer)  # else the check below always says yes
        assert compat.footer_bindings_ready(footer)
        table = compat.binding_table(screen)
        assert [b.description for b in table["x"]] == ["desc.key"]
        app.notify("hello")
        await pilot.pause()
        assert [n.message for n in compat.notifications(app)] == ["hello"]


def test_markdown_language_is_known_to_tree_sitter() -> None:
    assert compat.markdown_language() == "markdown"  # tree-sitter-markdown is a dependency


def test_no_break_spaces_never_break_a_line() -> None:
    """French "Thème : …": Rich and Textual wrap at any ``\\s`` until taught otherwise."""
    from rich.console import Console
    from rich.text import Text
    from textual._wrap import compute_wrap_offsets
    from textual.content import Content

    text = "Bonjour chemin\u00a0: mentions"
    compat.keep_no_break_spaces()
    assert [str(line) for line in Content(text).wrap(15)] == [
        "Bonjour", "chemin\u00a0:", "mentions"]
    assert compute_wrap_offsets(text, 15, 4) == [8, 17]
    console = Console(width=15, record=True)
    console.print(Text(text))
    lines = [line.rstrip() for line in console.export_text().splitlines()]
    assert lines == ["Bonjour", "chemin\u00a0:", "mentions"]


async def test_a_virtual_size_set_without_a_layout() -> None:
    """The view scrolls over its new height and shows its scrollbar, and the screen
    is not laid out again for it (the private ``_scroll_update`` is still there)."""
    from textual.geometry import Size
    from textual.scroll_view import ScrollView

    class View(ScrollView):
        DEFAULT_CSS = "View { height: 1fr; }"

    class One(App[None]):
        def compose(self) -> ComposeResult:
            yield View()

    app = One()
    async with app.run_test(size=(40, 10)) as pilot:
        view = app.query_one(View)
        await pilot.pause()
        layouts: list[bool] = []
        refresh_layout = app.screen._refresh_layout

        def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
            layouts.append(True)
            return refresh_layout(*args, **kwargs)

        app.screen._refresh_layout = spy  # type: ignore[method-assign]
        compat.set_virtual_size(view, Size(0, 100))
        assert view.virtual_size == Size(0, 100) and view.show_vertical_scrollbar
        assert view.max_scroll_y == 100 - view.scrollable_content_region.height
        await pilot.pause()
        layouts.clear()  # the scrollbar appeared: the view was laid out for it
        compat.set_virtual_size(view, Size(0, 200))
        await pilot.pause()
        assert view.max_scroll_y == 200 - view.scrollable_content_region.height
        assert layouts == []


def test_a_field_marked_compact_is_as_textual_makes_a_compact_one() -> None:
    from textual.widgets import Input, Select

    for made, textuals in ((Input(), Input(compact=True)),
                           (Select([("a", "a")]), Select([("a", "a")], compact=True))):
        assert not made.compact and made.classes != textuals.classes
        compat.mark_compact(made)
        assert made.compact and made.classes == textuals.classes
