"""The Themes screen: ranges, theme and period selection, entries behind a point,
reload on resume, the pure drawing functions, and snapshots in English and French.

The screen runs in a small host app giving what ``JournalApp`` gives its screens
(``ctx``, ``lang``), so these tests do not change when the rest of the app does.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.screen import Screen
from tui_helpers import ScreenHost, settle_workers

from journal_tui.core.model import make_entry
from journal_tui.core.storage import Journal
from journal_tui.tui.screens.themes import ThemesScreen
from journal_tui.tui.widgets.theme_chart import (
    ChartData,
    Legend,
    OverviewRow,
    ThemeChart,
    ThemeOverview,
    draw_chart,
    draw_overview,
    legend_lines,
)
from journal_tui.tui.widgets.theme_entries import ThemeEntriesDialog

TZ = timezone(timedelta(hours=1))
MONDAY_W48 = date(2026, 11, 23)

# (weeks before W48, weekday, body, check-in): low poles early, high poles late,
# 2026-W44 left empty (a gap), both languages.
SEED = [
    (7, 0, "I was stubborn about the launch date and dug in.", {"determination": -2}),
    (7, 2, "Spent the day watching a competitor's prices.", {"synergy": -1}),
    (6, 1, "On m'a dit de tout changer, alors j'ai cédé.", {"advice": -2}),
    (6, 3, "Café avec mon ancienne mentor, qui m'a recommandé deux personnes.", {}),
    (5, 0, "Je ne suis pas obstiné, mais je tiens bon.", {"determination": 1}),
    (5, 4, "Semaine en pilote automatique, même routine.", {"different": -1}),
    (3, 1, "Agreed to team up with Laura on a joint workshop.", {"synergy": 2}),
    (3, 2, "I listened more than I talked: a warm, curious conversation.", {"openness": 1}),
    (2, 0, "J'ai osé annoncer mes tarifs, je me fais confiance.", {"self_trust": 2}),
    (2, 3, "Conférence passionnante, je suis rentrée pleine d'énergie.", {}),
    (1, 1, "Three rejections, but I kept going. I know why I'm doing this.",
     {"determination": 2}),
    (1, 4, "Tried a new approach: a walking session. Doing it differently felt right.",
     {"different": 2}),
    (0, 0, "Nous avons décidé de collaborer avec Sophie, nos offres sont complémentaires.",
     {"synergy": 2, "determination": 1}),
    (0, 2, "Admin day: invoices and groceries.", {}),
]


def seed(journal: Journal) -> None:
    for weeks_before, weekday, body, checkin in SEED:
        day = MONDAY_W48 - timedelta(weeks=weeks_before) + timedelta(days=weekday)
        when = datetime(day.year, day.month, day.day, 9, 30, tzinfo=TZ)
        journal.save(make_entry(body, day=day, when=when, checkin=checkin), touch=False)


@pytest.fixture
def app(make_ctx, journal) -> ScreenHost:
    seed(journal)
    return ScreenHost(make_ctx("en"), ThemesScreen)


def chart_text(screen: ThemesScreen) -> str:
    chart = screen.query_one(ThemeChart)
    assert chart.data is not None
    return "\n".join(t.plain for t in draw_chart(chart.data, 78, 12))


async def test_overview_and_ranges(app: ScreenHost) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        assert screen.view is not None
        assert [r.theme_id for r in screen.view.rows][:2] == ["path", "synergy"]
        assert len(screen.view.rows) == 9
        assert screen.view.periods[0] == "2026-W41" and screen.view.periods[-1] == "2026-W48"
        assert screen.view.entries == (2, 2, 2, 0, 2, 2, 2, 2)
        assert screen.cursor == 7
        synergy = screen.view.rows[1]
        assert synergy.mentions == (1, 0, 0, None, 1, 0, 0, 1)
        assert synergy.balance[0] == pytest.approx(-0.5)  # the check-in; the text says nothing
        assert synergy.balance[-1] > 0.9  # check-in +1, and the text read as synergy
        assert synergy.trend is None  # nothing in the 8 weeks before

        await pilot.press("2")
        await settle_workers(pilot)
        assert screen.range == "6m" and len(screen.view.periods) == 26
        assert screen.cursor == 25
        await pilot.press("3")
        assert len(screen.view.periods) == 52
        await pilot.press("4")
        assert screen.range == "all"
        assert screen.view.periods == ("2026-10", "2026-11")
        await pilot.press("r")
        assert screen.range == "8w"


async def test_theme_and_period_cursor(app: ScreenHost) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        await pilot.press("down", "down", "down", "down")
        assert screen.view.rows[screen.selected].theme_id == "determination"
        text = chart_text(screen)
        assert "▲ determination" in text and "▼ stubbornness" in text
        assert "2026-W48 · 23–29 Nov · 2 entries, 1 about this theme" in text
        await pilot.press("left", "left", "left", "left")
        assert screen.cursor == 3
        assert "2026-W44 · 26 Oct–1 Nov · no entry" in chart_text(screen).replace(" – ", "–")
        await pilot.press("home", "left")
        assert screen.cursor == 0
        await pilot.press("end", "right")
        assert screen.cursor == 7
        await pilot.press("up", "up", "up", "up", "up")
        assert screen.selected == 8  # wraps round to the last theme


async def test_enter_lists_the_entries_behind_a_point(app: ScreenHost) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        await pilot.press("down")  # synergy, 2026-W48
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ThemeEntriesDialog)
        assert [e.body[:18] for e in dialog.entries] == ["Nous avons décidé "]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")  # the entry is read from its file, then shown
        await settle_workers(pilot)
        from journal_tui.tui.screens.entry import EntryScreen

        assert isinstance(app.screen, EntryScreen)
        assert app.screen.entry.body.startswith("Nous avons décidé")


async def test_reloads_when_shown_again(app: ScreenHost, journal: Journal) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        assert screen.view.rows[0].mentions[-1] == 0
        day = date(2026, 11, 25)
        journal.save(make_entry("Coffee with Tom, who introduced me to his network.",
                                day=day, when=datetime(2026, 11, 25, 18, tzinfo=TZ)))
        await app.push_screen(Screen())
        app.pop_screen()
        await settle_workers(pilot)
        assert screen.view.entries[-1] == 3
        assert screen.view.rows[0].mentions[-1] == 1


async def test_empty_journal(make_ctx) -> None:
    app = ScreenHost(make_ctx("fr"), ThemesScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        assert screen.view is not None and sum(screen.view.entries) == 0
        assert "2026-W48 · 23–29 nov. · aucune entrée" in chart_text(screen)
        await pilot.press("4", "down", "left", "enter")
        await pilot.pause()
        assert screen.view.periods == ("2026-11",)
        assert isinstance(app.screen, ThemeEntriesDialog)
        assert app.screen.entries == []


def test_draw_chart_signed_axis_and_gaps() -> None:
    data = ChartData(title="Determination", high="determination", low="stubbornness",
                     polar=True, labels=["W45", "W46", "W47", "W48"], entries=[2, 0, 1, 3],
                     mentions=[2, None, 0, 1], balance=[1.0, None, None, -0.5],
                     own=[0.5, None, None, 0.0], bars="mentions", cursor=3,
                     info="line one\nline two")
    lines = [t.plain.rstrip() for t in draw_chart(data, 32, 12)]
    assert lines == [
        "Determination   ▲ determination",
        "+1 ░░░░░░",            # +1.0: two cells up, the outer one read from the text
        "   ██████",            # the inner one the person's own (+0.5)
        " 0 ───────       ──────────────",  # W46 is a gap: no entry, no axis
        "                        ░░░░░░",  # −0.5: one cell down, all the text's
        "−1",
        "   ▼ stubbornness       mentions",  # the bars below are labelled
        " 2 ██████",                         # mentions: 2 (the bars' top), gap, 0, 1
        "   ██████        ······ ██████",
        "   W45    W46    W47    W48",
        "line one",
        "line two",
    ]


def test_draw_chart_fills_a_wide_terminal_and_cuts_long_info() -> None:
    data = ChartData(title="Synergy", high="synergy", low="competition", polar=True,
                     labels=[f"W{k}" for k in range(41, 49)], entries=[1] * 8,
                     mentions=[1] * 8, balance=[0.5] * 8, info="x" * 200 + "\nshort")
    lines = draw_chart(data, 118, 14)
    axis = lines[-3].plain.rstrip()
    assert axis.endswith("W48") and len(axis) > 100  # 8 weeks over the whole width
    assert lines[-2].plain.endswith("…") and len(lines[-2].plain) == 118
    assert lines[-1].plain == "short"


def test_draw_overview_fits_80_columns() -> None:
    rows = [OverviewRow("determination", "Doing it differently", True, [1] * 52, [0.5] * 52,
                        52, 0.5, 0.2),
            OverviewRow("path", "My path", False, [None] * 51 + [2], [None] * 52, 2, None,
                        None)]
    lines = draw_overview(rows, 0, 78, cursor=51)
    assert all(len(t.plain) <= 78 for t in lines)
    assert lines[0].plain.startswith("▸ ")
    assert lines[0].plain.endswith("↗ +0.50")
    assert lines[1].plain.endswith("      2")


@pytest.mark.parametrize(("lang", "keys"), [
    ("en", ["down", "down", "down", "down"]),
    ("fr", ["down", "left"]),
])
def test_snapshot(snap_compare, make_ctx, journal, lang: str, keys: list[str]) -> None:
    seed(journal)
    app = ScreenHost(make_ctx(lang), ThemesScreen)

    async def run_before(pilot) -> None:
        await settle_workers(pilot)
        await pilot.press(*keys)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_snapshot_year_wide(snap_compare, make_ctx, journal, lang: str) -> None:
    seed(journal)
    app = ScreenHost(make_ctx(lang), ThemesScreen)

    async def run_before(pilot) -> None:
        await settle_workers(pilot)
        await pilot.press("3", "down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


async def test_recent_weeks_only_and_the_whole_journal_when_a_range_needs_it(
        make_ctx, journal: Journal) -> None:
    """The default range (and the eight weeks before it, for the trend) is read and
    shown, and nothing more: at 100,000 entries reading and scoring the whole journal
    takes minutes and holds it all in memory. A longer range is read when picked;
    until it is in, nothing is drawn from part of the journal."""
    import threading

    seed(journal)
    old = date(2024, 3, 4)
    journal.save(make_entry("Long ago: stubborn about everything.", day=old,
                            when=datetime(2024, 3, 4, 9, tzinfo=TZ),
                            checkin={"determination": -2}), touch=False)
    loaded: list[ThemesScreen.Loaded] = []

    def hook(message: object) -> None:
        if isinstance(message, ThemesScreen.Loaded):
            loaded.append(message)

    app = ScreenHost(make_ctx("en"), ThemesScreen)
    gate = threading.Event()
    real = app.service.scored

    def scored(q, book, progress=None):  # type: ignore[no-untyped-def]
        if q.start is None:  # the whole journal waits until the test lets it through
            gate.wait(10)
        return real(q, book, progress)

    app.service.scored = scored  # type: ignore[method-assign]
    async with app.run_test(size=(100, 30), message_hook=hook) as pilot:
        await settle_workers(pilot)
        assert loaded and all(m.since == date(2026, 8, 10) for m in loaded)  # W33
        assert old not in {e.date for e in loaded[0].entries}
        assert len(loaded[0].entries) == len(SEED)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        await pilot.press("4")
        await pilot.pause()
        assert "Loading" in str(screen.query_one("#themes-range").render())
        # nothing drawn from part of the journal, and no key acts on the range before
        assert screen.view is None and screen.query_one(ThemeChart).data is None
        assert str(screen.query_one("#themes-legend").render()) == ""
        for key in ("down", "left", "home", "enter"):
            await pilot.press(key)
        assert app.screen is screen and screen.view is None
        gate.set()
        await settle_workers(pilot)
        assert loaded[-1].since is None and len(loaded[-1].entries) == len(SEED) + 1
        assert screen.view is not None and screen.view.periods[0] == "2024-03"
        await pilot.press("1")
        assert screen.view.periods[-1] == "2026-W48"  # covered: drawn at once


def test_snapshot_light_theme(snap_compare, make_ctx, journal) -> None:
    """The chart's colours come from the theme: readable on a light background too."""
    seed(journal)
    app = ScreenHost(make_ctx("en"), ThemesScreen)
    app.theme = "textual-light"

    async def run_before(pilot) -> None:
        await settle_workers(pilot)
        await pilot.press("down", "down", "down", "down", "left")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


