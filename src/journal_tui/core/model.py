"""The journal entry (schema 1) and its conversion to and from plain dicts.

The dict form is what both file formats hold; the TOML and JSON codecs only
differ in how they spell dates (see ``storage.codec``).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from journal_tui.core.text import first_line

SCHEMA = 1
KINDS = ("entry", "review")

# Keys the model knows; anything else in a file is kept in ``Entry.extra`` so a
# newer version's keys, or an import's (jrnl's ``starred``), survive a rewrite.
KNOWN_KEYS = (
    "schema",
    "id",
    "kind",
    "date",
    "created",
    "updated",
    "prompt_id",
    "prompt",
    "mood",
    "tags",
    "people",
    "week",
    "body",
    "checkin",
    "themes",
)
# The person's word on a theme (the ``[themes]`` table): a pole of a polar theme,
# "yes" for a plain theme, "none" to say the entry is not about it.
THEME_WORDS = ("low", "high", "yes", "none")

ID_RE = re.compile(r"^(\d{8})-(\d{6})-([0-9a-z]{4,16})$")
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")

# A #tag starts after whitespace or an opening bracket, so "C#" or a URL
# fragment is not a tag; it may hold letters (any script), digits, - and _.
TAG_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{>]))#([^\W\d_][\w-]*)", re.UNICODE)
# @Name, optionally @First_Last; an e-mail address is not a mention.
PERSON_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{>]))@([^\W\d_][\w'’-]*)", re.UNICODE)


class EntryError(ValueError):
    """An entry dict (or file) that does not follow schema 1."""


@dataclass(slots=True)
class Entry:
    id: str
    date: date
    created: datetime
    updated: datetime
    body: str = ""
    kind: str = "entry"
    prompt_id: str | None = None
    prompt: str | None = None
    mood: int | None = None
    tags: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    week: str | None = None
    checkin: dict[str, int] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    themes: dict[str, str] = field(default_factory=dict)

    @property
    def title(self) -> str:
        """The first non-empty line of the body, without Markdown heading marks."""
        return first_line(self.body)

    @property
    def words(self) -> int:
        return len(self.body.split())

    def with_changes(self, **changes: Any) -> Entry:
        return replace(self, **changes)


def new_id(day: date, when: datetime) -> str:
    """A fresh id: the entry's day, the wall-clock time and 4 random hex digits."""
    return f"{day:%Y%m%d}-{when:%H%M%S}-{os.urandom(2).hex()}"


def derived_id(day: date, when: datetime, digest: str) -> str:
    """An id derived from a source (imports), so importing twice finds the same id."""
    return f"{day:%Y%m%d}-{when:%H%M%S}-{digest[:8].lower()}"


def system_now() -> datetime:
    """The one place that reads the system clock (the tests replace it with a fixed one)."""
    return datetime.now().astimezone()


def now_local() -> datetime:
    """The local time, with its UTC offset and without microseconds."""
    return system_now().astimezone().replace(microsecond=0)


def extract_tags(body: str) -> list[str]:
    return _unique(m.group(1) for m in TAG_RE.finditer(body))


def extract_people(body: str) -> list[str]:
    """``@Marie``, ``@O'Brien``; a possessive (``@Marie's``) names Marie."""
    return _unique(_POSSESSIVE.sub("", m.group(1)).rstrip("'’-")
                   for m in PERSON_RE.finditer(body))


_POSSESSIVE = re.compile(r"['’]s$")


def merge_tags(*groups: list[str] | tuple[str, ...]) -> list[str]:
    """Tags from several sources, first spelling kept, case-insensitively unique."""
    return _unique(t.strip().lstrip("#").strip() for g in groups for t in g)


def _unique(items: Any) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = item.casefold()
        if item and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def iso_week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def make_entry(
    body: str,
    *,
    day: date,
    when: datetime | None = None,
    tags: list[str] | tuple[str, ...] = (),
    mood: int | None = None,
    prompt_id: str | None = None,
    prompt: str | None = None,
    checkin: dict[str, int] | None = None,
    kind: str = "entry",
    week: str | None = None,
    themes: dict[str, str] | None = None,
) -> Entry:
    """A new entry whose tags and people are also read from the body."""
    when = when or now_local()
    entry = Entry(
        id=new_id(day, when),
        date=day,
        created=when,
        updated=when,
        body=body,
        kind=kind,
        prompt_id=prompt_id,
        prompt=prompt,
        mood=mood,
        checkin=dict(checkin or {}),
        week=week,
        themes=dict(themes or {}),
    )
    return refresh_derived(entry, extra_tags=list(tags))


def refresh_derived(entry: Entry, extra_tags: list[str] | None = None) -> Entry:
    """Recompute tags and people from the body; ``extra_tags`` are the ones typed
    in a tag field (default: the entry's tags that the body does not carry)."""
    if extra_tags is None:
        extra_tags = field_tags(entry)
    entry.tags = merge_tags(list(extra_tags), extract_tags(entry.body))
    entry.people = extract_people(entry.body)
    return entry


def field_tags(entry: Entry) -> list[str]:
    """The entry's tags that do not come from a #hashtag in its body."""
    in_body = {t.casefold() for t in extract_tags(entry.body)}
    return [t for t in entry.tags if t.casefold() not in in_body]


# --------------------------------------------------------------------------- dicts


