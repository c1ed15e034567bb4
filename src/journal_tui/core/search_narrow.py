"""A text search narrowed as the person types, when the last one found few entries.

A text that matches almost nothing makes the index scan every entry's folded text
(~0.15 s at 100,000 entries), and each letter typed after it did so again. But a
letter added keeps the text holding the previous one, so every entry it matches
was among the previous search's matches: when that search ran to its end (its page
was short, so its whole match set is known), the next one need only look at
those few texts (``Matches.narrowed``), in microseconds. A letter taken back
returns to a text searched a moment ago: the last few sets are kept (``Narrowing``).

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
KEEP = 8
"""Match sets kept (the last searches')."""

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


class Narrowing:
    """The match sets of the last few searches that ran to their end (a letter
    taken back returns to a text searched a moment ago: its set is known too)."""

    def __init__(self) -> None:
        self._kept: list[Matches] = []  # the oldest first

    def narrowed(self, needle: str, filters: object, version: object) -> list[Row] | None:
        """Every match of ``needle`` from the fewest kept matches that can tell, or
        None; the sets the index has moved away from are dropped."""
        self._kept = [m for m in self._kept if m.version == version]
        telling = [m for m in self._kept if m.needle in needle and m.filters == filters]
        if not telling:
            return None
        return min(telling, key=lambda m: len(m.rows)).narrowed(needle, filters, version)

    def keep(self, needle: str, filters: object, version: object, rows: list[Row],
             complete: bool) -> None:
        """Keep ``rows`` for the next keystrokes, when they are the whole match set
        (``complete``) and few enough."""
        if not complete or len(rows) > KEEP_MAX:
            return
        self._kept = [m for m in self._kept if (m.needle, m.filters) != (needle, filters)]
        self._kept = [*self._kept[-(KEEP - 1):], Matches(needle, filters, version,
                                                         tuple(rows))]
