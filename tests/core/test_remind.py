"""`journal-tui remind`: one line and exit 1 when nothing is dated today; silent 0 otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal_tui import cli
from journal_tui.commands.remind import MESSAGES, quick
from journal_tui.core.model import make_entry
from journal_tui.core.remind import written_on
from journal_tui.core.storage import Journal

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 26)  # the frozen clock's day (tests/conftest.py)


def add(journal: Journal, day: date, body: str = "Written", **kw) -> Path:
    entry = make_entry(body, day=day, when=datetime(day.year, day.month, day.day, 7, tzinfo=TZ),
                       **kw)
    return journal.save(entry, touch=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_nothing_yet_then_written(journal: Journal, capsys) -> None:
    code, out, err = run(capsys, "remind")
    assert (code, out, err) == (1, MESSAGES["en"] + "\n", "")  # not even a journal folder
    add(journal, TODAY - timedelta(days=1))
    add(journal, TODAY, "A review note", kind="review", week="2026-W48")
    code, out, _ = run(capsys, "remind")
    assert (code, out) == (1, MESSAGES["en"] + "\n")  # yesterday, a review note: not today
    add(journal, TODAY)
    assert run(capsys, "remind") == (0, "", "")


def test_french_and_options_anywhere(journal: Journal, capsys, tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--lang", "fr", "remind")
    assert code == 1 and out == "Rien d’écrit aujourd’hui pour l’instant\u00a0: journal-tui\n"
    other = Journal(tmp_path / "other")
    add(other, TODAY)
    assert run(capsys, "remind", "--journal", str(tmp_path / "other")) == (0, "", "")
    assert run(capsys, f"--journal={tmp_path / 'other'}", "remind") == (0, "", "")


def test_an_entry_whose_date_was_changed_to_today_counts(journal: Journal, capsys) -> None:
    path = add(journal, TODAY - timedelta(days=3))
    entry = journal.read(path)
    entry.date = TODAY  # same id (named for the 23rd), now dated today
    journal.save(entry)
    assert run(capsys, "remind")[0] == 0


def test_unreadable_or_stray_files_do_not_count(journal: Journal, capsys,
                                                isolated_env: Path) -> None:
    add(journal, TODAY - timedelta(days=1))
    folder = isolated_env / "entries" / "2026" / "11"
    (folder / "20261126-070000-dead.toml").write_text('date = 2026-11-26\nmood = "x"\n')
    (folder / "notes-2026-11-26.txt").write_text("2026-11-26")
    (folder / ".20261126-070000-beef.toml.123.tmp").write_text("date = 2026-11-26")
    assert run(capsys, "remind")[0] == 1
    assert written_on(isolated_env / "entries", TODAY) is False


def test_json_entries_count(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "j", fmt="json")
    add(journal, TODAY)
    assert written_on(tmp_path / "j" / "entries", TODAY)
    assert not written_on(tmp_path / "j" / "entries", TODAY + timedelta(days=1))


def test_the_short_path_leaves_anything_else_to_the_parser(capsys) -> None:
    assert quick(["remind", "--help"]) is None
    assert quick(["remind", "--lang", "de"]) is None
    assert quick(["remind", "--journal"]) is None
    with pytest.raises(SystemExit) as exc:
        cli.main(["remind", "--help"])
    assert exc.value.code == 0 and "exit 1" in capsys.readouterr().out
    with pytest.raises(SystemExit) as exc:
        cli.main(["remind", "--bogus"])
    assert exc.value.code == 2 and "--bogus" in capsys.readouterr().err


def test_a_bad_config_is_one_line(isolated_env: Path, tmp_path: Path, capsys) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("language = 'klingon'\n")
    code, out, err = run(capsys, "remind")
    assert code == 1 and out == "" and err.count("\n") == 1 and "config.toml:1" in err


def test_the_short_path_loads_neither_the_index_nor_argparse(tmp_path: Path) -> None:
    """What keeps it near the interpreter's start-up (benchmarks/bench_remind.py)."""
    probe = ("import sys, json\nfrom journal_tui.cli import main\ncode = main(['remind'])\n"
             "print(json.dumps([code, sorted(m for m in sys.modules if m in "
             "('argparse', 'sqlite3', 'journal_tui.core.index', 'journal_tui.core.storage', "
             "'rich', 'textual', 'journal_tui.core.prompts'))]), file=sys.stderr)\n")
    env = {**os.environ, "JOURNAL_TUI_HOME": str(tmp_path / "j")}
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env=env, timeout=60, check=False)
    code, loaded = json.loads(result.stderr.strip().splitlines()[-1])
    assert code == 1 and loaded == []
