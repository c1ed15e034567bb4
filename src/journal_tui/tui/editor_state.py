"""What Today's editor is working on, and how it becomes a draft or an entry.

Pure (no Textual, no disk, no clock): ``TodayScreen`` reads its widgets into
``Fields`` and keeps an ``EditorState``; turning them into a ``Draft`` or an
``Entry`` is a function of the two, tested without an app
(``tests/tui/test_editor_state.py``). Loaded before the first frame, so kept cheap
to create: ``Fields`` is a NamedTuple, and ``EditorState`` has no generated ``__eq__``
(states are told apart by identity).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING, NamedTuple

from journal_tui.core.model import Entry, make_entry, refresh_derived
from journal_tui.core.prompts import Prompt
from journal_tui.core.stamp import FileStamp

if TYPE_CHECKING:  # loaded before the first frame: the storage is not
    from journal_tui.core.drafts import Draft


class Fields(NamedTuple):
    """What the person typed or picked in the editor."""

    body: str = ""
    tags: tuple[str, ...] = ()
    mood: int | None = None
    rating: int | None = None
    """The self-rating on ``rating_theme`` (None: not set)."""
    rating_theme: str | None = None
    """The polar theme rated: the prompt's by default, any the person picks (None: the
    prompt's theme)."""
    others: tuple[tuple[str, int | None], ...] = ()
    """Ratings changed on other themes before the person moved on to ``rating_theme``
    (None: cleared), so none is lost."""

    def meaning(self) -> Fields:
        """What counts as a change: the theme picked for a rating left unset does not."""
        return self._replace(rating_theme=None) if self.rating is None else self


NOTHING = Fields()  # a new entry's baseline: nothing typed or picked


def merged_checkin(checkin: Mapping[str, int], theme: str | None,
                   rating: int | None) -> dict[str, int]:
    """``checkin`` with the rating on ``theme`` set (or removed, if ``rating`` is
    None); the entry's ratings on other themes are kept. No theme: unchanged."""
    merged = dict(checkin)
    if theme is not None:
        merged.pop(theme, None)
        if rating is not None:
            merged[theme] = rating
    return merged


@dataclass(frozen=True, eq=False)
class EditorState:
    """The entry being written: an existing one (``entry``) or a new one for ``day``,
    the prompt it answers, and the fields as last loaded or saved (``baseline``)."""

    day: date
    entry: Entry | None = None
    prompt: Prompt | None = None
    new_key: str | None = None
    """The draft key of a new entry, once the session has more than one."""
    baseline: Fields = NOTHING

    @property
    def draft_key(self) -> str:
        """The entry's id, or for a new entry ``new-YYYYMMDD`` (``-2``, ``-3``… for the
        next new entries of the session, so a kept draft is never overwritten)."""
        if self.entry is not None:
            return self.entry.id
        return self.new_key or f"new-{self.day:%Y%m%d}"

    @property
    def theme_id(self) -> str | None:
        return self.prompt.theme if self.prompt is not None else None

    def unsaved(self, fields: Fields) -> bool:
        """Whether ``fields`` differ from what is on disk (a new entry with blank
        text and nothing else changed counts as nothing)."""
        fields, baseline = fields.meaning(), self.baseline.meaning()
        if (self.entry is None and not fields.body.strip()
                and fields._replace(body="") == baseline._replace(body="")):
            return False
        return fields != baseline

    def answered(self, lang: str) -> tuple[str | None, str | None]:
        """The prompt answered: its id and its text as shown. An entry keeps the
        text it was written against while it answers the same prompt."""
        prompt, entry = self.prompt, self.entry
        prompt_id = prompt.id if prompt else (entry.prompt_id if entry else None)
        shown = prompt.text_in(lang) if prompt else None
        if entry is not None and (prompt is None or prompt.id == entry.prompt_id):
            return prompt_id, entry.prompt or shown
        return prompt_id, shown

    def checkin(self, fields: Fields) -> dict[str, int]:
        """The entry's ratings with the one typed set on its theme (the prompt's unless
        the person picked another); ratings on other themes are kept."""
        merged = dict(self.entry.checkin if self.entry else {})
        for theme, value in fields.others:
            merged = merged_checkin(merged, theme, value)
        return merged_checkin(merged, fields.rating_theme or self.theme_id, fields.rating)

    def to_draft(self, fields: Fields, lang: str) -> Draft:
        """The draft that keeps ``fields`` until they are saved; for an entry read from
        its file, the identity it was read with (``base``), so restoring the draft
        later never saves over a change made since."""
        from journal_tui.core.drafts import Draft

        prompt_id, prompt_text = self.answered(lang)
        source = self.entry.source if self.entry else None
        return Draft(key=self.draft_key, body=fields.body, date=self.day,
                     entry_id=self.entry.id if self.entry else None, tags=list(fields.tags),
                     mood=fields.mood, checkin=self.checkin(fields), prompt_id=prompt_id,
                     prompt=prompt_text,
                     base=source.digest if isinstance(source, FileStamp) else None)

    def to_entry(self, fields: Fields, lang: str, now: datetime) -> Entry:
        """The entry to save: a new one made at ``now``, or the entry edited (a
        copy; its tags and people read again from the body)."""
        prompt_id, prompt_text = self.answered(lang)
        checkin = self.checkin(fields)
        if self.entry is None:
            return make_entry(fields.body, day=self.day, when=now, tags=list(fields.tags),
                              mood=fields.mood, prompt_id=prompt_id, prompt=prompt_text,
                              checkin=checkin)
        entry = self.entry.with_changes(body=fields.body, mood=fields.mood, checkin=checkin,
                                        prompt_id=prompt_id, prompt=prompt_text)
        return refresh_derived(entry, extra_tags=list(fields.tags))

    def saving(self, entry: Entry, fields: Fields) -> EditorState:
        """The state once ``entry`` (made from ``fields``) is on its way to disk: the
        editor edits that entry now, and ``fields`` are what is saved."""
        return replace(self, entry=entry, baseline=fields)
