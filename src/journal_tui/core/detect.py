"""Theme detection: what each entry says of each theme, towards which pole, and why.

Pure (no Textual; the only file read is the shipped ``data/detector.json.gz``,
loaded on first use, never at import). An entry gets, per theme it touches, a
:class:`Signal` from three sources, and :func:`Detector.notice` lists them with
their evidence for the screens and ``show``:

* the person's word, the ``[themes]`` table (``core.theme_word``): it wins over
  the text. "none" removes the theme from the entry (no mention, no balance);
  a pole is a full ±1 signal; "yes" makes a plain theme mentioned;
* the self-rating ``checkin[theme]`` (−2…+2), scaled to −1…+1, as before;
* the body, read by the second-generation detector below.

Reading the body (each step in its own module)
    ``core.tokens``: words with their spans, sentences, a language per sentence
    (contractions such as "I'm" are English, elisions such as "j'ai" French) and
    negation. ``core.lexicon``: hundreds of words, expressions and idioms per
    language, theme and pole, matched on lemmas with small gaps, with guards for
    the everyday senses ("la ferme", "se fier à la météo", "an open bar") and
    negation ("je n'ai pas osé" is fear of judgment); plus the keywords of
    ``prompts.toml``. ``core.detect_model``: a logistic regression over hashed
    word and character n-grams. Per theme and pole, a small logistic regression
    (``core.detector_data.combine``) turns the model's logits and the expressions'
    precision into a calibrated confidence (0–1); a polar theme takes its likelier
    pole, and counts when that confidence reaches the threshold chosen on the
    development split (``scripts/train_detector.py``). The text signal of a polar
    theme is that confidence, signed by the pole (−1 … +1).

An answered prompt
    An entry answering a prompt is probably about the prompt's theme, so that
    theme's confidence gets a prior (``PROMPT_PRIOR`` in log-odds) when the text
    already shows some evidence for it (at least half the threshold); the evidence
    says so. Answering a prompt is no longer a mention by itself.

A person's own theme
    A theme the detector was not trained on (from a user's ``prompts.toml``) is
    detected by its keywords alone: each hit counts with ``USER_KEYWORD_WEIGHT``
    (so one hit is a mention, as before); a negated hit counts for the other pole
    with ``USER_NEGATED_WEIGHT``. Keywords a person adds to a bundled theme count
    the same way, beside the detector's reading.

Scores are derived data, never written to entry files: :class:`Detector` keeps
them in memory per (entry id, updated), and :func:`detector_for` keeps one
detector per prompt book. The index keeps them between runs
(``themes.scored_entries``) under ``Detector.digest``: the scoring code's version,
the shipped data's hash, and the book's themes, keywords and prompt themes.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from journal_tui.core import detector_data
from journal_tui.core.lemmas import token_keys
from journal_tui.core.lexicon import Hit, Pattern, compile_expression, hits, matcher
from journal_tui.core.model import Entry
from journal_tui.core.tokens import Token, tokenize

if TYPE_CHECKING:
    from journal_tui.core.prompts import PromptBook

SCORING_VERSION = 3  # bump when scoring changes: scores kept in the index go stale
PROMPT_PRIOR = 1.0  # log-odds added for the theme of the prompt an entry answers
USER_KEYWORD_WEIGHT = 0.6  # precision given to a keyword the detector was not trained on
USER_NEGATED_WEIGHT = 0.4  # ... when negated: still a mention, for the other pole
USER_THRESHOLD = 0.35
EVIDENCE_WORDS = 4  # words highlighted in the sentence the model leans on
EVIDENCE_CHARS = 160


@dataclass(frozen=True, slots=True)
class Signal:
    """What one entry says about one theme.

    ``text``: −1…+1 from the body (the confidence signed by the pole; None without a
    polar detection, always None for a plain theme); ``checkin``: the self-rating
    scaled to −1…+1; ``hits``: expressions found for the theme; ``user``: the
    person's word, ±1 for a pole (None otherwise); ``confidence``: of the text
    detection, 0–1 (None when the text says nothing).
    """

    mentioned: bool = True
    text: float | None = None
    checkin: float | None = None
    hits: int = 0
    user: float | None = None
    confidence: float | None = None

    @property
    def values(self) -> tuple[float, ...]:
        """The signals this entry adds to a period's balance (0, 1 or 2 values):
        the check-in, and the person's word or else the text."""
        said = self.user if self.user is not None else self.text
        return tuple(v for v in (self.checkin, said) if v is not None)

    @property
    def balance(self) -> float | None:
        vals = self.values
        return sum(vals) / len(vals) if vals else None

    @property
    def pole(self) -> str | None:
        """"high", "low", or None (plain theme, no signal, or exactly balanced)."""
        b = self.balance
        if b is None or b == 0:
            return None
        return "high" if b > 0 else "low"


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why a theme was noticed: words of the body and their character spans."""

    text: str  # as written in the body (an expression, or a sentence)
    spans: tuple[tuple[int, int], ...]  # the words to highlight, in body characters
    kind: str  # "lexicon", "keyword" or "model"
    negated: bool = False


@dataclass(frozen=True, slots=True)
class Reading:
    """The body's verdict on one theme."""

    theme: str
    pole: str | None  # None for a plain theme
    confidence: float
    evidence: tuple[Evidence, ...]
    prompt_prior: bool  # the answered prompt's theme raised the confidence
    hits: int


