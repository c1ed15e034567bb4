"""The TUI's start loads only what Today's first frame needs (issue 13).

Checked in a fresh interpreter through ``sys.modules``, so an indirect import is
caught too: the path ``journal-tui`` takes (``cli.main`` with no command, here
stopped by a standard input that is no terminal), then the app's module.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

from tui_helpers import make_app, settle

PROBE = """
import gc, json, sys
from journal_tui import cli
code = cli.main(["--journal", sys.argv[1]])
import journal_tui.tui.app
print(json.dumps({"code": code, "collecting": gc.isenabled(), "modules": sorted(sys.modules)}))
"""

# Not needed before Today's first frame: other commands, other screens, the detector,
# the palette's entry provider, Markdown rendering, process pools.
NOT_AT_START = (
    "journal_tui.commands.entries", "journal_tui.commands.review", "journal_tui.commands.sync",
    "journal_tui.core.detect", "journal_tui.core.detector_data", "journal_tui.core.review",
    "journal_tui.core.questions", "journal_tui.core.people", "journal_tui.core.sync",
    "journal_tui.core.conflicts", "journal_tui.core.themes",
    "journal_tui.tui.screens.journal", "journal_tui.tui.screens.themes",
    "journal_tui.tui.screens.review", "journal_tui.tui.screens.people",
    "journal_tui.tui.screens.entry", "journal_tui.tui.screens.help", "journal_tui.tui.commands",
    "markdown_it", "multiprocessing",
    # The journal opens after the first frame (Context.journal, HostApp.service): its
    # storage, index, SQLite and codecs would only delay that frame.
    "journal_tui.core.storage", "journal_tui.core.index", "journal_tui.core.codec",
    "journal_tui.core.drafts", "journal_tui.tui.service", "sqlite3",
)


# Run to Today's first frame (headless) and list what is loaded then; the prompts'
# parsed form is cached by an earlier process (CACHE_PROMPTS), as after any first start.
CACHE_PROMPTS = "from journal_tui.core.context import open_context; open_context().prompts"
FIRST_FRAME = """
import asyncio, json, sys, tokenize
from journal_tui.core.context import open_context
from journal_tui.tui.app import JournalApp

seen = []

class Probe(JournalApp):
    def on_ready(self) -> None:
        seen.extend(sys.modules)
        if tokenize._compile.cache_info().currsize:
            seen.append("tokenize patterns")
        self.exit()

async def main() -> None:
    app = Probe(open_context())
    app.prepare_delay = None
    async with app.run_test(size=(100, 30)):
        pass

asyncio.run(main())
print(json.dumps(sorted(seen)))
"""

# Not needed for Today's first frame either: the dialogs (asked later, if ever),
# tomllib (no config file, prompts parsed from their cache), the footer (its keys
# come after the first frame; Label only the footer uses), and tokenize's patterns
# (compiled by inspect.signature of a builtin callback, ~5 ms: Textual asks it of
# every callback; the probe lists them as "tokenize patterns"), and hashlib (its
# OpenSSL set-up, 3-8 ms: the start's few SHA-256 go through core.sha).
NOT_AT_FIRST_FRAME = ("journal_tui.tui.widgets.dialogs", "tomllib",
                      "journal_tui.tui.widgets.footer", "textual.widgets._footer",
                      "textual.widgets._label", "tokenize patterns", "hashlib")


def test_today_first_frame_loads_no_dialog_toml_parser_nor_footer(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNAL_TUI")}
    env |= {"JOURNAL_TUI_CACHE": str(tmp_path / "cache"),
            "JOURNAL_TUI_CONFIG": str(tmp_path / "none.toml"),
            "JOURNAL_TUI_HOME": str(tmp_path / "journal")}
    for probe in (CACHE_PROMPTS, FIRST_FRAME):
        result = subprocess.run([sys.executable, "-c", probe], capture_output=True,
                                text=True, env=env, timeout=120, stdin=subprocess.DEVNULL,
                                check=False)
        assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    assert "journal_tui.tui.screens.today" in modules  # the probe did reach the frame
    assert sorted(set(NOT_AT_FIRST_FRAME + NOT_AT_START) & set(modules)) == []


def test_the_tui_start_imports_only_what_today_needs(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNAL_TUI")}
    env |= {"JOURNAL_TUI_CACHE": str(tmp_path / "cache"),
            "JOURNAL_TUI_CONFIG": str(tmp_path / "none.toml")}
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "journal")],
                            capture_output=True, text=True, env=env, timeout=120,
                            stdin=subprocess.DEVNULL, check=False)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 1  # stopped before the app: no terminal
    assert "terminal" in result.stderr
    assert sorted(set(NOT_AT_START) & set(report["modules"])) == []
    assert "journal_tui.tui.screens.today" in report["modules"]
    # The collector is off for the start, until the app has shown its first frame.
    assert report["collecting"] is False


# ``journal-tui`` alone: nothing to parse, so no parser (argparse, gettext and the
# parser's catalog: ~8 ms).
ALONE = """
import json, sys
from journal_tui import cli
code = cli.main([])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_the_tui_alone_builds_no_parser(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("JOURNAL_TUI")}
    env |= {"JOURNAL_TUI_CACHE": str(tmp_path / "cache"),
            "JOURNAL_TUI_CONFIG": str(tmp_path / "none.toml"),
            "JOURNAL_TUI_HOME": str(tmp_path / "journal")}
    result = subprocess.run([sys.executable, "-c", ALONE], capture_output=True, text=True,
                            env=env, timeout=120, stdin=subprocess.DEVNULL, check=False)
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["code"] == 1 and "terminal" in result.stderr  # it got as far as the TUI
    loaded = {"argparse", "gettext", "journal_tui.commands.parser"} & set(report["modules"])
    assert sorted(loaded) == []


