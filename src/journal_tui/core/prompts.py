"""Coaching themes, daily prompts and weekly questions from ``prompts.toml``.

The bundled file ships inside the package; a ``prompts.toml`` in the config folder
adds entries or replaces them by id. Loading is pure (the caller passes the config
folder) and the bundled book is parsed once per process, since the CLI loads it on
every start. ``prompt_of_the_day`` depends on the date and the half of the day
(before noon or not) alone, so every launch and every machine agree on it.

Optional keys a prompt may carry (a missing key keeps the prompt fit for any moment):

* ``when = "morning" | "evening" | "any"``: a morning prompt looks ahead at the day
  and is offered before noon only; an evening prompt asks what the day held and is
  offered from noon on; "any" (the default) fits all day.
* ``this_week = true``: the prompt looks back over the current week, so it is not
  offered on a Monday, when the week has barely begun.

A weekly question may carry ``theme = "<theme id>"``: the weekly review then asks it
when that theme moved (``core.questions``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal_tui.core.i18n import Catalog, Told
from journal_tui.core.sha import sha256
from journal_tui.core.toml_errors import FileError, toml_error

if TYPE_CHECKING:
    from journal_tui.core.model import Entry

LANGS = ("fr", "en")
KINDS = ("plain", "polar")
# The keyword poles each kind of theme has.
POLES: dict[str, tuple[str, ...]] = {"plain": ("any",), "polar": ("low", "high")}
FILE_NAME = "prompts.toml"
VERSION = 1
# The window, in days, within which the prompt of the day never repeats (see
# ``prompt_of_the_day`` for the exact condition).
NO_REPEAT_DAYS = 30

THEME_ID_RE = re.compile(r"^[a-z][a-z0-9_-]*$")
ITEM_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")

_TOP_KEYS = ("version", "themes", "prompts", "weekly")
_THEME_KEYS = ("id", "kind", "label", "low", "high", "advice", "keywords")
_PROMPT_KEYS = ("id", "theme", "text", "when", "this_week")
_WEEKLY_KEYS = ("id", "text", "theme")
WHENS = ("any", "morning", "evening")
NOON = 12  # before this hour a day is still ahead: no prompt about what it held


PROMPTS_MSG = Catalog({
    "missing": ("the bundled {name} is missing (looked in {package} and {resource})",
                "le fichier {name} fourni manque (cherché dans {package} et {resource})"),
    "cannot_read": ("cannot read the file: {error}", "lecture du fichier impossible : {error}"),
    "utf8": ("the file is not valid UTF-8", "le fichier n’est pas de l’UTF-8 valide"),
    "toml": ("invalid TOML: {detail}", "TOML invalide : {detail}"),
    "unknown_key": ("unknown key {key} (expected: {expected})",
                    "clé inconnue {key} (attendues : {expected})"),
    "version": ("unsupported version {value} (this journal-tui reads version {version})",
                "version {value} non prise en charge (ce journal-tui lit la version {version})"),
    "no_theme": ("{what} needs a theme", "{what} a besoin d’un thème"),
    "unknown_theme": ("{what} has unknown theme {theme}", "{what} a un thème inconnu : {theme}"),
    "when": ("{what}: when must be one of {allowed}, not {value}",
             "{what} : when doit valoir {allowed}, pas {value}"),
    "this_week": ("{what}: this_week must be true or false, not {value}",
                  "{what} : this_week doit valoir true ou false, pas {value}"),
    "array": ("{section} must be an array of tables [[{name}]]",
              "{section} doit être une liste de tables [[{name}]]"),
    "item_key": ("unknown key {key} in [[{section}]] (expected: {expected})",
                 "clé inconnue {key} dans [[{section}]] (attendues : {expected})"),
    "no_id": ("[[{section}]] entry has no id (use letters, digits, - and _)",
              "une entrée de [[{section}]] n’a pas d’id (lettres, chiffres, - et _)"),
    "bad_id": ("[[{section}]] entry has the invalid id {value} (use letters, digits, - and _)",
               "une entrée de [[{section}]] a un id incorrect, {value} (lettres, chiffres, - "
               "et _)"),
    "duplicate": ("duplicate id {value} in [[{section}]]",
                  "id {value} en double dans [[{section}]]"),
    "kind": ("{what}: kind must be plain or polar, not {value}",
             "{what} : kind doit valoir plain ou polar, pas {value}"),
    "plain_poles": ("{what} is plain and cannot have low/high poles",
                    "{what} est simple et ne peut pas avoir de pôles low/high"),
    "keywords": ("{what}: keywords must be a table of languages",
                 "{what} : keywords doit être une table de langues"),
    "keywords.lang": ("{what}: keywords.{lang} must be a table like {example}",
                      "{what} : keywords.{lang} doit être une table comme {example}"),
    "keywords.pole": ("{what}: keywords.{lang}: unknown pole {pole} for a {kind} theme",
                      "{what} : keywords.{lang} : pôle {pole} inconnu pour un thème {kind}"),
    "keywords.words": ("{what}: keywords.{lang}.{pole} must be a list of non-empty strings",
                       "{what} : keywords.{lang}.{pole} doit être une liste de textes non vides"),
    "texts": ("{what} needs {key} = {example}", "{what} a besoin de {key} = {example}"),
    "text_missing": ("{what}: {key} is missing its {lang} text",
                     "{what} : il manque à {key} son texte {lang}"),
    "text_strings": ("{what}: {key} must hold strings", "{what} : {key} doit contenir du texte"),
    # what an item is called in the messages above
    "what.prompt": ("prompt {id}", "la question {id}"),
    "what.weekly": ("weekly question {id}", "la question de la semaine {id}"),
    "what.theme": ("theme {id}", "le thème {id}"),
})


class PromptsError(FileError):
    """A ``prompts.toml`` that cannot be used, located as precisely as possible.

    ``str()`` gives the one line a user needs, ``path:line: message``, in English;
    ``text(lang)`` in the person's language.
    """

    catalog = PROMPTS_MSG
    file_name = FILE_NAME

    def __init__(self, message: str, path: Path | None = None, line: int | None = None,
                 /, **values: object) -> None:
        super().__init__(message, path, line, **values)

    def said_alone(self, lang: str) -> str:
        """What is wrong, on one line (French's no-break spaces kept)."""
        return re.sub(r"[ \t\r\n]+", " ", super().said_alone(lang)).strip()


class _What(Told):
    """An item of the file as the messages name it ("prompt 'x'", "la question 'x'")."""

    catalog = PROMPTS_MSG


def localized(text: dict[str, str], lang: str) -> str:
    """``text`` in ``lang``, else in the other language, else any value: never empty by
    accident when a user file gives only one language of an extra key."""
    if text.get(lang):
        return text[lang]
    for other in LANGS:
        if text.get(other):
            return text[other]
    return next((value for value in text.values() if value), "")


@dataclass(frozen=True, slots=True)
class Theme:
    """A coaching theme: its name, its poles when it is polar, advice and keywords."""

    id: str
    kind: str  # "plain" | "polar"
    label: dict[str, str]
    low: dict[str, str] | None
    high: dict[str, str] | None
    advice: dict[str, str]
    # lang -> pole ("low"/"high", or "any" for a plain theme) -> words; every pole of
    # the kind is present for each of LANGS, possibly empty.
    keywords: dict[str, dict[str, tuple[str, ...]]]

    @property
    def polar(self) -> bool:
        return self.kind == "polar"

    def name(self, lang: str) -> str:
        return localized(self.label, lang)

    def pole(self, which: str, lang: str) -> str:
        """The wording of pole ``which`` ("low" or "high"); "" for a plain theme."""
        if which not in ("low", "high"):
            raise ValueError(f"unknown pole {which!r} (expected 'low' or 'high')")
        texts = self.low if which == "low" else self.high
        return localized(texts, lang) if texts else ""

    def advice_text(self, lang: str) -> str:
        return localized(self.advice, lang)


@dataclass(frozen=True, slots=True)
class Prompt:
    """A daily prompt of one theme, in each language, and the moments it fits."""

    id: str
    theme: str
    text: dict[str, str]
    when: str = "any"  # "morning" (before noon), "evening" (from noon) or "any"
    this_week: bool = False  # looks back over the week: never on a Monday

    def text_in(self, lang: str) -> str:
        return localized(self.text, lang)

    def fits(self, day: date, hour: int | None = None) -> bool:
        """Whether the prompt suits ``day`` at ``hour`` (None: any hour)."""
        if self.this_week and day.weekday() == 0:
            return False
        if hour is None or self.when == "any":
            return True
        return (hour < NOON) == (self.when == "morning")


@dataclass(frozen=True, slots=True)
class WeeklyQuestion:
    """A question of the weekly review, asked when its theme (if any) moved."""

    id: str
    text: dict[str, str]
    theme: str | None = None  # asked when this theme moved (core.questions)

    def text_in(self, lang: str) -> str:
        return localized(self.text, lang)


@dataclass(frozen=True)
class PromptBook:
    """All themes (in file order), prompts and weekly questions in force."""

    themes: dict[str, Theme]
    prompts: tuple[Prompt, ...]
    weekly: tuple[WeeklyQuestion, ...]

    def theme(self, id: str) -> Theme:
        return self.themes[id]

    def prompt(self, id: str) -> Prompt | None:
        return self._prompts_by_id.get(id)

    def prompts_for(self, theme_id: str) -> tuple[Prompt, ...]:
        return self._prompts_by_theme.get(theme_id, ())

    # Derived lookups, computed on first use; functools.cached_property writes to the
    # instance __dict__ directly, which a frozen dataclass without slots allows.
    @functools.cached_property
    def _prompts_by_id(self) -> dict[str, Prompt]:
        return {prompt.id: prompt for prompt in self.prompts}

    @functools.cached_property
    def _prompts_by_theme(self) -> dict[str, tuple[Prompt, ...]]:
        grouped: dict[str, list[Prompt]] = {}
        for prompt in self.prompts:
            grouped.setdefault(prompt.theme, []).append(prompt)
        return {theme: tuple(prompts) for theme, prompts in grouped.items()}

    @functools.cached_property
    def _wheel(self) -> tuple[Slot, ...]:
        return _build_wheel(self)


# --------------------------------------------------------------------------- loading


def bundled_prompts_text() -> str:
    """The text of the ``prompts.toml`` shipped with the application."""
    return _bundled_source()[0]


def _bundled_source() -> tuple[str, Path]:
    # A wheel carries the file inside the package (hatch force-include); an editable
    # install imports the package from src/, next to which it is not, so fall back to
    # the repository root. Plain paths first: importlib.resources costs ~5 ms to import
    # and is needed only for a package that is not a folder (a zip).
    package = Path(__file__).resolve().parents[1]
    for candidate in (package / FILE_NAME, package.parents[1] / FILE_NAME):
        if candidate.is_file():
            return candidate.read_text(encoding="utf-8"), candidate
    import importlib.resources

    resource = importlib.resources.files("journal_tui") / FILE_NAME
    if resource.is_file():
        return resource.read_text(encoding="utf-8"), Path(str(resource))
    raise PromptsError("missing", None, None, name=FILE_NAME, package=package, resource=resource)


@functools.cache
def _bundled_book(cache_dir: Path | None = None) -> PromptBook:
    text, path = _bundled_source()
    if cache_dir is not None:
        data = _cached_data(text, cache_dir)
        if data is not None:
            try:
                return _Checker(text, path).book(data, None)
            except PromptsError:
                pass  # a damaged cache: parse the file itself
    data = _load_toml(text, path)
    book = _Checker(text, path).book(data, None)
    if cache_dir is not None:
        _store_data(text, data, cache_dir)
    return book


# tomllib takes ~5 ms over the bundled file, on every start of the app; its parsed
# form is kept as JSON (parsed ten times faster) in the cache folder, under the hash
# of the text it came from, so an upgrade or an edit is never served stale data.
PARSED_CACHE = "prompts.json"


def _cached_data(text: str, cache_dir: Path) -> dict[str, Any] | None:
    import json

    try:
        cached = json.loads((cache_dir / PARSED_CACHE).read_bytes())
    except (OSError, ValueError):
        return None
    if not isinstance(cached, dict) or cached.get("sha256") != _digest(text):
        return None
    data = cached.get("data")
    return data if isinstance(data, dict) else None


def _store_data(text: str, data: dict[str, Any], cache_dir: Path) -> None:
    """Best effort: a cache that cannot be written only costs the next start 5 ms."""
    import json

    from journal_tui.core.atomic import WriteError, atomic_write, ensure_dir

    try:
        encoded = json.dumps({"sha256": _digest(text), "data": data}, ensure_ascii=False)
    except (TypeError, ValueError):  # a TOML date or the like: JSON cannot hold it
        return
    if json.loads(encoded)["data"] != data:
        return
    try:
        ensure_dir(cache_dir)
        atomic_write(cache_dir / PARSED_CACHE, encoded.encode("utf-8"), durable=False)
    except (OSError, WriteError):
        pass


def _digest(text: str) -> str:
    return sha256(text.encode("utf-8")).hexdigest()


def load_prompts(
    config_dir: Path | None, cache_dir: Path | None = None
) -> tuple[PromptBook, list[PromptsError]]:
    """The bundled book merged with ``config_dir/prompts.toml`` when there is one.

    A user file that cannot be read or used is returned as an error next to the
    bundled book, so a typo never keeps the journal from opening. ``cache_dir``
    keeps the bundled file's parsed form between runs.
    """
    book = _bundled_book(cache_dir)
    if config_dir is None:
        return book, []
    path = config_dir / FILE_NAME
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return book, []
    except OSError as exc:
        return book, [PromptsError("cannot_read", path, None, error=exc.strerror or exc)]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return book, [PromptsError("utf8", path, line)]
    try:
        return parse_prompts(text, path, base=book), []
    except PromptsError as exc:
        return book, [exc]


def parse_prompts(
    text: str, path: Path | None = None, *, base: PromptBook | None = None
) -> PromptBook:
    """Parse and check one ``prompts.toml``.

    With ``base``, the file is an override: its themes, prompts and weekly questions
    are added to ``base``'s or replace those with the same id (keeping their place),
    and its prompts may use ``base``'s themes.
    """
    return _Checker(text, path).book(_load_toml(text, path), base)


def _load_toml(text: str, path: Path | None) -> dict[str, Any]:
    import tomllib  # the bundled file's parsed form is usually cached (_cached_data)

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = toml_error(exc, text)
        raise PromptsError("toml", path, line, detail=message) from None


class _Checker:
    """Turns parsed TOML into a PromptBook. tomllib keeps no positions, so an error
    is located by searching the text: the item's ``[[section]]`` header (or its id,
    in an inline array), then the offending key within the item."""

    def __init__(self, text: str, path: Path | None) -> None:
        self.lines = text.splitlines()
        self.path = path

    def _find(self, pattern: str, start: int = 0, stop: int | None = None) -> int | None:
        regex = re.compile(pattern)
        for number in range(start, len(self.lines) if stop is None else stop):
            if regex.search(self.lines[number]):
                return number
        return None

    def _top_error(self, message: str, key: str, /, **values: object) -> PromptsError:
        key_re = re.escape(key)
        found = self._find(rf"^\s*(?:\[\[?\s*{key_re}\s*[\].]|{key_re}\s*[=.])")
        return PromptsError(message, self.path, None if found is None else found + 1,
                            **values)

    def _item_error(
        self, section: str, index: int, raw: dict[str, Any], message: str, key: str, /,
        **values: object,
    ) -> PromptsError:
        item_id = raw.get("id")
        headers = [
            number
            for number, line in enumerate(self.lines)
            if re.match(rf"^\s*\[\[\s*{section}\s*\]\]", line)
        ]
        if index < len(headers):
            start = headers[index]
            after = self._find(r"^\s*\[\[", start + 1)
            stop = len(self.lines) if after is None else after
        elif isinstance(item_id, str):  # an inline array of tables
            found = self._find(rf"""\bid\s*=\s*(["']){re.escape(item_id)}\1""")
            if found is None:
                return PromptsError(message, self.path, None, **values)
            start, stop = found, found + 1
        else:
            return PromptsError(message, self.path, None, **values)
        key_re = re.escape(key)
        key_line = self._find(
            rf"""^\s*(?:["']?{key_re}["']?\s*[=.]|\[\s*{section}\s*\.\s*{key_re}\s*\])""",
            start,
            stop,
        )
        return PromptsError(message, self.path, (start if key_line is None else key_line) + 1,
                            **values)

    def book(self, data: dict[str, Any], base: PromptBook | None) -> PromptBook:
        for key in data:
            if key not in _TOP_KEYS:
                raise self._top_error("unknown_key", key, key=repr(key),
                                      expected=", ".join(_TOP_KEYS))
        version = data.get("version", VERSION)
        if isinstance(version, bool) or version != VERSION:
            raise self._top_error("version", "version", value=repr(version), version=VERSION)
        themes = dict(base.themes) if base else {}
        prompts = {prompt.id: prompt for prompt in base.prompts} if base else {}
        weekly = {question.id: question for question in base.weekly} if base else {}
        for index, raw in self._items(data, "themes", _THEME_KEYS, THEME_ID_RE):
            themes[raw["id"]] = self._theme(index, raw)
        for index, raw in self._items(data, "prompts", _PROMPT_KEYS, ITEM_ID_RE):
            what = _What("what.prompt", id=repr(raw["id"]))
            theme_id = raw.get("theme")
            if not isinstance(theme_id, str) or theme_id not in themes:
                raise self._item_error("prompts", index, raw,
                                       "no_theme" if theme_id is None else "unknown_theme",
                                       "theme", what=what, theme=repr(theme_id))
            text = self._texts("prompts", index, raw, "text", what)
            when = raw.get("when", "any")
            if when not in WHENS:
                raise self._item_error("prompts", index, raw, "when", "when", what=what,
                                       allowed=", ".join(WHENS), value=repr(when))
            this_week = raw.get("this_week", False)
            if not isinstance(this_week, bool):
                raise self._item_error("prompts", index, raw, "this_week", "this_week",
                                       what=what, value=repr(this_week))
            prompts[raw["id"]] = Prompt(raw["id"], theme_id, text, when, this_week)
        for index, raw in self._items(data, "weekly", _WEEKLY_KEYS, ITEM_ID_RE):
            what = _What("what.weekly", id=repr(raw["id"]))
            text = self._texts("weekly", index, raw, "text", what)
            theme_id = raw.get("theme")
            if theme_id is not None and (not isinstance(theme_id, str) or theme_id not in themes):
                raise self._item_error("weekly", index, raw, "unknown_theme", "theme",
                                       what=what, theme=repr(theme_id))
            weekly[raw["id"]] = WeeklyQuestion(raw["id"], text, theme_id)
        return PromptBook(themes, tuple(prompts.values()), tuple(weekly.values()))

    def _items(
        self, data: dict[str, Any], section: str, keys: Sequence[str], id_re: re.Pattern[str]
    ) -> list[tuple[int, dict[str, Any]]]:
        """The section's tables, each with known keys and a valid id unique in this file."""
        items = data.get(section, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise self._top_error("array", section, section=repr(section), name=section)
        seen: set[str] = set()
        for index, raw in enumerate(items):
            unknown = [key for key in raw if key not in keys]
            if unknown:
                raise self._item_error(section, index, raw, "item_key", unknown[0],
                                       key=repr(unknown[0]), section=section,
                                       expected=", ".join(keys))
            item_id = raw.get("id")
            if not isinstance(item_id, str) or not id_re.match(item_id):
                raise self._item_error(section, index, raw,
                                       "no_id" if item_id is None else "bad_id", "id",
                                       section=section, value=repr(item_id))
            if item_id in seen:
                raise self._item_error(section, index, raw, "duplicate", "id",
                                       value=repr(item_id), section=section)
            seen.add(item_id)
        return list(enumerate(items))

    def _theme(self, index: int, raw: dict[str, Any]) -> Theme:
        what = _What("what.theme", id=repr(raw["id"]))
        has_poles = "low" in raw or "high" in raw
        kind = raw.get("kind", "polar" if has_poles else "plain")
        if kind not in KINDS:
            raise self._item_error("themes", index, raw, "kind", "kind", what=what,
                                   value=repr(kind))
        if kind == "plain" and has_poles:
            raise self._item_error("themes", index, raw, "plain_poles",
                                   "low" if "low" in raw else "high", what=what)
        polar = kind == "polar"
        return Theme(
            id=raw["id"],
            kind=kind,
            label=self._texts("themes", index, raw, "label", what),
            low=self._texts("themes", index, raw, "low", what) if polar else None,
            high=self._texts("themes", index, raw, "high", what) if polar else None,
            advice=self._texts("themes", index, raw, "advice", what) if "advice" in raw else {},
            keywords=self._keywords(index, raw, what, kind),
        )

    def _keywords(
        self, index: int, raw: dict[str, Any], what: _What, kind: str
    ) -> dict[str, dict[str, tuple[str, ...]]]:
        poles = POLES[kind]
        given = raw.get("keywords", {})

        def fail(problem: str, **values: object) -> PromptsError:
            return self._item_error("themes", index, raw, problem, "keywords", what=what,
                                    **values)

        if not isinstance(given, dict):
            raise fail("keywords")
        result: dict[str, dict[str, tuple[str, ...]]] = {
            lang: dict.fromkeys(poles, ()) for lang in LANGS}
        for lang, by_pole in given.items():
            if not isinstance(by_pole, dict):
                raise fail("keywords.lang", lang=lang, example=f"{{ {poles[0]} = [...] }}")
            result.setdefault(lang, dict.fromkeys(poles, ()))
            for pole, words in by_pole.items():
                if pole not in poles:
                    raise fail("keywords.pole", lang=lang, pole=repr(pole), kind=kind)
                if not isinstance(words, list) or not all(
                    isinstance(word, str) and word.strip() for word in words
                ):
                    raise fail("keywords.words", lang=lang, pole=pole)
                # Lowercased and deduplicated here; the matcher folds accents and stems.
                cleaned = (" ".join(word.lower().split()) for word in words)
                result[lang][pole] = tuple(dict.fromkeys(cleaned))
        return result

    def _texts(
        self, section: str, index: int, raw: dict[str, Any], key: str, what: _What
    ) -> dict[str, str]:
        """A ``{ fr = "…", en = "…" }`` table: both languages are required (extra
        languages are kept)."""
        value = raw.get(key)
        if not isinstance(value, dict):
            raise self._item_error(section, index, raw, "texts", key, what=what, key=key,
                                   example='{ fr = "…", en = "…" }')
        missing = [lang for lang in LANGS if not str(value.get(lang) or "").strip()]
        if missing or not all(isinstance(text, str) for text in value.values()):
            raise self._item_error(section, index, raw,
                                   "text_missing" if missing else "text_strings", key,
                                   what=what, key=key, lang=repr(missing[0]) if missing else "")
        return {lang: text.strip() for lang, text in value.items()}


# --------------------------------------------------------------------- prompt of the day


@dataclass(frozen=True, slots=True)
class Slot:
    """A place on the wheel: one prompt for the whole day, or a pair of one theme, one
    for before noon and one from noon (a morning prompt with an evening one, say)."""

    am: Prompt
    pm: Prompt

    @property
    def theme(self) -> str:
        return self.am.theme

    def members(self) -> tuple[Prompt, ...]:
        return (self.am,) if self.am is self.pm else (self.am, self.pm)

    def pick(self, day: date, hour: int | None) -> Prompt:
        """The half for ``hour`` (None: the afternoon's); on a Monday, the other half
        when this one looks back over the week and that one does not."""
        shown = self.am if hour is not None and hour < NOON else self.pm
        other = self.pm if shown is self.am else self.am
        if shown.this_week and day.weekday() == 0 and not other.this_week:
            return other
        return shown


def answered_prompts(entries: Iterable[Entry]) -> list[str]:
    """The ids of the prompts ``entries`` (a day's, oldest first) answered: what
    ``prompt_of_the_day`` keeps as the day's prompt once written."""
    return [e.prompt_id for e in entries if e.prompt_id]


def prompt_of_the_day(book: PromptBook, day: date, skip: int = 0, *,
                      hour: int | None = None, answered: Sequence[str] = ()) -> Prompt:
    """The prompt for ``day`` at ``hour``; with ``skip=k > 0``, the k-th "another prompt".

    All prompts sit on a fixed circular schedule (the wheel) of S slots: a slot holds
    one prompt that fits all day, or two of one theme that fit its two halves (before
    noon, from noon; see ``Slot``). Day ``d = day.toordinal()`` shows slot ``d % S``.
    Hence:

    * the choice depends on the date, the half of the day and the book only, never on
      the machine; ``hour=None`` (unknown) takes the afternoon's half;
    * before noon, no prompt that asks what the day held (``when = "evening"``); from
      noon, none that looks ahead at it (``"morning"``); on a Monday, none that looks
      back over the week (``this_week``), whenever the book pairs its prompts so (each
      theme with as many morning as evening prompts, or "any" prompts to pair them
      with; the bundled book does, a test checks);
    * a slot comes back exactly every S days, so no prompt is shown twice within any
      ``NO_REPEAT_DAYS`` (30) consecutive days if and only if S >= 30;
    * consecutive days have different themes whenever at least two themes have
      prompts and no theme holds more than half of all slots.

    **Once shown, all day.** A day has at most two prompts, one per half, and only
    when its slot is a pair. What makes one stick is writing: ``answered``, the ids
    of the prompts the day's entries (and drafts) answered, oldest first; the first
    one still in the book is the day's prompt from then on. So a person who wrote at
    7:00 finds that prompt again at 20:00; one who only glanced at it finds the
    evening half instead, a prompt that fits the evening. Nothing else is recorded.

    A user file only adds or replaces prompts, so S never drops below the bundled
    count; adding prompts changes S and so reshuffles the schedule once, after which
    the guarantees hold again.

    Another prompt (``skip=k``) is taken from the far side of the wheel, which is
    furthest from both recent and coming days, other themes first, then prompts that
    fit the moment: for 1 <= k < N (the number of prompts) the results differ from
    the day's prompt and from each other; larger k cycle.
    """
    if skip < 0:
        raise ValueError("skip must be >= 0")
    wheel = book._wheel
    if not wheel:
        raise ValueError("the prompt book has no prompts")
    size = len(wheel)
    slot = day.toordinal() % size
    shown = next((p for p in map(book.prompt, answered) if p is not None), None)
    shown = shown or wheel[slot].pick(day, hour)
    if skip == 0:
        return shown
    far: dict[str, Prompt] = {}  # by id, in order: the far side of the wheel first
    for offset in ((size // 2 + step) % size for step in range(size)):
        place = wheel[(slot + offset) % size]
        for p in (place.pick(day, hour), *place.members()):
            far.setdefault(p.id, p)
    others = [p for p in far.values() if p.id != shown.id]
    others.sort(key=lambda p: (p.theme == shown.theme, not p.fits(day, hour)))
    return others[(skip - 1) % len(others)]


def _stable_key(*parts: str) -> bytes:
    """A sort key that is the same on every run and machine (unlike ``hash()``), used
    to shuffle themes and prompts so the schedule does not follow file order."""
    return sha256("\x1f".join(("journal-tui", *parts)).encode()).digest()


def _build_wheel(book: PromptBook) -> tuple[Slot, ...]:
    themes = sorted(
        (theme for theme in book.themes if book.prompts_for(theme)),
        key=lambda theme: _stable_key("theme", theme),
    )
    queues = [
        sorted(_slots(book.prompts_for(theme)), key=lambda s: _stable_key("prompt", s.am.id))
        for theme in themes
    ]
    taken = [0] * len(themes)
    wheel: list[Slot] = []
    for index in _spread([len(queue) for queue in queues]):
        wheel.append(queues[index][taken[index]])
        taken[index] += 1
    return tuple(wheel)


def _slots(prompts: Sequence[Prompt]) -> list[Slot]:
    """One theme's prompts in slots: each prompt looking back over the week with an
    "any" prompt that does not (Mondays show that one all day), each morning prompt
    with an evening one, the rest of either with an "any" prompt, the other "any"
    prompts alone. A prompt left without a partner is alone too (best effort)."""
    ordered = sorted(prompts, key=lambda p: _stable_key("prompt", p.id))
    partners = [p for p in ordered if p.when == "any" and not p.this_week]
    mornings = [p for p in ordered if p.when == "morning" and not p.this_week]
    evenings = [p for p in ordered if p.when == "evening" and not p.this_week]
    slots: list[Slot] = []

    def pair(first: Prompt, partner: Prompt | None) -> None:
        if partner is None:
            slots.append(Slot(first, first))
        elif first.when == "evening" or (first.when == "any" and partner.when == "morning"):
            slots.append(Slot(partner, first))
        else:
            slots.append(Slot(first, partner))

    for p in ordered:
        if p.this_week:
            pair(p, partners.pop(0) if partners else None)
    while mornings and evenings:
        pair(mornings.pop(0), evenings.pop(0))
    for p in mornings + evenings:
        pair(p, partners.pop(0) if partners else None)
    slots += [Slot(p, p) for p in partners]
    return slots


def _spread(counts: Sequence[int]) -> list[int]:
    """Arrange ``counts[i]`` items of each kind ``i`` around a circle.

    Kinds are spread evenly (smooth weighted round-robin: with equal counts this is
    a plain rotation in index order), and no two neighbours on the circle share a
    kind whenever there are at least two kinds and none has more than half the items:
    each step only takes a kind that keeps the rest arrangeable (``_arrangeable``).
    """
    total = sum(counts)
    left = list(counts)
    credit = [0] * len(counts)
    order: list[int] = []
    for _ in range(total):
        for index, count in enumerate(counts):
            credit[index] += count
        ranked = sorted(
            (index for index in range(len(counts)) if left[index]),
            key=lambda index: (-credit[index], index),
        )
        previous = order[-1] if order else None
        first = order[0] if order else None
        pick = next(
            (i for i in ranked if i != previous and _arrangeable(left, i, first)),
            # Only when no kind can avoid a clash (one kind has over half the items).
            next((i for i in ranked if i != previous), ranked[0]),
        )
        order.append(pick)
        left[pick] -= 1
        credit[pick] -= total
    return order


def _arrangeable(left: Sequence[int], pick: int, first: int | None) -> bool:
    """Whether, after placing ``pick``, the remaining items fit between ``pick`` and
    the circle's first item (``first``, or ``pick`` itself when it starts the circle)
    with no equal neighbours: each kind must fit, at most every other slot, in the run
    of slots not touching a neighbour of its own kind. Necessary, and sufficient as the
    tests check exhaustively on small circles, so ``_spread`` never paints itself into
    a corner."""
    closing = pick if first is None else first
    remaining = sum(left) - 1
    if remaining == 0:
        return first is None or pick != first
    for index, count in enumerate(left):
        count -= index == pick
        run = remaining - (index == pick) - (index == closing)
        if count > (max(run, 0) + 1) // 2:
            return False
    return True
