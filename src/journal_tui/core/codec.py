"""Entry files as bytes: TOML (the default) and JSON, both always readable.

Decoding errors carry the line the parser points at, so a hand-edited file can
be reported as ``path:line: message`` and left alone.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli_w

from journal_tui.core import toml_fast
from journal_tui.core.entry_text import PROBLEMS
from journal_tui.core.i18n import Sayable
from journal_tui.core.model import SCHEMA, Entry, EntryError, from_dict, to_dict
from journal_tui.core.toml_errors import located, toml_error

FORMATS = ("toml", "json")


@dataclass(frozen=True, slots=True)
class Problem(Sayable):
    """A file that could not be read; never rewritten by the app.

    ``message`` is English; with a ``key`` of ``entry_text.PROBLEMS`` (and its
    ``values``) the problem is said in the person's language too (``said``), and
    the index keeps it in that form (``stored``)."""

    path: Path
    message: str
    line: int | None = None
    key: str | None = field(default=None, compare=False)
    values: Mapping[str, object] = field(default_factory=dict, compare=False)

    @classmethod
    def told(cls, path: Path, key: str, line: int | None = None, /,
             **values: object) -> Problem:
        return cls(path, PROBLEMS(key, "en", **values), line, key, values)

    def text(self, lang: str) -> str:
        """What is wrong, in ``lang``."""
        return PROBLEMS(self.key, lang, **self.values) if self.key else self.message

    def said(self, lang: str) -> str:
        """``path:line: what is wrong`` in ``lang`` (the form editors jump to)."""
        return f"{located(self.path, self.line)}: {self.text(lang)}"

    def __str__(self) -> str:
        return self.said("en")

    @property
    def stored(self) -> str:
        """The problem as the index keeps it: its key and values when it has them."""
        if self.key is None:
            return self.message
        return STORED + json.dumps([self.key, self.values], ensure_ascii=False)

    @classmethod
    def from_stored(cls, path: Path, stored: str, line: int | None) -> Problem:
        if stored.startswith(STORED):  # else an English text (an index of version 9)
            with contextlib.suppress(ValueError, TypeError, KeyError, IndexError):
                key, values = json.loads(stored[len(STORED):])
                if isinstance(values, dict) and PROBLEMS.fields(key) <= values.keys():
                    return cls.told(path, key, line, **values)
            stored = stored[len(STORED):]  # a key this version does not know: as text
        return cls(path, stored, line)


STORED = "\x1e"
"""Starts a problem the index stores as ``[key, values]`` JSON (an English text never does)."""


class UnreadableEntry(EntryError):
    """An entry file that cannot be parsed or does not follow the schema."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))

    def text(self, lang: str) -> str:
        return self.problem.said(lang)


def format_of(path: Path) -> str:
    return "json" if path.suffix == ".json" else "toml"


# ------------------------------------------------------------------------- encode


def encode(entry: Entry, fmt: str = "toml") -> bytes:
    """The file's bytes; ``EntryError`` for text no file can hold (a lone surrogate) or
    a value the format cannot (see ``encode_toml``)."""
    data = to_dict(entry)
    try:
        if fmt == "json":
            return (json.dumps(jsonable(data), ensure_ascii=False, indent=2) + "\n").encode()
        return encode_toml(data)
    except UnicodeEncodeError:
        raise EntryError("surrogate") from None
    except RecursionError:
        raise EntryError("deep_write") from None


def encode_toml(data: dict[str, Any]) -> bytes:
    """TOML laid out like docs/FORMAT.md's example: inline arrays, ``T`` datetimes,
    the body as a readable multi-line string.

    The result is parsed back and compared; should the multi-line body alter a
    value in any way, the always-exact escaped single-line form is used instead.
    A value TOML cannot hold (a JSON ``null`` in a key an import carried) is an
    ``EntryError``, before anything is written.
    """
    try:
        text = _toml_document(data, multiline=True)
        if toml_fast.loads(text) == data:
            return text.encode()
    except toml_fast.decode_error():
        pass
    except (TypeError, ValueError) as exc:
        raise EntryError("not_toml", detail=str(exc)) from None
    return _toml_document(data, multiline=False).encode()


def _toml_document(data: dict[str, Any], *, multiline: bool) -> str:
    lines: list[str] = []
    tables: dict[str, dict[str, Any]] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            tables[key] = value
        elif key == "body" and multiline and "\n" in value:
            lines.append(f"{_key(key)} = {_multiline(value)}")
        else:
            lines.append(f"{_key(key)} = {_value(value)}")
    out = "\n".join(lines) + "\n"
    for key, table in tables.items():
        if not table:
            out += f"\n[{_key(key)}]\n"
        elif all(not isinstance(v, dict) for v in table.values()):
            body = "".join(f"{_key(k)} = {_value(v)}\n" for k, v in table.items())
            out += f"\n[{_key(key)}]\n{body}"
        else:  # nested tables from a newer version or an import: tomli-w lays them out
            out += "\n" + tomli_w.dumps({key: table})
    return out


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n",
            "\f": "\\f", "\r": "\\r"}


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(value: str) -> str:
    return '"' + _NEEDS_ESCAPE.sub(_escape, value) + '"'


