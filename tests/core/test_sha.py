"""core.sha gives hashlib's SHA-256 (the cache folder's name and the prompt wheel
depend on it: another digest would move the cache and reshuffle the prompts)."""

from __future__ import annotations

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from journal_tui.core.sha import sha256


@given(st.binary(max_size=2048))
def test_same_digests_as_hashlib(data: bytes) -> None:
    assert sha256(data).hexdigest() == hashlib.sha256(data).hexdigest()
    assert sha256(data).digest() == hashlib.sha256(data).digest()
