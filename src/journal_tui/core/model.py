"""The journal entry (schema 1) and its conversion to and from plain dicts.

The dict form is what both file formats hold; the TOML and JSON codecs only
differ in how they spell dates (see ``storage.codec``).
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, cast

from journal_tui.core.entry_text import PROBLEMS
from journal_tui.core.i18n import Told
from journal_tui.core.stamp import FileStamp, Origin
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
    "intention",
    "intention_outcome",
    "intention_learned",
    "checkin",
    "themes",
)
# What became of a review note's intention, told at the next week's review.
OUTCOMES = ("done", "partly", "not")
# The person's word on a theme (the ``[themes]`` table): a pole of a polar theme,
# "yes" for a plain theme, "none" to say the entry is not about it.
THEME_WORDS = ("low", "high", "yes", "none")

# The id is also the file name: nothing else may ever become a path (see ``check_id``).
ID_RE = re.compile(r"^(\d{8})-(\d{6})-([0-9a-z]{4,16})$")
ID_FORM = "YYYYMMDD-HHMMSS-xxxx (4 to 16 of 0-9 a-z)"
# Years the journal can hold: four digits make the YYYY folders and ids, and a day's
# margin keeps every conversion between time zones (UTC-12 to UTC+14) in range.
FIRST_YEAR, LAST_YEAR = 1000, 9999
_FIRST_INSTANT = datetime(FIRST_YEAR, 1, 2, tzinfo=UTC)
_LAST_INSTANT = datetime(LAST_YEAR, 12, 30, tzinfo=UTC)
MAX_DEPTH = 16  # nested tables in keys the program does not know (imports, newer versions)
WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")

# A #tag starts after whitespace or an opening bracket, so "C#" or a URL
# fragment is not a tag; it may hold letters (any script), digits, - and _.
TAG_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{>]))#([^\W\d_][\w-]*)", re.UNICODE)
# @Name, optionally @First_Last; an e-mail address is not a mention.
PERSON_RE = re.compile(r"(?:(?<=^)|(?<=[\s(\[{>]))@([^\W\d_][\w'’-]*)", re.UNICODE)


class EntryError(Told, ValueError):
    """An entry dict (or file) that does not follow schema 1: raised with a key of
    ``entry_text.PROBLEMS`` (or plain text) and said in the person's language."""

    catalog = PROBLEMS


@dataclass(slots=True)
class Entry:
    """One entry file (FORMAT.md): its fields in the order they are written."""

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
    # Review notes only (DESIGN.md, "Intentions"): the one thing to do differently
    # in the week after ``week``, and, told at that week's review, how it went.
    intention: str | None = None
    intention_outcome: str | None = None  # one of OUTCOMES
    intention_learned: str | None = None
    themes: dict[str, str] = field(default_factory=dict)
    """The person's word per theme (the ``[themes]`` table): one of THEME_WORDS."""
    source: FileStamp | Origin | None = field(default=None, compare=False, repr=False)
    """Where the entry was read from, so a save never overwrites another writer's change:
    the file's stamp (``Journal.get``), ``Origin.INDEX`` (``Journal.query``), or
    None for a new entry (its save never replaces a file)."""

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
    check_day(day)
    return f"{day:%Y%m%d}-{when:%H%M%S}-{os.urandom(2).hex()}"


def derived_id(day: date, when: datetime, digest: str) -> str:
    """An id derived from a source (imports), so importing twice finds the same id."""
    check_day(day)
    return f"{day:%Y%m%d}-{when:%H%M%S}-{digest[:8].lower()}"


def check_id(entry_id: object) -> str:
    """``entry_id`` if it is a valid id, else ``EntryError``: an id becomes a file name,
    so ``../x``, ``/abs``, a NUL or anything else off the form never reaches a path."""
    if not isinstance(entry_id, str) or not ID_RE.match(entry_id):
        raise EntryError("id.form", form=ID_FORM, value=_short(entry_id))
    return entry_id


def check_day(day: date) -> date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise EntryError("date.range", day=day.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)
    return day


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


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


_TAG_TOKEN = re.compile(r'"((?:[^"\\]|\\.)*)"|([^\s,"]+)')


