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


# C0 controls but newline and tab, DEL, and the C1 controls (0x80-0x9f: a terminal in
# 8-bit mode reads 0x9b as CSI).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, Unicode's control pictures: one cell each
    if code == 0x7f:
        return "\u2421"  # ␡
    return f"\\x{code:02x}"


def printable(text: str) -> str:
    """``text`` safe to show on a terminal: control characters other than newline and
    tab become visible (``ESC`` → ``␛``, ``CR`` → ``␍``, ``0x9b`` → ``\\x9b``).

    Files and exports keep the text byte for byte; this is for what a terminal or a
    screen reads, where an escape sequence from an entry would clear the screen,
    retitle the window or hide the lines before it.
    """
    return _CONTROLS.sub(_picture, text)


_JSON_RAW_CONTROLS = re.compile("[\x7f-\x9f]")


def terminal_json(text: str) -> str:
    """JSON text safe for a terminal and still the same JSON: ``json.dumps`` escapes
    C0 controls itself but leaves DEL and the C1 controls raw; they become ``\\u007f``
    … ``\\u009f``, which decode to the very same characters."""
    return _JSON_RAW_CONTROLS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
