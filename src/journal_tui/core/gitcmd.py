"""Calling the ``git`` program, the proven engine ``sync`` stands on.

Every call is non-interactive (no credential prompt, ssh in batch mode, no
editor, no pager, standard input closed), names its repository explicitly
(``--git-dir``/``--work-tree``: a repository around the journal folder, or
``GIT_DIR`` in the environment, is never used by mistake) and keeps bytes as
written (no end-of-line conversion). Only plumbing commands touch the
repository, so git never writes conflict markers or leaves a merge half-done.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journal_tui.core.printable import printable

GIT = "git"
NETWORK_TIMEOUT = 300  # seconds a fetch or push may take before it counts as unreachable

# Settings given on every call: bytes kept as written, nothing waiting for a
# person (signing may ask for a passphrase), no background process left behind,
# incoming objects checked (a crafted tree cannot name ``..`` or ``.git``).
_SETTINGS = ("core.autocrlf=false", "core.safecrlf=false", "core.fileMode=false",
             "core.quotePath=false", "commit.gpgSign=false", "gc.autoDetach=false",
             "maintenance.autoDetach=false", "transfer.fsckObjects=true",
             "color.ui=false", "advice.detachedHead=false", f"core.excludesFile={os.devnull}")
# Variables that would point git at another repository, index or identity store.
_REPO_VARS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
              "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE", "GIT_COMMON_DIR",
              "GIT_CEILING_DIRECTORIES", "GIT_PREFIX")


class GitError(Exception):
    """A git call that failed; ``detail`` is git's own one-line reason."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class GitMissing(GitError):
    """The ``git`` program is not installed (or not on ``PATH``)."""


def git_env(base: Mapping[str, str]) -> dict[str, str]:
    env = {k: v for k, v in base.items() if k not in _REPO_VARS}
    env.update(GIT_TERMINAL_PROMPT="0", GCM_INTERACTIVE="never", GIT_EDITOR=":",
               GIT_SEQUENCE_EDITOR=":", GIT_MERGE_AUTOEDIT="no", GIT_PAGER="cat",
               PAGER="cat", LC_ALL="C", LANGUAGE="C")
    if "GIT_SSH_COMMAND" not in env and "GIT_SSH" not in env:
        # A host key to confirm or a passphrase to type fails at once instead of waiting.
        env["GIT_SSH_COMMAND"] = "ssh -o BatchMode=yes -o ConnectTimeout=30"
    return env


