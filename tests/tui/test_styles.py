"""Each screen's stylesheet styles that screen only (all are loaded app-wide)."""

from __future__ import annotations

import re
from pathlib import Path

from textual.widgets import Static
from tui_helpers import make_app, seed, settle

from journal_tui.tui.app import JournalApp
from journal_tui.tui.widgets.theme_entries import ThemeEntriesDialog

SCREENS = Path(JournalApp.CSS_PATH[0]).parent / "screens"


def selectors(css: str) -> list[str]:
    """Every selector of a stylesheet (comments and declarations left out)."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    css = re.sub(r"\{[^}]*\}", ";", css)
    return [s.strip() for rule in css.split(";") for s in rule.split(",") if s.strip()]


def test_every_selector_starts_with_its_screen() -> None:
    files = sorted(SCREENS.glob("*.tcss"))
    assert {f.stem for f in files} >= {"today", "journal", "entry", "themes", "review", "help"}
    for path in files:
        screen = path.stem.split("_")[0].capitalize() + "Screen"  # today_later: Today's
        found = selectors(path.read_text("utf-8"))
        assert found, path
        stray = [s for s in found if not re.match(rf"{screen}\b", s)]
        assert stray == [], f"{path.name}: {stray}"


async def test_todays_hint_style_stays_on_today(make_ctx, journal) -> None:
    """Today's `.hint` (italic) once restyled the Themes popup's hint too."""
    seed(journal)
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)  # every screen's stylesheet is loaded by now
        today_hint = app.screen.query_one(".hint", Static)
        assert today_hint.styles.text_style.italic
        await app.push_screen(ThemeEntriesDialog("title", [], "the hint", "none"))
        await pilot.pause()
        hint = app.screen.query_one(".hint", Static)
        assert not hint.styles.text_style.italic
