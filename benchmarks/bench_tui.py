"""Start-up of the TUI and the Journal screen's search, beside a minimal Textual app.

Usage:  python benchmarks/bench_tui.py [--runs 11] [--entries 7300]

1. Whole-process time from start to the Today screen ready for typing (editor
   focused, the day's side data loaded), headless, with an empty journal and
   with --entries entries, beside a minimal Textual app (a TextArea, focused)
   started the same way in the same run.
2. On the large journal: opening the Journal screen (built on F3; F3 as soon as
   Today is filled; F3 after Today sat idle) and each search keystroke,
   timed from the key press (or the switch) until the results are painted (the
   screen posts ``JournalScreen.Shown`` then), beside a bare Textual Input timed
   the same way.

Targets (README, "Performance"): the journal's size adds < 100 ms; the whole start
within 1.5x the minimal app; Journal screen and each keystroke < 100 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import DATA, build_journal, bytecode_as_installed

# Both start probes stop the clock at Textual's Ready event ("the DOM is ready and
# the first frame has been displayed") with the editor focused, the moment a
# person can start typing. The "filled" stage stops it once the side panel shows
# the day's data (streak, entries: read by threads) and is painted. os._exit:
# leaving run_test would wait for the remaining threads. (No super().on_ready():
# Textual calls JournalApp.on_ready itself, as it does each class's handler.)
PROBE_APP = """
import asyncio, os, sys
from journal_tui.core.context import open_context
from journal_tui.tui.app import JournalApp
from journal_tui.tui.screens.today import TodayScreen
from textual.widgets import TextArea

class Probe(JournalApp):
    def on_ready(self):
        assert isinstance(self.focused, TextArea), self.focused
        if sys.argv[1] == "typing":
            os._exit(0)

show_side = TodayScreen._show_side
def filled(screen, *args):
    screen.call_after_refresh(os._exit, 0)  # queued first: right after the paint
    show_side(screen, *args)
TodayScreen._show_side = filled

async def main():
    async with Probe(open_context()).run_test(size=(100, 30)) as pilot:
        await pilot.pause(30)
asyncio.run(main())
"""

PROBE_MINIMAL = """
import asyncio, os
from textual.app import App
from textual.widgets import Footer, Header, TextArea

class Minimal(App):
    def compose(self):
        yield Header()
        yield TextArea()
        yield Footer()
    def on_mount(self):
        self.query_one(TextArea).focus()
    def on_ready(self):
        assert isinstance(self.focused, TextArea)
        os._exit(0)

async def main():
    async with Minimal().run_test(size=(100, 30)) as pilot:
        await pilot.pause(5)
asyncio.run(main())
"""

# Latency is timed from the key press (or the F3 action) to the screen posting
# ``JournalScreen.Shown``, which it does once the new results are painted. The
# pilot's own settling pauses (tens of ms of sleeping per key, which a person
# typing never waits for) happen after that and are not counted.
PROBE_SEARCH = """
import asyncio, json, sys, time
from journal_tui.core.context import open_context
from journal_tui.tui.app import JournalApp
from journal_tui.tui.screens.journal import JournalScreen
from textual.widgets import DataTable, Input

shown = []
arrived = asyncio.Event()

def hook(message):
    if isinstance(message, JournalScreen.Shown):
        shown.append((time.perf_counter(), message.filters.contains, message.count))
        arrived.set()

async def until_shown(contains):
    while not (shown and shown[-1][1] == contains):
        arrived.clear()
        await asyncio.wait_for(arrived.wait(), 30)
    return shown[-1][0]

async def main():
    app = JournalApp(open_context())
    if sys.argv[1] == "cold":  # F3 before the screen was built ahead: built on F3
        app.prepare_delay = None
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        if sys.argv[1] == "idle":  # a person reads Today a moment before pressing F3
            await asyncio.sleep(2 * app.prepare_delay)
            await app.workers.wait_for_complete()
            await pilot.pause()
        shown.clear()  # a screen built ahead has shown its entries already
        t0 = time.perf_counter()
        await app.action_switch_mode("journal")
        opened = await until_shown("") - t0
        await app.workers.wait_for_complete()
        await pilot.pause()
        rows = app.screen.query_one(DataTable).row_count
        app.screen.query_one("#search", Input).focus()
        await pilot.pause()
        keys = []
        typed = ""
        for ch in "partenaire":
            typed += ch
            t0 = time.perf_counter()
            await pilot.press(ch)
            keys.append(await until_shown(typed) - t0)
            await app.workers.wait_for_complete()
            await pilot.pause()
        print(json.dumps({"open": opened, "rows": rows, "keys": keys,
                          "total": shown[0][2], "found": shown[-1][2]}))
asyncio.run(main())
"""

# The floor for a keystroke: a bare Textual Input, timed the same way (key press
# to the first paint after its Changed message).
PROBE_INPUT = """
import asyncio, json, time
from textual.app import App
from textual.message import Message
from textual.widgets import Input

class Painted(Message):
    pass

stamps = []
arrived = asyncio.Event()

def hook(message):
    if isinstance(message, Painted):
        stamps.append(time.perf_counter())
        arrived.set()

