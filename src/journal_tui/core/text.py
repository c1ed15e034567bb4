"""Text folding shared by search, filters and theme detection."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks left by NFKD decomposition: Latin, Greek and Cyrillic accents,
# plus the extended and supplementary blocks. A regex is ~20x faster than a
# per-character unicodedata.combining() test on long bodies.
_MARKS = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lower-case and strip accents, so "Été" matches "ete" and "OBSTINÉ" "obstine".

    Typographic apostrophes become plain ones, so "qu’en" matches "qu'en".
    """
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return _MARKS.sub("", decomposed).replace("’", "'")


@lru_cache(maxsize=4096)
def fold_word(word: str) -> str:
    """``fold`` for short, often repeated strings (tags, keywords)."""
    return fold(word)


def first_line(text: str, width: int | None = None) -> str:
    """The first non-empty line without Markdown heading marks, cut to ``width``."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            if width and len(line) > width:
                return line[: max(width - 1, 0)].rstrip() + "…"
            return line
    return ""

