"""A rare-text page read in two halves at once beside the same read in one scan.

Usage:  python benchmarks/bench_search_halves.py --cache DIR [--entries 100000]
            [--runs 11] [--text pq]

Times ``Index.page`` (the Journal screen's read for a keystroke) on a warm index
(``DIR``, a copy of a cache as ``bench_tui_large.py --cache`` keeps it; it is
read, never written), in one process, alternating: the search table read in two
halves on two connections (``search_halves``), and in one scan (``SPLIT_MIN``
out of reach). Each read starts with no match set kept, so none is narrowed.
The halves pay only when a second core is free: run it on a quiet machine, and
look at the load printed beside the figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ensure_journal

from journal_tui.core import search_halves
from journal_tui.core.index import Index, Query
from journal_tui.core.search_narrow import Narrowing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, required=True, help="a warm cache folder")
    parser.add_argument("--entries", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--text", default="pq", help="a text that matches almost nothing")
    args = parser.parse_args()
    journal = ensure_journal(args.entries)
    found = sorted(args.cache.glob("*/index.sqlite3"))
    if not found:
        sys.exit(f"no index in {args.cache}")
    index = Index(journal / "entries", found[0])
    q = Query(contains=args.text, limit=60)
    index.page(Query(contains="p", limit=60), lambda: False)  # opened, search text filled
    index.written_days()  # as the Journal screen's calendar leaves it
    split = search_halves.SPLIT_MIN
    times: dict[str, list[float]] = {"two halves": [], "one scan": []}
    loads = []
    for _ in range(args.runs):
        for name, split_min in (("two halves", split), ("one scan", 10**12)):
            search_halves.SPLIT_MIN = split_min
            index._narrowing = Narrowing()  # nothing narrowed: every read scans
            start = time.perf_counter()
            index.page(q, lambda: False)
            times[name].append(time.perf_counter() - start)
        loads.append(os.getloadavg()[0])
    index.close()
    print(f"page of {args.text!r} at {args.entries} entries, {args.runs} runs each, "
          f"load {min(loads):.1f}-{max(loads):.1f} on {os.cpu_count()} cores")
    for name, found_times in times.items():
        ms = sorted(t * 1000 for t in found_times)
        print(f"{name:<12}median {statistics.median(ms):6.0f} ms   best {ms[0]:6.0f} ms")
    ratio = statistics.median(times["two halves"]) / statistics.median(times["one scan"])
    print(f"two halves / one scan: {ratio:.2f}x")


if __name__ == "__main__":
    main()
