"""Fixed data for the TUI tests: a small prompt book and a handful of entries.

Snapshots must not move when the bundled prompts or the demo journal change,
so the tests use their own book and entries, all at fixed times.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from textual.pilot import Pilot
from textual.screen import Screen

from journal_tui.core.context import Context
from journal_tui.core.model import Entry, make_entry
from journal_tui.core.prompts import PromptBook, parse_prompts
from journal_tui.core.storage import Journal
from journal_tui.tui.app import JournalApp
from journal_tui.tui.host import HostApp, JournalHost

TZ = timezone(timedelta(hours=1))
TODAY = date(2026, 11, 26)

BOOK_TOML = """
version = 1

[[themes]]
id = "determination"
label = { fr = "Détermination", en = "Determination" }
low  = { fr = "obstination", en = "stubbornness" }
high = { fr = "détermination", en = "determination" }
advice = { fr = "Gardez le cap, changez de route quand les faits le disent.", en = "Keep the goal; change the route when the facts say so." }
[themes.keywords]
fr = { low = ["obstin"], high = ["persévér"] }
en = { low = ["stubborn"], high = ["persever"] }

[[themes]]
id = "path"
kind = "plain"
label = { fr = "Les personnes de mon chemin", en = "People on my path" }
advice = { fr = "Cherchez les personnes qui vous font avancer.", en = "Seek the people who move you along." }
[themes.keywords]
fr = { any = ["mentor"] }
en = { any = ["mentor"] }

[[themes]]
id = "synergy"
label = { fr = "Synergie", en = "Synergy" }
low  = { fr = "compétition", en = "competition" }
high = { fr = "synergie", en = "synergy" }
advice = { fr = "Créez des synergies plutôt que de rivaliser.", en = "Create synergies rather than compete." }
[themes.keywords]
fr = { low = ["concurren"], high = ["partenai"] }
en = { low = ["competitor"], high = ["partner"] }

[[prompts]]
id = "determination-why"
theme = "determination"
text = { fr = "Où avez-vous persévéré cette semaine : détermination ou obstination ?", en = "Where did you persist this week: determination or stubbornness?" }

[[prompts]]
id = "path-who"
theme = "path"
text = { fr = "Qui vous a fait avancer récemment ?", en = "Who moved you along your path lately?" }

[[prompts]]
id = "synergy-partner"
theme = "synergy"
text = { fr = "Quel concurrent pourrait devenir un partenaire ?", en = "Which competitor could become a partner?" }

