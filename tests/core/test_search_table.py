"""The search table (``search``, kept in step with ``files``) finds exactly
what a plain substring search over each entry's folded text finds, in the same
order and count, whatever was written since it was filled: entries added, edited,
deleted, written by another connection (another process), or rewritten on disk."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from journal_tui.core import index as index_module
from journal_tui.core import search_words
from journal_tui.core.codec import encode, format_of
from journal_tui.core.index import Query
from journal_tui.core.indexing import search_text, searchable, sort_key
from journal_tui.core.model import Entry, make_entry
from journal_tui.core.storage import Journal

TZ = timezone(timedelta(hours=1))
# LIKE's own signs, a NUL, letters that fold to capitals ("ℌ" to "H") or not, accents,
# the separator of the search text's fields, tags and people.
CHARS = ["a", "b", "%", "_", "\\", "\0", "ℌ", "H", "h", "é", "E", " ", "\x1f", "’", "#t",
         "@al"]
TEXT = st.lists(st.sampled_from(CHARS), max_size=10).map("".join)
WRITES = st.sampled_from(["none", "add", "edit", "edit_elsewhere", "rewrite_on_disk", "delete",
                          "rebuild"])
"""The kinds of write a step may make (``SearchMachine._write``)."""
NEEDLE = st.lists(st.sampled_from(CHARS[:-2]), min_size=1, max_size=4).map("".join).filter(
    str.strip)


def expected(entries: list[Entry], needle: str, newest_first: bool = True,
             tag: str | None = None) -> list[str]:
    """The ids a plain Python search finds, in the index's order."""
    found = [e for e in entries if searchable(needle) in search_text(e)
             and (tag is None or tag in e.tags)]
    found.sort(key=lambda e: (e.date.isoformat(), sort_key(e), e.id), reverse=newest_first)
    return [e.id for e in found]


class SearchMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.base = Path(tempfile.mkdtemp(prefix="journal-search-"))
        self.journal = Journal(self.base / "journal", cache_dir=self.base / "cache")
        self.live: dict[str, Entry] = {}
        self.made = 0
        self.typed = ""  # the search field's text (``type_on``)
        self.ahead = ""  # a letter after it in a text written since (``_text``)

    def teardown(self) -> None:
        self.journal.close()
        shutil.rmtree(self.base, ignore_errors=True)

    def _new(self, body: str) -> Entry:
        self.made += 1
        when = datetime(2026, 1, 1, 9, tzinfo=TZ) + timedelta(hours=7 * self.made)
        return make_entry(body, day=when.date(), when=when)

    @initialize(bodies=st.lists(TEXT, max_size=6))
    def start(self, bodies: list[str]) -> None:
        entries = [self._new(body) for body in bodies]
        self.journal.add_many(entries)
        self.live.update((e.id, e) for e in entries)

    def _text(self, data: st.DataObject, body: str) -> str:
        """``body``, or often one that holds the text typed so far and a letter more
        (what ``type_on`` may look for next: a narrowing kept over this write would
        miss it)."""
        if self.typed and data.draw(st.booleans()):
            self.ahead = data.draw(st.sampled_from(CHARS[:-2]))
            return body + self.typed + self.ahead
        return body

    @rule(data=st.data(), bodies=st.lists(TEXT, min_size=1, max_size=3))
    def add(self, data: st.DataObject, bodies: list[str]) -> None:
        entries = [self._new(self._text(data, body)) for body in bodies]
        self.journal.add_many(entries)
        self.live.update((e.id, e) for e in entries)

    @precondition(lambda self: self.live)
    @rule(data=st.data(), body=TEXT)
    def edit(self, data: st.DataObject, body: str) -> None:
        entry_id = data.draw(st.sampled_from(list(self.live)))
        body = self._text(data, body)
        entry = dataclasses.replace(self.journal.get(entry_id), body=body)
        self.journal.save(entry)
        self.live[entry_id] = self.journal.get(entry_id)

    @precondition(lambda self: self.live)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        entry_id = data.draw(st.sampled_from(list(self.live)))
        self.journal.delete(entry_id)
        del self.live[entry_id]

    @precondition(lambda self: self.live)
    @rule(data=st.data(), body=TEXT)
    def edit_elsewhere(self, data: st.DataObject, body: str) -> None:
        """Another process saves (its own connection writes the index)."""
        entry_id = data.draw(st.sampled_from(list(self.live)))
        body = self._text(data, body)
        other = Journal(self.journal.root, cache_dir=self.base / "cache")
        try:
            other.save(dataclasses.replace(other.get(entry_id), body=body))
            self.live[entry_id] = other.get(entry_id)
        finally:
            other.close()

    @precondition(lambda self: self.live)
    @rule(data=st.data(), body=TEXT, later=st.integers(0, 2))
    def rewrite_on_disk(self, data: st.DataObject, body: str, later: int) -> None:
        """An editor or a sync tool rewrites the file, its creation time too (the
        search's order key, under the same file name): the next refresh reads it."""
        entry_id = data.draw(st.sampled_from(list(self.live)))
        body = self._text(data, body)
        path = self.journal.locate(entry_id)
        entry = self.live[entry_id]
        entry = dataclasses.replace(entry, body=body,
                                    created=entry.created + timedelta(minutes=later))
        path.write_bytes(encode(entry, format_of(path)))
        self.live[entry_id] = self.journal.read(path)
        self.journal.refresh()  # as the TUI looks again after each paint

    @rule(data=st.data(), needle=NEEDLE)
    def search(self, data: st.DataObject, needle: str) -> None:
        entries = list(self.live.values())
        texts = [search_text(e) for e in entries if search_text(e)]
        if texts and data.draw(st.booleans()):  # a piece of a text: found for sure
            text = data.draw(st.sampled_from(texts))
            start = data.draw(st.integers(0, len(text) - 1))
            needle = text[start:start + data.draw(st.integers(1, 4))]
            if not needle.strip():
                needle = text
        ids = expected(entries, needle)
        q = Query(contains=needle)
        assert [e.id for e in self.journal.query(q)] == ids
        assert self.journal.count(q) == len(ids)
        assert self.journal.index.count_apart(q, lambda: False) == len(ids)
        assert [e.id for e in self.journal.query(dataclasses.replace(
            q, newest_first=False))] == expected(entries, needle, newest_first=False)
        offset = data.draw(st.integers(0, max(0, len(ids) - 1)))
        page = dataclasses.replace(q, limit=2, offset=offset)
        assert [e.id for e in self.journal.query(page)] == ids[offset:offset + 2]
        for limit in (None, 2):  # the TUI's reads (``page``) give the same
            read = self.journal.page(dataclasses.replace(page, limit=limit), lambda: False)
            assert read is not None
            assert [e.id for e in read] == ids[offset:None if limit is None else offset + 2]
        tagged = dataclasses.replace(q, tag="t")  # a filter only ``files`` holds
        assert [e.id for e in self.journal.query(tagged)] == expected(entries, needle,
                                                                       tag="t")
        assert self.journal.index.count_apart(tagged, lambda: False) == len(
            expected(entries, needle, tag="t"))
        # and the search table holds every entry once, each with its text now
        db = self.journal.index.db
        assert sorted(db.execute("SELECT sid, screated, folded FROM search")) == sorted(
            (e.id, sort_key(e), search_text(e)) for e in entries)

    @rule(data=st.data(), keys=st.integers(1, 3), limit=st.sampled_from([None, 1, 2, 60]),
          tag=st.sampled_from([None, "t"]))
    def type_on(self, data: st.DataObject, keys: int, limit: int | None,
                tag: str | None) -> None:
        """The person types into the search field, a page read at each key; between
        keys the journal may change (saved here or elsewhere, rewritten on disk).
        After a text whose whole match set was known, the index looks only at those
        matches when it can, and must find what a scan would."""
        for _ in range(keys):
            self._keystroke(data, limit, tag)
            self._write(data, data.draw(WRITES))

    def _write(self, data: st.DataObject, write: str) -> None:
        """One write of the kind named (``WRITES``), if it can be made."""
        if write == "add":
            self.add(data, [data.draw(TEXT)])
        elif write == "rebuild":  # the cache lost: built again, its search text refilled
            self.journal.index.rebuild()
            self.journal.refresh()
        elif write != "none" and self.live:
            if write == "delete":
                self.delete(data)
            elif write == "rewrite_on_disk":
                self.rewrite_on_disk(data, data.draw(TEXT), data.draw(st.integers(0, 2)))
            else:
                getattr(self, write)(data, data.draw(TEXT))

    @rule(data=st.data(), write=WRITES, then=WRITES, needle=NEEDLE)
    def build_words(self, data: st.DataObject, write: str, then: str, needle: str) -> None:
        """The search texts' words built (the TUI does it in the background), the
        journal changed between their reading and their keeping (``write``), and
        after (``then``): kept words hold every word of every search text, or are
        not trusted; a search then finds what a plain one does."""
        built = self.journal.index.read_words()
        self._write(data, write)
        self.journal.index.keep_words(built)
        self._write(data, then)
        ids = expected(list(self.live.values()), needle)
        assert [e.id for e in self.journal.query(Query(contains=needle))] == ids

    @invariant()
    def trusted_words_hold_every_word(self) -> None:
        """Whenever searches trust the kept words, no search text has one they lack."""
        db = self.journal.index.db
        if db.execute(search_words.TRUSTED).fetchone() is not None:
            kept = {w for (w,) in db.execute("SELECT word FROM words")}
            texts = [t for (t,) in db.execute("SELECT folded FROM search")]
            assert search_words.words_of(texts) <= kept

    def _keystroke(self, data: st.DataObject, limit: int | None, tag: str | None) -> None:
        letter = data.draw(st.sampled_from(CHARS[:-2]))
        if self.ahead and data.draw(st.booleans()):
            self.typed += self.ahead  # the text written since now matches
        elif data.draw(st.booleans()):
            self.typed += letter
        elif data.draw(st.booleans()):
            self.typed = letter + self.typed  # typed before: it still holds the last
        elif len(self.typed) > 1 and data.draw(st.booleans()):
            self.typed = self.typed[:-1]  # taken back: a text searched a moment ago
        else:
            self.typed = letter
        q = Query(contains=self.typed, tag=tag, limit=limit)
        ids = expected(list(self.live.values()), self.typed, tag=tag)
        page = self.journal.page(q, lambda: False)
        assert page is not None
        assert [e.id for e in page] == ids[:limit]
        offset = data.draw(st.integers(0, len(ids)))
        page = self.journal.page(dataclasses.replace(q, offset=offset), lambda: False)
        assert page is not None
        assert [e.id for e in page] == ids[offset:None if limit is None else offset + limit]


