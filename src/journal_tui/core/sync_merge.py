"""The three-way merge of two machines' journals, done by ``sync`` instead of git's.

Git's merge writes conflict markers into files; a journal must never hold one.
So trees are merged here, entry by entry: entries are matched by id (an entry
whose date moved lives under another month folder, yet is the same entry), a
change on one side wins over no change, a change wins over a deletion, and when
both machines changed the same entry both versions stay: this machine's keeps
the id, the other's becomes a new entry whose id ends in ``c1`` (``c2``…), tagged
``conflict`` and naming the original in ``conflict_of``. Pure logic over
``path -> (mode, object id)`` maps and a small object store, so it is tested
without git.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path, PurePosixPath
from typing import NamedTuple, Protocol

from journal_tui.core.codec import (
    UnreadableEntry,
    decode_dict,
    encode,
    format_of,
    from_dict_at,
)
from journal_tui.core.model import ID_RE, SCHEMA, merge_tags

Tree = dict[str, tuple[str, str]]  # path -> (mode, object id)

CONFLICT_TAG = "conflict"
CONFLICT_KEY = "conflict_of"
FILE_MODE = "100644"
PEOPLE = "people.toml"
OURS_ALWAYS = (".gitignore", ".gitattributes")  # written by sync itself: this side's stays

_COLLECTED = re.compile(r"^(?:(?P<entries>entries)/\d{4}/\d{2}|(?P<trash>trash))"
                        r"/(?P<id>[^/]+)\.(?:toml|json)$")


class Store(Protocol):
    """Where blobs are read and written (the git object database, or a dict in tests)."""

    def read_blobs(self, oids: Iterable[str]) -> dict[str, bytes]: ...

    def write_blob(self, data: bytes) -> str: ...

    def merge_text(self, base: bytes, ours: bytes, theirs: bytes) -> bytes | None: ...


class File(NamedTuple):
    path: str
    mode: str
    oid: str


@dataclass(frozen=True, slots=True)
class Copy:
    """Both machines changed one file: ``kept`` is this machine's version, ``copy``
    the other's. For entries, ``original_id``/``copy_id`` are their ids."""

    kept: str
    copy: str
    original_id: str | None = None
    copy_id: str | None = None


@dataclass(slots=True)
class Merged:
    tree: Tree
    copies: list[Copy] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Changes:
    """What differs between two trees, counted in entries (``entries/``)."""

    added: int = 0
    changed: int = 0
    deleted: int = 0
    people: bool = False

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.deleted or self.people)


def normalize(tree: Tree) -> Tree:
    """Entries are written 0600 here: an executable bit is no difference."""
    return {p: (FILE_MODE if mode == "100755" else mode, oid) for p, (mode, oid) in tree.items()}


def keyed(tree: Tree) -> dict[tuple[str, str], File]:
    """Files by what they are: ``("entries", id)``, ``("trash", id)``, else ``("path", path)``.

    A second file with an id already seen (a duplicate) is keyed by its path.
    """
    out: dict[tuple[str, str], File] = {}
    for path in sorted(tree):
        mode, oid = tree[path]
        m = _COLLECTED.match(path)
        key = ("path", path)
        if m and ID_RE.match(m["id"]):
            key = ("entries" if m["entries"] else "trash", m["id"])
            if key in out:
                key = ("path", path)
        out[key] = File(path, mode, oid)
    return out


def _same(a: File | None, b: File | None) -> bool:
    if a is None or b is None:
        return a is b
    return (a.path, a.oid) == (b.path, b.oid)


def _apart(*trees: Tree) -> tuple[Tree, list[Tree]]:
    """The files all ``trees`` hold alike, and each tree without them: only the rest
    needs keying by id (a journal of years, a few changes)."""
    first, *others = trees
    alike = {p: v for p, v in first.items() if all(t.get(p, (0, 0))[1] == v[1] for t in others)}
    return alike, [{p: v for p, v in t.items() if p not in alike} for t in trees]


