"""A ``Select`` whose option list is mounted when it is first needed.

Textual's ``Select`` composes the line it shows and, hidden until opened, the
overlay listing its options (an ``OptionList``: a widget to style, with its
component classes, and its options to make). On the Journal screen that list
was built, styled and filled with the screen (~10 ms of F3 at 100,000 entries),
for nothing seen then, and most visits never open it. Here it is made with the
rest (``Select.compose``, so it is bound to the select as Textual binds it) but
mounted only when the select takes the focus, its list opens or its value is
set. Until then the select looks and reads the same.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, TypeVar

from textual import events
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Select

Value = TypeVar("Value", bound=Hashable)


class LazySelect(Select[Value]):
    """``Select`` with its option list mounted when first needed."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self._later: list[Widget] = []  # the option list, made but not mounted yet
        super().__init__(*args, **kwargs)

    def compose(self) -> ComposeResult:
        shown, *self._later = super().compose()
        yield shown

    def _on_focus(self, _event: events.Focus) -> None:
        self.build_list()  # about to be opened, most likely

    def build_list(self) -> None:
        """Mount the option list now, if it is not yet (registered at once: found
        by Select's own queries from here on)."""
        later, self._later = self._later, []
        if later and self.is_attached:
            self.mount_all(later)
            super()._setup_options_renderables()

    def _setup_options_renderables(self) -> None:
        if not self._later:  # else set up as the list mounts (build_list)
            super()._setup_options_renderables()

    def _watch_value(self, value: Value | Any) -> None:
        self.build_list()  # Select's watcher highlights the value in the list
        super()._watch_value(value)

    def _watch_expanded(self, expanded: bool) -> None:
        self.build_list()
        super()._watch_expanded(expanded)

    def _watch_prompt(self, prompt: str) -> None:
        self.build_list()
        super()._watch_prompt(prompt)

    def action_show_overlay(self) -> None:
        self.build_list()
        super().action_show_overlay()
