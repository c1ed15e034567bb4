"""Every private part of Textual the app relies on, in one module.

Textual's private API moves between releases (``pyproject.toml`` pins 8.x); each
function here names what it needs and why, so an upgrade reviews one file.
``tests/tui/test_textual_compat.py`` pins each of them against the installed
Textual, so a change shows up as one failing test, not a screen gone wrong.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.binding import Binding
    from textual.dom import DOMNode
    from textual.notifications import Notification
    from textual.screen import Screen
    from textual.widgets import Footer


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


def binding_table(node: DOMNode) -> dict[str, list[Binding]]:
    """A node's bindings by key, to rewrite their descriptions (``localize_bindings``)."""
    return node._bindings.key_to_bindings


def footer_bindings_ready(footer: Footer) -> bool:
    """Whether Textual's ``Footer`` has its bindings yet (a flag Textual may drop:
    without it, the footer is treated as ready)."""
    return bool(getattr(footer, "_bindings_ready", True))


def markdown_language() -> str | None:
    """``"markdown"`` if tree-sitter can highlight it here, else ``None`` (plain text).

    Asked of ``textual._tree_sitter``, which knows whether the grammar loads.
    """
    from textual._tree_sitter import TREE_SITTER, get_language

    return "markdown" if TREE_SITTER and get_language("markdown") is not None else None


def notifications(app: App[Any]) -> list[Notification]:
    """The notifications on screen (tests read them)."""
    return list(app._notifications)


def screen_lines(screen: Screen[Any]) -> list[str]:
    """The text of every cell ``screen`` draws, line by line, as sent to the terminal
    (tests: no control sequence from a file reaches it). ``_compositor``."""
    return ["".join(segment.text for segment in strip)
            for strips in screen._compositor.render_full_update().strips
            for strip in strips]
