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

from journal_tui.core.i18n import Catalog, Told
from journal_tui.core.model import (
    Entry,
    EntryError,
    derived_id,
    from_dict,
    merge_tags,
    to_dict,
)

IMPORT_MSG = Catalog({
    "no_entries.jrnl": ('not a jrnl JSON export: no "entries" list',
                        "pas un export JSON de jrnl : pas de liste « entries »"),
    "no_entries.own": ('not a journal-tui JSON export: no "entries" list',
                       "pas un export JSON de journal-tui : pas de liste « entries »"),
    "refused": ("{n} of {total} entries refused, nothing imported; entry {first}: {error}",
                "{n} entrées sur {total} refusées, rien d’importé ; entrée {first} : {error}"),
    "refused.one": ("{n} of {total} entries refused, nothing imported; entry {first}: {error}",
                    "{n} entrée sur {total} refusée, rien d’importé ; entrée {first} : {error}"),
    "json": ("invalid JSON at line {line}: {detail}", "JSON invalide à la ligne {line} : {detail}"),
    "json.deep": ("invalid JSON: nested too deeply", "JSON invalide : imbriqué trop profondément"),
    # one jrnl entry
    "not_object": ("not an object", "pas un objet"),
    "no_date": ('no "date"', "pas de « date »"),
    "date_text": ('"date" and "time" must be text like "2026-11-20" and "09:15"',
                  "« date » et « time » doivent être du texte comme « 2026-11-20 » et "
                  "« 09:15 »"),
    "bad_date": ("bad date or time ({detail})", "date ou heure incorrecte ({detail})"),
    "strings": ("title and body must be strings", "« title » et « body » doivent être du texte"),
    "tags": ("tags must be a list of strings", "« tags » doit être une liste de textes"),
    "range": ("date out of range: {day}", "date hors limites : {day}"),
})


class ImportFormatError(Told, ValueError):
    """The file is not what ``--from`` says; the message names the entry (said in the
    person's language: ``text``)."""

    catalog = IMPORT_MSG

    def text(self, lang: str) -> str:
        n = self.values.get("n")
        if self.key == "refused" and isinstance(n, int):  # "1 entrée refusée"
            return IMPORT_MSG.count("refused", n, lang, **self.values)
        return super().text(lang)


class _Refused(EntryError):
    """One jrnl entry that cannot be imported (``IMPORT_MSG``'s words)."""

    catalog = IMPORT_MSG


def parse_jrnl(text: str) -> list[Entry]:
    """jrnl's ``--export json``: ``{"tags": {...}, "entries": [{title, body, date, time,
    tags, starred}]}``. The body becomes title + newline + body; ``@tag``/``#tag``
    become tags without their symbol (not people); date and time are local time.
    """
    data = _load_json(text)
    items = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise ImportFormatError("no_entries.jrnl")
    return _all_or_nothing(items, _jrnl_entry)


def _jrnl_entry(item: Any) -> Entry:
    if not isinstance(item, dict):
        raise _Refused("not_object")
    if "date" not in item:
        raise _Refused("no_date")
    raw_day, raw_time = item["date"], item.get("time") or "00:00"
    if not isinstance(raw_day, str) or not isinstance(raw_time, str):
        raise _Refused("date_text")
    try:
        day = date.fromisoformat(raw_day)
        clock = time.fromisoformat(raw_time)
    except ValueError as exc:
        raise _Refused("bad_date", detail=str(exc)) from None
    title = item.get("title", "")
    body = item.get("body", "")
    tags = item.get("tags", [])
    if not isinstance(title, str) or not isinstance(body, str):
        raise _Refused("strings")
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _Refused("tags")
    try:
        when = datetime.combine(day, clock.replace(microsecond=0)).astimezone()
    except (OverflowError, ValueError):
        raise _Refused("range", day=raw_day) from None
    text = f"{title}\n{body}" if body else title
    digest = hashlib.sha256(
        "\0".join(("jrnl", raw_day, str(item.get("time")), title, body))
        .encode("utf-8", "surrogatepass")).hexdigest()
    extra = {k: v for k, v in item.items()
             if k not in ("title", "body", "date", "time", "tags") and v is not None
             and isinstance(v, str | int | float | bool | list | dict)}
    entry = Entry(
        id=derived_id(day, when, digest),
        date=day,
        created=when,
        updated=when,
        body=text,
        tags=merge_tags([t.lstrip("@#") for t in tags]),
        extra=extra,
    )
    return from_dict(to_dict(entry))  # the checks every entry file passes


def parse_own_json(text: str) -> list[Entry]:
    """Our ``export --format json`` (``{"schema": 1, "entries": [...]}``) or the
    array printed by ``list --format json``; ids are kept as they are, once checked
    (an id is a file name: ``../x`` or ``/abs`` is refused, never a path)."""
    data = _load_json(text)
    items = data.get("entries") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ImportFormatError("no_entries.own")
    return _all_or_nothing(items, from_dict)


def _all_or_nothing(items: list[Any], build: Callable[[Any], Entry]) -> list[Entry]:
    """Every item as an entry, or ``ImportFormatError`` counting the refused ones and
    naming the first: a file with a bad entry adds nothing."""
    entries: list[Entry] = []
    refused: list[tuple[int, EntryError]] = []
    for n, item in enumerate(items, 1):
        try:
            entries.append(build(item))
        except EntryError as exc:
            refused.append((n, exc))
    if refused:
        first, error = refused[0]
        raise ImportFormatError("refused", n=len(refused), total=len(items), first=first,
                                error=error)
    return entries


def _load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFormatError("json", line=exc.lineno, detail=exc.msg) from None
    except RecursionError:
        raise ImportFormatError("json.deep") from None


IMPORTERS: dict[str, Callable[[str], list[Entry]]] = {
    "jrnl": parse_jrnl,
    "json": parse_own_json,
}


def guess_source(text: str) -> str:
    """``json`` for our own export (it carries ``schema``), else ``jrnl``."""
    head = text[:2000]
    return "json" if '"schema"' in head or head.lstrip().startswith("[") else "jrnl"
