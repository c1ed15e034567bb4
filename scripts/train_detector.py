"""Train the theme detector from ``data/themes/train/`` and write its data file.

    pip install -e ".[train]"        # numpy, scipy and scikit-learn: training only
    python scripts/train_detector.py [--report FILE]

Every ``*.toml`` under ``data/themes/train/<author>/`` is read (a new author's folder
is simply picked up). What it does, and why:

1. compiles the lexicon (``src/journal_tui/core/data/lexicon.toml``) with the full
   lemma table (``data/lemmas.txt.gz``), then keeps only the lemmas that can change
   a key the lexicon uses, so the shipped table stays small;
2. reads every text: words, guards, lexicon and keyword hits, hashed features;
3. leave-one-author-out (a dev split from the same author scores about twice too
   high): for each author, the expressions' precision is counted on the other
   authors, a logistic regression per theme and pole is trained on them, and the
   held-out author is scored; these out-of-fold scores are all that later steps see;
4. fits, per theme and pole, a small logistic regression on the out-of-fold
   features (the model's logits for both poles, the lexicon's and the keywords'
   evidence for both poles): it combines them and calibrates the confidence;
5. chooses the confidence threshold on the out-of-fold results (the lowest one
   whose micro precision, theme and pole both right, reaches ``TARGET_PRECISION``),
   then trains the final model and counts the expressions on all authors;
6. writes ``src/journal_tui/core/data/detector.json.gz`` and prints the
   out-of-fold figures per theme and pole.

The evaluation set (``data/themes/eval/``) is never read here.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from journal_tui.core import detector_data  # noqa: E402
from journal_tui.core.detect_model import LinearModel  # noqa: E402
from journal_tui.core.features import BITS, doc_features, scale  # noqa: E402
from journal_tui.core.lemmas import keyers, read_table  # noqa: E402
from journal_tui.core.lexicon import (  # noqa: E402
    Hit,
    Pattern,
    compile_lexicon,
    hits,
    keyword_patterns,
    matcher,
)
from journal_tui.core.prompts import load_prompts  # noqa: E402
from journal_tui.core.tokens import tokenize  # noqa: E402

TRAIN = ROOT / "data" / "themes" / "train"
LEMMAS = ROOT / "data" / "lemmas.txt.gz"
LEXICON = ROOT / "src" / "journal_tui" / "core" / "data" / "lexicon.toml"
OUT = ROOT / "src" / "journal_tui" / "core" / "data" / "detector.json.gz"
C = 10.0  # inverse L2 strength of the n-gram model (chosen leaving one author out)
SMOOTH = 2.0  # pseudo-counts pulling an expression's precision to its source's prior
TARGET_PRECISION = 0.75  # out-of-fold; the evaluation target is 0.60 on unseen writers
MIN_BUCKET_DOCS = 2  # n-gram buckets seen in fewer training texts are not shipped
UNION = True  # the confidence is at least the lexicon's own (core.detect.read) ...
LEXICON_ALONE = 0.75  # ... when it is at least this


@dataclass
class Sample:
    author: str
    id: str
    text: str
    expect: dict[str, str]


@dataclass
class Analysed:
    lex: list[Hit]
    kw: list[Hit]
    features: dict[int, int]


def read_samples() -> list[Sample]:
    out = []
    for path in sorted(TRAIN.glob("*/*.toml")):
        for e in tomllib.loads(path.read_text(encoding="utf-8"))["entries"]:
            out.append(Sample(path.parent.name, e["id"], e["text"], dict(e["expect"])))
    return out


def hit_key(h: Hit) -> tuple[str, str, str, bool]:
    return (h.theme, h.pole, h.expression, h.negated)


def target_of(h: Hit, polar: set[str]) -> tuple[str, str]:
    return (h.theme, h.pole if h.theme in polar else "yes")


def expression_stats(samples: list[Sample], analysed: list[Analysed], polar: set[str],
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


def precision(stats: dict, prior: float, h: Hit) -> float:
    right, fired = stats.get(hit_key(h), (0, 0))
    p0 = prior * (0.5 if h.negated else 1.0)
    return (right + SMOOTH * p0) / (fired + SMOOTH)


def evidence(found: list[Hit], stats: dict, prior: float, polar: set[str]
             ) -> dict[tuple[str, str], float]:
    """Noisy-or of the hits' precisions per target."""
    miss: dict[tuple[str, str], float] = defaultdict(lambda: 1.0)
    for h in found:
        miss[target_of(h, polar)] *= 1 - precision(stats, prior, h)
    return {t: 1 - m for t, m in miss.items()}


