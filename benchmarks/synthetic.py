"""Synthetic journals for the benchmarks: the same entries as journal-tui files or jrnl text.

Daily entries of about 150 words ending on ``END``, half French and half
English, with two #tags and one @person each, and a rare word (``NEEDLE``, about
1% of entries) for ``--contains``. The same ``count`` always gives the same
entries, so journal-tui and jrnl are timed on the same text.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from journal_tui.core.codec import encode
from journal_tui.core.model import Entry, extract_people, extract_tags

HERE = Path(__file__).resolve().parent
DATA = HERE / ".data"
"""Built journals are kept here between runs (git ignores it)."""
TZ = timezone(timedelta(hours=1))
END = date(2026, 11, 26)

FR = ("aujourd'hui j'ai rencontré un partenaire potentiel et nous avons parlé de synergies "
      "plutôt que de compétition je me suis senti obstiné sur ce projet mais aussi déterminé "
      "à avancer malgré le qu'en-dira-t-on la conversation était fluide ouverte riche en "
      "idées et en échanges il faut savoir demander conseil à quelqu'un de compétent").split()
EN = ("today I met a potential partner and we talked about synergies rather than competition "
      "I felt stubborn about this project but also determined to move forward despite the "
      "fear of judgment the conversation was fluid open and full of ideas and exchanges "
      "advice is an opinion not a truth so ask someone who knows what they are talking about"
      ).split()
TAGS = ("partenaire", "client", "réseau", "idée", "bilan", "coaching", "energy", "family")
PEOPLE = ("Marie", "Karim", "Sophie", "Lucas", "Nadia", "Tom")
NEEDLE = "zéphyrin"  # appears in ~1% of entries


def synthetic_entries(count: int) -> Iterator[Entry]:
    """``count`` daily entries, oldest first, the last one on ``END``."""
    rng = random.Random(count)
    start = END - timedelta(days=count - 1)
    for n in range(count):
        day = start + timedelta(days=n)
        words = FR if rng.random() < 0.5 else EN
        text = [rng.choice(words) for _ in range(150)]
        for _ in range(2):
            text.insert(rng.randrange(len(text)), "#" + rng.choice(TAGS))
        text.insert(rng.randrange(len(text)), "@" + rng.choice(PEOPLE))
        if rng.random() < 0.01:
            text.insert(rng.randrange(len(text)), NEEDLE)
        body = "\n\n".join(" ".join(text[i:i + 50]).capitalize() + "."
                           for i in range(0, len(text), 50))
        when = datetime(day.year, day.month, day.day, 7 + n % 3, n % 60, 0, tzinfo=TZ)
        yield Entry(id=f"{day:%Y%m%d}-{when:%H%M%S}-{n % 65536:04x}", date=day,
                    created=when, updated=when, body=body, mood=1 + n % 5,
                    tags=extract_tags(body), people=extract_people(body),
                    checkin={"determination": n % 5 - 2})


def build_journal(root: Path, count: int) -> None:
    """The entries as journal-tui files under ``root/entries``, written without fsync."""
    entries_dir = root / "entries"
    for entry in synthetic_entries(count):
        folder = entries_dir / f"{entry.date:%Y}" / f"{entry.date:%m}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{entry.id}.toml").write_bytes(encode(entry))


def ensure_journal(count: int) -> Path:
    """``DATA/journal-<count>``, built the first time."""
    root = DATA / f"journal-{count}"
    if not (root / "entries").is_dir():
        import shutil
        import sys

        print(f"building a {count}-entry journal in {root} …", file=sys.stderr, flush=True)
        shutil.rmtree(root, ignore_errors=True)
        build_journal(root, count)
    return root


def journal_env(journal: Path, scratch: Path) -> dict[str, str]:
    """The environment for journal-tui on ``journal``: cache and config under
    ``scratch``, English, bytecode cached as an installed package has it."""
    import os

    env = {**os.environ, "JOURNAL_TUI_HOME": str(journal),
           "JOURNAL_TUI_CACHE": str(scratch / "cache"),
           "JOURNAL_TUI_CONFIG": str(scratch / "none.toml"), "LANG": "en_US.UTF-8"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


JRNL_TIMEFORMAT = "%Y-%m-%d %H:%M"


def jrnl_text(count: int) -> str:
    """The entries as one jrnl journal file (its plain-text format, ``JRNL_TIMEFORMAT``):
    ``[date] `` then the text, whose first sentence jrnl takes as the title."""
    return "".join(f"[{e.created:{JRNL_TIMEFORMAT}}] {e.body}\n\n"
                   for e in synthetic_entries(count))
