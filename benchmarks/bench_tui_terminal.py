"""TUI start-up as a person sees it: from launch to the prompt on a real terminal.

Usage:  python benchmarks/bench_tui_terminal.py [--runs 11] [--entries 7300] [--before TREE]
                                               [--typing [--type-after SECONDS]] [--cache DIR]

Each run starts a new tmux session (its own server, ``-L jt-bench-<pid>``: a real
terminal, 100x30) running the program, and polls ``tmux capture-pane`` every
``POLL`` seconds until the expected text is on screen; the time from launching
tmux to that capture is the run's time. journal-tui runs on a journal of
``--entries`` entries (index warm: the warm-up run builds it) and is waited for
until the start of today's prompt shows; the yardstick is a bare Textual app
showing one ``Static``, launched and waited for the same way (and with
``--before``, journal-tui from another tree's sources). They alternate
(one discarded warm-up each) and the medians are compared, as is the median of
the per-pair ratios.

Issue 13's target: journal-tui ≤ 1.3x the bare app, at 7,300 entries; at 100,000,
the start as with 7,300 (``--entries 100000 --cache DIR``, DIR a warm cache of that
journal, e.g. ``bench_tui_large.py --cache``'s).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import ensure_journal, journal_env

# Its own server per run of this script: another one running meanwhile (another
# worktree) would otherwise kill this one's sessions when it ends.
SOCKET = f"jt-bench-{os.getpid()}"
POLL = 0.005
BARE_TEXT = "bare app ready"
TYPED = "qzxv"  # in no prompt or placeholder
BARE_APP = f"""
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static({BARE_TEXT!r})

