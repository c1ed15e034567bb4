"""The entry-by-entry merge sync uses instead of git's: pure, tested without git."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from journal_tui.core.codec import decode, encode
from journal_tui.core.model import ID_RE, make_entry
from journal_tui.core.sync_merge import (
    Tree,
    changes,
    conflict_id,
    conflict_name,
    keyed,
    merge_trees,
)


class DictStore:
    """Blobs in a dict; the people.toml line merge succeeds when one side kept the base."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}

    def put(self, data: bytes) -> str:
        oid = hashlib.sha1(data).hexdigest()
        self.blobs[oid] = data
        return oid

    def read_blobs(self, oids: Iterable[str]) -> dict[str, bytes]:
        return {oid: self.blobs[oid] for oid in oids}

    def write_blob(self, data: bytes) -> str:
        return self.put(data)

    def merge_text(self, base: bytes, ours: bytes, theirs: bytes) -> bytes | None:
        return None


def entry_file(store: DictStore, body: str, entry_id: str = "20261126-081203-3f9a",
               day: date = date(2026, 11, 26), fmt: str = "toml") -> tuple[str, tuple[str, str]]:
    entry = make_entry(body, day=day, tags=["work"])
    entry.id = entry_id
    path = f"entries/{day:%Y}/{day:%m}/{entry_id}.{fmt}"
    return path, ("100644", store.put(encode(entry, fmt)))


def test_changes_on_different_entries_all_arrive() -> None:
    s = DictStore()
    a, b, c = "20261126-081203-aaaa", "20261126-081203-bbbb", "20261126-081203-cccc"
    base = dict([entry_file(s, "a", a), entry_file(s, "b", b)])
    local = dict([entry_file(s, "a edited here", a), entry_file(s, "b", b)])
    remote = dict([entry_file(s, "a", a), entry_file(s, "c new there", c)])  # b deleted
    merged = merge_trees(base, local, remote, s)
    assert merged.copies == []
    assert merged.tree == dict([entry_file(s, "a edited here", a), entry_file(s, "c new there", c)])


def test_same_entry_changed_on_both_sides_keeps_both_versions() -> None:
    s = DictStore()
    entry_id = "20261126-081203-3f9a"
    base = dict([entry_file(s, "original")])
    merged = merge_trees(base, dict([entry_file(s, "mine")]), dict([entry_file(s, "theirs")]), s)
    [copy] = merged.copies
    assert (copy.original_id, copy.copy_id) == (entry_id, "20261126-081203-3f9ac1")
    assert merged.tree[copy.kept] == entry_file(s, "mine")[1]
    other = decode(s.blobs[merged.tree[copy.copy][1]], Path(copy.copy))
    assert other.body == "theirs" and other.id == copy.copy_id
    assert other.tags == ["work", "conflict"] and other.extra["conflict_of"] == entry_id
    assert copy.copy == "entries/2026/11/20261126-081203-3f9ac1.toml"


def test_modified_here_deleted_there_keeps_the_modified_one_both_ways() -> None:
    s = DictStore()
    base = dict([entry_file(s, "original")])
    edited = dict([entry_file(s, "edited")])
    assert merge_trees(base, edited, {}, s).tree == edited
    assert merge_trees(base, {}, edited, s).tree == edited


def test_an_entry_moved_to_another_month_is_the_same_entry() -> None:
    s = DictStore()
    base = dict([entry_file(s, "x", day=date(2026, 11, 26))])
    moved = dict([entry_file(s, "x", day=date(2026, 10, 2))])
    merged = merge_trees(base, base, moved, s)
    assert merged.tree == moved and merged.copies == []
    assert changes(base, moved).changed == 1


def test_both_added_the_same_id_with_other_text() -> None:
    s = DictStore()
    merged = merge_trees({}, dict([entry_file(s, "one", fmt="json")]),
                         dict([entry_file(s, "two", fmt="json")]), s)
    [copy] = merged.copies
    assert copy.copy.endswith("c1.json") and len(merged.tree) == 2


def test_an_unreadable_version_is_kept_byte_for_byte_under_the_new_id() -> None:
    s = DictStore()
    path = "entries/2026/11/20261126-081203-3f9a.toml"
    merged = merge_trees({path: ("100644", s.put(b"a"))}, {path: ("100644", s.put(b"b = ["))},
                         {path: ("100644", s.put(b"<<< not toml"))}, s)
    [copy] = merged.copies
    assert s.blobs[merged.tree[copy.copy][1]] == b"<<< not toml"


def test_people_file_changed_on_both_sides_keeps_both_when_lines_clash() -> None:
    s = DictStore()
    base = {"people.toml": ("100644", s.put(b'[[people]]\nname = "Marc"\n'))}
    mine = {"people.toml": ("100644", s.put(b'[[people]]\nname = "Marc A"\n'))}
    theirs_oid = s.put(b'[[people]]\nname = "Marc B"\n')
    merged = merge_trees(base, mine, {"people.toml": ("100644", theirs_oid)}, s)
    name = f"people-conflict-{theirs_oid[:7]}.toml"
    assert merged.tree == {**mine, name: ("100644", theirs_oid)}
    assert merged.copies[0].copy == name and merged.copies[0].copy_id is None


