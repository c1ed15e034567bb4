"""The command line speaks the person's language (``--lang`` or the config's
``language``), with correct singulars; the global ``--date`` reaches ``add``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from journal_tui.cli import main
from journal_tui.core.i18n import NBSP


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _export(tmp_path: Path, n: int) -> Path:
    entries = [{"id": f"20261120-09000{i}-aaaa", "date": "2026-11-20", "body": f"entry {i}"}
               for i in range(n)]
    path = tmp_path / "in.json"
    path.write_text(json.dumps({"schema": 1, "entries": entries}))
    return path


@pytest.mark.parametrize(("lang", "n", "expected"), [
    ("en", 1, "1 entry imported from"),
    ("en", 2, "2 entries imported from"),
    ("fr", 1, "1 entrée importée de"),
    ("fr", 2, "2 entrées importées de"),
])
def test_import_counts_in_the_language(capsys, isolated_env, tmp_path, lang, n,
                                       expected) -> None:
    source = _export(tmp_path, n)
    code, _, err = run(capsys, "--lang", lang, "import", str(source))
    assert code == 0 and expected in err
    code, _, err = run(capsys, "--lang", lang, "import", str(source))
    again = {"en": f"0 entries imported from {source} ({n} already there)",
             "fr": f"0 entrée importée de {source} ({n} déjà présente"}[lang]
    assert again in err


def test_the_config_language_is_used_without_lang(capsys, isolated_env, tmp_path) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir()
    config.write_text('language = "fr"\n')
    code, _, err = run(capsys, "list", "--from", "2026-13-01")
    assert code == 1
    assert err == (f"journal-tui: date incorrecte '2026-13-01'{NBSP}: écrivez AAAA-MM-JJ, "
                   "hier ou aujourd’hui\n")


@pytest.mark.parametrize("argv", [
    ["list", "--from", "2026-11-05", "--to", "2026-11-01"],
    ["review", "--week", "2026-W60"],
    ["export", "--split"],
    ["import", "missing.json"],
    ["add", ""],
    ["themes", "--from", "2026-11-05", "--to", "2026-11-01"],
    ["themes", "--theme", "nope"],
    ["people", "Nobody"],
    ["show", "20990101-000000-abcd"],
])
def test_user_errors_in_french(capsys, isolated_env, argv) -> None:
    code, _, err = run(capsys, "--lang", "fr", *argv)
    _, _, english = run(capsys, "--lang", "en", *argv)
    assert code == 1 and err.startswith("journal-tui: ") and err.count("\n") == 1
    assert err != english
    assert ":" not in err.removeprefix("journal-tui: ").replace(f"{NBSP}:", "")


def test_global_date_is_honoured_by_add(capsys, isolated_env) -> None:
    code, out, err = run(capsys, "--date", "2026-11-20", "add", "on another day")
    assert code == 0 and "warning" not in err
    code, out, _ = run(capsys, "list")
    assert out.startswith("2026-11-20  20261120-")


def test_a_future_date_warns(capsys, isolated_env) -> None:
    code, _, err = run(capsys, "--lang", "fr", "--date", "2027-01-01", "add", "plus tard")
    assert code == 0
    assert f"attention{NBSP}: le vendredi 1er janvier 2027 est dans le futur" in err
    code, out, _ = run(capsys, "list")
    assert out.startswith("2027-01-01  ")