Bare().run()
"""


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", "-L", SOCKET, *args], capture_output=True, text=True,
                          check=False).stdout


def seen(command: str, text: str, timeout: float = 60.0, typed: str | None = None,
         after: float = 0.0) -> tuple[float, float | None]:
    """Seconds from launching ``command`` in a new tmux session until ``text`` shows;
    with ``typed``, also the seconds from sending ``typed`` as keys, ``after`` seconds
    after ``text`` showed, until they are on screen (how long the first keys wait)."""
    name = f"run{time.monotonic_ns()}"
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", "100", "-y", "30", command)
    try:
        shown = wait_for(name, text, t0, timeout)
        if typed is None:
            return shown, None
        time.sleep(after)
        t1 = time.perf_counter()
        tmux("send-keys", "-t", name, "-l", typed)
        return shown, wait_for(name, typed, t1, timeout)
    finally:
        tmux("kill-session", "-t", name)


def wait_for(name: str, text: str, t0: float, timeout: float) -> float:
    """Seconds since ``t0`` when ``text`` is first seen in session ``name``."""
    while time.perf_counter() - t0 < timeout:
        screen = tmux("capture-pane", "-p", "-t", name)
        if text in screen:
            return time.perf_counter() - t0
        time.sleep(POLL)
    raise TimeoutError(f"{text!r} never showed; last screen:\n{screen}")


def prompt_start(env: dict[str, str]) -> str:
    """The first words of today's prompt, as journal-tui will show them."""
    code = ("from journal_tui.core.context import open_context\n"
            "from journal_tui.core.prompts import prompt_of_the_day\n"
            "ctx = open_context()\n"
            "print(prompt_of_the_day(ctx.prompts, ctx.today).text_in(ctx.lang))")
    text = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, check=True).stdout.strip()
    return " ".join(text.split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--entries", type=int, default=7300)
    parser.add_argument("--typing", action="store_true",
                        help="also type a word as the prompt shows and time its echo "
                             "(on a copy of the journal: drafts may be kept)")
    parser.add_argument("--type-after", type=float, default=0.0, metavar="SECONDS",
                        help="with --typing: type that long after the prompt shows (the "
                             "work that follows the first frame, e.g. the Journal screen "
                             "built ahead, may hold keys typed then)")
    parser.add_argument("--before", metavar="TREE",
                        help="also time journal-tui from TREE/src (e.g. main, unpacked)")
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help="start from a copy of this warm cache folder (DIR.baseline "
                             "for --before, if there is one): a large journal's first run "
                             "would otherwise build its index behind the prompt in every "
                             "run, as each run ends once the prompt shows (not with "
                             "--typing: its copy of the journal is another journal)")
    args = parser.parse_args()
    if args.cache and args.typing:
        sys.exit("--cache and --typing do not go together (see --help)")
    if not shutil.which("tmux"):
        sys.exit("tmux is needed (Debian: apt-get install tmux)")
    journal = ensure_journal(args.entries)
    scratch = Path(tempfile.mkdtemp(prefix="jt-bench-term-"))
    if args.typing:  # what is typed may be kept as a draft: in a copy, never in the data
        journal = Path(shutil.copytree(journal, scratch / "journal", symlinks=False))
    env = journal_env(journal, scratch)
    if args.cache:
        shutil.copytree(args.cache, env["JOURNAL_TUI_CACHE"])
        baseline = args.cache.with_name(args.cache.name + ".baseline")
        shutil.copytree(baseline if baseline.is_dir() else args.cache, scratch / "cache-before")
    bare_file = scratch / "bare.py"
    bare_file.write_text(BARE_APP, "utf-8")
    # The tmux server passes on this process's environment: without -u, a
    # PYTHONDONTWRITEBYTECODE there would make every run compile journal-tui's sources.
    # Each tree keeps its own cache: one whose index version differs would otherwise
    # find the other's index at every run and rebuild it (worker processes included,
    # still busy as the next contender starts).
    def exports(cache: str) -> str:
        return "env -u PYTHONDONTWRITEBYTECODE -u PYTHONPATH " + " ".join(
            f"{k}={shlex.quote(cache if k == 'JOURNAL_TUI_CACHE' else env[k])}"
            for k in ("JOURNAL_TUI_HOME", "JOURNAL_TUI_CACHE", "JOURNAL_TUI_CONFIG", "LANG"))

    python = shlex.quote(sys.executable)
    app = f"{exports(env['JOURNAL_TUI_CACHE'])} {python} -m journal_tui"
    bare = f"{exports(env['JOURNAL_TUI_CACHE'])} {python} {shlex.quote(str(bare_file))}"
    marker = prompt_start(env)
    contenders = [("bare", bare, BARE_TEXT), ("app", app, marker)]
    if args.before:  # another tree's sources (e.g. `git archive main` unpacked), same run
        before_src = shlex.quote(str(Path(args.before).resolve() / "src"))
        before_cache = str(scratch / "cache-before")
        contenders.append(("before", f"{exports(before_cache)} PYTHONPATH={before_src} "
                                     f"{python} -m journal_tui", marker))
    times: dict[str, list[float]] = {name: [] for name, _, _ in contenders}
    waits: dict[str, list[float]] = {name: [] for name, _, _ in contenders}
    # A session that lives through all runs: else the server exits with each run's last
    # session, and a run launched while it shuts down never starts (seen: a timeout).
    tmux("new-session", "-d", "-s", "keep", "cat")
    try:
        for round_ in range(args.runs + 1):
            for name, command, text in contenders:
                typing = args.typing and name != "bare"
                elapsed, wait = seen(command, text, typed=TYPED if typing else None,
                                     after=args.type_after)
                if round_:
                    times[name].append(elapsed)
                    if wait is not None:
                        waits[name].append(wait)
    finally:
        tmux("kill-server")
        shutil.rmtree(scratch, ignore_errors=True)
    ratios = [a / b for a, b in zip(times["app"], times["bare"], strict=True)]
    bare_ms = statistics.median(times["bare"]) * 1000
    app_ms = statistics.median(times["app"]) * 1000
    print(f"\nlaunch to text on screen, tmux 100x30, median of {args.runs} interleaved runs")
    print(f"{'bare Textual app, one Static':<48}{bare_ms:>8.0f} ms   1.00")
    print(f"{f'journal-tui, {args.entries} entries, prompt shown':<48}{app_ms:>8.0f} ms"
          f"   {app_ms / bare_ms:.2f}  (median of pair ratios {statistics.median(ratios):.2f};"
          " target ≤ 1.3)")
    if args.before:
        before_ms = statistics.median(times["before"]) * 1000
        pairs = [a / b for a, b in zip(times["before"], times["bare"], strict=True)]
        print(f"{'the same, from --before':<48}{before_ms:>8.0f} ms   {before_ms / bare_ms:.2f}"
              f"  (median of pair ratios {statistics.median(pairs):.2f})")
    for name, label in (("app", "journal-tui"), ("before", "--before")):
        if waits.get(name):
            when = f"{args.type_after:g} s after the prompt" if args.type_after else \
                "as the prompt shows"
            print(f"{f'{label}: keys typed {when}, to echo':<48}"
                  f"{statistics.median(waits[name]) * 1000:>8.0f} ms   (median; worst "
                  f"{max(waits[name]) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