@dataclass(frozen=True, slots=True)
class Noticed:
    """One line of ``noticed`` (DESIGN.md: "Noticed themes, their evidence…")."""

    theme: str
    pole: str | None
    source: str  # "checkin", "text" or "user"
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    prompt_prior: bool = False

    @property
    def evidence_text(self) -> str | None:
        """The evidence in one line: quoted words, and the prompt's part if any."""
        if not self.evidence and not self.prompt_prior:
            return None
        parts = [f"“{e.text}”" for e in self.evidence]
        if self.prompt_prior:
            parts.append("(answering a prompt on this theme)")
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {"theme": self.theme, "pole": self.pole, "source": self.source,
                "evidence": self.evidence_text, "confidence": round(self.confidence, 3)}


class Detector:
    """Scores entries against one prompt book's themes (see the module docstring)."""

    def __init__(self, book: PromptBook) -> None:
        self.book = book
        self.themes = dict(book.themes)
        self.polar = {tid for tid, t in self.themes.items() if t.polar}
        self._data: detector_data.DetectorData | None = None
        self._memo: dict[tuple[str, Any], dict[str, Signal]] = {}

    # ------------------------------------------------------------------ loading

    @property
    def data(self) -> detector_data.DetectorData:
        if self._data is None:
            self._data = detector_data.load()
        return self._data

    @functools.cached_property
    def _matcher(self) -> Any:
        """The lexicon and this book's keywords, in one index (one pass per entry).

        The bundled keywords come compiled, with their precision on the training
        texts; a keyword of the person's own is compiled here and counts by itself
        (``USER_KEYWORD_WEIGHT``).
        """
        data, patterns = self.data, list(self.data.patterns)
        for tid, theme in self.themes.items():
            for lang, by_pole in theme.keywords.items():
                if lang not in data.keyers:
                    continue
                for pole, words in by_pole.items():
                    for word in words:
                        row = data.keywords.get(f"{tid}|{pole}|{lang}|{word.strip()}")
                        if row is not None:
                            patterns.append(Pattern.from_json(row, source="keyword"))
                            continue
                        p = compile_expression(word, tid, pole, data.keyers[lang],
                                               source="user", gap=0)
                        if p is not None:
                            patterns.append(p.weighed(USER_KEYWORD_WEIGHT, USER_NEGATED_WEIGHT))
        return matcher(patterns, data.keyers)

    # ------------------------------------------------------------------ public

    def score(self, entry: Entry) -> dict[str, Signal]:
        """Signals of the themes ``entry`` touches (memoised per id and ``updated``)."""
        key = (entry.id, entry.updated)
        cached = self._memo.get(key)
        if cached is None:
            if len(self._memo) > 200_000:
                self._memo.clear()
            cached = self._memo[key] = self._score(entry)
        return cached

    @functools.cached_property
    def digest(self) -> str:
        """What scores depend on besides the entry: stored scores are reused only
        under the same digest."""
        prompts = getattr(self.book, "prompts", ()) or ()
        settings = {
            "version": SCORING_VERSION,
            "data": detector_data.digest(),  # the data itself is not loaded for it
            "themes": {tid: [bool(t.polar), t.keywords] for tid, t in self.themes.items()},
            "prompts": {p.id: p.theme for p in prompts},
        }
        blob = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=list)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    def prime(self, entry: Entry, signals: dict[str, Signal]) -> None:
        """Take ``signals`` (stored under this digest) as ``entry``'s score."""
        self._memo[(entry.id, entry.updated)] = signals

    def score_text(self, text: str) -> dict[str, Signal]:
        """Signals from a body alone (no check-in, no prompt, no word of the person)."""
        return self._signals(self.read(text), {}, {})

    def language(self, text: str) -> tuple[str, ...]:
        """The languages of ``text``'s sentences ("fr", "en", or both)."""
        langs = {t.lang for t in tokenize(text)}
        if "mixed" in langs:
            return ("fr", "en")
        return tuple(lang for lang in ("fr", "en") if lang in langs) or ("fr", "en")

    def read(self, body: str, prompt_theme: str | None = None, *, evidence: bool = False
             ) -> dict[str, Reading]:
        """The themes the body speaks of, with their confidence (and evidence if asked)."""
        data = self.data
        tokens = tokenize(body)
        keys = token_keys(tokens, data.keyers)
        found = self._matcher.find(tokens, keys)
        guards = [(m[0], m[-1], p.text) for p, m in found if not p.theme]
        every = hits(found, tokens, self.polar)
        lex = [h for h in every if h.source == "lexicon"]
        kw = [h for h in every if h.source != "lexicon"]
        model = data.model.score(tokens, data.keyers, guards, per_token=evidence,
                                 keys_by_lang=keys)
        logits = dict(zip(data.model.targets, model.logits, strict=True))
        support = _support(lex, self.polar)
        kw_support = _support([h for h in kw if h.source == "keyword"], self.polar)
        user_support = _support([h for h in kw if h.source == "user"], self.polar)
        alone = data.short_alone if len(tokens) < data.short_words else data.lexicon_alone
        out: dict[str, Reading] = {}
        for tid in self.themes:
            poles = ("low", "high") if tid in self.polar else ("yes",)
            best: tuple[float, str, bool] | None = None
            for pole in poles:
                target = (tid, pole)
                other = (tid, "high" if pole == "low" else "low") if pole != "yes" else None
                if target in data.combiner:
                    feats = (logits[target], logits[other] if other else 0.0,
                             support.get(target, 0.0),
                             support.get(other, 0.0) if other else 0.0,
                             kw_support.get(target, 0.0),
                             kw_support.get(other, 0.0) if other else 0.0)
                    p = data.combine(target, feats)
                    if feats[2] >= alone:  # clear words stand by themselves
                        p = max(p, feats[2])
                    threshold = data.threshold
                else:
                    p, threshold = 0.0, USER_THRESHOLD
                prior = False
                if tid == prompt_theme and p >= threshold / 2:
                    p = 1 / (1 + math.exp(-(math.log(p / (1 - p)) + PROMPT_PRIOR)))
                    prior = True
                p = max(p, user_support.get(target, 0.0))
                if p >= threshold and (best is None or p > best[0]):
                    best = (p, pole, prior)
            if best is None:
                continue
            p, pole, prior = best
            chosen = [h for h in lex + kw if h.theme == tid
                      and (h.pole == pole or pole == "yes")]
            ev = _evidence(body, tokens, chosen, model.contributions,
                           data.model.targets.index((tid, pole))
                           if (tid, pole) in data.model.targets else None) if evidence else ()
            out[tid] = Reading(tid, pole if tid in self.polar else None, p, ev, prior,
                               len(chosen))
        return out

    def notice(self, entry: Entry) -> list[Noticed]:
        """Everything noticed on ``entry``: check-ins, the person's word, then the text
        (with evidence) for the themes the person has not spoken on."""
        out: list[Noticed] = []
        for tid, value in entry.checkin.items():
            if tid in self.themes and entry.themes.get(tid) != "none":
                pole = None if value == 0 or tid not in self.polar else (
                    "high" if value > 0 else "low")
                out.append(Noticed(tid, pole, "checkin", 1.0))
        for tid, word in entry.themes.items():
            if tid in self.themes and word != "none":
                out.append(Noticed(tid, word if word in ("low", "high") else None, "user", 1.0))
        for tid, r in self.read(entry.body, self._prompt_theme(entry), evidence=True).items():
            if tid not in entry.themes:
                out.append(Noticed(tid, r.pole, "text", r.confidence, r.evidence,
                                   r.prompt_prior))
        return out

    # ----------------------------------------------------------------- private

    def _prompt_theme(self, entry: Entry) -> str | None:
        if not entry.prompt_id:
            return None
        prompt = self.book.prompt(entry.prompt_id)
        return prompt.theme if prompt is not None else None

    def _score(self, entry: Entry) -> dict[str, Signal]:
        checkin = {t: v for t, v in entry.checkin.items() if t in self.themes}
        words = {t: v for t, v in entry.themes.items() if t in self.themes}
        readings = self.read(entry.body, self._prompt_theme(entry)) if entry.body else {}
        return self._signals(readings, checkin, words)

    def _signals(self, readings: dict[str, Reading], checkin: dict[str, int],
                 words: dict[str, str]) -> dict[str, Signal]:
        out: dict[str, Signal] = {}
        for tid in self.themes:
            word = words.get(tid)
            if word == "none":
                continue
            r = readings.get(tid)
            rated = tid in checkin
            if r is None and not rated and word is None:
                continue
            polar = tid in self.polar
            text = None
            if r is not None and polar and r.pole is not None:
                text = round(r.confidence if r.pole == "high" else -r.confidence, 4)
            scaled = max(-1.0, min(1.0, checkin[tid] / 2)) if rated and polar else None
            user = {"high": 1.0, "low": -1.0}.get(word) if polar and word else None
            out[tid] = Signal(True, text, scaled, r.hits if r else 0, user,
                              round(r.confidence, 4) if r else None)
        return out


