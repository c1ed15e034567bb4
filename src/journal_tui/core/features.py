"""Hashed word and character n-gram features of an entry, for the detector's linear model.

The same function feeds training (``scripts/train_detector.py``) and scoring, so
the two cannot drift apart. Per word: its folded form, its key (stem of its lemma,
``core.lemmas``), its character 3- to 5-grams (word boundaries marked), and its
key marked as negated when a negation governs it; per pair of neighbouring words
in a sentence: their keys. Words inside a guard (an everyday sense, such as "la
ferme" or "an open bar") are replaced by one feature naming the guard, so the
model does not read them as the theme's words either.

Features are hashed (CRC-32, stable across runs and machines, unlike ``hash``)
into ``2**BITS`` buckets. Word features depend on the word alone, so a scorer can
cache them per distinct word.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

from journal_tui.core.lemmas import Keyer
from journal_tui.core.text import fold
from journal_tui.core.tokens import STOPWORDS, Token

BITS = 18
MASK = (1 << BITS) - 1
CHAR_N = (3, 4, 5)
MIN_COUNT = 150  # about twenty words
_FUNCTION_WORDS = STOPWORDS["fr"] | STOPWORDS["en"]


def scale(count: int) -> float:
    """What each feature occurrence weighs in an entry of ``count`` occurrences.

    1/sqrt(count) (the L2 norm of a count vector, near enough), but never as if the
    entry had fewer than ``MIN_COUNT``: a few words are little evidence, and should
    not weigh like a whole entry.
    """
    return float(max(count, MIN_COUNT) ** -0.5)


def bucket(feature: str) -> int:
    return zlib.crc32(feature.encode("utf-8")) & MASK


def word_lang(token: Token) -> str:
    """The keyer a word is keyed with: its sentence's language (French when mixed)."""
    return "en" if token.lang == "en" else "fr"


def word_features(text: str, key: str, neg: bool) -> list[int]:
    """The buckets of one word's own features (cacheable per word, language and negation).

    A function word ("je", "the", "not") is only itself: its letters say nothing of a
    theme, and weighing them mostly learns a writer's style.
    """
    f = fold(text)
    if text in _FUNCTION_WORDS:
        return [bucket("w|" + f)]
    out = [bucket("w|" + f), bucket("k|" + key)]
    marked = f"<{f}>"
    for n in CHAR_N:
        out += [bucket(marked[i:i + n]) for i in range(len(marked) - n + 1)]
    if neg:
        out.append(bucket("n|" + key))
    return out


def pair_feature(left: str, right: str) -> int:
    return bucket(f"b|{left} {right}")


def guard_feature(text: str) -> int:
    return bucket("g|" + text)


def hidden_tokens(ranges: Iterable[tuple[int, int]]) -> set[int]:
    return {i for lo, hi in ranges for i in range(lo, hi + 1)}


def doc_features(tokens: Sequence[Token], keyers: dict[str, Keyer],
                 guards: Sequence[tuple[int, int, str]] = ()) -> dict[int, int]:
    """Bucket counts of a whole entry (for training; scorers cache per word)."""
    counts: dict[int, int] = {}
    hidden = hidden_tokens((lo, hi) for lo, hi, _ in guards)
    keys = [keyers[word_lang(t)].key(t.text) for t in tokens]
    for i, t in enumerate(tokens):
        if i in hidden:
            continue
        for b in word_features(t.text, keys[i], t.neg):
            counts[b] = counts.get(b, 0) + 1
        if i + 1 < len(tokens) and tokens[i + 1].sent == t.sent and i + 1 not in hidden:
            b = pair_feature(keys[i], keys[i + 1])
            counts[b] = counts.get(b, 0) + 1
    for _, _, text in guards:
        b = guard_feature(text)
        counts[b] = counts.get(b, 0) + 1
    return counts
