"""The pieces of the detector's training (``scripts/train_detector.py`` runs them).

Kept apart from the script so each step can be read (and reused by a quick
experiment) on its own: the labelled texts, what the detector's code sees of
each (lexicon hits, keyword hits, hashed features), the expressions' precision,
the n-gram model, the combiner and the scores. Training only: numpy, scipy and
scikit-learn (``pip install -e ".[train]"``); run time needs none of them.
"""

from __future__ import annotations

import sys
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from journal_tui.core.features import BITS, doc_features, scale  # noqa: E402
from journal_tui.core.lemmas import Keyer  # noqa: E402
from journal_tui.core.lexicon import Hit, Matcher, hits  # noqa: E402
from journal_tui.core.tokens import tokenize  # noqa: E402

THEMES = ROOT / "data" / "themes"
SMOOTH = 2.0  # pseudo-counts pulling an expression's precision to its source's prior

Target = tuple[str, str]


@dataclass
class Sample:
    author: str
    id: str
    text: str
    expect: dict[str, str]
    natural: bool  # a natural diary (data/themes/dev), not a training brief's text


@dataclass
class Analysed:
    lex: list[Hit]
    kw: list[Hit]
    features: dict[int, int]


def read_samples(folder: str, natural: bool) -> list[Sample]:
    """Every entry of ``data/themes/<folder>/<author>/*.toml``."""
    out = []
    for path in sorted((THEMES / folder).glob("*/*.toml")):
        for e in tomllib.loads(path.read_text(encoding="utf-8"))["entries"]:
            out.append(Sample(path.parent.name, e["id"], e["text"], dict(e["expect"]), natural))
    return out


def analyse(samples: Sequence[Sample], lexicon: Matcher, keywords: Matcher,
            keyers: dict[str, Keyer], polar: set[str]) -> list[Analysed]:
    """What the run-time detector sees of each text (``core.detect.Detector.read``)."""
    out = []
    for s in samples:
        tokens = tokenize(s.text)
        found = lexicon.find(tokens)
        guards = [(m[0], m[-1], p.text) for p, m in found if not p.theme]
        kw_found = keywords.find(tokens) + [(p, m) for p, m in found if not p.theme]
        out.append(Analysed(hits(found, tokens, polar), hits(kw_found, tokens, polar),
                            doc_features(tokens, keyers, guards)))
    return out


# ------------------------------------------------------------------ expressions


def hit_key(h: Hit) -> tuple[str, str, str, bool]:
    return (h.theme, h.pole, h.expression, h.negated)


def target_of(h: Hit, polar: set[str]) -> Target:
    return (h.theme, h.pole if h.theme in polar else "yes")


def expression_stats(samples: Sequence[Sample], analysed: Sequence[Analysed], polar: set[str],
                     attr: str) -> tuple[dict[tuple[str, str, str, bool], tuple[int, int]], float]:
    """(right, fired) per expression (negated apart) and the source's overall precision."""
    stats: dict[tuple[str, str, str, bool], list[int]] = defaultdict(lambda: [0, 0])
    right = fired = 0
    for s, a in zip(samples, analysed, strict=True):
        for h in getattr(a, attr):
            t, p = target_of(h, polar)
            ok = int(s.expect.get(t) == p)
            st = stats[hit_key(h)]
            st[0] += ok
            st[1] += 1
            right += ok
            fired += 1
    return {k: (v[0], v[1]) for k, v in stats.items()}, (right / fired if fired else 0.3)


def smoothed(counts: tuple[int, int], prior: float) -> float:
    right, fired = counts
    return (right + SMOOTH * prior) / (fired + SMOOTH)


def precision(stats: dict, prior: float, h: Hit) -> float:
    """An expression's precision; a negated one starts from half the prior."""
    return smoothed(stats.get(hit_key(h), (0, 0)), prior * (0.5 if h.negated else 1.0))


def support(found: list[Hit], stats: dict, prior: float, polar: set[str]) -> dict[Target, float]:
    """Noisy-or of the hits' precisions per target (as ``core.detect._support``)."""
    miss: dict[Target, float] = defaultdict(lambda: 1.0)
    for h in found:
        miss[target_of(h, polar)] *= 1 - min(0.999, precision(stats, prior, h))
    return {t: 1 - m for t, m in miss.items()}


# ------------------------------------------------------------------ n-gram model


def matrix(analysed: Sequence[Analysed]) -> csr_matrix:
    ind: list[int] = []
    ptr = [0]
    val: list[float] = []
    for a in analysed:
        weight = scale(sum(a.features.values()))
        for b, c in a.features.items():
            ind.append(b)
            val.append(c * weight)
        ptr.append(len(ind))
    return csr_matrix((val, ind, ptr), shape=(len(analysed), 1 << BITS))


