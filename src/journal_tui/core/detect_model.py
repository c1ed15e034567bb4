"""The detector's linear model: hashed n-gram features to one logit per theme and pole.

Weights are trained by ``scripts/train_detector.py`` (scikit-learn's logistic
regression, training only) and shipped as int8 values per kept bucket with one
scale per target: plain Python at run time, no numpy. A word's own features
depend on the word alone, so their weighted sum is cached per distinct word
(with its language and negation): scoring an entry then adds one cached vector
per word and one per pair of neighbouring words.

Besides the entry's logits, scoring gives each word's contribution, from which
the evidence is drawn (the sentence that weighs most towards a theme and pole,
and its heaviest words).
"""

from __future__ import annotations

import base64
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from operator import add, mul
from typing import Any

from journal_tui.core.features import (
    guard_feature,
    hidden_tokens,
    pair_feature,
    scale,
    word_features,
    word_lang,
)
from journal_tui.core.lemmas import Keyer
from journal_tui.core.tokens import Token


@dataclass(frozen=True, slots=True)
class ModelScore:
    """An entry's logits (per target) and each word's share of them."""

    logits: tuple[float, ...]
    contributions: list[tuple[float, ...] | None]  # per token, unscaled (None: nothing);
    # empty unless asked for
    scale: float  # the entry's normalisation: a token weighs scale * contribution


class LinearModel:
    """Logistic regression over hashed features (see ``core.features``)."""

    def __init__(self, targets: Sequence[tuple[str, str]], buckets: Sequence[int],
                 weights: array[int], scales: Sequence[float], bias: Sequence[float]) -> None:
        self.targets = tuple(targets)
        self.n = len(self.targets)
        self.row = dict(zip(buckets, range(0, len(buckets) * self.n, self.n), strict=True))
        self.weights = weights
        self.scales = tuple(scales)
        self.bias = tuple(bias)
        self._words: dict[tuple[str, str, bool], tuple[int, tuple[float, ...] | None]] = {}
        self._pairs: dict[tuple[str, str], object] = {}
        self._zero = (0.0,) * self.n

    # ------------------------------------------------------------------ storage

    def to_json(self) -> dict[str, Any]:
        ids = array("I", sorted(self.row, key=self.row.__getitem__))
        return {
            "targets": [list(t) for t in self.targets],
            "buckets": base64.b64encode(ids.tobytes()).decode(),
            "weights": base64.b64encode(self.weights.tobytes()).decode(),
            "scales": list(self.scales),
            "bias": list(self.bias),
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> LinearModel:
        ids = array("I")
        ids.frombytes(base64.b64decode(d["buckets"]))
        weights = array("b")
        weights.frombytes(base64.b64decode(d["weights"]))
        return cls([tuple(t) for t in d["targets"]], ids, weights, d["scales"], d["bias"])

    @classmethod
    def from_dense(cls, targets: Sequence[tuple[str, str]], columns: dict[int, Sequence[float]],
                   bias: Sequence[float]) -> LinearModel:
        """Quantise float weights (bucket -> one weight per target) to int8 per target."""
        n = len(targets)
        scales = []
        for j in range(n):
            top = max((abs(w[j]) for w in columns.values()), default=0.0)
            scales.append(top / 127 if top else 1.0)
        weights = array("b")
        buckets = sorted(columns)
        for b in buckets:
            weights.extend(max(-127, min(127, round(columns[b][j] / scales[j])))
                           for j in range(n))
        return cls(targets, buckets, weights, scales, bias)

    # ------------------------------------------------------------------ scoring

    def _vector(self, buckets: Sequence[int]) -> tuple[float, ...] | None:
        """Summed weights of ``buckets`` (None when the model has none of them)."""
        n, w, row = self.n, self.weights, self.row
        acc: list[int] | None = None
        for b in buckets:
            r = row.get(b)
            if r is not None:
                acc = list(w[r:r + n]) if acc is None else list(map(add, acc, w[r:r + n]))
        if acc is None:
            return None
        return tuple(map(mul, acc, self.scales))

    def _word(self, text: str, key: str, neg: bool) -> tuple[int, tuple[float, ...] | None]:
        cache_key = (text, key, neg)
        got = self._words.get(cache_key)
        if got is None:
            if len(self._words) > 100_000:
                self._words.clear()
            buckets = word_features(text, key, neg)
            got = self._words[cache_key] = (len(buckets), self._vector(buckets))
        return got

    def _pair(self, left: str, right: str) -> tuple[float, ...] | None:
        cache_key = (left, right)
        got = self._pairs.get(cache_key, self)
        if got is self:
            if len(self._pairs) > 200_000:
                self._pairs.clear()
            got = self._pairs[cache_key] = self._vector((pair_feature(left, right),))
        return got  # type: ignore[return-value]

    def score(self, tokens: Sequence[Token], keyers: dict[str, Keyer],
              guards: Sequence[tuple[int, int, str]] = (), *, per_token: bool = False
              ) -> ModelScore:
        """The entry's logits; with ``per_token``, each word's share too (for evidence).

        Counts of distinct words and pairs are summed once each: an entry repeats
        its words a lot, and the weights of a word are cached.
        """
        hidden = hidden_tokens((lo, hi) for lo, hi, _ in guards)
        keys = [keyers[word_lang(t)].key(t.text) for t in tokens]
        words: Counter[tuple[str, str, bool]] = Counter()
        pairs: Counter[tuple[str, str]] = Counter()
        last = len(tokens) - 1
        for i, t in enumerate(tokens):
            if i in hidden:
                continue
            words[(t.text, keys[i], t.neg)] += 1
            if i < last and tokens[i + 1].sent == t.sent and i + 1 not in hidden:
                pairs[(keys[i], keys[i + 1])] += 1
        count = len(guards) + sum(pairs.values())
        total = list(self._vector([guard_feature(text) for _, _, text in guards])
                     or self._zero)
        for word, times in words.items():
            size, vec = self._word(*word)
            count += size * times
            if vec is not None:
                total = list(map(add, total, vec) if times == 1 else
                             (a + times * b for a, b in zip(total, vec, strict=True)))
        for pair, times in pairs.items():
            vec = self._pair(*pair)
            if vec is not None:
                total = [a + times * b for a, b in zip(total, vec, strict=True)]
        weight = scale(count)
        logits = tuple(b + weight * x for b, x in zip(self.bias, total, strict=True))
        contributions: list[tuple[float, ...] | None] = []
        if per_token:
            for i, t in enumerate(tokens):
                own = None if i in hidden else self._word(t.text, keys[i], t.neg)[1]
                if own is not None and i < last and tokens[i + 1].sent == t.sent \
                        and i + 1 not in hidden:
                    pair_vec = self._pair(keys[i], keys[i + 1])
                    if pair_vec is not None:
                        own = tuple(map(add, own, pair_vec))
                contributions.append(own)
        return ModelScore(logits, contributions, weight)