def to_dict(entry: Entry) -> dict[str, Any]:
    """The schema-ordered dict: scalars first, tables (``checkin``, extras) last."""
    d: dict[str, Any] = {
        "schema": SCHEMA,
        "id": entry.id,
        "kind": entry.kind,
        "date": entry.date,
        "created": entry.created,
        "updated": entry.updated,
    }
    if entry.prompt_id is not None:
        d["prompt_id"] = entry.prompt_id
    if entry.prompt is not None:
        d["prompt"] = entry.prompt
    if entry.mood is not None:
        d["mood"] = entry.mood
    d["tags"] = list(entry.tags)
    d["people"] = list(entry.people)
    if entry.week is not None:
        d["week"] = entry.week
    d["body"] = entry.body
    tables = {k: v for k, v in entry.extra.items() if isinstance(v, dict)}
    d.update({k: v for k, v in entry.extra.items() if k not in tables})
    if entry.checkin:
        d["checkin"] = dict(entry.checkin)
    if entry.themes:
        d["themes"] = dict(entry.themes)
    d.update(tables)
    return d


def from_dict(d: dict[str, Any], *, fallback_id: str | None = None) -> Entry:
    """Validate a dict read from a file; raise ``EntryError`` naming the bad key."""
    if not isinstance(d, dict):
        raise EntryError("an entry must be a table/object")
    schema = d.get("schema", SCHEMA)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise EntryError(f"'schema' must be a positive integer, not {schema!r}")
    entry_id = d.get("id", fallback_id)
    if not isinstance(entry_id, str) or not entry_id.strip():
        raise EntryError("'id' is missing")
    kind = d.get("kind", "entry")
    if kind not in KINDS:
        raise EntryError(f"'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
    day = _as_date(d.get("date"), "date")
    created = _as_datetime(d.get("created"), "created", day)
    updated = _as_datetime(d.get("updated"), "updated", day) if "updated" in d else created
    body = d.get("body", "")
    if not isinstance(body, str):
        raise EntryError("'body' must be a string")
    mood = d.get("mood")
    if mood is not None and (isinstance(mood, bool) or not isinstance(mood, int)
                             or not 1 <= mood <= 5):
        raise EntryError(f"'mood' must be an integer from 1 to 5, not {mood!r}")
    checkin = d.get("checkin", {})
    if not isinstance(checkin, dict):
        raise EntryError("'checkin' must be a table")
    for key, value in checkin.items():
        if isinstance(value, bool) or not isinstance(value, int) or not -2 <= value <= 2:
            raise EntryError(f"checkin '{key}' must be an integer from -2 to 2, not {value!r}")
    themes = d.get("themes", {})
    if not isinstance(themes, dict):
        raise EntryError("'themes' must be a table")
    for key, value in themes.items():
        if value not in THEME_WORDS:
            raise EntryError(f"themes '{key}' must be one of {', '.join(THEME_WORDS)}, "
                             f"not {value!r}")
    week = d.get("week")
    if week is not None and (not isinstance(week, str) or not WEEK_RE.match(week)):
        raise EntryError(f"'week' must look like 2026-W48, not {week!r}")
    return Entry(
        id=entry_id,
        date=day,
        created=created,
        updated=updated,
        body=body,
        kind=kind,
        prompt_id=_opt_str(d, "prompt_id"),
        prompt=_opt_str(d, "prompt"),
        mood=mood,
        tags=_str_list(d, "tags"),
        people=_str_list(d, "people"),
        week=week,
        checkin=dict(checkin),
        extra={k: v for k, v in d.items() if k not in KNOWN_KEYS},
        themes=dict(themes),
    )


def from_cache(d: dict[str, Any]) -> Entry:
    """Rebuild an entry that ``from_dict`` already validated (the index's copy).

    Skipping validation makes listing and exporting large journals several times
    faster; the data never comes from anywhere but ``to_dict``.
    """
    return Entry(
        id=d["id"],
        date=date.fromisoformat(d["date"]),
        created=datetime.fromisoformat(d["created"]),
        updated=datetime.fromisoformat(d["updated"]),
        body=d["body"],
        kind=d["kind"],
        prompt_id=d.get("prompt_id"),
        prompt=d.get("prompt"),
        mood=d.get("mood"),
        tags=d["tags"],
        people=d["people"],
        week=d.get("week"),
        checkin=d.get("checkin", {}),
        extra={k: v for k, v in d.items() if k not in _KNOWN},
        themes=d.get("themes", {}),
    )


_KNOWN = frozenset(KNOWN_KEYS)


def _opt_str(d: dict[str, Any], key: str) -> str | None:
    value = d.get(key)
    if value is not None and not isinstance(value, str):
        raise EntryError(f"'{key}' must be a string")
    return value


def _str_list(d: dict[str, Any], key: str) -> list[str]:
    value = d.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise EntryError(f"'{key}' must be a list of strings")
    return list(value)


def _as_date(value: Any, key: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise EntryError(f"'{key}' must be a date like 2026-11-26, not {value!r}")


def _as_datetime(value: Any, key: str, day: date) -> datetime:
    if value is None:
        return datetime(day.year, day.month, day.day).astimezone()
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise EntryError(f"'{key}' must be a date and time, not {value!r}") from None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.astimezone()
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day).astimezone()
    raise EntryError(f"'{key}' must be a date and time, not {value!r}")
