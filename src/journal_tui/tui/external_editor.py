"""Editing text in the person's ``$VISUAL``/``$EDITOR`` while the app is suspended.

The text goes through a private temporary file (``core.editor.EditorFile``: 0600,
ending with a newline, so an editor that appends a line never glues it to the last
word), never through the journal: the editor's result comes back into Today's
editor, unsaved, and the file is removed once it is read back.
"""

from __future__ import annotations

import subprocess
from typing import Any

from textual.app import App

from journal_tui.core.editor import EditorFile, edited_text


def edit_externally(app: App[Any], command: str, text: str) -> str:
    """``text`` as the person left it in ``command``; the app is suspended meanwhile.

    Raises ``textual.app.SuspendNotSupported`` (no terminal to hand over),
    ``OSError``/``ValueError`` (the file, or a command that cannot run) or
    ``subprocess.CalledProcessError`` (the editor failed).
    """
    file = EditorFile.create(text)
    try:
        argv = file.command(command)
        with app.suspend():
            subprocess.run(argv, check=True)
        edited = file.read()
    finally:
        file.remove()  # the text is back in the editor (or still there, untouched)
    return edited_text(text, edited)
