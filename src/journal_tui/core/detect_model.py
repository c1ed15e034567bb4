"""The detector's linear model: hashed n-gram features to one logit per theme and pole.

Weights are trained by ``scripts/train_detector.py`` (scikit-learn's logistic
regression, training only) and shipped as int8 values per kept bucket with one
scale per target: plain Python at run time, no numpy. A word's own features
depend on the word alone, so their weights are summed once per distinct word
(with its language and negation) and cached; scoring an entry then adds one
cached vector per word and one per pair of neighbouring words.

Those vectors are summed as single Python integers: a vector of 16 int8 sums is
packed as ``sum(v[j] << FIELD * j)``, and packing is linear, so adding packed
integers adds the vectors (one big-integer addition per word instead of sixteen
float additions); the entry's total is unpacked once, then scaled to floats.
Fields of ``FIELD`` bits hold any sum an entry can reach (127 per bucket, a few
dozen buckets per word, some thousands of words).

Besides the entry's logits, scoring gives each word's contribution, from which
the evidence is drawn (the sentence that weighs most towards a theme and pole,
and its heaviest words).
"""

from __future__ import annotations

import base64
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from journal_tui.core.features import (
    guard_feature,
    hidden_tokens,
    pair_feature,
    scale,
    word_features,
)
from journal_tui.core.lemmas import Keyer, token_keys
from journal_tui.core.tokens import Token

FIELD = 40  # bits per target in a packed vector
_HALF = 1 << (FIELD - 1)
_MASK = (1 << FIELD) - 1
_FIELD_BYTES = FIELD // 8
_PLUS_128 = bytes(i ^ 0x80 for i in range(256))  # a signed byte's bits -> that byte + 128


def pack(values: Sequence[int]) -> int:
    """Integers as one (sum of ``values[j] << FIELD * j``; negative fields borrow)."""
    return sum(v << (FIELD * j) for j, v in enumerate(values))


def unpack(packed: int, n: int) -> list[int]:
    """The ``n`` signed fields of ``pack``'s result (or of a sum of them)."""
    out = []
    for _ in range(n):
        f = packed & _MASK
        if f >= _HALF:
            f -= 1 << FIELD
        out.append(f)
        packed = (packed - f) >> FIELD
    return out


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
        self._words: dict[tuple[str, str, bool], tuple[int, int]] = {}
        self._pairs: dict[tuple[str, str], int] = {}
        self._rows: dict[int, int] = {}  # a bucket's row, packed (0: not in the model)
        self._unsigned: bytes | None = None  # the weights plus 128, as bytes
        self._offset = 0  # pack() of 128 in every field

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

    def _packed(self, buckets: Sequence[int]) -> int:
        """Summed int8 weights of ``buckets``, packed (0 when the model has none)."""
        rows = self._rows
        total = 0
        for b in buckets:
            packed = rows.get(b)
            if packed is None:
                packed = rows[b] = self._bucket_packed(b)
            total += packed
        return total

    def _bucket_packed(self, b: int) -> int:
        """``pack`` of one bucket's row, built by C code: each weight plus 128 as the low
        byte of its field, read as one integer, less the 128s (0 for an unknown bucket)."""
        r = self.row.get(b)
        if r is None:
            return 0
        if self._unsigned is None:
            self._unsigned = bytes(self.weights).translate(_PLUS_128)
            self._offset = pack([128] * self.n)
        fields = bytearray(_FIELD_BYTES * self.n)
        fields[::_FIELD_BYTES] = self._unsigned[r:r + self.n]
        return int.from_bytes(fields, "little") - self._offset

    def _word(self, text: str, key: str, neg: bool) -> tuple[int, int]:
        """(its number of features, its packed weights) for one word."""
        cache_key = (text, key, neg)
        got = self._words.get(cache_key)
        if got is None:
            if len(self._words) > 100_000:
                self._words.clear()
            buckets = word_features(text, key, neg)
            got = self._words[cache_key] = (len(buckets), self._packed(buckets))
        return got

    def _pair(self, left: str, right: str) -> int:
        cache_key = (left, right)
        got = self._pairs.get(cache_key)
        if got is None:
            if len(self._pairs) > 200_000:
                self._pairs.clear()
            got = self._pairs[cache_key] = self._packed((pair_feature(left, right),))
        return got

    def _floats(self, packed: int) -> tuple[float, ...]:
        return tuple(v * s for v, s in zip(unpack(packed, self.n), self.scales, strict=True))

    def score(self, tokens: Sequence[Token], keyers: dict[str, Keyer],
              guards: Sequence[tuple[int, int, str]] = (), *, per_token: bool = False,
              keys_by_lang: dict[str, list[str]] | None = None) -> ModelScore:
        """The entry's logits; with ``per_token``, each word's share too (for evidence).
        ``keys_by_lang``: ``lemmas.token_keys``, computed here if not given."""
        hidden = hidden_tokens((lo, hi) for lo, hi, _ in guards)
        if keys_by_lang is None:
            keys_by_lang = token_keys(tokens, keyers)
        fr, en = keys_by_lang.get("fr"), keys_by_lang.get("en")
        keys = [en[i] if t.lang == "en" else fr[i]  # type: ignore[index]
                for i, t in enumerate(tokens)]  # the keyer of features.word_lang
        total = self._packed([guard_feature(text) for _, _, text in guards])
        count = len(guards)
        word, pair = self._word, self._pair
        shares: list[int | None] = []
        last = len(tokens) - 1
        for i, t in enumerate(tokens):
            if i in hidden:
                if per_token:
                    shares.append(None)
                continue
            size, packed = word(t.text, keys[i], t.neg)
            count += size
            if i < last and tokens[i + 1].sent == t.sent and i + 1 not in hidden:
                count += 1
                packed += pair(keys[i], keys[i + 1])
            total += packed
            if per_token:
                shares.append(packed)
        weight = scale(count)
        logits = tuple(b + weight * x for b, x in zip(self.bias, self._floats(total), strict=True))
        contributions: list[tuple[float, ...] | None] = [
            None if p is None or not p else self._floats(p) for p in shares]
        return ModelScore(logits, contributions, weight)
