"""People: @Name matching, people.toml, per-person statistics and the `people` command."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal_tui import cli
from journal_tui.core.model import Entry, make_entry
from journal_tui.core.people import (
    Directory,
    PeopleFileChanged,
    PeopleFileError,
    Person,
    load_people,
    mentions_by_week,
    people_json,
    people_stats,
    person_key,
    person_stats,
    save_people,
    suggest,
)
from journal_tui.core.printable import printable
from journal_tui.core.prompts import load_prompts
from journal_tui.core.storage import Journal

TZ = timezone(timedelta(hours=1))
BOOK = load_prompts(None)[0]

PEOPLE_TOML = """\
[[people]]
name = "Marc Aurèle"
aliases = ["Marc", "MarcA"]
note = "ancien associé"

[[people]]
name = "Zoé"
"""


def entry(day: str, body: str, *, mood: int | None = None, kind: str = "entry",
          checkin: dict[str, int] | None = None, themes: dict[str, str] | None = None,
          hour: int = 9) -> Entry:
    d = date.fromisoformat(day)
    return make_entry(body, day=d, when=datetime(d.year, d.month, d.day, hour, tzinfo=TZ),
                      mood=mood, checkin=checkin, themes=themes, kind=kind,
                      week=f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"
                      if kind == "review" else None)


def directory(text: str = PEOPLE_TOML) -> Directory:
    from journal_tui.core.people import parse_people

    return parse_people(text.encode(), Path("people.toml"))


# -------------------------------------------------------------------------- matching


@pytest.mark.parametrize(("a", "b"), [
    ("Marie", "marie"), ("Marie", "MARIE"), ("Zoé", "zoe"), ("Zoé", "ZOÉ"),
    ("Marie", "Marie's"), ("Marie", "Marie’s"), ("Marie", "MARIE’S"),
    ("Marc Aurèle", "Marc_Aurele"), ("Marc Aurèle", "marc-aurèle"), ("Jean-Luc", "jean_luc"),
    ("O'Brien", "O’Brien"), ("Hélène", "Hélène's"),
])
def test_same_person(a: str, b: str) -> None:
    assert person_key(a) == person_key(b)


@pytest.mark.parametrize(("a", "b"), [("Marie", "Marc"), ("Charles", "Charle"),
                                      ("Marie", "Maries"), ("Ana", "Anna")])
def test_different_people(a: str, b: str) -> None:
    assert person_key(a) != person_key(b)


def test_aliases_and_display_names() -> None:
    people = directory()
    for spelling in ("Marc", "marca", "MARC_AURELE", "Marc’s", "marc aurèle"):
        assert people.find(spelling).name == "Marc Aurèle"
        assert people.key_of(spelling) == "marc aurele"
    assert people.find("Paul") is None and people.key_of("Paul") == "paul"


def test_stats_group_every_spelling_of_one_person() -> None:
    entries = [
        entry("2026-10-01", "Coffee with @Marc, an idea to #partner", mood=4),
        entry("2026-11-02", "@MarcA's plan and @Zoe's: collaborate", mood=2,
              checkin={"synergy": 2}),  # the person's own rating: no detector involved
        entry("2026-11-20", "Long talk with @marc_aurèle", hour=20),
        entry("2026-11-21", "@marie @Marie's call"),  # one entry, one mention
        entry("2026-11-22", "Review: @Marc again", kind="review"),  # not counted
    ]
    found = people_stats(entries, BOOK, directory())
    assert [(s.name, s.mentions) for s in found] == [("Marc Aurèle", 3), ("marie", 1),
                                                     ("Zoé", 1)]
    marc = found[0]
    assert (marc.first, marc.last) == (date(2026, 10, 1), date(2026, 11, 20))
    assert marc.mood == pytest.approx(3.0)  # entries with a mood only
    assert [e.date for e in marc.entries] == [date(2026, 11, 20), date(2026, 11, 2),
                                             date(2026, 10, 1)]
    assert marc.person.note == "ancien associé"
    assert "synergy" in marc.themes and marc.themes["synergy"].balance == pytest.approx(1.0)


def test_without_a_record_the_most_used_spelling_shows() -> None:
    entries = [entry("2026-11-01", "@karim"), entry("2026-11-02", "@Karim"),
               entry("2026-11-03", "@Karim"), entry("2026-11-04", "@KARIM")]
    [karim] = people_stats(entries, BOOK)
    assert karim.name == "Karim" and karim.mentions == 4
    tie = people_stats([entry("2026-11-01", "@ana"), entry("2026-11-05", "@Ana")], BOOK)
    assert tie[0].name == "Ana"  # of equals, the spelling used last


def test_sorted_by_mentions_then_name() -> None:
    entries = [entry("2026-11-01", "@Zed @Émile @ada"), entry("2026-11-02", "@Zed"),
               entry("2026-11-03", "@Bob")]
    assert [s.name for s in people_stats(entries, BOOK)] == ["Zed", "ada", "Bob", "Émile"]


def test_themes_that_come_up_with_someone() -> None:
    entries = [
        # Ratings and the person's word, not text detection: these statistics are
        # what this test pins, whatever the detector makes of the words.
        entry("2026-11-02", "@Nadia: we will work on it together", checkin={"synergy": 2}),
        entry("2026-11-03", "@Nadia again", checkin={"synergy": -1}),
        entry("2026-11-04", "@Nadia gave her view", themes={"advice": "high"}),
        entry("2026-11-05", "Alone", checkin={"determination": -2}),  # not about her
    ]
    [nadia] = people_stats(entries, BOOK)
    assert nadia.themes["synergy"].mentions == 2
    assert nadia.themes["synergy"].balance == pytest.approx(0.25)  # (+1 − 0.5) / 2
    assert nadia.themes["advice"].balance == pytest.approx(1.0)
    assert "determination" not in nadia.themes
    assert next(iter(nadia.themes)) == "synergy"  # most mentioned first


def test_person_stats_by_alias_and_unknown() -> None:
    entries = [entry("2026-11-02", "@Marc")]
    assert person_stats(entries, BOOK, directory(), "MarcA").mentions == 1
    zoe = person_stats(entries, BOOK, directory(), "zoe")  # a record, no mention
    assert zoe.name == "Zoé" and zoe.mentions == 0 and zoe.first is None
    assert person_stats(entries, BOOK, directory(), "Nobody") is None
    assert person_stats(entries, BOOK, None, "marc").name == "Marc"


def test_mentions_per_week_for_a_sparkline() -> None:
    entries = [entry("2026-11-02", "@Ana"), entry("2026-11-03", "@Ana"),
               entry("2026-11-17", "@Ana")]
    [ana] = people_stats(entries, BOOK)
    assert mentions_by_week(ana, ["2026-W44", "2026-W45", "2026-W46", "2026-W47"]) == [
        0, 2, 0, 1]


def test_suggest_for_completion() -> None:
    names = ["Marie", "Karim", "Marc Aurèle"]
    assert suggest("ma", names, directory()) == ["Marie", "Marc Aurèle"]
    assert suggest("MARCA", names, directory()) == ["Marc Aurèle"]  # by alias
    assert suggest("zo", names, directory()) == ["Zoé"]  # from people.toml
    assert suggest("é", names) == []


# ---------------------------------------------------------------------- people.toml


def test_load_missing_and_good(tmp_path: Path) -> None:
    assert load_people(tmp_path) == (Directory(), [])
    (tmp_path / "people.toml").write_text(PEOPLE_TOML, "utf-8")
    people, problems = load_people(tmp_path)
    assert problems == [] and [p.name for p in people.people] == ["Marc Aurèle", "Zoé"]
    assert people.people[0].aliases == ("Marc", "MarcA")


@pytest.mark.parametrize(("text", "line", "words"), [
    ('[[people]]\nname = "A"\n[[people]\nname = "B"\n', 3, "invalid TOML"),
    ('[[people]]\nname = "A"\n\n[[people]]\naliases = ["b"]\n', 4, "needs a name"),
    ('[[people]]\nname = "A"\naliases = "A1"\n', 3, "aliases"),
    ('[[people]]\nname = "A"\nnote = 3\n', 3, "note"),
    ('people = "everyone"\n', 1, "array of tables"),
])
def test_a_malformed_file_is_one_line_with_path_and_line(tmp_path: Path, text: str,
                                                         line: int, words: str) -> None:
    path = tmp_path / "people.toml"
    path.write_text(text, "utf-8")
    people, [problem] = load_people(tmp_path)
    assert people == Directory()
    assert isinstance(problem, PeopleFileError) and (problem.path, problem.line) == (path, line)
    assert words in str(problem) and str(problem).startswith(f"{path}:{line}: ")
    assert "\n" not in str(problem)


def test_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "people.toml").write_bytes(b'[[people]]\nname = "Ren\xe9"\n')
    _, [problem] = load_people(tmp_path)
    assert problem.line == 2 and "UTF-8" in problem.message


def test_save_round_trip_keeps_unknown_keys_and_is_private(tmp_path: Path) -> None:
    path = tmp_path / "people.toml"
    path.write_text(PEOPLE_TOML + 'email = "z@example.org"\n\n[meta]\nsince = 2026\n', "utf-8")
    people, _ = load_people(tmp_path)
    edited = people.with_person(Person("Zoé Martin", ("Zoé", "Zoe"), "met at a fair"),
                                replacing="zoe")
    edited = edited.with_person(Person("Karim"))
    save_people(tmp_path, edited)
    assert path.stat().st_mode & 0o777 == 0o600
    back, problems = load_people(tmp_path)
    assert problems == []
    assert [p.name for p in back.people] == ["Marc Aurèle", "Zoé Martin", "Karim"]
    assert back.find("zoe").note == "met at a fair"
    assert back.people[1].extra == {"email": "z@example.org"}
    assert back.extra == {"meta": {"since": 2026}}
    assert not list(tmp_path.glob(".*tmp"))


def test_save_never_replaces_an_unreadable_or_changed_file(tmp_path: Path) -> None:
    path = tmp_path / "people.toml"
    path.write_text("[[people]\n", "utf-8")
    with pytest.raises(PeopleFileError, match=":1: invalid TOML"):
        save_people(tmp_path, Directory((Person("A"),)))
    assert path.read_text("utf-8") == "[[people]\n"
    path.write_text(PEOPLE_TOML, "utf-8")
    people, _ = load_people(tmp_path)
    path.write_text(PEOPLE_TOML + '\n[[people]]\nname = "From the other machine"\n', "utf-8")
    with pytest.raises(PeopleFileChanged):
        save_people(tmp_path, people.with_person(Person("Karim")))
    assert "From the other machine" in path.read_text("utf-8")


def test_a_new_file_needs_no_digest(tmp_path: Path) -> None:
    save_people(tmp_path, Directory((Person("Ana", ("Anna",)),)))
    assert load_people(tmp_path)[0].find("anna").name == "Ana"
    with pytest.raises(PeopleFileChanged):  # it exists now: a fresh directory is stale
        save_people(tmp_path, Directory((Person("Bob"),)))


# ------------------------------------------------------------------------- the command


@pytest.fixture
def filled(journal: Journal, isolated_env: Path) -> Path:
    for e in [
        entry("2026-10-01", "Coffee with @Marc about a partnership", mood=4,
              checkin={"synergy": 2}),
        entry("2026-11-02", "@MarcA's plan: collaborate with @Zoe", mood=2,
              themes={"synergy": "high"}),
        entry("2026-11-20", "Long talk with @marc_aurèle, stubborn as ever", hour=20),
        entry("2026-11-21", "@Karim @karim's idea"),
        entry("2026-11-22", "Review with @Marc", kind="review"),
    ]:
        journal.save(e, touch=False)
    journal.close()
    (isolated_env / "people.toml").write_text(PEOPLE_TOML, "utf-8")
    return isolated_env


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_contract(filled: Path, capsys) -> None:
    code, out, err = run(capsys, "people", "--format", "json")
    assert code == 0 and err == ""
    people = json.loads(out)["people"]
    assert [(p["name"], p["mentions"]) for p in people] == [
        ("Marc Aurèle", 3), ("Karim", 1), ("Zoé", 1)]
    marc = people[0]
    assert set(marc) >= {"name", "mentions", "first", "last", "mood", "themes"}
    assert (marc["first"], marc["last"], marc["mood"]) == ("2026-10-01", "2026-11-20", 3.0)
    assert marc["themes"]["synergy"] == {"mentions": 2, "balance": 1.0}
    assert marc["aliases"] == ["Marc", "MarcA"] and marc["note"] == "ancien associé"
    assert people[1]["mood"] is None
    assert "entries" not in marc


def test_one_person_with_entries_newest_first(filled: Path, capsys) -> None:
    code, out, _ = run(capsys, "people", "marca", "--format", "json")
    [marc] = json.loads(out)["people"]
    assert code == 0 and marc["name"] == "Marc Aurèle"
    assert [e["date"] for e in marc["entries"]] == ["2026-11-20", "2026-11-02", "2026-10-01"]
    assert all(e["kind"] == "entry" for e in marc["entries"])
    code, out, _ = run(capsys, "people", "Marc", "--from", "2026-11-01", "--to", "2026-11-10",
                       "--format", "json")
    [marc] = json.loads(out)["people"]
    assert marc["mentions"] == 1 and [e["date"] for e in marc["entries"]] == ["2026-11-02"]
    code, out, _ = run(capsys, "people", "Karim", "--to", "2026-11-01", "--format", "json")
    [karim] = json.loads(out)["people"]  # known, but not in the range
    assert (karim["name"], karim["mentions"], karim["entries"]) == ("Karim", 0, [])


def test_range_and_text(filled: Path, capsys) -> None:
    code, out, _ = run(capsys, "people", "--from", "2026-11-01")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "People, from 2026-11-01: 3 people"
    assert lines[2].startswith("Marc Aurèle") and " 2 " in lines[2]
    code, out, _ = run(capsys, "--lang", "fr", "people", "Marc")
    assert "Aussi\u00a0: Marc, MarcA" in out and "Note\u00a0: ancien associé" in out
    assert "3 entrées · 2026-10-01 → 2026-11-20 · humeur 3,0/5" in out
    lines = out.splitlines()
    newest = next(i for i, line in enumerate(lines) if "Long talk" in line)
    oldest = next(i for i, line in enumerate(lines) if "Coffee with" in line)
    assert newest < oldest and lines[newest].startswith("  2026-11-20  20261120-")


def test_errors_are_one_line(filled: Path, capsys) -> None:
    code, out, err = run(capsys, "people", "Nobody")
    assert code == 1 and out == "" and err.count("\n") == 1 and "Nobody" in err
    code, _, err = run(capsys, "people", "--from", "2026-12-01", "--to", "2026-11-01")
    assert code == 1 and err.count("\n") == 1
    code, _, err = run(capsys, "people", "--from", "soon")
    assert code == 1 and "bad date" in err


def test_a_broken_people_file_warns_and_mentions_still_count(filled: Path, capsys) -> None:
    path = filled / "people.toml"
    path.write_text('[[people]]\nname = "Marc"\naliases = "M"\n', "utf-8")
    code, out, err = run(capsys, "people", "--format", "json")
    assert code == 0
    assert err.strip() == f"journal-tui: warning: {path}:3: aliases of 'Marc' must be a " \
                          "list of strings"
    names = [p["name"] for p in json.loads(out)["people"]]
    assert "Marc" in names and "Marc Aurèle" not in names
    assert path.read_text("utf-8") == '[[people]]\nname = "Marc"\naliases = "M"\n'


def test_hostile_names_are_text(journal: Journal, isolated_env: Path, capsys) -> None:
    journal.save(entry("2026-11-02", "@Evil was here"), touch=False)
    journal.close()
    (isolated_env / "people.toml").write_text(
        '[[people]]\nname = "Evil\\u001b[31mRed\\u001b]0;pwned\\u0007"\n'
        'aliases = ["Evil"]\nnote = "[bold]not markup[/bold] \\u202e"\n', "utf-8")
    code, out, _ = run(capsys, "people")
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "Evil\\x1b[31mRed" in out
    code, out, _ = run(capsys, "people", "evil")
    assert "\x1b" not in out and "\u202e" not in out and "[bold]not markup[/bold]" in out
    code, out, _ = run(capsys, "people", "--format", "json")
    assert json.loads(out)["people"][0]["name"] == "Evil\x1b[31mRed\x1b]0;pwned\x07"


def test_printable() -> None:
    assert printable("a\x1b[2Jb\tc\nd") == "a\\x1b[2Jb\tc\nd"
    assert printable("a\nb\tc", newlines=False) == "a b c"
    assert printable("\u202eevil\x9b") == "\\u202eevil\\x9b"
    assert printable("Zoé’s café") == "Zoé’s café"


def test_people_json_is_plain_data() -> None:
    [one] = people_stats([entry("2026-11-02", "@Ana")], BOOK)
    data = people_json([one], with_entries=True)
    assert json.loads(json.dumps(data)) == data
    assert data["people"][0]["entries"][0]["date"] == "2026-11-02"


def test_files_mode(tmp_path: Path) -> None:
    save_people(tmp_path / "new", Directory((Person("Ana"),)))
    assert (tmp_path / "new" / "people.toml").stat().st_mode & 0o777 == 0o600
    assert os.stat(tmp_path / "new").st_mode & 0o777 == 0o700


def test_on_a_terminal_lines_fit_its_width(filled: Path, capsys, monkeypatch) -> None:
    import os as _os

    from journal_tui.commands import people as command

    monkeypatch.setattr(command, "is_terminal", lambda: True)
    monkeypatch.setattr(command.shutil, "get_terminal_size",
                        lambda: _os.terminal_size((50, 20)))
    for argv in (["people"], ["people", "marc"]):
        code, out, _ = run(capsys, *argv)
        assert code == 0 and max(len(line) for line in out.splitlines()) <= 50
        assert any(line.endswith("…") for line in out.splitlines())
