"""Fuzzing: whatever a file, an import or an argument holds, the answer is an entry or
a one-line error, never a traceback, and nothing is written outside the journal."""

from __future__ import annotations

import contextlib
import json
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal_tui.cli import main
from journal_tui.core.codec import UnreadableEntry, decode, encode
from journal_tui.core.importers import ImportFormatError, parse_jrnl, parse_own_json
from journal_tui.core.indexing import entry_row
from journal_tui.core.model import EntryError
from journal_tui.core.storage import Journal

FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-2**70, 2**70) | st.floats()
    | st.text(max_size=12),
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=6), kids,
                                                              max_size=3),
    max_leaves=10)

# Values that have broken the reader before: dates at the edges of the calendar, times
# whose UTC conversion overflows, ids that are paths, wrong types.
edge_values = st.sampled_from([
    "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00", "2026-11-26T08:12:03+01:00",
    "2026-11-26", "0001-01-01", "9999-12-31", "../../x", "/abs", "20261126-081203-3f9a",
    "20261126-081203-3f9a\x00", "\ud800", "", "x" * 300, 20261120, -1, 2**64, 1.5, None, True,
    [], {}, {"a": {"d": None}}])

entry_dicts = st.fixed_dictionaries(
    {"id": st.one_of(st.just("20261126-081203-3f9a"), edge_values),
     "date": st.one_of(st.just("2026-11-26"), edge_values),
     "created": st.one_of(st.just("2026-11-26T08:12:03+01:00"), edge_values)},
    optional={k: st.one_of(edge_values, json_values) for k in (
        "schema", "kind", "updated", "body", "mood", "tags", "people",
        "week", "prompt", "prompt_id", "checkin", "extra", "starred")})

TZ = timezone(timedelta(hours=1))


def toml_value(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string, mostly
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value))


@FUZZ
@given(d=entry_dicts, fmt=st.sampled_from(["toml", "json"]))
def test_the_entry_reader_answers_an_entry_or_a_problem(d: dict, fmt: str) -> None:
    path = Path(f"20261126-081203-3f9a.{fmt}")
    if fmt == "json":
        raw = json.dumps(d).encode("utf-8", "surrogatepass")
    else:
        raw = "".join(f"{json.dumps(k)} = {toml_value(v)}\n" for k, v in d.items()
                      if not isinstance(v, dict | list)).encode("utf-8", "surrogatepass")
    try:
        entry = decode(raw, path)
    except UnreadableEntry as exc:
        assert str(exc).startswith(str(path))
        return
    # An entry that is read is safe everywhere: its id is its file name, its times show
    # in every time zone, the index can sort it and it can be written back.
    assert entry.id == path.stem
    for hours in (-12, 0, 14):
        entry.created.astimezone(timezone(timedelta(hours=hours)))
        entry.updated.astimezone(timezone(timedelta(hours=hours)))
    entry_row(path.name, (0, 0, 0, 0), entry)
    again = decode(encode(entry, fmt), path)
    assert again == entry


@FUZZ
@given(raw=st.binary(max_size=300))
def test_the_entry_reader_on_any_bytes(raw: bytes) -> None:
    for name in ("20261126-081203-3f9a.toml", "20261126-081203-3f9a.json"):
        with contextlib.suppress(UnreadableEntry):
            decode(raw, Path(name))


@FUZZ
@given(items=st.lists(st.one_of(entry_dicts, json_values), max_size=4),
       wrap=st.booleans(), jrnl=st.booleans())
def test_importers_answer_entries_or_a_format_error(tmp_path: Path, items: list, wrap: bool,
                                                   jrnl: bool) -> None:
    if jrnl:
        items = [dict(i, title=i.get("body", ""), date=i.get("date", "2026-11-26"))
                 if isinstance(i, dict) else i for i in items]
    text = json.dumps({"schema": 1, "entries": items} if wrap else items)
    try:
        entries = (parse_jrnl if jrnl else parse_own_json)(text)
    except ImportFormatError as exc:
        assert "\n" not in str(exc)
        return
    root = tmp_path / "fuzz-journal"
    journal = Journal(root, cache_dir=tmp_path / "fuzz-cache")
    try:
        journal.add_many(entries)
    except EntryError:
        pass
    finally:
        journal.close()
    written = {p for p in tmp_path.rglob("*") if p.is_file()}
    assert all(root in p.parents or (tmp_path / "fuzz-cache") in p.parents for p in written)
    for path in root.glob("entries/*/*/*"):
        decode(path.read_bytes(), path)  # every file written reads back


def run_cli(*argv: str) -> int:
    try:
        return main(list(argv))
    except SystemExit as exc:  # argparse: bad usage
        assert exc.code == 2
        return 2


days = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["today", "yesterday", "hier", "0000-00-00", "2026-02-30", "20261120",
                     "2026-W48-1", "", " ", "9" * 30, "-1"]),
    st.text(max_size=12))
weeks = st.one_of(
    st.builds(lambda y, w: f"{y:04d}-W{w:02d}", st.integers(0, 9999), st.integers(0, 60)),
    st.text(max_size=10))
numbers = st.one_of(st.integers(-10, 2**80).map(str), st.text(max_size=8),
                    st.sampled_from(["1e9", "0x10", "99999999999999999999999"]))


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(day=days, week=weeks, n=numbers,
       which=st.sampled_from(["list-from", "list-to", "list-n", "themes-weeks", "themes-from",
                              "themes-to", "review-week", "add-date", "prompt-date",
                              "export-from"]))
def test_cli_arguments_never_raise(capsys: pytest.CaptureFixture[str], isolated_env: Path,
                                   tmp_path: Path, day: str, week: str, n: str,
                                   which: str) -> None:
    argv = {
        "list-from": ["list", "--from", day], "list-to": ["list", "--to", day],
        "list-n": ["list", "-n", n], "themes-weeks": ["themes", "--weeks", n],
        "themes-from": ["themes", "--from", day], "themes-to": ["themes", "--to", day],
        "review-week": ["review", "--week", week], "add-date": ["add", "fuzz", "--date", day],
        "prompt-date": ["prompt", "--date", day], "export-from": ["export", "--from", day],
    }[which]
    before = {p.name for p in tmp_path.iterdir()}
    code = run_cli(*argv)
    _, err = capsys.readouterr()
    assert code in (0, 1, 2) and "Traceback" not in err
    if code == 1:
        assert len(err.strip().splitlines()) == 1
    assert {p.name for p in tmp_path.iterdir()} <= before | {"journal", "cache"}
    for path in isolated_env.glob("entries/*/*/*.toml"):
        data = tomllib.loads(path.read_text())
        assert data["id"] == path.stem and len(path.parent.parent.name) == 4
        assert isinstance(data["created"], datetime)