TestSearchTable = SearchMachine.TestCase
TestSearchTable.settings = settings(
    max_examples=30, stateful_step_count=8, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


def test_a_migrated_index_copies_its_texts_and_finds_the_same(tmp_path: Path) -> None:
    """An index of version 10 kept the search text in ``files``: the migration keeps
    the rows, and the first search copies those texts (not folded again). Search
    tables an older program left behind are not trusted."""
    import sqlite3

    from journal_tui.core import index as index_module

    journal = Journal(tmp_path / "journal", cache_dir=tmp_path / "cache")
    entries = [make_entry(f"Été n°{n} réunion", day=date(2026, 1, 1 + n),
                          when=datetime(2026, 1, 1 + n, 9, tzinfo=TZ)) for n in range(5)]
    journal.add_many(entries)
    journal.refresh()
    journal.close()
    db = sqlite3.connect(tmp_path / "cache" / "index.sqlite3", isolation_level=None)
    db.create_function("search_text_of", 1, search_text_of_marked)
    db.executescript("""
        UPDATE files SET fold = search_text_of(data);
        -- left behind by a newer program, then an older one (which knew no such tables)
        DELETE FROM search;
        INSERT INTO search SELECT '2027-01-01', 'x', 'stale', rel, 'reunion' FROM files;
        INSERT INTO unsearched VALUES (123456);
        CREATE INDEX files_unsearched ON files (rel) WHERE fold IS NULL AND error IS NULL;
        DELETE FROM meta WHERE key = 'searched';
        PRAGMA user_version = 10;""")
    db.close()
    again = Journal(journal.root, cache_dir=tmp_path / "cache")
    assert [e.id for e in again.query(Query(contains="RÉUNION"))] == [
        e.id for e in reversed(entries)]
    assert again.count(Query(contains="reunion")) == 5
    assert again.index.count_apart(Query(contains="reunion"), lambda: False) == 5
    stored = again.index.db.execute("SELECT folded FROM search").fetchall()
    assert stored and all(text.startswith("copied:") for (text,) in stored)  # not folded
    assert again.index.db.execute("PRAGMA user_version").fetchone()[0] == index_module.VERSION
    assert again.index.db.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'files_unsearched'").fetchone() == (0,)
    again.close()


def search_text_of_marked(data: str) -> str:
    """Version 10's kept text, marked so the test sees it was copied."""
    from journal_tui.core.indexing import search_text_of

    return "copied:" + search_text_of(data)


def test_a_file_rewritten_with_another_creation_time_is_found_once(tmp_path: Path) -> None:
    """Same file name, another order key (``created``): its old search text goes."""
    journal = Journal(tmp_path / "journal", cache_dir=tmp_path / "cache")
    when = datetime(2026, 1, 1, 9, tzinfo=TZ)
    entry = make_entry("abc", day=when.date(), when=when)
    journal.add_many([entry])
    assert [e.id for e in journal.query(Query(contains="abc"))] == [entry.id]
    path = journal.locate(entry.id)
    path.write_bytes(encode(dataclasses.replace(entry, body="abcd",
                                                created=when + timedelta(minutes=2)),
                            format_of(path)))
    journal.refresh()
    assert [e.body for e in journal.query(Query(contains="abc"))] == ["abcd"]
    assert journal.count(Query(contains="abc")) == 1
    assert journal.index.db.execute("SELECT count(*) FROM search").fetchone() == (1,)
    journal.close()


def test_a_page_read_stops_when_cancelled_and_the_index_stays(tmp_path: Path) -> None:
    """``Index.page`` gives up a scan once ``cancelled()`` (a newer keystroke): None,
    nothing rebuilt; the search text's first fill is never given up."""
    journal = Journal(tmp_path / "journal", cache_dir=tmp_path / "cache")
    journal.add_many([make_entry(f"Entrée {n} : réunion", day=date(2026, 1, 1),
                                 when=datetime(2026, 1, 1, 9, tzinfo=TZ) + timedelta(seconds=n))
                      for n in range(1500)])
    q = Query(contains="introuvable", limit=60)
    asked: list[int] = []
    assert journal.page(q, lambda: asked.append(1) or True) is None
    assert asked  # the scan asked, and stopped
    db = journal.index.db
    assert db.execute("SELECT value FROM meta WHERE key = 'searched'").fetchone() is not None
    assert db.execute("SELECT count(*) FROM search").fetchone() == (1500,)
    found = journal.page(Query(contains="ENTRÉE 139", limit=60), lambda: False)
    assert found is not None
    assert [e.body.split(" :")[0] for e in found] == [f"Entrée {n}" for n in (1399, 1398, 1397,
                                                                               1396, 1395, 1394,
                                                                               1393, 1392, 1391,
                                                                               1390, 139)]
    assert journal.index.db is db  # the same connection: nothing was rebuilt
    assert journal.page(q, lambda: False) == []
    journal.close()


def test_a_row_written_elsewhere_during_the_first_fill_is_not_missed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process edits an entry after the first fill read which rows to fold, and
    before it writes: that process queued nothing (no search table in use yet), so
    the fill itself queues what it left out, and the next search folds it."""
    from journal_tui.core import search_fill

    journal = Journal(tmp_path / "journal", cache_dir=tmp_path / "cache")
    entries = [make_entry(f"avant {n}", day=date(2026, 1, 1 + n),
                          when=datetime(2026, 1, 1 + n, 9, tzinfo=TZ)) for n in range(3)]
    journal.add_many(entries)
    journal.refresh()
    real = search_fill.missing_ranges

    def then_elsewhere(db: object, whole: bool) -> object:
        found = real(db, whole)  # type: ignore[arg-type]
        other = Journal(journal.root, cache_dir=tmp_path / "cache")
        other.save(dataclasses.replace(other.get(entries[1].id), body="après"))
        other.close()
        return found

    monkeypatch.setattr(search_fill, "missing_ranges", then_elsewhere)
    journal.query(Query(contains="avant"))  # the first fill, racing the edit
    monkeypatch.setattr(search_fill, "missing_ranges", real)
    assert [e.id for e in journal.query(Query(contains="apres"))] == [entries[1].id]
    assert [e.id for e in journal.query(Query(contains="avant"))] == [entries[2].id,
                                                                       entries[0].id]
    journal.close()


def test_a_letter_added_to_a_rare_text_looks_only_at_its_matches(tmp_path: Path) -> None:
    """"pqrs" typed after "pqr", whose few matches are all known (its page was
    short): no scan of the search table, the same results, and none either when
    the "s" is taken back; after another process's save (or this one's), the next
    keystroke scans again and finds the new match."""
    journal = Journal(tmp_path / "journal", cache_dir=tmp_path / "cache")
    when = datetime(2026, 1, 1, 9, tzinfo=TZ)
    entries = [make_entry(body, day=(when + timedelta(days=n)).date(),
                          when=when + timedelta(days=n))
               for n, body in enumerate(["a PQR b", "pqx", "rien", "PQRS", "pq r"] * 40)]
    journal.add_many(entries)
    statements: list[str] = []
    journal.index.db.set_trace_callback(statements.append)

    def typed(text: str, limit: int = 60) -> list[str]:
        statements.clear()
        found = journal.page(Query(contains=text, limit=limit), lambda: False)
        assert found is not None
        return [e.id for e in found]

    def scanned() -> bool:
        return any("LIKE" in sql and "FROM search" in sql for sql in statements)

    assert len(typed("p")) == 60 and scanned()  # a full page: its matches not all known
    assert len(typed("pq")) == 60 and scanned()
    assert typed("pqr", limit=1000) == expected(entries, "pqr") and scanned()
    assert typed("pqrs") == expected(entries, "pqrs")[:60] and not scanned()  # narrowed
    assert typed("xpqrs") == [] and not scanned()
    assert typed("pqr") == expected(entries, "pqr")[:60] and not scanned()  # taken back
    assert len(typed("pq")) == 60 and scanned()  # its page was full: not known
    other = Journal(journal.root, cache_dir=tmp_path / "cache")
    other.save(dataclasses.replace(other.get(entries[2].id), body="pqrst"))
    other.close()
    assert typed("pqrst") == [entries[2].id] and scanned()
    assert typed("pqrstu") == [] and not scanned()
    journal.save(dataclasses.replace(journal.get(entries[7].id), body="pqrstu"))
    assert typed("pqrstu") == [entries[7].id] and scanned()
    journal.close()


def _daily(tmp_path: Path, bodies: list[str]) -> tuple[Journal, list[Entry]]:
    """A journal (its index a file) of one entry a day from 1 January 2026."""
    journal = Journal(tmp_path / "journal", cache_dir=tmp_path / "cache")
    when = datetime(2026, 1, 1, 9, tzinfo=TZ)
    entries = [make_entry(body, day=(when + timedelta(days=n)).date(),
                          when=when + timedelta(days=n)) for n, body in enumerate(bodies)]
    journal.add_many(entries)
    return journal, entries


def test_a_text_in_no_word_answers_with_no_scan_and_stays_exact(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the search texts' words are kept, a text found in no word reads no row
    (page and count); a word written since (saved here, elsewhere, or rewritten on
    disk) is found at once; a whole fill after the words were read (the cache
    rebuilt) makes them untrusted rather than stale."""
    journal, entries = _daily(tmp_path, ["un jour", "deux soirs", "trois"] * 200)
    assert journal.query(Query(contains="zq")) == []  # the first fill
    index = journal.index
    assert index.keep_words(index.read_words())
    assert index.read_words() is None  # done: nothing due
    monkeypatch.setattr(index_module, "CANCEL_STEPS", 1)  # ``cancelled`` asked each step
    asked: list[int] = []

    def steps() -> bool:
        asked.append(1)
        return False

    q = Query(contains="zq", limit=60)
    assert journal.page(q, steps) == []
    assert index.count_apart(q, steps) == 0 and journal.count(q) == 0
    assert len(asked) < len(entries) / 2  # a few steps, not one per row
    asked.clear()
    assert [e.id for e in journal.query(Query(contains="jour"))] == expected(entries, "jour")
    assert journal.page(Query(contains="our s"), steps) == []  # two words: scanned
    assert len(asked) > len(entries)
    journal.save(dataclasses.replace(journal.get(entries[0].id), body="azqb"))
    other = Journal(journal.root, cache_dir=tmp_path / "cache")
    other.save(dataclasses.replace(other.get(entries[1].id), body="zqc zqd"))
    other.close()
    assert [e.id for e in journal.page(q, lambda: False) or []] == [entries[1].id,
                                                                    entries[0].id]
    built = index.read_words()
    assert built is None  # each text written since brought its words
    db = index.db
    db.execute("DELETE FROM words")  # as if read before a rebuild
    stale = ("old fill", {"un"})
    assert not index.keep_words(stale)
    assert db.execute(search_words.TRUSTED).fetchone() is not None  # still the real mark
    db.execute("DELETE FROM meta WHERE key = 'worded'")
    assert not index.keep_words(stale)  # another fill's words: never trusted
    assert [e.id for e in journal.page(q, lambda: False) or []] == [entries[1].id,
                                                                    entries[0].id]
    journal.close()