def matrix(analysed: list[Analysed]) -> csr_matrix:
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


def fit_models(X: csr_matrix, Y: np.ndarray, c: float = C) -> tuple[np.ndarray, np.ndarray]:
    W = np.zeros((Y.shape[1], X.shape[1]))
    b = np.zeros(Y.shape[1])
    for j in range(Y.shape[1]):
        m = LogisticRegression(C=c, solver="liblinear", dual=True, max_iter=5000)
        m.fit(X, Y[:, j])
        W[j], b[j] = m.coef_[0], m.intercept_[0]
    return W, b


def level1(logits: np.ndarray, lex: list[dict], kw: list[dict],
           targets: list[tuple[str, str]]) -> np.ndarray:
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


def decide(probs: np.ndarray, targets: list[tuple[str, str]], threshold: float
           ) -> list[set[tuple[str, str]]]:
    out = []
    for row in probs:
        best: dict[str, tuple[float, str]] = {}
        for j, (theme, pole) in enumerate(targets):
            if row[j] >= threshold and row[j] > best.get(theme, (-1.0, ""))[0]:
                best[theme] = (row[j], pole)
        out.append({(t, p) for t, (_, p) in best.items()})
    return out


def scores(predicted: list[set], samples: list[Sample]) -> dict[str, float]:
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
            "left_alone": left / empty if empty else 1.0, "found": pred, "expected": exp}