def test_people_file_line_merge_is_used_when_it_is_clean_toml() -> None:
    class Merging(DictStore):
        def merge_text(self, base: bytes, ours: bytes, theirs: bytes) -> bytes | None:
            return ours + theirs

    s = Merging()
    mine = {"people.toml": ("100644", s.put(b'[[people]]\nname = "A"\n'))}
    theirs = {"people.toml": ("100644", s.put(b'[[people]]\nname = "B"\n'))}
    merged = merge_trees({}, mine, theirs, s)
    text = s.blobs[merged.tree["people.toml"][1]]
    assert [p["name"] for p in tomllib.loads(text.decode())["people"]] == ["A", "B"]
    assert merged.copies == []


def test_conflict_ids_stay_valid() -> None:
    assert conflict_id("20261126-081203-3f9a", set()) == "20261126-081203-3f9ac1"
    assert conflict_id("20261126-081203-3f9a", {"20261126-081203-3f9ac1"}) == (
        "20261126-081203-3f9ac2")
    long = "20261126-081203-0123456789abcdef"
    assert conflict_id(long, set()) == "20261126-081203-0123456789abcdc1"
    taken = {f"20261126-081203-0123456789abcdc{n}" for n in range(1, 10)}
    assert conflict_id(long, taken) == "20261126-081203-0123456789abcc10"
    assert ID_RE.match(conflict_id(long, taken))
    assert conflict_name("people.toml", "1a2b3c4d5e") == "people-conflict-1a2b3c4.toml"


def test_duplicate_ids_in_one_tree_are_kept_apart() -> None:
    tree = {"entries/2026/11/20261126-081203-3f9a.toml": ("100644", "1"),
            "entries/2026/10/20261126-081203-3f9a.toml": ("100644", "2")}
    assert len(keyed(tree)) == 2


IDS = [f"20261126-0812{n:02d}-abcd" for n in range(4)]
VERSION = st.one_of(st.none(), st.sampled_from([b"v1", b"v2", b"v3"]))


@st.composite
def three_trees(draw: st.DrawFn) -> tuple[Tree, Tree, Tree, DictStore]:
    s = DictStore()
    trees: list[Tree] = [{}, {}, {}]
    for entry_id in IDS:
        for tree in trees:
            data = draw(VERSION)
            if data is not None:
                folder = draw(st.sampled_from(["entries/2026/11", "entries/2026/10", "trash"]))
                tree[f"{folder}/{entry_id}.toml"] = ("100644", s.put(data + entry_id.encode()))
    return trees[0], trees[1], trees[2], s


@settings(max_examples=150, deadline=None)
@given(three_trees())
def test_nothing_is_lost(trees: tuple[Tree, Tree, Tree, DictStore]) -> None:
    """Every version either side changed (or both agree on) is in the result, and the
    result holds nothing neither side had (but the copies)."""
    base, local, remote, store = trees
    merged = merge_trees(base, local, remote, store)
    kept = {oid for _, oid in merged.tree.values()}
    for side in (local, remote):
        for path, (_, oid) in side.items():
            if base.get(path) != (_, oid):
                assert oid in kept, (path, side)
    ours = {oid for _, oid in local.values()} | {oid for _, oid in remote.values()}
    copies = {merged.tree[c.copy][1] for c in merged.copies}
    assert kept <= ours | copies
    assert merge_trees(base, local, local, store).tree == local
    assert merge_trees(local, local, remote, store).tree == remote


def test_a_second_conflict_on_one_entry_gets_the_next_suffix() -> None:
    s = DictStore()
    earlier = dict([entry_file(s, "an older copy", "20261126-081203-3f9ac1")])
    base = earlier | dict([entry_file(s, "original")])
    merged = merge_trees(base, earlier | dict([entry_file(s, "mine")]),
                         earlier | dict([entry_file(s, "theirs")]), s)
    assert [c.copy_id for c in merged.copies] == ["20261126-081203-3f9ac2"]
    assert len(merged.tree) == 3


def test_a_newer_schema_version_is_kept_byte_for_byte() -> None:
    s = DictStore()
    path = "entries/2026/11/20261126-081203-3f9a.toml"
    newer = (b'schema = 2\nid = "20261126-081203-3f9a"\ndate = 2026-11-26\nbody = "theirs"\n'
             b'[future]\nx = 1\n')
    merged = merge_trees(dict([entry_file(s, "base")]), dict([entry_file(s, "mine")]),
                         {path: ("100644", s.put(newer))}, s)
    [copy] = merged.copies
    assert s.blobs[merged.tree[copy.copy][1]] == newer
