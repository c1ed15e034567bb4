"""Words of an entry for theme detection: spans, sentences, language, negation.

Pure and cheap (a regex pass and a few table look-ups per word).

Words keep their character span in the body, so what triggered a theme can be
highlighted. Apostrophes are read the way each language uses them:

* French elision comes first and ends with the apostrophe: "j'ai" is ``j'`` +
  ``ai``, "qu'en-dira-t-on" is ``qu'`` ``en`` ``dira`` ``t`` ``on``;
* English contractions come last: "didn't" is ``did`` + ``not``, "I'm" ``i`` +
  ``am``, "won't" ``will`` + ``not``; typed without the apostrophe ("didnt",
  "dont") too. So "I'm" never looks French, and "n't" is a plain negation.

Sentences end at ``. ! ? …`` and line breaks; clauses also at ``, ; : ( ) « » " —``.
Each sentence gets its own language from its function words ("fr", "en", or
"mixed" when it has a fair share of both); a sentence without any takes the
entry's. Negation (decided here, tested in ``tests/core/test_tokens.py``): a word
is negated when, within its clause, one of the three words before it negates
("pas", "jamais", "sans", "aucun", "ni", "plus"/"rien" after "ne"; "not", "never",
"no", "without"…), or, in French, when it follows a subject or clitic and is
followed by "pas"/"jamais" ("je lâche pas", "je ne tiens plus"). "pas mal",
"not only" and "ne … que" are not negations.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A word (letters, inner apostrophes), a sentence end, or a clause break.
_SCAN = re.compile(
    r"(?P<w>[^\W\d_]+(?:['’][^\W\d_]+)*['’]?)"
    r"|(?P<s>[.!?…\n]+)"
    r"|(?P<c>[,;:()\[\]\"«»“”—–]+|\s-\s)")

FR_ELISIONS = frozenset({"j", "l", "d", "m", "t", "s", "c", "n", "qu", "jusqu", "lorsqu",
                         "puisqu", "quoiqu", "presqu"})
_EN_CLITICS = {"m": "am", "re": "are", "ve": "have", "ll": "will", "d": "would", "s": "'s"}
_N_T = {"can": ("can", 3), "won": ("will", 2), "shan": ("shall", 3)}  # verb, its length
# Contractions typed without their apostrophe.
_BARE_NOT = {w + "nt": w for w in ("do", "did", "does", "is", "was", "could", "would",
                                   "should", "have", "has", "are", "were", "must", "need")}
_BARE_NOT.update({"cant": "can", "wont": "will", "aint": "ain", "havnt": "have"})

STOPWORDS = {
    "fr": frozenset(
        "le la les de des du un une et est je j' ne n' pas que qu' qui pour avec dans sur "
        "mais ce cette ces il elle nous vous au aux ai suis été était très mon ma mes son sa "
        "leur c' d' l' m' s' ça aujourd'hui avoir fait on va sont ont avait j'ai tout rien "
        "moi lui eux quand comme parce encore déjà aussi donc alors chez".split()),
    "en": frozenset(
        "the and is i to of that it was for with my not have this be are at you we he she "
        "they had his her today been from what which would about our their an am will did "
        "does do 's just but so because when then if there too very really".split()),
}

_FR_NEG = frozenset({"pas", "jamais", "sans", "aucun", "aucune", "ni", "guère", "nullement"})
_FR_NE_NEG = frozenset({"plus", "rien", "personne", "point"})  # only after ne/n'
_EN_NEG = frozenset({"not", "never", "no", "without", "nor", "hardly", "nobody", "nothing",
                     "neither", "barely"})
# Words after which "pas"/"not" does not negate what follows.
_NOT_NEG_AFTER = {"pas": frozenset({"mal", "que", "seulement", "forcément"}),
                  "not": frozenset({"only", "just", "that", "sure", "bad", "quite"}),
                  "no": frozenset({"doubt", "matter", "one", "idea"})}
# French subjects and clitics after which "VERB pas" is a negated verb.
_FR_BEFORE_VERB = frozenset({"je", "j'", "tu", "il", "elle", "on", "nous", "vous", "ils",
                             "elles", "me", "m'", "te", "t'", "se", "s'", "le", "la", "les",
                             "l'", "lui", "leur", "y", "en", "ne", "n'", "ça", "c'"})
_FR_AFTER_VERB_NEG = frozenset({"pas", "jamais", "plus", "rien"})
WINDOW = 3


@dataclass(slots=True)
class Token:
    """One word: lower-cased (``'`` for ’), its span in the body, where it stands."""

    text: str
    start: int
    end: int
    sent: int
    clause: int
    lang: str = "fr"  # its sentence's: "fr", "en" or "mixed"
    neg: bool = False


def tokenize(body: str) -> list[Token]:
    """The words of ``body`` with sentences, languages and negation marked."""
    tokens: list[Token] = []
    append = tokens.append
    sent = clause = 0
    for m in _SCAN.finditer(body):
        kind = m.lastgroup
        if kind == "w":
            low = m.group(0).lower()
            if "'" in low or "’" in low or low in _BARE_NOT:
                _words(m.group(0), m.start(), sent, clause, tokens)
            else:  # most words: no apostrophe, no contraction (inlined: 3x faster)
                at = m.start()
                append(Token(low, at, at + len(low), sent, clause))
            continue
        if kind == "s":
            if tokens and tokens[-1].sent == sent:
                sent += 1
                clause += 1
            continue
        clause += 1  # kind == "c"
    _languages(tokens)
    _negation(tokens)
    return tokens


def _words(word: str, at: int, sent: int, clause: int, out: list[Token]) -> None:
    low = word.lower().replace("’", "'")
    if "'" not in low:
        bare = _BARE_NOT.get(low)
        if bare is not None and len(low) > 3:
            cut = len(bare) if low.startswith(bare) else len(low) - 2
            out.append(Token(bare, at, at + cut, sent, clause))
            out.append(Token("not", at + cut, at + len(low), sent, clause))
        else:
            out.append(Token(low, at, at + len(low), sent, clause))
        return
    if low.endswith("'"):  # "parents'" or a quote: the apostrophe is not part of it
        low, word = low[:-1], word[:-1]
        if not low:
            return
    if low == "aujourd'hui":
        out.append(Token(low, at, at + len(low), sent, clause))
        return
    parts = low.split("'")
    pos = at
    i = 0
    while i < len(parts):
        part = parts[i]
        last = i == len(parts) - 1
        if not last and part in FR_ELISIONS:  # French elision: "j'", "qu'", "l'"
            out.append(Token(part + "'", pos, pos + len(part) + 1, sent, clause))
            pos += len(part) + 1
        elif not last and parts[i + 1] == "t" and part.endswith("n") and len(part) > 1:
            # "didn't" -> did + not, "can't" -> can + not, "won't" -> will + not
            verb, cut = _N_T.get(part, (part[:-1], len(part) - 1))
            out.append(Token(verb, pos, pos + cut, sent, clause))
            out.append(Token("not", pos + cut, pos + len(part) + 2, sent, clause))
            pos += len(part) + 2
            i += 1
        elif i + 2 == len(parts) and parts[i + 1] in _EN_CLITICS:  # "I'm", "it's", "we'll"
            out.append(Token(part, pos, pos + len(part), sent, clause))
            pos += len(part)
            clitic = parts[i + 1]
            out.append(Token(_EN_CLITICS[clitic], pos, pos + len(clitic) + 1, sent, clause))
            return
        else:
            out.append(Token(part, pos, pos + len(part), sent, clause))
            pos += len(part) + 1
        i += 1


def _languages(tokens: list[Token]) -> None:
    fr_words, en_words = STOPWORDS["fr"], STOPWORDS["en"]
    counts: dict[int, list[int]] = {}
    for t in tokens:
        c = counts.setdefault(t.sent, [0, 0])
        if t.text in fr_words:
            c[0] += 1
        if t.text in en_words:
            c[1] += 1
    total = [sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())]
    default = _decide(*total) or "fr"
    langs = {s: _decide(fr, en) or default for s, (fr, en) in counts.items()}
    for t in tokens:
        t.lang = langs[t.sent]


