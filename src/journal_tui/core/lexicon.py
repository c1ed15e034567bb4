"""Expressions that say a theme and its pole, matched in an entry's words.

Two sources share one matcher: the bundled lexicon (``data/lexicon.toml``: words,
multi-word expressions and idioms per theme, pole and language, with guards for
the everyday senses; its header documents the syntax) and the keywords of
``prompts.toml`` (so a person's own theme with keywords is still detected).

Matching works on ``core.tokens`` words: an expression's words match on their
lemma's stem (``core.lemmas``), within the same sentence, with a small gap
allowed between them; a French sentence is matched against the French
expressions, an English one against the English, a mixed one against both.
Each match is a :class:`Hit` carrying the body's character spans of its words, so
the evidence can be shown and highlighted. Where hits of a theme overlap, the
longest wins; a guard overlapping a hit cancels it ("la ferme", "se fier à la
météo", "an open bar").
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from journal_tui.core.lemmas import LANGS, Keyer, token_keys
from journal_tui.core.text import fold, fold_word
from journal_tui.core.tokens import STOPWORDS, Token, tokenize

GAP = 1  # words allowed between two words of an expression
WIDE_GAP = 4  # after "…"
REFLEXIVE_GAP = 3  # "je ne me suis pas braquée": me … braquée
STRICT_CUT = 4  # a word whose stem drops this many letters matches only as written
NEGATED_WEIGHT = 0.5
_REFLEXIVE = frozenset({"me", "m'", "te", "t'", "se", "s'", "nous", "vous"})
_NEGATORS = frozenset({"not", "never", "no", "pas", "jamais", "sans", "without", "ne", "n'",
                       "plus", "rien", "aucun", "aucune"})
POLES = ("low", "high", "yes")
_COMMON = {
    "fr": frozenset("être avoir faire dire aller pouvoir vouloir savoir voir prendre mettre "
                    "tout tous toute plus moins me te se m' t' s' lui leur y en à au".split()),
    "en": frozenset("be have do say go get make take see know want can could will would "
                    "all more less him them it me us to in on at of as up out".split()),
}
# French stressed pronouns are matched as written: their lemma is the clitic's ("moi"
# is "je"), so "pas moi" would otherwise match "pas, je …".
_TONIC = frozenset({"moi", "toi", "soi", "lui", "eux"})
_ELIDED = {w: frozenset({w.rstrip("e'") + "e", w.rstrip("e'") + "'"})
           for w in ("me", "m'", "te", "t'", "se", "s'", "le", "l'", "de", "d'", "je", "j'",
                     "ne", "n'")}


@dataclass(frozen=True, slots=True)
class _Word:
    kind: str  # "key", "exact", "prefix", "refl"
    value: frozenset[str] | str
    gap: int  # words allowed before it (after the previous word)


@dataclass(frozen=True, slots=True)
class Pattern:
    theme: str  # "" for a guard
    pole: str  # "low" | "high" | "yes" | "any" (a keyword of a plain theme)
    text: str  # as written in the lexicon
    words: tuple[_Word, ...]
    lang: str
    neg: str = "half"  # "half", "flip" or "drop"
    weight: float = 1.0
    source: str = "lexicon"  # or "keyword"
    has_negator: bool = False  # "not give up": its own negation is not a negation of it
    neg_weight: float | None = None  # weight when negated; None: NEGATED_WEIGHT x weight
    anchor: int = -1  # the word it is indexed by (-1: prefixes and pronouns only)

    def to_json(self) -> list[Any]:
        return [self.theme, self.pole, self.text, self.lang, self.neg, self.weight,
                self.neg_weight, int(self.has_negator), self.anchor,
                [[w.kind, sorted(w.value) if isinstance(w.value, frozenset) else w.value, w.gap]
                 for w in self.words]]

    @classmethod
    def from_json(cls, row: list[Any], source: str = "lexicon") -> Pattern:
        theme, pole, text, lang, neg, weight, neg_weight, has_neg, anchor, words = row
        return cls(theme, pole, text, tuple(
            _Word(kind, frozenset(value) if kind == "exact" else value, gap)
            for kind, value, gap in words), lang, neg, weight, source, bool(has_neg),
            neg_weight, anchor)

    def weighed(self, weight: float, neg_weight: float | None, source: str | None = None
                ) -> Pattern:
        return replace(self, weight=weight, neg_weight=neg_weight,
                       source=source or self.source)


@dataclass(frozen=True, slots=True)
class Hit:
    """One expression found: its theme and pole (negation applied), its words' spans."""

    theme: str
    pole: str  # after negation: the pole it votes for
    weight: float
    negated: bool
    source: str  # "lexicon" or "keyword"
    expression: str
    first: int  # token indices
    last: int
    spans: tuple[tuple[int, int], ...]  # characters of the matched words in the body

    @property
    def size(self) -> int:
        return len(self.spans)


