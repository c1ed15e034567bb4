"""Where sync may write: journal paths only, never through a link (no git needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal_tui.core.sync import normalize_url, safe_target


@pytest.mark.parametrize("rel", [
    "../outside.toml", "entries/../../outside.toml", ".git/config", "entries/.git/config",
    "entries/2026/.GIT/hooks", "drafts/new-20261126.json", "entries", "people.toml/x",
    "notes.md", "/etc/passwd", "entries//x.toml", "entries/2026/11/a\\b.toml",
])
def test_paths_outside_the_journal_are_refused(tmp_path: Path, rel: str) -> None:
    assert safe_target(tmp_path, rel) is None


@pytest.mark.parametrize("rel", ["entries/2026/11/20261126-081203-3f9a.toml", "people.toml",
                                 "trash/20261126-081203-3f9a.json", ".gitignore",
                                 "people-conflict-1a2b3c4.toml", "README.md"])
def test_journal_paths_are_allowed(tmp_path: Path, rel: str) -> None:
    assert safe_target(tmp_path, rel) == tmp_path / rel


def test_never_through_a_symbolic_link(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    root = tmp_path / "journal"
    (root / "entries").mkdir(parents=True)
    (root / "entries" / "2026").symlink_to(elsewhere)
    checked: set[str] = set()
    assert safe_target(root, "entries/2026/11/20261126-081203-3f9a.toml", checked) is None
    assert safe_target(root, "entries/2025/11/20251126-081203-3f9a.toml", checked) is not None


def test_local_paths_become_absolute_urls_stay(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert normalize_url("usb/journal.git") == str(tmp_path / "usb" / "journal.git")
    for url in ("me@server:journal.git", "ssh://me@server/j.git", "https://host/me/j.git"):
        assert normalize_url(url) == url


def test_a_remotes_message_is_shown_as_text() -> None:
    """git relays the remote's text (``remote: …``): an ESC sequence or a bidi override
    from a hostile server is shown escaped, on one line, like any text from files."""
    from journal_tui.core.gitcmd import one_line

    said = one_line(b"remote: hi\nfatal: \x1b]0;owned\x07 no \xe2\x80\xae access\n")
    assert said == "\\x1b]0;owned\\x07 no \\u202e access"
