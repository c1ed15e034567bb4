"""Compact fields (``Input``, ``Select``) styled once, as they mount.

``Input(compact=True)`` sets its ``compact`` reactive in the constructor, whose
``toggle_class`` adds the class with a style update: Textual then styles the
field (and its component classes) right away, unmounted, and again when it
mounts. The Journal screen's four inputs and its select paid that twice
(~10 % of F3's UI time at 100,000 entries, profiled). Made with
``compact=False`` and made compact here (``textual_compat.mark_compact``), they
look the same and are styled once.
"""

from __future__ import annotations

from typing import TypeVar

from textual.widgets import Input, Select

from journal_tui.tui.textual_compat import mark_compact

Field = TypeVar("Field", Input, Select[str])


def compact(field: Field) -> Field:
    """``field``, built with ``compact=False``, made compact before it is mounted."""
    mark_compact(field)
    return field
