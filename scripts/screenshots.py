"""Take the README's SVG screenshots from the demo journal.

Usage:  python scripts/screenshots.py [--out docs/screenshots] [--size 110x34]

Each screen is shown in both languages on the demo journal with a fixed date,
so the pictures stay true to the code and change only when a screen does.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from journal_tui.core.config import Config
from journal_tui.core.context import Context
from journal_tui.core.demo import populate
from journal_tui.core.storage import Journal

TODAY = date(2026, 11, 26)
NOW = datetime(2026, 11, 26, 8, 30, tzinfo=timezone(timedelta(hours=1)))
MODES = ("today", "journal", "themes", "review")


async def shoot(lang: str, out: Path, size: tuple[int, int], root: Path) -> list[Path]:
    from journal_tui.tui.app import JournalApp

    journal = Journal(root / lang / "journal", cache_dir=root / lang / "cache")
    # The demo in the person's language, written before the clock (NOW).
    populate(journal, TODAY, lang=lang, now=NOW)
    ctx = Context(config=Config(language=lang), lang=lang, journal=journal, clock=lambda: NOW)
    app = JournalApp(ctx)
    written = []
    async with app.run_test(size=size) as pilot:
        for mode in MODES:
            await app.action_switch_mode(mode)
            await pilot.pause()
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)
            path = out / f"{mode}-{lang}.svg"
            path.write_text(app.export_screenshot(title=f"journal-tui — {mode}"))
            written.append(path)
    journal.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1]
                        / "docs" / "screenshots")
    parser.add_argument("--size", default="110x34")
    args = parser.parse_args()
    width, height = map(int, args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="journal-tui-shots-") as tmp:
        root = Path(tmp)
        os.environ["JOURNAL_TUI_CONFIG"] = str(root / "none.toml")  # no user prompts
        for lang in ("en", "fr"):
            for path in asyncio.run(shoot(lang, args.out, (width, height), root)):
                print(path)


if __name__ == "__main__":
    main()
