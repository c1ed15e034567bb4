"""Textual's footer, rebuilt only when the keys it shows change."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from journal_tui.tui.textual_compat import footer_bindings_ready

Shown = tuple[tuple[str, str, bool, bool, str], ...]


class KeyFooter(Footer):
    """The stock ``Footer``, minus its redundant rebuilds.

    Textual's footer throws away and recreates all its key widgets on every
    "bindings updated" signal, which fires on each focus change and several times
    while a screen starts, mostly with the very same keys. Each rebuild restyles
    every key (~0.5 ms each): about 15 ms when the Journal screen opens. Here a
    signal that leaves the shown keys as they are changes nothing.
    """

    _drawn: Shown | None = None

    def _shown(self) -> Shown:
        return tuple(
            (binding.key, binding.description, binding.show, enabled, tooltip)
            for (_node, binding, enabled, tooltip) in self.screen.active_bindings.values()
        )

    def compose(self) -> ComposeResult:
        self._drawn = self._shown() if footer_bindings_ready(self) else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        if (self._drawn is not None and self.is_attached and screen is self.screen
                and self._shown() == self._drawn):
            return
        super().bindings_changed(screen)
