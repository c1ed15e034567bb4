"""Every key of the app, screen by screen, read from the bindings themselves.

Help shows these sections, and the tests check the footers against them, so a
screen added to ``tui/screens/`` shows up with its keys without anyone editing
Help. What the discovery relies on:

- a mode is an app binding whose action is ``switch_mode('name')``; its screen is
  the ``AppScreen`` defined in ``tui/screens/<name>.py``, its section is titled
  with that binding's description;
- every other ``AppScreen`` of ``tui/screens/`` follows, titled by its
  ``HELP_TITLE`` (a catalog key);
- a binding's description is a key of its module's catalog (``MSG``) or of the
  shared one (``strings.MSG``); a ``<key>_long`` variant, if there is one, is
  Help's wording (the footer keeps the short one);
- a binding without a description joins the row of one with the same action
  (``[`` beside ``alt+←``);
- widgets named in a screen's ``HELP_WIDGETS`` get a section after it, titled by
  their own ``HELP_TITLE``.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.binding import Binding, BindingType

from journal_tui.core.i18n import Catalog
from journal_tui.tui.strings import MSG
from journal_tui.tui.widgets.footer import MODE_ACTION

if TYPE_CHECKING:
    from textual.app import App
    from textual.dom import DOMNode

    from journal_tui.tui.screens.base import AppScreen

KeyDisplay = Callable[[str], str]
SCREENS_PACKAGE = "journal_tui.tui.screens"


@dataclass(frozen=True)
class Page:
    """A screen of the app and the key that shows it (None: reached from another)."""

    screen: type[AppScreen]
    title: str
    """Catalog key of its name (the mode binding's description, or ``HELP_TITLE``)."""
    key: str | None = None
    mode: str | None = None


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[tuple[str, str]]
    """(keys as shown, what they do)"""


def catalog_of(cls: type[DOMNode]) -> Catalog:
    """The catalog a class's binding descriptions come from: its module's ``MSG``
    (a screen's own), else the shared one."""
    own = getattr(sys.modules.get(cls.__module__), "MSG", None)
    return own if isinstance(own, Catalog) else MSG


def text_of(key: str, catalog: Catalog, lang: str, *, long: bool = False) -> str:
    """A description in ``lang``: ``key`` looked up in ``catalog``, then the shared
    catalog (``long``: its ``_long`` variant first); not a key: the text itself."""
    for messages in (catalog, MSG):
        if long and f"{key}_long" in messages:
            return messages(f"{key}_long", lang)
        if key in messages:
            return messages(key, lang)
    return key


def mode_bindings(app: App[Any]) -> list[tuple[str, Binding]]:
    """(mode, binding) of the app's keys that switch screens, in the app's order."""
    out = []
    for b in _bindings(type(app).BINDINGS):
        match = MODE_ACTION.fullmatch(b.action)
        if match:
            out.append((match.group(1), b))
    return out


def pages(app: App[Any]) -> list[Page]:
    """Every screen: the modes in their keys' order, then the other pages."""
    from journal_tui.tui.screens.base import AppScreen

    found: list[Page] = []
    for mode, b in mode_bindings(app):
        module = importlib.import_module(f"{SCREENS_PACKAGE}.{mode}")
        screen = next(_screens_in(module.__name__, AppScreen), None)
        if screen is not None:
            found.append(Page(screen, b.description, b.key, mode))
    package = importlib.import_module(SCREENS_PACKAGE)
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{SCREENS_PACKAGE}.{info.name}")
        for screen in _screens_in(module.__name__, AppScreen):
            if screen is not AppScreen and all(p.screen is not screen for p in found):
                found.append(Page(screen, screen.HELP_TITLE))
    return found


def _screens_in(module: str, base: type[AppScreen]) -> Iterator[type[AppScreen]]:
    for value in vars(sys.modules[module]).values():
        if isinstance(value, type) and issubclass(value, base) and value.__module__ == module:
            yield value


def own_bindings(cls: type[DOMNode]) -> list[Binding]:
    """The bindings ``cls`` and its journal-tui ancestors declare (not Textual's)."""
    out: list[Binding] = []
    for klass in reversed(cls.__mro__):
        if klass.__module__.startswith("journal_tui.") and "BINDINGS" in vars(klass):
            out += _bindings(vars(klass)["BINDINGS"])
    return out


def _bindings(declared: Iterable[BindingType]) -> list[Binding]:
    return [b if isinstance(b, Binding) else Binding(*b) for b in declared]


def key_rows(cls: type[DOMNode], lang: str, display: KeyDisplay,
             bindings: list[Binding] | None = None) -> list[tuple[str, str]]:
    """(keys, description) per distinct description, keys joined (``alt+← [``); a
    binding without description joins the one with its action. Raises ``LookupError``
    for a key with neither: a key nobody could find."""
    bindings = own_bindings(cls) if bindings is None else bindings
    catalog = catalog_of(cls)
    by_action = {b.action: b.description for b in bindings if b.description}
    rows: dict[str, list[str]] = {}
    for b in bindings:
        description = b.description or by_action.get(b.action)
        if not description:
            raise LookupError(f"{cls.__name__}: key {b.key!r} ({b.action}) has no "
                              "description, nor a described key with its action")
        keys = rows.setdefault(text_of(description, catalog, lang, long=True), [])
        for key in b.key.split(","):
            shown = display(key.strip())
            if shown not in keys:
                keys.append(shown)
    return [(" ".join(keys), text) for text, keys in rows.items()]


def sections(app: App[Any], lang: str) -> list[Section]:
    """What Help lists: the keys that work everywhere, then each screen's."""

    def display(key: str) -> str:
        return app.get_key_display(Binding(key, ""))

    everywhere = key_rows(type(app), lang, display)
    everywhere.append((display(app.COMMAND_PALETTE_BINDING), MSG("help.palette", lang)))
    everywhere.append((display("tab"), MSG("b.focus_next", lang)))
    out = [Section(MSG("help.everywhere", lang), everywhere)]
    for page in pages(app):
        title = text_of(page.title, catalog_of(page.screen), lang)
        if page.key is not None:
            title += f" · {display(page.key)}"
        out.append(Section(title, key_rows(page.screen, lang, display)))
        for widget in page.screen.HELP_WIDGETS:
            title = text_of(getattr(widget, "HELP_TITLE", widget.__name__),
                            catalog_of(widget), lang)
            out.append(Section(title, key_rows(widget, lang, display)))
    return out