def compile_expression(text: str, theme: str, pole: str, k: Keyer, *,
                       source: str = "lexicon", gap: int = GAP) -> Pattern | None:
    """An expression of the lexicon's syntax (see ``data/lexicon.toml``), or None if empty."""
    neg, weight = "half", 1.0
    if "|" in text:
        text, _, flag = text.partition("|")
        if flag.strip() in ("flip", "drop"):
            neg = flag.strip()
    lang = k.lang
    words: list[_Word] = []
    has_negator = False
    next_gap = 0
    for segment_no, segment in enumerate(text.replace("...", "…").split("…")):
        if segment_no:
            next_gap = WIDE_GAP
        for chunk in segment.replace("' ", "'").replace("’", "'").split():
            exact = chunk.startswith("=")
            prefix = chunk.endswith("*")
            toks = tokenize(chunk.strip("=*"))
            for i, tok in enumerate(toks):
                w = tok.text
                g = next_gap if not words else max(next_gap, gap)
                if words and words[-1].kind == "refl":
                    g = max(g, REFLEXIVE_GAP)
                next_gap = 0
                folded = fold(w)
                has_negator = has_negator or w in _NEGATORS
                last_of_chunk = i == len(toks) - 1
                if lang == "fr" and not words and w in ("se", "s'"):  # "se braquer"
                    words.append(_Word("refl", w, g))
                elif lang == "fr" and w in _ELIDED:  # "m'" and "me" alike
                    words.append(_Word("exact", _ELIDED[w], g))
                elif lang == "fr" and w in _TONIC:
                    words.append(_Word("exact", frozenset({w}), g))
                elif prefix and last_of_chunk:
                    words.append(_Word("prefix", folded, g))
                elif exact or len(folded) - len(fold(k.stem(w))) >= STRICT_CUT:
                    forms = {folded, folded + "s"}
                    if w != k.lemma(w):
                        forms.add(fold(k.lemma(w)))
                    words.append(_Word("exact", frozenset(forms), g))
                else:
                    words.append(_Word("key", k.key(w), g))
    if not words:
        return None
    words[0] = _Word(words[0].kind, words[0].value, 0)
    return Pattern(theme, pole, text.strip(), tuple(words), lang, neg, weight, source,
                   has_negator, None, _anchor(words, _common(k)))


def _common(k: Keyer) -> frozenset[str]:
    """Keys of function words and everyday verbs: poor anchors."""
    got = _COMMON_KEYS.get(k.lang)
    if got is None:
        words = STOPWORDS[k.lang] | _COMMON[k.lang]
        got = _COMMON_KEYS[k.lang] = frozenset(k.key(w) for w in words) | words
    return got


def _anchor(words: Sequence[_Word], common: frozenset[str]) -> int:
    """The word an expression is indexed by: its longest uncommon one, so it is only
    tried where that word is."""
    best, best_len = -1, -1000
    for i, w in enumerate(words):
        if w.kind == "key":
            length = len(w.value) - (100 if w.value in common else 0)
        elif w.kind == "exact":
            length = min(map(len, w.value)) - (100 if common.intersection(w.value) else 0)
        else:
            continue
        if length > best_len:
            best, best_len = i, length
    return best


