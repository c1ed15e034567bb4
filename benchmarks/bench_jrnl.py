"""journal-tui beside jrnl on the same entries, whole process, side by side.

Usage:  pip install -e ".[bench]" && python benchmarks/bench_jrnl.py [--entries 10000]
        [--runs 5] [--no-farm-bench]

Builds a jrnl journal of ``--entries`` synthetic entries (``synthetic.py``) under
benchmarks/.data/jrnl-N/, with jrnl's config file and a private HOME there, so
jrnl never touches your folders. jrnl exports it (``jrnl --export json``) and
journal-tui imports that export, then each pair runs in turns (``sidebyside``):

- the first command on a journal nobody has indexed: ``list -n 10`` with a new,
  empty cache folder on each run, beside ``jrnl -n 10`` (target: ≤ 1.0x);
- ``import`` of jrnl's export into a new, empty journal on each run, beside
  jrnl's own ``--export json`` of the same entries (target: ≤ 0.6x). jrnl 4.6
  counts tags for that export in quadratic time (``plugins/util.py``,
  ``tags.count`` per tag): 20 s and more on these entries, three tags each, so
  the yardstick is jrnl exporting with a tag symbol that never occurs, which
  skips that count; the export with tags is timed too, for the record, and so is
  the floor of any import of one file per entry: creating that many files;
- warm (the index built): ``list -n 10``, ``list --contains``, Markdown and JSON
  export, each beside jrnl doing the same.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from sidebyside import Pair, console_script, fresh_dirs, side_by_side
from synthetic import DATA, JRNL_TIMEFORMAT, NEEDLE, jrnl_text

JRNL_CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '{symbols}'
template: false
timeformat: '{timeformat}'
version: '{version}'
"""


def setup(count: int) -> tuple[Path, dict[str, str], list[str], list[str]]:
    """The jrnl journal, its export imported into journal-tui; the environment and
    the two commands (``jrnl …`` and ``journal-tui …`` prefixes)."""
    try:
        jrnl_version = version("jrnl")
    except PackageNotFoundError:
        sys.exit('jrnl is not installed: pip install -e ".[bench]"')
    root = DATA / f"jrnl-{count}"
    home = root / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local" / "share"),
           "XDG_CACHE_HOME": str(home / ".cache"),
           "JOURNAL_TUI_HOME": str(root / "journal-tui"),
           "JOURNAL_TUI_CACHE": str(root / "cache"),
           "JOURNAL_TUI_CONFIG": str(root / "journal-tui-config.toml")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # bytecode cached, as an installed package has it
    config = root / "jrnl.yaml"
    plain = root / "jrnl-no-tags.yaml"
    jrnl = [*console_script("jrnl", "jrnl"), "--config-file", str(config)]
    jt = console_script("journal-tui", "journal_tui")
    built = (root / "export.json").is_file()
    if not built:
        print(f"building a {count}-entry jrnl journal in {root} …", file=sys.stderr, flush=True)
        shutil.rmtree(root, ignore_errors=True)
        home.mkdir(parents=True)
        (root / "journal.txt").write_text(jrnl_text(count), "utf-8")
    for path, symbols in ((config, "#@"), (plain, "§")):
        path.write_text(JRNL_CONFIG.format(journal=root / "journal.txt", symbols=symbols,
                                           version=jrnl_version, timeformat=JRNL_TIMEFORMAT),
                        "utf-8")
    if not built:
        with (root / "export.tmp").open("wb") as out:
            subprocess.run([*jrnl, "--export", "json"], env=env, stdout=out, check=True)
        subprocess.run([*jt, "import", str(root / "export.tmp"), "--from", "jrnl"], env=env,
                       check=True, stdout=subprocess.DEVNULL)
        (root / "export.tmp").rename(root / "export.json")
    return root, env, jrnl, jt


CREATE_FILES = """
import os, sys
root, count, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(root)
for n in range(count):
    folder = os.path.join(root, str(n // 300))
    if n % 300 == 0:
        os.mkdir(folder)
    fd = os.open(os.path.join(folder, str(n)), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, b"x" * size)
    os.close(fd)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-farm-bench", action="store_true",
                        help="time here even when farm-bench is on PATH")
    parser.add_argument("--only", metavar="WORDS",
                        help="only the cases whose label contains WORDS (e.g. 'first')")
    args = parser.parse_args()
    root, env, jrnl, jt = setup(args.entries)
    scratch = root / "runs"
    export = str(root / "export.json")
    subprocess.run([*jt, "list", "-n", "1"], env=env, check=True, stdout=subprocess.DEVNULL)
    cases: list[tuple[str, list[str], list[str], float | None]] = [
        ("first command, no cache: list -n 10 | jrnl -n 10",
         fresh_dirs([*jt, "list", "-n", "10"], scratch, JOURNAL_TUI_CACHE="c"),
         [*jrnl, "-n", "10"], 1.0),
        ("import jrnl's export | jrnl --export json",
         fresh_dirs([*jt, "import", export, "--from", "jrnl"], scratch,
                    JOURNAL_TUI_HOME="j", JOURNAL_TUI_CACHE="c"),
         [*jrnl[:-1], str(root / "jrnl-no-tags.yaml"), "--export", "json"], 0.6),
        ("  floor: create as many files | jrnl --export json",
         ["sh", "-c", f'mkdir -p {scratch} && '
                      f'exec {sys.executable} -c "$0" "$(mktemp -u -p {scratch})" "$@"',
          CREATE_FILES, str(args.entries), "1150"],
         [*jrnl[:-1], str(root / "jrnl-no-tags.yaml"), "--export", "json"], None),
        ("  jrnl --export json, tags counted | the same without", [*jrnl, "--export", "json"],
         [*jrnl[:-1], str(root / "jrnl-no-tags.yaml"), "--export", "json"], None),
        ("warm: list -n 10 | jrnl -n 10", [*jt, "list", "-n", "10"], [*jrnl, "-n", "10"],
         None),
        (f"warm: list --contains {NEEDLE} | jrnl -contains",
         [*jt, "list", "--contains", NEEDLE], [*jrnl, "-contains", NEEDLE], None),
        ("warm: export markdown | jrnl --export markdown",
         [*jt, "export", "--format", "markdown"], [*jrnl, "--export", "markdown"], None),
        ("warm: export json | jrnl --export json",
         [*jt, "export", "--format", "json"], [*jrnl, "--export", "json"], None),
    ]
    print(f"\n{args.entries} entries, journal-tui (A) beside jrnl (B), median of {args.runs} "
          "pairs run in turns, whole process")
    print(f"{'A | B':<58}{'A ms':>8}{'B ms':>8}{'A/B':>7}{'target':>8}  {'A MiB':>6}")
    for label, a, b, target in cases:
        if args.only and args.only not in label:
            continue
        pair: Pair = side_by_side(a, b, runs=args.runs, env=env, tool=not args.no_farm_bench)
        shutil.rmtree(scratch, ignore_errors=True)
        goal = f"≤ {target:.1f}" if target else ""
        peak = f"{pair.a_peak_mib:.0f}" if pair.a_peak_mib else ""
        print(f"{label:<58}{pair.a * 1000:>8.0f}{pair.b * 1000:>8.0f}{pair.ratio:>7.2f}"
              f"{goal:>8}  {peak:>6}", flush=True)
    print(f"(timed by {pair.tool})")


if __name__ == "__main__":
    main()
