"""The detector on the evaluation set: diaries by writers who never saw the lexicon,
the training texts or the issue's examples (data/themes/eval/, see AUTHORS.md).

Targets (issue 9): micro precision ≥ 0.60 and recall ≥ 0.40, a detection being right
only when theme and pole both are; at least 80% of the entries about nothing in
particular (``expect = {}``) left alone. Nothing here was used to train the detector
or to choose its threshold; the set was read once, after the detector was final.

Measured then (detector data of commit f0af49a): precision 0.530, recall 0.576, left
alone 0.904 (94 of 104). The precision target is missed, mostly through "inspiration"
(53 found, 16 expected) and "advice weighed" (32 found, 22 expected); README "Themes
over time" has the figures per theme and pole. The target test is marked as an
expected failure (strict: it fails the day the target is met, so the mark goes), and
``test_evaluation_set_does_not_regress`` holds the measured level. Do not tune on
this set: a change must be chosen on data/themes/train, then measured here once.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from journal_tui.core.detect import Detector
from journal_tui.core.prompts import load_prompts

EVAL = Path(__file__).resolve().parents[2] / "data" / "themes" / "eval"
MIN_PRECISION = 0.60
MIN_RECALL = 0.40
MIN_LEFT_ALONE = 0.80


def entries() -> list[dict]:
    out = []
    for path in sorted(EVAL.glob("*/*.toml")):
        for e in tomllib.loads(path.read_text(encoding="utf-8"))["entries"]:
            out.append({**e, "author": path.parent.name})
    return out


def evaluate(det: Detector, items: list[dict]) -> dict:
    """Micro precision and recall (theme and pole), per target, and entries left alone."""
    right: Counter[tuple[str, str]] = Counter()
    found: Counter[tuple[str, str]] = Counter()
    expected: Counter[tuple[str, str]] = Counter()
    empty = left = 0
    for e in items:
        got = {(tid, r.pole or "yes") for tid, r in det.read(e["text"]).items()}
        want = set(e["expect"].items())
        right.update(got & want)
        found.update(got)
        expected.update(want)
        if not want:
            empty += 1
            left += not got
    tp, n_found, n_expected = sum(right.values()), sum(found.values()), sum(expected.values())
    return {"precision": tp / n_found if n_found else 1.0,
            "recall": tp / n_expected if n_expected else 1.0,
            "left_alone": left / empty if empty else 1.0, "empty": empty,
            "right": right, "found": found, "expected": expected}


# Measured when the detector was final (see the module docstring), less a margin for
# the rounding of a retrained model; a regression below them fails.
FLOOR_PRECISION = 0.50
FLOOR_RECALL = 0.50
FLOOR_LEFT_ALONE = 0.85


@pytest.fixture(scope="module")
def result() -> tuple[dict, list[str]]:
    book, _ = load_prompts(None)
    det = Detector(book)
    items = entries()
    assert len(items) >= 300
    r = evaluate(det, items)
    lines = [f"\n{len(items)} entries: precision {r['precision']:.3f}, recall "
             f"{r['recall']:.3f}, left alone {r['left_alone']:.3f} of {r['empty']}"]
    for t in sorted(r["expected"] | r["found"]):
        n_found, n_exp = r["found"][t], r["expected"][t]
        lines.append(f"  {t[0]:<14}{t[1]:<5} precision "
                     f"{r['right'][t] / n_found if n_found else 0:.2f} ({n_found} found)  recall "
                     f"{r['right'][t] / n_exp if n_exp else 0:.2f} ({n_exp} expected)")
    for author in sorted({e["author"] for e in items}):
        a = evaluate(det, [e for e in items if e["author"] == author])
        lines.append(f"  author {author}: precision {a['precision']:.3f}, recall "
                     f"{a['recall']:.3f}, left alone {a['left_alone']:.3f}")
    print("\n".join(lines))
    return r, lines


@pytest.mark.skipif(not EVAL.is_dir(), reason="no evaluation set")
@pytest.mark.xfail(strict=True, reason="precision 0.530 < 0.60 when measured (2026-11-29)")
def test_evaluation_set_meets_the_targets(result: tuple[dict, list[str]]) -> None:
    r, lines = result
    assert r["precision"] >= MIN_PRECISION, lines
    assert r["recall"] >= MIN_RECALL, lines
    assert r["left_alone"] >= MIN_LEFT_ALONE, lines


@pytest.mark.skipif(not EVAL.is_dir(), reason="no evaluation set")
def test_evaluation_set_does_not_regress(result: tuple[dict, list[str]]) -> None:
    r, lines = result
    assert r["precision"] >= FLOOR_PRECISION, lines
    assert r["recall"] >= FLOOR_RECALL, lines
    assert r["left_alone"] >= FLOOR_LEFT_ALONE, lines
