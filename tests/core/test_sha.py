"""core.sha gives hashlib's SHA-256 (the cache folder's name and the prompt wheel
depend on it: another digest would move the cache and reshuffle the prompts)."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from journal_tui.core.sha import sha256


@given(st.binary(max_size=2048))
def test_same_digests_as_hashlib(data: bytes) -> None:
    assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert sha256(data).digest() == hashlib.sha256(data).digest()


@given(st.binary(max_size=2048), st.binary(max_size=512))
def test_blake2b_digests_as_hashlib(first: bytes, then: bytes) -> None:
    """The walk's digests are stored in the index: another digest would have every
    index compare every file again at its next refresh."""
    from journal_tui.core.sha import blake2b

    ours = blake2b(first, digest_size=16)
    ours.update(then)
    theirs = hashlib.blake2b(first, digest_size=16)
    theirs.update(then)
    assert ours.hexdigest() == theirs.hexdigest()


FIRST_LIST = """
import sys
from journal_tui import cli
from journal_tui.core import indexing, slices
indexing.POOL_MIN, indexing.PER_WORKER = 2, 1
slices.cpus = lambda: 2
assert cli.main(["--journal", sys.argv[1], "list"]) == 0
print(*(name in sys.modules for name in ("hashlib", "multiprocessing", "tomllib")))
"""


def test_a_first_command_imports_no_hashlib_multiprocessing_or_tomllib(tmp_path: Path) -> None:
    """Each costs a first index build milliseconds before its first worker starts
    (OpenSSL's digests; multiprocessing's modules; tomllib's regular expressions):
    the walk's digests, the drafts' instance id, the forked workers and the compiled
    TOML parser do without them."""
    import os
    import subprocess
    import sys

    from journal_tui.core.model import make_entry
    from journal_tui.core.storage import Journal

    journal = Journal(tmp_path / "journal", cache_dir=tmp_path / "seed")
    for n in range(4):
        journal.save(make_entry(f"entry {n}", day=date(2026, 1, 1 + n)), durable=False)
    journal.close()
    env = {**os.environ, "JOURNAL_TUI_CACHE": str(tmp_path / "cache"),
           "JOURNAL_TUI_CONFIG": str(tmp_path / "config.toml")}
    out = subprocess.run([sys.executable, "-c", FIRST_LIST, str(tmp_path / "journal")],
                         capture_output=True, text=True, env=env, check=True)
    assert out.stdout.splitlines()[-1] == "False False False"
    assert len(out.stdout.splitlines()) == 5  # four entries listed, built in workers
