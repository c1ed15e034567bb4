"""Today's header: Textual's ``Header``, two of its four widgets made after the first frame.

Textual's header is four widgets (the bar, the icon, the title, the clock's space),
each styled and mounted before the first frame. Here the first frame has the bar and
the title only: the bar draws the icon's glyph itself, and the title holds the place
it has between the icon and the clock's space (``-alone``: their widths as margins,
so it is centred on the same columns). ``complete`` mounts the two others, which then
draw the same cells (a test compares them cell by cell), and the icon's click and
tooltip work from then on.

The icon and the clock's space are classes of Textual's private ``_header`` module:
the test that compares the two states is what catches a change there.
"""

from __future__ import annotations

from textual.app import ComposeResult, RenderResult
from textual.widgets import Header
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle


class LateHeader(Header):
    """A ``Header`` (no clock) whose icon and clock's space come with ``complete``."""

    DEFAULT_CSS = """
    LateHeader HeaderTitle.-alone {
        width: 1fr;
        margin: 0 10 0 8;  /* HeaderClockSpace's width, HeaderIcon's */
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.completed = False

    def compose(self) -> ComposeResult:
        yield HeaderTitle(classes="-alone")

    def render(self) -> RenderResult:
        # Where HeaderIcon draws it (padding 0 1), until it does.
        return "" if self.completed else f" {self.icon}"

    def complete(self) -> None:
        """Mount the icon and the clock's space (once), as ``Header.compose`` makes them.
        Call it on the header (``call_later``): ``data_bind`` binds to the message
        pump running."""
        if self.completed or not self.is_attached:
            return
        self.completed = True
        title = self.query_one(HeaderTitle)
        self.mount(HeaderIcon().data_bind(Header.icon), before=title)
        self.mount(HeaderClockSpace(), after=title)
        title.remove_class("-alone")
        self.refresh()
