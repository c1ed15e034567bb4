"""prompts.toml loading, user overrides and the prompt-of-the-day schedule."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

import pytest

import journal_tui.core.prompts as prompts_module
from journal_tui.core.prompts import (
    LANGS,
    NO_REPEAT_DAYS,
    PromptBook,
    PromptsError,
    _spread,
    bundled_prompts_text,
    load_prompts,
    localized,
    parse_prompts,
    prompt_of_the_day,
)

THEME_IDS = (
    "path",
    "synergy",
    "advice",
    "agility",
    "determination",
    "self_trust",
    "openness",
    "different",
    "inspiration",
)
PLAIN = {"path", "inspiration"}
START = date(2026, 1, 1)
TWO_YEARS = 731


@pytest.fixture(scope="module")
def book() -> PromptBook:
    book, errors = load_prompts(None)
    assert errors == []
    return book


def days(start: date, count: int) -> list[date]:
    return [start + timedelta(days=n) for n in range(count)]


def write_user_file(config_dir: Path, text: str) -> Path:
    path = config_dir / "prompts.toml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_schedule_properties(book: PromptBook, count: int = TWO_YEARS + NO_REPEAT_DAYS,
                               hours: tuple[int | None, ...] = (None, 8, 20)) -> None:
    """Themes change every day and no prompt comes back within 30 days, whatever the
    hour of each launch: a prompt shown on one day (either half) is on no other day
    of any 30-day window."""
    shown = [{(p := prompt_of_the_day(book, day, hour=hour)).id: p for hour in hours}
             for day in days(START, count)]
    for yesterday, today in itertools.pairwise(shown):
        assert not {p.theme for p in yesterday.values()} & {p.theme for p in today.values()}
    for start in range(len(shown) - NO_REPEAT_DAYS + 1):
        window = [pid for day in shown[start : start + NO_REPEAT_DAYS] for pid in day]
        assert len(set(window)) == len(window), f"repeat in window starting day {start}"


# ------------------------------------------------------------------ the bundled file


def test_bundled_file_parses_on_its_own() -> None:
    book = parse_prompts(bundled_prompts_text(), None)
    assert tuple(book.themes) == THEME_IDS


def test_themes_kinds_labels_poles_and_advice(book: PromptBook) -> None:
    assert tuple(book.themes) == THEME_IDS
    for theme in book.themes.values():
        assert theme.kind == ("plain" if theme.id in PLAIN else "polar")
        assert theme.polar == (theme.id not in PLAIN)
        for lang in LANGS:
            assert theme.label[lang] and theme.name(lang) == theme.label[lang]
            assert theme.advice[lang].count(". ") >= 1, "advice is 2-3 sentences"
            if theme.polar:
                assert theme.pole("low", lang) and theme.pole("high", lang)
                assert theme.pole("low", lang) != theme.pole("high", lang)
            else:
                assert theme.low is None and theme.high is None
                assert theme.pole("low", lang) == ""
    assert book.theme("self_trust").pole("high", "en") == "self-trust"
    assert book.theme("synergy").pole("low", "fr") == "compétition"


def test_keywords_cover_every_pole_in_both_languages(book: PromptBook) -> None:
    for theme in book.themes.values():
        poles = ("low", "high") if theme.polar else ("any",)
        for lang in LANGS:
            assert set(theme.keywords[lang]) == set(poles), theme.id
            for pole in poles:
                words = theme.keywords[lang][pole]
                assert 8 <= len(words) <= 20, (theme.id, lang, pole, len(words))
                assert all(word == word.lower().strip() for word in words)
        if theme.polar:
            for lang in LANGS:
                both = set(theme.keywords[lang]["low"]) & set(theme.keywords[lang]["high"])
                assert not both, (theme.id, lang, both)


def test_prompts_per_theme_in_both_languages(book: PromptBook) -> None:
    for theme_id in THEME_IDS:
        prompts = book.prompts_for(theme_id)
        assert len(prompts) >= 5, theme_id
        for prompt in prompts:
            assert prompt.id.startswith(f"{theme_id}-")
            assert book.prompt(prompt.id) is prompt
            for lang in LANGS:
                assert prompt.text[lang].strip() and prompt.text_in(lang) == prompt.text[lang]
    assert len({prompt.id for prompt in book.prompts}) == len(book.prompts)


def test_weekly_questions_in_both_languages(book: PromptBook) -> None:
    assert len(book.weekly) >= 8
    assert len({question.id for question in book.weekly}) == len(book.weekly)
    for question in book.weekly:
        for lang in LANGS:
            assert question.text[lang].strip()


def test_french_texts_use_typographic_apostrophes(book: PromptBook) -> None:
    texts = [prompt.text["fr"] for prompt in book.prompts]
    texts += [question.text["fr"] for question in book.weekly]
    for theme in book.themes.values():
        texts += [theme.label["fr"], theme.advice["fr"]]
        texts += [pole["fr"] for pole in (theme.low, theme.high) if pole]
    assert not [text for text in texts if "'" in text]


def test_lookups(book: PromptBook) -> None:
    with pytest.raises(KeyError):
        book.theme("nope")
    assert book.prompt("nope") is None
    assert book.prompts_for("nope") == ()


def test_localized_falls_back() -> None:
    assert localized({"fr": "bonjour", "en": "hello"}, "en") == "hello"
    assert localized({"fr": "bonjour", "en": ""}, "en") == "bonjour"
    assert localized({"fr": "bonjour"}, "de") == "bonjour"
    assert localized({"de": "hallo"}, "fr") == "hallo"
    assert localized({}, "fr") == ""


# ----------------------------------------------------------------- prompt of the day


def test_prompt_of_the_day_is_deterministic(book: PromptBook) -> None:
    day = date(2026, 11, 26)
    fresh = parse_prompts(bundled_prompts_text(), None)
    assert prompt_of_the_day(book, day) == prompt_of_the_day(book, day)
    assert prompt_of_the_day(book, day) == prompt_of_the_day(fresh, day)
    assert prompt_of_the_day(book, day, skip=3) == prompt_of_the_day(fresh, day, skip=3)


def test_prompt_of_the_day_does_not_depend_on_hash_seed(book: PromptBook) -> None:
    code = (
        "from datetime import date, timedelta\n"
        "from journal_tui.core.prompts import load_prompts, prompt_of_the_day\n"
        "book, _ = load_prompts(None)\n"
        "print(' '.join(prompt_of_the_day(book, date(2026, 1, 1) + timedelta(n)).id"
        " for n in range(20)))\n"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        outputs.add(result.stdout.strip())
    expected = " ".join(prompt_of_the_day(book, day).id for day in days(START, 20))
    assert outputs == {expected}


def test_schedule_over_two_years(book: PromptBook) -> None:
    assert_schedule_properties(book)


def test_every_prompt_is_shown(book: PromptBook) -> None:
    shown = {prompt_of_the_day(book, day, hour=hour).id
             for day in days(START, TWO_YEARS) for hour in (8, 20)}
    assert shown == {prompt.id for prompt in book.prompts}


def test_the_wheel_has_room_for_thirty_days(book: PromptBook) -> None:
    assert len(book._wheel) >= NO_REPEAT_DAYS
    assert len({p.id for slot in book._wheel for p in slot.members()}) == len(book.prompts)


@pytest.mark.parametrize("hour", [0, 6, 11])
def test_before_noon_no_prompt_asks_what_the_day_held(book: PromptBook, hour: int) -> None:
    shown = [prompt_of_the_day(book, day, hour=hour) for day in days(START, 400)]
    assert all(p.when != "evening" for p in shown)
    assert any(p.when == "morning" for p in shown)


@pytest.mark.parametrize("hour", [12, 17, 23])
def test_from_noon_no_prompt_looks_ahead_at_the_day(book: PromptBook, hour: int) -> None:
    shown = [prompt_of_the_day(book, day, hour=hour) for day in days(START, 400)]
    assert all(p.when != "morning" for p in shown)
    assert any(p.when == "evening" for p in shown)


def test_on_mondays_nothing_looks_back_over_the_week(book: PromptBook) -> None:
    mondays = [day for day in days(START, TWO_YEARS) if day.weekday() == 0]
    assert all(not prompt_of_the_day(book, day, hour=hour).this_week
               for day in mondays for hour in (None, 8, 20))
    # … while on other days those prompts do come up
    assert any(prompt_of_the_day(book, day, hour=hour).this_week
               for day in days(START, TWO_YEARS) for hour in (8, 20))


def test_the_bundled_prompts_tagged_for_a_moment_read_so(book: PromptBook) -> None:
    """The prompts that assumed the evening are tagged so; each theme has a prompt for
    each half of the day; prompts looking back over "this week" are kept off Mondays."""
    evening = {"inspiration-today", "determination-hold-on", "different-tomorrow"}
    assert evening <= {p.id for p in book.prompts if p.when == "evening"}
    assert {"path-who-moved", "openness-listen", "different-autopilot"} == {
        p.id for p in book.prompts if p.this_week}
    for theme in book.themes:
        whens = {p.when for p in book.prompts_for(theme)}
        assert {"morning", "evening", "any"} <= whens, theme
    for prompt in book.prompts:
        en = prompt.text["en"].lower()
        if prompt.when != "any":  # the day ahead, or the day it held
            assert "today" in en or "tomorrow" in en, prompt.id
        if prompt.this_week:
            assert "this week" in en, prompt.id


def test_same_prompt_all_day_once_answered(book: PromptBook) -> None:
    """A 7:00 launch shows the morning half; once written, 20:00 shows it again."""
    day = next(d for d in days(START, 400)
               if prompt_of_the_day(book, d, hour=7) != prompt_of_the_day(book, d, hour=20))
    morning = prompt_of_the_day(book, day, hour=7)
    assert prompt_of_the_day(book, day, hour=7) == morning  # every launch of that half
    assert prompt_of_the_day(book, day, hour=20, answered=[morning.id]) == morning
    # an id no longer in the book is passed over; the first answered one wins
    other = prompt_of_the_day(book, day, skip=3)
    assert prompt_of_the_day(book, day, hour=20,
                             answered=["gone", other.id, morning.id]) == other
    # "another prompt" then starts from the answered one
    assert all(prompt_of_the_day(book, day, skip=k, hour=20, answered=[morning.id]) != morning
               for k in range(1, 20))


def test_another_prompt_fits_the_moment_first(book: PromptBook) -> None:
    day = date(2026, 11, 26)  # a Thursday
    shown = prompt_of_the_day(book, day, hour=8)
    others = [prompt_of_the_day(book, day, skip=k, hour=8) for k in range(1, len(book.prompts))]
    other_themes = [p for p in others if p.theme != shown.theme]
    fitting = [p.fits(day, 8) for p in other_themes]
    assert fitting == sorted(fitting, reverse=True)  # all that fit, then the others


def test_skip_gives_distinct_prompts_other_themes_first(book: PromptBook) -> None:
    count = len(book.prompts)
    for day in days(START, 40):
        today = prompt_of_the_day(book, day)
        others = [prompt_of_the_day(book, day, skip=k) for k in range(1, count)]
        assert len({today.id, *(prompt.id for prompt in others)}) == count
        same_theme = len(book.prompts_for(today.theme)) - 1
        themes = [prompt.theme for prompt in others]
        assert today.theme not in themes[: count - 1 - same_theme]
        assert set(themes[count - 1 - same_theme :]) <= {today.theme}
        assert prompt_of_the_day(book, day, skip=count) == others[0]  # cycles
    with pytest.raises(ValueError):
        prompt_of_the_day(book, START, skip=-1)


@pytest.mark.parametrize("kinds", [2, 3, 4])
def test_spread_has_no_equal_neighbours_when_no_kind_is_over_half(kinds: int) -> None:
    # The documented condition, checked exhaustively on small circles.
    for counts in itertools.product(range(1, 7), repeat=kinds):
        order = _spread(counts)
        assert sorted(order) == sorted(i for i, count in enumerate(counts) for _ in range(count))
        if max(counts) <= sum(counts) // 2:
            assert all(order[i] != order[i - 1] for i in range(len(order))), (counts, order)


def test_spread_with_equal_counts_is_a_plain_rotation() -> None:
    assert _spread([3, 3, 3]) == [0, 1, 2] * 3


# ----------------------------------------------------------------- user overrides

USER_FILE = """\
version = 1

