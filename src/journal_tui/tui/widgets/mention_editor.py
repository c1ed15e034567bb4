"""Today's editor: a ``TextArea`` that completes ``@`` mentions of known people.

Typing ``@`` and a letter or more shows the rest of a known name as a suggestion
(greyed, Textual's ``TextArea.suggestion``); Tab or → accepts it, replacing what
was typed by the name as people write it (``@elo`` → ``@Éloïse``, ``@mim`` →
``@Mimi``, an alias). Matching ignores case and accents (``person_key``), so
names stay consistent. The known names are folded once, when they are read
(``MentionIndex``, built in a worker), not on each keystroke: a key costs the same
with 500 known people as with none (``benchmarks/bench_mentions.py``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.binding import Binding

from journal_tui.tui.widgets.safe_text import SafeTextArea

if TYPE_CHECKING:
    from journal_tui.core.people import Directory

# An ``@`` mention being typed, up to the cursor (as ``model.PERSON_RE`` reads them).
TYPING = re.compile(r"(?:^|(?<=[\s(\[{>]))@([^\W\d_][\w'’-]*)$")
WORD = re.compile(r"[\w'’-]")
MENTION = re.compile(r"[^\W\d_][\w'’-]*")  # what follows ``@`` in a mention


class MentionIndex:
    """Known people, folded once: each spelling (name or alias) with the display name.

    ``names``: the names mentioned, most mentioned first (the order suggestions
    come in); the records of ``people.toml`` follow.
    """

    def __init__(self, names: Sequence[str], directory: Directory | None = None) -> None:
        from journal_tui.core.people import Directory, person_key

        directory = directory or Directory()
        self.rows: list[tuple[str, str]] = []  # (key of a spelling, it as a mention)
        seen: set[str] = set()
        for name in [*names, *(p.name for p in directory.people)]:
            person = directory.find(name)
            shown = person.name if person else name
            if shown in seen:
                continue
            seen.add(shown)
            for spelling in person.spellings() if person else (name,):
                token = "-".join(spelling.split())
                if MENTION.fullmatch(token):  # a spelling no mention can take is never offered
                    self.rows.append((person_key(spelling), token))
        # Sorted by key (with each row's rank): the rows a prefix matches are found by
        # bisection, not by a scan of all (500 people: ~0.02 ms a key instead of ~0.4).
        self._sorted = sorted((key, rank) for rank, (key, _) in enumerate(self.rows))
        self.key = person_key

    def __len__(self) -> int:
        return len(self.rows)

    def complete(self, typed: str) -> str | None:
        """The spelling to write for ``typed`` (what follows ``@``), as a mention
        (spaces become ``-``: ``Marc-Aurèle`` matches ``Marc Aurèle``); None when
        nobody matches or ``typed`` is already a whole name."""
        want = self.key(typed)
        if not want:
            return None
        best = None
        rows, i = self._sorted, bisect_left(self._sorted, (want,))
        while i < len(rows) and rows[i][0].startswith(want):
            best = rows[i][1] if best is None else min(best, rows[i][1])
            i += 1
        if best is None:
            return None
        token = self.rows[best][1]
        return None if token == typed else token


class MentionArea(SafeTextArea):
    """A ``TextArea`` completing ``@`` mentions from ``mentions`` (None: no completion),
    drawing no control character (``SafeTextArea``)."""

    BINDINGS = [Binding("tab", "complete", show=False)]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.mentions: MentionIndex | None = None
        self.completion: tuple[int, str] | None = None
        """(length typed after ``@``, the spelling that replaces it), when offered."""

    def update_suggestion(self) -> None:
        self.completion = None
        suggestion = ""
        if self.mentions is not None and self.selection.is_empty:
            row, col = self.cursor_location
            line = self.document.get_line(row)
            if col >= len(line) or not WORD.match(line[col]):  # at a word's end
                found = TYPING.search(line[:col][-64:])
                if found is not None:
                    typed = found.group(1)
                    token = self.mentions.complete(typed)
                    if token is not None:
                        self.completion = (len(typed), token)
                        key = self.mentions.key
                        same = key(token[:len(typed)]) == key(typed)  # "elo" for "Éloïse"
                        suggestion = token[len(typed):] if same else f" → {token}"
        if self.suggestion != suggestion:
            self.suggestion = suggestion

    def accept_completion(self) -> bool:
        """Write the name offered in place of what was typed; False if none is."""
        if self.completion is None:
            return False
        typed, token = self.completion
        row, col = self.cursor_location
        self.completion = None
        self.suggestion = ""
        self.replace(token, (row, col - typed), (row, col))
        return True

    def action_complete(self) -> None:
        """Tab: accept the name offered, else move on as Tab does."""
        if not self.accept_completion():
            self.screen.focus_next()

    def action_cursor_right(self, select: bool = False) -> None:
        if select or not self.accept_completion():
            super().action_cursor_right(select)
