"""Textual's parsed CSS, kept between runs (``tui/css_cache.py``): the second start
parses nothing and looks exactly as the first; a cache file that is damaged, or not
the user's own and private, is a miss."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import textual.css.stylesheet as stylesheet_module
from tui_helpers import make_app, settle

from journal_tui.tui import css_cache

TODAY_CSS = "today.tcss:"


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The CSS sources Textual parses from now on (location and class variable)."""
    parsed: list[str] = []
    real_parse = stylesheet_module.parse

    def parse(scope, css, read_from, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(f"{read_from[0]}:{read_from[1]}")
        return real_parse(scope, css, read_from, **kwargs)

    monkeypatch.setattr(stylesheet_module, "parse", parse)
    return parsed


async def _start(make_ctx: Any) -> tuple[str, Path]:
    """Start and quit the app (on the test's one cache folder): its screen, the folder."""
    ctx = make_ctx("en")
    assert ctx.cache_dir is not None
    app = make_app(ctx)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        # Kept once the first frame is shown: a terminal closed under the app (the
        # usual end of a session for some) never lets it reach its unmount.
        assert _cache_files(ctx.cache_dir)
        screen = app.export_screenshot()
    return screen, ctx.cache_dir


def _cache_files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob(f"{css_cache.PREFIX}*{css_cache.SUFFIX}"))


async def test_the_second_start_parses_no_css_and_looks_the_same(make_ctx, monkeypatch) -> None:
    parsed = _count_parses(monkeypatch)
    first, cache_dir = await _start(make_ctx)
    assert any(p.endswith(TODAY_CSS) for p in parsed)  # parsed the 1st time
    [kept] = _cache_files(cache_dir)
    assert kept.stat().st_mode & 0o777 == 0o600
    parsed.clear()
    second, _ = await _start(make_ctx)
    assert parsed == []  # Today's files, the widgets' CSS and the other screens': all kept
    assert second == first


@pytest.mark.parametrize("spoil", ["damaged", "writable by others"])
async def test_a_cache_file_that_is_damaged_or_not_private_is_a_miss(
        make_ctx, monkeypatch, spoil: str) -> None:
    parsed = _count_parses(monkeypatch)
    first, cache_dir = await _start(make_ctx)
    [kept] = _cache_files(cache_dir)
    if spoil == "damaged":
        kept.write_bytes(b"\x80\x05 not a pickle")
    else:
        os.chmod(kept, 0o666)
    parsed.clear()
    second, _ = await _start(make_ctx)
    assert any(p.endswith(TODAY_CSS) for p in parsed)  # parsed again
    assert second == first
    [rewritten] = _cache_files(cache_dir)  # kept anew, private again
    assert rewritten.stat().st_mode & 0o777 == 0o600


def test_another_theme_is_kept_under_another_name() -> None:
    """The parse puts the theme's colours in the rules: rules parsed with one theme are
    never given to another."""
    from textual.css.stylesheet import Stylesheet

    dark = Stylesheet(variables={"primary": "#004578"})
    light = Stylesheet(variables={"primary": "#0178D4"})
    folder = Path("/nonexistent")
    assert css_cache.cache_file(folder, dark) != css_cache.cache_file(folder, light)
    assert css_cache.cache_file(folder, dark) == css_cache.cache_file(
        folder, Stylesheet(variables={"primary": "#004578"}))
