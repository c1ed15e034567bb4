"""The screens' header survives a title change while it is torn down (a CI failure:
``NoMatches: No nodes match 'HeaderTitle'`` raised at exit by Textual's ``Header``)."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.css.query import NoMatches
from textual.widgets import Header

from journal_tui.tui.textual_compat import header_title
from journal_tui.tui.widgets.header import TitleHeader


class Titled(App[None]):
    def __init__(self, header: type[Header]) -> None:
        super().__init__()
        self.header_type = header

    def compose(self) -> ComposeResult:
        yield self.header_type()


async def change_title_once_the_title_is_gone(app: Titled) -> None:
    async with app.run_test() as pilot:
        header = app.query_one(Header)
        title = header_title(header)
        assert title is not None
        await title.remove()  # what tearing the screen down does first
        assert header_title(header) is None
        app.title = "another title"
        await pilot.pause()


async def test_textual_header_raises_on_the_race() -> None:
    """The race as Textual's own Header meets it: without this, the test below proves nothing."""
    with pytest.raises(NoMatches):
        await change_title_once_the_title_is_gone(Titled(Header))


async def test_title_header_lets_the_race_pass() -> None:
    await change_title_once_the_title_is_gone(Titled(TitleHeader))


async def test_title_header_still_follows_the_titles() -> None:
    app = Titled(TitleHeader)
    async with app.run_test() as pilot:
        app.title = "Journal"
        app.sub_title = "lundi"
        await pilot.pause()
        title = header_title(app.query_one(TitleHeader))
        assert title is not None
        assert "Journal" in str(title.render()) and "lundi" in str(title.render())
        app.screen.title = "Semaine"
        await pilot.pause()
        assert "Semaine" in str(title.render())


def test_no_screen_builds_textual_header() -> None:
    """Every screen yields ``TitleHeader``: one plain ``Header()`` brings the race back."""
    import ast
    from pathlib import Path

    import journal_tui.tui as tui

    root = Path(tui.__file__).parent
    built: dict[str, list[str]] = {"Header": [], "TitleHeader": []}
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in built):
                built[node.func.id].append(path.relative_to(root).as_posix())
    assert built["Header"] == []
    assert len(set(built["TitleHeader"])) >= 6  # Today, Journal, entry, Themes, Review, People
