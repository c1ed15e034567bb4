"""The core stays pure and the printing commands never load Textual.

Like harlequin's check: import in a fresh interpreter and look at sys.modules,
so an indirect import is caught too.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "journal_tui"


def imported_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted((SRC / "core").glob("*.py")), ids=lambda p: p.name)
def test_core_modules_import_neither_textual_nor_the_tui(path: Path) -> None:
    bad = {n for n in imported_names(path)
           if n.split(".")[0] == "textual" or n.startswith(("journal_tui.tui", "journal_tui.cli",
                                                            "journal_tui.commands"))}
    assert not bad, f"{path.name} imports {bad}"


PROBE = """
import json, sys, pkgutil, importlib
import journal_tui.core
for m in pkgutil.iter_modules(journal_tui.core.__path__):
    importlib.import_module(f"journal_tui.core.{m.name}")
from journal_tui.cli import main
codes = {}
for argv in (["list"], ["list", "--format", "json"], ["export"], ["export", "--format", "json"],
             ["prompt"], ["review"], ["themes"], ["people"], ["remind"], ["doctor"],
             ["show", "nope"], ["sync"], ["--help"]):
    try:
        codes[" ".join(argv)] = main(argv)
    except SystemExit as exc:
        codes[" ".join(argv)] = exc.code
print(json.dumps({"textual": sorted(m for m in sys.modules if m.split(".")[0] == "textual"),
                  "codes": codes}), file=sys.stderr)
"""


def test_printing_commands_never_import_textual(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            env=os.environ.copy(), timeout=120, check=False)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["textual"] == []
    assert report["codes"]["list"] == 0 and report["codes"]["show nope"] == 1


def test_french_interface_text_follows_french_typography() -> None:
    """As the prompts do (tests/core/test_prompts.py): ’ in French, never ', and a
    no-break space before : ; ? ! and inside « » ("Humeur : 4/5"), in every catalog."""
    import importlib
    import pkgutil
    import re

    import journal_tui
    from journal_tui.core.i18n import Catalog

    french: dict[str, str] = {}
    for info in pkgutil.walk_packages(journal_tui.__path__, "journal_tui."):
        if info.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(info.name)).values():
            if isinstance(value, Catalog):
                french |= {key: value(key, "fr") for key in sorted(value.keys())}
    assert len(french) > 200
    assert [key for key, text in french.items() if "'" in text] == []
    # A no-break space before each mark, so it never starts a line ("Humeur : 4/5").
    loose = re.compile(r"(?<![\u00a0\u202f:;?!])[:;?!»](?=\s|$)|«(?![\u00a0\u202f])")
    assert [key for key, text in french.items() if loose.search(text)] == []


def test_counts_take_the_singular_by_language() -> None:
    from journal_tui.core.i18n import Catalog

    msg = Catalog({"n": ("{n} entries", "{n} entrées"), "n.one": ("{n} entry", "{n} entrée"),
                   "plain": ("{n} things", "{n} choses")})
    assert [msg.count("n", k, "en", n=k) for k in (0, 1, 2)] == [
        "0 entries", "1 entry", "2 entries"]
    assert [msg.count("n", k, "fr", n=k) for k in (0, 1, 2)] == [
        "0 entrée", "1 entrée", "2 entrées"]
    assert msg.count("plain", 1, "en", n=1) == "1 things"  # no .one variant: the key itself


LIST_PROBE = """
import json, sys
from journal_tui.cli import main
code = main(["add", "first words"])
code += main(["list", "-n", "10"])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def test_list_loads_neither_the_theme_detector_nor_worker_processes(tmp_path: Path) -> None:
    """The first command after installing is ``list``: the detector's ~50 ms of imports
    and multiprocessing (for large journals only) are not on its path."""
    env = {**os.environ, "JOURNAL_TUI_HOME": str(tmp_path / "j"),
           "JOURNAL_TUI_CACHE": str(tmp_path / "c"),
           "JOURNAL_TUI_CONFIG": str(tmp_path / "none.toml")}
    result = subprocess.run([sys.executable, "-c", LIST_PROBE], capture_output=True,
                            text=True, env=env, timeout=120, check=False)
    report = json.loads(result.stderr.strip().splitlines()[-1])
    assert report["code"] == 0
    loaded = set(report["modules"])
    assert "journal_tui.core.index" in loaded  # the probe did reach the index
    assert not loaded & {"journal_tui.core.detect", "journal_tui.core.detector_data",
                         "multiprocessing"}
