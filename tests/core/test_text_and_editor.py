"""Text shown on a terminal, and the file handed to the person's editor."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal_tui.core.editor import EditorFile, edited_text, for_editor
from journal_tui.core.model import format_tag_field, merge_tags, parse_tag_field
from journal_tui.core.printable import printable, terminal_json


@pytest.mark.parametrize(("raw", "shown"), [
    ("plain\ttext\nand lines", "plain\ttext\nand lines"),
    ("\x1b[2J", "\\x1b[2J"),
    ("\x1b]0;title\x07", "\\x1b]0;title\\x07"),
    ("a\rb", "a\\x0db"),
    ("\x00\x7f", "\\x00\\x7f"),
    ("\x9b31m", "\\x9b31m"),
    ("é ☕ مرحبا \u202e", "é ☕ مرحبا \\u202e"),
])
def test_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown


@given(st.text())
def test_printable_leaves_no_control_character_but_newline_and_tab(text: str) -> None:
    shown = printable(text)
    assert not any((ord(c) < 0x20 and c not in "\n\t") or 0x7f <= ord(c) <= 0x9f
                   for c in shown)


@given(st.text())
def test_terminal_json_is_the_same_json(text: str) -> None:
    encoded = json.dumps({"body": text}, ensure_ascii=False)
    safe = terminal_json(encoded)
    assert json.loads(safe) == {"body": text}
    assert not any(0x7f <= ord(c) <= 0x9f or ord(c) < 0x20 or 0x202a <= ord(c) <= 0x202e
                   for c in safe)


@pytest.mark.parametrize(("text", "given_to_editor"), [
    ("", ""), ("last word", "last word\n"), ("ends\n", "ends\n")])
def test_the_editor_gets_a_final_newline(text: str, given_to_editor: str) -> None:
    assert for_editor(text) == given_to_editor
    f = EditorFile.create(text)
    try:
        assert f.read() == given_to_editor
        assert f.path.stat().st_mode & 0o777 == 0o600
        assert f.command("vim -u NONE") == ["vim", "-u", "NONE", str(f.path)]
    finally:
        f.remove()
    assert not f.path.exists()


def test_the_added_newline_is_taken_back() -> None:
    assert edited_text("last word", "last word\n") == "last word"
    assert edited_text("last word", "last word\n#tag\n") == "last word\n#tag"
    assert edited_text("ends\n", "ends\nmore\n") == "ends\nmore\n"


@given(st.lists(st.text(min_size=1, max_size=10), max_size=5))
def test_a_tag_field_gives_back_every_tag_whole(tags: list[str]) -> None:
    """A comma (or a space, a quote) inside a tag never splits it."""
    assert parse_tag_field(format_tag_field(tags)) == merge_tags(tags)


@pytest.mark.parametrize(("typed", "tags"), [
    ("a, b c", ["a", "b", "c"]), ('"a, b", #c', ["a, b", "c"]), ('"unclosed', ["unclosed"]),
    ("#x,#X", ["x"]), ("", [])])
def test_typed_tag_fields(typed: str, tags: list[str]) -> None:
    assert parse_tag_field(typed) == tags