async def test_the_persons_word_changes_the_chart_and_is_drawn_solid(
        make_ctx, journal: Journal) -> None:
    """Text only, the week's balance is light (read from the text); the person's
    word replaces it, counts as a full signal and is drawn solid."""
    day = date(2026, 11, 24)
    entry = make_entry("Nous avons décidé de collaborer avec Sophie, nos offres sont "
                       "complémentaires.", day=day, when=datetime(2026, 11, 24, 9, tzinfo=TZ))
    journal.save(entry, touch=False)
    app = ScreenHost(make_ctx("en"), ThemesScreen)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        await pilot.press("down")  # synergy
        synergy = screen.view.rows[1]
        assert synergy.theme_id == "synergy" and synergy.balance[-1] > 0
        assert screen.view.own["synergy"][-1] is None or not screen.view.own["synergy"][-1]
        text = chart_text(screen)
        assert "░" in text and "█ " not in text.split("▼")[0]  # light marks only
        assert "yours" not in text

        journal.save(journal.get(entry.id).with_changes(themes={"synergy": "low"}))
        await app.push_screen(Screen())
        app.pop_screen()
        await settle_workers(pilot)
        synergy = screen.view.rows[1]
        assert synergy.balance[-1] == pytest.approx(-1.0)  # the word wins over the text
        assert screen.view.own["synergy"][-1] == pytest.approx(-1.0)
        text = chart_text(screen)
        assert "░" not in text.split("▼")[0] and "█" in text.split("▼")[0]
        assert "1 about this theme (1 from you)" in text
        assert "balance −1.00 (yours −1.00, text +0.00)" in text.replace(
            "-", "−")


