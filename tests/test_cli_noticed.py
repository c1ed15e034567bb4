"""``show`` lists the themes noticed (text and JSON); ``edit`` changes fields, never the body."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from journal_tui.cli import main

BODY = ("Réunion client à dix heures.\n"
        "Je me suis braquée quand il a critiqué mon offre, je lui ai coupé la parole.\n")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def added(capsys: pytest.CaptureFixture[str], home: Path, body: str = BODY) -> tuple[str, Path]:
    assert run(capsys, "add", body, "--date", "2026-11-20", "--tag", "client")[0] == 0
    [path] = sorted((home / "entries").rglob("*.toml"))
    return tomllib.loads(path.read_text("utf-8"))["id"], path


def test_show_json_has_the_entry_and_what_was_noticed(capsys: pytest.CaptureFixture[str],
                                                      isolated_env: Path) -> None:
    entry_id, _ = added(capsys, isolated_env)
    code, out, _ = run(capsys, "show", entry_id, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["id"] == entry_id and data["body"] == BODY
    assert {"schema", "date", "created", "tags", "people"} <= set(data)
    openness = [n for n in data["noticed"] if n["theme"] == "openness"]
    assert openness == [{"theme": "openness", "pole": "low", "source": "text",
                         "evidence": openness[0]["evidence"],
                         "confidence": openness[0]["confidence"]}]
    assert "braquée" in openness[0]["evidence"] and 0 < openness[0]["confidence"] <= 1
    for n in data["noticed"]:
        assert set(n) == {"theme", "pole", "source", "evidence", "confidence"}


def test_the_persons_word_shows_and_wins(capsys: pytest.CaptureFixture[str],
                                         isolated_env: Path) -> None:
    entry_id, _ = added(capsys, isolated_env)
    assert run(capsys, "edit", entry_id, "--theme", "openness=high", "--theme", "path=yes",
               "--theme", "synergy=none")[0] == 0
    data = json.loads(run(capsys, "show", entry_id, "--format", "json")[1])
    noticed = {(n["theme"], n["source"]): n for n in data["noticed"]}
    assert noticed[("openness", "user")] == {"theme": "openness", "pole": "high",
                                             "source": "user", "evidence": None,
                                             "confidence": 1.0}
    assert noticed[("path", "user")]["pole"] is None
    assert ("openness", "text") not in noticed and "synergy" not in {t for t, _ in noticed}
    assert data["themes"] == {"openness": "high", "path": "yes", "synergy": "none"}
    # themes and review count the word
    out = json.loads(run(capsys, "themes", "--format", "json", "--from", "2026-11-16",
                         "--to", "2026-11-22")[1])
    assert out["themes"]["openness"] == {"mentions": [1], "balance": [1.0]}
    assert out["themes"]["synergy"]["mentions"] == [0]
    review = json.loads(run(capsys, "review", "--week", "2026-W47", "--format", "json")[1])
    assert review["themes"]["openness"]["balance"] == 1.0


def test_show_text_lists_the_noticed_themes(capsys: pytest.CaptureFixture[str],
                                            isolated_env: Path) -> None:
    entry_id, _ = added(capsys, isolated_env)
    run(capsys, "edit", entry_id, "--theme", "determination=low")
    code, out, _ = run(capsys, "show", entry_id)
    assert code == 0 and BODY.splitlines()[1] in out
    tail = out.split("Themes noticed:")[1]
    assert "Closed posture" in tail or "closed" in tail.lower()
    assert "noticed in the text" in tail and "braquée" in tail
    assert "your word" in tail
    code, out, _ = run(capsys, "show", entry_id, "--lang", "fr")
    assert "Thèmes relevés\u00a0:" in out and "votre choix" in out


def test_edit_changes_fields_and_never_the_body(capsys: pytest.CaptureFixture[str],
                                                isolated_env: Path) -> None:
    body = "Un jour *ordinaire*\r\n  avec des espaces  \n#perso @Marie\n"
    entry_id, path = added(capsys, isolated_env, body)
    before = tomllib.loads(path.read_text("utf-8"))
    assert run(capsys, "edit", entry_id, "--mood", "2", "--tag", "famille", "--tag", "dimanche",
               "--date", "2026-12-03", "--theme", "inspiration=yes")[0] == 0
    [moved] = sorted((isolated_env / "entries").rglob("*.toml"))
    assert moved.parent == isolated_env / "entries" / "2026" / "12" and not path.exists()
    after = tomllib.loads(moved.read_text("utf-8"))
    assert after["body"] == body == before["body"]
    assert after["id"] == entry_id and after["mood"] == 2
    assert after["date"].isoformat() == "2026-12-03"
    assert after["tags"] == ["famille", "dimanche", "perso"]  # #perso stays: it is in the body
    assert after["people"] == ["Marie"] and after["themes"] == {"inspiration": "yes"}
    assert after["created"] == before["created"] and after["updated"] >= before["updated"]


@pytest.mark.parametrize(("option", "message"), [
    ("courage=high", "unknown theme 'courage'"),
    ("determination=yes", "determination is a polar theme"),
    ("path=low", "path is a plain theme"),
    ("openness=maybe", "bad value 'maybe'"),
    ("openness", "bad --theme"),
])
def test_edit_errors_are_one_line_and_change_nothing(capsys: pytest.CaptureFixture[str],
                                                     isolated_env: Path, option: str,
                                                     message: str) -> None:
    entry_id, path = added(capsys, isolated_env)
    raw = path.read_bytes()
    code, out, err = run(capsys, "edit", entry_id, "--mood", "1", "--theme", option)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert path.read_bytes() == raw


def test_edit_unknown_id_and_unreadable_file(capsys: pytest.CaptureFixture[str],
                                             isolated_env: Path) -> None:
    code, _, err = run(capsys, "edit", "20261120-101010-abcd", "--mood", "3")
    assert code == 1 and err.count("\n") == 1
    entry_id, path = added(capsys, isolated_env)
    path.write_text(path.read_text("utf-8") + "\nbroken = [\n", encoding="utf-8")
    raw = path.read_bytes()
    code, _, err = run(capsys, "edit", entry_id, "--mood", "3")
    assert code == 1 and err.count("\n") == 1 and path.read_bytes() == raw
    code, _, err = run(capsys, "show", entry_id, "--format", "json")
    assert code == 1 and err.count("\n") == 1


def test_edit_without_options_opens_the_body(capsys: pytest.CaptureFixture[str],
                                             isolated_env: Path, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    entry_id, path = added(capsys, isolated_env, "First draft #idee\n")
    editor = tmp_path / "fake-editor"
    seen = tmp_path / "seen.txt"
    editor.write_text(f"#!/bin/sh\ncp \"$1\" {seen}\nprintf 'Second draft @Paul\\n' > \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    assert run(capsys, "edit", entry_id)[0] == 0
    # the editor got the body, ending with a newline as a text file should
    assert seen.read_text("utf-8") == "First draft #idee\n"
    data = tomllib.loads(path.read_text("utf-8"))
    # a one-line body stays one line: the newline the editor file needed is not kept
    assert data["body"] == "Second draft @Paul" and data["people"] == ["Paul"]
    assert data["tags"] == ["client"]  # the typed tag stays, #idee went with the text
    assert not list(Path(str(tmp_path)).glob("journal-tui-*.md"))


def test_edit_keeps_the_text_when_the_save_fails(capsys: pytest.CaptureFixture[str],
                                                 isolated_env: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    entry_id, path = added(capsys, isolated_env)
    editor = tmp_path / "fake-editor"
    editor.write_text("#!/bin/sh\nprintf 'Precious new text\\n' > \"$1\"\n")
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    # the file turns unreadable while the editor is open: the save is refused
    real_run = __import__("subprocess").run

    def editing(*args, **kw):  # type: ignore[no-untyped-def]
        result = real_run(*args, **kw)
        path.write_text("broken = [\n", encoding="utf-8")
        return result

    monkeypatch.setattr("subprocess.run", editing)
    code, _, err = run(capsys, "edit", entry_id)
    assert code == 1 and err.count("\n") == 1 and "kept in" in err
    kept = Path(err.strip().rsplit("kept in ", 1)[1])
    assert kept.read_text("utf-8") == "Precious new text\n"
    assert oct(kept.stat().st_mode & 0o777) == "0o600"
    kept.unlink()