def merge_trees(base: Tree, local: Tree, remote: Tree, store: Store) -> Merged:
    """Every change of both sides, nothing lost (see the module's docstring)."""
    alike, (base, local, remote) = _apart(normalize(base), normalize(local), normalize(remote))
    anc, here, there = keyed(base), keyed(local), keyed(remote)
    picked: dict[tuple[str, str], File] = {}
    clashes: list[tuple[str, str]] = []
    for key in sorted(anc.keys() | here.keys() | there.keys()):
        old, mine, theirs = anc.get(key), here.get(key), there.get(key)
        if _same(mine, theirs) or _same(theirs, old):
            chosen = mine
        elif _same(mine, old):
            chosen = theirs
        elif mine is None or theirs is None:  # changed on one side, deleted on the other
            chosen = mine or theirs
        else:
            chosen = mine
            if mine.oid != theirs.oid:  # same bytes moved to two folders: no clash
                clashes.append(key)
        if chosen is not None:
            picked[key] = chosen
    merged = Merged({})
    taken = {key[1] for key in (*anc, *here, *there, *(keyed(alike) if clashes else ()))
             if key[0] != "path"}
    blobs = store.read_blobs(there[key].oid for key in clashes)
    base_blobs = store.read_blobs(f.oid for key in clashes if (f := anc.get(key)))
    for key in clashes:
        mine, theirs = here[key], there[key]
        if key[0] == "path" and key[1] in OURS_ALWAYS:
            continue
        if key[0] == "path":
            old = anc.get(key)
            text = _merge_text(key[1], old and base_blobs[old.oid], mine, theirs, store)
            if text is not None:
                picked[key] = File(mine.path, FILE_MODE, store.write_blob(text))
                continue
        copy, data = keep_beside(mine.path, theirs, blobs[theirs.oid], taken)
        picked[("copy", copy.copy)] = File(copy.copy, FILE_MODE, store.write_blob(data))
        merged.copies.append(copy)
    merged.tree = alike | {f.path: (f.mode, f.oid) for f in picked.values()}
    return merged


def keep_beside(kept: str, theirs: File, data: bytes, taken: set[str]) -> tuple[Copy, bytes]:
    """The other version (``theirs``, bytes ``data``) of the file kept at ``kept``, as a
    file of its own: an entry becomes a new entry (id ending in ``c1``…, added to
    ``taken``), tagged ``conflict`` and naming the original in ``conflict_of``; any
    other file goes beside it as ``NAME-conflict-<oid>.EXT``.

    An unreadable entry, or one of a newer schema (never rewritten by this version),
    is kept byte for byte under the new name (``doctor`` reports it).
    """
    m = _COLLECTED.match(theirs.path)
    if not (m and ID_RE.match(m["id"])):
        return Copy(kept, conflict_name(theirs.path, theirs.oid)), data
    entry_id = m["id"]
    new_id = conflict_id(entry_id, taken)
    taken.add(new_id)
    where = PurePosixPath(theirs.path)
    name = new_id + where.suffix
    fields: dict[str, object] = {}
    try:
        fields, text = decode_dict(data, Path(theirs.path))  # the path names the format
        entry = from_dict_at(fields, Path(theirs.path), text)
    except UnreadableEntry:
        entry = None
    if entry is None or fields.get("schema", SCHEMA) != SCHEMA:  # never rewritten here
        return Copy(kept, str(where.with_name(name)), entry_id, new_id), data
    entry.id = new_id
    entry.tags = merge_tags(entry.tags, [CONFLICT_TAG])
    entry.extra[CONFLICT_KEY] = entry_id
    folder = (f"entries/{entry.date:%Y}/{entry.date:%m}" if where.parts[0] == "entries"
              else str(where.parent))
    return (Copy(kept, f"{folder}/{name}", entry_id, new_id),
            encode(entry, format_of(Path(theirs.path))))


def conflict_id(entry_id: str, taken: set[str]) -> str:
    """``20261126-081203-3f9a`` -> ``20261126-081203-3f9ac1`` (``c2``… if taken); the
    random part stays within the 16 characters an id allows."""
    m = ID_RE.match(entry_id)
    if not m:
        raise ValueError(f"not an entry id: {entry_id!r}")
    head, rand = f"{m[1]}-{m[2]}-", m[3]
    for n in count(1):
        suffix = f"c{n}"
        candidate = head + rand[: 16 - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")


def conflict_name(path: str, oid: str) -> str:
    """``people.toml`` -> ``people-conflict-1a2b3c4.toml``, beside the original."""
    where = PurePosixPath(path)
    return str(where.with_name(f"{where.stem}-conflict-{oid[:7]}{where.suffix}"))


def _merge_text(path: str, base: bytes | None, mine: File, theirs: File,
                store: Store) -> bytes | None:
    """``people.toml`` changed on both sides: the line merge when it is clean and
    still valid TOML; None keeps both files."""
    if path != PEOPLE:
        return None
    blobs = store.read_blobs([mine.oid, theirs.oid])
    text = store.merge_text(base or b"", blobs[mine.oid], blobs[theirs.oid])
    if text is None:
        return None
    try:
        tomllib.loads(text.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return text


def changes(old: Tree, new: Tree) -> Changes:
    """Entries added, changed and deleted from ``old`` to ``new`` (by id: an entry
    moved to another month is changed; one moved to the trash is deleted)."""
    _, (rest_old, rest_new) = _apart(normalize(old), normalize(new))
    o, n = keyed(rest_old), keyed(rest_new)
    ids_o = {k for k in o if k[0] == "entries"}
    ids_n = {k for k in n if k[0] == "entries"}
    return Changes(
        added=len(ids_n - ids_o),
        changed=sum(1 for k in ids_o & ids_n if not _same(o[k], n[k])),
        deleted=len(ids_o - ids_n),
        people=old.get(PEOPLE) != new.get(PEOPLE),
    )