async def test_averaging_window_is_named_for_what_it_covers(app: ScreenHost) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        await pilot.press("down", "down", "down", "down")  # determination, W41 … W48
        assert "4-week average" in chart_text(screen)
        await pilot.press("home")  # W41: the journal's first week, nothing to average
        assert "average" not in chart_text(screen)
        await pilot.press("right")
        assert "2-week average" in chart_text(screen)
        await pilot.press("4")  # all: October and November 2026, not 4 months
        assert screen.view.periods == ("2026-10", "2026-11")
        assert "2-month average" in chart_text(screen)
        assert "4-month" not in chart_text(screen)


async def test_header_and_legend_explain_the_overview(app: ScreenHost) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        overview = str(screen.query_one(ThemeOverview).render()).split("\n")
        assert "mentions per week (height)" in overview[0] and overview[0].endswith("mean")
        assert len(overview) == 10
        legend = str(screen.query_one("#themes-legend").render())
        assert "↗↘→ vs. the period before (8 weeks)" in legend
        assert "█ your ratings and word ░ read from the text" in legend
        await pilot.press("4")
        assert "mentions per month" in str(screen.query_one(ThemeOverview).render())
        assert "period before" not in str(screen.query_one("#themes-legend").render())


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("key", ["1", "2", "3", "4"])
async def test_the_legend_fits_80_columns_in_two_lines_of_whole_parts(
        make_ctx, journal: Journal, lang: str, key: str) -> None:
    """Broken only between its parts (the French one wrapped inside "(un / nombre :
    sans pôles)", the English one inside "(a count: no / poles)"), in two lines."""
    seed(journal)
    app = ScreenHost(make_ctx(lang), ThemesScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_workers(pilot)
        await pilot.press(key)
        await settle_workers(pilot)
        legend = app.screen.query_one("#themes-legend", Legend)
        lines = str(legend.render()).split("\n")
        assert legend.size.height == len(lines) == 2
        assert all(cell_len(line) <= legend.content_region.width for line in lines)
        assert " · ".join(lines) == " · ".join(legend.parts)


def test_legend_lines_keep_each_part_whole() -> None:
    parts = ["a" * 30, "b" * 30, "c" * 50]
    assert legend_lines(parts, 63) == [f"{'a' * 30} · {'b' * 30}", "c" * 50]
    assert legend_lines(parts, 62) == ["a" * 30, "b" * 30, "c" * 50]
    assert legend_lines(parts, 200) == [" · ".join(parts)]
    assert legend_lines(["x" * 90], 78) == ["x" * 90]  # too long alone: wrapped by Textual
    assert legend_lines([], 78) == []


async def test_popup_lines_end_with_an_ellipsis_when_cut(make_ctx, journal: Journal) -> None:
    seed(journal)
    day = date(2026, 11, 26)
    long = ("Nous avons décidé de collaborer avec Sophie et toute son équipe de "
            "Lyon, nos offres sont complémentaires et nos clients les mêmes.")
    journal.save(make_entry(long, day=day, when=datetime(2026, 11, 26, 7, tzinfo=TZ),
                            themes={"synergy": "high"}), touch=False)
    app = ScreenHost(make_ctx("en"), ThemesScreen)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle_workers(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ThemeEntriesDialog)
        lines = []
        for label in dialog.query("ListItem Label"):
            strip = label.render_lines(Region(0, 0, label.size.width, 1))[0]
            lines.append(strip.text.rstrip())
        assert any(line.endswith("…") and "Sophie et" in line for line in lines), lines
        assert all(len(line) <= 80 for line in lines)


async def test_scoring_progress_is_shown_while_nothing_is_drawn(app: ScreenHost) -> None:
    progress: list[tuple[int, int]] = []

    def hook(message: object) -> None:
        if isinstance(message, ThemesScreen.Scoring):
            progress.append((message.done, message.total))

    async with app.run_test(size=(80, 24), message_hook=hook) as pilot:
        await settle_workers(pilot)
        assert progress and progress[-1][0] == progress[-1][1] == len(SEED)  # a fresh index
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        screen.view = None
        screen.post_message(ThemesScreen.Scoring(500, 2000))
        await pilot.pause()
        assert "Reading the themes of 500 / 2000 entries…" in str(
            screen.query_one("#themes-range").render())


async def test_dismissing_from_the_entry_view_changes_the_chart(app: ScreenHost,
                                                                journal: Journal) -> None:
    """Themes → a point's entries → the entry → x on the theme → back: the entry no
    longer counts for that theme (the person's word wins)."""
    from journal_tui.tui.screens.entry import EntryScreen
    from journal_tui.tui.widgets.theme_noticed import NoticedList

    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(pilot)
        screen = app.screen
        assert isinstance(screen, ThemesScreen)
        await pilot.press("down")  # synergy, 2026-W48
        assert screen.view.rows[1].mentions[-1] == 1
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("enter")
        await settle_workers(pilot)
        entry_screen = app.screen
        assert isinstance(entry_screen, EntryScreen)
        noticed = entry_screen.query_one(NoticedList)
        themes = [r.theme for r in noticed.rows]
        await pilot.press(*["down"] * themes.index("synergy"))
        assert noticed.current is not None and noticed.current.theme == "synergy"
        await pilot.press("x")
        await settle_workers(pilot)
        assert journal.get(entry_screen.entry.id).themes == {"synergy": "none"}
        await pilot.press("escape")
        await settle_workers(pilot)
        assert app.screen is screen
        synergy = screen.view.rows[1]
        assert synergy.mentions[-1] == 0 and synergy.balance[-1] is None
