"""The colour theme chosen in the palette is remembered in the config file, which
keeps the person's other keys and comments."""

from __future__ import annotations

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
