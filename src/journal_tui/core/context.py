"""Everything a command or the TUI needs, resolved once from options and environment."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
from journal_tui.core.storage import Journal

if TYPE_CHECKING:  # prompts load on first use: commands like `list` never need them
    from journal_tui.core.prompts import PromptBook, PromptsError

Clock = Callable[[], datetime]


@dataclass
class Context:
    config: Config
    lang: str
    journal: Journal
    clock: Clock = now_local
    _book: tuple[PromptBook, list[PromptsError]] | None = field(default=None, repr=False)

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

            self._book = load_prompts(self.config.folder, self.journal.cache_dir)
        return self._book


def open_context(
    *,
    journal: Path | None = None,
    lang: str | None = None,
    env: Mapping[str, str] = os.environ,
    clock: Clock = now_local,
) -> Context:
    """Resolve config, language and journal folder (``ConfigError`` on a bad config)."""
    config = load_config(config_path(env))
    root = journal_path(journal, config, env)
    return Context(
        config=config,
        lang=resolve_language(lang or config.language, env),
        journal=Journal(root, fmt=config.format, cache_dir=cache_path(root, env)),
        clock=clock,
    )
