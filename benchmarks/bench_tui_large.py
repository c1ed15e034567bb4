"""The TUI on a very large journal (100,000 entries): screens, a keystroke, memory.

Usage:  python benchmarks/bench_tui_large.py [--entries 100000] [--runs 3]
            [--cache DIR] [--baseline SRC] [--unscored] [--early] [--first-session]

Measures inside the app (Textual's pilot, headless, 120x40), on a journal whose
index is warm (built first by a ``list`` command), each run a fresh process:

- F3: from switching to the Journal screen until it has painted its entries
  (``JournalScreen.Shown``), once the start's reads are done; ``--early``: F3
  pressed as soon as they begin (a person presses F3 whenever they like; the
  start's walk of every file then runs beside the screen's building);
- a search keystroke: from the key press until the results are painted: "p",
  then "q", "r" and "s", each a text that matches almost nothing ("pq", "pqr",
  "pqrs": the search scans every entry to fill its page);
- F4 and F5: from switching until Themes and Review have their default range's
  data (their ``Loaded`` message) and, after it, until the screen has refreshed
  (``wait_for_refresh`` on the screen: drawn with that data);
- resident memory: the process's peak (``ru_maxrss``) at the end.

The warm index keeps the theme signals of the last ``SCORED_WEEKS`` weeks, as
once Themes or Review have been shown (the detector's cost per entry, whatever
the journal's size, is ``bench_themes.py``'s); ``--unscored`` times a first visit.
It also keeps the journal's words (``core.search_words``), as a first TUI session
does after its first text search; ``--first-session`` leaves them to the probe's.

``--cache DIR`` keeps a warm index there between invocations (the cold build of
100,000 entries takes minutes on a loaded machine), and the baseline's in
``DIR.baseline`` (its index version may differ); each run starts from a copy of
its tree's, so every run meets the same index. ``--baseline SRC`` also
runs the probe on another tree's ``src`` (e.g. ``git archive main`` unpacked) in the
same invocation, alternating runs, and prints the ratios: the machine is loaded,
so only figures measured side by side compare.

A screen's background work (Themes scoring the whole journal) is waited for at
most 30 seconds before the next screen is timed.

Start-up as a person sees it is ``bench_tui_terminal.py --entries 100000``.
Issue 13's targets at 100,000 entries: F3 ≤ 150 ms, keystroke ≤ 100 ms, Themes
and Review draw their default range ≤ 300 ms, resident memory ≤ 200 MB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ensure_journal, journal_env

PROBE = """
BACKGROUND = 30  # seconds
import asyncio, faulthandler, json, os, resource, signal, sys, time
faulthandler.register(signal.SIGUSR1, file=sys.__stderr__)  # a stack on demand, if stuck
from journal_tui.core.context import open_context
from journal_tui.tui.app import JournalApp
from journal_tui.tui.screens.journal import JournalScreen
from journal_tui.tui.screens.review import ReviewScreen
from journal_tui.tui.screens.themes import ThemesScreen
from textual.widgets import Input
from textual.worker import WorkerState

seen = []
arrived = asyncio.Event()

def hook(message):
    if isinstance(message, (JournalScreen.Shown, ThemesScreen.Loaded, ReviewScreen.Loaded)):
        seen.append((time.perf_counter(), message))
        arrived.set()

async def settled(app, pilot):
    # Every worker done, pending ones included (``wait_for_complete`` returns at the
    # first cancelled or not yet started worker, which left start-up reads running
    # into the next timing).
    deadline = time.monotonic() + BACKGROUND
    while running := [w for w in app.workers
                      if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]:
        if time.monotonic() > deadline:
            out["background cut"] = out.get("background cut", 0) + 1
            out.setdefault("cut workers", []).extend(  # which, to tell in the report
                f"{w.group}:{w.name}" for w in running)
            break
        await asyncio.sleep(0.05)
    await pilot.pause()

async def started(app):
    # The start's reads (problems, the side panel, @-completion) begin after the first
    # frame: settling before they exist let F3 race them (~0.3 s or ~2 s, by luck).
    deadline = time.monotonic() + 10
    while not app.workers and time.monotonic() < deadline:
        await asyncio.sleep(0.05)

async def until(test):
    while True:
        for stamp, message in seen:
            if test(message):
                seen.clear()
                return stamp
        arrived.clear()
        await asyncio.wait_for(arrived.wait(), 120)

def shown(contains):
    return lambda m: isinstance(m, JournalScreen.Shown) and m.filters.contains == contains

