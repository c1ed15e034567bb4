"""People: the ``@Name`` mentions of the entries, and ``people.toml``.

Matching (DESIGN.md, "People")
    Two mentions name the same person when their keys (``person_key``) are equal:
    case and accents ignored, a possessive dropped (``@Marie's``, ``@Marie’s``),
    ``_``, ``-``, ``.`` and spaces alike (``@Marc_Aurèle`` is "Marc Aurèle"). An
    optional ``people.toml`` in the journal folder gives a person a display name,
    aliases (other spellings that name them) and a note; a mention matching a name
    or an alias is that person. Without a record, a person is shown by the spelling
    used most often (of equals, the one used last).

``people.toml``
    Read with ``load_people(root)``: a file that cannot be used is a one-line
    warning (path and line) and an empty directory, never an error that stops a
    command. ``save_people`` writes it atomically (0600), keeps keys it does not
    know, and refuses to replace a file it could not read or that changed on disk
    since it was read (another machine's sync, an editor).

Statistics
    ``people_stats(entries, book, directory)`` gives each person the entries that
    mention them (review notes excluded), first and last day, mean mood, and the
    themes that come up with them (``themes.series`` over those entries, so a
    theme's mentions and balance mean here what they mean in ``themes``).
    ``mentions_by_week`` gives a sparkline's values; ``people_json`` the contract's
    JSON. Pure, but for ``load_people``/``save_people``; names stay data (callers
    print them through ``core.printable``).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w

from journal_tui.core.codec import jsonable
from journal_tui.core.i18n import Catalog
from journal_tui.core.model import Entry, iso_week, to_dict
from journal_tui.core.text import fold
from journal_tui.core.themes import months_between, series, summary
from journal_tui.core.toml_errors import FileError, toml_error

FILE_NAME = "people.toml"
_KNOWN_KEYS = ("name", "aliases", "note")
_POSSESSIVE = re.compile(r"'s$")
_SEPARATORS = re.compile(r"[\s_.\-]+")

HEADER = """\
# The people you mention with @Name in your journal (journal-tui).
# name: how they are shown; aliases: other spellings that name them; note: yours.
# Names match whatever their case and accents, and @Name's is Name.
"""


def person_key(name: str) -> str:
    """What two spellings of one person share: ``person_key("Marie’s") == "marie"``."""
    key = fold(name.strip()).replace("’", "'")
    key = _POSSESSIVE.sub("", key).strip("'-_. ")
    return _SEPARATORS.sub(" ", key).strip()


# --------------------------------------------------------------------- people.toml


PEOPLE_MSG = Catalog({
    "cannot_read": ("cannot read: {error}", "lecture impossible : {error}"),
    "utf8": ("not valid UTF-8", "pas de l’UTF-8 valide"),
    "toml": ("invalid TOML: {detail}", "TOML invalide : {detail}"),
    "array": ("'people' must be an array of tables [[people]]",
              "« people » doit être une liste de tables [[people]]"),
    "name": ("each [[people]] needs a name, as a string",
             "chaque [[people]] a besoin d’un nom (name), entre guillemets"),
    "aliases": ("aliases of {name} must be a list of strings",
                "les alias de {name} doivent être une liste de textes"),
    "note": ("the note of {name} must be a string", "la note de {name} doit être du texte"),
    "changed": ("changed on disk since it was read; reload it first",
                "modifié sur le disque depuis sa lecture ; rechargez-le d’abord"),
})


class PeopleFileError(FileError):
    """A ``people.toml`` that cannot be used: ``path:line: message``, said in the
    person's language (``text``)."""

    catalog = PEOPLE_MSG


@dataclass(frozen=True, slots=True)
class Person:
    """One ``[[people]]`` record; ``extra`` keeps the keys this version does not know."""

    name: str
    aliases: tuple[str, ...] = ()
    note: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Directory:
    """The records of ``people.toml`` (empty without one), looked up by key.

    ``digest`` identifies the bytes it was read from (None: no file), so a save can
    tell that the file changed since. ``extra`` keeps unknown top-level keys.
    """

    people: tuple[Person, ...] = ()
    digest: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_key: dict[str, Person] = {}
        for person in self.people:  # an alias two records claim names the first
            for spelling in person.spellings():
                by_key.setdefault(person_key(spelling), person)
        object.__setattr__(self, "_by_key", by_key)

    def find(self, name: str) -> Person | None:
        """The record whose name or alias matches ``name``."""
        return self._by_key.get(person_key(name))  # type: ignore[attr-defined, no-any-return]

    def key_of(self, name: str) -> str:
        """The key a mention counts under: its record's name's, or its own."""
        person = self.find(name)
        return person_key(person.name if person else name)

    def with_person(self, person: Person, replacing: str | None = None) -> Directory:
        """A copy with ``person`` added, or put in place of the record named
        ``replacing`` (for the People screen's edits; the keys this version does not
        know stay with the record)."""
        old = self.find(replacing) if replacing is not None else None
        if old is not None:
            person = replace(person, extra={**old.extra, **person.extra})
        people = [person if p is old else p for p in self.people]
        if old is None:
            people.append(person)
        return Directory(tuple(people), self.digest, self.extra)


