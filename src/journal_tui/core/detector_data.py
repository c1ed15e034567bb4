"""The detector's shipped data: one file, ``data/detector.json.gz``, made by
``scripts/train_detector.py``.

It holds the lemmas the lexicon needs (``core.lemmas``), the lexicon compiled
with each expression's precision counted on the training texts
(``core.lexicon``), the n-gram model's int8 weights (``core.detect_model``), the
combiner that turns both into a confidence per theme and pole, calibrated for
natural diaries, and the threshold chosen on natural diaries held out. One JSON
parse loads it all, off the TUI's start-up path (``core.detect`` loads it on first
use).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import math
import threading
from dataclasses import dataclass
from importlib import resources
from typing import Any

from journal_tui.core.detect_model import LinearModel
from journal_tui.core.lemmas import Keyer, keyers
from journal_tui.core.lexicon import Pattern

FORMAT = 2  # 2: lexicon_alone for short entries


@dataclass(frozen=True)
class DetectorData:
    keyers: dict[str, Keyer]
    patterns: list[Pattern]  # the lexicon, weighted, and its guards
    model: LinearModel
    combiner: dict[tuple[str, str], tuple[float, ...]]
    threshold: float
    lexicon_alone: float  # lexicon support that counts by itself (its own confidence)
    short_words: int  # an entry of fewer words is short: the n-gram model has little to read
    short_alone: float  # ... and its lexicon support counts by itself from this
    keywords: dict[str, list[Any]]  # "theme|pole|lang|keyword" -> a compiled Pattern
    digest: str

    def combine(self, target: tuple[str, str], features: tuple[float, ...]) -> float:
        """Calibrated probability of ``target`` from [own logit, other pole's logit,
        lexicon own, lexicon other, keywords own, keywords other]."""
        coefs = self.combiner[target]
        z = coefs[-1] + sum(c * f for c, f in zip(coefs, features, strict=False))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def build(*, lemmas: dict[str, dict[str, str]], patterns: list[Pattern], model: LinearModel,
          combiner: dict[str, list[float]], threshold: float, lexicon_alone: float,
          short_words: int, short_alone: float, keywords: dict[str, list[Any]],
          trained_on: dict[str, int]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "lemmas": lemmas,
        "patterns": [p.to_json() for p in patterns],
        "model": model.to_json(),
        "combiner": combiner,
        "threshold": threshold,
        "lexicon_alone": lexicon_alone,
        "short": {"words": short_words, "lexicon_alone": short_alone},
        "keywords": keywords,
        "trained_on": trained_on,
    }


_LOADED: DetectorData | None = None
_LOCK = threading.Lock()


def _raw() -> bytes:
    return resources.files("journal_tui.core").joinpath("data", "detector.json.gz").read_bytes()


@functools.cache
def digest() -> str:
    """The shipped data's digest, without parsing it (~1 ms, where ``load`` takes
    ~0.2 s): scores kept in the index are checked against it, and when all are
    kept nothing needs the data itself."""
    return hashlib.sha256(_raw()).hexdigest()[:16]


def load() -> DetectorData:
    """The shipped data, parsed once per process."""
    global _LOADED
    with _LOCK:
        if _LOADED is None:
            raw = _raw()
            d = json.loads(gzip.decompress(raw))
            if d.get("format") != FORMAT:
                raise ValueError(f"detector data format {d.get('format')}, expected {FORMAT}")
            ks = keyers(d["lemmas"])
            _LOADED = DetectorData(
                keyers=ks,
                patterns=[Pattern.from_json(r) for r in d["patterns"]],
                model=LinearModel.from_json(d["model"]),
                combiner={_target(k): tuple(v)
                          for k, v in d["combiner"].items()},
                threshold=float(d["threshold"]),
                lexicon_alone=float(d["lexicon_alone"]),
                short_words=int(d["short"]["words"]),
                short_alone=float(d["short"]["lexicon_alone"]),
                keywords=d["keywords"],
                digest=digest(),
            )
    return _LOADED


def _target(key: str) -> tuple[str, str]:
    """``"theme:pole"`` (a combiner's key in the data file) as ``(theme, pole)``."""
    theme, _, pole = key.partition(":")
    return theme, pole
