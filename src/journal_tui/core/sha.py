"""SHA-256 for what the TUI's start hashes (the cache folder's name, the prompts' cache
key, the prompt wheel's order), and BLAKE2b for the walk's digests that every command
computes (``listing``), without importing ``hashlib``.

Importing hashlib sets up OpenSSL's digests: 3–8 ms here, far more than the start's
hashing itself. CPython's own SHA-256 module (``_sha256``, ``_sha2`` from 3.12) gives
the same digests and loads in ~0.5 ms; hashlib stays the fallback (issue 13).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Protocol, cast


class _Hash(Protocol):
    def digest(self) -> bytes: ...

    def hexdigest(self) -> str: ...


def _constructor() -> Callable[[bytes], _Hash]:
    for name in ("_sha256", "_sha2"):
        try:
            return cast("Callable[[bytes], _Hash]", importlib.import_module(name).sha256)
        except (ImportError, AttributeError):
            continue
    import hashlib

    return hashlib.sha256


sha256 = _constructor()
"""``hashlib.sha256``'s digests: ``sha256(data).hexdigest()``."""


class _Blake2b(_Hash, Protocol):
    def update(self, data: bytes) -> None: ...


def _blake2b() -> Callable[..., _Blake2b]:
    try:
        return cast("Callable[..., _Blake2b]", importlib.import_module("_blake2").blake2b)
    except (ImportError, AttributeError):
        import hashlib

        return hashlib.blake2b


blake2b = _blake2b()
"""``hashlib.blake2b`` (``blake2b(data, digest_size=16)``), CPython's own module."""
