"""Exporters: entries in, text out. The caller writes files.

A registry by name (as jrnl does) keeps ``export --format`` and the TUI's export
key on the same code. Output depends only on the entries and the language, so
the same journal always gives the same bytes.
"""

from __future__ import annotations

import json
import json.encoder
from collections.abc import Callable, Iterable
from datetime import date, datetime
from itertools import groupby
from typing import Any

from journal_tui.core.i18n import Catalog, long_date
from journal_tui.core.model import SCHEMA, THEME_WORDS, Entry, to_dict

MSG = Catalog({
    "title": ("Journal", "Journal"),
    "review": ("Weekly review {week}", "Bilan de la semaine {week}"),
    "mood": ("mood {mood}/5", "humeur {mood}/5"),
    "prompt": ("Prompt", "Question"),
    "word": ("my word: {items}", "mon choix : {items}"),
    "low": ("{theme} low", "{theme} bas"),
    "high": ("{theme} high", "{theme} haut"),
    "yes": ("{theme} yes", "{theme} oui"),
    "none": ("not {theme}", "pas {theme}"),
})


def oldest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (e.date, e.created, e.id))


def entry_markdown(entry: Entry, lang: str, *, heading: str = "###") -> str:
    """One entry as Markdown: a heading with the time and title, the prompt, the body."""
    # The heading names what the entry answers; the body's own first line is not
    # repeated there.
    title = MSG("review", lang, week=entry.week or "") if entry.kind == "review" else ""
    parts = [f"{heading} {entry.created:%H:%M} · {title}".rstrip(" ·")]
    if entry.prompt:
        parts.append(f"> *{MSG('prompt', lang)}:* {_one_line(entry.prompt)}")
    body = entry.body.replace("\r\n", "\n").strip("\n")
    if body:
        parts.append(body)
    meta = [" ".join(f"#{t}" for t in entry.tags)] if entry.tags else []
    if entry.people:
        meta.append(" ".join(f"@{p}" for p in entry.people))
    if entry.mood:
        meta.append(MSG("mood", lang, mood=entry.mood))
    if entry.checkin:
        meta.append(", ".join(f"{k} {v:+d}" for k, v in entry.checkin.items()))
    if entry.themes:
        meta.append(_word(entry.themes, lang))
    if meta:
        parts.append("*" + " · ".join(meta) + "*")
    return "\n\n".join(parts) + "\n"


def _word(themes: dict[str, str], lang: str) -> str:
    """The person's word on the entry's themes (its ``[themes]`` table): a reader of
    the export sees which themes they confirmed, with which pole, and dismissed."""
    items = ", ".join(MSG(value, lang, theme=theme) for theme, value in themes.items()
                      if value in THEME_WORDS)
    return MSG("word", lang, items=items)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def render_markdown(entries: Iterable[Entry], lang: str = "en", *, title: str | None = None) -> str:
    """The whole journal: oldest first, one ``##`` heading per day."""
    blocks = [(e.date.isoformat(), entry_markdown(e, lang)) for e in oldest_first(entries)]
    return markdown_document(blocks, lang, title=title)


def markdown_document(blocks: Iterable[tuple[str, str]], lang: str, *,
                      title: str | None = None) -> str:
    """Assemble ``(ISO day, entry_markdown(...))`` blocks, oldest first."""
    out = [f"# {title or MSG('title', lang)}\n"]
    for day, group in groupby(blocks, key=lambda b: b[0]):
        out.append(f"\n## {day} · {long_date(date.fromisoformat(day), lang)}\n")
        out.extend("\n" + text for _, text in group)
    return "".join(out)


def render_json(entries: Iterable[Entry], lang: str = "en") -> str:
    """``{"schema": 1, "entries": [...]}``, oldest first: what ``import --from json`` reads."""
    return json_document([entry_json(e) for e in oldest_first(entries)])


def entry_json(entry: Entry) -> str:
    """One entry as a JSON object (the schema keys); the index stores this very text.

    The same text as ``json.dumps(jsonable(to_dict(entry)))``: ``_iso`` spells
    dates and times as ``jsonable`` does, from inside json's C encoder (a third
    faster: this runs once per entry on a first index build); the entry's own dates
    are spelled here first, sparing the encoder a call back into Python for each.
    """
    d = to_dict(entry)
    d["date"], d["created"], d["updated"] = (entry.date.isoformat(), entry.created.isoformat(),
                                             entry.updated.isoformat())
    return _ENCODE(d)


def _iso(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def _encoder() -> Callable[[Any], str]:
    """``JSONEncoder(ensure_ascii=False, default=_iso).encode``, with json's C encoder
    made once rather than per call (as ``encode`` does: a sixth of the row's JSON).
    Entries hold no cycles, so none is looked for. Should json's private maker be
    missing or change its arguments, the public encoder does the same."""
    public = json.JSONEncoder(ensure_ascii=False, default=_iso).encode
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return public
    try:
        encode = make(None, _iso, json.encoder.encode_basestring, None, ": ", ", ",
                      False, False, True)
    except TypeError:
        return public
    return lambda data: "".join(encode(data, 0))


_ENCODE = _encoder()


def json_document(objects: list[str]) -> str:
    """The export document around entries already encoded by ``entry_json``.

    One entry per line: diff-friendly, and it keeps to ``json``'s C encoder
    (``indent`` would switch to the pure-Python one, several times slower).
    """
    return f'{{"schema": {SCHEMA}, "entries": {json_array(objects)}}}\n'


def json_array(objects: list[str]) -> str:
    """A JSON array of encoded entry objects, one per line."""
    return "[\n" + ",\n".join(objects) + "\n]" if objects else "[]"


def front_matter_markdown(entry: Entry, lang: str = "en") -> str:
    """One entry as a standalone Markdown file with YAML front matter (``--split``)."""
    fm: dict[str, object] = {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "created": entry.created.isoformat(),
        "kind": entry.kind,
        "tags": entry.tags,
        "people": entry.people,
    }
    if entry.mood is not None:
        fm["mood"] = entry.mood
    if entry.prompt:
        fm["prompt"] = entry.prompt
    if entry.week:
        fm["week"] = entry.week
    lines = ["---"]
    for key, value in fm.items():
        # JSON scalars and lists are valid YAML flow values: exact and unambiguous.
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---\n")
    return "\n".join(lines) + "\n" + entry_markdown(entry, lang, heading="#")