def format_tag_field(tags: list[str]) -> str:
    """Tags as typed in a tag field: ``a, b``; one holding a comma, a space or a quote
    is quoted (``"a, b"``), so ``parse_tag_field`` gives it back whole."""
    return ", ".join(
        '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if re.search(r'[\s,"\\]', t) else t for t in tags)


def parse_tag_field(text: str) -> list[str]:
    """The tags of a tag field: separated by commas or spaces, ``#`` optional, a quoted
    tag kept whole (``"a, b"``); case-insensitively unique, first spelling kept."""
    tags = []
    for m in _TAG_TOKEN.finditer(text):
        tag = re.sub(r"\\(.)", r"\1", m.group(1)) if m.group(1) is not None else m.group(2)
        tags.append(tag)
    return merge_tags(tags)


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
    # After the body, where keys a file carried before they were known also sat, so
    # an index built before them gives the same JSON (and export) bytes.
    for key in ("intention", "intention_outcome", "intention_learned"):
        value = getattr(entry, key)
        if value is not None:
            d[key] = value
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
        raise EntryError("not_table")
    schema = d.get("schema", SCHEMA)
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise EntryError("schema", value=_short(schema))
    entry_id = d.get("id", fallback_id)
    if entry_id is None:
        raise EntryError("id.missing")
    check_id(entry_id)
    kind = d.get("kind", "entry")
    if kind not in KINDS:
        raise EntryError("kind", allowed=", ".join(KINDS), value=_short(kind))
    day = _as_date(d.get("date"), "date")
    created = _as_datetime(d.get("created"), "created", day)
    updated = _as_datetime(d.get("updated"), "updated", day) if "updated" in d else created
    body = d.get("body", "")
    if not isinstance(body, str):
        raise EntryError("string", key="body")
    _check_text(body, "body")
    mood = d.get("mood")
    if mood is not None and (isinstance(mood, bool) or not isinstance(mood, int)
                             or not 1 <= mood <= 5):
        raise EntryError("mood", value=_short(mood))
    checkin = d.get("checkin", {})
    if not isinstance(checkin, dict):
        raise EntryError("table", key="checkin")
    for key, value in checkin.items():
        if isinstance(value, bool) or not isinstance(value, int) or not -2 <= value <= 2:
            raise EntryError("checkin", key=key, value=_short(value))
    themes = d.get("themes", {})
    if not isinstance(themes, dict):
        raise EntryError("table", key="themes")
    for key, value in themes.items():
        if value not in THEME_WORDS:
            raise EntryError("theme_word", key=key, allowed=", ".join(THEME_WORDS),
                             value=_short(value))
    week = d.get("week")
    if week is not None and (not isinstance(week, str) or not WEEK_RE.match(week)):
        raise EntryError("week", value=_short(week))
    outcome = _opt_str(d, "intention_outcome")
    if outcome is not None and outcome not in OUTCOMES:
        raise EntryError("outcome", allowed=", ".join(OUTCOMES), value=_short(outcome))
    extra = {k: v for k, v in d.items() if k not in _KNOWN}
    _check_extra(extra, 1)
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
        extra=extra,
        intention=_opt_str(d, "intention"),
        intention_outcome=outcome,
        intention_learned=_opt_str(d, "intention_learned"),
        themes=dict(themes),
    )


def _check_text(value: str, key: str) -> None:
    """A string the files can hold: no lone surrogate (a JSON file may spell one as
    ``\\ud800``; it cannot be written back as UTF-8)."""
    if value.isascii():  # a flag of the string: no character to look at
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise EntryError("unicode", key=key) from None


def _check_extra(value: Any, depth: int, key: str = "") -> None:
    """Keys the model does not know are kept as they are, within reason: nested at most
    ``MAX_DEPTH`` deep (a deeper table would overflow the writers) and valid text."""
    if depth > MAX_DEPTH:
        raise EntryError("nested", key=key, depth=MAX_DEPTH)
    if isinstance(value, dict):
        for k, v in value.items():
            _check_text(k, k)
            _check_extra(v, depth + 1, k)
    elif isinstance(value, list):
        for v in value:
            _check_extra(v, depth + 1, key)
    elif isinstance(value, str):
        _check_text(value, key)


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
        intention=d.get("intention"),
        intention_outcome=d.get("intention_outcome"),
        intention_learned=d.get("intention_learned"),
        themes=d.get("themes", {}),
        source=Origin.INDEX,
    )


_KNOWN = frozenset(KNOWN_KEYS)


def _opt_str(d: dict[str, Any], key: str) -> str | None:
    value = d.get(key)
    if value is not None:
        if not isinstance(value, str):
            raise EntryError("string", key=key)
        _check_text(value, key)
    return value


def _str_list(d: dict[str, Any], key: str) -> list[str]:
    value = d.get(key, [])
    if not isinstance(value, list):
        raise EntryError("strings", key=key)
    for v in value:
        if not isinstance(v, str):
            raise EntryError("strings", key=key)
    for v in value:
        _check_text(v, key)
    return list(value)


def _as_date(value: Any, key: str) -> date:
    day: date | None = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str):
        with contextlib.suppress(ValueError):
            day = date.fromisoformat(value)
    if day is None:
        raise EntryError("date", key=key, value=_short(value))
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise EntryError("out_of_range", key=key, value=day.isoformat(), first=FIRST_YEAR,
                         last=LAST_YEAR)
    return day


def _as_datetime(value: Any, key: str, day: date) -> datetime:
    """A time with its UTC offset (a naive one is read as local time), kept to instants
    that every time zone can show (``OverflowError`` otherwise, in sorting or display)."""
    if value is None:
        value = datetime(day.year, day.month, day.day)
    elif isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise EntryError("datetime", key=key, value=_short(value)) from None
    elif isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    if not isinstance(value, datetime):
        raise EntryError("datetime", key=key, value=_short(value))
    try:
        if value.tzinfo is None:
            value = value.astimezone()
        # An offset is under a day: a time of any year but the first and the last is an
        # instant in range, with no comparison of two zones' times (~1 µs each).
        in_range = (FIRST_YEAR < value.year < LAST_YEAR
                    or _FIRST_INSTANT <= value <= _LAST_INSTANT)
    except (OverflowError, ValueError):
        in_range = False
    if not in_range:
        raise EntryError("out_of_range", key=key, value=value.isoformat(), first=FIRST_YEAR,
                         last=LAST_YEAR)
    return cast(datetime, value)
