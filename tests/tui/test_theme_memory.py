"""The colour theme chosen in the palette is remembered in the config file, which
keeps the person's other keys and comments."""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest
from tui_helpers import make_app, settle, wait_for

from journal_tui.core.config import ConfigError, load_config, save_setting, with_setting

CONFIG = """# my settings
language = "fr"  # French, please

[sync]
remote = "git@example.org:me/journal.git"
"""


def test_a_setting_is_added_before_the_first_table() -> None:
    text = with_setting(CONFIG, "theme", "nord")
    assert text.splitlines()[:3] == ["# my settings", 'language = "fr"  # French, please',
                                     'theme = "nord"']
    data = tomllib.loads(text)
    assert data["theme"] == "nord" and data["sync"]["remote"].startswith("git@")


def test_a_setting_replaces_its_line_and_keeps_the_rest() -> None:
    text = with_setting(with_setting(CONFIG, "theme", "nord"), "theme", 'gruvbox "x"')
    assert text.count("theme =") == 1
    assert tomllib.loads(text)["theme"] == 'gruvbox "x"'
    assert text.replace('theme = "gruvbox \\"x\\""\n', "") == CONFIG


def test_save_setting_creates_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "config" / "config.toml"
    save_setting(path, "theme", "nord")
    assert load_config(path).theme == "nord"
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_broken_config_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("language = \n")
    with pytest.raises(ConfigError):
        save_setting(path, "theme", "nord")
    assert path.read_text() == "language = \n"


async def test_the_theme_chosen_is_remembered(make_ctx, tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(CONFIG)
    ctx = make_ctx("en")
    ctx.config = replace(ctx.config, path=path)
    app = make_app(ctx)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await wait_for(pilot, lambda: load_config(path).theme == "nord")
    assert path.read_text().startswith("# my settings\n")
    ctx.config = load_config(path)  # as the next start reads it
    again = make_app(ctx)
    async with again.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


def screen_svg(app) -> str:  # type: ignore[no-untyped-def]
    """The screen as an SVG, without the id Textual derives from each export."""
    return re.sub(r"terminal-\d+", "terminal", app.export_screenshot())


@pytest.mark.parametrize("theme", ["gruvbox", "textual-light"])
async def test_a_saved_theme_looks_as_when_picked(make_ctx, theme: str) -> None:
    """The theme remembered is set as the app starts, before any CSS is read (not
    through Textual's watcher, which re-read it all): the screen is the same as with
    the theme picked in the palette."""
    picked = make_app(make_ctx("en"))
    async with picked.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        picked.theme = theme
        await settle(pilot)
        expected = screen_svg(picked)
    ctx = make_ctx("en")
    ctx.config = replace(ctx.config, theme=theme)
    saved = make_app(ctx)
    async with saved.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert saved.theme == theme
        assert {f"-theme-{theme}", "-light-mode" if theme == "textual-light"
                else "-dark-mode"} <= set(saved.classes)
        assert screen_svg(saved) == expected


async def test_a_saved_theme_parses_the_css_once_at_start(make_ctx, monkeypatch) -> None:
    """Before the first frame the app's rules are parsed once, theme or not."""
    import textual.css.stylesheet as stylesheet_module

    parsed: list[str] = []
    real_parse = stylesheet_module.parse

    def parse(scope, css, read_from, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(read_from[1])
        return real_parse(scope, css, read_from, **kwargs)

    monkeypatch.setattr(stylesheet_module, "parse", parse)
    ctx = make_ctx("en")
    ctx.config = replace(ctx.config, theme="nord")
    app = make_app(ctx)
    seen: list[int] = []
    app.call_after_refresh(lambda: seen.append(parsed.count("App.DEFAULT_CSS")))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.theme == "nord"
    assert seen == [1]
