"""The first command with no cache, three ways in turns: this tree, another tree, jrnl.

Usage:  python benchmarks/bench_first.py --before SRC [--runs 7] [--entries 10000]
        [--jrnl-config FILE]

Issue 13's measure of a first command as the lead takes it: ``list -n 10`` on
``benchmarks/.data/journal-<entries>`` with a new, empty cache folder each run, from
this checkout's ``src`` and from ``--before`` (another checkout's ``src``, e.g.
``git archive main | tar -x -C /tmp/before``), beside ``jrnl -n 10`` (with
``--jrnl-config``, a jrnl config of the same entries, as ``bench_jrnl.py`` makes one).
The three run in turns, the order rotating each round (one discarded warm-up round),
so the machine's drift touches each alike; reported: each one's median wall time,
the medians of the per-round ratios, and the median CPU time (user and system, the
worker processes included), which a loaded machine inflates far less than wall time.
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import DATA

HERE = Path(__file__).resolve().parent.parent / "src"


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU milliseconds of one run (its children's CPU included)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, metavar="SRC")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--entries", type=int, default=10000)
    parser.add_argument("--jrnl-config", type=Path, metavar="FILE")
    args = parser.parse_args()
    journal = DATA / f"journal-{args.entries}"
    if not (journal / "entries").is_dir():
        sys.exit(f"no journal at {journal} (bench_cli.py builds one)")
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    scratch = Path(tempfile.mkdtemp(prefix="bench-first-"))
    jrnl_home = scratch / "jrnl-home"
    jrnl_home.mkdir()

    def command(name: str) -> tuple[list[str], dict[str, str]]:
        if name == "jrnl":
            jrnl = shutil.which("jrnl") or "jrnl"
            return ([jrnl, "--config-file", str(args.jrnl_config), "-n", "10"],
                    {**base, "HOME": str(jrnl_home), "XDG_CONFIG_HOME": str(jrnl_home),
                     "XDG_DATA_HOME": str(jrnl_home), "XDG_CACHE_HOME": str(jrnl_home)})
        cache = Path(tempfile.mkdtemp(dir=scratch))
        src = HERE if name == "this tree" else args.before.resolve()
        return ([sys.executable, "-m", "journal_tui", "--journal", str(journal), "list", "-n",
                 "10"],
                {**base, "PYTHONPATH": str(src), "JOURNAL_TUI_CACHE": str(cache / "c"),
                 "JOURNAL_TUI_CONFIG": str(cache / "none.toml")})

    names = ["this tree", "before"] + (["jrnl"] if args.jrnl_config else [])
    walls: dict[str, list[float]] = {n: [] for n in names}
    cpus: dict[str, list[float]] = {n: [] for n in names}
    try:
        for round_ in range(args.runs + 1):
            k = round_ % len(names)
            for name in names[k:] + names[:k]:
                wall, cpu = run(*command(name))
                if round_:
                    walls[name].append(wall)
                    cpus[name].append(cpu)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"first command, no cache, {args.entries} entries: median of {args.runs} rounds "
          f"in turns (load {os.getloadavg()[0]:.1f})")
    for name in names:
        print(f"  {name:<10} {statistics.median(walls[name]):6.0f} ms wall"
              f"  {statistics.median(cpus[name]):6.0f} ms CPU")
    for a, b in [("this tree", "before"), ("this tree", "jrnl"), ("before", "jrnl")]:
        if b in walls:
            ratios = [x / y for x, y in zip(walls[a], walls[b], strict=True)]
            print(f"  {a} / {b}: {statistics.median(ratios):.3f}")


if __name__ == "__main__":
    main()
