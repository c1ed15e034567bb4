"""``journal-tui sync``: the journal folder kept in step with a git remote.

The folder is a git working tree (``root/.git``). A sync commits this machine's
changes (``entries/``, ``trash/``, ``people.toml``; never ``drafts/`` nor
anything derived), fetches, merges with ``sync_merge`` (never git's merge, so
never a conflict marker), brings the files up to date and pushes; it never
rewrites history nor forces a push.

Nothing is changed until the remote has answered, so an unreachable remote, or
one that is not a journal, leaves the folder as it was. Moving to a new commit
is journalled: a marker in ``.git`` names the old and new commits before the
branch moves, and the files are then written one by one (each atomically, 0600,
and only where it still holds the old version, so a save made meanwhile is
kept); a sync killed half-way is finished by the next one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import stat
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journal_tui.core import atomic
from journal_tui.core.gitcmd import BlobHasher, Git, GitError, GitMissing, git_env
from journal_tui.core.printable import printable
from journal_tui.core.sync_merge import (
    Changes,
    Copy,
    File,
    Tree,
    changes,
    keep_beside,
    keyed,
    merge_trees,
)

REMOTE = "origin"
MARKER = "journal-tui-sync.json"
LOCK = "journal-tui-sync.lock"
PUSH_ATTEMPTS = 3
LOOSE_LIMIT = 1000  # loose objects worth packing after a sync (git's upkeep waits for 6,700)

# What may sit at the top of a journal's tree: the journal's own files, the
# copies sync keeps, and the README or licence a git host may add to a new repository.
JOURNAL_TOP = re.compile(r"^(?:entries|trash|people(?:-conflict-[0-9a-f]{7})?\.toml"
                         r"|\.gitignore|\.gitattributes|(?i:readme|licen[cs]e|copying)[^/]*)$")
FOLDERS = ("entries", "trash")
_SCP_LIKE = re.compile(r"^[^/]+:")  # host:path, user@host:path
_UNFINISHED = {"MERGE_HEAD": "merge", "CHERRY_PICK_HEAD": "cherry-pick",
               "REVERT_HEAD": "revert", "rebase-merge": "rebase", "rebase-apply": "rebase",
               "BISECT_LOG": "bisect"}
_EXCLUDE = (":(exclude,glob)*/**/.*", ":(exclude,glob)**/*.tmp")
_MARKERS = re.compile(rb"^<{7} .*^={7}$.*^>{7} ", re.M | re.S)

GITIGNORE = b"""\
# Written by journal-tui sync: only the journal's own files travel.
# drafts/ stays on this machine, and anything derived lives outside the folder.
/*
!/entries/
!/trash/
!/people.toml
!/people-conflict-*.toml
.*
*.tmp
!/.gitignore
!/.gitattributes
"""
GITATTRIBUTES = b"""\
# Written by journal-tui sync: files travel byte for byte (no end-of-line conversion).
* -text
"""


class SyncError(Exception):
    """Why a sync stopped, as a ``code`` and the values its message names.

    Codes: no-git, no-remote, unreachable, other-remote, unfinished, unmerged,
    markers, detached, lock, busy, not-journal-remote, not-journal-local, push, git.
    ``report`` is what was done before a push failed (changes stay committed here).
    """

    def __init__(self, code: str, report: SyncReport | None = None, **values: Any) -> None:
        super().__init__(f"{code}: {values}")
        self.code = code
        self.values = values
        self.report = report


@dataclass(slots=True)
class SyncReport:
    url: str
    set_up: bool = False
    """This call made the folder a git working tree (from the remote's entries, if any)."""
    sent: Changes = field(default_factory=Changes)
    received: Changes = field(default_factory=Changes)
    copies: list[Copy] = field(default_factory=list)
    """Files both machines changed (or another writer, during the sync): both kept."""


def sync(root: Path, remote: str | None = None, *,
         env: Mapping[str, str] = os.environ) -> SyncReport:
    """Sync the journal at ``root``; ``remote`` (a git URL or path) the first time."""
    git = Git(Path(root).absolute(), git_env(env))
    try:
        return _Session(git, remote).run()
    except GitMissing:
        raise SyncError("no-git") from None
    except GitError as exc:
        raise SyncError("git", detail=exc.detail) from None


@dataclass
class _Session:
    git: Git
    remote_arg: str | None
    url: str = ""
    branch: str = "main"
    remote_branch: str = "main"
    report: SyncReport = field(default_factory=lambda: SyncReport(""))

    @property
    def root(self) -> Path:
        return self.git.root

    @property
    def ref(self) -> str:
        return f"refs/heads/{self.branch}"

    @property
    def tracking(self) -> str:
        return f"refs/remotes/{REMOTE}/{self.remote_branch}"

    def run(self) -> SyncReport:
        wanted = normalize_url(self.remote_arg) if self.remote_arg else None
        if not self.git.git_dir.exists():
            if wanted is None:
                raise SyncError("no-remote", root=self.root)
            self._set_up(wanted)
            with _locked(self.git.git_dir):
                return self._sync()
        with _locked(self.git.git_dir):
            self._resume()
            self._check_local()
            self._connect(wanted)
            return self._sync()

    def _pack(self) -> None:
        """Pack the objects a whole journal made on its first sync (thousands of loose
        files) before they are pushed, so the push reuses the pack; else git's own
        upkeep would do it, slowly, in the middle of a later sync. Without the search
        for deltas: unrelated entries gain little from it."""
        loose = self.git.out("count-objects").partition(" ")[0]
        if loose.isdigit() and int(loose) >= LOOSE_LIMIT:
            self.git.run("repack", "-d", "-q", "--window=0", ok=range(256))

    # ------------------------------------------------------------------ setting up

    def _set_up(self, url: str) -> None:
        """Make the folder a git working tree for ``url``; undone if the remote fails."""
        self.url = self.report.url = url
        heads = self._ls_remote(url)
        self.branch = self.remote_branch = heads or "main"
        made_root = not self.root.exists()
        try:
            atomic.ensure_dir(self.root)
            self.git.run("init", "-q", "--shared=0600", f"--initial-branch={self.branch}",
                         str(self.root), repo=False)
            self.git.git_dir.chmod(0o700)
            self.git.run("remote", "add", REMOTE, url)
            self._track()
            self._fetch()
        except BaseException:
            shutil.rmtree(self.git.git_dir, ignore_errors=True)
            if made_root:
                with suppress(OSError):
                    self.root.rmdir()
            raise
        self.report.set_up = True

    def _connect(self, wanted: str | None) -> None:
        """Find the remote of an existing working tree (adding ``wanted`` if it has none)."""
        self.branch = self.git.out("symbolic-ref", "-q", "--short", "HEAD", ok=(0, 1))
        if not self.branch:
            raise SyncError("detached", root=self.root)
        current = self.git.out("remote", "get-url", REMOTE, ok=(0, 2, 128)) or None
        if current is None and wanted is None:
            raise SyncError("no-remote", root=self.root)
        if current is not None and wanted is not None and current != wanted:
            raise SyncError("other-remote", root=self.root, url=printable(current))
        self.url = self.report.url = current or wanted or ""
        merge = self.git.config(f"branch.{self.branch}.merge")
        if merge and merge.startswith("refs/heads/") and current is not None:
            self.remote_branch = merge.removeprefix("refs/heads/")
            self._fetch()
            return
        # A working tree of the user's own, synced for the first time.
        self.remote_branch = self._ls_remote(self.url) or self.branch
        if current is None:
            self.git.run("remote", "add", REMOTE, self.url)
        try:
            self._fetch()
        except BaseException:
            if current is None:
                self.git.run("remote", "remove", REMOTE, ok=range(256))
            raise
        self._track()
        self.report.set_up = True

    def _track(self) -> None:
        self.git.run("config", f"branch.{self.branch}.remote", REMOTE)
        self.git.run("config", f"branch.{self.branch}.merge", f"refs/heads/{self.remote_branch}")

    def _ls_remote(self, url: str) -> str | None:
        """The remote's default branch (None for an empty remote); checks it answers."""
        try:
            listing = self.git.out("ls-remote", "--symref", url, network=True, repo=False)
        except GitMissing:
            raise
        except GitError as exc:
            raise SyncError("unreachable", url=printable(url), detail=exc.detail) from None
        heads = []
        for line in listing.splitlines():
            if line.startswith("ref: refs/heads/") and line.endswith("\tHEAD"):
                return line[len("ref: refs/heads/"):-len("\tHEAD")]
            ref = line.partition("\t")[2]
            if ref.startswith("refs/heads/"):
                heads.append(ref.removeprefix("refs/heads/"))
        return heads[0] if len(heads) == 1 else ("main" if "main" in heads else None)

    def _fetch(self) -> str | None:
        """Fetch, check the remote holds a journal; its branch's commit (None: empty)."""
        try:
            self.git.run("fetch", "-q", "--no-tags", "--prune", REMOTE, network=True)
        except GitMissing:
            raise
        except GitError as exc:
            raise SyncError("unreachable", url=printable(self.url), detail=exc.detail) from None
        tip = self.git.rev(self.tracking)
        if tip is not None:
            foreign = _not_journal(self.git.top_names(tip))
            if foreign:
                raise SyncError("not-journal-remote", url=printable(self.url),
                                name=printable(foreign))
        return tip

    # ---------------------------------------------------------------- checking

    def _check_local(self) -> None:
        """Refuse a working tree in a state only a person should settle."""
        git_dir = self.git.git_dir
        for name, what in _UNFINISHED.items():
            if (git_dir / name).exists():
                raise SyncError("unfinished", root=self.root, what=what)
        if (git_dir / "index.lock").exists():
            raise SyncError("lock", root=self.root, path=git_dir / "index.lock")
        unmerged = self.git.run("ls-files", "-u", "-z").stdout
        if unmerged:
            first = unmerged.split(b"\0")[0].partition(b"\t")[2].decode("utf-8", "replace")
            raise SyncError("unmerged", root=self.root, path=printable(first))
        head = self.git.rev("HEAD")
        if head is not None:
            foreign = _not_journal(self.git.top_names(head))
            if foreign:
                raise SyncError("not-journal-local", root=self.root, name=printable(foreign))
        for changed in self._changed_files():
            file = self.root / changed
            with suppress(OSError):
                if file.is_file() and _has_markers(file, file.read_bytes()):
                    raise SyncError("markers", path=printable(str(file)))

    def _changed_files(self) -> list[str]:
        specs = self._pathspecs()
        if not specs:
            return []
        raw = self.git.run("status", "--porcelain", "-z", "--untracked-files=all",
                           "--", *specs, *_EXCLUDE).stdout
        files, records = [], iter(raw.split(b"\0"))
        for record in records:
            if len(record) > 3:
                files.append(record[3:].decode("utf-8", "surrogateescape"))
                if record[:1] in (b"R", b"C"):
                    next(records, None)  # the rename's source
        return files

    def _pathspecs(self) -> list[str]:
        """The journal's top-level names, on disk or known to git."""
        names = {name for name in os.listdir(self.root) if JOURNAL_TOP.match(name)}
        tracked = self.git.run("ls-files", "-z").stdout.split(b"\0")
        names |= {p.split(b"/", 1)[0].decode("utf-8", "surrogateescape") for p in tracked if p}
        return sorted(n for n in names if JOURNAL_TOP.match(n))

    # ------------------------------------------------------------------ syncing

    def _sync(self) -> SyncReport:
        git = self.git
        git.use_identity()
        remote_tip = git.rev(self.tracking)
        remote_tree = git.tree(remote_tip)
        for name, text in ((".gitignore", GITIGNORE), (".gitattributes", GITATTRIBUTES)):
            if name not in remote_tree and not (self.root / name).exists():
                atomic.atomic_write(self.root / name, text)
        local_tip = self._commit_local()
        self._pack()
        local_tree = git.tree(local_tip)
        tip = local_tip
        detail = "the remote kept moving"
        for _attempt in range(PUSH_ATTEMPTS):
            tip = self._merge(tip, remote_tip)
            if tip is None or tip == remote_tip:
                return self._report(local_tree, tip, remote_tree)
            try:
                git.run("push", "-q", "--no-verify", REMOTE,
                        f"{self.ref}:refs/heads/{self.remote_branch}", network=True)
                return self._report(local_tree, tip, remote_tree)
            except GitError as exc:
                detail = exc.detail
            try:  # rejected because another machine pushed meanwhile? Merge that too.
                moved = self._fetch()
            except SyncError:
                break
            if moved == remote_tip:
                break
            remote_tip, remote_tree = moved, git.tree(moved)
        raise SyncError("push", self._report(local_tree, tip, None), url=printable(self.url),
                        detail=detail)

    def _report(self, local_tree: Tree, tip: str | None, remote_tree: Tree | None) -> SyncReport:
        """What came in, and what went out (nothing when ``remote_tree`` is None: not sent)."""
        final = self.git.tree(tip)
        self.report.received = changes(local_tree, final)
        self.report.sent = changes(remote_tree, final) if remote_tree is not None else Changes()
        return self.report

    def _commit_local(self) -> str | None:
        """Commit this machine's changes; the branch's commit after that (None: nothing yet)."""
        specs = self._pathspecs()
        if specs:
            # --force: what travels is named here, whatever a .gitignore says.
            self.git.run("add", "-A", "--force", "--", *specs, *_EXCLUDE)
        tree = self.git.out("write-tree")
        head = self.git.rev(self.ref)
        if head is None and not self.git.tree(tree):
            return None
        if head is not None and tree == self.git.out("rev-parse", f"{head}^{{tree}}"):
            return head
        commit = self.git.commit(tree, [head] if head else [],
                                 f"Journal changes from {_host()}")
        self.git.run("update-ref", self.ref, commit, head or self.git.zero())
        return commit

    def _merge(self, local: str | None, remote: str | None) -> str | None:
        """Bring ``remote`` in: the new commit of the branch, files updated."""
        git = self.git
        if remote is None or remote == local:
            return local
        if local is not None and _is_ancestor(git, remote, local):
            return local
        if local is None or _is_ancestor(git, local, remote):
            self._advance(local, remote)
            return remote
        base = git.out("merge-base", local, remote, ok=(0, 1)) or None
        merged = merge_trees(git.tree(base), git.tree(local), git.tree(remote), git)
        self.report.copies.extend(merged.copies)
        commit = git.commit(git.write_tree(merged.tree), [local, remote],
                            f"Merge {REMOTE}/{self.remote_branch} into {_host()}'s journal")
        self._advance(local, commit)
        return commit

    # ---------------------------------------------------------------- moving on

    def _advance(self, old: str | None, new: str) -> None:
        """Move the branch from ``old`` to ``new`` and its files with it (journalled)."""
        old_tree = self.git.out("rev-parse", f"{old}^{{tree}}") if old else self.git.write_tree({})
        marker = {"ref": self.ref, "old": old, "new": new, "old_tree": old_tree}
        atomic.atomic_write(self.git.git_dir / MARKER, json.dumps(marker).encode())
        self._finish(marker)

    def _resume(self) -> None:
        """Finish a sync that was interrupted while it moved to a new commit."""
        path = self.git.git_dir / MARKER
        try:
            marker = json.loads(path.read_bytes())
        except FileNotFoundError:
            return
        except ValueError:
            path.unlink()  # torn before the branch moved (written atomically: never)
            return
        self._finish(marker)

    def _finish(self, marker: dict[str, Any]) -> None:
        git, ref, old, new = self.git, marker["ref"], marker["old"], marker["new"]
        head = git.rev(ref)
        if head == old:
            git.run("update-ref", ref, new, old or self.git.zero())
        elif head != new:  # the branch moved on since: nothing left to finish
            (git.git_dir / MARKER).unlink()
            return
        git.run("read-tree", new)
        self.report.copies += update_files(self.root, git.tree(marker["old_tree"]),
                                           git.tree(new), git, git.hasher())
        (git.git_dir / MARKER).unlink()


# ------------------------------------------------------------------------- files


def update_files(root: Path, old: Tree, new: Tree, git: Git, hasher: BlobHasher) -> list[Copy]:
    """Write what changed from ``old`` to ``new`` into the folder.

    A file is replaced only where it still holds ``old``'s version (or already
    ``new``'s: a resumed sync). One that another writer changed meanwhile (a save
    during the sync) stays as it is, and ``new``'s version goes beside it, as when two
    machines change one entry: the copies made are returned. Only journal paths are
    written, never through a symbolic link, always 0600 in 0700 folders, whatever
    the remote's modes.
    """
    paths = sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
    blobs = git.read_blobs(new[p][1] for p in paths if p in new and _regular(new[p][0]))
    durable = len(paths) <= 64  # beyond, one sync of the disk beats an fsync per file
    copies: list[Copy] = []
    checked: set[str] = set()
    taken: set[str] | None = None
    for rel in paths:
        target = safe_target(root, rel, checked)
        before, after = old.get(rel), new.get(rel)
        if target is None or (after is not None and not _regular(after[0])):
            continue
        now = _worktree_oid(target, hasher)
        if now == (after[1] if after else None):
            continue
        if now == (before[1] if before else None):
            _write(target, blobs[after[1]] if after else None, durable)
        elif after is not None:  # changed meanwhile: both versions stay
            if taken is None:
                taken = {k[1] for k in keyed(new) if k[0] != "path"}
            copy, data = keep_beside(rel, File(rel, *after), blobs[after[1]], taken)
            beside = safe_target(root, copy.copy, checked)
            if beside is not None and not beside.exists():
                _write(beside, data, durable)
                copies.append(copy)
    if not durable:
        os.sync()
    return copies


def _write(target: Path, data: bytes | None, durable: bool) -> None:
    if data is not None:
        atomic.atomic_write(target, data, durable=durable)
    elif durable:
        atomic.remove(target)
    else:
        target.unlink(missing_ok=True)


def safe_target(root: Path, rel: str, checked: set[str] | None = None) -> Path | None:
    """``root/rel`` if it is a journal path reached through real folders only
    (``checked``: folders already found real, spared a second look)."""
    parts = rel.split("/")
    if not JOURNAL_TOP.match(parts[0]) or (parts[0] in FOLDERS) != (len(parts) > 1):
        return None
    if any(p in ("", ".", "..") or p.casefold() == ".git" or "\\" in p for p in parts):
        return None
    if checked is None or rel.rpartition("/")[0] not in checked:
        folder = root
        for n, part in enumerate(parts[:-1], 1):
            folder = folder / part
            if folder.is_symlink() or (folder.exists() and not folder.is_dir()):
                return None
            if checked is not None and folder.is_dir():
                checked.add("/".join(parts[:n]))
    return root / rel


def _worktree_oid(path: Path, hasher: BlobHasher) -> str | None:
    try:
        st = path.lstat()
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(st.st_mode):
        return hasher(os.readlink(path).encode())
    if not stat.S_ISREG(st.st_mode):
        return "not a file"
    return hasher(path.read_bytes())


def _regular(mode: str) -> bool:
    return mode in ("100644", "100755")


# ------------------------------------------------------------------------- helpers


def normalize_url(url: str) -> str:
    """A local path made absolute (a USB key's folder, a bare repository); URLs as given."""
    if "://" in url or _SCP_LIKE.match(url):
        return url
    return str(Path(url).expanduser().absolute())


def _not_journal(names: dict[str, str]) -> str | None:
    """The first name at the top of a tree that a journal would not hold."""
    for name, kind in sorted(names.items()):
        folder = name in FOLDERS
        if not JOURNAL_TOP.match(name) or folder != (kind == "tree"):
            return name
    return None


def _has_markers(path: Path, data: bytes) -> bool:
    """Git's conflict markers in a file they make unreadable (an entry may quote them)."""
    if not _MARKERS.search(data):
        return False
    try:
        text = data.decode("utf-8")
        if path.suffix == ".json":
            json.loads(text)
        else:
            tomllib.loads(text)
    except (UnicodeDecodeError, ValueError):
        return True
    return False


def _is_ancestor(git: Git, a: str, b: str) -> bool:
    return git.run("merge-base", "--is-ancestor", a, b, ok=(0, 1)).returncode == 0


def _host() -> str:
    return printable(socket.gethostname()) or "this machine"


@contextmanager
def _locked(git_dir: Path) -> Iterator[None]:
    """One sync at a time per journal; the lock dies with its process (kill -9 included)."""
    try:
        import fcntl
    except ImportError:  # not on POSIX: git's own locks still guard the repository
        yield
        return
    fd = os.open(git_dir / LOCK, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SyncError("busy", root=git_dir.parent) from None
        yield
    finally:
        os.close(fd)
