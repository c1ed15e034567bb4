"""One module per group of commands, each with ``register(subparsers, parents)``."""

from journal_tui.commands import doctor, entries, prompt, review, themes, transfer

COMMAND_MODULES = (entries, transfer, prompt, review, themes, doctor)