[[themes]]
id = "health"
label = { fr = "Santé", en = "Health" }
low = { fr = "épuisement", en = "exhaustion" }
high = { fr = "vitalité", en = "vitality" }
[themes.keywords]
fr = { low = ["épuisé"], high = ["en forme"] }
en = { low = ["exhausted"], high = ["fit"] }

[[prompts]]
id = "health-sleep"
theme = "health"
text = { fr = "Comment avez-vous dormi ?", en = "How did you sleep?" }

[[prompts]]
id = "health-move"
theme = "health"
text = { fr = "Avez-vous bougé aujourd’hui ?", en = "Did you move today?" }

[[prompts]]
id = "synergy-extra"
theme = "synergy"
text = { fr = "Avec qui partager un projet ?", en = "Who could share a project with you?" }

[[prompts]]
id = "determination-why"
theme = "determination"
text = { fr = "Pourquoi continuer ?", en = "Why keep going?" }

[[weekly]]
id = "advice-received"
text = { fr = "Quel avis ?", en = "Which advice?" }
"""


def test_user_file_adds_and_replaces(tmp_path: Path, book: PromptBook) -> None:
    write_user_file(tmp_path, USER_FILE)
    merged, errors = load_prompts(tmp_path)
    assert errors == []
    assert tuple(merged.themes)[: len(THEME_IDS)] == THEME_IDS
    health = merged.theme("health")
    assert health.polar and health.name("fr") == "Santé" and health.advice_text("en") == ""
    assert health.keywords["en"] == {"low": ("exhausted",), "high": ("fit",)}
    assert [prompt.id for prompt in merged.prompts_for("health")] == ["health-sleep", "health-move"]
    # Added to a bundled theme, and replaced in place by id.
    assert merged.prompt("synergy-extra") is not None
    assert merged.prompt("determination-why").text_in("en") == "Why keep going?"
    assert [p.id for p in merged.prompts].index("determination-why") == [
        p.id for p in book.prompts
    ].index("determination-why")
    assert len(merged.prompts) == len(book.prompts) + 3
    assert len(merged.weekly) == len(book.weekly)
    assert merged.weekly[0].text_in("fr") == "Quel avis ?"
    # The bundled book is untouched by the merge.
    assert book.prompt("determination-why").text_in("en") != "Why keep going?"
    assert "health" not in book.themes


def test_schedule_holds_with_a_small_user_theme(tmp_path: Path) -> None:
    write_user_file(tmp_path, USER_FILE)
    merged, _ = load_prompts(tmp_path)
    assert_schedule_properties(merged)
    shown = {prompt_of_the_day(merged, day).id for day in days(START, len(merged.prompts))}
    assert {"health-sleep", "health-move", "synergy-extra"} <= shown


def test_user_theme_can_replace_a_bundled_one(tmp_path: Path) -> None:
    write_user_file(
        tmp_path,
        'version = 1\n[[themes]]\nid = "path"\nlabel = { fr = "Route", en = "Road" }\n',
    )
    merged, errors = load_prompts(tmp_path)
    assert errors == []
    assert tuple(merged.themes) == THEME_IDS
    assert merged.theme("path").name("en") == "Road"
    assert not merged.theme("path").polar
    assert merged.theme("path").keywords == {"fr": {"any": ()}, "en": {"any": ()}}


def test_missing_user_file_or_no_config_dir(tmp_path: Path, book: PromptBook) -> None:
    assert load_prompts(tmp_path) == (book, [])
    assert load_prompts(None)[0] is book


def test_broken_user_file_reports_file_and_line(tmp_path: Path, book: PromptBook) -> None:
    path = write_user_file(tmp_path, 'version = 1\n\n[[prompts]]\nid = "x"\ntheme = \n')
    loaded, errors = load_prompts(tmp_path)
    assert loaded is book
    [error] = errors
    assert isinstance(error, PromptsError)
    assert error.path == path and error.line == 5
    assert str(error).startswith(f"{path}:5: invalid TOML: ")
    assert "\n" not in str(error)


def test_unknown_theme_names_its_line(tmp_path: Path, book: PromptBook) -> None:
    path = write_user_file(
        tmp_path,
        "version = 1\n\n"
        '[[prompts]]\nid = "ok-one"\ntheme = "path"\ntext = { fr = "a", en = "b" }\n\n'
        '[[prompts]]\nid = "lost"\ntheme = "gardening"\ntext = { fr = "a", en = "b" }\n',
    )
    loaded, [error] = load_prompts(tmp_path)
    assert loaded is book
    assert (error.path, error.line) == (path, 10)
    assert "gardening" in error.message and "lost" in error.message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('[[weekly]]\nid = "w"\ntext = { fr = "Quoi ?" }\n', 3, "'en'"),
        ('[[weekly]]\nid = "w"\n', 1, "text"),
        (
            '[[themes]]\nid = "t"\nlabel = { fr = "T", en = "T" }\nlow = { fr = "a", en = "b" }\n',
            1,
            "high",
        ),
        (
            '[[themes]]\nid = "t"\nlabel = { fr = "T", en = "T" }\n[themes.keywords]\n'
            'fr = { low = ["x"] }\n',
            4,
            "pole",
        ),
        ("version = 2\n", 1, "version"),
        ('[[prompt]]\nid = "p"\n', 1, "unknown key"),
        (
            '[[weekly]]\nid = "a"\ntext = { fr = "x", en = "y" }\n'
            '[[weekly]]\nid = "a"\ntext = { fr = "x", en = "y" }\n',
            5,
            "duplicate",
        ),
        ('[[weekly]]\nid = "has space"\ntext = { fr = "x", en = "y" }\n', 2, "id"),
        ('[[weekly]]\nid = "w"\ntheme = "gardening"\ntext = { fr = "x", en = "y" }\n', 3,
         "unknown theme"),
        ('[[themes]]\nid = "t"\nlabel = { fr = "T", en = "T" }\n\n[[prompts]]\nid = "p"\n'
         'theme = "t"\ntext = { fr = "x", en = "y" }\nwhen = "noon"\n', 9, "when"),
        ('[[themes]]\nid = "t"\nlabel = { fr = "T", en = "T" }\n\n[[prompts]]\nid = "p"\n'
         'theme = "t"\nthis_week = "yes"\ntext = { fr = "x", en = "y" }\n', 8, "this_week"),
    ],
)
def test_semantic_errors_name_their_line(text: str, line: int, words: str) -> None:
    with pytest.raises(PromptsError) as caught:
        parse_prompts(text, Path("user/prompts.toml"))
    assert caught.value.line == line, str(caught.value)
    assert words in caught.value.message
    assert str(caught.value).startswith(f"user/prompts.toml:{line}: ")


def test_undecodable_user_file(tmp_path: Path, book: PromptBook) -> None:
    path = tmp_path / "prompts.toml"
    path.write_bytes(b"version = 1\n# caf\xe9\n")
    loaded, [error] = load_prompts(tmp_path)
    assert loaded is book
    assert (error.path, error.line) == (path, 2)


def test_error_without_path_or_line() -> None:
    assert str(PromptsError("bad\nthing")) == "prompts.toml: bad thing"


def test_core_module_does_not_import_textual() -> None:
    code = "import sys, journal_tui.core.prompts; print('textual' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# ------------------------------------------------------------- the parsed-file cache


@pytest.fixture
def fresh_bundled():
    """Each test starts without the per-process copy, so the cache folder is used."""
    prompts_module._bundled_book.cache_clear()
    yield
    prompts_module._bundled_book.cache_clear()


def parse_counter(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    real = tomllib.loads  # prompts imports it when it parses

    def counting(text: str) -> dict:  # type: ignore[type-arg]
        calls.append(len(text))
        return real(text)

    monkeypatch.setattr(tomllib, "loads", counting)
    return calls


def test_second_start_reads_the_parsed_file_from_the_cache(
    tmp_path: Path, book: PromptBook, fresh_bundled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first, _ = load_prompts(None, cache)
    assert first == book
    cached = cache / prompts_module.PARSED_CACHE
    assert cached.stat().st_mode & 0o777 == 0o600
    assert cache.stat().st_mode & 0o777 == 0o700
    prompts_module._bundled_book.cache_clear()  # as a new process would
    calls = parse_counter(monkeypatch)
    second, _ = load_prompts(None, cache)
    assert second == book
    assert calls == []  # no TOML parsed


@pytest.mark.parametrize("damage", ["garbage", "other-text", "bad-data", "not-a-dict"])
def test_a_stale_or_damaged_cache_is_never_used(
    tmp_path: Path, book: PromptBook, fresh_bundled: None, monkeypatch: pytest.MonkeyPatch,
    damage: str,
) -> None:
    cache = tmp_path / "cache"
    load_prompts(None, cache)
    cached = cache / prompts_module.PARSED_CACHE
    stored = json.loads(cached.read_text(encoding="utf-8"))
    if damage == "garbage":
        cached.write_bytes(b"\x00{not json")
    elif damage == "other-text":  # the bundled file changed since (an upgrade)
        stored["sha256"] = "0" * 64
        stored["data"]["themes"] = []
        cached.write_text(json.dumps(stored), encoding="utf-8")
    elif damage == "bad-data":  # right hash, data the checker refuses
        stored["data"]["version"] = 99
        cached.write_text(json.dumps(stored), encoding="utf-8")
    else:
        cached.write_text("[1, 2]", encoding="utf-8")
    prompts_module._bundled_book.cache_clear()
    calls = parse_counter(monkeypatch)
    loaded, errors = load_prompts(None, cache)
    assert loaded == book and errors == []
    assert calls  # parsed from the file itself
    repaired = json.loads(cached.read_text(encoding="utf-8"))  # and the cache mended
    assert repaired["sha256"] == prompts_module._digest(bundled_prompts_text())
    assert repaired["data"]["version"] == 1


def test_an_unwritable_cache_folder_costs_nothing_but_time(
    tmp_path: Path, book: PromptBook, fresh_bundled: None
) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    loaded, errors = load_prompts(None, blocker)
    assert loaded == book and errors == []
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


# ------------------------------------------------------------- moments of the day

PAIRING = """\
version = 1

