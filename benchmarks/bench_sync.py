"""``journal-tui sync`` timed beside the same work done by hand with git, in the same run.

Usage:  python benchmarks/bench_sync.py [--sizes 1000,10000] [--runs 5]

For each size it builds a journal of daily entries (``bench_cli.build_journal``) in
a temporary folder and times, as whole processes:

- first sync (the journal committed and pushed to an empty bare repository) beside
  ``git init; git add -A; git commit; git push`` on a copy;
- a new machine receiving everything beside ``git clone``;
- one new entry sent (median of --runs) beside ``git add -A; git commit; git pull;
  git push``;
- a sync with nothing to do beside ``git fetch; git status``;
- and, for scale, journal-tui's own start (``--version``), which git by hand does not pay.

The hand-run git is the floor for any design on git; the ratio is what sync's checks,
its own merge, 0600 files and journalled update cost on top.
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
from bench_cli import build_journal

# gc in the foreground for both (sync never leaves git working in the background).
ID = ("-c", "user.name=bench", "-c", "user.email=bench@localhost", "-c", "gc.autoDetach=false")


def timed(*commands: list[str], cwd: Path | None = None) -> float:
    start = time.perf_counter()
    for argv in commands:
        subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return (time.perf_counter() - start) * 1000


def jt(journal: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "journal_tui", "--journal", str(journal), "sync", *args]


def new_entry(folder: Path, n: int) -> None:
    path = folder / "entries" / "2099" / "01" / f"20990101-0000{n:02d}-beef.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'schema = 1\nid = "{path.stem}"\ndate = 2099-01-01\nbody = "n{n}"\n')


def bench(size: int, runs: int, tmp: Path) -> list[tuple[str, float, float]]:
    a, hand = tmp / "a", tmp / "hand"
    build_journal(a, size)
    shutil.copytree(a, hand)
    for bare in ("ours.git", "hand.git"):
        subprocess.run(["git", "init", "-q", "--bare", "-b", "main", str(tmp / bare)], check=True)
    rows = []
    ours = timed(jt(a, "--remote", str(tmp / "ours.git")))
    base = timed(["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                 ["git", *ID, "commit", "-qm", "first"],
                 ["git", "remote", "add", "origin", str(tmp / "hand.git")],
                 ["git", "push", "-q", "-u", "origin", "main"],
                 ["git", *ID, "gc", "--auto", "--quiet"], cwd=hand)
    rows.append(("first sync (commit and push everything)", ours, base))
    ours = timed(jt(tmp / "b", "--remote", str(tmp / "ours.git")))
    base = timed(["git", *ID, "clone", "-q", str(tmp / "hand.git"), str(tmp / "hand-b")])
    rows.append(("a new machine receives everything", ours, base))
    mine, theirs = [], []
    for n in range(runs):
        new_entry(a, n)
        new_entry(hand, n)
        mine.append(timed(jt(a)))
        theirs.append(timed(["git", "add", "-A"], ["git", *ID, "commit", "-qm", "one"],
                            ["git", *ID, "pull", "-q", "--no-rebase"], ["git", "push", "-q"],
                            cwd=hand))
    rows.append(("one new entry sent", statistics.median(mine), statistics.median(theirs)))
    mine = [timed(jt(a)) for _ in range(runs)]
    theirs = [timed(["git", *ID, "fetch", "-q"], ["git", "status", "--porcelain"], cwd=hand)
              for _ in range(runs)]
    rows.append(("nothing to do", statistics.median(mine), statistics.median(theirs)))
    start = [timed([sys.executable, "-m", "journal_tui", "--version"]) for _ in range(runs)]
    rows.append(("(journal-tui starting, --version)", statistics.median(start), 0.0))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env_home = tempfile.mkdtemp()
    os.environ.update(JOURNAL_TUI_CONFIG=f"{env_home}/config.toml",
                      JOURNAL_TUI_CACHE=f"{env_home}/cache",
                      GIT_CONFIG_GLOBAL=f"{env_home}/gitconfig", GIT_CONFIG_NOSYSTEM="1")
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            tmp = Path(tempfile.mkdtemp(dir=env_home))
            print(f"\n{size:,} entries | sync ms | git by hand ms | ratio")
            print("---|---:|---:|---:")
            for label, ours, base in bench(size, args.runs, tmp):
                ratio = f"{ours / base:.2f}" if base else ""
                print(f"{label} | {ours:,.0f} | {base:,.0f} | {ratio}")
    finally:
        shutil.rmtree(env_home, ignore_errors=True)


if __name__ == "__main__":
    main()
