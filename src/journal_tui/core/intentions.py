"""Intentions: the one thing a person will do differently next week, and how it went.

The coaching loop of DESIGN.md ("Intentions"): the review note of week W (kind
``review``, ``week = W``) may carry ``intention``, the experiment for week W+1.
When W+1 is reviewed, its outcome goes back into the same file of week W
(``intention_outcome``: done, partly or not; ``intention_learned``: free text).
So a week's review shows two intentions: the *last* one (set in W−1, lived in W,
to be judged now) and its *own* (set now, for W+1); and the Today screen shows,
all through a week, the intention set in the previous week's review.

Pure: entries in, values out. ``review_notes(journal)`` is the one query a caller
needs (notes are few: one per week). Weeks are ISO weeks, so 2026-W53 is followed
by 2027-W01 (``shift_week`` works on dates, never on the week number).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from journal_tui.core.index import Query
from journal_tui.core.model import OUTCOMES, Entry, iso_week
from journal_tui.core.weeks import shift_week, week_start

__all__ = [
    "OUTCOMES",
    "Intention",
    "current_intention",
    "intention_history",
    "intention_of",
    "last_intention",
    "notes_by_week",
    "record_outcome",
    "review_notes",
    "set_intention",
]


@dataclass(frozen=True, slots=True)
class Intention:
    """The intention set in the review of ``week``, for the week after it (``for_week``)."""

    week: str
    text: str
    outcome: str | None = None  # one of OUTCOMES, once the next week was reviewed
    learned: str | None = None

    @property
    def for_week(self) -> str:
        return shift_week(self.week, 1)

    def to_json(self) -> dict[str, Any]:
        """The contract's ``last_intention`` object."""
        return {"week": self.week, "text": self.text, "outcome": self.outcome,
                "learned": self.learned}


# ------------------------------------------------------------------------ reading


def review_notes(journal: Any) -> list[Entry]:
    """Every review note of the journal (any date: a note is found by its ``week``)."""
    return list(journal.query(Query(kind="review")))


def notes_by_week(entries: Iterable[Entry]) -> dict[str, Entry]:
    """Week → its review note; of two notes for one week (two machines, say), the one
    updated last, as the weekly review shows."""
    notes: dict[str, Entry] = {}
    for e in entries:
        if e.kind == "review" and e.week:
            held = notes.get(e.week)
            if held is None or (e.updated, e.id) > (held.updated, held.id):
                notes[e.week] = e
    return notes


def intention_of(note: Entry | None) -> Intention | None:
    """The intention a review note carries, or None (no note, no or blank intention)."""
    if note is None or not note.week or not (note.intention or "").strip():
        return None
    return Intention(note.week, note.intention.strip(),  # type: ignore[union-attr]
                     note.intention_outcome, _blank_none(note.intention_learned))


def last_intention(entries: Iterable[Entry], week: str) -> Intention | None:
    """The intention lived in ``week``: the one set in the review of the week before."""
    return intention_of(notes_by_week(entries).get(shift_week(week, -1)))


def current_intention(entries: Iterable[Entry], today: date) -> Intention | None:
    """The intention to show on Today: set in last week's review, for this week."""
    return last_intention(entries, iso_week(today))


def intention_history(entries: Iterable[Entry], first: str | None = None,
                      last: str | None = None) -> list[Intention]:
    """Every intention set in the reviews of weeks ``first``…``last`` (inclusive, either
    open), oldest first: which experiments a person keeps, and how they went."""
    lo = week_start(first) if first else date.min
    hi = week_start(last) if last else date.max
    notes = notes_by_week(entries)
    found = (intention_of(notes[w]) for w in sorted(notes, key=week_start)
             if lo <= week_start(w) <= hi)
    return [i for i in found if i is not None]


# ------------------------------------------------------------------------ writing


def set_intention(note: Entry, text: str | None) -> Entry:
    """A copy of the review note with its intention for next week (blank: none).

    A changed intention is a new experiment: an outcome told about the old one is
    dropped with it.
    """
    _check_review(note)
    text = _blank_none(text)
    if text == note.intention:
        return replace(note)
    return replace(note, intention=text, intention_outcome=None, intention_learned=None)


def record_outcome(note: Entry, outcome: str | None, learned: str | None = None) -> Entry:
    """A copy of last week's review note with what became of its intention.

    ``outcome`` is one of OUTCOMES (None clears it); ``learned`` is free text.
    """
    _check_review(note)
    if outcome is not None and outcome not in OUTCOMES:
        raise ValueError(f"outcome must be one of {', '.join(OUTCOMES)}, not {outcome!r}")
    if note.intention is None:
        raise ValueError(f"the review note of {note.week} has no intention")
    return replace(note, intention_outcome=outcome, intention_learned=_blank_none(learned))


def _check_review(note: Entry) -> None:
    if note.kind != "review" or not note.week:
        raise ValueError("intentions belong to review notes")


def _blank_none(text: str | None) -> str | None:
    return (text.strip() or None) if text is not None else None
