"""The wheel carries prompts.toml, and an installed wheel finds it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_prompts_and_loads_them(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "-o", str(out),
                    str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next(out.glob("journal_tui-*.whl"))
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        assert "journal_tui/prompts.toml" in names
        assert zf.read("journal_tui/prompts.toml") == (ROOT / "prompts.toml").read_bytes()
        assert "journal_tui/tui/app.tcss" in names
        # the detector's data ships; the full lemma table and the training data do not
        assert {"journal_tui/core/data/detector.json.gz",
                "journal_tui/core/data/lexicon.toml"} <= names
        assert not any("lemmas.txt" in n or "themes/train" in n for n in names)

    # Installed somewhere else, without the repository beside it, it still finds them.
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
                    "--target", str(target), str(wheel)], check=True, timeout=300)
    probe = ("import journal_tui.core.prompts as p, sys;"
             "assert p.__file__.startswith(sys.argv[1]), p.__file__;"
             "book, warnings = p.load_prompts(None);"
             "from journal_tui.core.detect import Detector;"
             "found = Detector(book).read('I said yes to every change request just to keep "
             "everyone happy.');"
             "assert found['agility'].pole == 'low', found;"
             "print(len(book.themes), len(book.prompts))")
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", probe, str(target)], cwd=tmp_path, env=env,
                            capture_output=True, text=True, check=True, timeout=120)
    themes, prompts = map(int, result.stdout.split())
    assert themes == 9 and prompts >= 45
