"""Snapshots of Today, Journal, an entry, Help (and the footers of Themes and Review),
in English and French, at 80x24 and 120x40, with fixed data (tests/tui/tui_helpers.py)
and the cursor blink off.

Review a failing snapshot's report before ``--snapshot-update``.
"""

from __future__ import annotations

import pytest
from tui_helpers import make_app, no_blink, seed, settle, type_in

SIZES = [(80, 24), (120, 40)]
LANGS = ["en", "fr"]
TEXT = {"en": "Met @Marie: she suggested a joint offer. #partner\n\n- call back Friday",
        "fr": "Vu @Marie : elle propose une offre commune. #partenaire\n\n- rappeler vendredi"}


def params():  # type: ignore[no-untyped-def]
    return pytest.mark.parametrize(("lang", "size"), [(lang, size) for lang in LANGS
                                                      for size in SIZES],
                                   ids=[f"{lang}-{w}x{h}" for lang in LANGS for w, h in SIZES])


@params()
def test_today(snap_compare, make_ctx, journal, lang, size):
    seed(journal)
    app = make_app(make_ctx(lang))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await type_in(pilot, TEXT[lang])
        app.screen.query_one("#mood").focus()
        await pilot.press("4")
        await settle(pilot)
        no_blink(app)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@params()
def test_journal(snap_compare, make_ctx, journal, lang, size):
    seed(journal)
    app = make_app(make_ctx(lang))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        no_blink(app)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@params()
def test_entry(snap_compare, make_ctx, journal, lang, size):
    entries = seed(journal)
    app = make_app(make_ctx(lang))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("f3")
        await settle(pilot)
        app.open_entry(entries[1].id)  # a heading, tags, mood and a self-rating
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@params()
def test_help(snap_compare, make_ctx, lang, size):
    app = make_app(make_ctx(lang))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        no_blink(app)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("screen", ["today", "journal"])
def test_light_theme(snap_compare, make_ctx, journal, screen):
    seed(journal)
    app = make_app(make_ctx("en"))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        app.theme = "textual-light"
        await settle(pilot)
        if screen == "journal":
            await pilot.press("f3")
        else:
            await type_in(pilot, TEXT["en"])
        await settle(pilot)
        no_blink(app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("key", ["f4", "f5"], ids=["themes", "review"])
def test_footer_80x24(snap_compare, make_ctx, journal, lang, key):
    """Themes and Review in the whole app, where the footer also holds the other
    screens' keys (their own snapshots use a bare host): nothing cut at 80 columns."""
    seed(journal)
    app = make_app(make_ctx(lang))

    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        no_blink(app)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
