"""One module per group of commands, each with ``register(subparsers, parents)``.

``cli`` imports only the module of the command being run (the whole set for
``--help``), so a quick ``list`` does not pay for the review or themes code.
"""

from __future__ import annotations

import importlib
from types import ModuleType

# command name -> module under journal_tui.commands, in --help order
COMMANDS = {
    "add": "entries",
    "list": "entries",
    "show": "entries",
    "edit": "edit",
    "export": "transfer",
    "import": "transfer",
    "prompt": "prompt",
    "review": "review",
    "themes": "themes",
    "people": "people",
    "remind": "remind",
    "doctor": "doctor",
    "sync": "sync",
}


# Commands that only read the journal: pointed at a missing folder, a file or a folder
# that is no journal (``--journal /``), they stop with one line instead of reading (or
# checking the modes of) whatever is there.
READING = frozenset({"list", "show", "export", "review", "themes", "doctor", "people"})


def modules_for(command: str | None) -> list[ModuleType]:
    """The modules to register: the command's own, or all of them."""
    names = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(COMMANDS.values()))
    return [importlib.import_module(f"journal_tui.commands.{name}") for name in names]
