"""Theme detection: how strongly each entry speaks of each theme, and towards which pole.

Pure (no Textual, no I/O). An entry gets, per theme it touches, a :class:`Signal`
from two sources:

* its self-rating ``checkin[theme]`` (−2…+2), scaled to −1…+1;
* its body, matched against the keywords of ``prompts.toml``.

Text matching
    The body is lower-cased and cut into words (apostrophes and hyphens split words,
    so "qu'en-dira-t-on" is five tokens and "l'obstination" two); punctuation and
    line breaks are clause boundaries. Each distinct word is stemmed once with the
    Snowball stemmers of PyStemmer (French or English) and folded (case and
    accents, ``core.text.fold``); a word matches a keyword word when one of its two
    forms (stem then fold, fold then stem) equals one of the keyword's. A keyword
    word the stemmer cuts deeply ("autrement" → "autr", the stem of "autre") only
    matches as written, plural included. A keyword word ending in ``*`` matches by
    prefix instead. Keywords of several words match as consecutive words. The
    entry's language is guessed from stopword counts in its first 80 words; an
    entry with a fair share of both languages (or none) is matched against both
    languages' keywords.

Negation (decided here, tested in ``tests/core/test_themes_detect.py``)
    A hit preceded, within three words of the same clause, by a negation (``pas``,
    ``jamais``, ``sans``, ``aucun``, ``ni``, ``plus`` after ``ne``/``n'``; ``not``,
    ``never``, ``no``, ``n't``, ``without``…) still counts as a *mention* of the
    theme, but its pole is flipped at half weight: "je ne suis pas obstiné" is a
    weak vote for determination, never a vote for stubbornness.

Text signal of a polar theme
    ``(high − low) / hits``, where a plain hit weighs 1 for its pole and a negated
    hit 0.5 for the opposite pole (and 1 in ``hits``); so "not stubborn" alone
    gives +0.5, "stubborn" alone −1. Plain themes have mentions only.

Mentions
    A theme is mentioned by an entry that hits one of its keywords, rates it in
    ``checkin``, or answers one of its prompts (``prompt_id``).

Scores are derived data, never written to entry files: :class:`Detector` keeps
them in memory per (entry id, updated), and :func:`detector_for` keeps one
detector per prompt book, so a changed ``prompts.toml`` (a new book) re-scores.
The index keeps them between runs (``themes.scored_entries``), under
``Detector.digest``: the scoring code's version and the book's themes, keywords
and prompt themes.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import compress
from typing import TYPE_CHECKING, Any, cast

import Stemmer

from journal_tui.core.model import Entry
from journal_tui.core.text import fold

if TYPE_CHECKING:
    from journal_tui.core.prompts import PromptBook

SCORING_VERSION = 1  # bump when scoring changes: scores kept in the index go stale
LANGS = ("fr", "en")
_STEMMER_NAMES = {"fr": "french", "en": "english"}

# Words, or runs of clause-ending punctuation (kept as boundaries).
_TOKEN_RE = re.compile(r"[^\W\d_]+|[.!?;:,()\[\]\n¶—–…\"«»]+")
NEGATION_WINDOW = 3
NEGATED_WEIGHT = 0.5
# A keyword word whose stem drops this many letters or more matches only as written.
STRICT_CUT = 4

_NEGATORS = frozenset({
    # French ("ne"/"n'" alone is not enough: "ne … que" is not a negation)
    "pas", "jamais", "sans", "aucun", "aucune", "ni", "guere", "nullement",
    # English ("n't" is tokenized as "t"; forms typed without apostrophe too)
    "not", "never", "no", "t", "without", "nor", "hardly", "cannot", "nobody",
    "dont", "didnt", "doesnt", "isnt", "wasnt", "wont", "cant", "couldnt", "wouldnt",
    "havent", "hasnt", "arent", "werent", "shouldnt",
})
# "plus" negates only after "ne"/"n'" ("je ne suis plus obstiné", not "plus ouvert").
_NE = frozenset({"ne", "n"})

def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STOPWORDS = {
    "fr": _wordset(
        "le la les de des du un une et est je j ne pas que qui pour avec dans sur mais ce "
        "cette ces il elle nous vous au aux ai suis été etait était très mon ma mes son sa "
        "leur qu c d l m s y ça ca aujourd hui avoir fait"),
    "en": _wordset(
        "the and is i to of that it was for with my me not have this be are at you we he "
        "she they had his her today been from what which would about our their an"),
}


@dataclass(frozen=True, slots=True)
class Signal:
    """What one entry says about one theme.

    ``text``: −1…+1 from the body (None without a polar hit, always None for a plain
    theme); ``checkin``: the self-rating scaled to −1…+1 (None when not rated);
    ``hits``: keyword hits in the body, negated ones included.
    """

    mentioned: bool = True
    text: float | None = None
    checkin: float | None = None
    hits: int = 0

    @property
    def values(self) -> tuple[float, ...]:
        """The signals this entry adds to a period's balance (0, 1 or 2 values)."""
        return tuple(v for v in (self.checkin, self.text) if v is not None)

    @property
    def balance(self) -> float | None:
        """Mean of ``values``; None without any."""
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
class _Pattern:
    theme: str
    pole: str  # "low" | "high" | "any"
    keys: tuple[str, ...]  # keys of the keyword's words
    anchor: int  # index of the word it is indexed by (the longest: the rarest)


