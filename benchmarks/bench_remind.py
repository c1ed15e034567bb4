"""``journal-tui remind`` beside the interpreter starting, as whole processes.

Usage:  python benchmarks/bench_remind.py [--entries 3650] [--runs 21]

``remind`` may run at every shell start, so it is timed against ``python -c pass``
measured in the same run, in turns (the machine may be loaded): with an entry dated
today (exit 0), with none yet (exit 1), and, for scale, ``journal-tui list -n 1``
(the ordinary path: argparse, the index). The journal is the one of
``bench_cli.py`` (daily entries ending today, or yesterday for "none yet").
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_cli import DATA, build_journal, bytecode_as_installed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=3650)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    bytecode_as_installed()
    root = DATA / f"journal-{args.entries}"
    if not (root / "entries").is_dir():
        print(f"building a {args.entries}-entry journal in {root} …", file=sys.stderr)
        shutil.rmtree(root, ignore_errors=True)
        build_journal(root, args.entries)
    blank = Path(tempfile.mkdtemp(prefix="jt-remind-"))
    shutil.copytree(root, blank / "j")
    today = max((blank / "j" / "entries").rglob("*.toml"))  # names start with the date
    today.unlink()  # the journal "before writing today"
    cache = Path(tempfile.mkdtemp(prefix="jt-remind-cache-"))
    env = {**os.environ, "JOURNAL_TUI_CACHE": str(cache),
           "JOURNAL_TUI_CONFIG": str(cache / "none.toml")}
    script = shutil.which("journal-tui") or sys.exit("journal-tui is not installed")
    cases = {
        "python -c pass": ([sys.executable, "-c", "pass"], root),
        "remind, written today (exit 0)": ([script, "remind"], root),
        "remind, nothing yet (exit 1)": ([script, "remind"], blank / "j"),
        "list -n 1 (for scale)": ([script, "list", "-n", "1"], root),
    }
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for i in range(args.runs + 1):
        for name, (cmd, journal) in cases.items():
            t0 = time.perf_counter()
            subprocess.run(cmd, env={**env, "JOURNAL_TUI_HOME": str(journal)},
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            if i:  # the first round warms caches
                samples[name].append(time.perf_counter() - t0)
    base = statistics.median(samples["python -c pass"])
    print(f"\n{args.entries} entries, median of {args.runs} runs in turns")
    print(f"{'':<34}{'ms':>8}{'× python':>10}")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"{name:<34}{median * 1000:>8.1f}{median / base:>10.2f}")
    shutil.rmtree(blank, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
