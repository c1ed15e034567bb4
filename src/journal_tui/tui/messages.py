"""Messages more than one screen handles (each screen's own are nested in it)."""

from __future__ import annotations

from textual.message import Message


class EntriesChanged(Message):
    """Entries changed on disk through the app (an undo restored one): the screen
    shown reads again what it lists."""
