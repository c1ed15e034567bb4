"""A keystroke in Today's editor with @-completion: no people known, then 500.

Usage:  python benchmarks/bench_mentions.py [--keys 200] [--runs 5]

Each run types the same text (a mention being typed after every few words: the
completion looks up every key of it) into Today's editor through Pilot, key by
key, and times each key press until the app has processed it; first with no
people known (the baseline), then with 500 known people (and 100 of them with
an alias in people.toml), in the same process and run, alternating, so a loaded
machine weighs on both alike. The figure that matters is the ratio.
Also times the completion's own lookup (``update_suggestion``) alone.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import string
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from journal_tui.core.config import Config
from journal_tui.core.context import Context
from journal_tui.core.people import Directory, Person
from journal_tui.core.storage import Journal
from journal_tui.tui.app import JournalApp
from journal_tui.tui.widgets.mention_editor import MentionArea, MentionIndex

TEXT = "Lunch with @marie then @zqx and @Pau about the stand "


def people(n: int = 500) -> MentionIndex:
    rnd = random.Random(7)
    names = ["".join(rnd.choice(string.ascii_lowercase) for _ in range(rnd.randint(4, 9)))
             .capitalize() for _ in range(n)]
    directory = Directory(tuple(Person(f"{name} {name[::-1]}", (name + "y",))
                                for name in names[:100]))
    return MentionIndex(["Marie", "Paul", *names], directory)


async def run_keys(root: Path, index: MentionIndex | None, keys: int
                   ) -> tuple[list[float], list[float]]:
    """Per key: the Pilot press until processed, and the editor's own work for it (the
    edit, the completion's lookup, the Changed message posted) without Pilot's waits."""
    clock = datetime(2026, 11, 26, 8, 12, tzinfo=timezone(timedelta(hours=1)))
    journal = Journal(root / "journal", cache_dir=root / "cache")
    ctx = Context(config=Config(language="en", path=root / "config.toml"), lang="en",
                  journal=journal, clock=lambda: clock)
    app = JournalApp(ctx)
    app.autosave_delay = 3600
    app.prepare_delay = None
    times: list[float] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        body = app.screen.query_one("#body", MentionArea)
        body.mentions = index
        text = (TEXT * (keys // len(TEXT) + 1))[:keys]
        for ch in text:
            key = "space" if ch == " " else ch
            start = time.perf_counter()
            await pilot.press(key)
            times.append(time.perf_counter() - start)
        edits: list[float] = []
        for ch in text:
            start = time.perf_counter()
            body.insert(ch)
            edits.append(time.perf_counter() - start)
    journal.close()
    return times, edits


def lookup(index: MentionIndex | None, n: int = 2000) -> float:
    """Mean seconds of ``update_suggestion`` at the end of ``@zqx`` (no match: a
    whole scan) on a detached editor."""
    area = MentionArea("met @zqx")
    area.mentions = index
    area.cursor_location = (0, 8)
    start = time.perf_counter()
    for _ in range(n):
        area.update_suggestion()
    return (time.perf_counter() - start) / n


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--keys", type=int, default=200)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    index = people()
    runs: dict[tuple[str, bool], list[float]] = {}
    for _ in range(args.runs):
        for known in (None, index):
            with tempfile.TemporaryDirectory() as tmp:
                times, edits = asyncio.run(run_keys(Path(tmp), known, args.keys))
            runs.setdefault(("press", known is not None), []).append(statistics.median(times))
            runs.setdefault(("edit", known is not None), []).append(statistics.median(edits))
    for what, label in (("press", "Pilot key press until processed"),
                        ("edit", "the editor's work for a key (edit + lookup)")):
        base = statistics.median(runs[(what, False)])
        many = statistics.median(runs[(what, True)])
        print(f"{label}, median of {args.runs} runs x {args.keys} keys:")
        print(f"  no people known: {base * 1000:.3f} ms")
        print(f"  {len(index)} spellings of 500 people: {many * 1000:.3f} ms "
              f"(ratio {many / base:.2f})")
    print(f"update_suggestion alone, at '@zqx' (no match): "
          f"none {lookup(None) * 1e6:.1f} µs, 500 people {lookup(index) * 1e6:.1f} µs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
