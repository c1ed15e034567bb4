"""Today's editor state, without an app: what it saves as an entry and keeps as a draft."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st
from tui_helpers import fixed_book, fixed_entries

from journal_tui.tui.editor_state import EditorState, Fields, merged_checkin

TZ = timezone(timedelta(hours=1))
DAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 9, 30, tzinfo=TZ)
BOOK = fixed_book()
DETERMINATION = BOOK.prompt("determination-why")  # polar theme
PATH = BOOK.prompt("path-who")  # plain theme


def test_a_new_entry_records_the_prompt_as_shown_and_the_fields() -> None:
    state = EditorState(day=DAY, prompt=DETERMINATION)
    fields = Fields("Kept at it with @Marie #grit", ("client", "grit"), 4, 1)
    entry = state.to_entry(fields, "fr", NOW)
    assert entry.date == DAY and entry.created == NOW
    assert entry.id.startswith("20261126-")
    assert entry.body == fields.body and entry.mood == 4
    assert entry.prompt_id == "determination-why"
    assert entry.prompt == DETERMINATION.text_in("fr")
    assert entry.checkin == {"determination": 1}
    assert entry.tags == ["client", "grit"] and entry.people == ["Marie"]


def test_editing_keeps_the_prompt_text_it_answered_and_other_ratings() -> None:
    old = fixed_entries()[1]  # answered determination-why in English, rated -1
    old = old.with_changes(checkin={"determination": -1, "synergy": 2})
    state = EditorState(day=old.date, entry=old, prompt=DETERMINATION)
    entry = state.to_entry(Fields("New text #later", ("mine",), None, 2), "fr", NOW)
    assert entry.id == old.id and entry.created == old.created
    assert entry.prompt == old.prompt  # not the French text of the same prompt
    assert entry.checkin == {"determination": 2, "synergy": 2}
    assert entry.tags == ["mine", "later"] and entry.mood is None
    assert old.body != entry.body and old.checkin == {"determination": -1, "synergy": 2}


def test_another_prompt_is_recorded_with_its_own_text() -> None:
    old = fixed_entries()[1]
    state = EditorState(day=old.date, entry=old, prompt=PATH)
    entry = state.to_entry(Fields("x", (), None, None), "en", NOW)
    assert (entry.prompt_id, entry.prompt) == ("path-who", PATH.text_in("en"))
    # a plain theme has no rating: the entry's rating on determination stays
    assert entry.checkin == old.checkin


def test_the_draft_carries_what_the_entry_would() -> None:
    old = fixed_entries()[1]
    state = EditorState(day=old.date, entry=old, prompt=DETERMINATION)
    fields = Fields("Draft text", ("a", "b"), 3, None)
    draft = state.to_draft(fields, "en")
    entry = state.to_entry(fields, "en", NOW)
    assert draft.key == old.id and draft.entry_id == old.id and draft.date == old.date
    assert (draft.body, draft.tags, draft.mood) == ("Draft text", ["a", "b"], 3)
    assert draft.checkin == entry.checkin == {}  # the rating was cleared
    assert (draft.prompt_id, draft.prompt) == (entry.prompt_id, entry.prompt)


def test_draft_keys_of_new_entries() -> None:
    assert EditorState(day=DAY).draft_key == "new-20261126"
    assert EditorState(day=DAY, new_key="new-20261126-2").draft_key == "new-20261126-2"
    entry = fixed_entries()[0]
    assert EditorState(day=DAY, entry=entry, new_key="new-x").draft_key == entry.id


def test_unsaved_compares_with_the_baseline() -> None:
    state = EditorState(day=DAY)
    assert not state.unsaved(Fields())
    assert not state.unsaved(Fields("   \n"))  # blank text alone is nothing to keep
    assert state.unsaved(Fields("a"))
    assert state.unsaved(Fields("", mood=3))
    entry = fixed_entries()[0]
    saved = Fields(entry.body, ("work",), 4, 1)
    editing = EditorState(day=DAY, entry=entry, baseline=saved)
    assert not editing.unsaved(saved)
    assert editing.unsaved(Fields("", ("work",), 4, 1))  # emptied: a change to keep


def test_saving_moves_the_editor_to_the_entry_being_saved() -> None:
    state = EditorState(day=DAY, prompt=PATH, new_key="new-20261126-3")
    fields = Fields("text")
    entry = state.to_entry(fields, "en", NOW)
    after = state.saving(entry, fields)
    assert after.entry is entry and after.baseline == fields and after.prompt is PATH
    assert after.draft_key == entry.id and not after.unsaved(fields)
    # saving again updates the same entry
    assert after.to_entry(Fields("text, more"), "en", NOW).id == entry.id


ratings = st.none() | st.integers(min_value=-2, max_value=2)


@given(st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers(-2, 2)),
       st.none() | st.sampled_from(["a", "b", "d"]), ratings)
def test_merged_checkin(checkin: dict[str, int], theme: str | None, rating: int | None) -> None:
    merged = merged_checkin(checkin, theme, rating)
    if theme is None:
        assert merged == checkin
        return
    others = {k: v for k, v in checkin.items() if k != theme}
    assert {k: v for k, v in merged.items() if k != theme} == others
    assert merged.get(theme) == rating
    assert merged is not checkin


def test_a_draft_of_an_entry_read_from_its_file_carries_the_identity_read(tmp_path) -> None:
    from journal_tui.core.stamp import FileStamp

    entry = fixed_entries()[0]
    stamp = FileStamp(tmp_path / "x.toml", 10, 1, 2, "ab12")
    entry.source = stamp
    draft = EditorState(day=entry.date, entry=entry).to_draft(Fields("typed on"), "en")
    assert draft.base == "ab12" and draft.entry_id == entry.id
    assert EditorState(day=DAY).to_draft(Fields("new"), "en").base is None
