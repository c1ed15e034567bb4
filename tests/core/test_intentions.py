"""Intentions: set in a week's review note, judged in the next week's, through the file,
the review's JSON and its renderings, across year boundaries too."""

from __future__ import annotations

import json
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal_tui import cli
from journal_tui.core.codec import decode, encode
from journal_tui.core.intentions import (
    Intention,
    current_intention,
    intention_history,
    last_intention,
    notes_by_week,
    record_outcome,
    set_intention,
)
from journal_tui.core.model import Entry, EntryError, from_dict, make_entry, to_dict
from journal_tui.core.prompts import load_prompts
from journal_tui.core.review import (
    load_entries,
    note_date,
    review_data,
    review_markdown,
    review_text,
    weekly_review,
)
from journal_tui.core.storage import Journal
from journal_tui.core.weeks import shift_week, week_start, weeks_from

TZ = timezone(timedelta(hours=1))
BOOK = load_prompts(None)[0]


def note(week: str, body: str = "Review", *, day: date | None = None, hour: int = 18) -> Entry:
    day = day or week_start(week) + timedelta(days=6)
    return make_entry(body, day=day, when=datetime(day.year, day.month, day.day, hour,
                                                   tzinfo=TZ), kind="review", week=week)


def plain(day: date, body: str = "An entry") -> Entry:
    return make_entry(body, day=day, when=datetime(day.year, day.month, day.day, 9, tzinfo=TZ))


# ----------------------------------------------------------------------------- weeks


@pytest.mark.parametrize(("week", "n", "expected"), [
    ("2026-W52", 1, "2026-W53"),  # 2026 has 53 ISO weeks
    ("2026-W53", 1, "2027-W01"),
    ("2027-W01", -1, "2026-W53"),
    ("2027-W52", 1, "2028-W01"),  # 2027 has 52
    ("2020-W53", 1, "2021-W01"),
])
def test_weeks_cross_year_ends(week: str, n: int, expected: str) -> None:
    assert shift_week(week, n) == expected


def test_weeks_from() -> None:
    assert weeks_from("2026-W52", "2027-W02") == ["2026-W52", "2026-W53", "2027-W01",
                                                   "2027-W02"]
    assert weeks_from("2027-W02", "2026-W52") == []


# ---------------------------------------------------------------------- the file


def test_intention_round_trips_through_both_file_formats(tmp_path: Path) -> None:
    n = record_outcome(set_intention(note("2026-W53"), "Call one partner before deciding"),
                       "partly", "Calling first saved a day")
    for fmt in ("toml", "json"):
        raw = encode(n, fmt)
        back = decode(raw, tmp_path / f"{n.id}.{fmt}")
        assert (back.intention, back.intention_outcome, back.intention_learned) == (
            "Call one partner before deciding", "partly", "Calling first saved a day")
        assert back.extra == {}  # known fields now, not kept-unknown keys
    data = tomllib.loads(encode(n).decode())
    assert data["intention"] == "Call one partner before deciding"
    assert list(data)[-4:] == ["body", "intention", "intention_outcome", "intention_learned"]


def test_a_note_without_intention_has_no_keys_for_it() -> None:
    data = to_dict(note("2026-W48"))
    assert not {"intention", "intention_outcome", "intention_learned"} & set(data)


def test_keys_written_before_they_were_known_read_the_same() -> None:
    """A file an older version kept ``intention`` in as an unknown key: the same bytes."""
    n = note("2026-W48")
    old = to_dict(n) | {"intention": "Say no once", "intention_outcome": "done"}
    entry = from_dict(old)
    assert entry.intention == "Say no once" and entry.intention_outcome == "done"
    assert to_dict(entry) == old


@pytest.mark.parametrize(("key", "value"), [("intention_outcome", "maybe"),
                                            ("intention_outcome", 1), ("intention", 3),
                                            ("intention_learned", ["x"])])
def test_a_bad_value_is_named(key: str, value: object) -> None:
    with pytest.raises(EntryError, match=key):
        from_dict(to_dict(note("2026-W48")) | {key: value})