_COMMON_KEYS: dict[str, frozenset[str]] = {}


_Candidate = tuple[Pattern, int, frozenset[str]]  # a pattern, its anchor, the keys it needs


class Matcher:
    """Patterns of both languages, indexed by their rarest word, and guards."""

    def __init__(self, keyers: dict[str, Keyer]) -> None:
        self.keyers = keyers
        # per language: anchor key -> patterns, anchor form -> patterns, prefixes; each
        # with the keys its other words need (an entry lacking one is not tried)
        self._keyed: dict[str, dict[str, list[_Candidate]]] = {lang: {} for lang in LANGS}
        self._exact: dict[str, dict[str, list[_Candidate]]] = {lang: {} for lang in LANGS}
        self._prefixes: dict[str, list[tuple[str, Pattern, int]]] = {lang: [] for lang in LANGS}
        self.patterns: list[Pattern] = []

    def add(self, p: Pattern) -> None:
        self.patterns.append(p)
        best = p.anchor
        if best < 0:  # only prefixes and pronouns: scanned
            i = next((j for j, w in enumerate(p.words) if w.kind == "prefix"), None)
            if i is not None:
                self._prefixes[p.lang].append((str(p.words[i].value), p, i))
            return
        w = p.words[best]
        needs = frozenset(str(x.value) for x in p.words if x.kind == "key")
        if w.kind == "key":
            self._keyed[p.lang].setdefault(str(w.value), []).append((p, best, needs))
        else:
            for form in w.value:
                self._exact[p.lang].setdefault(form, []).append((p, best, needs))

    def find(self, tokens: Sequence[Token], keys_by_lang: dict[str, list[str]] | None = None
             ) -> list[tuple[Pattern, list[int]]]:
        """Every match: the pattern and the indices of its matched words
        (``keys_by_lang``: ``lemmas.token_keys``, computed here if not given)."""
        out: list[tuple[Pattern, list[int]]] = []
        folded = [fold_word(t.text) for t in tokens]
        if keys_by_lang is None:
            keys_by_lang = token_keys(tokens, self.keyers)
        for lang, keys in keys_by_lang.items():
            present = set(keys)
            keyed, exact, prefixes = self._keyed[lang], self._exact[lang], self._prefixes[lang]
            # Most words anchor nothing: find those that may first (a third of the cost).
            where = range(len(tokens)) if prefixes else [
                i for i, k in enumerate(keys) if k in keyed or folded[i] in exact]
            for i in where:
                t = tokens[i]
                if t.lang != lang and t.lang != "mixed":
                    continue
                for cands in (keyed.get(keys[i]), exact.get(folded[i])):
                    if cands:
                        for p, anchor, needs in cands:
                            if not needs <= present:
                                continue
                            found = _match(p, anchor, i, tokens, folded, keys)
                            if found is not None:
                                out.append((p, found))
                for prefix, p, anchor in prefixes:
                    if folded[i].startswith(prefix):
                        found = _match(p, anchor, i, tokens, folded, keys)
                        if found is not None:
                            out.append((p, found))
        return out


def _fits(w: _Word, i: int, tokens: Sequence[Token], folded: list[str], keys: list[str]) -> bool:
    kind = w.kind
    if kind == "key":
        return keys[i] == w.value
    if kind == "exact":
        return folded[i] in w.value
    if kind == "prefix":
        return folded[i].startswith(w.value)  # type: ignore[arg-type]
    return tokens[i].text in _REFLEXIVE


