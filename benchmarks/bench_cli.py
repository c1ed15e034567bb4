"""Whole-process timings of the printing commands on large synthetic journals.

Usage:  python benchmarks/bench_cli.py [--sizes 10000,100000] [--runs 5]

For each size it builds a journal of daily entries (mixed French and English,
about 150 words each) under benchmarks/.data/, warms the page cache and the
derived index, then times each command as a fresh process (median of --runs)
beside baselines measured in the same run:

- ``python``: the interpreter starting and doing nothing;
- ``read all``: a process that walks the journal and reads every entry file's
  bytes, the floor for any design that reads every file on each run.

Targets (README, "Performance"; warm page cache): 10,000 entries: ``list -n 10`` and
``list --contains`` < 150 ms, markdown export < 200 ms, JSON export < 250 ms,
import < 10 s; 100,000 entries: ``list -n 10`` < 1 s.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from journal_tui.core.codec import encode
from journal_tui.core.model import Entry, extract_people, extract_tags

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
TZ = timezone(timedelta(hours=1))

FR = ("aujourd'hui j'ai rencontré un partenaire potentiel et nous avons parlé de synergies "
      "plutôt que de compétition je me suis senti obstiné sur ce projet mais aussi déterminé "
      "à avancer malgré le qu'en-dira-t-on la conversation était fluide ouverte riche en "
      "idées et en échanges il faut savoir demander conseil à quelqu'un de compétent").split()
EN = ("today I met a potential partner and we talked about synergies rather than competition "
      "I felt stubborn about this project but also determined to move forward despite the "
      "fear of judgment the conversation was fluid open and full of ideas and exchanges "
      "advice is an opinion not a truth so ask someone who knows what they are talking about"
      ).split()
TAGS = ("partenaire", "client", "réseau", "idée", "bilan", "coaching", "energy", "family")
PEOPLE = ("Marie", "Karim", "Sophie", "Lucas", "Nadia", "Tom")
NEEDLE = "zéphyrin"  # appears in ~1% of entries


def build_journal(root: Path, count: int) -> None:
    """``count`` daily entries ending today, written without fsync (test data)."""
    rng = random.Random(count)
    start = date.today() - timedelta(days=count - 1)
    entries_dir = root / "entries"
    for n in range(count):
        day = start + timedelta(days=n)
        words = FR if rng.random() < 0.5 else EN
        text = [rng.choice(words) for _ in range(150)]
        for _ in range(2):
            text.insert(rng.randrange(len(text)), "#" + rng.choice(TAGS))
        text.insert(rng.randrange(len(text)), "@" + rng.choice(PEOPLE))
        if rng.random() < 0.01:
            text.insert(rng.randrange(len(text)), NEEDLE)
        body = "\n\n".join(" ".join(text[i:i + 50]).capitalize() + "."
                           for i in range(0, len(text), 50))
        when = datetime(day.year, day.month, day.day, 7 + n % 3, n % 60, 0, tzinfo=TZ)
        entry = Entry(id=f"{day:%Y%m%d}-{when:%H%M%S}-{n % 65536:04x}", date=day,
                      created=when, updated=when, body=body, mood=1 + n % 5,
                      tags=extract_tags(body), people=extract_people(body),
                      checkin={"determination": n % 5 - 2})
        folder = entries_dir / f"{day:%Y}" / f"{day:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{entry.id}.toml").write_bytes(encode(entry))


READ_ALL = ("import os,sys\n"
            "n=0\n"
            "for d,_,fs in os.walk(sys.argv[1]):\n"
            "  for f in fs:\n"
            "    with open(os.path.join(d,f),'rb') as h: n+=len(h.read())\n")


def timed(cmd: list[str], env: dict[str, str], runs: int) -> float:
    """Median wall time of ``cmd`` as a fresh process, after one warm-up run."""
    samples = []
    for i in range(runs + 1):
        t0 = time.perf_counter()
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       check=True)
        if i:
            samples.append(time.perf_counter() - t0)
    return statistics.median(samples)


def bench(size: int, runs: int) -> list[tuple[str, float, float | None]]:
    root = DATA / f"journal-{size}"
    if not (root / "entries").is_dir():
        print(f"building a {size}-entry journal in {root} …", file=sys.stderr, flush=True)
        shutil.rmtree(root, ignore_errors=True)
        build_journal(root, size)
    cache = Path(tempfile.mkdtemp(prefix="jt-bench-cache-"))
    env = {**os.environ, "JOURNAL_TUI_HOME": str(root), "JOURNAL_TUI_CACHE": str(cache),
           "JOURNAL_TUI_CONFIG": str(cache / "none.toml")}
    jt = [sys.executable, "-m", "journal_tui"]
    t0 = time.perf_counter()
    subprocess.run([*jt, "list", "-n", "1"], env=env, stdout=subprocess.DEVNULL, check=True)
    rows: list[tuple[str, float, float | None]] = [
        ("first run (builds the index)", time.perf_counter() - t0, None)]
    python = timed([sys.executable, "-c", "pass"], env, runs)
    read_all = timed([sys.executable, "-c", READ_ALL, str(root / "entries")], env, runs)
    rows += [("baseline: python start", python, None),
             ("baseline: read all files", read_all, None)]
    commands = [("list -n 10", ["list", "-n", "10"]),
                (f"list --contains {NEEDLE}", ["list", "--contains", NEEDLE])]
    if size <= 20000:
        commands += [("export --format markdown", ["export", "--format", "markdown"]),
                     ("export --format json", ["export", "--format", "json"])]
    for label, args in commands:
        rows.append((label, timed([*jt, *args], env, runs), read_all))
    if size <= 20000:
        dump = cache / "export.json"
        with dump.open("wb") as fh:
            subprocess.run([*jt, "export", "--format", "json"], env=env, stdout=fh, check=True)
        samples = []
        for _ in range(max(1, runs // 2)):
            target = Path(tempfile.mkdtemp(prefix="jt-bench-import-"))
            ienv = {**env, "JOURNAL_TUI_HOME": str(target / "j")}
            t0 = time.perf_counter()
            subprocess.run([*jt, "import", str(dump)], env=ienv, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL, check=True)
            samples.append(time.perf_counter() - t0)
            shutil.rmtree(target)
        rows.append((f"import ({size} entries, JSON)", statistics.median(samples), read_all))
    shutil.rmtree(cache, ignore_errors=True)
    return rows


def bytecode_as_installed() -> None:
    """Let the timed processes cache this package's bytecode, as an installed package
    has it (pip compiles at install). With PYTHONDONTWRITEBYTECODE (set in some
    sandboxes and CI images) every start would compile our modules, not Textual's."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    bytecode_as_installed()
    for size in (int(s) for s in args.sizes.split(",")):
        print(f"\n{size} entries (median of {args.runs} runs, whole process, warm cache)")
        print(f"{'command':<36}{'ms':>9}{'× read-all':>12}")
        for label, seconds, base in bench(size, args.runs):
            ratio = f"{seconds / base:.2f}" if base else ""
            print(f"{label:<36}{seconds * 1000:>9.0f}{ratio:>12}")


if __name__ == "__main__":
    main()
