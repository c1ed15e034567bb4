"""What an entry (or a draft) that cannot be read or written is told as, in English
and French.

Kept apart from the model so the index can store a problem as its key and values
and each screen or command say it in the person's language later (``Problem``).
Values are plain text or numbers: they are stored with the key.
"""

from __future__ import annotations

from journal_tui.core.i18n import Catalog

PROBLEMS = Catalog({
    # the schema (model.from_dict)
    "id.form": ("'id' must look like {form}, not {value}",
                "« id » doit avoir la forme {form}, pas {value}"),
    "id.missing": ("'id' is missing", "« id » manque"),
    "id.name": ("'id' {value} does not match the file name",
                "« id » {value} ne correspond pas au nom du fichier"),
    "date.range": ("the date {day} is out of range (years {first} to {last})",
                   "la date {day} est hors limites (années {first} à {last})"),
    "not_table": ("an entry must be a table/object", "une entrée doit être une table (un objet)"),
    "schema": ("'schema' must be a positive integer, not {value}",
               "« schema » doit être un entier positif, pas {value}"),
    "kind": ("'kind' must be one of {allowed}, not {value}",
             "« kind » doit valoir {allowed}, pas {value}"),
    "string": ("'{key}' must be a string", "« {key} » doit être du texte"),
    "strings": ("'{key}' must be a list of strings", "« {key} » doit être une liste de textes"),
    "table": ("'{key}' must be a table", "« {key} » doit être une table"),
    "mood": ("'mood' must be an integer from 1 to 5, not {value}",
             "« mood » doit être un entier de 1 à 5, pas {value}"),
    "checkin": ("checkin '{key}' must be an integer from -2 to 2, not {value}",
                "checkin « {key} » doit être un entier de -2 à 2, pas {value}"),
    "theme_word": ("themes '{key}' must be one of {allowed}, not {value}",
                   "themes « {key} » doit valoir {allowed}, pas {value}"),
    "week": ("'week' must look like 2026-W48, not {value}",
             "« week » doit avoir la forme 2026-W48, pas {value}"),
    "outcome": ("'intention_outcome' must be one of {allowed}, not {value}",
                "« intention_outcome » doit valoir {allowed}, pas {value}"),
    "unicode": ("'{key}' is not valid Unicode text", "« {key} » n’est pas du texte Unicode valide"),
    "nested": ("'{key}' is nested more than {depth} levels deep",
               "« {key} » est imbriqué sur plus de {depth} niveaux"),
    "date": ("'{key}' must be a date like 2026-11-26, not {value}",
             "« {key} » doit être une date comme 2026-11-26, pas {value}"),
    "datetime": ("'{key}' must be a date and time, not {value}",
                 "« {key} » doit être une date avec l’heure, pas {value}"),
    "out_of_range": ("'{key}' is out of range: {value} (years {first} to {last})",
                     "« {key} » est hors limites : {value} (années {first} à {last})"),
    # the file (codec, storage)
    "utf8": ("not valid UTF-8", "pas de l’UTF-8 valide"),
    "json": ("invalid JSON: {detail}", "JSON invalide : {detail}"),
    "toml": ("invalid TOML: {detail}", "TOML invalide : {detail}"),
    "deep_read": ("nested too deeply to read", "imbriqué trop profondément pour être lu"),
    "deep_write": ("nested too deeply to be written",
                   "imbriqué trop profondément pour être écrit"),
    "surrogate": ("not valid Unicode text (a lone surrogate)",
                  "pas du texte Unicode valide (un demi-caractère isolé)"),
    "not_toml": ("cannot be written as TOML: {detail}", "impossible à écrire en TOML : {detail}"),
    "cannot_read": ("cannot read: {error}", "lecture impossible : {error}"),
    "entry": ("entry {id}: {error}", "entrée {id} : {error}"),
    # drafts/ (drafts.Drafts.problems)
    "draft.left": ("left over by an interrupted draft write; the draft itself is intact "
                   "(safe to delete)",
                   "laissé par l’écriture interrompue d’un brouillon ; le brouillon est intact "
                   "(vous pouvez l’effacer)"),
    "draft.stranger": ("not a draft (drafts are <key>.<instance>.json); never read or deleted "
                       "by journal-tui",
                       "pas un brouillon (ils s’appellent <clé>.<instance>.json) ; jamais lu "
                       "ni effacé par journal-tui"),
    "draft.unreadable": ("unreadable draft: {error}; never offered",
                         "brouillon illisible : {error} ; jamais proposé"),
})