def load_people(root: Path) -> tuple[Directory, list[PeopleFileError]]:
    """``root/people.toml``, or an empty directory and the one-line reason it is unusable."""
    path = root / FILE_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Directory(), []
    except OSError as exc:
        return Directory(), [PeopleFileError("cannot_read", path, error=exc.strerror or exc)]
    try:
        return parse_people(raw, path), []
    except PeopleFileError as exc:
        return Directory(), [exc]


def parse_people(raw: bytes, path: Path) -> Directory:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PeopleFileError("utf8", path, raw[: exc.start].count(b"\n") + 1) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = toml_error(exc, text)
        raise PeopleFileError("toml", path, line, detail=message) from None
    items = data.get("people", [])
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise PeopleFileError("array", path,
                              _line(text, r"^\s*\[?\[?\s*people\b"))
    people = []
    for index, item in enumerate(items):
        problem, key = _check(item)
        if problem:
            raise PeopleFileError(problem, path, _item_line(text, index, key),
                                  name=repr(str(item.get("name", "")).strip()))
        people.append(Person(
            name=item["name"].strip(),
            aliases=tuple(a.strip() for a in item.get("aliases", []) if a.strip()),
            note=item.get("note") or None,
            extra={k: v for k, v in item.items() if k not in _KNOWN_KEYS},
        ))
    extra = {k: v for k, v in data.items() if k != "people"}
    return Directory(tuple(people), _digest(raw), extra)


def _check(item: dict[str, Any]) -> tuple[str | None, str]:
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        return "name", "name"
    aliases = item.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        return "aliases", "aliases"
    note = item.get("note")
    if note is not None and not isinstance(note, str):
        return "note", "note"
    return None, ""


def _line(text: str, pattern: str, start: int = 0, stop: int | None = None) -> int | None:
    regex = re.compile(pattern)
    lines = text.splitlines()
    for number in range(start, len(lines) if stop is None else min(stop, len(lines))):
        if regex.search(lines[number]):
            return number + 1
    return None


def _item_line(text: str, index: int, key: str) -> int | None:
    """The line of ``key`` in the ``index``-th ``[[people]]`` table (else its header)."""
    headers = [n for n, line in enumerate(text.splitlines())
               if re.match(r"^\s*\[\[\s*people\s*\]\]", line)]
    if index >= len(headers):
        return None
    stop = headers[index + 1] if index + 1 < len(headers) else None
    return (_line(text, rf"^\s*[\"']?{key}[\"']?\s*=", headers[index], stop)
            or headers[index] + 1)


def people_toml(directory: Directory) -> str:
    """The file's text: a short header, then one ``[[people]]`` table per person."""
    records = []
    for p in directory.people:
        record: dict[str, Any] = {"name": p.name}
        if p.aliases:
            record["aliases"] = list(p.aliases)
        if p.note:
            record["note"] = p.note
        records.append(record | dict(p.extra))
    body = tomli_w.dumps({**dict(directory.extra), "people": records})
    return HEADER + "\n" + body


class PeopleFileChanged(PeopleFileError):
    """``people.toml`` changed on disk since it was read: reload before saving."""


def save_people(root: Path, directory: Directory) -> Path:
    """Write ``directory`` to ``root/people.toml`` atomically.

    Refuses (``PeopleFileError``) to replace a file that cannot be read, and
    (``PeopleFileChanged``) one whose bytes are not those ``directory`` was read
    from; may raise ``atomic.WriteError``.
    """
    from journal_tui.core.atomic import atomic_write

    path = root / FILE_NAME
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        current = None
    if current is not None:
        parse_people(current, path)  # raises if unreadable: it is never replaced
    if (_digest(current) if current is not None else None) != directory.digest:
        raise PeopleFileChanged("changed", path)
    atomic_write(path, people_toml(directory).encode("utf-8"))
    return path


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


# ---------------------------------------------------------------------- statistics


@dataclass(frozen=True, slots=True)
class ThemeWith:
    """A theme in the entries that mention someone: how many, and toward which pole."""

    mentions: int
    balance: float | None  # −1 low pole … +1 high pole; None for plain themes


@dataclass(frozen=True, slots=True)
class PersonStats:
    name: str  # display name: the record's, else the most used spelling
    key: str
    person: Person | None  # their people.toml record, if any
    entries: tuple[Entry, ...]  # newest first; review notes excluded
    mood: float | None
    themes: dict[str, ThemeWith]  # the themes that come up, most mentioned first

    @property
    def mentions(self) -> int:
        return len(self.entries)

    @property
    def first(self) -> date | None:
        return self.entries[-1].date if self.entries else None

    @property
    def last(self) -> date | None:
        return self.entries[0].date if self.entries else None


def people_stats(entries: Iterable[Entry], book: Any, directory: Directory | None = None
                 ) -> list[PersonStats]:
    """Everyone mentioned in ``entries``, most mentioned first, then by name.

    ``book`` (the PromptBook) gives the themes; None leaves them out (faster).
    """
    directory = directory or Directory()
    groups, spellings = _group(entries, directory)
    stats = [_stats(key, found, book, directory, spellings[key])
             for key, found in groups.items()]
    return sorted(stats, key=lambda s: (-s.mentions, fold(s.name), s.name))