def test_a_hand_edited_bad_outcome_is_reported_with_its_line(journal: Journal) -> None:
    n = set_intention(note("2026-W47"), "Listen first")
    path = journal.save(n, touch=False)
    text = path.read_text().replace('intention = "Listen first"',
                                    'intention = "Listen first"\nintention_outcome = "sort of"')
    path.write_text(text)
    [problem] = journal.scan().problems
    assert problem.path == path and "intention_outcome" in problem.message
    assert text.splitlines()[problem.line - 1].startswith("intention_outcome")


@settings(max_examples=60, deadline=None)
@given(text=st.text(min_size=1, max_size=80).filter(str.strip),
       learned=st.none() | st.text(max_size=80),
       outcome=st.sampled_from([None, "done", "partly", "not"]))
def test_any_intention_text_round_trips(tmp_path_factory: pytest.TempPathFactory, text: str,
                                        learned: str | None, outcome: str | None) -> None:
    n = set_intention(note("2026-W53"), text)
    if outcome is not None:
        n = record_outcome(n, outcome, learned)
    back = decode(encode(n), Path(f"{n.id}.toml"))
    assert back.intention == text.strip()
    assert back.intention_outcome == outcome
    assert back.intention_learned == (((learned or "").strip() or None) if outcome else None)


# ------------------------------------------------------------------- the functions


def test_setting_and_judging() -> None:
    n = set_intention(note("2026-W48"), "  Ask for a second opinion  ")
    assert n.intention == "Ask for a second opinion"
    judged = record_outcome(n, "done", " worth it ")
    assert (judged.intention_outcome, judged.intention_learned) == ("done", "worth it")
    assert set_intention(judged, "Ask for a second opinion").intention_outcome == "done"
    changed = set_intention(judged, "Something else")  # a new experiment: no outcome yet
    assert changed.intention_outcome is None and changed.intention_learned is None
    assert set_intention(n, "  ").intention is None
    with pytest.raises(ValueError, match="outcome"):
        record_outcome(n, "maybe")
    with pytest.raises(ValueError, match="no intention"):
        record_outcome(note("2026-W48"), "done")
    with pytest.raises(ValueError, match="review notes"):
        set_intention(plain(date(2026, 11, 26)), "x")


def test_last_and_current_intention_across_the_year_end() -> None:
    w53 = set_intention(note("2026-W53"), "Write before reading mail")
    entries = [w53, plain(date(2027, 1, 5))]
    assert last_intention(entries, "2027-W01") == Intention("2026-W53",
                                                            "Write before reading mail")
    assert last_intention(entries, "2026-W53") is None
    for day in (date(2027, 1, 4), date(2027, 1, 10)):  # all through 2027-W01
        assert current_intention(entries, day).text == "Write before reading mail"
    assert current_intention(entries, date(2027, 1, 11)) is None  # W02: over
    assert current_intention(entries, date(2027, 1, 3)) is None  # still W53
    assert Intention("2026-W53", "x").for_week == "2027-W01"


def test_the_note_updated_last_wins() -> None:
    a = set_intention(note("2026-W48", hour=9), "first")
    b = set_intention(note("2026-W48", hour=21), "second")
    assert notes_by_week([b, a])["2026-W48"] is b
    assert last_intention([a, b], "2026-W49").text == "second"


def test_history_oldest_first_with_outcomes() -> None:
    weeks = ["2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02"]
    notes = [set_intention(note(w), f"try {i}") for i, w in enumerate(weeks)]
    notes[1] = record_outcome(notes[1], "not", "too ambitious")
    notes.append(note("2027-W03"))  # a note without intention is no history
    history = intention_history(reversed(notes))
    assert [i.week for i in history] == weeks
    assert history[1] == Intention("2026-W52", "try 1", "not", "too ambitious")
    assert [i.week for i in intention_history(notes, "2026-W53", "2027-W01")] == [
        "2026-W53", "2027-W01"]
    assert [i.week for i in intention_history(notes, first="2027-W02")] == ["2027-W02"]


# --------------------------------------------------------------- the weekly review


def test_a_note_is_found_by_its_week_whatever_its_date(journal: Journal) -> None:
    """Written ahead (today is before the week) or on any day: loaded for the review."""
    early = set_intention(note("2027-W01", day=date(2026, 11, 26)), "Plan on Monday")
    journal.save(early, touch=False)
    journal.save(plain(date(2027, 1, 12)), touch=False)
    loaded = load_entries(journal, "2027-W02")
    r = weekly_review(loaded, "2027-W02", BOOK, date(2027, 1, 14))
    assert r.last_intention == Intention("2027-W01", "Plan on Monday")
    assert note_date("2027-W01", date(2026, 11, 26)) == date(2026, 11, 26)


