"""Words for theme detection: spans, contractions and elisions, sentences, languages, negation."""

from __future__ import annotations

import pytest

from journal_tui.core.tokens import tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_spans_point_into_the_body() -> None:
    body = "Rencontre avec @Marie : j’ai tenu bon.\nI didn't push back, I'm sure."
    for t in tokenize(body):
        assert body[t.start:t.end].lower().replace("’", "'") in (t.text, "n't", "'m", "nt") \
            or t.text in ("not", "am")


@pytest.mark.parametrize(("text", "expected"), [
    ("j'ai osé", ["j'", "ai", "osé"]),
    ("qu’en-dira-t-on", ["qu'", "en", "dira", "t", "on"]),
    ("l'obstination", ["l'", "obstination"]),
    ("aujourd'hui", ["aujourd'hui"]),
    ("I didn't", ["i", "did", "not"]),
    ("I'm sure it's fine", ["i", "am", "sure", "it", "'s", "fine"]),
    ("can't won't", ["can", "not", "will", "not"]),
    ("i dont know", ["i", "do", "not", "know"]),
    ("the parents' evening", ["the", "parents", "evening"]),
])
def test_elisions_and_contractions(text: str, expected: list[str]) -> None:
    assert words(text) == expected


def test_contractions_do_not_make_an_entry_french() -> None:
    toks = tokenize("I'm tired, it's late and I didn't call. But I'll do it tomorrow.")
    assert {t.lang for t in toks} == {"en"}


def test_language_per_sentence() -> None:
    toks = tokenize("Je suis rentrée tard et je dois encore appeler ma mère pour le week-end. "
                    "The meeting was long.\nFatigué.")
    by_sentence = {t.sent: t.lang for t in toks}
    assert by_sentence == {0: "fr", 1: "en", 2: "fr"}  # no function word: the entry's
    mixed = tokenize("Call avec Julie about the joint project, on va collaborer.")
    assert {t.lang for t in mixed} == {"mixed"}


@pytest.mark.parametrize(("text", "negated"), [
    ("je n'ai pas osé", {"ai", "osé"}),
    ("j'ai pas osé", {"ai", "osé"}),
    ("je lâche pas l'affaire", {"lâche", "l'", "affaire"}),
    ("je ne suis plus obstiné", {"suis", "obstiné"}),
    ("I didn't push back", {"push", "back"}),
    ("I'm not stubborn", {"stubborn"}),
    ("never again", {"again"}),
    # not negations
    ("j'ai pas mal de clients", set()),
    ("je suis plus ouvert", set()),
    ("not only that", set()),
    ("je ne fais que ça", set()),
    # a negation stays in its clause
    ("pas de réunion, obstiné toute la journée", {"de", "réunion"}),
])
def test_negation(text: str, negated: set[str]) -> None:
    assert {t.text for t in tokenize(text) if t.neg} == negated
