"""TUI tests: no cursor blinks, so a snapshot never depends on when it was taken."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every editor and input starts with a steady cursor, on every screen and modal
    (setting it on ``app.screen`` alone left the editor blinking under a modal)."""
    for widget in (TextArea, Input):
        monkeypatch.setattr(widget.__dict__["cursor_blink"], "_default", False)
