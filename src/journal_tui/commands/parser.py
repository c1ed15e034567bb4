"""The command line's parser, whose usage errors are said in the person's language.

argparse words its errors in English (through ``gettext``, which journal-tui does
not use). Its messages are few and fixed, so a French person's error is matched
against them here and said again in French; one that matches none (a newer Python's
wording) stays as argparse wrote it. The language is worked out only when an error
happens: ``--lang`` on the command line, else the config's, else the locale's.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Sequence
from typing import NoReturn

from journal_tui.core.i18n import NBSP, Catalog, typeset

USAGE = Catalog({
    "usage": ("usage: ", "usage : "),
    "error": ("{prog}: error: {message}", "{prog} : erreur : {message}"),
})

# argparse's messages (Python 3.11, ``%`` fields written ``{name}``), then ours from
# ``type=`` functions (``commands.common``), with the French for each.
_MESSAGES: tuple[tuple[str, str], ...] = (
    ("argument {argument}: {message}", "argument {argument} : {message}"),
    ("the following arguments are required: {names}", "arguments requis : {names}"),
    ("unrecognized arguments: {words}", "arguments inconnus : {words}"),
    ("invalid choice: {value} (choose from {choices})",
     "choix impossible : {value} (choisissez parmi {choices})"),
    ("expected one argument", "une valeur attendue"),
    ("expected at most one argument", "une valeur au plus attendue"),
    ("expected at least one argument", "une valeur au moins attendue"),
    ("invalid {kind} value: {value}", "valeur incorrecte ({kind}) : {value}"),
    ("ambiguous option: {option} could match {matches}",
     "option ambiguë : {option} peut désigner {matches}"),
    ("not allowed with argument {other}", "interdit avec l’argument {other}"),
    ("ignored explicit argument {value}", "valeur donnée ignorée : {value}"),
    ("one of the arguments {names} is required", "l’un des arguments {names} est requis"),
    ("not a number: {value}", "pas un nombre : {value}"),
    ("must be 1 or more, not {value}", "doit valoir 1 ou plus, pas {value}"),
)
_FRENCH = Catalog({english: (english, french) for english, french in _MESSAGES})
_PATTERNS = tuple(
    (re.compile(re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.*?)", re.escape(english)) + r"\Z", re.S),
     english)
    for english, _ in _MESSAGES
)


def said(message: str, lang: str) -> str:
    """argparse's ``message`` in ``lang`` (as it is when no known wording matches)."""
    if lang == "en":
        return message
    for pattern, key in _PATTERNS:
        m = pattern.match(message)
        if m:
            values = m.groupdict()
            if "message" in values:  # "argument -n: <another message>"
                values["message"] = said(values["message"], lang)
            return _FRENCH(key, lang, **values)
    return message


class Parser(argparse.ArgumentParser):
    """``argparse.ArgumentParser`` whose errors are said in the person's language (its
    sub-commands' parsers are of this class too)."""

    argv: Sequence[str] | None = None
    """The command line being parsed (``cli.main`` sets it): where ``--lang`` is read."""

    def error(self, message: str) -> NoReturn:
        lang = self._lang()  # may read the config: once for the message
        self.exit(2, self.format_usage() + USAGE("error", lang, prog=self.prog,
                                                 message=said(message, lang)) + "\n")

    def _lang(self) -> str:
        return "en" if Parser.argv is None else language_of(Parser.argv)

    def _get_formatter(self) -> argparse.HelpFormatter:
        return _Formatter(prog=self.prog, lang=self._lang())


class _Formatter(argparse.HelpFormatter):
    """argparse's formatter, saying the usage line, the section titles, descriptions
    and each option's help in ``lang`` (``commands.help_text``: the French of each)."""

    def __init__(self, prog: str, lang: str) -> None:
        super().__init__(prog)
        self._french = lang == "fr"

    def _said(self, text: str) -> str:
        if not self._french:
            return text
        from journal_tui.commands.help_text import FRENCH  # on --help or an error only

        return typeset(FRENCH[text]) if text in FRENCH else text

    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup],
                  prefix: str | None = None) -> None:
        if prefix is None:
            prefix = USAGE("usage", "fr" if self._french else "en")
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        if heading and self._french:  # argparse puts the colon after: "options :"
            heading = self._said(heading) + NBSP
        super().start_section(heading)

    def add_text(self, text: str | None) -> None:
        super().add_text(text and self._said(text))

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return action.help and self._said(action.help)


def language_of(argv: Sequence[str]) -> str:
    """The language a usage error is said in: ``--lang`` if given, else the config's
    (the locale's when it says ``auto`` or cannot be read)."""
    for i, token in enumerate(argv):
        value = (token.partition("=")[2] if token.startswith("--lang=")
                 else argv[i + 1] if token == "--lang" and i + 1 < len(argv) else None)
        if value in ("fr", "en"):
            return value
    from journal_tui.core.config import ConfigError, config_path, load_config, resolve_language

    try:
        setting: str | None = load_config(config_path()).language
    except (ConfigError, OSError):
        setting = None
    return resolve_language(setting)
