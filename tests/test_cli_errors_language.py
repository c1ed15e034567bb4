"""Errors and problems are said in the person's language: a hand-edited entry file, a
broken config, a refused or failed write. The index keeps a file's problem as its key
and values, so a warm command says it in either language."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from journal_tui.cli import main
from journal_tui.core import index as index_module
from journal_tui.core.atomic import WriteError
from journal_tui.core.codec import STORED, Problem
from journal_tui.core.conflict import Conflict, SaveRefused
from journal_tui.core.entry_text import PROBLEMS
from journal_tui.core.i18n import NBSP, said

GOOD = """schema = 1
id = "20261120-090000-aaaa"
date = 2026-11-20
created = 2026-11-20T09:00:00+01:00
body = "fine"
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _journal_with_a_bad_mood(home: Path) -> Path:
    folder = home / "entries" / "2026" / "11"
    folder.mkdir(parents=True)
    (folder / "20261120-090000-aaaa.toml").write_text(GOOD)
    bad = folder / "20261121-090000-bbbb.toml"
    bad.write_text(GOOD.replace("aaaa", "bbbb").replace("11-20", "11-21")
                   + "mood = 12\n")
    return bad


def test_a_bad_file_is_reported_in_each_language_cold_and_warm(capsys, isolated_env) -> None:
    bad = _journal_with_a_bad_mood(isolated_env)
    french = f"{bad}:6: «{NBSP}mood{NBSP}» doit être un entier de 1 à 5, pas 12"
    english = f"{bad}:6: 'mood' must be an integer from 1 to 5, not 12"
    for _ in range(2):  # the first run builds the index, the second reads the problem from it
        code, out, err = run(capsys, "--lang", "fr", "list")
        assert code == 0 and "fine" in out
        assert french in err
        code, out, err = run(capsys, "--lang", "en", "list")
        assert code == 0 and english in err


def test_doctor_speaks_french(capsys, isolated_env) -> None:
    bad = _journal_with_a_bad_mood(isolated_env)
    code, out, err = run(capsys, "--lang", "fr", "doctor")
    assert code == 1
    assert f"{bad}:6: «{NBSP}mood{NBSP}» doit être un entier de 1 à 5, pas 12" in out
    assert "must be" not in out and "problème" in err


def test_an_index_of_version_9_is_migrated_and_rereads_only_its_problem_files(
        capsys, isolated_env, monkeypatch) -> None:
    bad = _journal_with_a_bad_mood(isolated_env)
    assert run(capsys, "list")[0] == 0
    cache = next((isolated_env.parent / "cache").glob("*/index.sqlite3"))
    db = sqlite3.connect(cache, isolation_level=None)
    db.execute("UPDATE files SET error = 'an old English text' WHERE error IS NOT NULL")
    db.execute("PRAGMA user_version = 9")
    db.close()
    from journal_tui.core import indexing

    parsed: list[str] = []
    real = indexing.file_row
    monkeypatch.setattr(indexing, "file_row",
                        lambda folder, rel, st: parsed.append(rel) or real(folder, rel, st))
    code, _, err = run(capsys, "--lang", "fr", "list")
    assert code == 0 and "doit être un entier" in err and "old English" not in err
    assert parsed == ["2026/11/" + bad.name]  # the readable file is kept as it was
    db = sqlite3.connect(cache)
    assert db.execute("PRAGMA user_version").fetchone()[0] == index_module.VERSION
    db.close()


@pytest.mark.parametrize(("config", "expected"), [
    ('format = "xml"\n', "config.toml:1 : «\u00a0format\u00a0» doit valoir toml ou json"),
    ('language = 3\n', "config.toml:1 : «\u00a0language\u00a0» doit valoir fr, en ou auto"),
    ('x = [\n', "config.toml:1 : TOML invalide : "),
])
def test_a_broken_config_is_told_in_the_locale_language(capsys, isolated_env, tmp_path,
                                                        monkeypatch, config, expected) -> None:
    path = tmp_path / "config" / "config.toml"
    path.parent.mkdir()
    path.write_text(config)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")  # the config cannot say: the locale does
    code, _, err = run(capsys, "list")
    assert code == 1 and expected.replace(" : ", NBSP + ": ") in err
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    code, _, err = run(capsys, "list")
    assert code == 1 and ("must be" in err or "invalid TOML" in err)


def test_write_errors_and_refusals_say_themselves() -> None:
    path = Path("/j/entries/2026/11/x.toml")
    error = WriteError(28, "write", path=path, error="No space left on device")
    assert error.errno == 28 and error.strerror == str(error.text("en"))
    assert said(error, "fr") == f"impossible d’écrire {path}{NBSP}: No space left on device"
    refused = SaveRefused(path, "newer", schema=3)
    assert str(refused) == (f"{path}: written by a newer version of journal-tui (schema 3): "
                            "read, never rewritten")
    assert said(refused, "fr").startswith(f"{path}{NBSP}: écrit par une version plus récente")
    taken = Conflict(path, Conflict.TAKEN, None)
    assert taken.kind == "taken" and "existe déjà" in said(taken, "fr")
    assert said(ValueError("plain"), "fr") == "plain"


