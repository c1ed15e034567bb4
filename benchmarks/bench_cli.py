"""Whole-process timings of the printing commands on large synthetic journals.

Usage:  python benchmarks/bench_cli.py [--sizes 10000,100000] [--runs 5]
        [--against SRC] [--no-farm-bench]

For each size it builds a journal of daily entries (``synthetic.py``) under
benchmarks/.data/, then times each command as a fresh process beside a baseline
measured in the same run, in turns (``sidebyside``):

- the first command with no cache (``list -n 10``, a new cache folder each run:
  it builds the index) and, warm, ``list -n 10``, ``list --contains``, the two
  exports, beside ``read all``: a process that walks the journal and reads every
  entry file's bytes, the floor for any design that reads them all;
- with ``--against SRC`` (another checkout's ``src`` folder, e.g. main's), each
  command beside the same command run from SRC: before and after, same run.

Targets (README, "Performance"): 100,000 entries: first command ≤ 4 s (with a
progress bar on a terminal), ``list -n 10`` warm ≤ 300 ms, ``list --contains`` warm
≤ 400 ms; 10,000 entries: the first command no slower than jrnl's ``-n 10``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sidebyside import fresh_dirs, side_by_side
from synthetic import DATA, NEEDLE, build_journal, ensure_journal

__all__ = ["DATA", "build_journal", "bytecode_as_installed"]

READ_ALL = ("import os,sys\n"
            "n=0\n"
            "for d,_,fs in os.walk(sys.argv[1]):\n"
            "  for f in fs:\n"
            "    with open(os.path.join(d,f),'rb') as h: n+=len(h.read())\n")


def bytecode_as_installed() -> None:
    """Let the timed processes cache this package's bytecode, as an installed package
    has it (pip compiles at install). With PYTHONDONTWRITEBYTECODE (set in some
    sandboxes and CI images) every start would compile our modules, not Textual's."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--against", type=Path, metavar="SRC",
                        help="time each command beside the same one run from SRC")
    parser.add_argument("--no-farm-bench", action="store_true")
    parser.add_argument("--only", metavar="WORDS",
                        help="only the commands whose label contains WORDS (e.g. 'first')")
    args = parser.parse_args()
    bytecode_as_installed()
    jt = [sys.executable, "-m", "journal_tui"]
    for size in (int(s) for s in args.sizes.split(",")):
        root = ensure_journal(size)
        scratch = Path(tempfile.mkdtemp(prefix="jt-bench-cli-"))
        env = {**os.environ, "JOURNAL_TUI_HOME": str(root),
               "JOURNAL_TUI_CACHE": str(scratch / "cache"),
               "JOURNAL_TUI_CONFIG": str(scratch / "none.toml")}
        if args.against:  # its index warm too
            subprocess.run([*jt, "list", "--contains", NEEDLE], check=True,
                           env={**env, "PYTHONPATH": str(args.against.resolve()),
                                "JOURNAL_TUI_CACHE": str(scratch / "cache-against")},
                           stdout=subprocess.DEVNULL)
        read_all = [sys.executable, "-c", READ_ALL, str(root / "entries")]
        cases = [("first command, no cache: list -n 10",
                  fresh_dirs([*jt, "list", "-n", "10"], scratch / "runs", JOURNAL_TUI_CACHE="c"))]
        warm = [("list -n 10", ["list", "-n", "10"]),
                (f"list --contains {NEEDLE}", ["list", "--contains", NEEDLE])]
        if size <= 20000:
            warm += [("export --format markdown", ["export", "--format", "markdown"]),
                     ("export --format json", ["export", "--format", "json"])]
        cases += [(f"warm: {label}", [*jt, *argv]) for label, argv in warm]
        subprocess.run([*jt, "list", "--contains", NEEDLE], env=env, check=True,
                       stdout=subprocess.DEVNULL)  # warm, search text filled
        subprocess.run([*jt, "export"], env=env, check=True, stdout=subprocess.DEVNULL)
        against = "the same from SRC" if args.against else "read all files"
        print(f"\n{size} entries: each command (A) beside {against} (B), median of "
              f"{args.runs} pairs in turns, whole process")
        print(f"{'command':<44}{'A ms':>9}{'B ms':>9}{'A/B':>7}")
        for label, cmd in cases:
            if args.only and args.only not in label:
                continue
            if args.against:
                base = cmd
                if "first command" in label:  # the same, from SRC, with its own fresh cache
                    base = fresh_dirs([*jt, "list", "-n", "10"], scratch / "runs-against",
                                      JOURNAL_TUI_CACHE="c")
                pair = side_by_side(cmd, ["env", f"PYTHONPATH={args.against.resolve()}",
                                          f"JOURNAL_TUI_CACHE={scratch / 'cache-against'}",
                                          *base],
                                    runs=args.runs, env=env, tool=not args.no_farm_bench,
                                    timeout=3600)
            else:
                pair = side_by_side(cmd, read_all, runs=args.runs, env=env,
                                    tool=not args.no_farm_bench, timeout=3600)
            print(f"{label:<44}{pair.a * 1000:>9.0f}{pair.b * 1000:>9.0f}{pair.ratio:>7.2f}",
                  flush=True)
            shutil.rmtree(scratch / "runs", ignore_errors=True)
            shutil.rmtree(scratch / "runs-against", ignore_errors=True)
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
