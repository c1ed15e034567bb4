"""Textual's parsed stylesheets, kept between runs in the cache folder.

Textual parses the CSS of every widget class it meets, and our files, at every
start: ~30 ms before Today's first frame (its largest single cost after the
imports), ~15 ms more for the other screens' files just after it. The parsed rules
are plain Python objects: kept just after the first frame and again as the app exits
(when any were parsed anew since), they load in ~4 ms.

What is cached is keyed by everything the parse depends on besides the text: the
Textual install and the Python running it (their classes are what is pickled) and
the theme's variables (the parse substitutes them). Textual looks each source up by
its text, so a changed file is simply parsed again. A file that does not load, or
that is not the user's own and private (owned by them, writable by no one else: it
is trusted as the bytecode Python caches is), is a miss, never an error; a file
that cannot be written costs the next start its parse, nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import stat
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_tui.tui.textual_compat import parse_cache, stylesheet_variables

if TYPE_CHECKING:
    from textual.css.stylesheet import Stylesheet

PREFIX = "textual-css-"
SUFFIX = ".pickle"


def _install_id() -> str:
    """Names the Textual install: its folder and the version in its dist-info name
    (``importlib.metadata`` would take ~0.1 s to say the same)."""
    import textual

    package = Path(textual.__file__).parent
    try:
        infos = sorted(entry.name for entry in os.scandir(package.parent)
                       if entry.name.startswith("textual-") and entry.name.endswith(".dist-info"))
    except OSError:
        infos = []
    parse = package / "css" / "parse.py"
    try:
        info = parse.stat()
        stamp = f"{info.st_size}:{info.st_mtime_ns}"
    except OSError:
        stamp = ""
    return f"{package}|{','.join(infos)}|{stamp}"


def cache_file(cache_dir: Path, stylesheet: Stylesheet) -> Path:
    """The file for ``stylesheet``'s variables, with this Textual and this Python."""
    variables = sorted(stylesheet_variables(stylesheet).items())
    key = repr((sys.version, _install_id(), variables)).encode("utf-8", "surrogatepass")
    return cache_dir / f"{PREFIX}{hashlib.blake2b(key, digest_size=12).hexdigest()}{SUFFIX}"


def _private(path: Path) -> bool:
    info = path.stat()
    return (stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid()
            and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def load(stylesheet: Stylesheet, cache_dir: Path | None) -> set[tuple[Any, ...]]:
    """Put the rules kept for ``stylesheet`` in its parse cache; the keys put there."""
    if cache_dir is None:
        return set()
    path = cache_file(cache_dir, stylesheet)
    try:
        if not _private(path):
            return set()
        kept = pickle.loads(path.read_bytes())
    except Exception:  # missing, damaged, from another version: a miss, whatever it raises
        return set()
    if not isinstance(kept, dict):
        return set()
    cache = parse_cache(stylesheet)
    for key, rules in kept.items():
        if isinstance(key, tuple) and isinstance(rules, list):
            cache[key] = rules
    return set(kept)


def to_keep(stylesheet: Stylesheet, cache_dir: Path | None,
            loaded: set[tuple[Any, ...]]) -> tuple[Path, dict[tuple[Any, ...], Any]] | None:
    """The file and the rules to keep, if ``stylesheet`` parsed anything new since
    ``loaded``."""
    if cache_dir is None:
        return None
    cache = parse_cache(stylesheet)
    keys = set(cache.keys())
    if not keys or keys <= loaded:
        return None
    return cache_file(cache_dir, stylesheet), {key: cache[key] for key in keys}


def keep(path: Path, rules: dict[tuple[Any, ...], Any]) -> bool:
    """Write ``rules`` to ``path``, replacing any other such file (another theme's,
    another Textual's): whether it was written."""
    from journal_tui.core.atomic import WriteError, atomic_write

    try:
        atomic_write(path, pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL),
                     durable=False)
    except (OSError, WriteError, pickle.PicklingError, TypeError, AttributeError):
        return False
    for old in path.parent.glob(f"{PREFIX}*{SUFFIX}"):
        if old != path:
            with contextlib.suppress(OSError):
                old.unlink()
    return True