def test_review_json_carries_both_intentions_across_the_year_end(journal: Journal,
                                                                  capsys) -> None:
    w53 = record_outcome(set_intention(note("2026-W53"), "Ask before assuming"),
                         "partly", "People answer fast")
    w01 = set_intention(note("2027-W01"), "Block two mornings")
    for e in (w53, w01, plain(date(2027, 1, 6))):
        journal.save(e, touch=False)
    journal.close()
    assert cli.main(["review", "--week", "2027-W01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["last_intention"] == {"week": "2026-W53", "text": "Ask before assuming",
                                      "outcome": "partly", "learned": "People answer fast"}
    assert data["intention"] == "Block two mornings"
    assert data["note"]["intention"] == "Block two mornings"
    assert cli.main(["review", "--week", "2026-W53", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["last_intention"] is None and data["intention"] == "Ask before assuming"
    assert cli.main(["review", "--week", "2027-W02", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["last_intention"]["outcome"] is None and data["intention"] is None


def test_the_outcome_goes_back_into_last_weeks_file(journal: Journal) -> None:
    """As the screen will do it: read W's note, judge it during W+1, save, read back."""
    path = journal.save(set_intention(note("2026-W53"), "One call a day"), touch=False)
    r = weekly_review(load_entries(journal, "2027-W01"), "2027-W01", BOOK, date(2027, 1, 8))
    assert r.last_intention.outcome is None
    previous = notes_by_week(load_entries(journal, "2027-W01"))["2026-W53"]
    assert journal.save(record_outcome(previous, "done", "Mornings work best")) == path
    journal.refresh()
    r = weekly_review(load_entries(journal, "2027-W01"), "2027-W01", BOOK, date(2027, 1, 8))
    assert (r.last_intention.outcome, r.last_intention.learned) == ("done",
                                                                    "Mornings work best")
    assert tomllib.loads(path.read_text())["intention_outcome"] == "done"


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_text_and_markdown_show_the_intentions(lang: str) -> None:
    entries = [record_outcome(set_intention(note("2026-W47"), "Say no once"), "not",
                              "Hard with clients"),
               set_intention(note("2026-W48"), "Say no to one meeting"),
               plain(date(2026, 11, 24))]
    r = weekly_review(entries, "2026-W48", BOOK, date(2026, 11, 26))
    for out in (review_text(r, lang), review_markdown(r, lang)):
        assert "Say no once" in out and "Hard with clients" in out
        assert "Say no to one meeting" in out
        assert ("not done" if lang == "en" else "pas fait") in out
        head = out.index("Say no once")
        assert head < out.index("Say no to one meeting")  # last week's first, at the top
    md = review_markdown(r, "en")
    assert "## Last week’s intention (2026-W47)" in md
    assert "## Intention for next week\n\nSay no to one meeting\n" in md
    bare = weekly_review([plain(date(2026, 11, 24))], "2026-W48", BOOK, date(2026, 11, 26))
    assert "Last week" not in review_text(bare, "en")
    assert "Intention for next week\n  None yet." in review_text(bare, "en")
    assert review_data(bare, "en")["last_intention"] is None


def test_hostile_intentions_are_text_in_the_text_output(journal: Journal, capsys,
                                                       monkeypatch) -> None:
    """Text and Rich output show control characters escaped; JSON and Markdown keep them."""
    from journal_tui.commands import review as command

    hostile = "Say no \x1b[2J\x1b]0;pwned\x07 once"
    journal.save(set_intention(note("2026-W47"), hostile), touch=False)
    journal.close()
    assert cli.main(["review", "--week", "2026-W48"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Say no \\x1b[2J" in out
    assert cli.main(["review", "--week", "2026-W48", "--format", "markdown"]) == 0
    assert hostile in capsys.readouterr().out  # an export keeps the bytes
    assert cli.main(["review", "--week", "2026-W48", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["last_intention"]["text"] == hostile
    monkeypatch.setattr(command, "is_terminal", lambda: True)
    assert cli.main(["review", "--week", "2026-W48"]) == 0
    out = capsys.readouterr().out
    assert "\x07" not in out and "[2J" in out and "\x1b[2J" not in out
