"""Two commands timed side by side, whole process, in turns: A B A B …

The machine is shared and its speed drifts, so a figure means something only
beside a baseline measured in the same run: each pair's ratio A/B is taken and
the median reported. ``farm-bench`` (on the project's machines) does exactly this
from outside and is used when it is on PATH; otherwise the same is done here
(one discarded warm-up pair, wall time from start to exit, peak memory from
``wait4``). Either way a command's output is discarded.

A command that needs a fresh folder per run (no cache yet, an empty journal) is
wrapped with ``fresh_dirs``: ``sh`` makes the folder with ``mktemp`` inside the
timed run, which costs about a millisecond.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import statistics
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class Pair:
    a: float
    """A's median wall time, seconds."""
    b: float
    ratio: float
    """The median of the per-pair ratios A/B."""
    a_peak_mib: float | None = None
    b_peak_mib: float | None = None
    tool: str = "internal"


def fresh_dirs(command: list[str], base: Path, **env_dirs: str) -> list[str]:
    """``command`` run with each variable of ``env_dirs`` set to a new folder under
    ``base`` (``{"JOURNAL_TUI_CACHE": "c"}``: ``$JOURNAL_TUI_CACHE`` = ``<new>/c``)."""
    folder = shlex.quote(str(base))
    sets = " ".join(f'{var}="$d/{sub}"' for var, sub in env_dirs.items())
    script = f'mkdir -p {folder} && d=$(mktemp -d -p {folder}) && {sets} exec "$@"'
    return ["sh", "-c", script, "sh", *command]


def side_by_side(a: list[str], b: list[str], *, runs: int = 5,
                 env: dict[str, str] | None = None, timeout: float = 600,
                 tool: bool = True) -> Pair:
    """Time A beside B (see the module docstring); ``tool=False`` never uses farm-bench."""
    if tool and shutil.which("farm-bench"):
        pair = _farm_bench(a, b, runs, env, timeout)
        if pair is not None:
            return pair
    return _internal(a, b, runs, env)


def _farm_bench(a: list[str], b: list[str], runs: int, env: dict[str, str] | None,
                timeout: float) -> Pair | None:
    cmd = ["farm-bench", "-n", str(runs), "--timeout", str(int(timeout)),
           "--vs", shlex.join(b), "--", *a]
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False).stdout
    found: dict[str, float] = {}
    for line in out.splitlines():
        m = re.match(r"^(A|B) exit (.*)", line)
        if m and not re.match(r"0 \((\d+) of \1\)", m.group(2)):
            raise RuntimeError(f"{m.group(1)} failed under farm-bench: {line}")
        m = re.match(r"^(A|B|A/B) (wall|peak)\b\D*([\d.]+)\s+([\d.]+)\s+([\d.]+)", line)
        if m:
            found[f"{m.group(1)} {m.group(2)}"] = float(m.group(4))  # the median
    if not {"A wall", "B wall", "A/B wall"} <= found.keys():
        return None
    return Pair(found["A wall"], found["B wall"], found["A/B wall"], found.get("A peak"),
                found.get("B peak"), "farm-bench")


def _run(cmd: list[str], env: dict[str, str] | None) -> tuple[float, float]:
    """Wall seconds and peak resident MiB of one run."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd)
    return wall, usage.ru_maxrss / 1024


def _internal(a: list[str], b: list[str], runs: int, env: dict[str, str] | None) -> Pair:
    walls: dict[str, list[float]] = {"a": [], "b": []}
    peaks: dict[str, list[float]] = {"a": [], "b": []}
    for round_ in range(runs + 1):
        for name, cmd in (("a", a), ("b", b)):
            wall, peak = _run(cmd, env)
            if round_:
                walls[name].append(wall)
                peaks[name].append(peak)
    ratios = [x / y for x, y in zip(walls["a"], walls["b"], strict=True)]
    return Pair(statistics.median(walls["a"]), statistics.median(walls["b"]),
                statistics.median(ratios), max(peaks["a"]), max(peaks["b"]))


def console_script(name: str, module: str) -> list[str]:
    """The installed console script ``name`` beside this interpreter, else ``-m module``."""
    import sys

    script = Path(sys.executable).parent / name
    return [str(script)] if script.exists() else [sys.executable, "-m", module]
