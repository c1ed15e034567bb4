"""Detection rules: stems, accents, negation, languages, check-ins, caching."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from journal_tui.core.detect import Detector, Signal, detector_for, score_entry
from journal_tui.core.model import make_entry
from journal_tui.core.prompts import PromptBook, Theme, load_prompts

TZ = timezone(timedelta(hours=1))
WHEN = datetime(2026, 11, 26, 9, 0, tzinfo=TZ)


@pytest.fixture(scope="module")
def book() -> PromptBook:
    return load_prompts(None)[0]


@pytest.fixture(scope="module")
def det(book: PromptBook) -> Detector:
    return Detector(book)


def text(det: Detector, body: str) -> dict[str, float | None]:
    return {tid: sig.text for tid, sig in det.score_text(body).items()}


@pytest.mark.parametrize("body", [
    "Je suis OBSTINÉ", "je suis obstinee", "Obstinée, comme toujours.", "quelle obstination",
    "I was stubborn", "STUBBORN again",
])
def test_word_forms_case_and_accents(det: Detector, body: str) -> None:
    assert text(det, body) == {"determination": -1.0}


@pytest.mark.parametrize(("body", "value"), [
    ("Je ne suis pas obstiné.", 0.5),
    ("je ne suis pas du tout obstiné", 0.5),
    ("Je ne suis plus obstiné.", 0.5),
    ("Jamais été aussi têtu", 0.5),
    ("I'm not stubborn", 0.5),
    ("I wasn't stubborn", 0.5),
    ("never stubborn", 0.5),
    ("no stubbornness today", 0.5),
    ("I wasnt stubborn", 0.5),
    # the negation stays in its clause and its window
    ("Pas de réunion, obstiné toute la journée.", -1.0),
    ("Not today. Stubborn.", -1.0),
    ("I did not sleep and then I was so stubborn", -1.0),
    # "plus" alone is not a negation
    ("je suis plus ouvert", None),
])
def test_negation_flips_at_half_weight(det: Detector, body: str, value: float | None) -> None:
    got = text(det, body)
    if value is None:
        assert got == {"openness": 1.0}
    else:
        assert got == {"determination": value}


def test_negated_hit_is_still_a_mention(det: Detector) -> None:
    sig = det.score_text("I'm not stubborn, just determined.")["determination"]
    assert sig == Signal(True, 0.75, None, 2)
    assert sig.pole == "high"


def test_multi_word_keywords(det: Detector) -> None:
    assert text(det, "On m'a dit de le faire.") == {"advice": -1.0}
    assert text(det, "Je pensais au qu’en-dira-t-on.") == {"self_trust": -1.0}
    assert text(det, "business as usual") == {"different": -1.0}
    # the words apart do not make the phrase
    assert "advice" not in text(det, "On a dit m'.")


def test_deeply_cut_keywords_match_as_written(det: Detector) -> None:
    # "autrement" stems to "autr" like "autre": only the word itself counts
    assert text(det, "une autre fois") == {}
    assert text(det, "Faire autrement.") == {"different": 1.0}


def test_languages(det: Detector) -> None:
    assert det.language("Je suis allée au marché et j'ai acheté du pain.") == ("fr",)
    assert det.language("I went to the market and bought some bread.") == ("en",)
    mixed = "Call avec Julie about the joint project, on va collaborer."
    assert det.language(mixed) == ("fr", "en")
    assert text(det, mixed) == {"synergy": 1.0}
    # French keywords are not matched in a clearly English entry
    assert det.language("I was at the concert and it was a rival band") == ("en",)


def test_checkin_and_prompt(book: PromptBook) -> None:
    e = make_entry("Admin day.", day=date(2026, 11, 26), when=WHEN,
                   checkin={"agility": -2, "synergy": 1, "path": 2, "unknown": 1},
                   prompt_id="openness-listen" if book.prompt("openness-listen") else None)
    e.prompt_id = next(p.id for p in book.prompts if p.theme == "openness")
    got = Detector(book).score(e)
    assert got["agility"] == Signal(True, None, -1.0, 0)
    assert got["synergy"].checkin == 0.5 and got["synergy"].balance == 0.5
    assert got["path"] == Signal(True, None, None, 0)  # plain: mention only
    assert got["openness"] == Signal(True, None, None, 0)
    assert "unknown" not in got
    assert Signal().values == () and Signal().balance is None and Signal().pole is None


def test_scores_are_memoised_per_updated(book: PromptBook) -> None:
    det = Detector(book)
    e = make_entry("I was stubborn.", day=date(2026, 11, 26), when=WHEN)
    first = det.score(e)
    assert det.score(e) is first
    e.body = "I was determined."
    assert det.score(e) is first  # same id and updated: same score
    e.updated = WHEN + timedelta(minutes=5)
    assert det.score(e)["determination"].text == 1.0


def test_detector_per_book(book: PromptBook) -> None:
    assert detector_for(book) is detector_for(book)
    theme = Theme(id="garden", kind="polar", label={"en": "Garden", "fr": "Jardin"},
                  low={"en": "weeds", "fr": "herbes"}, high={"en": "flowers", "fr": "fleurs"},
                  advice={"en": "", "fr": ""},
                  keywords={"en": {"low": ("weed*",), "high": ("bloom",)},
                            "fr": {"low": (), "high": ()}})
    other = PromptBook(themes={"garden": theme}, prompts=(), weekly=())
    assert detector_for(other) is not detector_for(book)
    e = make_entry("Weeding all morning, then the roses bloomed.",
                   day=date(2026, 11, 26), when=WHEN)
    assert score_entry(e, other)["garden"].text == 0.0
    assert score_entry(e, other)["garden"].hits == 2


def test_score_text_speed(det: Detector) -> None:
    """A smoke check; the real figures are in benchmarks/bench_themes.py."""
    import time

    body = ("Aujourd'hui j'ai rencontré un partenaire potentiel pour créer des synergies. "
            "Je ne suis pas obstiné, mais je tiens bon. " * 8)
    det.score_text(body)
    t = time.perf_counter()
    for _ in range(500):
        det.score_text(body)
    assert (time.perf_counter() - t) / 500 < 0.002