def _decide(fr: int, en: int) -> str | None:
    if fr == en == 0:
        return None
    if min(fr, en) * 3 >= max(fr, en):
        return "mixed"
    return "fr" if fr > en else "en"


def _negation(tokens: list[Token]) -> None:
    n = len(tokens)
    for i, t in enumerate(tokens):
        w = t.text
        if w in _FR_NEG or w in _EN_NEG or w in _FR_NE_NEG:
            if w in _FR_NE_NEG and not _ne_before(tokens, i):
                continue
            nxt = tokens[i + 1].text if i + 1 < n and tokens[i + 1].clause == t.clause else ""
            if nxt in _NOT_NEG_AFTER.get(w, ()):
                continue
            for j in range(i + 1, min(n, i + 1 + WINDOW)):
                if tokens[j].clause != t.clause:
                    break
                tokens[j].neg = True
            # French "je lâche pas": the verb before "pas" is negated too.
            if w in _FR_AFTER_VERB_NEG and i >= 2 and tokens[i - 1].clause == t.clause \
                    and tokens[i - 2].text in _FR_BEFORE_VERB and tokens[i - 1].lang != "en":
                tokens[i - 1].neg = True


def _ne_before(tokens: list[Token], i: int) -> bool:
    clause = tokens[i].clause
    for j in range(i - 1, max(-1, i - 4), -1):
        if tokens[j].clause != clause:
            return False
        if tokens[j].text in ("ne", "n'"):
            return True
    return False
