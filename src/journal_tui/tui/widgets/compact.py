"""Compact fields (``Input``, ``Select``) styled once, as they mount.

``Input(compact=True)`` sets its ``compact`` reactive in the constructor, whose
``toggle_class`` adds the class with a style update: Textual then styles the
field (and its component classes) right away, unmounted, and again when it
mounts. The Journal screen's four inputs and its select paid that twice
(~10 % of F3's UI time at 100,000 entries, profiled). Made with
``compact=False`` and given the reactive and the class here, they look the same
and are styled once.
"""

from __future__ import annotations

from typing import TypeVar

from textual.widgets import Input, Select

COMPACT_CLASS = "-textual-compact"
"""The class Textual's ``compact`` reactive toggles on these widgets."""

Field = TypeVar("Field", Input, Select[str])


def compact(field: Field) -> Field:
    """``field``, built with ``compact=False``, made compact before it is mounted."""
    field.set_reactive(type(field).compact, True)
    field.add_class(COMPACT_CLASS, update=False)
    return field
