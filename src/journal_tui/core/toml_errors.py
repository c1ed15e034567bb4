"""Where a problem in a file is: entry files, config, people and prompts report it the
same way, ``path:line: what is wrong`` (the form editors jump to)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from journal_tui.core.i18n import Told

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


def located(path: object, line: int | None) -> str:
    """``path:line``, or ``path`` when the line is not known."""
    return f"{path}:{line}" if line else str(path)


class FileError(Told, ValueError):
    """A file that cannot be used, at a line if known: raised with a key of the
    subclass's catalog; ``text(lang)`` is ``path:line: what is wrong`` in ``lang``."""

    file_name = ""
    """What stands for the path when there is none (text given without its file)."""

    def __init__(self, message: str, path: Path | None, line: int | None = None,
                 /, **values: object) -> None:
        self.path, self.line = path, line
        super().__init__(message, **values)

    def text(self, lang: str) -> str:
        path = self.file_name if self.path is None else self.path
        return f"{located(path, self.line)}: {self.said_alone(lang)}"

    def said_alone(self, lang: str) -> str:
        """What is wrong, without the path and line."""
        return Told.text(self, lang)

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.said_alone("en")
