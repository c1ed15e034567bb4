"""Theme detection and aggregation over 7,300 entries (twenty years of daily writing).

Run: ``.venv/bin/python benchmarks/bench_themes.py [--entries N] [--words N] [--disk]``

Builds N synthetic entries of about 150 words in memory (French, English and mixed,
with keywords, negations and check-ins), then times in the same run:

* load: building the entries in memory (with ``--disk``: also writing them to a
  temporary journal and reading them back through ``Journal.query``, cold index
  then warm index, then ``scored_entries``: scoring and storing the scores in the
  index, then a new run reading them back);
* scoring, cold: a fresh detector, word caches empty;
* scoring, warm: memo cleared, stems of the vocabulary already cached;
* aggregation over the already-scored entries: 12 weeks, a year of weeks, every
  week, every month (target: under 200 ms).
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from journal_tui.core.detect import Detector, detector_for
from journal_tui.core.index import Query
from journal_tui.core.model import Entry, make_entry
from journal_tui.core.prompts import load_prompts
from journal_tui.core.themes import (
    last_weeks,
    months_between,
    scored_entries,
    series,
    weeks_between,
)

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 26)


def _words(text: str) -> list[str]:
    return text.split()


FR = _words("aujourd'hui j'ai passé la matinée avec un client et nous avons parlé de son projet "
      "la réunion était longue mais utile je pense que le plan tient la route il faudra "
      "revoir le budget demain avec l'équipe et préparer la présentation pour jeudi "
      "j'ai aussi rangé mes notes relu mes mails et marché une heure au bord de l'eau")
EN = _words("today i spent the morning with a client and we talked about her project the meeting "
      "was long but useful i think the plan holds up we will need to review the budget "
      "tomorrow with the team and prepare the slides for thursday i also sorted my notes "
      "read my emails and walked for an hour by the river")
NEG = {"fr": ["ne", "suis", "pas"], "en": ["was", "not"]}


def _keywords(book: object) -> dict[str, list[str]]:
    words: dict[str, list[str]] = {"fr": [], "en": []}
    for theme in book.themes.values():  # type: ignore[attr-defined]
        for lang, poles in theme.keywords.items():
            for kws in poles.values():
                words[lang].extend(kws)
    return words


def build(n: int, n_words: int, book: object, seed: int = 1) -> list[Entry]:
    rng = random.Random(seed)
    kws = _keywords(book)
    themes = list(book.themes)  # type: ignore[attr-defined]
    entries = []
    start = TODAY - timedelta(days=n - 1)
    for i in range(n):
        day = start + timedelta(days=i)
        lang = rng.choice(("fr", "en", "fr", "en", "mixed"))
        words: list[str] = []
        while len(words) < n_words:
            base = FR if lang == "fr" or (lang == "mixed" and rng.random() < 0.5) else EN
            k = rng.randrange(len(base) - 12)
            words.extend(base[k:k + rng.randint(4, 12)])
            words[-1] += rng.choice((".", ",", "", ""))
            if rng.random() < 0.25:
                kl = "fr" if base is FR else "en"
                if rng.random() < 0.2:
                    words.extend(NEG[kl])
                words.append(rng.choice(kws[kl]))
            if rng.random() < 0.02:  # rarer words, so the vocabulary grows
                words.append(f"mot{rng.randrange(5000)}x")
        checkin = {rng.choice(themes): rng.randint(-2, 2)} if rng.random() < 0.3 else None
        when = datetime(day.year, day.month, day.day, 8, 30, tzinfo=TZ)
        entries.append(make_entry(" ".join(words[:n_words]), day=day, when=when,
                                  checkin=checkin))
    return entries


def timed(fn, *args):  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    result = fn(*args)
    return result, (time.perf_counter() - t) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entries", type=int, default=7300)
    ap.add_argument("--words", type=int, default=150)
    ap.add_argument("--disk", action="store_true", help="also write and reload a journal")
    args = ap.parse_args()
    book, _ = load_prompts(None)

    entries, t_build = timed(build, args.entries, args.words, book)
    words = sum(e.words for e in entries)
    print(f"{len(entries)} entries, {words} words")
    print(f"load (build in memory)        {t_build:8.1f} ms")
    if args.disk:
        import shutil

        from journal_tui.core.storage import Journal

        with tempfile.TemporaryDirectory() as tmp:
            cache = Path(tmp) / "cache"
            j = Journal(Path(tmp) / "j", cache_dir=cache)
            _, t_write = timed(lambda: [j.save(e, touch=False) for e in entries])
            j.close()
            shutil.rmtree(cache)  # cold: every file parsed into a new index
            j = Journal(Path(tmp) / "j", cache_dir=cache)
            loaded, t_cold = timed(j.query)
            j.close()
            j = Journal(Path(tmp) / "j", cache_dir=cache)
            loaded, t_warm = timed(j.query)
            j.close()
            # scores kept in the index: scored and stored once, then read back by a
            # new run (a new book object: nothing in the detector's memory)
            j = Journal(Path(tmp) / "j", cache_dir=cache)
            _, t_store = timed(scored_entries, j, Query(), copy.copy(book))
            j.close()
            j = Journal(Path(tmp) / "j", cache_dir=cache)
            _, t_read = timed(scored_entries, j, Query(), copy.copy(book))
            j.close()
            print(f"write journal (not a goal)     {t_write:7.1f} ms")
            print(f"load Journal.query, no index   {t_cold:7.1f} ms")
            print(f"load Journal.query, index warm {t_warm:7.1f} ms  ({len(loaded)} entries)")
            print(f"scored_entries, scores stored  {t_store:7.1f} ms  (query, score, store)")
            print(f"scored_entries, scores kept    {t_read:7.1f} ms  (query, read scores back)")
            entries = loaded

    _, t_split = timed(lambda: [e.body.split() for e in entries])
    print(f"machine yardstick: str.split of every body {t_split:.1f} ms")
    det = Detector(book)
    _, t_cold = timed(lambda: [det.score(e) for e in entries])
    print(f"scoring, cold caches           {t_cold:7.1f} ms  "
          f"({sum(len(c.words) for c in det._langs.values())} distinct words stemmed)")
    det._memo.clear()
    _, t_warm = timed(lambda: [det.score(e) for e in entries])
    print(f"scoring, warm stems            {t_warm:7.1f} ms  "
          f"({t_warm * 1000 / len(entries):.1f} µs per entry)")

    # aggregation on already-scored entries (the book's detector, memo filled)
    shared = detector_for(book)
    for e in entries:
        shared.score(e)
    first = min(e.date for e in entries)
    ranges = {
        "12 weeks": last_weeks(TODAY, 12),
        "52 weeks": last_weeks(TODAY, 52),
        "all weeks": weeks_between(first, TODAY),
        "all months": months_between(first, TODAY),
    }
    worst = 0.0
    for name, periods in ranges.items():
        _, t = timed(series, entries, book, periods)
        worst = max(worst, t)
        print(f"aggregation, {name:<17} {t:7.1f} ms  ({len(periods)} periods)")
    ok = worst < 200 and t_warm < 1000
    print(f"aggregation worst {worst:.1f} ms (goal < 200 ms) beside load {t_build:.1f} ms "
          f"and warm scoring {t_warm:.1f} ms (goal < 1000 ms): {'OK' if ok else 'SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
