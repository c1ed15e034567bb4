"""Extract the French and English lemmas the stemmer cannot find into a small file of ours.

The detector keys each word by ``stem(lemma(word))``. For most words the Snowball
stem of the word already equals the stem of its lemma ("lâché", "lâcher" -> "lâch"),
so only the forms where they differ ("tiens" -> "tenir", "went" -> "go") need a
table. simplemma (MIT) has the full dictionaries, but its wheel is 19 MB for 40+
languages and loading its French and English data takes ~1.5 s; the part we need
is ~33,000 forms, a ~200 KB file loaded in a few tens of milliseconds.

Run (training extra): ``pip install -e ".[train]" && python scripts/extract_lemmas.py``
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import Stemmer
from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "journal_tui" / "core" / "data" / "lemmas.txt.gz"
STEMMERS = {"fr": "french", "en": "english"}


def irregular(lang: str) -> dict[str, str]:
    """Forms whose stem differs from their lemma's stem (lower-case, no spaces)."""
    stem = Stemmer.Stemmer(STEMMERS[lang]).stemWord
    out: dict[str, str] = {}
    for raw_form, raw_lemma in _load_dictionary_from_disk(lang).items():
        form, lemma = raw_form.decode().lower(), raw_lemma.decode().lower()
        if " " in form or " " in lemma or "\t" in form + lemma or form == lemma:
            continue
        if stem(form) != stem(lemma):
            out[form] = lemma
    return out


def main() -> int:
    import simplemma

    # One line per language: "fr form lemma form lemma …", read with dict(zip(it, it)).
    lines = [f"# French and English lemmas from simplemma {simplemma.__version__} (MIT), "
             "only where the Snowball stem of the form differs from the lemma's; "
             "made by scripts/extract_lemmas.py\n"]
    for lang in STEMMERS:
        table = irregular(lang)
        pairs = " ".join(f"{form} {lemma}" for form, lemma in sorted(table.items()))
        lines.append(f"{lang} {pairs}\n")
        print(f"{lang}: {len(table)} forms", file=sys.stderr)
    OUT.write_bytes(gzip.compress("".join(lines).encode(), compresslevel=9, mtime=0))
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