@pytest.mark.parametrize("key", sorted(PROBLEMS.keys()))
def test_every_problem_survives_the_index(key: str) -> None:
    """Each problem kept as its key and values comes back the same, in both languages
    (the values a problem's text needs, whatever they are called)."""
    import string

    fields = {name for _, name, _, _ in string.Formatter().parse(PROBLEMS(key, "en")) if name}
    values = {name: f"<{name} ‘x’ \x00>" for name in fields}
    problem = Problem.told(Path("/j/x.toml"), key, 3, **values)
    back = Problem.from_stored(problem.path, problem.stored, 3)
    assert back == problem and back.said("fr") == problem.said("fr")
    assert problem.said("fr") != problem.said("en")


@pytest.mark.parametrize("stored", [STORED + "{not json", STORED + '["no.such.key", {}]',
                                    STORED + '["mood", {}]', "an English text"])
def test_a_stored_problem_that_cannot_be_read_back_is_shown_as_text(stored: str) -> None:
    problem = Problem.from_stored(Path("/j/x.toml"), stored, None)
    assert problem.key is None and STORED not in problem.said("fr")


def test_an_import_refusal_is_said_in_french(capsys, isolated_env, tmp_path) -> None:
    source = tmp_path / "jrnl.json"
    source.write_text('{"entries": [{"date": "2026-11-20", "title": "a"}, {"title": "b"}]}')
    code, _, err = run(capsys, "--lang", "fr", "import", "--from", "jrnl", str(source))
    assert code == 1
    assert (f"1 entrée sur 2 refusée, rien d’importé{NBSP}; entrée 2{NBSP}: "
            f"pas de «{NBSP}date") in err
    code, _, err = run(capsys, "--lang", "en", "import", "--from", "jrnl", str(source))
    assert code == 1 and '1 of 2 entries refused, nothing imported; entry 2: no "date"' in err
    assert not (isolated_env / "entries").exists()


def test_a_bad_theme_word_is_said_in_french(capsys, isolated_env) -> None:
    assert run(capsys, "add", "un jour")[0] == 0
    entry_id = next((isolated_env / "entries").rglob("*.toml")).stem
    code, _, err = run(capsys, "--lang", "fr", "edit", entry_id, "--theme", "courage=high")
    assert code == 1 and f"thème inconnu 'courage'{NBSP}: choisissez parmi" in err


def test_a_broken_people_file_is_said_in_french(capsys, isolated_env) -> None:
    isolated_env.mkdir(parents=True)
    (isolated_env / "people.toml").write_text('[[people]]\nname = "Marie"\naliases = 3\n')
    code, _, err = run(capsys, "--lang", "fr", "people")
    assert code == 0
    assert "people.toml:3: les alias de 'Marie' doivent être une liste de textes" in err


def test_a_broken_user_prompts_file_is_said_in_french(capsys, isolated_env, tmp_path) -> None:
    folder = tmp_path / "config"
    folder.mkdir()
    (folder / "prompts.toml").write_text(
        'version = 1\n[[prompts]]\nid = "mine"\ntheme = "nope"\n'
        'text = { fr = "Quoi ?", en = "What?" }\n')
    code, out, _ = run(capsys, "--lang", "fr", "doctor")
    assert code == 1
    assert f"prompts.toml:4: la question 'mine' a un thème inconnu{NBSP}: 'nope'" in out
    code, out, _ = run(capsys, "--lang", "en", "doctor")
    assert code == 1 and "prompts.toml:4: prompt 'mine' has unknown theme 'nope'" in out


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 2
    return capsys.readouterr().err


@pytest.mark.parametrize(("argv", "french", "english"), [
    (["list", "--bogus"], "journal-tui : erreur : arguments inconnus : --bogus",
     "journal-tui: error: unrecognized arguments: --bogus"),
    (["add", "--mood", "9", "x"],
     "journal-tui add : erreur : argument --mood : choix impossible : 9 (choisissez parmi 1, 2",
     "journal-tui add: error: argument --mood: invalid choice: 9 (choose from 1, 2"),
    (["list", "-n", "x"], "argument -n : pas un nombre : 'x'", "argument -n: not a number: 'x'"),
    (["show"], "journal-tui show : erreur : arguments requis : ID",
     "journal-tui show: error: the following arguments are required: ID"),
    (["list", "--from"], "argument --from : une valeur attendue",
     "argument --from: expected one argument"),
])
def test_usage_errors_in_the_person_language(capsys, isolated_env, tmp_path, argv, french,
                                            english) -> None:
    err = usage_error(capsys, "--lang", "fr", *argv)
    assert err.startswith("usage" + NBSP + ": journal-tui")
    assert french.replace(" : ", NBSP + ": ") in err
    assert english in usage_error(capsys, "--lang", "en", *argv)
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(exist_ok=True)
    config.write_text('language = "fr"\n')  # no --lang: the config's language
    assert french.replace(" : ", NBSP + ": ") in usage_error(capsys, *argv)
    config.unlink()


def test_argparse_still_words_its_errors_as_matched() -> None:
    """The English wordings matched are argparse's own (a newer Python may reword one:
    that error would then stay in English)."""
    import argparse
    import inspect
    import re

    from journal_tui.commands.parser import _MESSAGES

    source = inspect.getsource(argparse)
    ours = {"not a number: {value}", "must be 1 or more, not {value}"}
    for english, _ in _MESSAGES:
        if english not in ours:
            pattern = re.escape(english).replace(r"\{", "{").replace(r"\}", "}")
            pattern = re.sub(r"\{\w+\}", r"%(?:\\(\\w+\\))?[sr]", pattern)
            assert re.search(pattern, source), english