class _Shared:
    """This index's own connection, standing in while a read apart runs: any use
    fails the test (such a read holds no lock, and the connection may be in another
    thread's scan, whose progress handler needs the GIL while SQLite holds the
    connection's mutex: a thread holding the GIL and waiting for that mutex hung a
    TUI test, pytest-timeout and all)."""

    def __getattr__(self, name: str) -> object:
        raise AssertionError(f"a read apart used the shared connection: {name}")


def test_reads_apart_never_use_the_shared_connection(tmp_path: Path) -> None:
    journal, _ = _daily(tmp_path, ["un jour avec @Eve", "deux soirs", "trois"] * 20)
    assert journal.query(Query(contains="zq")) == []  # the search table filled
    index = journal.index
    shared, index._db = index._db, _Shared()  # type: ignore[assignment]
    try:
        words = index.read_words()  # due: the words are not kept yet
        assert words is not None and "soirs" in words[1]
        assert index.count_apart(Query(contains="jour"), lambda: False) == 20
        assert index.count_apart(Query(contains="zq"), lambda: False) == 0
        assert len(index.mentioning(Query(kind="entry")) or []) == 20
    finally:
        index._db = shared
    assert index.keep_words(words)
    index._db = _Shared()  # type: ignore[assignment]
    try:  # the words kept: a text in no word is answered from them, still apart
        assert index.count_apart(Query(contains="zq"), lambda: False) == 0
        assert index.read_words() is None  # nothing due
    finally:
        index._db = shared
    journal.close()
