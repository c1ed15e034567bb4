"""A text search narrowed as the person types, when the last one found few entries.

A text that matches almost nothing makes the index scan every entry's folded text
(~0.15 s at 100,000 entries), and each letter typed after it did so again. But a
letter added keeps the text holding the previous one, so every entry it matches
was among the previous search's matches: when that search ran to its end (its page
was short, so its whole match set is known), the next one need only look at
those few texts (``Matches.narrowed``), in microseconds.

It must stay exact, so a match set is kept against what would invalidate it: the
index's ``version`` (another process's commit, or one of this connection's writes:
a save, a refresh after a file was edited on disk), the other filters, and the
source scanned (the search table, never the fallback over unfolded rows). Anything
else, and the search scans as usual.
"""

from __future__ import annotations

from dataclasses import dataclass

KEEP_MAX = 1000
"""Most matches kept for narrowing (a page is far fewer; ``limit=None`` may not be)."""

Row = tuple[str, str]
"""A match: its folded search text and its stored JSON (``data``)."""


@dataclass(frozen=True, slots=True)
class Matches:
    """Every match of one text search, in the search's order, as of ``version``."""

    needle: str
    """The searched text as the index searches it (``indexing.searchable``)."""
    filters: object
    """The query's other filters and order (anything compared with ``==``)."""
    version: object
    """The index's ``version`` read before the scan (a commit during it moves it)."""
    rows: tuple[Row, ...]

    def narrowed(self, needle: str, filters: object, version: object) -> list[Row] | None:
        """Every match of ``needle`` under the same filters, in order, or None when
        these matches cannot tell (another text, other filters, the index moved)."""
        if self.needle not in needle or filters != self.filters or version != self.version:
            return None
        return [row for row in self.rows if needle in row[0]]


def kept(needle: str, filters: object, version: object, rows: list[Row],
         complete: bool) -> Matches | None:
    """``rows`` kept for the next keystroke, when they are the whole match set
    (``complete``) and few enough; else None."""
    if not complete or len(rows) > KEEP_MAX:
        return None
    return Matches(needle, filters, version, tuple(rows))
