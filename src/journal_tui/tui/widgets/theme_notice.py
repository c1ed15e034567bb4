"""Today's word after ctrl+s: what the text just saved sounds like, and two keys.

"Sounds like stubbornness: “je m’entête” · ^o yes · ^r no" shows under the editor
once the entry is saved and read (in a worker: the detector's data loads on the
first save, never on the start-up path). It never takes the focus, so typing
goes on in the editor; it goes away on its own after ``SHOWN_FOR`` seconds. The
keys are Today's (priority bindings, live only while a notice is shown); the word
goes to the entry's ``[themes]`` table through the service's ``set_word``.

Loaded with Today, before the first frame: messages are plain classes, and the
detector is imported in the worker only.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from journal_tui.core.i18n import Catalog
from journal_tui.tui.host import IO_ERRORS, host_of, post_when_done
from journal_tui.tui.strings import MSG as SHARED

if TYPE_CHECKING:
    from journal_tui.core.detect import Noticed
    from journal_tui.core.model import Entry

NBSP = "\u00a0"
_FIELD = re.compile(r"\{(\w+)\}")
SHOWN_FOR = 12.0  # seconds a notice stays
SAID_FOR = 3.0  # seconds the answer stays
YES_KEY, NO_KEY = "ctrl+o", "ctrl+r"  # "OK / oui", "reject / rejeter"

MSG = Catalog({
    "sounds": ("Sounds like {what}: {evidence} · {yes} yes · {no} no",
               f"On dirait{NBSP}: {{what}}, {{evidence}} · {{yes}} oui · {{no}} non"),
    "yes": ("Noted, your word: {what}.", f"Noté, votre avis{NBSP}: {{what}}."),
    "no": ("Noted: not about {what}.", f"Noté{NBSP}: hors sujet, {{what}}."),
})


def styled(template: str, parts: dict[str, tuple[str, Style]]) -> Text:
    """``template``'s ``{name}`` fields filled with ``parts``' texts, each in its
    style (the texts are data: never read as markup or as format fields)."""
    out = Text()
    pos = 0
    for m in _FIELD.finditer(template):
        out.append(template[pos:m.start()])
        text, style = parts[m.group(1)]
        out.append(text, style=style)
        pos = m.end()
    out.append(template[pos:])
    return out


def best_notice(read: list[Noticed], entry: Entry, offered: set[tuple[str, str]]
                ) -> Noticed | None:
    """The text's likeliest theme the person has not spoken on (no word, no rating)
    and that was not offered already for this entry."""
    fresh = [n for n in read if n.source == "text" and n.theme not in entry.themes
             and n.theme not in entry.checkin and (entry.id, n.theme) not in offered]
    return max(fresh, key=lambda n: n.confidence, default=None)


class ThemeNotice(Static):
    """One line under Today's editor after a save (hidden otherwise)."""

    DEFAULT_CSS = """
    ThemeNotice { height: auto; display: none; padding: 0 1; color: $text-muted; }
    ThemeNotice > .notice--what { color: $text-accent; text-style: bold italic; }
    ThemeNotice > .notice--key { color: $text-secondary; text-style: bold; }
    """
    COMPONENT_CLASSES = {"notice--what", "notice--key"}

    # Plain classes: loaded before the first frame (see TodayScreen).
    class Found(Message):
        def __init__(self, entry: Entry, noticed: Noticed) -> None:
            super().__init__()
            self.entry, self.noticed = entry, noticed

    class Said(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Failed(Message):
        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    def __init__(self, **kw: object) -> None:
        super().__init__(markup=False, **kw)  # type: ignore[arg-type]
        self.current: tuple[Entry, Noticed] | None = None
        self._offered: set[tuple[str, str]] = set()
        self._timer: Timer | None = None

    @property
    def lang(self) -> str:
        return host_of(self).lang

    # ------------------------------------------------------------------ reading

    def after_save(self, entry: Entry) -> None:
        """Read what ``entry`` (just saved) sounds like; show it if anything is new."""
        self.read(entry)

    @work(thread=True, exclusive=True, group="theme-notice")
    def read(self, entry: Entry) -> None:
        from journal_tui.core.detect import notice  # the detector loads on first use

        host = host_of(self)
        try:
            read = notice(entry, host.ctx.prompts)
        except (OSError, ValueError):
            return  # the detector's data cannot be read: nothing to say after a save
        found = best_notice(read, entry, self._offered)
        if found is not None:
            self.post_message(self.Found(entry, found))

    def on_theme_notice_found(self, message: Found) -> None:
        self._offered.add((message.entry.id, message.noticed.theme))
        self.current = (message.entry, message.noticed)
        self._show(self._sounds(message.noticed), SHOWN_FOR)

    # ------------------------------------------------------------------ answering

    def decide(self, yes: bool) -> bool:
        """The person's answer to the notice shown: the word is saved (the theme's
        pole, or "yes" for a plain one; "none" for no). False if none is shown."""
        if self.current is None:
            return False
        entry, noticed = self.current
        self.current = None
        value = (noticed.pole or "yes") if yes else "none"
        what = self._what(noticed)
        said = MSG("yes" if yes else "no", self.lang, what=what)
        post_when_done(self, host_of(self).service.set_word(entry, noticed.theme, value),
                       lambda _: self.Said(said), self.Failed)
        return True

    def on_theme_notice_said(self, message: Said) -> None:
        self._show(Text(message.text), SAID_FOR)

    def on_theme_notice_failed(self, message: Failed) -> None:
        self.hide()
        if isinstance(message.error, IO_ERRORS):
            self.notify(SHARED("word.error", self.lang, error=message.error),
                        severity="error", markup=False, timeout=10)

    # ------------------------------------------------------------------ showing

    def _what(self, noticed: Noticed) -> str:
        theme = host_of(self).ctx.prompts.themes.get(noticed.theme)
        if theme is None:
            return noticed.theme
        if noticed.pole is not None and theme.polar:
            return theme.pole(noticed.pole, self.lang)
        return theme.name(self.lang)

    def _sounds(self, noticed: Noticed) -> Text:
        from journal_tui.tui.widgets.theme_noticed import quoted

        lang = self.lang
        key = self.get_component_rich_style("notice--key")
        evidence = quoted(noticed.evidence[:1], lang) if noticed.evidence else "…"
        parts = {
            "what": (self._what(noticed), self.get_component_rich_style("notice--what")),
            "evidence": (evidence, Style(italic=True)),
            "yes": (self.app.get_key_display(Binding(YES_KEY, "")), key),
            "no": (self.app.get_key_display(Binding(NO_KEY, "")), key),
        }
        text = styled(MSG("sounds", lang), parts)
        # One line, so the fields under it never move while the person types: the
        # quote is cut (with an ellipsis), never the keys.
        width = self.parent.content_region.width - 2 if isinstance(self.parent, Widget) else 0
        over = text.cell_len - width
        if width > 0 and over > 0:
            short = Text(evidence)
            short.truncate(max(2, len(evidence) - over), overflow="ellipsis")
            parts["evidence"] = (short.plain, Style(italic=True))
            text = styled(MSG("sounds", lang), parts)
        return text

    def _show(self, text: Text, seconds: float) -> None:
        self.update(text)
        self.display = True
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(seconds, self.hide)

    def hide(self) -> None:
        """Gone (on its own after a while, or once answered and said)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.current = None
        self.display = False