out = {}
EARLY = bool(os.environ.get("BENCH_F3_EARLY"))
PROFILE = os.environ.get("BENCH_F3_PROFILE")  # F3 under cProfile (the UI thread), saved here
F3_ONLY = bool(os.environ.get("BENCH_F3_ONLY"))

async def main():
    import gc
    gc.disable()  # as ``cli.main`` opens the TUI: the app freezes the start's objects
    # and turns the collector back on after its first frame (without it, each full
    # collection scanned all of Textual again: ~85 ms, landing in any timing)
    app = JournalApp(open_context())
    app.prepare_delay = None  # the Journal screen is built on F3, the worst case
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await started(app)
        if not EARLY:
            await settled(app, pilot)
        seen.clear()
        profile = None
        if PROFILE:
            import cProfile
            profile = cProfile.Profile()
            profile.enable()
        t0, cpu0 = time.perf_counter(), time.thread_time()
        await app.action_switch_mode("journal")
        out["f3"] = await until(shown("")) - t0
        out["f3 cpu"] = time.thread_time() - cpu0  # the UI thread's: less hostage to load
        if profile is not None:
            profile.disable()
            profile.dump_stats(PROFILE)
        if profile is not None or F3_ONLY:
            print(json.dumps(out), flush=True)
            os._exit(0)  # F3 only (the rest would be timed under the profiler)
        print(json.dumps(out), flush=True)
        await settled(app, pilot)
        app.screen.query_one("#search", Input).focus()
        await pilot.pause()
        seen.clear()
        t0 = time.perf_counter()
        await pilot.press("p")
        out["key"] = await until(shown("p")) - t0
        print(json.dumps(out), flush=True)
        await settled(app, pilot)
        for typed in ("pq", "pqr", "pqrs"):  # texts that match almost nothing
            seen.clear()
            t0 = time.perf_counter()
            await pilot.press(typed[-1])
            out["key " + typed] = await until(shown(typed)) - t0
            await settled(app, pilot)
        print(json.dumps(out), flush=True)
        for key, mode, kind in (("f4", "themes", ThemesScreen.Loaded),
                                ("f5", "review", ReviewScreen.Loaded)):
            seen.clear()
            t0 = time.perf_counter()
            await app.action_switch_mode(mode)
            out[key] = await until(lambda m: isinstance(m, kind)) - t0
            # the next refresh after the data came: not pilot.pause(), which waits
            # for the process to go idle (up to 1 s), and the screens' background
            # work (the whole journal's scores, the week's questions) keeps it busy
            await app.screen.wait_for_refresh()
            out[key + " painted"] = time.perf_counter() - t0
            out["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(json.dumps(out), flush=True)
            await settled(app, pilot)
        out["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(out), flush=True)
        os._exit(0)  # background work still running (scoring) would hold the exit up

asyncio.run(main())
"""

KEEP_WORDS = """
from journal_tui.core.context import open_context
index = open_context().journal.index
if hasattr(index, "read_words"):  # a tree that keeps the journal's words
    index.keep_words(index.read_words())
"""
"""The journal's words kept, as a first TUI session does after its first text search."""

SCORED_WEEKS = 17  # Themes' default range and the span before it, and a week to spare
PATIENCE = 300  # seconds a probe may take; then what it measured so far is kept
ROWS = [("f3", "F3: Journal screen painted", 150),
        ("f3 cpu", "F3: … UI thread's CPU time meanwhile", 150),
        ("key", "search keystroke, painted", 100),
        *((f"key {typed}", f"… then \"{typed[-1]}\" (\"{typed}\": rare text)", 100)
          for typed in ("pq", "pqr", "pqrs")),
        ("f4", "F4: Themes, default range loaded", 300),
        ("f4 painted", "F4: … and the screen refreshed", 300),
        ("f5", "F5: Review, default week loaded", 300),
        ("f5 painted", "F5: … and the screen refreshed", 300)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep the warm index here")
    parser.add_argument("--baseline", type=Path, help="another tree's src, timed alongside")
    parser.add_argument("--unscored", action="store_true",
                        help="no theme signals kept: time the first visit's scoring")
    parser.add_argument("--early", action="store_true",
                        help="F3 pressed as the start's reads begin, not after them")
    parser.add_argument("--first-session", action="store_true",
                        help="the journal's words not kept yet (as after an upgrade)")
    parser.add_argument("--f3-only", action="store_true",
                        help="time F3 only (more runs in the time: the machine is loaded)")
    parser.add_argument("--profile", type=Path,
                        help="profile F3 (the UI thread) into FILE.N.prof, one per run")
    args = parser.parse_args()
    journal = ensure_journal(args.entries)
    scratch = Path(tempfile.mkdtemp(prefix="jt-bench-large-"))
    kept = args.cache or scratch / "kept"
    env = journal_env(journal, scratch)
    try:
        # The index warm, search text filled, and the recent weeks' theme signals
        # kept (Themes and Review shown before), as after a few days of use.
        # ``--unscored`` leaves the signals out: a first visit scores them.
        # Each tree warms its own copy (``DIR`` and ``DIR.baseline``): a tree whose
        # index version differs would rebuild the other's at every run.
        trees = {"this tree": None, **({"baseline": args.baseline} if args.baseline else {})}
        caches = {name: kept if src is None else kept.with_name(kept.name + ".baseline")
                  for name, src in trees.items()}
        warm = [["-m", "journal_tui", "list", "--contains", "x"]]
        if not args.unscored:
            warm.append(["-m", "journal_tui", "themes", "--weeks", str(SCORED_WEEKS)])
        if not args.first_session:
            warm.append(["-c", KEEP_WORDS])
        for name, src in trees.items():
            tree_env = {**env, "JOURNAL_TUI_CACHE": str(caches[name])}
            if src is not None:
                tree_env["PYTHONPATH"] = str(src.resolve())
            for command in warm:
                subprocess.run([sys.executable, *command],
                               env=tree_env, check=True, stdout=subprocess.DEVNULL)
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
        for run in range(args.runs):
            for name, src in trees.items():
                shutil.rmtree(scratch / "cache", ignore_errors=True)
                shutil.copytree(caches[name], scratch / "cache")  # the same index every run
                if args.unscored:
                    for db in (scratch / "cache").glob("*/index.sqlite3"):
                        with contextlib.closing(sqlite3.connect(db)) as con, con:
                            con.execute("UPDATE files SET scores = NULL")
                run_env = dict(env)
                if args.early:
                    run_env["BENCH_F3_EARLY"] = "1"
                if args.f3_only:
                    run_env["BENCH_F3_ONLY"] = "1"
                if args.profile:
                    tag = "" if src is None else ".baseline"
                    run_env["BENCH_F3_PROFILE"] = str(args.profile.resolve()) + f"{tag}.{run}.prof"
                if src is not None:
                    run_env["PYTHONPATH"] = str(src.resolve())
                try:
                    done = subprocess.run([sys.executable, "-c", PROBE], env=run_env,
                                          stdin=subprocess.DEVNULL, capture_output=True,
                                          text=True, timeout=PATIENCE)
                    stdout, failed = done.stdout, done.returncode and done.stderr
                except subprocess.TimeoutExpired as late:  # what it measured until then
                    stdout, failed = (late.stdout or b"").decode(), ""
                    print(f"({name}: stopped after {PATIENCE} s)", file=sys.stderr)
                if failed or not stdout.strip():
                    sys.exit(f"the probe failed ({name}):\n{failed}")
                runs[name].append(json.loads(stdout.strip().splitlines()[-1]))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    when = ", F3 pressed as the start's reads begin" if args.early else ""
    print(f"\nTUI on {args.entries} entries (median of {args.runs} runs, headless pilot{when})")
    mine, base = runs["this tree"], runs.get("baseline")
    head = f"{'':<40}{'this tree':>10}" + (f"{'baseline':>12}{'ratio':>8}" if base else "")
    print(head + "   target")

    def median(found: list[dict[str, float]], key: str) -> float:
        values = [r[key] for r in found if key in r]
        return statistics.median(values) if values else float("nan")

    def line(label: str, key: str, scale: float, unit: str, target: str) -> None:
        value = median(mine, key) * scale
        text = f"{label:<40}{value:>7.0f} {unit:<3}"
        if base:
            other = median(base, key) * scale
            text += f"{other:>8.0f} {unit:<3}{value / other:>7.2f}x"
        def each(found: list[dict[str, float]]) -> str:
            return " ".join(f"{r[key] * scale:.0f}" for r in found if key in r)

        runs = f"   (runs: {each(mine)}" + (f"; baseline: {each(base)}" if base else "") + ")"
        print(f"{text}   ≤ {target}" + (runs if len(mine) > 1 else ""))

    for key, label, target in ROWS:
        line(label, key, 1000, "ms", str(target))
    line("resident memory, peak", "rss_mib", 1, "MiB", "200 MB")
    for name, found in runs.items():
        cut = sum(r.get("background cut", 0) for r in found)
        if cut:
            workers = sorted({w for r in found for w in r.get("cut workers", [])})
            print(f"({name}: background work cut short after 30 s, {cut} time(s), "
                  f"still running: {', '.join(workers)})")


if __name__ == "__main__":
    main()