def test_no_arguments_are_what_the_parser_makes_of_none() -> None:
    from journal_tui.cli import build_parser, no_arguments

    assert vars(no_arguments()) == vars(build_parser(None, commands=False).parse_args([]))
    assert vars(no_arguments()) == vars(build_parser(None).parse_args([]))


async def test_the_app_collects_again_once_its_first_frame_is_shown(make_ctx) -> None:
    gc.disable()  # as cli.main does for the TUI
    try:
        app = make_app(make_ctx("en"))
        async with app.run_test() as pilot:
            await settle(pilot)
            assert gc.isenabled()
    finally:
        gc.enable()
        gc.unfreeze()


async def test_other_screens_styles_load_without_restyling_today(make_ctx, monkeypatch) -> None:
    """After the first frame the other screens' files are parsed, and only they: Today's
    rules are kept, its widgets not restyled (that held the first keys typed)."""
    import textual.css.stylesheet as stylesheet_module
    from textual.css.stylesheet import Stylesheet

    from journal_tui.tui.app import JournalApp

    during: dict[str, list[str]] = {"parsed": [], "styled": []}
    loading = False
    real_parse, real_apply = stylesheet_module.parse, Stylesheet.apply

    def parse(scope, css, read_from, **kwargs):  # type: ignore[no-untyped-def]
        if loading:
            during["parsed"].append(read_from[0])
        return real_parse(scope, css, read_from, **kwargs)

    def apply(self, node, **kwargs):  # type: ignore[no-untyped-def]
        if loading:
            during["styled"].append(type(node).__name__)
        return real_apply(self, node, **kwargs)

    real_preload = JournalApp.preload_styles

    def preload(self: JournalApp) -> None:
        nonlocal loading
        loading = True
        try:
            real_preload(self)
        finally:
            loading = False

    monkeypatch.setattr(stylesheet_module, "parse", parse)
    monkeypatch.setattr(Stylesheet, "apply", apply)
    monkeypatch.setattr(JournalApp, "preload_styles", preload)
    app = make_app(make_ctx("en"))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert sorted(during["parsed"]) == sorted(str(path) for path in JournalApp.LATER_CSS)
        assert during["styled"] == []
        await pilot.press("f3")  # the Journal screen, styled by its own file
        await settle(pilot)
        assert app.screen.query_one("#tag").styles.width.value == 14  # journal.tcss


async def test_today_is_styled_once_before_its_first_frame(make_ctx, monkeypatch) -> None:
    """Textual restyles a whole screen when it resumes; Today's widgets were styled as
    they mounted, with the same CSS, so at start that second pass is skipped (~30 ms).
    A widget whose classes and focus never change is styled exactly once."""
    from textual.css.stylesheet import Stylesheet

    styled: list[str] = []
    real_apply = Stylesheet.apply

    def apply(self, node, **kwargs):  # type: ignore[no-untyped-def]
        if not getattr(node.app, "first_frame_shown", True):
            styled.append(node.id or "")
        return real_apply(self, node, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", apply)
    app = make_app(make_ctx("en"))
    async with app.run_test() as pilot:
        await settle(pilot)
        assert styled.count("prompt") == 1
        assert styled.count("theme-name") == 1
        # ...and styled right: the resume's restyle is not what gave it its rules.
        assert app.screen.query_one("#body").has_focus


async def test_today_is_composed_after_the_apps_start_up_batch(make_ctx, monkeypatch) -> None:
    """Textual wraps its start (the app's Compose, Resize and Mount) in a batch whose
    drawing it throws away. Today as a mode's screen was composed and first drawn inside
    it, then drawn again after it (~10-15 ms later to the terminal); as the default
    screen it is composed once the app is mounted, as a bare app's screen is. F2 still
    comes back to that same screen."""
    from journal_tui.tui.app import JournalApp
    from journal_tui.tui.screens.today import TodayScreen

    order: list[str] = []
    real_compose = TodayScreen.compose

    def compose(self: TodayScreen):  # type: ignore[no-untyped-def]
        order.append("Today composed")
        yield from real_compose(self)

    monkeypatch.setattr(TodayScreen, "compose", compose)
    monkeypatch.setattr(JournalApp, "on_mount", lambda self: order.append("app mounted"),
                        raising=False)
    app = make_app(make_ctx("en"))
    async with app.run_test() as pilot:
        await settle(pilot)
        today = app.screen
        assert isinstance(today, TodayScreen) and today is app.today_screen
        assert order == ["app mounted", "Today composed"]
        await pilot.press("f3")
        await settle(pilot)
        assert app.screen is not today
        await pilot.press("f2")
        await settle(pilot)
        assert app.screen is today and order == ["app mounted", "Today composed"]
