"""Command palette provider: "Open entry…" over the whole journal.

Static commands (screens, help, quit) are the app's system commands; this
provider adds the dynamic ones. Searching asks the index (body, prompt, tags
and people, case and accents ignored) through the journal service, in a thread,
so it stays quick on a large journal; a date prefix such as ``2026-11`` also
matches.
"""

from __future__ import annotations

import asyncio
from datetime import date
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher
from textual.markup import escape

from journal_tui.core.index import Query
from journal_tui.core.model import Entry
from journal_tui.tui.data import marked, title_of
from journal_tui.tui.host import JournalHost, host_of
from journal_tui.tui.strings import MSG

LIMIT = 40


class EntryProvider(Provider):
    @property
    def host(self) -> JournalHost:
        return host_of(self.screen)  # the screen the palette was opened on

    def _label(self, entry: Entry) -> str:
        title = title_of(entry.body, 50) or title_of(entry.prompt or "", 50) or "…"
        return f"{entry.date.isoformat()}  {title}"

    def _query(self, q: Query) -> list[Entry]:
        return self.host.service.query(q)

    def _hit(self, entry: Entry, score: float, display: Content) -> Hit:
        lang = self.host.lang
        tags = marked(entry.tags[:5], "#")
        # Textual reads a string prompt or help as markup: entry text goes as Content
        # (the prompt) or escaped (the help), never as markup.
        return Hit(score, display, partial(self.host.open_entry, entry.id),
                   text=MSG("cmd.open", lang, title=self._label(entry)),
                   help=escape(tags) or None)

    async def discover(self) -> Hits:
        lang = self.host.lang
        for entry in await asyncio.to_thread(self._query, Query(kind="entry", limit=10)):
            text = MSG("cmd.open", lang, title=self._label(entry))
            yield DiscoveryHit(Content(text), partial(self.host.open_entry, entry.id),
                               text=text)

    async def search(self, query: str) -> Hits:
        query = query.strip()
        if not query:
            return
        lang = self.host.lang
        matcher = self.matcher(query)
        if _date_prefix(query):
            start, end = _date_range(query)
            found = await asyncio.to_thread(self._query, Query(start=start, end=end, limit=LIMIT))
        else:
            found = await asyncio.to_thread(self._query, Query(contains=query, limit=LIMIT))
        for rank, entry in enumerate(found):
            text = MSG("cmd.open", lang, title=self._label(entry))
            score = matcher.match(text)
            display = highlighted(matcher, text) if score > 0 else Content(text)
            # Entries matched in their body rank below commands matched by name.
            yield self._hit(entry, max(score, 0.5 - rank / (2 * LIMIT)), display)


def highlighted(matcher: Matcher, text: str) -> Content:
    """``text`` with the letters ``matcher`` matched highlighted, as text: Textual's
    ``Matcher.highlight`` reads its candidate as markup (an entry ``[/] hello``
    would crash the palette)."""
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _date_prefix(text: str) -> bool:
    return len(text) >= 4 and all(c.isdigit() or c == "-" for c in text) and text[:4].isdigit()


def _date_range(prefix: str) -> tuple[date, date]:
    """``2026`` → the year, ``2026-11`` → the month, ``2026-11-26`` → the day."""
    parts = [p for p in prefix.split("-") if p]
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1), date(year, 12, 31)
        month = int(parts[1])
        if len(parts) == 2 or not parts[2]:
            end = date(year + (month == 12), month % 12 + 1, 1)
            return date(year, month, 1), date.fromordinal(end.toordinal() - 1)
        day = date(year, month, int(parts[2]))
        return day, day
    except (ValueError, IndexError):
        return date(1, 1, 1), date(1, 1, 1)
