"""Text edited in the person's own editor (``$VISUAL``/``$EDITOR``): the file handed over.

The file is private (0600), outside the journal, and is kept until the caller has
saved what it holds: if the save fails, the text is still there and the error can
name the file. The text given to the editor ends with a newline, as a text file
should (an editor adding the missing one would glue its next line to the last
word); ``edited_text`` takes that newline back off.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class EditorFile:
    path: Path

    @classmethod
    def create(cls, text: str, *, prefix: str = "journal-tui-") -> EditorFile:
        """A new private file holding ``text`` (with a final newline unless empty)."""
        fd, name = tempfile.mkstemp(prefix=prefix, suffix=".md")  # 0600
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(for_editor(text))
        return cls(Path(name))

    def command(self, editor: str) -> list[str]:
        """The editor command line (split like a shell would) with this file last;
        ``ValueError`` for a command with unbalanced quotes."""
        return [*shlex.split(editor), str(self.path)]

    def read(self) -> str:
        return self.path.read_text("utf-8")

    def remove(self) -> None:
        with contextlib.suppress(OSError):
            self.path.unlink()


def for_editor(text: str) -> str:
    """``text`` as a text file: ending with a newline (nothing added to an empty text)."""
    return text if not text or text.endswith("\n") else text + "\n"


def edited_text(original: str, edited: str) -> str:
    """What the person meant: the final newline ``for_editor`` added (or that the
    editor added) is dropped again when the original text had none."""
    if edited.endswith("\n") and not original.endswith("\n"):
        return edited[:-1]
    return edited