class _Lang:
    """Keyword index and word cache for one language."""

    def __init__(self, lang: str) -> None:
        self.stemmer = Stemmer.Stemmer(_STEMMER_NAMES[lang])
        self.patterns: dict[str, list[_Pattern]] = {}  # anchor word key -> patterns
        self.forms: dict[str, str] = {}  # a keyword word's forms -> its key
        self.prefixes: list[tuple[str, str]] = []  # (folded prefix, key)
        self.words: dict[str, frozenset[str]] = {}  # text word -> keys it matches

    def word_forms(self, word: str) -> set[str]:
        folded = fold(word)
        stem = self.stemmer.stemWord
        return {fold(stem(word)), stem(folded), folded}

    def add(self, keyword: str, theme: str, pole: str) -> None:
        keys: list[str] = []
        for token in _TOKEN_RE.findall(keyword.lower().replace("’", "'").replace("*", "_")):
            if not token[0].isalpha():
                continue
            keys.append(self._key(token))
        if keyword.rstrip().endswith("*") and keys:
            prefix = fold(keyword.rstrip()[:-1].split()[-1].split("'")[-1])
            keys[-1] = "*" + prefix
            self.prefixes.append((prefix, keys[-1]))
        if keys:
            # Indexed by its longest word, so "on m'a dit" is only tried where "dit" is.
            anchor = max(range(len(keys)), key=lambda k: len(keys[k].lstrip("=*")))
            self.patterns.setdefault(keys[anchor], []).append(
                _Pattern(theme, pole, tuple(keys), anchor))

    def _key(self, token: str) -> str:
        forms = self.word_forms(token)
        folded = fold(token)
        stem = fold(self.stemmer.stemWord(token))
        if len(folded) - len(stem) >= STRICT_CUT:
            # The stemmer cut a long suffix ("autrement" -> "autr", like "autre"):
            # only the word itself (and its plural) is safe to match.
            forms, stem = {folded, folded + "s"}, "=" + folded
        for form in forms:  # two keyword words sharing a form share a key
            if form in self.forms:
                key = self.forms[form]
                break
        else:
            key = stem
        for form in forms:
            self.forms.setdefault(form, key)
        return key

    def analyse(self, word: str) -> frozenset[str]:
        """The keyword-word keys ``word`` matches (cached by the caller)."""
        if not word[0].isalpha():
            return frozenset()
        keys = {self.forms[f] for f in self.word_forms(word) if f in self.forms}
        if self.prefixes:
            folded = fold(word)
            keys.update(key for prefix, key in self.prefixes if folded.startswith(prefix))
        return frozenset(keys)