def _multiline(value: str) -> str:
    """A multi-line basic string keeping newlines and tabs literal.

    Backslashes and control characters are escaped (a CR shows as ``\\r``); a
    quote is escaped only where it could help close the string.
    """
    return '"""\n' + _NEEDS_ESCAPE_MULTI.sub(_escape, value) + '"""'


_NEEDS_ESCAPE = re.compile(r'[\\"\x00-\x1f\x7f]')
_NEEDS_ESCAPE_MULTI = re.compile(r'[\\\x00-\x08\x0b-\x1f\x7f]|"(?="|\Z)')


def _escape(m: re.Match[str]) -> str:
    c = m.group(0)
    return _ESCAPES.get(c) or f"\\u{ord(c):04x}"


def _value(value: Any) -> str:
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if type(value) is int:  # mood, check-ins: what tomli_w writes, without its cost
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "[" + ", ".join(_string(v) for v in value) + "]"
    return tomli_w.dumps({"v": value})[4:].strip()  # numbers, booleans and rarities


def jsonable(data: Any) -> Any:
    """Dates and times as ISO strings, the JSON spelling of the TOML values."""
    if isinstance(data, dict):
        return {k: jsonable(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [jsonable(v) for v in data]
    if isinstance(data, datetime | date):
        return data.isoformat()
    return data


# ------------------------------------------------------------------------- decode


def decode(raw: bytes, path: Path) -> Entry:
    """Parse an entry file; raise ``UnreadableEntry`` with path and line."""
    return decode_in(raw, path.parent, path.name)


def decode_in(raw: bytes, folder: Path, name: str) -> Entry:
    """``decode(raw, folder / name)``, the path made only should a problem name it: a
    ``Path`` per file costs a twentieth of what a first index build spends on one."""
    try:
        data, text = _decode_dict(raw, name.endswith(".json"))
        return _from_dict_named(data, name.rpartition(".")[0], text)
    except _Unreadable as exc:
        raise UnreadableEntry(exc.problem(folder / name)) from None


def decode_dict(raw: bytes, path: Path) -> tuple[dict[str, Any], str]:
    """The file's table and its text (kept to find the line of a schema error)."""
    try:
        return _decode_dict(raw, format_of(path) == "json")
    except _Unreadable as exc:
        raise UnreadableEntry(exc.problem(path)) from None


def from_dict_at(data: dict[str, Any], path: Path, text: str | None = None) -> Entry:
    """The entry in ``data``, read from ``path``: its id must be the file's name, so
    the file a save writes is always the file that was read (``text``: the file's, to
    point at the line of a problem)."""
    try:
        return _from_dict_named(data, path.stem, text)
    except _Unreadable as exc:
        raise UnreadableEntry(exc.problem(path)) from None


class _Unreadable(Exception):
    """What makes a file unreadable, before its path is made (``UnreadableEntry``):
    a key of ``PROBLEMS`` and its values, or an ``EntryError``'s."""

    def __init__(self, key: str | None, line: int | None, values: Mapping[str, object],
                 plain: str = "") -> None:
        super().__init__(key)
        self.key, self.line, self.values, self.plain = key, line, values, plain

    def problem(self, path: Path) -> Problem:
        if self.key is None:
            return Problem(path, self.plain, self.line)
        return Problem.told(path, self.key, self.line, **self.values)


def _decode_dict(raw: bytes, is_json: bool) -> tuple[dict[str, Any], str]:
    line: int | None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _Unreadable("utf8", line, {}) from None
    try:
        if is_json:
            try:
                data = json.loads(text)
            except json.JSONDecodeError as exc:
                raise _Unreadable("json", exc.lineno, {"detail": exc.msg}) from None
        else:
            try:
                data = toml_fast.loads(text)
            except toml_fast.decode_error() as exc:
                msg, line = toml_error(exc, text)
                raise _Unreadable("toml", line, {"detail": msg}) from None
    except RecursionError:
        raise _Unreadable("deep_read", None, {}) from None
    if not isinstance(data, dict):
        raise _Unreadable("not_table", 1, {})
    return data, text


def _from_dict_named(data: dict[str, Any], stem: str, text: str | None) -> Entry:
    try:
        entry = from_dict(data, fallback_id=stem)
    except EntryError as exc:
        raise _Unreadable(exc.key, _line_of_key(str(exc), text), exc.values,
                          exc.plain) from None
    if entry.id != stem:
        raise _Unreadable("id.name", _line_of_key("'id'", text), {"value": repr(entry.id)})
    return entry


def schema_of(data: dict[str, Any]) -> int:
    """The schema a file says it follows (1 when it does not say)."""
    schema = data.get("schema", SCHEMA)
    return schema if isinstance(schema, int) else SCHEMA


def newer_schema(data: dict[str, Any]) -> int | None:
    """The file's schema when it is newer than this program's: such a file is read
    but never rewritten (its new keys may mean something we would break)."""
    schema = schema_of(data)
    return schema if schema > SCHEMA else None


def _line_of_key(message: str, text: str | None) -> int | None:
    """Best effort: the line of the key a schema error names."""
    m = re.search(r"'([A-Za-z_]\w*)'", message)
    if not m or text is None:
        return None
    key = re.compile(rf'^\s*"?{re.escape(m.group(1))}"?\s*[=:]')
    for n, line in enumerate(text.splitlines(), 1):
        if key.match(line):
            return n
    return None
