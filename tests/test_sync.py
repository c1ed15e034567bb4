"""``journal-tui sync``: two machines (two journal folders) and a bare git repository.

Every test runs the real ``git`` program on folders in ``tmp_path``; the user's
git configuration is replaced by an empty one, so commits use journal-tui's
own identity unless a test sets one.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from journal_tui.cli import main
from journal_tui.core.codec import decode, encode
from journal_tui.core.conflicts import find_conflicts
from journal_tui.core.model import ID_RE, make_entry
from journal_tui.core.storage import Draft, Journal

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(
    GIT is None, reason="git is not installed: sync runs the git program (.ci/run installs it)")

DAY = date(2026, 11, 20)


def git(*args: str, cwd: Path | None = None, check: bool = True) -> str:
    done = subprocess.run([GIT or "git", *args], cwd=cwd, capture_output=True, text=True,
                          check=check, stdin=subprocess.DEVNULL)
    return done.stdout


@pytest.fixture(autouse=True)
def git_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    config = tmp_path / "gitconfig"
    config.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(config))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                "GIT_COMMITTER_EMAIL", "EMAIL", "GIT_DIR", "GIT_WORK_TREE"):
        monkeypatch.delenv(var, raising=False)
    return config


@pytest.fixture
def remote(tmp_path: Path) -> Path:
    bare = tmp_path / "remote.git"
    git("init", "-q", "--bare", str(bare))
    return bare


class Machine:
    """One journal folder, driven through the command line and the storage API."""

    def __init__(self, root: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.root = root
        self.capsys = capsys

    def run(self, *argv: str) -> tuple[int, str, str]:
        code = main(["--journal", str(self.root), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def sync(self, *argv: str) -> tuple[int, str, str]:
        return self.run("sync", *argv)

    def journal(self) -> Journal:
        caches = Path(os.environ["JOURNAL_TUI_CACHE"])
        return Journal(self.root, cache_dir=caches / f"test-{self.root.name}")

    def add(self, body: str, fmt: str = "toml") -> str:
        j = self.journal()
        j.fmt = fmt
        entry = make_entry(body, day=DAY)
        j.save(entry)
        j.close()
        return entry.id

    def edit(self, entry_id: str, body: str) -> None:
        j = self.journal()
        entry = j.get(entry_id)
        entry.body = body
        j.save(entry)
        j.close()

    def delete(self, entry_id: str) -> None:
        j = self.journal()
        j.delete(entry_id)
        j.close()

    def entries(self) -> dict[str, str]:
        """id -> body of every entry file."""
        files = [p for p in (self.root / "entries").rglob("*") if p.suffix in (".toml", ".json")]
        return {p.stem: decode(p.read_bytes(), p).body for p in files}

    def state(self) -> tuple[object, ...]:
        """What a failed sync must leave as it was: git's view and every file's bytes."""
        files = {str(p.relative_to(self.root)): p.read_bytes()
                 for p in sorted(self.root.rglob("*"))
                 if p.is_file() and ".git" not in p.relative_to(self.root).parts}
        if not (self.root / ".git").exists():
            return (None, files)
        return (git("status", "--porcelain", "--untracked-files=all", cwd=self.root),
                git("rev-parse", "HEAD", cwd=self.root, check=False),
                git("log", "--all", "--oneline", cwd=self.root, check=False), files)


@pytest.fixture
def a(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Machine:
    return Machine(tmp_path / "a", capsys)


@pytest.fixture
def b(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Machine:
    return Machine(tmp_path / "b", capsys)


def both_synced(a: Machine, b: Machine, remote: Path) -> None:
    assert a.sync("--remote", str(remote))[0] == 0
    assert b.sync("--remote", str(remote))[0] == 0


def no_conflict_markers(root: Path) -> bool:
    return not any(b"<<<<<<<" in p.read_bytes() for p in root.rglob("*")
                   if p.is_file() and ".git" not in p.parts)


# ------------------------------------------------------------------ setting up


def test_first_sync_sends_the_journal_and_a_new_machine_receives_it(
        a: Machine, b: Machine, remote: Path) -> None:
    first = a.add("First entry #work")
    a.add("Second entry, in JSON", fmt="json")
    (a.root / "people.toml").write_text('[[people]]\nname = "Marie"\n')
    j = a.journal()
    j.save_draft(Draft(key="new-20261120", body="typed, not saved", date=DAY))
    j.close()

    code, out, err = a.sync("--remote", str(remote))
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"{a.root} now syncs with {remote} (git).",
        "Sent: 2 new entries, the people list (people.toml). Received: nothing."]
    tracked = git("ls-tree", "-r", "--name-only", "main", cwd=remote).split()
    assert "people.toml" in tracked and ".gitignore" in tracked
    assert not [p for p in tracked if p.startswith("drafts")]
    assert git("log", "-1", "--format=%an <%ae>", "main", cwd=remote).strip() == (
        "journal-tui <journal-tui@localhost>")

    code, out, _ = b.sync("--remote", str(remote))  # b's folder does not exist yet
    assert code == 0
    assert out.splitlines()[-1] == "Sent: nothing. Received: 2 new entries, the people list " \
                                   "(people.toml)."
    assert b.entries() == a.entries() and first in b.entries()
    assert (b.root / "people.toml").read_text() == '[[people]]\nname = "Marie"\n'
    assert not (b.root / "drafts").exists()
    for path in b.root.rglob("*"):
        if ".git" in path.relative_to(b.root).parts:
            continue
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (0o700 if path.is_dir() else 0o600), path
    assert stat.S_IMODE((b.root / ".git").stat().st_mode) == 0o700
    assert b.run("doctor")[0] == 0

    assert a.sync()[1] == "Sent: nothing. Received: nothing.\n"  # the remote is remembered


def test_the_users_own_git_identity_is_kept(a: Machine, remote: Path, git_config: Path) -> None:
    git_config.write_text("[user]\n\tname = Ada\n\temail = ada@example.org\n")
    a.add("hello")
    a.sync("--remote", str(remote))
    author = git("log", "-1", "--format=%an <%ae>", "main", cwd=remote).strip()
    assert author == "Ada <ada@example.org>"


# ------------------------------------------------------------------ two machines


def test_machines_that_changed_different_entries_both_end_with_every_change(
        a: Machine, b: Machine, remote: Path) -> None:
    kept, edited, gone = a.add("kept"), a.add("to edit"), a.add("to delete")
    both_synced(a, b, remote)
    a_new = a.add("new on A")
    a.edit(edited, "edited on A")
    b_new = b.add("new on B")
    b.delete(gone)

    assert a.sync()[1] == "Sent: 1 new entry, 1 changed. Received: nothing.\n"
    assert b.sync()[1] == "Sent: 1 new entry, 1 deleted. Received: 1 new entry, 1 changed.\n"
    assert a.sync()[1] == "Sent: nothing. Received: 1 new entry, 1 deleted.\n"
    expected = {kept: "kept", edited: "edited on A", a_new: "new on A", b_new: "new on B"}
    assert a.entries() == b.entries() == expected
    assert (a.root / "trash" / f"{gone}.toml").exists()  # the deletion travels as a move
    assert git("status", "--porcelain", cwd=a.root) == git("status", "--porcelain",
                                                           cwd=b.root) == ""


def test_the_same_entry_changed_on_both_machines_keeps_both_versions(
        a: Machine, b: Machine, remote: Path) -> None:
    entry_id = a.add("original text")
    both_synced(a, b, remote)
    a.edit(entry_id, "edited on A")
    b.edit(entry_id, "edited on B")
    a.sync()
    code, out, _ = b.sync()
    copy_id = entry_id + "c1"
    assert code == 0 and out.splitlines() == [
        "Sent: 1 new entry, 1 changed. Received: 1 new entry.",
        f"1 entry was changed on both machines: both versions are kept, the other machine’s "
        f"as {copy_id} (tagged conflict; journal-tui doctor lists it until you delete one "
        f"version)."]
    a.sync()
    assert a.entries() == b.entries() == {entry_id: "edited on B", copy_id: "edited on A"}
    assert ID_RE.match(copy_id)
    copy = b.journal().get(copy_id)
    assert "conflict" in copy.tags and copy.extra["conflict_of"] == entry_id
    assert no_conflict_markers(a.root) and no_conflict_markers(b.root)

    code, out, _ = b.run("doctor")
    assert code == 1 and f"{copy_id}.toml: changed on two machines" in out
    j = b.journal()
    [conflict] = find_conflicts(j)
    assert (conflict.kind, conflict.entry_id, conflict.original_id) == ("sync", copy_id, entry_id)
    j.close()
    b.delete(copy_id)  # one version chosen: no conflict any more
    assert b.run("doctor")[0] == 0
    b.sync()
    a.sync()
    assert a.entries() == {entry_id: "edited on B"} and a.run("doctor")[0] == 0


@pytest.mark.parametrize("deleter_first", [True, False])
def test_modified_on_one_machine_deleted_on_the_other_keeps_the_modified_one(
        a: Machine, b: Machine, remote: Path, deleter_first: bool) -> None:
    entry_id = a.add("original")
    both_synced(a, b, remote)
    a.delete(entry_id)
    b.edit(entry_id, "edited on B")
    order = [a, b, a, b] if deleter_first else [b, a, b, a]
    for machine in order:
        assert machine.sync()[0] == 0
    assert a.entries() == b.entries() == {entry_id: "edited on B"}


def test_both_machines_had_a_journal_with_the_same_new_id(
        a: Machine, b: Machine, remote: Path) -> None:
    """Two journals set up separately (unrelated histories) with one id in common."""
    entry_id = "20261120-090000-abcd"
    for machine, body in ((a, "A's text"), (b, "B's text")):
        entry = make_entry(body, day=DAY)
        entry.id = entry_id
        j = machine.journal()
        j.save(entry)
        j.close()
    same = make_entry("same on both", day=DAY)
    for machine in (a, b):
        j = machine.journal()
        j.save(same.with_changes(source=None))  # a new file on each machine
        j.close()
    both_synced(a, b, remote)
    a.sync()
    assert a.entries() == b.entries() == {entry_id: "B's text", entry_id + "c1": "A's text",
                                          same.id: "same on both"}


def test_people_changed_on_both_machines_keeps_both_files(
        a: Machine, b: Machine, remote: Path) -> None:
    people = a.root / "people.toml"
    a.root.mkdir(mode=0o700)
    people.write_text('[[people]]\nname = "Marc"\nnote = "first"\n\n'
                      '[[people]]\nname = "Lea"\nnote = "second"\n')
    both_synced(a, b, remote)
    # Notes on two different people: git's line merge is clean, both changes arrive.
    people.write_text(people.read_text().replace('"first"', '"ancien associé"'))
    (b.root / "people.toml").write_text(
        (b.root / "people.toml").read_text().replace('"second"', '"mentor"'))
    a.sync()
    assert b.sync()[0] == 0
    assert '"ancien associé"' in (b.root / "people.toml").read_text()
    assert '"mentor"' in (b.root / "people.toml").read_text()
    # The same line on both: both versions kept, side by side, and said so.
    a.sync()
    people.write_text(people.read_text().replace('"Marc"', '"Marc Aurèle"'))
    (b.root / "people.toml").write_text(
        (b.root / "people.toml").read_text().replace('"Marc"', '"Marco"'))
    a.sync()
    code, out, _ = b.sync()
    [copy] = b.root.glob("people-conflict-*.toml")
    assert code == 0 and (f"people.toml was changed on both machines: this machine’s version "
                          f"is kept, the other’s is in {copy.name}.") in out
    assert '"Marco"' in (b.root / "people.toml").read_text()
    assert '"Marc Aurèle"' in copy.read_text()
    assert f"{copy}: changed on two machines" in b.run("doctor")[1]
    a.sync()
    assert (a.root / copy.name).read_bytes() == copy.read_bytes()


def test_a_push_race_with_another_machine_is_merged_again(
        a: Machine, b: Machine, remote: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal_tui.core import sync as core_sync

    both_synced(a, b, remote)
    a.add("A, first")
    a.sync()
    b_id = b.add("B")
    real = core_sync.update_files
    raced: list[str] = []

    def meanwhile(*args: object, **kw: object) -> list[str]:
        done = real(*args, **kw)  # type: ignore[arg-type]
        if not raced:  # while B merges, A pushes once more
            raced.append(a.add("A, during B's sync"))
            core_sync.sync(a.root)
        return done

    monkeypatch.setattr(core_sync, "update_files", meanwhile)
    code, out, _ = b.sync()
    assert code == 0 and "Received: 2 new entries." in out
    a.sync()
    assert a.entries() == b.entries() and {b_id, raced[0]} <= a.entries().keys()
    assert len(a.entries()) == 3


def test_a_save_made_during_the_sync_is_kept_beside_what_came_in(
        a: Machine, b: Machine, remote: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from journal_tui.core import sync as core_sync

    entry_id = a.add("original")
    both_synced(a, b, remote)
    a.edit(entry_id, "edited on A")
    a.sync()
    real = core_sync.update_files

    def save_first(*args: object, **kw: object) -> object:
        b.edit(entry_id, "saved on B while it synced")  # after B committed, before files move
        return real(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(core_sync, "update_files", save_first)
    code, out, _ = b.sync()
    monkeypatch.undo()
    assert code == 0 and f"the other machine’s as {entry_id}c1" in out
    assert b.entries() == {entry_id: "saved on B while it synced", entry_id + "c1": "edited on A"}
    b.sync()
    a.sync()
    assert a.entries() == b.entries()


# ------------------------------------------------------------------ interrupted


KILLER = """
import os, signal, sys
from pathlib import Path
from journal_tui.core import atomic, sync

