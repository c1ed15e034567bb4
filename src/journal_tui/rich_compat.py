"""Rich's line breaking, taught that a no-break space does not break a line.

French typography puts a no-break space before ``: ; ? !`` so the mark never
starts a line; Rich splits words on ``\\s``, which in Python includes U+00A0 and
U+202F, and so breaks right there (Textualize/rich#4196, open). The fix is one
regular expression of ``rich._wrap`` (private: ``tests/tui/test_textual_compat.py``
pins it, with Textual's own, in ``textual_compat.keep_no_break_spaces``).
"""

from __future__ import annotations

import re

NO_BREAK = "\u00a0\u202f\u2007"
"""No-break space, narrow no-break space, figure space: never a place to break."""
BREAKING = rf"[^\S{NO_BREAK}]"
"""Whitespace where a line may break."""
UNBROKEN = rf"[\S{NO_BREAK}]"
"""Anything else: part of a word."""


def keep_no_break_spaces() -> None:
    """Make Rich wrap words joined by a no-break space as one word (idempotent)."""
    from rich import _wrap

    _wrap.re_word = re.compile(rf"{BREAKING}*{UNBROKEN}+{BREAKING}*")
