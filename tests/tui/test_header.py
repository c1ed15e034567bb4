"""Today's header draws the same cells before and after its icon and clock's space are
mounted, and the same as Textual's own Header (widgets/header.py)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Header
from textual.widgets._header import HeaderIcon

from journal_tui.tui.widgets.header import LateHeader

SUB_TITLE = "Sunday 29 November 2026 · 12-day streak"


class HeaderApp(App[None]):
    def __init__(self, header: Header) -> None:
        super().__init__()
        self.header = header

    def compose(self) -> ComposeResult:
        yield self.header

    def on_mount(self) -> None:
        self.title, self.sub_title = "journal-tui", SUB_TITLE


def cells(app: App[None]) -> list[list[tuple[str, str]]]:
    """Each cell's character and style (a blank's background only: its foreground
    colour shows nowhere)."""
    return [[(ch, str(seg.style.bgcolor) if ch == " " else str(seg.style))
             for seg in strip for ch in seg.text]
            for strips in app.screen._compositor.render_full_update().strips
            for strip in strips]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("width", [40, 80, 120])
async def test_the_late_header_draws_what_textuals_header_draws(theme, width) -> None:
    app = HeaderApp(Header())
    async with app.run_test(size=(width, 2)) as pilot:
        app.theme = theme
        await pilot.pause()
        textuals = cells(app)
    header = LateHeader()
    app = HeaderApp(header)
    async with app.run_test(size=(width, 2)) as pilot:
        app.theme = theme
        await pilot.pause()
        first = cells(app)
        assert not header.query(HeaderIcon)  # the first frame's two widgets
        header.call_later(header.complete)
        await pilot.pause()
        await pilot.pause()
        assert len(header.query(HeaderIcon)) == 1  # all four now
        assert cells(app) == first == textuals
