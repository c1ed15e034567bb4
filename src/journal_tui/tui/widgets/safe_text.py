"""Editors that hold a file's text byte for byte but never send a control sequence.

Today's editor and the tag field hold the entry's text as it is on disk (a save
must keep every character), yet drawn as they are, an ESC or an OSC sequence in
that text would reach the terminal (clearing the screen, retitling the window)
and a bidi override would reorder the line. They are zero cells wide to Textual
and Rich, so dropping them from each drawn line keeps every column (and the
cursor) where it was: the text is unchanged, only the drawing skips them.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import Input, TextArea

from journal_tui.core.printable import UNSAFE


def safe_strip(strip: Strip) -> Strip:
    """``strip`` without control characters or bidi overrides (all zero-width)."""
    if not any(UNSAFE.search(segment.text) for segment in strip):
        return strip
    return Strip([Segment(UNSAFE.sub("", text), style, control)
                  for text, style, control in strip], strip.cell_length)


class SafeTextArea(TextArea):
    """A ``TextArea`` that draws no control character (see the module)."""

    def render_line(self, y: int) -> Strip:
        return safe_strip(super().render_line(y))


class SafeInput(Input):
    """An ``Input`` that draws no control character (see the module)."""

    def render_line(self, y: int) -> Strip:
        return safe_strip(super().render_line(y))