class Bare(App):
    def compose(self):
        yield Input()
    def on_input_changed(self):
        self.call_after_refresh(self.post_message, Painted())

async def main():
    app = Bare()
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await pilot.pause()
        keys = []
        for ch in "partenaire":
            arrived.clear()
            t0 = time.perf_counter()
            await pilot.press(ch)
            await asyncio.wait_for(arrived.wait(), 30)
            keys.append(stamps[-1] - t0)
            await pilot.pause()
        print(json.dumps({"keys": keys}))
asyncio.run(main())
"""


def interleaved(cases: dict[str, tuple[str, dict[str, str], tuple[str, ...]]],
                runs: int) -> dict[str, float]:
    """Median whole-process time of each case, run in turns (one of each per round,
    after a discarded warm-up round), so a slow spell of the machine hits all alike."""
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for round_ in range(runs + 1):
        for name, (code, env, args) in cases.items():
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-c", code, *args], env=env, check=True,
                           stdout=subprocess.DEVNULL)
            if round_:
                samples[name].append(time.perf_counter() - t0)
    return {name: statistics.median(times) for name, times in samples.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--entries", type=int, default=7300)
    args = parser.parse_args()
    big = DATA / f"journal-{args.entries}"
    if not (big / "entries").is_dir():
        print(f"building a {args.entries}-entry journal in {big} …", file=sys.stderr)
        build_journal(big, args.entries)
    scratch = Path(tempfile.mkdtemp(prefix="jt-bench-tui-"))
    bytecode_as_installed()
    base = {**os.environ, "JOURNAL_TUI_CONFIG": str(scratch / "none.toml"),
            "JOURNAL_TUI_CACHE": str(scratch / "cache"), "LANG": "en_US.UTF-8"}
    empty_env = {**base, "JOURNAL_TUI_HOME": str(scratch / "empty")}
    big_env = {**base, "JOURNAL_TUI_HOME": str(big)}
    # "filled" runs first in each round: the warm-up round lets it build the index
    # completely, so the "typing" runs, which stop the process early, find it warm.
    times = interleaved({
        "minimal": (PROBE_MINIMAL, base, ()),
        "filled-empty": (PROBE_APP, empty_env, ("filled",)),
        "filled-large": (PROBE_APP, big_env, ("filled",)),
        "typing-empty": (PROBE_APP, empty_env, ("typing",)),
        "typing-large": (PROBE_APP, big_env, ("typing",)),
    }, args.runs)
    minimal = times["minimal"]
    rows = [(stage, times[f"{stage}-empty"], times[f"{stage}-large"])
            for stage in ("filled", "typing")]
    print(f"\nTUI start (median of {args.runs}, whole process, headless)")
    print(f"{'':<46}{'ms':>8}{'× minimal':>11}")
    print(f"{'minimal Textual app, first frame, editor focused':<46}{minimal * 1000:>8.0f}"
          f"{1:>11.2f}")
    for stage, empty, large in reversed(rows):
        what = ("ready for typing: first frame, prompt shown, editor focused"
                if stage == "typing"
                else "side panel filled too (streak, entries)")
        print(f"  {what}")
        print(f"{'    journal-tui, empty journal':<46}{empty * 1000:>8.0f}"
              f"{empty / minimal:>11.2f}")
        label = f"    journal-tui, {args.entries} entries"
        print(f"{label:<46}{large * 1000:>8.0f}{large / minimal:>11.2f}")
        print(f"{'    added by the journal size':<46}{(large - empty) * 1000:>8.0f}")

    import json

    def search(when: str) -> dict:
        out = subprocess.run([sys.executable, "-c", PROBE_SEARCH, when], env=big_env,
                             check=True, capture_output=True, text=True).stdout
        return json.loads(out.strip().splitlines()[-1])

    cold, at_once, r = search("cold"), search("at-once"), search("idle")
    keys = sorted(r["keys"] + at_once["keys"] + cold["keys"])
    out = subprocess.run([sys.executable, "-c", PROBE_INPUT], env=base, check=True,
                         capture_output=True, text=True).stdout
    bare = sorted(json.loads(out.strip().splitlines()[-1])["keys"])
    print(f"\nJournal screen on {args.entries} entries ({r['total']} listed, the first "
          f"{r['rows']} rows in the table)")
    print(f"{'open, built on F3':<34}{cold['open'] * 1000:>8.0f} ms"
          "   (F3 before the screen was built ahead)")
    print(f"{'open, F3 as soon as Today is ready':<34}{at_once['open'] * 1000:>8.0f} ms"
          "   (built ahead once Today is filled, if nothing is typed yet)")
    print(f"{'open, F3 after Today sat idle 2 s':<34}{r['open'] * 1000:>8.0f} ms"
          "   (else built after 1 s without a keystroke)")
    print(f"{'search keystroke, median':<34}{statistics.median(keys) * 1000:>8.0f} ms")
    print(f"{'search keystroke, worst':<34}{keys[-1] * 1000:>8.0f} ms"
          f"   ({r['found']} entries match 'partenaire')")
    print(f"{'bare Textual Input, keystroke':<34}{statistics.median(bare) * 1000:>8.0f} ms"
          "   (median, timed the same way: the floor)")


if __name__ == "__main__":
    main()
