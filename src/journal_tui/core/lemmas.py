"""Word keys for theme detection: the Snowball stem of a word's lemma, per language.

Stems alone miss irregular forms ("tiens" is "tenir", "went" is "go"), and lemmas
alone miss the forms a dictionary lacks; the key ``fold(stem(lemma(word)))`` gets
both. A lemma table is only needed where a form's stem differs from its lemma's
(for every other word the two keys are equal): ``data/lemmas.txt.gz`` in the
repository holds those ~33,000 French and English forms, extracted from
simplemma's data by ``scripts/extract_lemmas.py`` (simplemma itself is a 19 MB
wheel that takes over a second to load these two languages). The detector ships
only the part of it that can change a key the lexicon or the model uses (see
``scripts/train_detector.py``), inside its data file.
"""

from __future__ import annotations

import gzip
from collections.abc import Sequence
from pathlib import Path

import Stemmer

from journal_tui.core.text import fold
from journal_tui.core.tokens import Token

LANGS = ("fr", "en")
_STEMMER_NAMES = {"fr": "french", "en": "english"}


def read_table(path: Path) -> dict[str, dict[str, str]]:
    """The full table (build time): one line per language, "fr form lemma form lemma …"."""
    tables: dict[str, dict[str, str]] = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").split("\n"):
        if line and not line.startswith("#"):
            it = iter(line.split(" "))
            lang = next(it)
            tables[lang] = dict(zip(it, it, strict=True))
    return tables


class Keyer:
    """``key(word)`` for one language, cached per word (words repeat a lot)."""

    __slots__ = ("cache", "lang", "lemmas", "stem")

    def __init__(self, lang: str, lemmas: dict[str, str]) -> None:
        self.lang = lang
        self.lemmas = lemmas
        self.stem = Stemmer.Stemmer(_STEMMER_NAMES[lang]).stemWord
        self.cache: dict[str, str] = {}

    def key(self, word: str) -> str:
        """The key of a lower-case word: folded stem of its lemma."""
        k = self.cache.get(word)
        if k is None:
            if len(self.cache) > 200_000:
                self.cache.clear()
            k = self.cache[word] = fold(self.stem(self.lemmas.get(word, word)))
        return k

    def lemma(self, word: str) -> str:
        return self.lemmas.get(word, word)


def keyers(tables: dict[str, dict[str, str]]) -> dict[str, Keyer]:
    return {lang: Keyer(lang, tables.get(lang, {})) for lang in LANGS}


def token_keys(tokens: Sequence[Token], keyers: dict[str, Keyer]) -> dict[str, list[str]]:
    """Each word's key in each language the entry uses: a word of a French sentence
    has a French key, of an English one an English key, of a mixed one both ("" where
    a language does not apply). Computed once per entry for the lexicon and the model."""
    out: dict[str, list[str]] = {}
    for lang in LANGS:
        if any(t.lang == lang or t.lang == "mixed" for t in tokens):
            key = keyers[lang].key
            out[lang] = [key(t.text) if t.lang == lang or t.lang == "mixed" else ""
                         for t in tokens]
    return out