class Detector:
    """Scores entries against one prompt book's themes (see the module docstring)."""

    def __init__(self, book: PromptBook) -> None:
        self.book = book
        self.themes = dict(book.themes)
        self.polar = {tid for tid, t in self.themes.items() if t.polar}
        self._langs = {lang: _Lang(lang) for lang in LANGS}
        for tid, theme in self.themes.items():
            for lang, poles in theme.keywords.items():
                if lang not in self._langs:
                    continue
                for pole, words in poles.items():
                    for word in words:
                        self._langs[lang].add(word, tid, pole)
        self._memo: dict[tuple[str, Any], dict[str, Signal]] = {}

    # ------------------------------------------------------------------ public

    def score(self, entry: Entry) -> dict[str, Signal]:
        """Signals of the themes ``entry`` touches (memoised per id and ``updated``)."""
        key = (entry.id, entry.updated)
        cached = self._memo.get(key)
        if cached is None:
            cached = self._memo[key] = self._score(entry)
        return cached

    @functools.cached_property
    def digest(self) -> str:
        """What scores depend on besides the entry: stored scores are reused only
        under the same digest."""
        prompts = getattr(self.book, "prompts", ()) or ()
        settings = {
            "version": SCORING_VERSION,
            "themes": {tid: [bool(t.polar), t.keywords] for tid, t in self.themes.items()},
            "prompts": {p.id: p.theme for p in prompts},
        }
        blob = json.dumps(settings, sort_keys=True, ensure_ascii=False, default=list)
        return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:16]

    def prime(self, entry: Entry, signals: dict[str, Signal]) -> None:
        """Take ``signals`` (stored under this digest) as ``entry``'s score."""
        self._memo[(entry.id, entry.updated)] = signals

    def score_text(self, text: str) -> dict[str, Signal]:
        """Signals from a body alone (no check-in, no prompt)."""
        return self._signals(self.text_hits(text), {}, None)

    def language(self, text: str) -> tuple[str, ...]:
        """The languages whose keywords are matched in ``text``."""
        return self._guess(_tokens(text))

    def text_hits(self, text: str) -> dict[str, list[tuple[str, bool]]]:
        """Per theme, the (pole, negated) of each keyword hit in ``text``."""
        tokens = _tokens(text)
        found: dict[tuple[int, str], tuple[str, bool]] = {}
        for lang in self._guess(tokens):
            self._match(self._langs[lang], tokens, found)
        hits: dict[str, list[tuple[str, bool]]] = {}
        for (_, theme), hit in sorted(found.items()):
            hits.setdefault(theme, []).append(hit)
        return hits

    # ----------------------------------------------------------------- private

    def _score(self, entry: Entry) -> dict[str, Signal]:
        prompt_theme = None
        if entry.prompt_id:
            prompt = self.book.prompt(entry.prompt_id)
            prompt_theme = prompt.theme if prompt is not None else None
        checkin = {t: v for t, v in entry.checkin.items() if t in self.themes}
        return self._signals(self.text_hits(entry.body), checkin, prompt_theme)

    def _signals(self, hits: dict[str, list[tuple[str, bool]]], checkin: dict[str, int],
                 prompt_theme: str | None) -> dict[str, Signal]:
        out: dict[str, Signal] = {}
        for tid in self.themes:
            theme_hits = hits.get(tid, ())
            rated = tid in checkin
            if not theme_hits and not rated and tid != prompt_theme:
                continue
            text = None
            if tid in self.polar and theme_hits:
                total = 0.0
                for pole, negated in theme_hits:
                    sign = 1.0 if pole == "high" else -1.0 if pole == "low" else 0.0
                    total += -sign * NEGATED_WEIGHT if negated else sign
                text = total / len(theme_hits)
            scaled = max(-1.0, min(1.0, checkin[tid] / 2)) if rated and tid in self.polar \
                else None
            out[tid] = Signal(True, text, scaled, len(theme_hits))
        return out

    def _guess(self, tokens: list[str]) -> tuple[str, ...]:
        head = tokens[:80]  # enough words to tell, cheap on long entries
        fr = sum(map(_STOPWORDS["fr"].__contains__, head))
        en = sum(map(_STOPWORDS["en"].__contains__, head))
        if min(fr, en) * 4 >= max(fr, en):  # no stopword, or a fair share of both
            return LANGS
        return ("fr",) if fr > en else ("en",)

    @staticmethod
    def _match(lang: _Lang, tokens: list[str], found: dict[tuple[int, str], tuple[str, bool]]
               ) -> None:
        cache = lang.words
        get = cache.get
        keys_at = list(map(get, tokens))
        if None in keys_at:
            analyse = lang.analyse
            for i, keys in enumerate(keys_at):
                if keys is None:
                    t = tokens[i]
                    keys = cache.get(t)
                    if keys is None:
                        keys = cache[t] = analyse(t)
                    keys_at[i] = keys
        filled = cast(list[frozenset[str]], keys_at)  # no None left: typing only
        patterns = lang.patterns
        n = len(tokens)
        for i in compress(range(n), filled):  # only the words matching something
            for key in filled[i]:
                for p in patterns.get(key, ()):
                    start = i - p.anchor
                    if len(p.keys) > 1 and (start < 0 or start + len(p.keys) > n or any(
                            k not in filled[start + j] for j, k in enumerate(p.keys))):
                        continue
                    spot = (start, p.theme)
                    if spot not in found:
                        found[spot] = (p.pole, _negated(tokens, start))


