"""``journal-tui themes``: JSON shape, text output, ranges and errors."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from journal_tui.cli import main
from journal_tui.core.model import iso_week, make_entry
from journal_tui.core.storage import Journal
from journal_tui.core.themes import last_weeks

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 26)


def add(journal: Journal, day: date, body: str, **kw: object) -> None:
    when = datetime(day.year, day.month, day.day, 9, 0, tzinfo=TZ)
    journal.save(make_entry(body, day=day, when=when, **kw), touch=False)  # type: ignore[arg-type]


@pytest.fixture
def filled(journal: Journal) -> Journal:
    # values set by the person's word and check-ins (the detector has its own tests)
    add(journal, date(2026, 12, 22), "A day.", checkin={"determination": 2},
        themes={"determination": "low"})
    add(journal, date(2026, 12, 24), "Coffee with Tom.", themes={"path": "yes"})
    add(journal, date(2027, 1, 5), "Un jour.", checkin={"determination": 0},
        themes={"determination": "high"})
    add(journal, date(2027, 1, 12), "Admin day.")
    journal.close()
    return journal


def run_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    assert main(["themes", "--format", "json", *args]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_shape_and_values(filled: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, "--from", "2026-12-22", "--to", "2027-01-13")
    assert out["weeks"] == ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    assert set(out) == {"weeks", "themes"}
    assert len(out["themes"]) == 9
    for line in out["themes"].values():
        assert set(line) == {"mentions", "balance"}
        assert len(line["mentions"]) == len(line["balance"]) == 4
    assert out["themes"]["determination"] == {"mentions": [1, 0, 1, 0],
                                              "balance": [0.0, None, 0.5, None]}
    assert out["themes"]["path"] == {"mentions": [1, 0, 0, 0],
                                     "balance": [None, None, None, None]}


def test_theme_option_and_partial_weeks(filled: Journal, capsys: pytest.CaptureFixture[str]
                                        ) -> None:
    # every ISO week touching the range, even by one day
    out = run_json(capsys, "--from", "2027-01-03", "--to", "2027-01-04", "--theme", "path")
    assert out == {"weeks": ["2026-W53", "2027-W01"],
                   "themes": {"path": {"mentions": [0, 0], "balance": [None, None]}}}


def test_from_and_to_win_over_weeks(filled: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys, "--weeks", "30", "--from", "2027-01-04", "--to", "2027-01-10")
    assert out["weeks"] == ["2027-W01"]
    out = run_json(capsys, "--weeks", "2", "--to", "2027-01-10")
    assert out["weeks"] == ["2026-W53", "2027-W01"]


def test_default_is_twelve_weeks_to_this_week(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_json(capsys)
    assert out["weeks"] == last_weeks(TODAY, 12)  # the frozen clock's day
    assert out["weeks"][-1] == iso_week(TODAY) == "2026-W48"
    # an empty journal: every week counts 0 (the contract's counts) and has no balance
    assert all(v["mentions"] == [0] * 12 for v in out["themes"].values())


def test_plain_text_when_piped(filled: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", "--from", "2026-12-21", "--to", "2027-01-17"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Themes, 2026-W52 to 2027-W02 (4 weeks, 4 entries)")
    assert "Determination" in out and "stubbornness ↔ determination" in out
    assert "\x1b[" not in out
    lines = {line.split("  ")[0].strip(): line for line in out.splitlines()}
    assert "  █ █·      ◆ ▲·  " in lines["Determination"]


def test_text_detail_in_french(filled: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", "--lang", "fr", "--from", "2026-12-21", "--to", "2027-01-10",
                 "--theme", "determination"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Thèmes, de 2026-W52 à 2027-W01 (3 semaines, 3 entrées)")
    assert "obstination ↔ détermination" in out
    assert "2027-W01        1         1      +0,50        +0,25  ▲" in out  # decimal comma
    assert "Semaine" in out


def test_rich_on_a_terminal(filled: Journal, capsys: pytest.CaptureFixture[str],
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("journal_tui.commands.themes.is_terminal", lambda: True)
    assert main(["themes", "--from", "2026-12-21", "--to", "2027-01-10",
                 "--theme", "determination"]) == 0
    out = capsys.readouterr().out
    assert "Determination" in out and "2027-W01" in out and "+0.50" in out


@pytest.mark.parametrize(("args", "message"), [
    (["--theme", "nope"], "unknown theme 'nope'"),
    (["--from", "2026-13-01"], "bad date '2026-13-01'"),
    (["--to", "soon"], "bad date 'soon'"),
    (["--from", "2026-12-01", "--to", "2026-11-01"], "--from 2026-12-01 is after --to"),
])
def test_errors_are_one_line(args: list[str], message: str,
                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["themes", *args]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_bad_weeks_is_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["themes", "--weeks", "0"])
    assert exc.value.code == 2


def test_corrupt_file_is_skipped_with_a_warning(filled: Journal,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    bad = filled.entries_dir / "2027" / "01" / "20270106-090000-dead.toml"
    bad.write_text("schema = 1\nbody = \"unterminated\n", encoding="utf-8")
    assert main(["themes", "--format", "json", "--from", "2027-01-04", "--to", "2027-01-10"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["themes"]["determination"]["mentions"] == [1]
    assert "20270106-090000-dead.toml" in captured.err


@pytest.mark.parametrize(("lang", "title"), [
    ("en", "Themes, 2027-W02 to 2027-W02 (1 week, 1 entry)"),
    ("fr", "Thèmes, de 2027-W02 à 2027-W02 (1 semaine, 1 entrée)"),
])
def test_title_counts_in_the_singular(filled: Journal, capsys: pytest.CaptureFixture[str],
                                      lang: str, title: str) -> None:
    assert main(["themes", "--lang", lang, "--from", "2027-01-12", "--to", "2027-01-12"]) == 0
    assert capsys.readouterr().out.startswith(title)
