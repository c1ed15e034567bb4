"""The command line against hostile input: one-line errors instead of tracebacks, entry
text shown (never obeyed) on a terminal, nothing written outside the journal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from test_cli import entry_files, run

ESC_TEXT = "clear\x1b[2J title\x1b]0;pwned\x07 csi\x9b31m cr\rend"


def one_line(err: str) -> bool:
    return len(err.strip().splitlines()) == 1 and "Traceback" not in err


def files_under(folder: Path) -> set[Path]:
    return set(folder.rglob("*")) if folder.exists() else set()


# ------------------------------------------------------------------ promised one-liners


def test_a_huge_count_is_all_entries(capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", "one")
    code, out, err = run(capsys, "list", "-n", "99999999999999999999")
    assert code == 0 and "one" in out and err == ""


@pytest.mark.parametrize("argv", [
    ["themes", "--weeks", "999999999"],
    ["themes", "--weeks", "99999999999999999999999"],
    ["themes", "--weeks", "53583"],  # a week of year 999 ("999-W52"): found by fuzzing
    ["themes", "--from", "1000-01-01"],
    ["themes", "--to", "9999-12-31"],
    ["review", "--week", "9999-W52"],
    ["review", "--week", "1000-W01"],
    ["add", "x", "--date", "0001-01-01"],
    ["add", "x", "--date", "0999-12-31"],
    ["list", "--from", "0001-01-01"],
    ["show", "../../etc/passwd"],
    ["show", "20261126-081203-3f9a\x00"],
])
def test_out_of_range_arguments_are_one_line(capsys: pytest.CaptureFixture[str],
                                             isolated_env: Path, argv: list[str]) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 1 and one_line(err), err
    assert entry_files(isolated_env) == []


def test_add_at_the_edges_of_the_calendar_makes_valid_ids(capsys: pytest.CaptureFixture[str],
                                                          isolated_env: Path) -> None:
    for day in ("1000-01-01", "9999-12-31"):
        assert run(capsys, "add", "edge", "--date", day)[0] == 0
    names = sorted(p.stem for p in entry_files(isolated_env))
    assert [n[:8] for n in names] == ["10000101", "99991231"]
    code, out, err = run(capsys, "list")
    assert code == 0 and err == "" and len(out.splitlines()) == 2
    assert run(capsys, "export")[0] == 0 and run(capsys, "doctor")[0] == 0


HOSTILE_IMPORTS = {
    "nested": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "jrnl-date": (json.dumps({"entries": [{"date": 20261120, "title": "x"}]}),
                  '"date" and "time" must be text'),
    "null": (json.dumps({"schema": 1, "entries": [
        {"id": "20261120-090000-aaaa", "date": "2026-11-20", "extra": {"a": {"d": None}}}]}),
             "TOML"),
    "nul-id": (json.dumps({"schema": 1, "entries": [
        {"id": "20261120-090000-aaaa\x00", "date": "2026-11-20"}]}), "'id'"),
    "abs-id": (json.dumps({"schema": 1, "entries": [
        {"id": "/tmp/journal-tui-abs", "date": "2026-11-20"}]}), "'id'"),
    "rel-id": (json.dumps({"schema": 1, "entries": [
        {"id": "20261120-090000-aaaa", "date": "2026-11-20"},
        {"id": "../../x", "date": "2026-11-20"},
        {"id": "../../y", "date": "2026-11-20"}]}), "2 of 3 entries refused"),
    "overflow": (json.dumps({"schema": 1, "entries": [
        {"id": "20261120-090000-aaaa", "date": "2026-11-20",
         "created": "9999-12-31T23:59:59-05:00"}]}), "out of range"),
    "surrogate": ('{"schema": 1, "entries": [{"id": "20261120-090000-aaaa", '
                  '"date": "2026-11-20", "body": "\\ud800"}]}', "Unicode"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_IMPORTS))
def test_hostile_imports_are_refused_in_one_line(capsys: pytest.CaptureFixture[str],
                                                 tmp_path: Path, isolated_env: Path,
                                                 name: str) -> None:
    content, message = HOSTILE_IMPORTS[name]
    src = tmp_path / f"{name}.json"
    src.write_text(content)
    before = files_under(tmp_path) - files_under(isolated_env)
    code, _, err = run(capsys, "import", str(src))
    assert code == 1 and one_line(err) and message in err, err
    assert "entries imported" not in err
    assert entry_files(isolated_env) == []
    after = files_under(tmp_path) - files_under(isolated_env)
    assert after - before <= {p for p in after if "cache" in p.parts}
    assert not Path("/tmp/journal-tui-abs.toml").exists()


def test_an_import_with_a_byte_order_mark_is_accepted(capsys: pytest.CaptureFixture[str],
                                                      tmp_path: Path) -> None:
    src = tmp_path / "bom.json"
    src.write_bytes(b"\xef\xbb\xbf" + json.dumps({"entries": [
        {"date": "2024-03-05", "time": "09:15", "title": "With a BOM", "body": ""}]}).encode())
    code, _, err = run(capsys, "import", str(src))
    assert code == 0 and "1 entry imported" in err
    assert "With a BOM" in run(capsys, "list")[1]


def test_duplicate_ids_with_different_content_are_reported(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    entries = [{"id": "20261120-090000-aaaa", "date": "2026-11-20", "body": "first"},
               {"id": "20261120-090000-aaaa", "date": "2026-11-20", "body": "second"},
               {"id": "20261120-090000-aaaa", "date": "2026-11-20", "body": "first"}]
    src = tmp_path / "dups.json"
    src.write_text(json.dumps({"schema": 1, "entries": entries}))
    code, _, err = run(capsys, "import", str(src))
    assert code == 1 and "1 entry imported" in err and "(1 already there)" in err
    assert "different content" in err and "20261120-090000-aaaa" in err
    assert "first" in run(capsys, "list")[1]


def test_import_removes_its_own_leftovers(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                          isolated_env: Path) -> None:
    """A killed import leaves staging files; the next import of the month removes them."""
    folder = isolated_env / "entries" / "2024" / "03"
    folder.mkdir(parents=True)
    dead = folder / ".20240305-091500-0a1b2c3d.toml.999999999.new.tmp"
    dead.write_text("half")
    src = tmp_path / "jrnl.json"
    src.write_text(json.dumps({"entries": [{"date": "2024-03-05", "title": "x"}]}))
    assert run(capsys, "import", str(src))[0] == 0
    assert not dead.exists()


def test_a_comma_in_a_tag_does_not_split_it(capsys: pytest.CaptureFixture[str],
                                            isolated_env: Path) -> None:
    run(capsys, "add", "x", "--tag", "a, b", "--tag", "c")
    [path] = entry_files(isolated_env)
    assert tomllib.loads(path.read_text())["tags"] == ["a, b", "c"]


# --------------------------------------------------------------------- the journal folder


def test_journal_at_a_file_or_a_missing_path(capsys: pytest.CaptureFixture[str],
                                             tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    for argv in (["list"], ["export"], ["doctor"], ["review"], ["themes"], ["show", "x"]):
        for where in (a_file, tmp_path / "missing"):
            code, _, err = run(capsys, *argv, "--journal", str(where))
            assert code == 1 and one_line(err), (argv, where, err)
    assert not (tmp_path / "missing").exists()
    code, _, err = run(capsys, "--journal", str(a_file))  # the TUI, before any terminal check
    assert code == 1 and "is not a folder" in err


def test_doctor_refuses_a_folder_that_is_no_journal(capsys: pytest.CaptureFixture[str],
                                                     tmp_path: Path) -> None:
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / "notes.txt").write_text("x")
    code, out, err = run(capsys, "doctor", "--journal", str(tmp_path / "home"))
    assert code == 1 and out == "" and "does not look like a journal" in err
    code, _, err = run(capsys, "doctor", "--journal", "/")
    assert code == 1 and "chmod" not in err and one_line(err)


# ------------------------------------------------------------- control characters, markup


def test_list_and_show_show_control_characters(capsys: pytest.CaptureFixture[str],
                                               isolated_env: Path) -> None:
    run(capsys, "add", ESC_TEXT, "--tag", "t\x1b[31m")
    [path] = entry_files(isolated_env)
    assert tomllib.loads(path.read_text())["body"] == ESC_TEXT  # kept byte for byte
    entry_id = path.stem
    for argv in (["list"], ["show", entry_id], ["review", "--week", "2026-W48"]):
        code, out, _ = run(capsys, *argv)
        assert code == 0 and "\x1b" not in out and "\x07" not in out and "\x9b" not in out
        assert "\r" not in out
    out = run(capsys, "list")[1]
    assert "clear\\x1b[2J title\\x1b]0;pwned\\x07 csi\\x9b31m cr  #t\\x1b[31m" in out  # 1st line


def test_json_and_exports_keep_control_characters(capsys: pytest.CaptureFixture[str],
                                                  tmp_path: Path) -> None:
    run(capsys, "add", ESC_TEXT)
    [item] = json.loads(run(capsys, "list", "--format", "json")[1])
    assert item["body"] == ESC_TEXT
    dump = tmp_path / "dump.json"
    run(capsys, "export", "--format", "json", "-o", str(dump))
    assert json.loads(dump.read_text())["entries"][0]["body"] == ESC_TEXT
    assert ESC_TEXT in run(capsys, "export")[1]  # piped Markdown: byte for byte


def test_on_a_terminal_json_stays_the_same_json(capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    run(capsys, "add", ESC_TEXT + " \x7f")
    monkeypatch.setattr("journal_tui.commands.common.is_terminal", lambda *a: True)
    out = run(capsys, "list", "--format", "json")[1]
    assert not any(c in out for c in "\x1b\x07\x9b\x7f\r")
    assert json.loads(out)[0]["body"] == ESC_TEXT + " \x7f"
    for argv in (["export"], ["review", "--week", "2026-W48", "--format", "markdown"]):
        out = run(capsys, *argv)[1]
        assert "\x1b" not in out and "\\x1b[2J" in out


@pytest.mark.parametrize("body", [
    "[/] hello", "[red]swallowed?[/red]", "[@click=app.quit]quit[/]",
    "[link=file:///etc/passwd]x[/link]", "a [bold]b", "\x1b[2J cleared"])
def test_show_on_a_terminal_reads_no_markup(capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch,
                                            body: str) -> None:
    run(capsys, "add", "first line", "--tag", "[/]")
    run(capsys, "add", body, "--tag", "[red]")
    items = json.loads(run(capsys, "list", "--format", "json")[1])
    entry_id = next(i["id"] for i in items if i["body"] == body)
    monkeypatch.setattr("journal_tui.commands.entries.is_terminal", lambda *a: True)
    monkeypatch.setenv("COLUMNS", "100")
    code, out, err = run(capsys, "show", entry_id)
    assert code == 0 and err == ""
    assert "#[red]" in out  # the tag is text, not a style
    assert "\x1b[2J" not in out
    visible = body.replace("\x1b", "\\x1b")
    assert visible.replace("[bold]", "") in out or visible in out


# ------------------------------------------------------------------ $EDITOR and saves


def fake_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str) -> None:
    editor = tmp_path / "fake-editor"
    editor.write_text("#!/bin/sh\n" + script)
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)


def test_add_through_the_editor_keeps_the_text_when_the_save_fails(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal_tui.core.atomic import WriteError
    from journal_tui.core.storage import Journal

    fake_editor(tmp_path, monkeypatch, "printf 'precious words' > \"$1\"\n")

    def full_disk(self, entry, **kw):  # type: ignore[no-untyped-def]
        raise WriteError(28, "cannot write: No space left on device")

    monkeypatch.setattr(Journal, "add", full_disk)
    code, _, err = run(capsys, "add")
    assert code == 1 and one_line(err) and "No space left" in err
    kept = Path(err.split("kept in ")[1].strip())
    assert kept.read_text() == "precious words"
    kept.unlink()


def test_add_through_the_editor_removes_its_file_once_saved(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_env: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen = tmp_path / "seen"
    fake_editor(tmp_path, monkeypatch, f"echo \"$1\" > '{seen}'\nprintf 'hello' > \"$1\"\n")
    assert run(capsys, "add")[0] == 0
    assert not Path(seen.read_text().strip()).exists()
    assert len(entry_files(isolated_env)) == 1


def test_add_saves_a_conflict_free_new_file_and_reports_conflicts_in_one_line(
        capsys: pytest.CaptureFixture[str], isolated_env: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from journal_tui.core.storage import Conflict, Journal

    def taken(self, entry, **kw):  # type: ignore[no-untyped-def]
        raise Conflict(Path("/j/entries/2026/11/x.toml"), Conflict.CHANGED, None)

    monkeypatch.setattr(Journal, "add", taken)
    code, _, err = run(capsys, "add", "x")
    assert code == 1 and one_line(err) and "changed since it was read" in err


# -------------------------------------------------------------------------- doctor


def test_doctor_lists_newer_schemas_links_and_bad_drafts(capsys: pytest.CaptureFixture[str],
                                                        isolated_env: Path,
                                                        tmp_path: Path) -> None:
    run(capsys, "add", "fine")
    run(capsys, "add", "from the future", "--date", "2026-11-20")
    future = next(p for p in entry_files(isolated_env) if "20261120" in p.name)
    future.write_text(future.read_text().replace("schema = 1", "schema = 2"))
    dangling = future.with_name("20261120-000000-dead.toml")
    dangling.symlink_to(tmp_path / "nowhere.toml")
    drafts = isolated_env / "drafts"
    drafts.mkdir(mode=0o700)
    (drafts / "evil.json").write_text('{"key": "../../victim"}')
    code, out, _ = run(capsys, "doctor")
    assert code == 1
    assert f"{future}: written by a newer version" in out
    assert f"{dangling}: a symbolic link to a missing file" in out
    assert f"{drafts / 'evil.json'}: unreadable draft" in out
    code, out, err = run(capsys, "list")  # the newer file is read, the link reported
    assert "from the future" in out and str(dangling) in err


@pytest.mark.parametrize(("tmp_body", "updated", "verdict"), [
    ("newer text", "2026-11-26T09:00:00+01:00", "NEWER than"),
    ("older text", "2026-11-26T07:00:00+01:00", "older than"),
    (None, None, "incomplete"),
])
def test_doctor_says_which_of_a_leftover_and_its_entry_is_newer(
        capsys: pytest.CaptureFixture[str], isolated_env: Path, tmp_body: str | None,
        updated: str | None, verdict: str) -> None:
    run(capsys, "add", "on disk")
    [path] = entry_files(isolated_env)
    leftover = path.with_name(f".{path.name}.999999999.tmp")
    if tmp_body is None:
        leftover.write_text('schema = 1\nbody = "half')
    else:
        text = path.read_text().replace("on disk", tmp_body)
        data = tomllib.loads(text)
        leftover.write_text(text.replace(data["updated"].isoformat(), updated))
    code, out, _ = run(capsys, "doctor")
    assert code == 1 and f"{leftover}: left over by an interrupted write" in out
    assert verdict in out
    assert "safe to delete" in out if verdict != "NEWER than" else "safe to delete" not in out


# ------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("env", [
    {"PYTHONIOENCODING": "ascii"},
    {"LC_ALL": "POSIX", "LANG": "POSIX", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
])
def test_a_terminal_that_cannot_show_the_text(tmp_path: Path, env: dict[str, str]) -> None:
    base = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LANG", "PYTHONUTF8")}
    base["JOURNAL_TUI_HOME"] = str(tmp_path / "j")

    def cli(*argv: str, extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "journal_tui", *argv], capture_output=True,
                              env={**base, **(extra or {})}, timeout=120, check=False)

    assert cli("add", "Été à la mer, naïve café ☕").returncode == 0
    for argv in (["list"], ["export"], ["--lang", "fr", "review"], ["--lang", "fr", "doctor"]):
        result = cli(*argv, extra=env)
        assert result.returncode == 0, (argv, result.stderr)
        assert b"Traceback" not in result.stderr
    assert b"caf" in cli("list", extra=env).stdout
    # Typed under a POSIX locale, the text is still the UTF-8 that was typed.
    assert cli("add", "Noël", extra=env).returncode == 0
    assert "Noël" in cli("list").stdout.decode()
