"""The context opens the journal on first use (the TUI draws its first frame before
anything reads the journal), once, whichever thread asks first."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from journal_tui.core.context import Context, open_context


def _env(tmp_path: Path) -> dict[str, str]:
    return {"JOURNAL_TUI_HOME": str(tmp_path / "journal"),
            "JOURNAL_TUI_CACHE": str(tmp_path / "cache"),
            "JOURNAL_TUI_CONFIG": str(tmp_path / "none.toml"), "LANG": "en_US.UTF-8"}


def test_the_journal_opens_on_first_use_once(tmp_path: Path) -> None:
    ctx = open_context(env=_env(tmp_path))
    assert ctx.root == tmp_path / "journal"
    assert ctx._journal is None  # nothing opened by resolving the context
    opened: list[object] = []
    start = threading.Barrier(8)

    def ask() -> None:
        start.wait()
        opened.append(ctx.journal)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({id(journal) for journal in opened}) == 1
    journal = ctx.journal
    assert journal.root == ctx.root and journal.cache_dir == ctx.cache_dir
    journal.close()


def test_a_given_journal_is_the_one_used(journal, make_ctx) -> None:
    ctx = make_ctx("en")
    assert ctx.journal is journal
    assert (ctx.root, ctx.cache_dir) == (journal.root, journal.cache_dir)


def test_a_context_needs_a_journal_or_its_folder(make_ctx) -> None:
    config = make_ctx("en").config
    with pytest.raises(TypeError):
        Context(config, "en")
