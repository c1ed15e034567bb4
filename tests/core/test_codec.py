"""Entry files round-trip exactly, in both formats, whatever the text."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal_tui.core.codec import UnreadableEntry, decode, encode
from journal_tui.core.model import Entry, make_entry

TZ = timezone(timedelta(hours=1))

tricky = st.sampled_from([
    "", '"""', "'''", "\\", "\\\\n", "\r\n", "\r", "\n", "\t", "\x00", "\x7f", "\x1b[31m",
    "مرحبا بالعالم", "שלום", "🙂👩‍💻🇫🇷", "é", "e\u0301", "\u2028", "\ufeff", "a" * 5000,
    '"', '""', "\\\"", "#tag", "@Marie", "trailing\\", " ", "\n\n\n",
])
bodies = st.lists(st.one_of(st.text(), tricky), max_size=8).map("".join)


def entry_with(body: str, **kw: object) -> Entry:
    base = {
        "id": "20261126-081203-3f9a", "date": date(2026, 11, 26),
        "created": datetime(2026, 11, 26, 8, 12, 3, tzinfo=TZ),
        "updated": datetime(2026, 11, 26, 8, 40, 10, tzinfo=TZ), "body": body,
    }
    base.update(kw)
    return Entry(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["toml", "json"])
@settings(max_examples=150, deadline=None)
@given(body=bodies, tags=st.lists(st.text(min_size=1), max_size=3),
       prompt=st.none() | st.text(), mood=st.none() | st.integers(1, 5),
       checkin=st.dictionaries(st.sampled_from(["determination", "synergy"]),
                               st.integers(-2, 2)))
def test_round_trip_is_exact(fmt: str, body: str, tags: list[str], prompt: str | None,
                             mood: int | None, checkin: dict[str, int]) -> None:
    entry = entry_with(body, tags=tags, prompt=prompt, mood=mood, checkin=checkin)
    raw = encode(entry, fmt)
    back = decode(raw, Path(f"x/{entry.id}.{fmt}"))
    assert back == entry
    assert back.body == body


def test_toml_layout_matches_the_design() -> None:
    entry = entry_with("Line one\nLine two with \"quotes\"\n", tags=["partenaire"],
                       people=["Marie"], mood=4, prompt_id="determination-why",
                       prompt="Pourquoi ?", checkin={"determination": 1})
    text = encode(entry, "toml").decode()
    assert text.splitlines()[:5] == [
        "schema = 1", 'id = "20261126-081203-3f9a"', 'kind = "entry"', "date = 2026-11-26",
        "created = 2026-11-26T08:12:03+01:00",
    ]
    assert 'tags = ["partenaire"]' in text
    assert 'body = """\nLine one\nLine two with "quotes"\n"""' in text
    assert text.rstrip().endswith("[checkin]\ndetermination = 1")


def test_body_with_cr_stays_exact_and_readable() -> None:
    entry = entry_with("windows\r\nline\r\n")
    text = encode(entry, "toml").decode()
    assert tomllib.loads(text)["body"] == "windows\r\nline\r\n"


def test_unknown_keys_survive_a_rewrite() -> None:
    raw = encode(entry_with("x"), "toml").decode()
    raw = raw.replace('kind = "entry"', 'kind = "entry"\nstarred = true\nfuture_key = [1, 2]')
    raw += "\n[future_table]\nnested = \"yes\"\n"
    entry = decode(raw.encode(), Path("20261126-081203-3f9a.toml"))
    assert entry.extra == {"starred": True, "future_key": [1, 2],
                           "future_table": {"nested": "yes"}}
    again = decode(encode(entry, "toml"), Path("20261126-081203-3f9a.toml"))
    assert again.extra == entry.extra
    as_json = decode(encode(entry, "json"), Path("20261126-081203-3f9a.json"))
    assert as_json.extra == entry.extra


@pytest.mark.parametrize(("text", "line", "fragment"), [
    ('schema = 1\nid = "x"\ndate = 2026-11-26\nbody = "unterminated\n', 4, "invalid TOML"),
    ('schema = 1\nid = "20261126-081203-3f9a"\ndate = "not a date"\n', 3, "'date'"),
    ('schema = 1\nid = "20261126-081203-3f9a"\ndate = 2026-11-26\nmood = 9\n', 4, "'mood'"),
    ('schema = 1\nid = "20261126-081203-3f9a"\ndate = 2026-11-26\n[checkin]\nsynergy = 5\n', 5,
     "checkin"),
])
def test_bad_files_name_the_line(text: str, line: int | None, fragment: str) -> None:
    path = Path("20261126-081203-3f9a.toml")
    with pytest.raises(UnreadableEntry) as err:
        decode(text.encode(), path)
    assert err.value.problem.line == line
    assert fragment in str(err.value)
    assert str(err.value).startswith(str(path))


def test_bad_json_names_the_line() -> None:
    with pytest.raises(UnreadableEntry) as err:
        decode(b'{\n"schema": 1,\n"id": \n}', Path("a.json"))
    assert err.value.problem.line == 4


def test_invalid_utf8_is_reported() -> None:
    with pytest.raises(UnreadableEntry, match="UTF-8"):
        decode(b'schema = 1\nbody = "\xff"\n', Path("a.toml"))


def test_a_key_ending_in_a_newline_is_quoted(tmp_path) -> None:
    """``$`` matches before a final newline: such a key written bare made the file
    unreadable (a JSON import can carry any key)."""
    entry = make_entry("x", day=date(2026, 11, 26))
    entry.extra["odd\n"] = 1
    path = tmp_path / f"{entry.id}.toml"
    path.write_bytes(encode(entry, "toml"))
    assert decode(path.read_bytes(), path).extra == {"odd\n": 1}
