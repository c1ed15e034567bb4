"""The command line: every command, and every error path a user can hit."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from journal_tui.cli import main

JRNL_EXPORT = {
    "tags": {"@work": 2, "#idea": 1},
    "entries": [
        {"title": "Met Marie about a partnership.", "body": "We talked about @work and "
         "synergies.\nA #idea came up.", "date": "2024-03-05", "time": "09:15",
         "tags": ["@work", "#idea"], "starred": True},
        {"title": "Short one.", "body": "", "date": "2024-03-06", "time": "21:40",
         "tags": ["@work"], "starred": False},
    ],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def entry_files(home: Path) -> list[Path]:
    return sorted((home / "entries").rglob("*.toml")) + sorted((home / "entries").rglob("*.json"))


# ---------------------------------------------------------------------------- add / list


def test_add_list_show(capsys: pytest.CaptureFixture[str], isolated_env: Path) -> None:
    code, _, _ = run(capsys, "add", "Rencontre avec @Marie, belle #synergie", "--tag", "réseau",
                     "--mood", "4", "--date", "2026-11-20")
    assert code == 0
    [path] = entry_files(isolated_env)
    data = tomllib.loads(path.read_text())
    assert data["date"].isoformat() == "2026-11-20" and data["mood"] == 4
    assert data["tags"] == ["réseau", "synergie"] and data["people"] == ["Marie"]
    assert path.parent == isolated_env / "entries" / "2026" / "11"

    run(capsys, "add", "A second, later entry", "--date", "2026-11-21")
    code, out, _ = run(capsys, "list")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2
    assert lines[0].startswith("2026-11-21") and "Rencontre avec @Marie" in lines[1]

    code, out, _ = run(capsys, "list", "--format", "json", "-n", "1")
    [item] = json.loads(out)
    assert item["body"] == "A second, later entry" and item["schema"] == 1

    code, out, _ = run(capsys, "show", data["id"])
    assert code == 0 and "Rencontre avec @Marie" in out and "mood 4/5" in out


def test_add_reads_standard_input(capsys: pytest.CaptureFixture[str], isolated_env: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("from a pipe\nsecond line\n"))
    assert run(capsys, "add")[0] == 0
    [path] = entry_files(isolated_env)
    assert tomllib.loads(path.read_text())["body"] == "from a pipe\nsecond line\n"


def test_add_via_editor(capsys: pytest.CaptureFixture[str], isolated_env: Path,
                        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text("#!/bin/sh\nprintf 'written in the editor' > \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    assert run(capsys, "add")[0] == 0
    [path] = entry_files(isolated_env)
    assert tomllib.loads(path.read_text())["body"] == "written in the editor"


def test_list_filters(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "Été à la mer #Vacances", "--date", "2026-07-01")
    run(capsys, "add", "Réunion d'équipe #travail", "--date", "2026-09-01")
    run(capsys, "add", "Retour #vacances", "--date", "2026-10-01")
    assert len(run(capsys, "list", "--tag", "vacances")[1].splitlines()) == 2
    assert "Été" in run(capsys, "list", "--contains", "ete")[1]
    assert "Réunion" in run(capsys, "list", "--contains", "REUNION")[1]
    out = run(capsys, "list", "--from", "2026-08-01", "--to", "2026-09-30")[1]
    assert [line[:10] for line in out.splitlines()] == ["2026-09-01"]
    assert len(run(capsys, "list", "-n", "2")[1].splitlines()) == 2


def test_global_options_before_or_after_the_command(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    other = tmp_path / "other"
    run(capsys, "--journal", str(other), "add", "one")
    run(capsys, "add", "two", "--journal", str(other))
    assert len(run(capsys, "list", "--journal", str(other))[1].splitlines()) == 2
    assert run(capsys, "list")[1] == ""


def test_journal_location_precedence(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(f'journal_dir = "{tmp_path / "from-config"}"\nformat = "json"\n')
    monkeypatch.delenv("JOURNAL_TUI_HOME")
    run(capsys, "add", "where am I")
    [path] = entry_files(tmp_path / "from-config")
    assert path.suffix == ".json"
    monkeypatch.setenv("JOURNAL_TUI_HOME", str(tmp_path / "from-env"))
    run(capsys, "add", "and now")
    assert len(entry_files(tmp_path / "from-env")) == 1


# ---------------------------------------------------------------------------- errors


@pytest.mark.parametrize(("argv", "code", "message"), [
    (["list", "--from", "2026-13-01"], 1, "bad date"),
    (["list", "--from", "2026-11-10", "--to", "2026-11-01"], 1, "is after"),
    (["add", "x", "--date", "someday"], 1, "bad date"),
    (["show", "20260101-000000-abcd"], 1, "no entry"),
    (["import", "missing.json"], 1, "no such file"),
    (["prompt", "--date", "nope"], 1, "bad date"),
    (["add", "   "], 1, "empty"),
])
def test_user_errors_are_one_line(capsys: pytest.CaptureFixture[str], argv: list[str],
                                  code: int, message: str) -> None:
    got, _, err = run(capsys, *argv)
    assert got == code
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


@pytest.mark.parametrize("argv", [["list", "-n", "0"], ["add", "--mood", "9", "x"],
                                  ["nonsense"], ["export", "--format", "pdf"]])
def test_bad_usage_exits_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_bad_config_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('language = "de"\n')
    code, _, err = run(capsys, "list")
    assert code == 1 and f"{config}:1" in err and "language" in err


def test_unwritable_journal_is_one_line(capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code, _, err = run(capsys, "--journal", str(blocker / "journal"), "add", "x")
    assert code == 1 and "cannot create folder" in err
    assert blocker.read_text() == "not a folder"


def test_corrupt_file_is_skipped_with_a_warning(capsys: pytest.CaptureFixture[str],
                                                isolated_env: Path) -> None:
    run(capsys, "add", "good", "--date", "2026-11-01")
    run(capsys, "add", "soon bad", "--date", "2026-11-02")
    bad = next(p for p in entry_files(isolated_env) if "20261102" in p.name)
    bad.write_text(f'schema = 1\nid = "{bad.stem}"\ndate = 2026-11-02\nmood = "high"\n')
    code, out, err = run(capsys, "list")
    assert code == 0 and "good" in out and "soon bad" not in out
    assert f"{bad}:4" in err
    code, out, err = run(capsys, "export")
    assert code == 0 and "good" in out and str(bad) in err
    code, out, _ = run(capsys, "doctor")
    assert code == 1 and f"{bad}:4" in out
    code, _, err = run(capsys, "show", bad.stem)
    assert code == 1 and "mood" in err
    assert 'mood = "high"' in bad.read_text()


def test_doctor_is_happy_on_a_clean_journal(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "fine")
    code, out, err = run(capsys, "doctor")
    assert code == 0 and out == "" and "0 problems" in err


def test_doctor_flags_files_others_can_read(capsys: pytest.CaptureFixture[str],
                                            isolated_env: Path) -> None:
    run(capsys, "add", "private")
    [path] = entry_files(isolated_env)
    path.chmod(0o644)
    code, out, _ = run(capsys, "doctor")
    assert code == 1 and "readable by others" in out


# ---------------------------------------------------------------------------- export


def test_export_markdown_is_stable_and_ordered(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "later", "--date", "2026-11-02")
    run(capsys, "add", "earlier #x", "--date", "2026-11-01")
    _, first, _ = run(capsys, "export")
    _, second, _ = run(capsys, "export")
    assert first == second
    assert first.index("## 2026-11-01") < first.index("## 2026-11-02")
    assert first.index("earlier") < first.index("later")


def test_export_to_file_never_overwrites(capsys: pytest.CaptureFixture[str],
                                         tmp_path: Path) -> None:
    run(capsys, "add", "hello")
    out = tmp_path / "out.md"
    out.write_text("precious")
    code, _, err = run(capsys, "export", "-o", str(out))
    assert code == 1 and "--force" in err and out.read_text() == "precious"
    assert run(capsys, "export", "-o", str(out), "--force")[0] == 0
    assert "hello" in out.read_text()
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_export_split_writes_front_matter(capsys: pytest.CaptureFixture[str],
                                          tmp_path: Path) -> None:
    run(capsys, "add", "one #a", "--date", "2026-11-01")
    run(capsys, "add", "two", "--date", "2026-11-02")
    folder = tmp_path / "split"
    assert run(capsys, "export", "--split", "-o", str(folder))[0] == 0
    files = sorted(folder.glob("*.md"))
    assert len(files) == 2
    text = files[0].read_text()
    assert text.startswith("---\nid: ") and 'tags: ["a"]' in text and "one #a" in text
    code, _, err = run(capsys, "export", "--split", "-o", str(folder))
    assert code == 1 and "exist" in err


def test_json_export_import_round_trip(capsys: pytest.CaptureFixture[str],
                                       tmp_path: Path) -> None:
    run(capsys, "add", "Premier 🙂 \"quoted\" #x", "--mood", "2", "--date", "2026-11-01")
    run(capsys, "add", "second\r\nwith CRLF", "--date", "2026-11-02")
    dump = tmp_path / "dump.json"
    assert run(capsys, "export", "--format", "json", "-o", str(dump))[0] == 0
    data = json.loads(dump.read_text())
    assert data["schema"] == 1 and len(data["entries"]) == 2

    other = tmp_path / "other"
    assert run(capsys, "--journal", str(other), "import", str(dump))[0] == 0
    code, _, err = run(capsys, "--journal", str(other), "import", str(dump))
    assert code == 0 and "0 entries imported" in err and "2 already there" in err
    _, again, _ = run(capsys, "--journal", str(other), "export", "--format", "json")
    assert json.loads(again) == data


# ---------------------------------------------------------------------------- import


def test_import_jrnl(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                     isolated_env: Path) -> None:
    src = tmp_path / "jrnl.json"
    src.write_text(json.dumps(JRNL_EXPORT))
    code, _, err = run(capsys, "import", str(src), "--from", "jrnl")
    assert code == 0 and "2 entries imported" in err
    assert run(capsys, "import", str(src), "--from", "jrnl")[2].startswith("0 entries")
    items = json.loads(run(capsys, "list", "--format", "json")[1])
    first = next(i for i in items if i["date"] == "2024-03-05")
    assert first["body"] == ("Met Marie about a partnership.\nWe talked about @work and "
                             "synergies.\nA #idea came up.")
    assert first["tags"] == ["work", "idea"] and first["people"] == []
    assert first["starred"] is True
    assert first["created"].startswith("2024-03-05T09:15:00")
    second = next(i for i in items if i["date"] == "2024-03-06")
    assert second["body"] == "Short one." and second["starred"] is False


GOOD = json.dumps(JRNL_EXPORT["entries"][0])


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "invalid JSON at line 1"),
    ('{"entries": [GOOD, {"title": "x"}]}', 'entry 2: no "date"'),
    ('{"entries": [GOOD, {"date": "2024-13-01"}]}', "entry 2: bad date"),
    ('{"entries": [GOOD, {"date": "2024-01-01", "tags": "x"}]}', "entry 2: tags"),
    ('{"nothing": 1}', 'no "entries"'),
])
def test_malformed_import_adds_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                       isolated_env: Path, content: str, message: str) -> None:
    src = tmp_path / "bad.json"
    src.write_text(content.replace("GOOD", GOOD))
    code, _, err = run(capsys, "import", str(src), "--from", "jrnl")
    assert code == 1 and len(err.strip().splitlines()) == 1
    assert message in err
    assert entry_files(isolated_env) == []  # the good first entry was not written either


def test_import_of_a_folder_or_binary_is_one_line(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    assert "folder" in run(capsys, "import", str(tmp_path))[2]
    binary = tmp_path / "bin.json"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    code, _, err = run(capsys, "import", str(binary))
    assert code == 1 and "UTF-8" in err


# ---------------------------------------------------------------------------- prompt


def test_prompt_is_stable_for_a_date_and_bilingual(capsys: pytest.CaptureFixture[str]) -> None:
    _, en1, _ = run(capsys, "prompt", "--date", "2026-11-26")
    _, en2, _ = run(capsys, "prompt", "--date", "2026-11-26")
    _, fr, _ = run(capsys, "--lang", "fr", "prompt", "--date", "2026-11-26")
    _, other, _ = run(capsys, "prompt", "--date", "2026-11-27")
    assert en1 == en2 and en1 != fr and en1 != other and en1.strip()


def test_broken_user_prompts_warn_but_prompts_still_work(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    user = tmp_path / "config" / "prompts.toml"
    user.parent.mkdir(parents=True)
    user.write_text("version = 1\n[[prompts]\nid = 'x'\n")
    code, out, err = run(capsys, "prompt")
    assert code == 0 and out.strip()
    assert f"{user}:2" in err


def test_python_dash_m_and_version() -> None:
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "journal_tui", "--version"],
                            capture_output=True, text=True, env=os.environ.copy(), check=True)
    assert result.stdout.startswith("journal-tui ")


def test_doctor_names_leftover_temporary_files(capsys: pytest.CaptureFixture[str],
                                               isolated_env: Path) -> None:
    run(capsys, "add", "fine")
    [path] = entry_files(isolated_env)
    leftover = path.with_name(f".{path.name}.1234.tmp")
    leftover.write_text("half")
    code, out, _ = run(capsys, "doctor")
    assert code == 1 and str(leftover) in out and "interrupted write" in out
    assert run(capsys, "list")[1].count("\n") == 1  # never read as an entry


def test_the_tui_without_a_terminal_is_a_one_line_error(capsys: pytest.CaptureFixture[str],
                                                        isolated_env: Path) -> None:
    code, _, err = run(capsys)
    assert code == 1 and "needs a terminal" in err and len(err.strip().splitlines()) == 1
    code, _, err = run(capsys, "--date", "someday")
    assert code == 1 and "bad date" in err
    assert not isolated_env.exists()  # nothing written


def test_config_error_at_end_of_document_names_the_line(capsys: pytest.CaptureFixture[str],
                                                         tmp_path: Path) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text('format = "toml"\nlanguage = """fr\n')
    code, _, err = run(capsys, "list")
    assert code == 1 and f"{config}:2: invalid TOML" in err
