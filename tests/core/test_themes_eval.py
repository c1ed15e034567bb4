"""The detector on natural diaries, written by writers who never saw the lexicon, the
training texts or the issue's examples (see data/themes/AUTHORS.md).

Targets (issue 9): micro precision ≥ 0.60 and recall ≥ 0.40, a detection being right
only when theme and pole both are; at least 80% of the entries about nothing in
particular (``expect = {}``) left alone.

Two sets:

* ``data/themes/dev/`` (e1, e2, 340 entries): the *natural-register development set*.
  It was the first evaluation set, measured once with the second-generation detector
  (data of commit f0af49a): precision 0.530, recall 0.576, left alone 0.904 (94 of
  104). Having been measured, it is development data now: the shipped model is
  trained on it too, so the figures this test prints are in-sample; the honest ones
  (each writer held out from the model, the combiner and the threshold) are in
  data/themes/TRAINING.md. The floor below only catches shipped data that does not
  match its training.
* ``data/themes/eval/`` (e3, e4, 360 entries): the evaluation set, by two new
  writers. Nothing there was used to train the detector or to choose anything; it was
  read once, when the detector was final (data of commit 3bcd32d, code of d5c23c6):
  precision 0.850, recall 0.483, left alone 0.972 (103 of 106); e3 0.863 / 0.511,
  e4 0.836 / 0.455. The targets are met, so the test below is a plain one. Do not
  tune on this set: a detector changed after reading it needs new writers to be
  measured honestly.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from journal_tui.core.detect import Detector
from journal_tui.core.prompts import load_prompts

THEMES = Path(__file__).resolve().parents[2] / "data" / "themes"
EVAL = THEMES / "eval"
DEV = THEMES / "dev"
MIN_PRECISION = 0.60
MIN_RECALL = 0.40
MIN_LEFT_ALONE = 0.80


def entries(folder: Path = EVAL) -> list[dict]:
    out = []
    for path in sorted(folder.glob("*/*.toml")):
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


# In-sample on the shipped data (0.99, 0.95 and 1.00 when trained), less a margin.
DEV_FLOOR = {"precision": 0.90, "recall": 0.85, "left_alone": 0.95}

def report(folder: Path) -> tuple[dict, list[str]]:
    book, _ = load_prompts(None)
    det = Detector(book)
    items = entries(folder)
    assert len(items) >= 300
    r = evaluate(det, items)
    lines = [f"\n{folder.name}, {len(items)} entries: precision {r['precision']:.3f}, recall "
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


@pytest.fixture(scope="module")
def dev() -> tuple[dict, list[str]]:
    return report(DEV)


def test_development_set_does_not_regress(dev: tuple[dict, list[str]]) -> None:
    r, lines = dev
    for name, floor in DEV_FLOOR.items():
        assert r[name] >= floor, lines


@pytest.fixture(scope="module")
def result() -> tuple[dict, list[str]]:
    return report(EVAL)


def test_evaluation_set_meets_the_targets(result: tuple[dict, list[str]]) -> None:
    r, lines = result
    assert r["precision"] >= MIN_PRECISION, lines
    assert r["recall"] >= MIN_RECALL, lines
    assert r["left_alone"] >= MIN_LEFT_ALONE, lines