real, done = atomic.atomic_write, []

def write_then_die(path, data, **kw):
    real(path, data, **kw)
    if "entries" in Path(path).parts:
        done.append(path)
        if len(done) == 2:
            os.kill(os.getpid(), signal.SIGKILL)

atomic.atomic_write = write_then_die
sync.sync(Path(sys.argv[1]))
"""


def test_a_sync_killed_while_writing_files_is_finished_by_the_next(
        a: Machine, b: Machine, remote: Path) -> None:
    both_synced(a, b, remote)
    ids = {a.add(f"entry {n}") for n in range(5)}
    a.sync()
    killed = subprocess.run([sys.executable, "-c", KILLER, str(b.root)], env=os.environ.copy(),
                            capture_output=True, check=False, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert (b.root / ".git" / "journal-tui-sync.json").exists()
    assert 0 < len(b.entries()) < 5

    assert b.sync()[0] == 0
    assert not (b.root / ".git" / "journal-tui-sync.json").exists()
    assert b.entries().keys() == ids
    assert git("status", "--porcelain", cwd=b.root) == ""
    assert a.sync()[1] == "Sent: nothing. Received: nothing.\n"  # nothing went back deleted


# ------------------------------------------------------------------ errors: nothing changed


def test_errors_are_one_line_and_change_nothing(a: Machine, b: Machine, remote: Path,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    a.add("an entry")
    before = a.state()

    def fails(machine: Machine, *argv: str, message: str) -> None:
        code, out, err = machine.sync(*argv)
        assert code == 1 and out == "" and len(err.splitlines()) == 1, err
        assert message in err and "Traceback" not in err
        assert machine.state() == before

    fails(a, message="has no remote yet: run journal-tui sync --remote URL once")
    fails(a, "--remote", str(tmp_path / "missing.git"),
          message=f"cannot reach the remote {tmp_path / 'missing.git'}")
    not_journal = tmp_path / "code.git"
    git("init", "-q", "--bare", str(not_journal))
    work = tmp_path / "code"
    git("clone", "-q", str(not_journal), str(work))
    (work / "main.c").write_text("int main;\n")
    git("-c", "user.name=x", "-c", "user.email=x@x", "add", "main.c", cwd=work)
    git("-c", "user.name=x", "-c", "user.email=x@x", "commit", "-qm", "code", cwd=work)
    git("push", "-q", "origin", "HEAD", cwd=work)
    fails(a, "--remote", str(not_journal),
          message=f"the remote {not_journal} is not a journal (it holds main.c)")
    with monkeypatch.context() as m:
        m.setenv("PATH", str(tmp_path / "nowhere"))
        fails(a, "--remote", str(remote), message="sync needs the git program")

    assert a.sync("--remote", str(remote))[0] == 0
    a.add("not yet sent")
    before = a.state()
    fails(a, "--remote", str(not_journal), message=f"already syncs with {remote}")
    moved = tmp_path / "elsewhere.git"
    remote.rename(moved)
    fails(a, message=f"cannot reach the remote {remote}")
    moved.rename(remote)
    assert a.sync()[1] == "Sent: 1 new entry. Received: nothing.\n"


def test_a_merge_in_progress_or_conflict_markers_stop_the_sync(
        a: Machine, remote: Path) -> None:
    entry_id = a.add("an entry")
    a.sync("--remote", str(remote))
    [path] = (a.root / "entries").rglob("*.toml")
    ident = ("-c", "user.name=x", "-c", "user.email=x@x")
    git(*ident, "checkout", "-q", "-b", "side", cwd=a.root)
    path.write_text(path.read_text().replace("an entry", "side text"))
    git(*ident, "commit", "-qam", "side", cwd=a.root)
    git(*ident, "checkout", "-q", "main", cwd=a.root)
    path.write_text(path.read_text().replace("an entry", "main text"))
    git(*ident, "commit", "-qam", "main", cwd=a.root)
    git(*ident, "merge", "side", cwd=a.root, check=False)  # conflicts: markers in the file
    before = a.state()
    code, _, err = a.sync()
    assert code == 1 and "in the middle of a git merge" in err and a.state() == before
    merge_head = (a.root / ".git" / "MERGE_HEAD").read_bytes()
    (a.root / ".git" / "MERGE_HEAD").unlink()  # as a conflicting `git stash pop` leaves it
    before = a.state()
    code, _, err = a.sync()
    assert code == 1 and "has unresolved git conflicts (entries/" in err and a.state() == before
    (a.root / ".git" / "MERGE_HEAD").write_bytes(merge_head)

    git(*ident, "merge", "--abort", cwd=a.root)
    path.write_text("<<<<<<< HEAD\nbody = 'mine'\n=======\nbody = 'theirs'\n>>>>>>> side\n")
    before = a.state()
    code, _, err = a.sync()
    assert code == 1 and f"{path} holds git conflict markers" in err and a.state() == before
    # An entry quoting markers in its body is fine.
    path.write_text(f'schema = 1\nid = "{entry_id}"\ndate = 2026-11-20\nbody = """\n'
                    '<<<<<<< HEAD\na\n=======\nb\n>>>>>>> side\n"""\n')
    assert a.sync()[0] == 0