def _support(found: Iterable[Hit], polar: set[str]) -> dict[tuple[str, str], float]:
    """Noisy-or of the hits' weights (their precision) per theme and pole."""
    miss: dict[tuple[str, str], float] = {}
    for h in found:
        target = (h.theme, h.pole if h.theme in polar else "yes")
        miss[target] = miss.get(target, 1.0) * (1 - min(0.999, h.weight))
    return {t: 1 - m for t, m in miss.items()}


def _evidence(body: str, tokens: Sequence[Token], chosen: list[Hit],
              contributions: Sequence[tuple[float, ...] | None], j: int | None
              ) -> tuple[Evidence, ...]:
    """The expressions found (strongest first), or else the sentence the model
    leans on most for that theme and pole, with its heaviest words."""
    out: list[Evidence] = []
    for h in sorted(chosen, key=lambda h: (-h.weight, h.first)):
        start, end = h.spans[0][0], h.spans[-1][1]
        if any(start < e.spans[-1][1] and e.spans[0][0] < end for e in out):
            continue  # the same words, found by the lexicon and by a keyword
        out.append(Evidence(body[start:end], h.spans, h.source if h.source != "user"
                            else "keyword", h.negated))
        if len(out) == 3:
            break
    if out or j is None or not tokens:
        return tuple(out)
    by_sentence: dict[int, float] = {}
    for t, c in zip(tokens, contributions, strict=True):
        if c is not None:
            by_sentence[t.sent] = by_sentence.get(t.sent, 0.0) + c[j]
    if not by_sentence:
        return ()
    sent = max(by_sentence, key=by_sentence.__getitem__)
    words = [(c[j], i) for i, (t, c) in enumerate(zip(tokens, contributions, strict=True))
             if t.sent == sent and c is not None and c[j] > 0]
    top = sorted(i for _, i in sorted(words, reverse=True)[:EVIDENCE_WORDS])
    in_sentence = [t for t in tokens if t.sent == sent]
    start, end = in_sentence[0].start, in_sentence[-1].end
    text = body[start:end]
    if len(text) > EVIDENCE_CHARS:
        text = text[:EVIDENCE_CHARS - 1].rstrip() + "…"
    return (Evidence(text, tuple((tokens[i].start, tokens[i].end) for i in top), "model"),)


