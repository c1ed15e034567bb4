"""Where a TOML error is: entry files, config and prompts report it the same way."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations here: the TUI starts without tomllib when no file is read
    import tomllib

_POSITION = re.compile(r"\s*\((?:at line (\d+), column \d+|at end of document)\)\s*$")


def toml_error(exc: tomllib.TOMLDecodeError, text: str) -> tuple[str, int | None]:
    """tomllib's message without its position, and the line it points at.

    Python 3.11's TOMLDecodeError has no ``lineno``: the position is only in the
    message, as "(at line N, column M)" or "(at end of document)", the last line.
    """
    message = str(exc)
    match = _POSITION.search(message)
    if not match:
        return message, None
    line = int(match.group(1)) if match.group(1) else max(1, len(text.splitlines()))
    return message[: match.start()], line