def test_a_working_tree_to_settle_first_stops_the_sync(a: Machine, remote: Path) -> None:
    import fcntl

    a.add("sent")
    a.sync("--remote", str(remote))
    a.add("waiting")
    git_dir = a.root / ".git"

    def refused(message: str) -> None:
        before = a.state()
        code, out, err = a.sync()
        assert (code, out) == (1, "") and message in err and len(err.splitlines()) == 1
        assert a.state() == before

    (git_dir / "index.lock").write_text("")  # a git command killed half-way
    refused("a git command on")
    (git_dir / "index.lock").unlink()
    fd = os.open(git_dir / "journal-tui-sync.lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    refused("another sync of")
    os.close(fd)
    git("checkout", "-q", "--detach", cwd=a.root)
    refused("not on a branch")
    git("checkout", "-q", "main", cwd=a.root)
    assert a.sync()[1] == "Sent: 1 new entry. Received: nothing.\n"


def test_a_git_working_tree_of_something_else_is_refused(
        tmp_path: Path, remote: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = Machine(tmp_path / "project", capsys)
    git("init", "-q", str(project.root))
    (project.root / "setup.py").write_text("print()\n")
    git("-c", "user.name=x", "-c", "user.email=x@x", "add", "setup.py", cwd=project.root)
    git("-c", "user.name=x", "-c", "user.email=x@x", "commit", "-qm", "code", cwd=project.root)
    project.add("an entry")
    before = project.state()
    code, _, err = project.sync("--remote", str(remote))
    assert code == 1 and "a git working tree of something other than a journal (it holds " \
                         "setup.py)" in err
    assert project.state() == before and git("log", "--all", "--oneline", cwd=remote) == ""


def test_a_refused_push_keeps_the_changes_for_the_next_sync(
        a: Machine, b: Machine, remote: Path) -> None:
    both_synced(a, b, remote)
    a.add("from A")
    a.sync()
    b_id = b.add("from B")
    hook = remote / "hooks" / "pre-receive"
    hook.write_text("#!/bin/sh\necho 'remote: quota exceeded \033[2J' >&2\nexit 1\n")
    hook.chmod(0o755)
    code, out, err = b.sync()
    assert code == 1 and out == "Sent: nothing. Received: 1 new entry.\n"
    assert err.startswith(f"journal-tui: your changes are saved in {b.root} but could not be "
                          f"sent to {remote}: ")
    assert "quota exceeded" in err and "pre-receive hook declined" in err
    assert len(err.splitlines()) == 1 and "\033" not in err
    hook.unlink()
    assert b.sync()[1] == "Sent: 1 new entry. Received: nothing.\n"
    a.sync()
    assert b_id in a.entries()


def test_hostile_remote_files_are_data_not_links_nor_modes(
        a: Machine, b: Machine, remote: Path, tmp_path: Path) -> None:
    """Another git client pushed a symbolic link and an executable entry."""
    both_synced(a, b, remote)
    other = tmp_path / "other"
    git("clone", "-q", "-b", "main", str(remote), str(other))
    folder = other / "entries" / "2026" / "11"
    folder.mkdir(parents=True)
    (folder / "20261120-090000-beef.toml").symlink_to("/etc/passwd")
    plain = make_entry("pushed by hand", day=DAY)
    (folder / f"{plain.id}.toml").write_bytes(encode(plain))
    (folder / f"{plain.id}.toml").chmod(0o755)
    ident = ("-c", "user.name=x", "-c", "user.email=x@x")
    git(*ident, "add", "-A", cwd=other)
    git(*ident, "commit", "-qm", "hand", cwd=other)
    git("push", "-q", "origin", "HEAD:main", cwd=other)

    assert b.sync()[0] == 0
    link = b.root / "entries" / "2026" / "11" / "20261120-090000-beef.toml"
    assert not link.exists() and not link.is_symlink()
    got = b.root / "entries" / "2026" / "11" / f"{plain.id}.toml"
    assert stat.S_IMODE(got.stat().st_mode) == 0o600
    assert b.entries() == {plain.id: "pushed by hand"}


def test_a_journal_inside_another_git_repository_gets_its_own(
        tmp_path: Path, remote: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outer = tmp_path / "documents"
    git("init", "-q", str(outer))
    inner = Machine(outer / "journal", capsys)
    inner.add("private")
    assert inner.sync("--remote", str(remote))[0] == 0
    assert (inner.root / ".git").is_dir()
    assert git("status", "--porcelain", cwd=outer) == "?? journal/\n"
    assert git("log", "--oneline", cwd=outer, check=False) == ""


def test_sync_speaks_french(a: Machine, b: Machine, remote: Path) -> None:
    a.add("un")
    a.add("deux")
    a.sync("--remote", str(remote))
    out = b.sync("--remote", str(remote), "--lang", "fr")[1]
    assert out.splitlines()[-1] == "Envoyé\u00a0: rien. Reçu\u00a0: 2 nouvelles entrées."


def test_relative_journal_and_remote_paths(tmp_path: Path, remote: Path,
                                           capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    here = Machine(Path("journal-here"), capsys)
    entry_id = here.add("relative")
    code, out, _ = here.sync("--remote", "remote.git")
    assert code == 0 and f"now syncs with {remote} (git)." in out
    there = Machine(tmp_path / "there", capsys)
    there.sync("--remote", str(remote))
    assert there.entries() == {entry_id: "relative"}
    assert here.sync()[0] == 0
