"""Every private part of Textual the app relies on, in one module.

Textual's private API moves between releases (``pyproject.toml`` pins 8.x); each
function here names what it needs and why, so an upgrade reviews one file.
``tests/tui/test_textual_compat.py`` pins each of them against the installed
Textual, so a change shows up as one failing test, not a screen gone wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import Binding
    from textual.command import CommandPalette
    from textual.dom import DOMNode
    from textual.geometry import Size
    from textual.notifications import Notification
    from textual.screen import Screen
    from textual.scroll_view import ScrollView
    from textual.widgets import Footer, Header, Input, Select, Static


def start_with_theme(app: App[Any], name: str) -> None:
    """Give ``app`` the colour theme ``name`` in its ``__init__``, before any CSS is
    parsed, without Textual's theme watcher: set then, the watcher re-parses the
    whole stylesheet once the app runs and restyles the app (~25 ms at start, for
    anyone who ever picked a theme). What that watcher does, done here as the app
    starts: the theme's classes, the ANSI colour filter and the CSS variables (the
    stylesheet holds no rules yet: setting them parses nothing)."""
    from textual.app import App

    app.set_reactive(App.theme, name)
    theme = app.current_theme
    app.set_class(theme.dark, "-dark-mode", update=False)
    app.set_class(not theme.dark, "-light-mode", update=False)
    app.set_class(True, f"-theme-{theme.name}", update=False)
    app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())


def mode_is_set_up(app: App[Any], mode: str) -> bool:
    """Whether ``mode``'s screen exists yet (built ahead, or shown once)."""
    return mode in app._screen_stacks


def mode_stack(app: App[Any], mode: str) -> list[Screen[Any]]:
    """The screens of ``mode`` (empty: not set up yet)."""
    return list(app._screen_stacks.get(mode, ()))


async def set_up_mode(app: App[Any], mode: str) -> None:
    """Build and mount ``mode``'s screen without showing it.

    Textual has no public call for this; ``_init_mode`` is what ``switch_mode``
    runs on a mode's first use.
    """
    await app._init_mode(mode)


def mark_styled(app: App[Any], screen: Screen[Any]) -> None:
    """Tell Textual that ``screen`` is styled with the app's current CSS, so setting
    its mode up does not re-parse and restyle everything (see ``JournalApp._styled_now``).
    """
    screen._css_update_count = app._css_update_count


def styled_with_current_css(app: App[Any], screen: Screen[Any]) -> bool:
    """Whether ``screen``'s widgets were styled with the app's current CSS (no theme or
    stylesheet change since): its ScreenResume then has nothing to restyle."""
    return screen._css_update_count == app._css_update_count


def binding_table(node: DOMNode) -> dict[str, list[Binding]]:
    """A node's bindings by key, to rewrite their descriptions (``localize_bindings``)."""
    return node._bindings.key_to_bindings


def header_title(header: Header) -> Static | None:
    """The header's title widget (``HeaderTitle``, not exported), or ``None`` once it
    is removed: ``TitleHeader`` updates it only while it is there."""
    from textual.css.query import NoMatches
    from textual.widgets._header import HeaderTitle

    try:
        return header.query_one(HeaderTitle)
    except NoMatches:
        return None


def footer_bindings_ready(footer: Footer) -> bool:
    """Whether Textual's ``Footer`` has its bindings yet (a flag Textual may drop:
    without it, the footer is treated as ready)."""
    return bool(getattr(footer, "_bindings_ready", True))


def mark_compact(field: Input | Select[Any]) -> None:
    """Make ``field`` (built with ``compact=False``) compact before it mounts: its
    ``compact`` reactive set without its watcher, whose ``toggle_class`` restyles the
    unmounted field, and the class that watcher adds (Textual's own name for it)."""
    field.set_reactive(type(field).compact, True)
    field.add_class("-textual-compact", update=False)


def mark_footer_bindings_ready(footer: Footer) -> None:
    """Tell Textual's ``Footer`` it has its bindings (what its own ``bindings_changed``
    does first): ``KeyFooter`` replaces that method and draws nothing until then."""
    footer._bindings_ready = True


def markdown_language() -> str | None:
    """``"markdown"`` if tree-sitter can highlight it here, else ``None`` (plain text).

    Asked of ``textual._tree_sitter``, which knows whether the grammar loads.
    """
    from textual._tree_sitter import TREE_SITTER, get_language

    return "markdown" if TREE_SITTER and get_language("markdown") is not None else None


def keep_no_break_spaces() -> None:
    """Wrap text without breaking at a no-break space, in Textual and in Rich.

    French text puts one before ``: ; ? !`` and inside ``« »``; both libraries split
    words on ``\\s``, which matches it, so the mark could start a line. Textual's
    ``_wrap.re_chunk`` (``Content``, ``TextArea``) and Rich's ``_wrap.re_word``
    (``Text``) are the regular expressions that decide.
    """
    import re

    from textual import _wrap

    from journal_tui.rich_compat import BREAKING, UNBROKEN
    from journal_tui.rich_compat import keep_no_break_spaces as keep_in_rich

    keep_in_rich()
    _wrap.re_chunk = re.compile(rf"{UNBROKEN}+{BREAKING}*|{BREAKING}+")


def notifications(app: App[Any]) -> list[Notification]:
    """The notifications on screen (tests read them)."""
    return list(app._notifications)


def command_palette(no_matches: str, **kwargs: Any) -> CommandPalette:
    """Textual's command palette, saying ``no_matches`` (in the person's language)
    where Textual writes "No matches found". Textual has no setting for that text: it
    is built inside the private ``_start_no_matches_countdown``, rewritten here."""
    return _palette_class()(no_matches, **kwargs)


@cache
def _palette_class() -> Callable[..., CommandPalette]:
    # Built on first use: textual.command is imported only once the palette opens.
    from rich.align import Align
    from rich.text import Text
    from textual.command import CommandList, CommandPalette
    from textual.widgets.option_list import Option

    class LocalPalette(CommandPalette):
        def __init__(self, no_matches: str, **kwargs: Any) -> None:
            super().__init__(**kwargs)
            self.no_matches = no_matches

        def _start_no_matches_countdown(self, search_value: str) -> None:
            self._stop_no_matches_countdown()

            def show() -> None:
                if search_value:
                    self.query_one(CommandList).add_option(Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True, id=self._NO_MATCHES))
                    self._list_visible = True
                else:  # discovery: an empty list says nothing
                    self._list_visible = False

            self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)

    return LocalPalette


def screen_lines(screen: Screen[Any]) -> list[str]:
    """The text of every cell ``screen`` draws, line by line, as sent to the terminal
    (tests: no control sequence from a file reaches it). ``_compositor``."""
    return ["".join(segment.text for segment in strip)
            for strips in screen._compositor.render_full_update().strips
            for strip in strips]


def set_virtual_size(view: ScrollView, size: Size) -> None:
    """Set a Line API widget's virtual size without laying the screen out again.

    ``virtual_size`` is a reactive with ``layout=True``: each change re-arranged the
    whole screen, though a view sized by its CSS (``1fr``) keeps its place whatever
    its content's height; the Journal list changes it on every keystroke's results.
    The scrollbars are updated as Textual's ``_size_updated`` does (a scrollbar
    appearing still lays the view out). ``Widget._scroll_update``."""
    from textual.widget import Widget

    view.set_reactive(Widget.virtual_size, size)
    view._scroll_update(size)
    view.refresh()
