"""Everything a command or the TUI needs, resolved once from options and environment.

The journal is opened on first use (``Context.journal``): the TUI draws its first
frame before anything reads the journal, and importing the storage (index, SQLite,
codecs: ~25 ms) would only delay that frame.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from journal_tui.core.config import (
    Config,
    cache_path,
    config_path,
    journal_path,
    load_config,
    resolve_language,
)
from journal_tui.core.model import now_local

if TYPE_CHECKING:  # prompts load on first use: commands like `list` never need them
    from journal_tui.core.prompts import PromptBook, PromptsError
    from journal_tui.core.storage import Journal

Clock = Callable[[], datetime]


class Context:
    """The config, the interface language, the journal and the clock.

    Give ``journal`` (tests, the demo) or the place to open it: ``root`` and
    ``cache_dir``, opened with ``fmt`` (the config's format) on first use.
    """

    def __init__(self, config: Config, lang: str, journal: Journal | None = None,
                 clock: Clock = now_local, *, root: Path | None = None,
                 cache_dir: Path | None = None) -> None:
        if journal is not None:
            root, cache_dir = journal.root, journal.cache_dir
        elif root is None:
            raise TypeError("Context needs a journal or its root")
        self.config = config
        self.lang = lang
        self.clock = clock
        self._journal = journal
        self.root: Path = root
        """The journal folder (known without opening the journal)."""
        self.cache_dir: Path | None = cache_dir
        self._book: tuple[PromptBook, list[PromptsError]] | None = None
        self._opening = threading.Lock()  # worker threads may be the first to ask

    def __repr__(self) -> str:
        return f"Context(lang={self.lang!r}, root={self.root!r})"

    @property
    def journal(self) -> Journal:
        """The journal, opened on first use."""
        if self._journal is None:
            with self._opening:
                if self._journal is None:
                    from journal_tui.core.storage import Journal

                    self._journal = Journal(self.root, fmt=self.config.format,
                                            cache_dir=self.cache_dir)
        return self._journal

    @property
    def today(self) -> date:
        return self.clock().date()

    @property
    def prompts(self) -> PromptBook:
        """The bundled prompts merged with the user's; loaded on first use."""
        return self._load_prompts()[0]

    @property
    def prompt_warnings(self) -> list[PromptsError]:
        return self._load_prompts()[1]

    def _load_prompts(self) -> tuple[PromptBook, list[PromptsError]]:
        if self._book is None:
            from journal_tui.core.prompts import load_prompts

            self._book = load_prompts(self.config.folder, self.cache_dir)
        return self._book


def open_context(
    *,
    journal: Path | None = None,
    lang: str | None = None,
    env: Mapping[str, str] = os.environ,
    clock: Clock = now_local,
) -> Context:
    """Resolve config, language and journal folder (``ConfigError`` on a bad config);
    the journal itself opens on first use."""
    config = load_config(config_path(env))
    root = journal_path(journal, config, env)
    return Context(config, resolve_language(lang or config.language, env), clock=clock,
                   root=root, cache_dir=cache_path(root, env))