def fit_models(X: csr_matrix, Y: np.ndarray, c: float) -> tuple[np.ndarray, np.ndarray]:
    """One L2 logistic regression per target over the hashed features."""
    W = np.zeros((Y.shape[1], X.shape[1]))
    b = np.zeros(Y.shape[1])
    for j in range(Y.shape[1]):
        m = LogisticRegression(C=c, solver="liblinear", dual=True, max_iter=5000)
        m.fit(X, Y[:, j])
        W[j], b[j] = m.coef_[0], m.intercept_[0]
    return W, b


# ------------------------------------------------------------------ combiner


def level1(logits: np.ndarray, lex: list[dict], kw: list[dict],
           targets: list[Target]) -> np.ndarray:
    """Per sample and target: [own logit, other pole's logit, lexicon own/other,
    keywords own/other] (see ``core.detector_data.combine``)."""
    index = {t: j for j, t in enumerate(targets)}
    out = np.zeros((len(lex), len(targets), 6))
    for i in range(len(lex)):
        for j, (theme, pole) in enumerate(targets):
            other = index.get((theme, "high" if pole == "low" else "low"))
            o_target = targets[other] if other is not None else None
            out[i, j] = [
                logits[i, j], logits[i, other] if other is not None else 0.0,
                lex[i].get((theme, pole), 0.0), lex[i].get(o_target, 0.0) if o_target else 0.0,
                kw[i].get((theme, pole), 0.0), kw[i].get(o_target, 0.0) if o_target else 0.0,
            ]
    return out


def fit_combiner(F: np.ndarray, y: np.ndarray, natural: np.ndarray, weight: float
                 ) -> list[float]:
    """A logistic regression on one target's features plus a natural-diary indicator.

    The training briefs' texts are denser in themes and written around them; natural
    diaries are long and mostly about other things. The indicator lets the
    calibration move for natural diaries (its weight: ``weight`` per natural text);
    every entry the detector will read is one, so the indicator is folded into the
    intercept of the shipped coefficients ([six features…, intercept]).
    """
    X = np.hstack([F, natural[:, None].astype(float)])
    m = LogisticRegression(C=1.0, max_iter=3000)
    m.fit(X, y, sample_weight=np.where(natural, weight, 1.0))
    coefs = [float(x) for x in m.coef_[0]]
    return [*coefs[:-1], float(m.intercept_[0]) + coefs[-1]]


def combine(coefs: Sequence[float], F: np.ndarray) -> np.ndarray:
    """``core.detector_data.DetectorData.combine`` over many rows."""
    z = F @ np.asarray(coefs[:-1]) + coefs[-1]
    return 1 / (1 + np.exp(-np.clip(z, -30, 30)))


# ------------------------------------------------------------------ scores


def decide(probs: np.ndarray, targets: list[Target], threshold: float) -> list[set[Target]]:
    """Per text, the targets found: per theme its likelier pole, if over the threshold."""
    out = []
    for row in probs:
        best: dict[str, tuple[float, str]] = {}
        for j, (theme, pole) in enumerate(targets):
            if row[j] >= threshold and row[j] > best.get(theme, (-1.0, ""))[0]:
                best[theme] = (row[j], pole)
        out.append({(t, p) for t, (_, p) in best.items()})
    return out


def scores(predicted: Sequence[set], samples: Sequence[Sample]) -> dict[str, float]:
    tp = pred = exp = empty = left = 0
    for got, s in zip(predicted, samples, strict=True):
        want = set(s.expect.items())
        tp += len(got & want)
        pred += len(got)
        exp += len(want)
        if not want:
            empty += 1
            left += not got
    return {"precision": tp / pred if pred else 1.0, "recall": tp / exp if exp else 1.0,
            "left_alone": left / empty if empty else 1.0, "found": pred, "expected": exp,
            "empty": empty}


def line(sc: dict[str, float]) -> str:
    return (f"precision {sc['precision']:.3f}, recall {sc['recall']:.3f}, "
            f"left alone {sc['left_alone']:.3f}")


def per_target(predicted: Sequence[set], samples: Sequence[Sample], targets: list[Target]
               ) -> list[str]:
    """Markdown rows: theme, pole, precision, recall, found, expected."""
    rows = []
    for t in targets:
        tp = sum(1 for g, s in zip(predicted, samples, strict=True)
                 if t in g and s.expect.get(t[0]) == t[1])
        n_pred = sum(1 for g in predicted if t in g)
        n_exp = sum(1 for s in samples if s.expect.get(t[0]) == t[1])
        rows.append(f"| {t[0]} | {t[1]} | {tp / n_pred if n_pred else 0:.2f} | "
                    f"{tp / n_exp if n_exp else 0:.2f} | {n_pred} | {n_exp} |")
    return rows


def misses(predicted: Sequence[set], samples: Sequence[Sample]) -> list[str]:
    out = []
    for s, got in zip(samples, predicted, strict=True):
        want = set(s.expect.items())
        if got != want:
            out.append(f"{s.id} missed {sorted(want - got)} extra {sorted(got - want)}\n"
                       f"    {' '.join(s.text.split())}")
    return out