def _match(p: Pattern, anchor: int, at: int, tokens: Sequence[Token], folded: list[str],
           keys: list[str]) -> list[int] | None:
    words = p.words
    sent = tokens[at].sent
    n = len(tokens)
    found = [at]
    pos = at
    for j in range(anchor - 1, -1, -1):  # leftwards: word j before word j+1
        gap = words[j + 1].gap
        for q in range(pos - 1, max(-1, pos - 2 - gap), -1):
            if tokens[q].sent != sent:
                return None
            if _fits(words[j], q, tokens, folded, keys):
                pos = q
                found.insert(0, q)
                break
        else:
            return None
    pos = at
    for j in range(anchor + 1, len(words)):
        gap = words[j].gap
        for q in range(pos + 1, min(n, pos + 2 + gap)):
            if tokens[q].sent != sent:
                return None
            if _fits(words[j], q, tokens, folded, keys):
                pos = q
                found.append(q)
                break
        else:
            return None
    return found


# ------------------------------------------------------------------------- hits


def hits(matches: Iterable[tuple[Pattern, list[int]]], tokens: Sequence[Token],
         polar: Iterable[str]) -> list[Hit]:
    """Matches turned into hits: guards applied, negation applied, overlaps resolved."""
    polar = set(polar)
    matches = list(matches)
    guarded: list[tuple[int, int]] = [(m[0], m[-1]) for p, m in matches if not p.theme]
    out: list[Hit] = []
    for p, m in matches:
        if not p.theme:
            continue
        if any(lo <= i <= hi for lo, hi in guarded for i in m):
            continue
        negated = not p.has_negator and any(tokens[i].neg for i in m)
        pole, weight = p.pole, p.weight
        if negated:
            if p.neg == "drop" or p.theme not in polar or pole not in ("low", "high"):
                continue
            pole = "high" if pole == "low" else "low"
            if p.neg_weight is not None:
                weight = p.neg_weight
            elif p.neg == "half":
                weight *= NEGATED_WEIGHT
        spans = tuple((tokens[i].start, tokens[i].end) for i in m)
        out.append(Hit(p.theme, pole, weight, negated, p.source, p.text, m[0], m[-1], spans))
    return _longest(out)


def _longest(found: list[Hit]) -> list[Hit]:
    """Per theme and source, overlapping hits keep only the longest (then the first)."""
    found.sort(key=lambda h: (-h.size, h.first))
    kept: list[Hit] = []
    for h in found:
        if any(k.theme == h.theme and k.source == h.source
               and not (h.last < k.first or k.last < h.first) for k in kept):
            continue
        kept.append(h)
    kept.sort(key=lambda h: (h.first, h.theme))
    return kept


def guard_spans(matches: Iterable[tuple[Pattern, list[int]]]) -> list[tuple[int, int]]:
    """Token ranges covered by guards (their words are hidden from the model too)."""
    return [(m[0], m[-1]) for p, m in matches if not p.theme]


# ------------------------------------------------------------------------- loading


def compile_lexicon(data: dict[str, Any], keyers: dict[str, Keyer]) -> list[Pattern]:
    """The patterns of a lexicon table (``data/lexicon.toml`` parsed); guards have no theme."""
    out: list[Pattern] = []
    for theme, poles in data.items():
        if theme == "guards":
            for lang, items in poles.items():
                out += [p for text in items
                        if (p := compile_expression(text, "", "any", keyers[lang])) is not None]
            continue
        for pole, langs in poles.items():
            for lang, items in langs.items():
                out += [p for text in items
                        if (p := compile_expression(text, theme, pole, keyers[lang])) is not None]
    return out


def keyword_patterns(themes: dict[str, Any], keyers: dict[str, Keyer]) -> list[Pattern]:
    """The keywords of a prompt book's themes (``Theme.keywords[lang][pole]``), matched
    as consecutive words; a word ending in ``*`` by prefix."""
    out: list[Pattern] = []
    for tid, theme in themes.items():
        for lang, poles in getattr(theme, "keywords", {}).items():
            if lang not in keyers:
                continue
            for pole, words in poles.items():
                out += [p for word in words if (p := compile_expression(
                    word, tid, pole, keyers[lang], source="keyword", gap=0)) is not None]
    return out


def matcher(patterns: Iterable[Pattern], keyers: dict[str, Keyer]) -> Matcher:
    m = Matcher(keyers)
    for p in patterns:
        m.add(p)
    return m
