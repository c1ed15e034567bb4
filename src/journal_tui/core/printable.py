"""Text from files shown on a terminal: never a control sequence.

Entry bodies, names and intentions are data. Printed as they are, an ESC or a C1
control character could move the cursor, recolour the terminal or retitle the
window; a bidirectional override could make a line read differently from what it
holds. Displayed text goes through ``printable``; files and JSON keep every byte.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings,
# overrides and isolates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
UNSAFE = _UNSAFE
"""The characters ``printable`` escapes (for a screen that must hide them instead)."""


def printable(text: str, *, newlines: bool = True) -> str:
    """``text`` with each unsafe character shown as an escape (``\\x1b``, ``\\u202e``);
    with ``newlines=False``, line breaks and tabs become spaces (a one-line field)."""
    if not newlines:
        text = text.replace("\r\n", " ").replace("\n", " ").replace("\t", " ")
    return _UNSAFE.sub(_escape, text)


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_JSON_RAW = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def terminal_json(text: str) -> str:
    """JSON text safe for a terminal and still the same JSON: ``json.dumps`` escapes
    C0 controls itself but leaves DEL, the C1 controls and the bidi overrides raw;
    they become ``\\u007f`` … ``\\u009f``, ``\\u202e``…, which decode to the very
    same characters."""
    return _JSON_RAW.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
