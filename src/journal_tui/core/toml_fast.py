"""TOML parsing for entry files: a compiled parser when installed, tomllib's answers always.

Parsing is most of the cost of indexing a journal the first time: ``tomllib``
takes about 64 µs for a 150-word entry on a quiet machine, ``toml_rs`` (Rust, a
wheel on PyPI) about a twentieth of that. Both follow TOML 1.0, and on our files
and on mutated ones they agree value for value (``tests/core/test_toml_fast.py``)
except on a leading byte-order mark, which ``toml_rs`` skips and ``tomllib``
refuses: such a text goes to ``tomllib``. A text the fast parser refuses goes to
``tomllib`` too, so an error is reported exactly as before (message and line),
and without ``toml_rs`` installed everything still works, only slower.

A text with many brackets or braces also goes to ``tomllib``: ``toml_rs`` recurses
on the native stack and a hostile file nested 100,000 deep crashes the process
(segmentation fault), where ``tomllib`` raises ``RecursionError`` (reported as an
unreadable file). Entries hold a handful; bodies with many Markdown links only lose
the speed-up.

Only the main thread uses ``toml_rs``: called from other threads (the TUI's writer
and reading threads) toml-rs 0.4.3 dereferences a null thread-local pointer and the
process dies (segmentation fault; seen in ``tests/tui/test_today.py``, the third app
of a process saving an entry). Threads parse with ``tomllib``: one file per save,
and the pooled first build runs in worker processes' main threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import tomllib

Parser = Callable[[str], dict[str, Any]]
_UNSET: Any = object()
FAST: Parser | None = _UNSET
"""The compiled parser in use, None without one; loaded on first use (its library
takes ~10 ms to load, which a command answered from the index never needs)."""


def _load_fast() -> Parser | None:
    try:
        from toml_rs import loads as rust_loads
    except ImportError:  # the dependency is declared; a fallback all the same
        return None

    def fast(text: str) -> dict[str, Any]:
        return rust_loads(text, toml_version="1.0.0")

    return fast


def load() -> None:
    """Load the compiled parser now (once): before forking workers, so that each
    inherits it rather than loading it again on its way to its first file."""
    global FAST
    if FAST is _UNSET:
        FAST = _load_fast()


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads``, faster: same values, same ``tomllib.TOMLDecodeError``."""
    load()
    if (FAST is None or text.startswith("\ufeff") or _nests_deep(text)
            or threading.current_thread() is not threading.main_thread()):
        return _slow(text)
    try:
        return FAST(text)
    except Exception:  # its error, or a refusal tomllib may not share: tomllib decides
        return _slow(text)


def _slow(text: str) -> dict[str, Any]:
    """``tomllib.loads``, tomllib imported when first needed: ~10 ms (its regular
    expressions compiled) that a first index build would wait on before its first
    worker, though with the compiled parser it decides only refusals."""
    import tomllib

    return tomllib.loads(text)


def decode_error() -> type[tomllib.TOMLDecodeError]:
    """``tomllib.TOMLDecodeError``, for an ``except`` clause (evaluated only when an
    exception reaches it), without importing tomllib before then."""
    import tomllib

    return tomllib.TOMLDecodeError


NESTING_LIMIT = 64


def _nests_deep(text: str) -> bool:
    """Whether the text may nest deeper than ``toml_rs`` can safely recurse (a count of
    opening brackets and braces: cheap, and an upper bound of the depth)."""
    return text.count("[") + text.count("{") > NESTING_LIMIT
