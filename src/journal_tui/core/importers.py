"""Importers: a file's text in, entries out. Nothing is written here.

Every entry is built and validated before the caller writes any, so a malformed
file adds nothing. Ids derive from the source, so importing twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from journal_tui.core.model import Entry, EntryError, derived_id, from_dict, merge_tags


class ImportFormatError(ValueError):
    """The file is not what ``--from`` says; the message names the entry."""


def parse_jrnl(text: str) -> list[Entry]:
    """jrnl's ``--export json``: ``{"tags": {...}, "entries": [{title, body, date, time,
    tags, starred}]}``. The body becomes title + newline + body; ``@tag``/``#tag``
    become tags without their symbol (not people); date and time are local time.
    """
    data = _load_json(text)
    items = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ImportFormatError("not a jrnl JSON export: no \"entries\" list")
    return [_jrnl_entry(item, n) for n, item in enumerate(items, 1)]


def _jrnl_entry(item: Any, n: int) -> Entry:
    if not isinstance(item, dict):
        raise ImportFormatError(f"entry {n}: not an object")
    try:
        day = date.fromisoformat(str(item["date"]))
        clock = time.fromisoformat(str(item.get("time") or "00:00"))
    except KeyError:
        raise ImportFormatError(f"entry {n}: no \"date\"") from None
    except ValueError as exc:
        raise ImportFormatError(f"entry {n}: bad date or time ({exc})") from None
    title = item.get("title", "")
    body = item.get("body", "")
    tags = item.get("tags", [])
    if not isinstance(title, str) or not isinstance(body, str):
        raise ImportFormatError(f"entry {n}: title and body must be strings")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ImportFormatError(f"entry {n}: tags must be a list of strings")
    when = datetime.combine(day, clock.replace(microsecond=0)).astimezone()
    text = f"{title}\n{body}" if body else title
    digest = hashlib.sha256(
        "\0".join(("jrnl", item["date"], str(item.get("time")), title, body)).encode()
    ).hexdigest()
    extra = {k: v for k, v in item.items()
             if k not in ("title", "body", "date", "time", "tags") and v is not None
             and isinstance(v, str | int | float | bool | list | dict)}
    return Entry(
        id=derived_id(day, when, digest),
        date=day,
        created=when,
        updated=when,
        body=text,
        tags=merge_tags([t.lstrip("@#") for t in tags]),
        extra=extra,
    )


def parse_own_json(text: str) -> list[Entry]:
    """Our ``export --format json`` (``{"schema": 1, "entries": [...]}``) or the
    array printed by ``list --format json``; ids are kept as they are."""
    data = _load_json(text)
    items = data.get("entries") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ImportFormatError("not a journal-tui JSON export: no \"entries\" list")
    entries = []
    for n, item in enumerate(items, 1):
        try:
            entries.append(from_dict(item))
        except EntryError as exc:
            raise ImportFormatError(f"entry {n}: {exc}") from None
    return entries


def _load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None


IMPORTERS: dict[str, Callable[[str], list[Entry]]] = {
    "jrnl": parse_jrnl,
    "json": parse_own_json,
}


def guess_source(text: str) -> str:
    """``json`` for our own export (it carries ``schema``), else ``jrnl``."""
    head = text[:2000]
    return "json" if '"schema"' in head or head.lstrip().startswith("[") else "jrnl"