def one_line(stderr: bytes | str) -> str:
    """git's reason in one printable line: its first ``fatal:``/``error:`` line (or,
    when that line only says a push or an ssh connection failed, the line saying
    why), else its last line. Text from a remote is data: control characters go."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    lines = [printable(line, newlines=False).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    for n, line in enumerate(lines):
        if not line.startswith(("fatal: ", "error: ")):
            continue
        if line.endswith("Could not read from remote repository.") and n:
            return lines[n - 1]  # ssh said why just before
        if "failed to push some refs" in line:
            why = [x for x in lines[:n] if x.startswith(("! ", "remote: "))]
            if why:
                return "; ".join(why)
        return line.partition(": ")[2]
    return lines[-1] if lines else "git failed"


@dataclass
class Git:
    """The git repository of one journal folder (``root/.git``)."""

    root: Path
    env: dict[str, str] = field(default_factory=lambda: git_env(os.environ))
    identity: tuple[str, ...] = ()
    """``-c user.name=… -c user.email=…`` when the user's git config has none."""
    _trees: dict[str, dict[str, tuple[str, str]]] = field(default_factory=dict, repr=False)
    _hasher: BlobHasher | None = field(default=None, repr=False)

    @property
    def git_dir(self) -> Path:
        return self.root / ".git"

    def run(self, *args: str, input: bytes | None = None, ok: Iterable[int] = (0,),
            network: bool = False, repo: bool = True,
            env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
        """Run git; ``GitError`` (git's reason) unless its status is in ``ok``."""
        argv = [GIT]
        if repo:
            argv += ["--git-dir", str(self.git_dir), "--work-tree", str(self.root)]
        for setting in _SETTINGS:
            argv += ["-c", setting]
        argv += [*self.identity, *args]
        cwd = self.root if self.root.is_dir() else _existing_parent(self.root)
        try:
            done = subprocess.run(argv, input=input, capture_output=True, cwd=cwd,
                                  env={**self.env, **(env or {})}, check=False,
                                  stdin=None if input is not None else subprocess.DEVNULL,
                                  timeout=NETWORK_TIMEOUT if network else None)
        except FileNotFoundError:
            raise GitMissing("git is not installed") from None
        except subprocess.TimeoutExpired:
            raise GitError(f"no answer within {NETWORK_TIMEOUT} s") from None
        if done.returncode not in tuple(ok):
            raise GitError(one_line(done.stderr))
        return done

    def out(self, *args: str, **kw: Any) -> str:
        """Standard output as text, without its final newline."""
        return self.run(*args, **kw).stdout.decode("utf-8", "surrogateescape").rstrip("\n")

    def rev(self, name: str) -> str | None:
        """The commit ``name`` points at, or None (an unborn branch, a missing ref)."""
        oid = self.out("rev-parse", "-q", "--verify", f"{name}^{{commit}}", ok=(0, 1))
        return oid or None

    def config(self, key: str) -> str | None:
        return self.out("config", "--get", key, ok=(0, 1)) or None

    def use_identity(self) -> None:
        """Commit as the user's git identity, else as ``journal-tui <journal-tui@localhost>``."""
        found = self.out("config", "--get-regexp", r"^user\.(name|email)$", ok=(0, 1))
        keys = {line.partition(" ")[0] for line in found.splitlines()}
        self.identity = ()
        if "user.name" not in keys:
            self.identity += ("-c", "user.name=journal-tui")
        if "user.email" not in keys:
            self.identity += ("-c", "user.email=journal-tui@localhost")

    # ----------------------------------------------------------------- objects

    def tree(self, oid: str | None) -> dict[str, tuple[str, str]]:
        """``path -> (mode, object id)`` of every file in commit or tree ``oid`` (``{}`` for
        None); kept per object id, which never changes meaning."""
        if oid is None:
            return {}
        if oid not in self._trees:
            self._trees[oid] = self._ls_tree(oid)
        return dict(self._trees[oid])

    def _ls_tree(self, oid: str) -> dict[str, tuple[str, str]]:
        raw = self.run("ls-tree", "-r", "-z", "--full-tree", oid).stdout
        files: dict[str, tuple[str, str]] = {}
        for record in raw.split(b"\0"):
            if not record:
                continue
            meta, _, path = record.partition(b"\t")
            mode, _kind, oid = meta.decode().split(" ")
            files[path.decode("utf-8", "surrogateescape")] = (mode, oid)
        return files

    def top_names(self, rev: str) -> dict[str, str]:
        """The names at the top of ``rev``'s tree, each with its type (blob, tree…)."""
        raw = self.run("ls-tree", "-z", rev).stdout
        names: dict[str, str] = {}
        for record in raw.split(b"\0"):
            if record:
                meta, _, path = record.partition(b"\t")
                names[path.decode("utf-8", "surrogateescape")] = meta.decode().split(" ")[1]
        return names

    def read_blobs(self, oids: Iterable[str]) -> dict[str, bytes]:
        """Many blobs in one ``cat-file --batch`` call."""
        wanted = list(dict.fromkeys(oids))
        if not wanted:
            return {}
        raw = self.run("cat-file", "--batch", input="\n".join(wanted).encode() + b"\n").stdout
        blobs: dict[str, bytes] = {}
        pos = 0
        for oid in wanted:
            end = raw.index(b"\n", pos)
            header = raw[pos:end].split(b" ")
            if len(header) != 3:
                raise GitError(f"object {oid} is missing")
            size = int(header[2])
            blobs[oid] = raw[end + 1:end + 1 + size]
            pos = end + 1 + size + 1
        return blobs

    def write_blob(self, data: bytes) -> str:
        return self.out("hash-object", "-w", "--stdin", input=data)

    def write_tree(self, files: Mapping[str, tuple[str, str]]) -> str:
        """A tree object holding exactly ``files``, built in a private index."""
        index = self.git_dir / "journal-tui.index"
        index.unlink(missing_ok=True)
        info = b"".join(f"{mode} {oid}\t".encode() + path.encode("utf-8", "surrogateescape")
                        + b"\0" for path, (mode, oid) in sorted(files.items()))
        try:
            env = {"GIT_INDEX_FILE": str(index)}
            self.run("update-index", "-z", "--index-info", input=info, env=env)
            return self.out("write-tree", env=env)
        finally:
            index.unlink(missing_ok=True)

    def commit(self, tree: str, parents: list[str], message: str) -> str:
        args = ["commit-tree", tree]
        for parent in parents:
            args += ["-p", parent]
        return self.out(*args, "-m", message)

    def merge_text(self, base: bytes, ours: bytes, theirs: bytes) -> bytes | None:
        """A line-based three-way merge (``git merge-file``); None on a conflict."""
        folder = self.git_dir / "journal-tui-merge"
        shutil.rmtree(folder, ignore_errors=True)  # left by a sync killed here
        folder.mkdir(mode=0o700)
        paths = []
        try:
            for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
                (folder / name).write_bytes(data)
                paths.append(str(folder / name))
            done = self.run("merge-file", "-p", *paths, ok=range(0, 128), repo=False)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return done.stdout if done.returncode == 0 else None

    def zero(self) -> str:
        """The null object id: as ``update-ref``'s old value, "must not exist yet"."""
        return "0" * len(self.hasher()(b""))

    def hasher(self) -> BlobHasher:
        if self._hasher is None:
            self._hasher = BlobHasher(self.out("rev-parse", "--show-object-format") or "sha1")
        return self._hasher


@dataclass(frozen=True, slots=True)
class BlobHasher:
    """The object id git gives a file's bytes, computed here (no process per file)."""

    algorithm: str = "sha1"

    def __call__(self, data: bytes) -> str:
        digest = hashlib.new(self.algorithm)
        digest.update(b"blob %d\0" % len(data))
        digest.update(data)
        return digest.hexdigest()


def _existing_parent(path: Path) -> Path:
    for folder in path.parents:
        if folder.is_dir():
            return folder
    return Path("/")
