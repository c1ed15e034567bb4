"""The screens' header: Textual's ``Header`` with a title watcher that outlives its title.

``Header`` watches the app's and the screen's titles and, on a change, looks its
title widget up by query. A title set while a screen is being torn down (at exit,
or as a screen is popped) can reach a header whose title widget is already
removed: Textual's watcher then raises ``NoMatches`` as an app error, and a
person quitting would see a traceback (seen in CI, in a test that exits right
after opening an entry). This header skips the update when there is no title
left to update.
"""

from __future__ import annotations

from contextlib import suppress

from textual.dom import NoScreen
from textual.events import Mount
from textual.widget import Widget
from textual.widgets import Header

from journal_tui.tui.textual_compat import header_title


class TitleHeader(Header):
    """A ``Header`` whose title update is a no-op once its title widget is gone."""

    def _on_mount(self, event: Mount) -> None:
        # Header's own handler would register its unguarded watcher: skip it,
        # keep Widget's (scrollbars), register ours on the same four titles.
        event.prevent_default()
        Widget._on_mount(self, event)

        async def set_title() -> None:
            title = header_title(self)
            if title is not None:
                with suppress(NoScreen):  # as Header's own watcher
                    title.update(self.format_title())

        self.watch(self.app, "title", set_title)
        self.watch(self.app, "sub_title", set_title)
        self.watch(self.screen, "title", set_title)
        self.watch(self.screen, "sub_title", set_title)
