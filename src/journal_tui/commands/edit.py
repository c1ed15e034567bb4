"""``edit``: the person's word on an entry's themes, its mood, tags or date, or its body."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from journal_tui.commands.common import UserError, is_terminal, parse_day, say
from journal_tui.commands.entries import MSG as ENTRY_MSG
from journal_tui.commands.entries import edit_in_editor, get_entry
from journal_tui.core.atomic import WriteError
from journal_tui.core.codec import UnreadableEntry
from journal_tui.core.conflict import SaveRefused
from journal_tui.core.context import Context
from journal_tui.core.editor import edited_text
from journal_tui.core.i18n import Catalog
from journal_tui.core.model import Entry, field_tags, refresh_derived
from journal_tui.core.theme_word import ThemeWordError, with_word
from journal_tui.core.theme_word import parse as parse_word

MSG = Catalog({
    "no_change": ("{id}: no change", "{id} : aucun changement"),
    "unreadable": ("cannot rewrite an unreadable entry: {error}",
                   "impossible de réécrire une entrée illisible : {error}"),
    "not_saved": ("cannot save: {error}", "enregistrement impossible : {error}"),
})


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("edit", parents=parents, help="change an entry's themes, mood, tags "
                       "or date, or its body in $EDITOR",
                       description="Change an entry's fields without touching its body; "
                                   "with no option, open the body in your editor.")
    p.add_argument("id", metavar="ID")
    p.add_argument("--theme", action="append", default=[], metavar="THEME=VALUE",
                   help="your word on a theme: low or high (polar theme), yes (plain "
                        "theme), none (not about it); repeatable")
    p.add_argument("--mood", type=int, choices=range(1, 6), metavar="N", help="1 to 5")
    p.add_argument("--tag", "-t", action="append", metavar="T",
                   help="the entry's tags (replacing those not written as #tags in the "
                        "body); repeatable")
    p.add_argument("--date", metavar="D", help="move the entry to this day")
    p.set_defaults(run=run_edit)


def run_edit(ctx: Context, args: argparse.Namespace) -> int:
    words = [_theme_option(option, ctx) for option in args.theme]
    entry = get_entry(ctx, args.id)
    changed = entry.with_changes(themes=dict(entry.themes), tags=list(entry.tags))
    if args.theme or args.mood is not None or args.tag is not None or args.date:
        for theme, value in words:
            changed = with_word(changed, theme, value)
        if args.mood is not None:
            changed.mood = args.mood
        if args.tag is not None:
            refresh_derived(changed, extra_tags=[t for t in args.tag if t.strip()])
        if args.date:
            changed.date = parse_day(args.date, ctx.today)
        _save(ctx, changed)
        return 0
    edited = edit_in_editor(ctx, entry.body, "nothing.unchanged")
    body = edited_text(entry.body, edited.read())
    if body == entry.body:
        edited.remove()
        say(MSG("no_change", ctx.lang, id=entry.id))
        return 0
    changed.body = body
    refresh_derived(changed, extra_tags=field_tags(entry))  # #tags follow the new text
    try:
        _save(ctx, changed)
    except UserError as exc:
        raise UserError(ENTRY_MSG("err.kept", ctx.lang, error=exc.text(ctx.lang),
                                  path=edited.path)) from None
    edited.remove()
    return 0


def _theme_option(option: str, ctx: Context) -> tuple[str, str]:
    try:
        return parse_word(option, ctx.prompts)
    except ThemeWordError as exc:
        raise UserError(exc.text(ctx.lang)) from None


def _save(ctx: Context, entry: Entry) -> None:
    try:
        path = ctx.journal.save(entry)
    except UnreadableEntry as exc:
        raise UserError(MSG("unreadable", ctx.lang, error=exc)) from None
    except SaveRefused as exc:  # another writer changed it meanwhile: theirs is kept
        raise UserError(exc.text(ctx.lang)) from None
    except (WriteError, OSError) as exc:
        raise UserError(MSG("not_saved", ctx.lang, error=exc)) from None
    print(f"{entry.id}  {path}", file=sys.stderr if not is_terminal() else sys.stdout)
