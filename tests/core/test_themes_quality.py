"""Precision and recall of theme detection on the project's own labelled set
(tests/data/themes_labelled.toml), kept as a regression test.

A prediction is a (theme, pole) pair: "high"/"low" for a polar theme (the sign of
its text signal, "mixed" when exactly balanced), "yes" for a plain theme. It is
right only when the labelled entry expects the same theme with the same pole.

The first detector matched ``prompts.toml``'s keywords and scored 0.96/0.99 here, on
sentences written around those keywords, but 0.38/0.17 on diaries written apart.
The second one is trained on texts by independent writers, which avoid the obvious
words on purpose; it finds fewer of these short keyword sentences (0.79/0.56 when
it was trained), and far more in real diaries (see test_themes_eval.py). The
bounds below catch a regression from there.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from journal_tui.core.detect import Detector
from journal_tui.core.prompts import load_prompts

DATA = Path(__file__).parent.parent / "data" / "themes_labelled.toml"
MIN_PRECISION = 0.72
MIN_RECALL = 0.50


def _labelled() -> list[dict]:
    return tomllib.loads(DATA.read_text(encoding="utf-8"))["entries"]


def _predict(detector: Detector, text: str) -> set[tuple[str, str]]:
    out = set()
    for tid, sig in detector.score_text(text).items():
        if tid in detector.polar:
            out.add((tid, sig.pole or "mixed"))
        else:
            out.add((tid, "yes"))
    return out


@pytest.fixture(scope="module")
def detector() -> Detector:
    book, warnings = load_prompts(None)
    assert not warnings
    return Detector(book)


def test_labelled_set_shape() -> None:
    entries = _labelled()
    assert len(entries) >= 60
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    fr = sum(1 for i in ids if i.startswith("fr-"))
    en = sum(1 for i in ids if i.startswith("en-"))
    assert fr >= 30 and en >= 30
    book, _ = load_prompts(None)
    covered = {(t, p) for e in entries for t, p in e["expect"].items()}
    for tid, theme in book.themes.items():
        poles = ("low", "high") if theme.polar else ("yes",)
        for pole in poles:
            assert (tid, pole) in covered, (tid, pole)
    assert any(not e["expect"] for e in entries)


def test_precision_and_recall(detector: Detector) -> None:
    tp = predicted = expected = 0
    theme_tp = 0
    misses = []
    for e in _labelled():
        want = set(e["expect"].items())
        got = _predict(detector, e["text"])
        tp += len(want & got)
        theme_tp += len({t for t, _ in want} & {t for t, _ in got})
        predicted += len(got)
        expected += len(want)
        if want != got:
            misses.append(f"{e['id']}: expected {sorted(want)}, got {sorted(got)}")
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    print(f"\ntheme+pole: precision {precision:.3f}, recall {recall:.3f} "
          f"({tp} right of {predicted} found, {expected} expected)")
    print(f"theme only: precision {theme_tp / predicted:.3f}, recall {theme_tp / expected:.3f}")
    print("\n".join(misses))
    assert precision >= MIN_PRECISION, misses
    assert recall >= MIN_RECALL, misses
