"""Tags and people are read from the body as a person would read them."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from journal_tui.core.model import (
    EntryError,
    extract_people,
    extract_tags,
    make_entry,
    refresh_derived,
)


@pytest.mark.parametrize(("body", "tags"), [
    ("Une belle #synergie avec #Partenaire", ["synergie", "Partenaire"]),
    ("#réseau en début de ligne\net #réseau encore", ["réseau"]),
    ("pas un tag: C# ni https://x.org/page#frag ni #123", []),
    ("(#idée) et [#énergie]", ["idée", "énergie"]),
    ("# Un titre Markdown", []),
])
def test_tags(body: str, tags: list[str]) -> None:
    assert extract_tags(body) == tags


@pytest.mark.parametrize(("body", "people"), [
    ("Café avec @Marie et @Karim.", ["Marie", "Karim"]),
    ("@Marie's idea, then @marie again", ["Marie"]),
    ("@O'Brien et @Jean-Luc", ["O'Brien", "Jean-Luc"]),
    ("mail: someone@example.org", []),
])
def test_people(body: str, people: list[str]) -> None:
    assert extract_people(body) == people


def test_tag_field_and_body_tags_merge_without_duplicates() -> None:
    entry = make_entry("Avec #Réseau", day=date(2026, 11, 26), tags=["réseau", "travail"])
    assert entry.tags == ["réseau", "travail"]
    entry.body = "Plus de tag dans le texte, mais @Sophie"
    refresh_derived(entry, extra_tags=["travail"])
    assert entry.tags == ["travail"] and entry.people == ["Sophie"]


@given(st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)),
       st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1))
@example(datetime(1000, 1, 2, 0, 30), 60)  # 23:30 the day before in UTC: out
@example(datetime(1000, 1, 2, 0, 30), 0)
@example(datetime(1001, 1, 1), 24 * 60 - 1)
@example(datetime(9999, 12, 30), -1)  # a minute past the last instant: out
@example(datetime(9999, 12, 29, 23, 59), 0)
@example(datetime(9998, 12, 31, 23, 59), -(24 * 60 - 1))
def test_times_in_range_are_the_instants_every_zone_can_show(when: datetime,
                                                             minutes: int) -> None:
    """The range check looks at the year first: the same answer as comparing the
    instant with the first and last ones, for any offset."""
    from journal_tui.core import model

    value = when.replace(tzinfo=timezone(timedelta(minutes=minutes)))
    try:
        exact = model._FIRST_INSTANT <= value <= model._LAST_INSTANT
    except OverflowError:
        exact = False
    try:
        model._as_datetime(value, "created", when.date())
        kept = True
    except EntryError as exc:
        assert exc.key == "out_of_range"
        kept = False
    assert kept == exact
