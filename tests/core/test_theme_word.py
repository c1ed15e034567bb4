"""The person's word on themes: the [themes] table, its round trip, and confirm/dismiss."""

from __future__ import annotations

import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journal_tui.core.codec import UnreadableEntry, decode, encode
from journal_tui.core.model import THEME_WORDS, Entry, make_entry
from journal_tui.core.prompts import PromptBook, load_prompts
from journal_tui.core.storage import Journal
from journal_tui.core.theme_word import ThemeWordError, check, confirm, dismiss, parse

TZ = timezone(timedelta(hours=1))
WHEN = datetime(2026, 11, 26, 8, 12, 3, tzinfo=TZ)
THEME_IDS = ["path", "synergy", "advice", "agility", "determination", "self_trust",
             "openness", "different", "inspiration", "my_own-theme"]


@pytest.fixture(scope="module")
def book() -> PromptBook:
    return load_prompts(None)[0]


def entry_with(**kw: object) -> Entry:
    base: dict[str, object] = {
        "id": "20261126-081203-3f9a", "date": date(2026, 11, 26), "created": WHEN,
        "updated": WHEN + timedelta(minutes=28), "body": "Line one\nLine two\n"}
    base.update(kw)
    return Entry(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", ["toml", "json"])
@settings(max_examples=100, deadline=None)
@given(themes=st.dictionaries(st.sampled_from(THEME_IDS), st.sampled_from(THEME_WORDS)),
       checkin=st.dictionaries(st.sampled_from(THEME_IDS[:3]), st.integers(-2, 2)),
       extra_table=st.booleans(), body=st.text())
def test_round_trip(fmt: str, themes: dict[str, str], checkin: dict[str, int],
                    extra_table: bool, body: str) -> None:
    extra = {"future": {"x": 1}} if extra_table else {}
    entry = entry_with(themes=themes, checkin=checkin, extra=extra, body=body)
    back = decode(encode(entry, fmt), Path(f"x/{entry.id}.{fmt}"))
    assert back == entry
    assert back.themes == themes


def test_tables_come_last_beside_checkin() -> None:
    entry = entry_with(checkin={"determination": 1},
                       themes={"determination": "high", "path": "yes", "synergy": "none"})
    text = encode(entry, "toml").decode()
    assert text.rstrip().endswith(
        '[checkin]\ndetermination = 1\n\n[themes]\ndetermination = "high"\npath = "yes"\n'
        'synergy = "none"')
    assert tomllib.loads(text)["themes"]["synergy"] == "none"
    assert "themes" not in encode(entry_with(), "toml").decode()


@pytest.mark.parametrize("table", ['[themes]\nsynergy = "maybe"\n', '[themes]\nsynergy = 1\n',
                                   'themes = "high"\n'])
def test_a_bad_word_makes_the_file_unreadable(table: str) -> None:
    text = f'schema = 1\nid = "20261126-081203-3f9a"\ndate = 2026-11-26\n{table}'
    with pytest.raises(UnreadableEntry, match="themes"):
        decode(text.encode(), Path("20261126-081203-3f9a.toml"))


@pytest.mark.parametrize(("option", "expected"), [
    ("determination=low", ("determination", "low")),
    ("determination=HIGH", ("determination", "high")),
    (" path = yes ", ("path", "yes")),
    ("synergy=none", ("synergy", "none")),
    ("inspiration=none", ("inspiration", "none")),
])
def test_parse(book: PromptBook, option: str, expected: tuple[str, str]) -> None:
    assert parse(option, book) == expected


@pytest.mark.parametrize(("option", "message"), [
    ("courage=high", "unknown theme 'courage'"),
    ("determination=yes", "determination is a polar theme"),
    ("path=high", "path is a plain theme"),
    ("determination=maybe", "bad value 'maybe'"),
    ("determination", "bad --theme"),
    ("=low", "bad --theme"),
])
def test_parse_errors(book: PromptBook, option: str, message: str) -> None:
    with pytest.raises(ThemeWordError, match=message) as err:
        parse(option, book)
    assert "\n" not in str(err.value)


def test_confirm_and_dismiss_keep_everything_else(tmp_path: Path, book: PromptBook) -> None:
    journal = Journal(tmp_path / "j", cache_dir=tmp_path / "cache")
    entry = make_entry("Je me suis braquée.\n#client @Marie\n", day=date(2026, 11, 26),
                       when=WHEN, tags=["pro"], mood=3, checkin={"openness": -1})
    entry.extra["starred"] = True
    path = journal.save(entry, touch=False)
    before = path.read_text("utf-8")
    saved = confirm(journal, entry.id, "openness", "low", book)
    assert saved.themes == {"openness": "low"}
    dismiss(journal, entry.id, "synergy", book)
    again = journal.get(entry.id)
    assert again.themes == {"openness": "low", "synergy": "none"}
    assert (again.body, again.tags, again.people, again.mood, again.checkin, again.extra) == (
        entry.body, entry.tags, entry.people, entry.mood, entry.checkin, entry.extra)
    def head(text: str) -> list[str]:  # the file up to its tables, but for "updated"
        return [line for line in text.split("[checkin]")[0].splitlines()
                if not line.startswith("updated = ")]

    assert head(path.read_text("utf-8")) == head(before)
    confirm(journal, entry.id, "openness", None, book)  # a word can be taken back
    assert journal.get(entry.id).themes == {"synergy": "none"}
    with pytest.raises(ThemeWordError):
        confirm(journal, entry.id, "openness", "yes", book)
    check(book, "path", "yes")