# Whitespace-separated chunks ("l'obstination,") -> their tokens ("l", "obstination", ",").
_CHUNKS: dict[str, tuple[str, ...]] = {}
_CHUNKS_MAX = 200_000


def _tokens(text: str) -> list[str]:
    """Words and clause boundaries of ``text``, lower-cased.

    Splitting on whitespace in C and caching each distinct chunk's tokens is about
    twice as fast as running the token regex over every entry.
    """
    out: list[str] = []
    extend = out.extend
    get = _CHUNKS.get
    for chunk in text.lower().replace("\n", " ¶ ").split():  # a line break is a boundary
        parts = get(chunk)
        if parts is None:
            if len(_CHUNKS) > _CHUNKS_MAX:
                _CHUNKS.clear()
            parts = _CHUNKS[chunk] = tuple(_TOKEN_RE.findall(chunk.replace("’", "'")))
        extend(parts)
    return out


def _negated(tokens: list[str], i: int) -> bool:
    """Whether a negation precedes position ``i`` within the window, in the same clause."""
    for j in range(i - 1, max(-1, i - 1 - NEGATION_WINDOW), -1):
        t = tokens[j]
        if not t[0].isalpha():
            return False
        if t in _NEGATORS:
            return True
        if t == "plus" and any(tokens[k] in _NE for k in range(max(0, j - 3), j)):
            return True
    return False


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


def score_entry(entry: Entry, book: PromptBook) -> dict[str, Signal]:
    """The signals of the themes ``entry`` touches (only those; others are absent)."""
    return detector_for(book).score(entry)


def signals_json(signals: dict[str, Signal]) -> str:
    """A compact, exact text form of an entry's signals (for the index)."""
    return json.dumps({tid: [int(s.mentioned), s.text, s.checkin, s.hits]
                       for tid, s in signals.items()}, separators=(",", ":"))


def signals_from_json(text: str) -> dict[str, Signal]:
    return {tid: Signal(bool(m), t, c, h) for tid, (m, t, c, h) in json.loads(text).items()}


def score_entries(entries: Iterable[Entry], book: PromptBook) -> list[dict[str, Signal]]:
    detector = detector_for(book)
    return [detector.score(e) for e in entries]
