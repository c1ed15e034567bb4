"""Configuration and the places things live.

Every lookup takes the environment as an argument, so tests (and the CLI's
``--journal``) steer it without touching the real user folders; nothing is
read or created at import time.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from journal_tui.core.i18n import Catalog, Told
from journal_tui.core.sha import sha256
from journal_tui.core.toml_errors import located, toml_error

APP = "journal-tui"
LANGUAGES = ("fr", "en")


CONFIG_MSG = Catalog({
    "unreadable": ("{path}: cannot read config: {error}",
                   "{path} : impossible de lire la configuration : {error}"),
    "toml": ("{where}: invalid TOML: {detail}", "{where} : TOML invalide : {detail}"),
    "language": ("{where}: 'language' must be fr, en or auto",
                 "{where} : « language » doit valoir fr, en ou auto"),
    "format": ("{where}: 'format' must be toml or json",
               "{where} : « format » doit valoir toml ou json"),
    "editor": ("{where}: 'editor' must be a command, as a string",
               "{where} : « editor » doit être une commande, entre guillemets"),
    "journal_dir": ("{where}: 'journal_dir' must be a folder path, as a string",
                    "{where} : « journal_dir » doit être le chemin d’un dossier, entre "
                    "guillemets"),
    "theme": ("{where}: 'theme' must be a theme name, as a string",
              "{where} : « theme » doit être un nom de thème, entre guillemets"),
    "not_saved": ("{path}: not saved, the file is not valid TOML: {detail}",
                  "{path} : rien d’enregistré, le fichier n’est pas du TOML valide : "
                  "{detail}"),
})


class ConfigError(Told, ValueError):
    """A config file that cannot be used; the message is one line with path and line,
    said in the person's language (``text``)."""

    catalog = CONFIG_MSG


@dataclass(frozen=True, slots=True)
class Config:
    """The settings of ``config.toml`` (defaults for any missing), and where it is."""

    language: str = "auto"
    format: str = "toml"
    editor: str | None = None
    journal_dir: Path | None = None
    theme: str | None = None
    """The colour theme last chosen in the app (its command palette)."""
    path: Path | None = None

    @property
    def folder(self) -> Path | None:
        """The config folder, where a user ``prompts.toml`` lives."""
        return self.path.parent if self.path else None


def config_path(env: Mapping[str, str] = os.environ) -> Path:
    if env.get("JOURNAL_TUI_CONFIG"):
        return Path(env["JOURNAL_TUI_CONFIG"]).expanduser()
    return platformdirs.user_config_path(APP) / "config.toml"


def load_config(path: Path) -> Config:
    """Read ``path``; a missing file means all defaults."""
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        return Config(path=path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("unreadable", path=path, error=exc) from None
    import tomllib  # here: with no config file (and no user prompts), the TUI starts without it

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = toml_error(exc, text)
        raise ConfigError("toml", where=located(path, line), detail=message) from None

    def bad(key: str) -> ConfigError:
        line = next((n for n, s in enumerate(text.splitlines(), 1)
                     if s.strip().startswith(key)), None)
        return ConfigError(key, where=located(path, line))

    language = data.get("language", "auto")
    if language not in ("auto", *LANGUAGES):
        raise bad("language")
    fmt = data.get("format", "toml")
    if fmt not in ("toml", "json"):
        raise bad("format")
    editor = data.get("editor")
    if editor is not None and not isinstance(editor, str):
        raise bad("editor")
    journal_dir = data.get("journal_dir")
    if journal_dir is not None and not isinstance(journal_dir, str):
        raise bad("journal_dir")
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        raise bad("theme")
    return Config(
        language=language,
        format=fmt,
        editor=editor or None,
        journal_dir=Path(journal_dir).expanduser() if journal_dir else None,
        theme=theme or None,
        path=path,
    )


_TABLE = re.compile(r"\s*\[")


def with_setting(text: str, key: str, value: str) -> str:
    """``text`` (a config file) with top-level ``key = "value"``: its line replaced if
    there is one, else added after the top-level keys (before the first table); every
    other line, comments included, kept as it is."""
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"  # a TOML basic string
    own = re.compile(rf"\s*{re.escape(key)}\s*=")
    lines = text.splitlines()
    for n, old in enumerate(lines):
        if _TABLE.match(old):
            while n and not lines[n - 1].strip():  # after the keys, before the gap
                n -= 1
            lines.insert(n, line)
            break
        if own.match(old):
            lines[n] = line
            break
    else:
        lines.append(line)
    return "\n".join(lines) + "\n"


def save_setting(path: Path, key: str, value: str) -> None:
    """Remember ``key = value`` in the config file at ``path`` (created if missing),
    written atomically; a file that is not valid TOML is left alone (``ConfigError``):
    it is the person's to fix, not ours to overwrite."""
    from journal_tui.core import atomic

    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("unreadable", path=path, error=exc) from None
    new = with_setting(text, key, value)
    import tomllib

    try:
        tomllib.loads(new)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("not_saved", path=path, detail=exc) from None
    atomic.ensure_dir(path.parent)
    atomic.atomic_write(path, new.encode())


def resolve_language(setting: str | None, env: Mapping[str, str] = os.environ) -> str:
    """``fr``/``en`` as asked, or from the locale for ``auto``: French for fr* locales."""
    if setting in LANGUAGES:
        return setting
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            return "fr" if value.lower().startswith("fr") else "en"
    return "en"


def journal_path(cli: Path | None, config: Config, env: Mapping[str, str] = os.environ) -> Path:
    """``--journal`` > ``JOURNAL_TUI_HOME`` > config ``journal_dir`` > platformdirs."""
    if cli is not None:
        return Path(cli).expanduser()
    if env.get("JOURNAL_TUI_HOME"):
        return Path(env["JOURNAL_TUI_HOME"]).expanduser()
    if config.journal_dir is not None:
        return config.journal_dir
    return platformdirs.user_data_path(APP)


def cache_path(journal: Path, env: Mapping[str, str] = os.environ) -> Path:
    """The derived-data folder for one journal, outside it so sync tools never see it.

    ``JOURNAL_TUI_CACHE`` moves the cache root (tests, benchmarks).
    """
    root = (Path(env["JOURNAL_TUI_CACHE"]).expanduser() if env.get("JOURNAL_TUI_CACHE")
            else platformdirs.user_cache_path(APP))
    key = sha256(str(journal.resolve()).encode()).hexdigest()[:16]
    return root / key


def editor_command(config: Config, env: Mapping[str, str] = os.environ) -> str | None:
    """Config ``editor`` (chosen for this app) > ``$VISUAL`` > ``$EDITOR``."""
    return config.editor or env.get("VISUAL") or env.get("EDITOR") or None