[[themes]]
id = "{theme}"
label = {{ fr = "T", en = "T" }}
"""


def moment_book(*prompts: tuple[str, str, bool]) -> PromptBook:
    """A one-theme book of prompts (id, when, this_week)."""
    text = PAIRING.format(theme="t") + "".join(
        f'\n[[prompts]]\nid = "{pid}"\ntheme = "t"\nwhen = "{when}"\n'
        f'this_week = {"true" if week else "false"}\ntext = {{ fr = "{pid}", en = "{pid}" }}\n'
        for pid, when, week in prompts)
    return parse_prompts(text)


def test_prompts_pair_by_moment() -> None:
    book = moment_book(("m", "morning", False), ("e", "evening", False),
                       ("w", "evening", True), ("a", "any", False), ("b", "any", False))
    slots = {(s.am.id, s.pm.id) for s in book._wheel}
    assert slots == {("m", "e"), ("a", "w"), ("b", "b")} or slots == {
        ("m", "e"), ("b", "w"), ("a", "a")}
    monday, tuesday = date(2026, 11, 23), date(2026, 11, 24)
    week_slot = next(s for s in book._wheel if s.pm.id == "w")
    assert week_slot.pick(tuesday, 20).id == "w"
    assert week_slot.pick(monday, 20).id == week_slot.am.id  # never on a Monday
    assert week_slot.pick(monday, 8).id == week_slot.am.id


def test_a_book_that_cannot_pair_still_gives_a_prompt() -> None:
    """Best effort: two evening prompts and nothing else; mornings get one of them."""
    book = moment_book(("e1", "evening", False), ("e2", "evening", False))
    assert [s.am is s.pm for s in book._wheel] == [True, True]
    assert prompt_of_the_day(book, START, hour=8).id in {"e1", "e2"}


def test_a_missing_when_means_any() -> None:
    book = parse_prompts(PAIRING.format(theme="t") + '\n[[prompts]]\nid = "p"\ntheme = "t"\n'
                         'text = { fr = "x", en = "y" }\n')
    [prompt] = book.prompts
    assert (prompt.when, prompt.this_week) == ("any", False)
    assert all(prompt.fits(START + timedelta(days=n), hour) for n in range(7)
               for hour in (None, 0, 12, 23))


def test_weekly_questions_carry_a_theme(book: PromptBook) -> None:
    assert all(q.theme in book.themes for q in book.weekly)
    for theme in book.themes:  # so the theme that moved always has a question
        assert sum(q.theme == theme for q in book.weekly) >= 2, theme


def test_french_typography_in_the_bundled_file(book: PromptBook) -> None:
    """’ for apostrophes (above), and a no-break space before : ; ? ! and inside « »."""
    texts = [prompt.text["fr"] for prompt in book.prompts]
    texts += [question.text["fr"] for question in book.weekly]
    for theme in book.themes.values():
        texts += [theme.label["fr"], theme.advice["fr"]]
    loose = re.compile(r"(?:[^\u00a0]|^)[:;?!»]|«[^\u00a0]")
    assert [t for t in texts if loose.search(t.replace("://", ""))] == []


# ------------------------------------------------------------------ the command


def prompt_text(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    from journal_tui.cli import main

    assert main(["prompt", *argv]) == 0
    return capsys.readouterr().out.splitlines()[0]


def test_the_prompt_command_follows_the_clock(book: PromptBook, capsys, monkeypatch,
                                              journal) -> None:
    """With a fixed clock: a Thursday whose slot is a morning/evening pair."""
    from datetime import datetime, timezone

    from journal_tui.core import model
    from journal_tui.core.model import make_entry

    tz = timezone(timedelta(hours=1))
    day = next(d for d in days(date(2026, 11, 26), 400) if d.weekday() == 3
               and prompt_of_the_day(book, d, hour=7) != prompt_of_the_day(book, d, hour=20))
    at = {h: datetime(day.year, day.month, day.day, h, 5, tzinfo=tz) for h in (7, 20)}
    morning, evening = (prompt_of_the_day(book, day, hour=h) for h in (7, 20))
    monkeypatch.setattr(model, "system_now", lambda: at[7])
    assert prompt_text(capsys) == morning.text_in("en")
    monkeypatch.setattr(model, "system_now", lambda: at[20])
    assert prompt_text(capsys) == evening.text_in("en")
    # another day (no hour known) is the afternoon's half, whatever the clock
    assert prompt_text(capsys, "--date", str(day + timedelta(days=7))) == prompt_of_the_day(
        book, day + timedelta(days=7)).text_in("en")
    # written at 7:00 in answer to the morning prompt: it is the day's prompt at 20:00
    journal.save(make_entry("An answer", day=day, when=at[7], prompt_id=morning.id,
                            prompt=morning.text_in("en")), touch=False)
    journal.close()
    assert prompt_text(capsys) == morning.text_in("en")
