"""``--help`` in the person's language: French when ``--lang fr``, the config or the
locale says so, English otherwise, byte for byte as argparse writes it."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal_tui.cli import build_parser, main
from journal_tui.commands.help_text import FRENCH
from journal_tui.commands.parser import Parser
from journal_tui.core.i18n import NBSP


def texts(parser: argparse.ArgumentParser) -> Iterator[str]:
    """Every text a parser and its sub-commands' parsers print in their help."""
    yield from (t for t in (parser.description, parser.epilog) if t)
    yield from (g.title for g in parser._action_groups if g.title)
    for action in parser._actions:
        if action.help and action.help is not argparse.SUPPRESS:
            yield action.help
        if isinstance(action, argparse._SubParsersAction):
            yield from (a.help for a in action._choices_actions if a.help)
            for sub in action.choices.values():
                yield from texts(sub)


def help_of(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    with pytest.raises(SystemExit) as exited:
        main(list(argv))
    assert exited.value.code == 0
    return capsys.readouterr().out


def test_every_help_text_has_its_french_and_none_is_left_over() -> None:
    shown = set(texts(build_parser()))
    assert shown - FRENCH.keys() == set()  # a new option's help needs its French
    assert FRENCH.keys() - shown == set()  # a reworded one leaves its old key behind
    assert not any("%" in french for french in FRENCH.values())  # argparse expands %


def test_help_in_french(capsys, isolated_env) -> None:
    out = help_of(capsys, "--lang", "fr", "--help")
    assert out.startswith("usage" + NBSP + ": journal-tui")
    assert "Un journal d’auto-coaching dans le terminal." in out
    assert "afficher cette aide et quitter" in out
    assert "lister les entrées, les plus récentes d’abord" in out
    assert "\noptions" + NBSP + ":\n" in out and "\narguments" + NBSP + ":\n" in out
    assert "show this help" not in out
    out = help_of(capsys, "--lang", "fr", "list", "--help")
    assert "texte à chercher (sans tenir compte de la casse ni des" in out
    assert "usage" + NBSP + ": journal-tui list" in out


def test_help_follows_the_config_language(capsys, isolated_env, tmp_path: Path) -> None:
    config = tmp_path / "config" / "config.toml"
    config.parent.mkdir(exist_ok=True)
    config.write_text('language = "fr"\n')
    assert "déplacer l’entrée à ce jour" in help_of(capsys, "edit", "--help")
    assert "move the entry to this day" in help_of(capsys, "--lang", "en", "edit", "--help")


def test_english_help_is_argparse_s_own(capsys, isolated_env) -> None:
    """The formatter changes nothing in English: the same text as a plain argparse
    formatter would write for the same parser."""
    out = help_of(capsys, "list", "--help")
    Parser.argv = None  # English, and the plain formatter for comparison
    parser = build_parser("list")
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    plain = argparse.HelpFormatter
    listing = sub.choices["list"]
    listing._get_formatter = lambda: plain(prog=listing.prog)  # type: ignore[method-assign]
    assert out == listing.format_help()
    assert out.startswith("usage: journal-tui list")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_command_s_help_prints(capsys, isolated_env, lang: str) -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    for command in sub.choices:
        if command == "remind":
            continue  # its quick path answers before any parser; below
        out = help_of(capsys, "--lang", lang, command, "--help")
        assert out.startswith(("usage: " if lang == "en" else "usage" + NBSP + ": ")
                              + f"journal-tui {command}")