def per_target(predicted: list[set], samples: list[Sample], targets: list[tuple[str, str]]
               ) -> list[str]:
    lines = []
    for t in targets:
        tp = sum(1 for g, s in zip(predicted, samples, strict=True)
                 if t in g and s.expect.get(t[0]) == t[1])
        n_pred = sum(1 for g in predicted if t in g)
        n_exp = sum(1 for s in samples if s.expect.get(t[0]) == t[1])
        lines.append(f"| {t[0]} | {t[1]} | {tp / n_pred if n_pred else 0:.2f} | "
                     f"{tp / n_exp if n_exp else 0:.2f} | {n_pred} | {n_exp} |")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--report", type=Path, help="also write the report (Markdown) here")
    ap.add_argument("--c", type=float, default=C, help=f"inverse L2 strength (default {C})")
    ap.add_argument("--dry-run", action="store_true", help="report only, write nothing")
    ap.add_argument("--misses", type=Path, help="write the out-of-fold mistakes here")
    args = ap.parse_args()
    t0 = time.time()
    book, _ = load_prompts(None)
    polar = {tid for tid, t in book.themes.items() if t.polar}
    targets = [(tid, p) for tid in book.themes
               for p in (("low", "high") if tid in polar else ("yes",))]

    # 1. lexicon with the full lemma table, then the lemmas it needs
    full = keyers(read_table(LEMMAS))
    lexicon = tomllib.loads(LEXICON.read_text(encoding="utf-8"))
    used = {lang: set() for lang in full}
    for p in compile_lexicon(lexicon, full) + keyword_patterns(book.themes, full):
        used[p.lang].update(str(w.value) for w in p.words if w.kind == "key")
    lemmas: dict[str, dict[str, str]] = {}
    for lang, k in full.items():
        lemmas[lang] = {form: lemma for form, lemma in k.lemmas.items()
                        if k.key(form) in used[lang] or k.stem(form) in used[lang]}
    ks = keyers(lemmas)
    patterns = compile_lexicon(lexicon, ks)
    lex_matcher = matcher(patterns, ks)
    kw_matcher = matcher(keyword_patterns(book.themes, ks), ks)
    print(f"lexicon: {sum(1 for p in patterns if p.theme)} expressions, "
          f"{sum(1 for p in patterns if not p.theme)} guards; lemmas kept: "
          + ", ".join(f"{lang} {len(t)}" for lang, t in lemmas.items()), file=sys.stderr)

    # 2. every text
    samples = read_samples()
    analysed = []
    for s in samples:
        tokens = tokenize(s.text)
        found = lex_matcher.find(tokens)
        guards = [(m[0], m[-1], p.text) for p, m in found if not p.theme]
        kw_found = kw_matcher.find(tokens) + [(p, m) for p, m in found if not p.theme]
        analysed.append(Analysed(hits(found, tokens, polar), hits(kw_found, tokens, polar),
                                 doc_features(tokens, ks, guards)))
    authors = sorted({s.author for s in samples})
    print(f"{len(samples)} texts by {len(authors)} authors ({', '.join(authors)}), "
          f"read in {time.time() - t0:.0f} s", file=sys.stderr)
    X = matrix(analysed)
    Y = np.array([[int(s.expect.get(t) == p) for t, p in targets] for s in samples])
    who = np.array([s.author for s in samples])

    # 3. leave one author out
    oof_logits = np.zeros(Y.shape)
    oof_lex: list[dict] = [{} for _ in samples]
    oof_kw: list[dict] = [{} for _ in samples]
    for author in authors:
        train = np.flatnonzero(who != author)
        test = np.flatnonzero(who == author)
        tr_s = [samples[i] for i in train]
        tr_a = [analysed[i] for i in train]
        lex_stats, lex_prior = expression_stats(tr_s, tr_a, polar, "lex")
        kw_stats, kw_prior = expression_stats(tr_s, tr_a, polar, "kw")
        W, b = fit_models(X[train], Y[train], args.c)
        oof_logits[test] = X[test] @ W.T + b
        for i in test:
            oof_lex[i] = evidence(analysed[i].lex, lex_stats, lex_prior, polar)
            oof_kw[i] = evidence(analysed[i].kw, kw_stats, kw_prior, polar)
        print(f"  fold {author}: {time.time() - t0:.0f} s", file=sys.stderr)

    # 4. the combiner, on out-of-fold features only
    F = level1(oof_logits, oof_lex, oof_kw, targets)
    combiner = []
    probs = np.zeros(Y.shape)
    for j in range(len(targets)):
        m = LogisticRegression(C=1.0, max_iter=2000)
        m.fit(F[:, j, :], Y[:, j])
        combiner.append([float(x) for x in m.coef_[0]] + [float(m.intercept_[0])])
        probs[:, j] = m.predict_proba(F[:, j, :])[:, 1]
    if UNION:
        # an expression of the lexicon can stand alone (a few words weigh little for
        # the n-gram model, however clear they are)
        lex = F[:, :, 2]
        probs = np.maximum(probs, np.where(lex >= LEXICON_ALONE, lex, 0.0))

    # 5. threshold: the lowest reaching the target precision out of fold
    threshold = 0.5
    for th in np.arange(0.20, 0.90, 0.01):
        if scores(decide(probs, targets, th), samples)["precision"] >= TARGET_PRECISION:
            threshold = round(float(th), 2)
            break
    report = [f"Out of fold (leave one author out), threshold {threshold}:", ""]
    curve = []
    for th in (0.25, 0.30, 0.34, 0.40, 0.45, 0.50, 0.55, 0.60):
        sc = scores(decide(probs, targets, th), samples)
        curve.append(f"{th:.2f}: P {sc['precision']:.3f} R {sc['recall']:.3f} "
                     f"alone {sc['left_alone']:.3f}")
    print("precision and recall by threshold, out of fold:\n  " + "\n  ".join(curve),
          file=sys.stderr)
    for name, pr in (("model alone", 1 / (1 + np.exp(-oof_logits))), ("combined", probs)):
        sc = scores(decide(pr, targets, threshold), samples)
        report.append(f"- {name}: precision {sc['precision']:.3f}, recall {sc['recall']:.3f}, "
                      f"entries about nothing left alone {sc['left_alone']:.3f}")
    lex_only = [{t for t, v in ev.items() if v >= 0.5} for ev in oof_lex]
    sc = scores(lex_only, samples)
    report.append(f"- lexicon alone (an expression's precision ≥ 0.5): precision "
                  f"{sc['precision']:.3f}, recall {sc['recall']:.3f}, "
                  f"left alone {sc['left_alone']:.3f}")
    for author in authors:
        idx = [i for i, s in enumerate(samples) if s.author == author]
        sc = scores(decide(probs[idx], targets, threshold), [samples[i] for i in idx])
        report.append(f"- held-out {author}: precision {sc['precision']:.3f}, "
                      f"recall {sc['recall']:.3f}, left alone {sc['left_alone']:.3f}")
    report += ["", "| theme | pole | precision | recall | found | expected |",
               "|---|---|---:|---:|---:|---:|",
               *per_target(decide(probs, targets, threshold), samples, targets)]

    if args.misses:
        lines = []
        for s, got in zip(samples, decide(probs, targets, threshold), strict=True):
            want = set(s.expect.items())
            if got != want:
                lines.append(f"{s.id} missed {sorted(want - got)} extra {sorted(got - want)}\n"
                             f"    {' '.join(s.text.split())}")
        args.misses.write_text("\n".join(lines) + "\n", encoding="utf-8")
    if args.dry_run:
        print("\n".join(report))
        return 0

    # 6. final model and expression counts on every author, then the data file
    W, b = fit_models(X, Y, args.c)
    docs = np.asarray((X > 0).sum(axis=0)).ravel()
    keep = np.flatnonzero(docs >= MIN_BUCKET_DOCS)
    model = LinearModel.from_dense(targets, {int(c): W[:, c] for c in keep}, b.tolist())
    lex_stats, lex_prior = expression_stats(samples, analysed, polar, "lex")
    kw_stats, kw_prior = expression_stats(samples, analysed, polar, "kw")
    weighted = [_weighted(p, lex_stats, lex_prior, polar) for p in patterns]
    data = detector_data.build(
        lemmas=lemmas, patterns=weighted, model=model, combiner=dict(
            zip([f"{t}:{p}" for t, p in targets], combiner, strict=True)),
        threshold=threshold, lexicon_alone=LEXICON_ALONE if UNION else 1.0,
        keywords={f"{p.theme}|{p.pole}|{p.lang}|{p.text}":
                  _weighted(p, kw_stats, kw_prior, polar).to_json()
                  for p in keyword_patterns(book.themes, ks)},
        trained_on={a: int((who == a).sum()) for a in authors})
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    OUT.write_bytes(gzip.compress(raw.encode("utf-8"), compresslevel=9, mtime=0))
    report += ["", f"Model: {len(keep)} buckets × {len(targets)} targets (int8); "
               f"data file {OUT.stat().st_size:,} bytes; trained in {time.time() - t0:.0f} s."]
    text = "\n".join(report) + "\n"
    print(text)
    if args.report:
        args.report.write_text(text, encoding="utf-8")
    return 0


def _smoothed(counts: tuple[int, int], prior: float) -> float:
    right, fired = counts
    return (right + SMOOTH * prior) / (fired + SMOOTH)


def _weighted(p: Pattern, stats: dict, prior: float, polar: set[str]) -> Pattern:
    """The pattern with its precision counted on the training data as its weights:
    ``weight`` when it stands as written, ``neg_weight`` when negated."""
    if not p.theme:
        return p
    own = (p.theme, p.pole, p.text, False)
    flipped = {"low": "high", "high": "low"}.get(p.pole, p.pole)
    neg = (p.theme, flipped, p.text, True)
    w = _smoothed(stats.get(own, (0, 0)), prior)
    nw = _smoothed(stats.get(neg, (0, 0)), prior * 0.5)  # as in precision()
    return p.weighed(round(w, 4), round(nw, 4))


if __name__ == "__main__":
    raise SystemExit(main())
