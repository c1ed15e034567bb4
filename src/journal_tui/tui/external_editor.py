"""Editing text in the person's ``$VISUAL``/``$EDITOR`` while the app is suspended.

The text goes through a private temporary file (0600, removed afterwards), never
through the journal: the editor's result comes back into Today's editor, unsaved.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from textual.app import App


def edit_externally(app: App[Any], command: str, text: str) -> str:
    """``text`` as the person left it in ``command``; the app is suspended meanwhile.

    Raises ``textual.app.SuspendNotSupported`` (no terminal to hand over),
    ``OSError``/``ValueError`` (the file, or a command that cannot run) or
    ``subprocess.CalledProcessError`` (the editor failed).
    """
    fd, name = tempfile.mkstemp(prefix="journal-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        with app.suspend():
            subprocess.run([*shlex.split(command), str(path)], check=True)
        edited = path.read_text("utf-8")
    finally:
        path.unlink(missing_ok=True)
    if edited.endswith("\n") and not text.endswith("\n"):
        edited = edited[:-1]  # the newline editors add at the end of a file
    return edited
