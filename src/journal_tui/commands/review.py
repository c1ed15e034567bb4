"""``review``: placeholder registration; the real command is being written (issue)."""

from __future__ import annotations

import argparse
from typing import Any

from journal_tui.commands.common import UserError
from journal_tui.core.context import Context


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("review", parents=parents, help="(not yet available)")
    p.set_defaults(run=run)


def run(ctx: Context, args: argparse.Namespace) -> int:
    raise UserError("'review' is not available yet")