[[weekly]]
id = "advice-received"
text = { fr = "Quel avis avez-vous reçu ?", en = "What advice did you receive?" }
"""  # noqa: E501


def fixed_book() -> PromptBook:
    return parse_prompts(BOOK_TOML)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=TZ)


def fixed_entries() -> list[Entry]:
    """Entries before TODAY: a 3-day streak ending yesterday, a month and a year ago."""
    specs = [
        (TODAY - timedelta(days=1), 21, "Lunch with @Marie about the partnership #partner",
         ["work"], 4, "synergy-partner", {"synergy": 1}),
        (TODAY - timedelta(days=2), 7, "# Été difficile\nI kept pushing the old plan. #doubt",
         [], 2, "determination-why", {"determination": -1}),
        (TODAY - timedelta(days=3), 19, "Called my mentor @Paul. Good advice on pricing.",
         ["mentor"], 3, "path-who", {}),
        (date(2026, 10, 26), 8, "A month ago: first client call #work", [], 3, None, {}),
        (date(2025, 11, 26), 9, "A year ago: left the old job.", ["transition"], 2, None, {}),
    ]
    out = []
    for n, (day, hour, body, tags, mood, prompt_id, checkin) in enumerate(specs):
        book = fixed_book()
        prompt = book.prompt(prompt_id) if prompt_id else None
        entry = make_entry(body, day=day, when=at(day, hour), tags=tags, mood=mood,
                           prompt_id=prompt_id, prompt=prompt.text_in("en") if prompt else None,
                           checkin=checkin)
        out.append(entry.with_changes(id=f"{day:%Y%m%d}-{hour:02d}0000-{n:04x}"))
    return out


def seed(journal: Journal) -> list[Entry]:
    entries = fixed_entries()
    for entry in entries:
        journal.save(entry, touch=False)
    return entries


def with_book(ctx: Context) -> Context:
    ctx._book = (fixed_book(), [])
    return ctx


def make_app(ctx: Context, *, delay: float = 60.0, day: date | None = None,
             prepare: float | None = None) -> JournalApp:
    """The app on ``ctx`` with the fixed prompt book and a short autosave delay.

    The Journal screen is built on first use unless ``prepare`` (seconds of quiet
    on Today) is given: a background build at a moment set by the clock would make
    the tests depend on their speed."""
    app = JournalApp(with_book(ctx), day=day)
    app.autosave_delay = delay
    app.prepare_delay = prepare
    return app


async def settle(pilot: Pilot[Any]) -> None:
    """Let workers finish and the screen refresh (never a blind sleep)."""
    app = pilot.app
    for _ in range(2):  # a worker's result may start another worker
        await pilot.pause()
        await app.workers.wait_for_complete()
    await pilot.pause()


def no_blink(app: HostApp[Any]) -> None:
    from textual.widgets import Input, TextArea

    for widget in app.screen.query("TextArea, Input"):
        if isinstance(widget, (TextArea, Input)):
            widget.cursor_blink = False


async def type_in(pilot: Pilot[Any], text: str) -> None:
    """Type ``text`` into the focused editor or input in one go (faster than key presses;
    the first Today test types with real key presses)."""
    from textual.widgets import Input, TextArea

    await pilot.pause()  # let a focus change land first
    widget = pilot.app.focused
    if isinstance(widget, TextArea):
        widget.insert(text)
    elif isinstance(widget, Input):
        widget.insert_text_at_cursor(text)
    else:
        await pilot.press(*text)
        return
    await pilot.pause()


class ScreenHost(HostApp[None]):
    """What one screen needs from ``JournalApp`` (a ``JournalHost``: context,
    language, the journal service, opening an entry…) and nothing else: it shows
    the screen built by ``make_screen``, so a screen's snapshots do not move when
    the rest of the app changes."""

    TITLE = "journal-tui"
    HORIZONTAL_BREAKPOINTS = JournalApp.HORIZONTAL_BREAKPOINTS  # the -narrow/-wide classes

    def __init__(self, ctx: Context, make_screen: Callable[[], Screen[None]]) -> None:
        super().__init__(ctx)
        self._make_screen = make_screen

    def on_mount(self) -> None:
        self.push_screen(self._make_screen())


if TYPE_CHECKING:
    def _satisfies(app: ScreenHost) -> JournalHost:  # mypy: the test host is a JournalHost
        return app


async def settle_workers(pilot: Pilot[Any]) -> None:
    """Let workers finish and the screen repaint, three times over (workers may chain).

    An exclusive worker replaced by a newer one ends cancelled: that is the app doing
    its job (the newer one is waited for), not a failure; a worker's error still is."""
    import asyncio

    from textual.worker import WorkerCancelled, WorkerState

    for _ in range(3):
        for _attempt in range(10):
            pending = [w for w in pilot.app.workers if w.state != WorkerState.CANCELLED]
            try:
                await asyncio.gather(*[w.wait() for w in pending])
                break
            except WorkerCancelled:
                continue  # one was replaced meanwhile: wait for the others
        await pilot.pause()
    # A DataTable sizes its columns when it next goes idle after its rows came, which a
    # loaded machine may not have reached by that pause (a People snapshot once showed
    # its Name column still narrow): Textual waits for it with call_after_refresh too.
    from textual.widgets import DataTable

    for table in pilot.app.screen.query(DataTable):
        await table.wait_for_refresh()


async def wait_for(pilot: Pilot[Any], condition: Callable[[], bool],
                   timeout: float = 5.0) -> None:
    """Pause until ``condition()`` holds (a timer or worker did its job), or fail."""
    waited = 0.0
    while not condition():
        if waited > timeout:
            raise AssertionError("condition not met in time")
        await pilot.pause(0.02)
        waited += 0.02
