"""Every key findable: no footer is cut at 80 columns, in either language, on any
screen; each footer keeps the screen's own keys and ``f1``; Help lists every key of
every screen, found from the bindings (``tui/keys.py``). And the header says which
day is shown."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.binding import Binding
from textual.widgets import Static
from tui_helpers import TODAY, make_app, seed, settle

from journal_tui.tui.app import MODE_KEYS, JournalApp
from journal_tui.tui.keys import key_rows, own_bindings, pages, sections
from journal_tui.tui.screens.base import AppScreen
from journal_tui.tui.screens.entry import EntryScreen
from journal_tui.tui.widgets.dialogs import ConfirmDialog
from journal_tui.tui.widgets.footer import Key, KeyFooter, Layout, choose, layouts


def _key(name: str, description: str = "x" * 10) -> Key:
    return Key(name, name, description, f"do_{name}")


def test_the_fullest_layout_that_fits_is_chosen() -> None:
    local = [_key("a"), _key("b")]
    help_key = [_key("f1", "Help")]
    modes = [_key("f2", "Today"), _key("f3", "Journal")]
    palette = [_key("^p", "Commands")]
    options = list(layouts(local, help_key, modes, palette, "Screens"))
    assert choose(200, iter(options)) == options[0]
    without_palette = options[1]
    assert choose(without_palette.width, iter(options)) == without_palette
    bare = choose(without_palette.width - 1, iter(options))
    assert bare.screens and all(not k.description for k in bare.screens)
    assert bare.screens_label == "Screens"
    # Narrower still: the screen's keys go from the end, f1 stays to the last.
    tiny = choose(help_key[0].width + local[0].width, iter(options))
    assert tiny.keys == (local[0], help_key[0])
    assert choose(1, iter(options)).keys == (help_key[0],)


def test_layout_width_counts_the_space_between_keys() -> None:
    layout = Layout((_key("a", "bc"), _key("d", "")))
    assert layout.width == len("a bc d")


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_no_footer_is_cut_at_80_columns(make_ctx, journal, lang: str) -> None:
    entries = seed(journal)
    app = make_app(make_ctx(lang))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for mode, key in [*MODE_KEYS.items(), (list(MODE_KEYS)[-1], "entry")]:
            if key == "entry":  # an entry read (over the screen it was opened from)
                app.open_entry(entries[0].id)
            else:
                await pilot.press(key)
            await settle(pilot)
            assert app.current_mode == mode
            assert isinstance(app.screen, EntryScreen) == (key == "entry")
            footer = app.screen.query_one(KeyFooter)
            shown = footer.shown()
            right = footer.region.x + max(at.x + at.length for at in shown)
            assert right <= 80, f"{mode} ({lang}): footer ends at column {right}"
            line = "".join(segment.text for segment in footer.render_line(0))
            for at in shown:  # each key drawn whole where it is said to be
                key = at.key
                drawn = f"{key.display} {key.description}" if key.description else key.display
                assert line[at.x:at.x + at.length] == drawn, (mode, lang, line)
            actions = {at.key.action for at in shown}
            assert "help" in actions, f"{mode} ({lang}): no f1"
            local = {b.action for b in own_bindings(type(app.screen))
                     if b.show and app.screen.check_action(b.action, ()) is not False}
            local -= {b.action for b in own_bindings(type(app.screen)) if b.priority}
            missing = {a for a in local if a not in actions
                       and app.screen.check_action(a, ()) is True}
            assert not missing, f"{mode} ({lang}): screen keys left out: {missing}"


def test_every_screen_is_in_help_with_every_key() -> None:
    app = JournalApp.__new__(JournalApp)  # only its class bindings are read
    found = {p.screen for p in pages(app)}
    modules = {cls.__module__.rsplit(".", 1)[1] for cls in found}
    assert set(MODE_KEYS) <= modules
    assert "entry" in modules
    for page in pages(app):
        assert issubclass(page.screen, AppScreen)
        rows = key_rows(page.screen, "en", str)
        described = {k for keys, _ in rows for k in keys.split()}
        for b in own_bindings(page.screen):
            for key in b.key.split(","):
                assert key.strip() in described, f"{page.screen.__name__}: {key}"


@pytest.mark.parametrize("lang", ["en", "fr"])
async def test_help_has_a_section_per_screen(make_ctx, lang: str) -> None:
    app = make_app(make_ctx(lang))
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(pilot)
        titles = [s.title for s in sections(app, lang)]
        expected = {"en": ["Everywhere", "Today · f2", "Mood and self-rating", "Self-rating",
                           "Journal · f3", "Calendar", "Themes · f4", "Review · f5",
                           "Review · the week's people (Tab to them)", "People · f6",
                           "Reading an entry"],
                    "fr": ["Partout", "Aujourd’hui · f2", "Humeur et auto-évaluation",
                           "Auto-évaluation", "Journal · f3", "Calendrier", "Thèmes · f4",
                           "Bilan · f5", "Bilan · les personnes de la semaine (Tab)",
                           "Personnes · f6", "Lecture d’une entrée"]}[lang]
        assert titles[:len(expected)] == expected
        journal = next(s for s in sections(app, lang) if s.title.startswith("Journal"))
        keys = {k for keys, _ in journal.rows for k in keys.split()}
        assert {"e", "d", "u", "/"} <= keys


def test_a_key_nobody_could_find_is_an_error() -> None:
    hidden = [Binding("x", "secret", show=False)]
    with pytest.raises(LookupError, match="'x'"):
        key_rows(AppScreen, "en", str, hidden)


async def test_the_title_follows_the_day_shown(make_ctx, journal) -> None:
    """``--date yesterday`` titles yesterday; an entry of another day opened in the
    editor titles its day."""
    entries = seed(journal)
    yesterday = TODAY - timedelta(days=1)
    app = make_app(make_ctx("fr"), day=yesterday)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.sub_title.startswith("mercredi 25 novembre 2026")
        month_ago = next(e for e in entries if e.date == date(2026, 10, 26))
        await app.edit_entry(month_ago)
        await settle(pilot)
        assert app.sub_title.startswith("lundi 26 octobre 2026")


@pytest.mark.parametrize("keep", [True, False])
async def test_a_day_in_the_future_asks(make_ctx, keep: bool) -> None:
    later = date(2027, 11, 26)
    app = make_app(make_ctx("fr"), day=later)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        text = " ".join(str(s.render()) for s in app.screen.query(Static))
        assert "vendredi 26 novembre 2027 est dans le futur" in text
        await pilot.press(*(["tab", "enter"] if keep else ["enter"]))  # "today" by default
        await settle(pilot)
        shown = later if keep else TODAY
        assert app.day == shown and app.today_screen is not None
        assert app.today_screen.editing.day == shown
        assert app.sub_title.startswith(("vendredi 26 novembre 2027", "jeudi 26 novembre 2026")
                                        [0 if keep else 1])


async def test_screen_keys_keep_their_order_while_the_editor_has_focus(make_ctx) -> None:
    """TextArea binds f6 itself: the app's f6 (People) must still come after f5."""
    app = make_app(make_ctx("en"))
    async with app.run_test(size=(160, 30)) as pilot:
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "body"
        keys = [at.key.key for at in app.screen.query_one(KeyFooter).shown()
                if at.key.key in MODE_KEYS.values()]
        assert keys == sorted(keys) and "f6" in keys, keys