def person_stats(entries: Iterable[Entry], book: Any, directory: Directory | None, name: str
                 ) -> PersonStats | None:
    """The person named ``name`` (a name, an alias or a spelling used in a mention) in
    ``entries``; with no mention there but a record in ``people.toml``, that record
    with no entries; None if neither knows the name."""
    directory = directory or Directory()
    key = directory.key_of(name)
    if not key:
        return None
    groups, spellings = _group(entries, directory, only=key)
    if key in groups:
        return _stats(key, groups[key], book, directory, spellings[key])
    person = directory.find(name)
    if person is None:
        return None
    return PersonStats(person.name, key, person, (), None, {})


def _group(entries: Iterable[Entry], directory: Directory, only: str | None = None
           ) -> tuple[dict[str, list[Entry]], dict[str, Counter[str]]]:
    """Key → the entries mentioning that person, and the spellings used for them."""
    groups: dict[str, list[Entry]] = {}
    spellings: dict[str, Counter[str]] = {}
    for entry in entries:
        if entry.kind != "entry" or not entry.people:
            continue
        keys: dict[str, None] = {}
        for name in entry.people:
            key = directory.key_of(name)
            if key and (only is None or key == only):
                keys[key] = None
                spellings.setdefault(key, Counter())[name] += 1
        for key in keys:
            groups.setdefault(key, []).append(entry)
    return groups, spellings


def _stats(key: str, found: list[Entry], book: Any, directory: Directory,
           spelled: Counter[str]) -> PersonStats:
    person = next((p for p in directory.people if person_key(p.name) == key), None)
    newest = tuple(sorted(found, key=lambda e: (e.date, e.created, e.id), reverse=True))
    if person is not None:
        name = person.name
    else:  # the spelling used most, the latest used of equals (people correct themselves)
        top = max(spelled.values())
        tied = {n for n, c in spelled.items() if c == top}
        name = next(n for e in newest for n in e.people if n in tied)
    moods = [e.mood for e in found if e.mood is not None]
    return PersonStats(name, key, person, newest,
                       sum(moods) / len(moods) if moods else None,
                       _themes(newest, book) if book is not None else {})


def _themes(entries: Sequence[Entry], book: Any) -> dict[str, ThemeWith]:
    """The themes these entries touch, through ``themes.series``/``summary`` (so the
    user's word, check-ins and text count as they do everywhere)."""
    if not entries:
        return {}
    s = series(entries, book, months_between(entries[-1].date, entries[0].date))
    found = {}
    for tid in s.themes:
        total = summary(s, tid)
        if total.mentions:
            found[tid] = ThemeWith(total.mentions, total.balance)
    return dict(sorted(found.items(), key=lambda kv: -kv[1].mentions))


def mentions_by_week(stats: PersonStats, weeks: Sequence[str]) -> list[int]:
    """Entries mentioning the person in each of ``weeks`` (a sparkline's values)."""
    counts = Counter(iso_week(e.date) for e in stats.entries)
    return [counts.get(w, 0) for w in weeks]


def suggest(prefix: str, names: Iterable[str], directory: Directory | None = None,
            limit: int = 8) -> list[str]:
    """Display names whose name or alias starts like ``prefix`` (case and accents
    ignored), in the order of ``names`` (e.g. most mentioned first): for completing
    an ``@`` in the editor."""
    directory = directory or Directory()
    want = person_key(prefix)
    out: list[str] = []
    candidates = [*names, *(p.name for p in directory.people)]
    for name in candidates:
        person = directory.find(name)
        spellings = person.spellings() if person else (name,)
        shown = person.name if person else name
        if shown not in out and any(person_key(s).startswith(want) for s in spellings):
            out.append(shown)
        if len(out) >= limit:
            break
    return out


# ---------------------------------------------------------------------------- JSON


def person_json(stats: PersonStats, *, with_entries: bool = False) -> dict[str, Any]:
    """One person of the contract's JSON (``aliases`` and ``note`` added)."""

    def r(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    data: dict[str, Any] = {
        "name": stats.name,
        "mentions": stats.mentions,
        "first": stats.first,
        "last": stats.last,
        "mood": r(stats.mood),
        "themes": {tid: {"mentions": t.mentions, "balance": r(t.balance)}
                   for tid, t in stats.themes.items()},
        "aliases": list(stats.person.aliases) if stats.person else [],
        "note": stats.person.note if stats.person else None,
    }
    if with_entries:
        data["entries"] = [to_dict(e) for e in stats.entries]
    return jsonable(data)  # type: ignore[no-any-return]


def people_json(stats: Iterable[PersonStats], *, with_entries: bool = False) -> dict[str, Any]:
    """``{"people": [...]}`` in the order given (``people_stats`` sorts them)."""
    return {"people": [person_json(s, with_entries=with_entries) for s in stats]}
