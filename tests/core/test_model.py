"""Tags and people are read from the body as a person would read them."""

from __future__ import annotations

from datetime import date

import pytest

from journal_tui.core.model import extract_people, extract_tags, make_entry, refresh_derived


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
