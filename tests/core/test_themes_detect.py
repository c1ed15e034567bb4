"""The detector, second generation: what it notices, the everyday senses it leaves alone,
negation and idioms, the person's word, the answered prompt, evidence, caching."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from journal_tui.core.detect import Detector, Signal, detector_for, notice, score_entry
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


def poles(det: Detector, body: str) -> dict[str, str | None]:
    """Theme -> pole ("yes" for a plain theme) of what the body alone says."""
    return {tid: r.pole or "yes" for tid, r in det.read(body).items()}


# --------------------------------------------------------------- what it notices

@pytest.mark.parametrize(("body", "theme", "pole"), [
    # the issue's paraphrases without a keyword
    ("Je m'acharne sur ce dossier alors que trois personnes m'ont dit de passer à autre "
     "chose.", "determination", "low"),
    ("I said yes to every change request just to keep everyone happy.", "agility", "low"),
    # idioms and past participles
    ("J'ai tenu bon malgré trois refus. Je sais pourquoi je le fais.", "determination", "high"),
    ("Je n'ai pas osé lui dire mon vrai prix, j'avais peur de ce qu'elle allait penser.",
     "self_trust", "low"),
    ("Je me suis braquée dès qu'il a critiqué mon offre, je lui ai coupé la parole.",
     "openness", "low"),
    ("Marc m'a mise en relation avec la DRH d'une PME qui cherche une coach.", "path", "yes"),
    ("On a décidé de répondre ensemble à l'appel d'offres : nos offres sont "
     "complémentaires.", "synergy", "high"),
    ("He sounded so sure that I signed the contract without checking with anyone.",
     "advice", "low"),
    ("I asked an accountant for a second opinion before I took the banker's advice.",
     "advice", "high"),
])
def test_notices_paraphrases_and_idioms(det: Detector, body: str, theme: str, pole: str
                                        ) -> None:
    assert poles(det, body).get(theme) == pole


# --------------------------------------------------- everyday senses: guard tests

# (an everyday sense, the theme it could be mistaken for)
EVERYDAY = [
    # a meeting at ten
    ("Réunion à dix heures avec le comptable, puis déjeuner.", "path"),
    ("A meeting at ten with the accountant, then lunch.", "path"),
    # a coffee with a friend
    ("Un café avec une amie en terrasse, on a parlé de ses vacances.", "path"),
    ("Coffee with a friend this morning, we talked about her holiday.", "path"),
    # an electricity contract
    ("J'ai changé de contrat d'électricité, EDF était trop cher.", "agility"),
    ("Switched our electricity contract, the old one was too expensive.", "agility"),
    # cold weather (not a cold posture)
    ("Il fait froid ce matin, j'ai sorti le gros manteau.", "openness"),
    ("Cold weather today, I got the big coat out.", "openness"),
    # a farm (ferme) read as fermé, and a closed shop
    ("Visite d'une ferme pédagogique avec les enfants, ils ont adoré les chèvres.", "openness"),
    ("We took the kids to a farm, they loved the goats.", "openness"),
    ("Le magasin était fermé, je reviendrai demain.", "openness"),
    ("The shop was closed, I'll go back tomorrow.", "openness"),
    # se fier à read as fier
    ("Je me suis fiée à la météo et j'ai pris le parapluie.", "self_trust"),
    ("I trusted the forecast and took an umbrella.", "self_trust"),
    # présenter a file
    ("J'ai présenté le dossier à la banque ce matin.", "path"),
    ("Presented the slides to the board this morning.", "path"),
    # a partner who is a spouse, a sports competition, cooking advice to a child
    ("Ma partenaire de vie a fait des crêpes.", "synergy"),
    ("My partner made pancakes for the kids.", "synergy"),
    ("Compétition de judo de Léa ce samedi, elle a gagné deux combats.", "synergy"),
    ("Swim meet on Saturday, Lily came third.", "synergy"),
    ("J'ai expliqué à Nina comment faire la béchamel sans grumeaux.", "advice"),
    ("I showed Owen how to crack an egg without getting shell in the bowl.", "advice"),
    # opening a window, a different colour, a hiking path, déterminer une date
    ("J'ai ouvert la fenêtre pour aérer la cuisine.", "openness"),
    ("Opened the window to air the kitchen.", "openness"),
    ("On a repeint la chambre d'une couleur différente.", "different"),
    ("We painted the bedroom a different colour.", "different"),
    ("Randonnée sur le chemin des douaniers, magnifique.", "path"),
    ("Walked the coastal path, beautiful.", "path"),
    ("Il faut déterminer une date pour l'anniversaire de Nina.", "determination"),
    ("We need to determine the date for the party.", "determination"),
    # proud of a cake, an open bar, inspiring air, a stubborn cat
    ("Je suis fière de mon gâteau au chocolat.", "self_trust"),
    ("Proud of the cupcakes I baked for the school sale.", "self_trust"),
    ("Open bar au mariage de ma cousine.", "openness"),
    ("Open bar at my cousin's wedding.", "openness"),
    ("Chez le kiné : inspirez, expirez, dix fois.", "inspiration"),
    ("At physio: inspire slowly, breathe out, ten times.", "inspiration"),
    ("Le chat est têtu, il veut dormir sur mon fauteuil.", "determination"),
    ("The cat is stubborn about my chair.", "determination"),
]


@pytest.mark.parametrize(("body", "theme"), EVERYDAY)
def test_everyday_senses_are_not_read_as_the_theme(det: Detector, body: str, theme: str
                                                    ) -> None:
    assert theme not in det.score_text(body)


def test_everyday_entries_are_left_alone(det: Detector) -> None:
    """Nearly all of them touch no theme at all (the model may still misread one)."""
    noticed = [body for body, _ in EVERYDAY if det.score_text(body)]
    assert len(noticed) <= len(EVERYDAY) // 10, noticed


def test_guards_hide_the_words_from_the_lexicon(det: Detector) -> None:
    # without the guard, "fermé" and "ferme" share a stem with the closed posture's words
    from journal_tui.core.lexicon import hits
    from journal_tui.core.tokens import tokenize

    tokens = tokenize("Ferme pédagogique, puis magasin fermé pour travaux.")
    found = det._matcher.find(tokens)
    assert any(not p.theme for p, _ in found)  # guards matched
    assert hits(found, tokens, det.polar) == []


# ------------------------------------------------------------ negation, languages

@pytest.mark.parametrize(("body", "theme", "pole"), [
    ("Je n'ai pas osé lever la main pendant la réunion de réseau.", "self_trust", "low"),
    ("Cette fois j'ai osé : j'ai annoncé mon tarif sans me justifier.", "self_trust", "high"),
])
def test_negation_decides_the_pole(det: Detector, body: str, theme: str, pole: str) -> None:
    assert poles(det, body).get(theme) == pole


@pytest.mark.parametrize(("body", "expression", "pole"), [
    ("I didn't push back when the client asked.", "pushed back", "low"),  # flips fully
    ("Je n'ai pas lâché l'affaire.", "j' avoir lâcher l'affaire", "low"),
    ("I'm not stubborn.", "stubborn", "high"),  # flips at a lower weight
])
def test_a_negated_expression_votes_for_the_other_pole(det: Detector, body: str,
                                                       expression: str, pole: str) -> None:
    from journal_tui.core.lexicon import hits
    from journal_tui.core.tokens import tokenize

    tokens = tokenize(body)
    found = [h for h in hits(det._matcher.find(tokens), tokens, det.polar)
             if h.expression == expression and h.source == "lexicon"]
    assert [(h.pole, h.negated) for h in found] == [(pole, True)]


def test_a_negated_word_never_votes_for_its_own_pole(det: Detector) -> None:
    for body in ("Je ne suis pas obstiné.", "I'm not stubborn.", "Pas têtu du tout."):
        assert poles(det, body).get("determination") != "low"


def test_contractions_keep_french_words_out_of_english(det: Detector) -> None:
    # "but" is not "buté", "I'm" is not French
    body = "I'm tired but it's fine, I'll call them tomorrow."
    assert det.language(body) == ("en",)
    assert det.score_text(body) == {}


def test_languages(det: Detector) -> None:
    assert det.language("Je suis allée au marché et j'ai acheté du pain.") == ("fr",)
    assert det.language("I went to the market and bought some bread.") == ("en",)
    assert det.language("Call avec Julie about the joint project, on va collaborer.") == (
        "fr", "en")


# ------------------------------------------- check-ins, the person's word, prompts

def test_checkin_and_the_persons_word(book: PromptBook) -> None:
    e = make_entry("Admin day.", day=date(2026, 11, 26), when=WHEN,
                   checkin={"agility": -2, "synergy": 1, "path": 2, "unknown": 1},
                   themes={"openness": "high", "inspiration": "yes", "different": "none"})
    got = Detector(book).score(e)
    assert got["agility"] == Signal(True, None, -1.0, 0)
    assert got["synergy"].checkin == 0.5 and got["synergy"].balance == 0.5
    assert got["path"] == Signal(True, None, None, 0)  # plain: mention only
    assert got["openness"] == Signal(True, None, None, 0, user=1.0)
    assert got["openness"].balance == 1.0
    assert got["inspiration"] == Signal(True, None, None, 0)
    assert "unknown" not in got and "different" not in got
    assert Signal().values == () and Signal().balance is None and Signal().pole is None


def test_the_persons_word_wins_over_the_text(book: PromptBook) -> None:
    body = "I said yes to every change request just to keep everyone happy."
    said = make_entry(body, day=date(2026, 11, 26), when=WHEN)
    assert score_entry(said, book)["agility"].text < 0
    high = replace(said, id=said.id + "1", themes={"agility": "high"})
    sig = score_entry(high, book)["agility"]
    assert sig.user == 1.0 and sig.values == (1.0,)  # the text no longer counts
    none = replace(said, id=said.id + "2", themes={"agility": "none"})
    assert "agility" not in score_entry(none, book)  # no mention, no balance
    # ... and noticed lists the word, not the text
    assert [(n.theme, n.pole, n.source) for n in notice(high, book)
            if n.theme == "agility"] == [("agility", "high", "user")]
    assert all(n.theme != "agility" for n in notice(none, book))


def test_an_answered_prompt_is_a_prior_not_a_mention(book: PromptBook) -> None:
    det = Detector(book)
    prompt = next(p for p in book.prompts if p.theme == "determination")
    blank = make_entry("Rien à dire.", day=date(2026, 11, 26), when=WHEN, prompt_id=prompt.id)
    assert det.score(blank) == {}
    weak = "Je continue, même si ça ne paie pas encore."
    alone = det.read(weak).get("determination")
    primed = det.read(weak, "determination").get("determination")
    assert primed is not None and primed.prompt_prior
    assert alone is None or alone.confidence < primed.confidence
    answered = make_entry(weak, day=date(2026, 11, 26), when=WHEN, prompt_id=prompt.id)
    line = next(n for n in det.notice(answered) if n.theme == "determination")
    assert "prompt" in (line.evidence_text or "")


# ------------------------------------------------------------------- evidence

def test_evidence_points_at_the_words(det: Detector) -> None:
    body = "Rendez-vous client.\nJe me suis braquée quand il a parlé du prix."
    e = make_entry(body, day=date(2026, 11, 26), when=WHEN)
    lines = [n for n in det.notice(e) if n.theme == "openness"]
    assert len(lines) == 1
    n = lines[0]
    assert (n.pole, n.source) == ("low", "text") and 0 < n.confidence <= 1
    assert n.evidence and all(body[a:b] for e in n.evidence for a, b in e.spans)
    assert "braquée" in {body[a:b] for e in n.evidence for a, b in e.spans}
    assert n.to_json() == {"theme": "openness", "pole": "low", "source": "text",
                           "evidence": n.evidence_text, "confidence": round(n.confidence, 3)}
    assert "braquée" in (n.evidence_text or "")


def test_model_evidence_is_a_sentence_with_words(det: Detector) -> None:
    body = ("Trois mois que je relance ce prospect. Tout le monde me dit d'arrêter, "
            "je refuse, j'ai déjà trop investi dedans.")
    r = det.read(body, evidence=True)["determination"]
    assert r.pole == "low"
    for ev in r.evidence:
        assert ev.text in body
        assert all(body[a:b] and a >= body.index(ev.text.rstrip("…")) for a, b in ev.spans)


# ------------------------------------------------------------- a person's own theme

def test_a_persons_own_theme_is_found_by_its_keywords(book: PromptBook) -> None:
    theme = Theme(id="garden", kind="polar", label={"en": "Garden", "fr": "Jardin"},
                  low={"en": "weeds", "fr": "herbes"}, high={"en": "flowers", "fr": "fleurs"},
                  advice={"en": "", "fr": ""},
                  keywords={"en": {"low": ("weed*",), "high": ("bloom",)},
                            "fr": {"low": ("mauvaises herbes",), "high": ("fleurir",)}})
    other = replace(book, themes={**book.themes, "garden": theme})
    assert detector_for(other) is not detector_for(book)
    det = detector_for(other)
    assert poles(det, "Weeding all morning in the rain.")["garden"] == "low"
    assert poles(det, "The roses bloomed at last.")["garden"] == "high"
    assert poles(det, "Les rosiers ont fleuri.")["garden"] == "high"
    assert poles(det, "Pas de mauvaises herbes cette année.")["garden"] == "high"
    assert "garden" not in poles(det, "A quiet day at the office.")


def test_scores_are_memoised_per_updated(book: PromptBook) -> None:
    det = Detector(book)
    e = make_entry("Admin day.", day=date(2026, 11, 26), when=WHEN)
    first = det.score(e)
    assert det.score(e) is first
    e.themes = {"determination": "low"}
    assert det.score(e) is first  # same id and updated: same score
    e.updated = WHEN + timedelta(minutes=5)
    assert det.score(e)["determination"].user == -1.0


def test_data_loads_once_and_lazily(book: PromptBook) -> None:
    import subprocess
    import sys

    probe = ("import sys, journal_tui.core.themes, journal_tui.core.detect as d;"
             "assert d.detector_data._LOADED is None;"
             "print('ok')")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=60)
    assert out.stdout.strip() == "ok"


# --------------------------------------------------------------- the model's fast path

@pytest.mark.parametrize("body", [
    "Je m'acharne sur ce dossier alors que trois personnes m'ont dit de passer à autre "
    "chose. La ferme du voisin est à vendre.",
    "I didn't dare to ask. Then Sarah introduced me to her manager, and it was an open bar.",
    "Réunion à dix heures, then a long walk. Je n'ai pas osé lui dire non.",
])
def test_model_logits_equal_the_plain_sum_of_training_features(body: str) -> None:
    """Scoring sums cached, packed integer rows per word; training sums bucket counts.
    Both must give the same logits, or the shipped model reads differently from the
    one that was trained and calibrated."""
    from journal_tui.core import detector_data
    from journal_tui.core.features import doc_features, scale
    from journal_tui.core.lemmas import token_keys
    from journal_tui.core.lexicon import matcher
    from journal_tui.core.tokens import tokenize

    data = detector_data.load()
    m = data.model
    tokens = tokenize(body)
    keys = token_keys(tokens, data.keyers)
    found = matcher(data.patterns, data.keyers).find(tokens, keys)
    guards = [(ix[0], ix[-1], p.text) for p, ix in found if not p.theme]
    counts = doc_features(tokens, data.keyers, guards)
    weight = scale(sum(counts.values()))
    want = []
    for j in range(m.n):
        dot = sum(c * m.weights[m.row[b] + j] for b, c in counts.items() if b in m.row)
        want.append(m.bias[j] + weight * dot * m.scales[j])
    got = m.score(tokens, data.keyers, guards, keys_by_lang=keys).logits
    assert got == pytest.approx(want, abs=1e-9)
    assert any(abs(g - b) > 1e-6 for g, b in zip(got, m.bias, strict=True))