# A detector per prompt book, by identity (a new book, e.g. after prompts.toml
# changed, gets a new detector and so fresh scores).
_DETECTORS: dict[int, tuple[weakref.ref[PromptBook], Detector]] = {}


def detector_for(book: PromptBook) -> Detector:
    entry = _DETECTORS.get(id(book))
    if entry is not None and entry[0]() is book:
        return entry[1]
    for key in [k for k, (ref, _) in _DETECTORS.items() if ref() is None]:
        del _DETECTORS[key]
    detector = Detector(book)
    _DETECTORS[id(book)] = (weakref.ref(book), detector)
    return detector


def preload() -> None:
    """Load the detector's data now (for a background thread: ~0.2 s)."""
    detector_data.load()


def score_entry(entry: Entry, book: PromptBook) -> dict[str, Signal]:
    """The signals of the themes ``entry`` touches (only those; others are absent)."""
    return detector_for(book).score(entry)


def notice(entry: Entry, book: Any) -> list[Noticed]:
    """What is noticed on ``entry`` (``Detector.notice``)."""
    return detector_for(book).notice(entry)


def signals_json(signals: dict[str, Signal]) -> str:
    """A compact, exact text form of an entry's signals (for the index)."""
    return json.dumps({tid: [int(s.mentioned), s.text, s.checkin, s.hits, s.user, s.confidence]
                       for tid, s in signals.items()}, separators=(",", ":"))


def signals_from_json(text: str) -> dict[str, Signal]:
    return {tid: Signal(bool(v[0]), *v[1:]) for tid, v in json.loads(text).items()}


def score_entries(entries: Iterable[Entry], book: PromptBook) -> list[dict[str, Signal]]:
    detector = detector_for(book)
    return [detector.score(e) for e in entries]
