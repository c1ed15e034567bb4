"""Export formats are pinned by golden files; the cached fast path renders the same bytes."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from journal_tui.core.export import (
    front_matter_markdown,
    json_document,
    markdown_document,
    render_json,
    render_markdown,
)
from journal_tui.core.index import Query
from journal_tui.core.model import Entry
from journal_tui.core.storage import Journal

GOLDEN = Path(__file__).resolve().parents[1] / "data" / "golden"
TZ = timezone(timedelta(hours=1))


def fixed_entries() -> list[Entry]:
    def at(day: int, hour: int, minute: int = 0) -> datetime:
        return datetime(2026, 11, day, hour, minute, tzinfo=TZ)

    return [
        Entry(id="20261124-071500-a1b2", date=date(2026, 11, 24), created=at(24, 7, 15),
              updated=at(24, 7, 40), prompt_id="synergy-who", mood=4,
              prompt="Avec qui pourriez-vous créer une synergie cette semaine ?",
              body="Café avec @Marie : on pourrait proposer un atelier commun.\n\n"
                   "- appeler Karim\n- préparer une offre #partenaire\n",
              tags=["partenaire"], people=["Marie"], checkin={"synergy": 2}),
        Entry(id="20261124-211000-c3d4", date=date(2026, 11, 24), created=at(24, 21, 10),
              updated=at(24, 21, 10), body="Evening note: felt *stubborn* about pricing.",
              checkin={"determination": -1}, extra={"starred": True},
              themes={"determination": "low", "path": "yes", "synergy": "none"}),
        Entry(id="20261129-180000-e5f6", date=date(2026, 11, 29), created=at(29, 18),
              updated=at(29, 18), kind="review", week="2026-W48",
              body="Une semaine d'ouverture. Deux partenaires potentiels."),
    ]


@pytest.mark.parametrize(("name", "render"), [
    ("export-en.md", lambda es: render_markdown(es, "en")),
    ("export-fr.md", lambda es: render_markdown(es, "fr")),
    ("export.json", lambda es: render_json(es)),
    ("split-entry.md", lambda es: front_matter_markdown(es[0], "fr")),
])
def test_golden(name: str, render, request: pytest.FixtureRequest) -> None:  # type: ignore[no-untyped-def]
    got = render(list(reversed(fixed_entries())))  # input order must not matter
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(got, "utf-8")
    assert got == path.read_text("utf-8"), f"{name} changed: UPDATE_GOLDEN=1 after review"


def test_cached_fast_path_gives_the_same_bytes(journal: Journal) -> None:
    for entry in fixed_entries():
        journal.save(entry, touch=False)
    q = Query(newest_first=False)
    for lang in ("en", "fr"):
        direct = render_markdown(fixed_entries(), lang)
        assert markdown_document(journal.markdown_blocks(q, lang), lang) == direct
        assert markdown_document(journal.markdown_blocks(q, lang), lang) == direct  # cached
    assert json_document(journal.json_objects(q)) == render_json(fixed_entries())


def test_cached_rendering_follows_a_hand_edit(journal: Journal, tmp_path: Path) -> None:
    entry = fixed_entries()[0]
    path = journal.save(entry, touch=False)
    q = Query(newest_first=False)
    assert "atelier commun" in markdown_document(journal.markdown_blocks(q, "en"), "en")
    path.write_text(path.read_text().replace("atelier commun", "projet partagé"))
    fresh = Journal(journal.root, cache_dir=tmp_path / "cache" / "test")
    text = markdown_document(fresh.markdown_blocks(q, "en"), "en")
    assert "projet partagé" in text and "atelier commun" not in text
    fresh.close()
