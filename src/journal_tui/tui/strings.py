"""Every string the TUI shows, in English and French.

Binding descriptions in ``BINDINGS`` are catalog keys; ``localize_bindings``
swaps them for the text in the interface language when a node is created, so
the footer, the help screen and Textual's key panel all speak the user's language.
"""

from __future__ import annotations

from dataclasses import replace

from textual.dom import DOMNode

from journal_tui.core.i18n import Catalog
from journal_tui.tui.textual_compat import binding_table

MSG = Catalog({
    # header, modes
    "streak.one": ("1-day streak", "série : 1 jour"),
    "streak.many": ("{n}-day streak", "série : {n} jours"),
    "mode.today": ("Today", "Aujourd’hui"),
    "mode.journal": ("Journal", "Journal"),
    "mode.themes": ("Themes", "Thèmes"),
    "mode.review": ("Review", "Bilan"),
    "mode.people": ("People", "Personnes"),
    # bindings
    "b.help": ("Help", "Aide"),
    "b.quit": ("Quit", "Quitter"),
    "b.save": ("Save", "Enregistrer"),
    "b.other_prompt": ("Prompt", "Question"),
    "b.other_prompt_long": ("Another prompt", "Une autre question"),
    "b.new": ("New entry", "Nouvelle entrée"),
    "b.editor": ("$EDITOR", "$EDITOR"),
    "b.editor_long": ("Write in $VISUAL or $EDITOR", "Écrire dans $VISUAL ou $EDITOR"),
    "b.save_long": ("Save (saving again updates the same entry)",
                    "Enregistrer (enregistrer à nouveau met à jour la même entrée)"),
    "b.less": ("Move left / lower", "Vers la gauche / moins"),
    "b.more": ("Move right / higher", "Vers la droite / plus"),
    "b.clear": ("Clear", "Effacer"),
    "b.rate_theme": ("Rate another theme", "Évaluer un autre thème"),
    "b.mood_pick": ("Pick a mood (1–5)", "Choisir l’humeur (1–5)"),
    "b.cal_day": ("Previous / next day", "Jour précédent / suivant"),
    "b.cal_week": ("Previous / next week", "Semaine précédente / suivante"),
    "b.cal_prev_month": ("Previous month", "Mois précédent"),
    "b.cal_next_month": ("Next month", "Mois suivant"),
    "b.cal_select": ("Show that day", "Afficher ce jour"),
    "b.search": ("Search", "Chercher"),
    "b.search_long": ("Search (case and accents ignored)",
                      "Chercher (casse et accents ignorés)"),
    "b.calendar": ("Calendar", "Calendrier"),
    "b.calendar_long": ("Go to the calendar", "Aller au calendrier"),
    "b.clear_filters": ("Clear filters", "Effacer les filtres"),
    "b.undo": ("Undo", "Annuler"),
    "b.undo_long": ("Undo the last delete", "Annuler la dernière suppression"),
    "b.open": ("Open", "Ouvrir"),
    "b.open_long": ("Read the entry", "Lire l’entrée"),
    "b.edit": ("Edit", "Modifier"),
    "b.edit_long": ("Edit the entry in the Today editor",
                    "Modifier l’entrée dans l’éditeur du jour"),
    "b.delete": ("Delete", "Supprimer"),
    "b.links": ("Links", "Liens"),
    "b.links_long": ("The entry's web links: one opens after you confirm its address",
                     "Les liens de l’entrée : l’un s’ouvre une fois son adresse confirmée"),
    "b.delete_long": ("Delete the entry (to the trash: u brings it back)",
                      "Supprimer l’entrée (à la corbeille : u la ramène)"),
    "b.back": ("Back", "Retour"),
    "b.close": ("Close", "Fermer"),
    "b.palette": ("Commands", "Commandes"),
    "footer.screens": ("Screens", "Écrans"),  # after their keys: "f3 f4 f5 Screens"
    "b.focus_next": ("Next field", "Champ suivant"),
    # noticed themes: the entry view's keys, and Today's after a save
    "b.theme_yes": ("Noticed theme: it is (your word)", "Thème repéré : oui (votre avis)"),
    "b.theme_other": ("Noticed theme: the other pole", "Thème repéré : l’autre pôle"),
    "b.theme_no": ("Noticed theme: not about it", "Thème repéré : hors sujet"),
    "b.theme_clear": ("Noticed theme: take your word back",
                      "Thème repéré : retirer votre avis"),
    "b.notice_yes": ("After a save: yes, that theme", "Après l’enregistrement : oui, ce thème"),
    "b.notice_no": ("After a save: not about it", "Après l’enregistrement : hors sujet"),
    "b.page_up": ("Scroll the text up", "Faire défiler le texte vers le haut"),
    "b.page_down": ("Scroll the text down", "Faire défiler le texte vers le bas"),
    "word.error": ("Could not record your word: {error}",
                   "Impossible d’enregistrer votre avis : {error}"),
    "theme.not_saved": ("Theme not remembered: {error}",
                        "Thème non mémorisé : {error}"),
    # --date in the future
    "future.title": ("A day to come", "Un jour à venir"),
    "future.question": ("{day} is in the future. Write for that day?",
                        "Le {day} est dans le futur. Écrire pour ce jour-là ?"),
    "future.yes": ("Write for that day", "Écrire pour ce jour"),
    "future.no": ("Write for today", "Écrire pour aujourd’hui"),
    # quitting
    "quit.title": ("Unsaved text", "Texte non enregistré"),
    "quit.question": (
        "The entry you are writing is not saved. Quit anyway?\n"
        "Your text is kept as a draft and offered again next time.",
        "L’entrée en cours n’est pas enregistrée. Quitter quand même ?\n"
        "Votre texte est gardé comme brouillon et vous sera proposé au prochain lancement."),
    "quit.question_unkept": (
        "The entry you are writing is not saved, and it could not be kept as a draft "
        "({error}).\nQuit anyway and lose it?",
        "L’entrée en cours n’est pas enregistrée, et elle n’a pas pu être gardée comme "
        "brouillon ({error}).\nQuitter quand même et la perdre ?"),
    "quit.question_review": (
        "The review note you are writing is not saved. Quit anyway?\n"
        "Your text is kept as a draft and offered again next time.",
        "La note de bilan en cours n’est pas enregistrée. Quitter quand même ?\n"
        "Votre texte est gardé comme brouillon et vous sera proposé au prochain lancement."),
    "quit.question_both": (
        "The entry and the review note you are writing are not saved. Quit anyway?\n"
        "Both are kept as drafts and offered again next time.",
        "L’entrée et la note de bilan en cours ne sont pas enregistrées. Quitter quand "
        "même ?\nLes deux sont gardées comme brouillons et vous seront proposées au "
        "prochain lancement."),
    "quit.yes": ("Quit", "Quitter"),
    "quit.no": ("Keep writing", "Continuer"),
    "quit.hint": ("Press ctrl+q to quit.", "Appuyez sur ctrl+q pour quitter."),
    # drafts
    "draft.title": ("Unsaved draft", "Brouillon non enregistré"),
    "draft.question": ("A draft for {day}, last typed at {time}, was never saved:\n\n{preview}\n\n"
                       "Restore it into the editor?",
                       "Un brouillon du {day}, tapé pour la dernière fois à {time}, n’a jamais "
                       "été enregistré :\n\n{preview}\n\nLe remettre dans l’éditeur ?"),
    "draft.yes": ("Restore", "Restaurer"),
    "draft.no": ("Discard", "Jeter"),
    "draft.error": ("Could not keep a draft: {error}",
                    "Impossible de garder un brouillon : {error}"),
    "draft.restored": ("Draft restored. ctrl+s saves it.",
                       "Brouillon restauré. ctrl+s l’enregistre."),
    # today
    "today.placeholder": ("Write here… #tags and @people are picked up.",
                          "Écrivez ici… les #étiquettes et @personnes sont reconnues."),
    "today.tags": ("Tags", "Étiquettes"),
    "today.tags_placeholder": ("work, ideas", "travail, idées"),
    "today.mood": ("Mood", "Humeur"),
    "today.intention": ("This week’s intention: {text}", "L’intention de la semaine : {text}"),
    "today.rate_hint": ("Self-rating: ↑ ↓ pick a theme to rate",
                        "Auto-évaluation : ↑ ↓ choisir un thème à évaluer"),
    "today.theme": ("Theme: {theme}", "Thème : {theme}"),
    "today.entries": ("Entries of the day", "Entrées du jour"),
    "today.new_hint": ("ctrl+t starts another one", "ctrl+t en commence une autre"),
    "today.none_yet": ("None yet.", "Aucune pour l’instant."),
    "today.on_this_day": ("On this day", "Ce jour-là"),
    "today.month_ago": ("A month ago", "Il y a un mois"),
    "today.year_ago": ("A year ago", "Il y a un an"),
    "today.nothing": ("nothing written", "rien d’écrit"),
    "today.streak_none": ("No streak yet: today is a good day to start.",
                          "Pas encore de série : aujourd’hui est un bon jour pour commencer."),
    "today.streak.one": ("You wrote today: a streak begins.",
                         "Vous avez écrit aujourd’hui : une série commence."),
    "today.streak.many": ("{n} days in a row with an entry, today included.",
                          "{n} jours d’affilée avec une entrée, aujourd’hui compris."),
    "today.streak.one_open": ("You wrote yesterday: write today to keep it going.",
                              "Vous avez écrit hier : écrivez aujourd’hui pour continuer."),
    "today.streak.many_open": ("{n} days in a row up to yesterday: write today to keep "
                               "it going.",
                               "{n} jours d’affilée jusqu’à hier : écrivez aujourd’hui "
                               "pour continuer."),
    "today.new": ("New entry", "Nouvelle entrée"),
    "today.editing": ("Entry of {time}", "Entrée de {time}"),
    "today.new_for": ("New entry for {day}", "Nouvelle entrée du {day}"),
    "today.editing_day": ("Entry of {day}, {time}", "Entrée du {day}, {time}"),
    "today.unsaved": ("not saved", "non enregistrée"),
    "today.saved": ("saved", "enregistrée"),
    "today.draft_kept": ("draft kept", "brouillon gardé"),
    "save.done": ("Saved ({words} words).", "Enregistré ({words} mots)."),
    "save.done.one": ("Saved ({words} word).", "Enregistré ({words} mot)."),
    "save.updated": ("Entry updated ({words} words).", "Entrée mise à jour ({words} mots)."),
    "save.updated.one": ("Entry updated ({words} word).",
                         "Entrée mise à jour ({words} mot)."),
    "save.empty": ("Nothing to save: the entry is empty.",
                   "Rien à enregistrer : l’entrée est vide."),
    "save.error": ("Could not save: {error}. Your text is still in the editor.",
                   "Enregistrement impossible : {error}. Votre texte est toujours dans "
                   "l’éditeur."),
    "link.title": ("Open a link?", "Ouvrir un lien ?"),
    "link.question": ("This entry links to:\n\n{url}\n\nOpen it in the browser?",
                      "Cette entrée renvoie vers :\n\n{url}\n\nL’ouvrir dans le navigateur ?"),
    "link.yes": ("Open", "Ouvrir"),
    "link.no": ("Cancel", "Annuler"),
    "link.pick": ("Enter: see where it goes · Escape: back",
                  "Entrée : voir où il mène · Échap : retour"),
    "link.none": ("This entry has no web link.", "Cette entrée n’a pas de lien web."),
    "conflicts": ("{n} entries or files were kept twice by a sync (changed on two "
                  "machines): F3, then k, lists them.",
                  "{n} entrées ou fichiers ont été gardés en double par une synchronisation "
                  "(modifiés sur deux machines) : F3, puis k, les liste."),
    "conflicts.one": ("{n} entry or file was kept twice by a sync (changed on two machines): "
                      "F3, then k, shows it.",
                      "{n} entrée ou fichier a été gardé en double par une synchronisation "
                      "(modifié sur deux machines) : F3, puis k, le montre."),
    "conflicts.title": ("Kept twice by a sync", "Gardés en double par une synchronisation"),
    "conflicts.hint": ("Enter opens an entry copy; delete the version you do not want.",
                       "Entrée ouvre une copie d’entrée ; supprimez la version que vous ne "
                       "gardez pas."),
    "conflicts.none": ("Nothing was kept twice.", "Rien n’a été gardé en double."),
    "b.conflicts": ("Conflicts", "Conflits"),
    "conflict.title": ("Changed elsewhere", "Modifiée ailleurs"),
    "conflict.changed": (
        "This entry was changed by another program since you opened it (another window, "
        "an editor, a sync tool). Nothing was saved.\n\n"
        "Reload: show the other version (your text is kept as a draft of a new entry).\n"
        "Keep both: save your text as a new entry beside it.",
        "Cette entrée a été modifiée par un autre programme depuis son ouverture (une autre "
        "fenêtre, un éditeur, un outil de synchronisation). Rien n’a été enregistré.\n\n"
        "Recharger : afficher l’autre version (votre texte est gardé comme brouillon d’une "
        "nouvelle entrée).\nGarder les deux : enregistrer votre texte comme nouvelle entrée "
        "à côté."),
    "conflict.deleted": (
        "This entry was deleted or moved by another program since you opened it. Nothing "
        "was saved.\n\nKeep both: save your text as a new entry.",
        "Cette entrée a été supprimée ou déplacée par un autre programme depuis son "
        "ouverture. Rien n’a été enregistré.\n\nGarder les deux : enregistrer votre texte "
        "comme nouvelle entrée."),
    "conflict.reload": ("Reload", "Recharger"),
    "conflict.keep_both": ("Keep both", "Garder les deux"),
    "conflict.later": ("Back to my text", "Revenir à mon texte"),
    "conflict.kept_both": ("Saved as a new entry; the other version is kept too.",
                           "Enregistré comme nouvelle entrée ; l’autre version est gardée "
                           "aussi."),
    "conflict.reloaded": ("Showing the other version; your text is kept as a draft "
                          "(offered again at the next start).",
                          "Voici l’autre version ; votre texte est gardé comme brouillon "
                          "(proposé au prochain lancement)."),
    "editor.none": ("No editor set: set $VISUAL or $EDITOR, or 'editor' in the config.",
                    "Aucun éditeur : définissez $VISUAL ou $EDITOR, ou « editor » dans la "
                    "configuration."),
    "editor.error": ("The editor failed: {error}", "L’éditeur a échoué : {error}"),
    "editor.no_suspend": ("This terminal cannot hand the screen to an editor (ctrl+e); "
                          "write here instead.",
                          "Ce terminal ne peut pas céder l’écran à un éditeur (ctrl+e) ; "
                          "écrivez ici."),
    "prompt.other": ("Another prompt: {n} of {total}", "Autre question : {n} sur {total}"),
    # reading, errors
    "read.error": ("Could not read: {error}", "Lecture impossible : {error}"),
    # shared by the screens that read the whole journal (Themes, Review)
    "screen.loading": ("Loading…", "Chargement…"),
    "screen.scoring": ("Reading the themes of {done} / {total} entries…",
                       "Lecture des thèmes de {done} / {total} entrées…"),
    "screen.load_error": ("Could not read the journal: {error}",
                          "Impossible de lire le journal : {error}"),
    "screen.skipped": ("{n} unreadable files skipped.", "{n} fichiers illisibles ignorés."),
    "screen.skipped.one": ("{n} unreadable file skipped.", "{n} fichier illisible ignoré."),
    "entry.newer": ("This entry was written by a newer version of journal-tui (schema "
                    "{schema}): shown read only, never rewritten.",
                    "Cette entrée a été écrite par une version plus récente de journal-tui "
                    "(schéma {schema}) : affichée en lecture seule, jamais réécrite."),
    "entry.large": ("This entry is too long to edit here ({size} kB): shown read only, in "
                    "part. Edit it with: journal-tui edit {id}",
                    "Cette entrée est trop longue pour être modifiée ici ({size} ko) : affichée "
                    "en lecture seule, en partie. Modifiez-la avec : journal-tui edit {id}"),
    "entry.shown_part": ("Showing the first {shown} kB of {size} kB.",
                         "Affichage des {shown} premiers ko sur {size} ko."),
    "entry.missing": ("This entry no longer exists.", "Cette entrée n’existe plus."),
    "problems": ("{n} unreadable files skipped (never rewritten):",
                 "{n} fichiers illisibles ignorés (jamais réécrits) :"),
    "problems.one": ("{n} unreadable file skipped (never rewritten):",
                     "{n} fichier illisible ignoré (jamais réécrit) :"),
    "problems.more": ("… and {n} more (see journal-tui doctor)",
                      "… et {n} de plus (voir journal-tui doctor)"),
    "prompts.warning": ("prompts.toml", "prompts.toml"),
    # journal
    "journal.search": ("Search: case and accents ignored", "Chercher : casse et accents ignorés"),
    "journal.tag": ("tag", "étiquette"),
    "journal.all_themes": ("All themes", "Tous les thèmes"),
    "journal.from": ("from YYYY-MM-DD", "du AAAA-MM-JJ"),
    "journal.to": ("to YYYY-MM-DD", "au AAAA-MM-JJ"),
    "journal.count": ("{n} entries", "{n} entrées"),
    "journal.count.one": ("{n} entry", "{n} entrée"),
    # the count that decides: {total} in English, {n} in French (JournalScreen._show)
    "journal.count_of": ("{n} of {total} entries", "{n} entrées sur {total}"),
    "journal.count_of.one": ("{n} of {total} entry", "{n} entrée sur {total}"),
    "journal.empty": ("No entry matches.", "Aucune entrée ne correspond."),
    "journal.counting": ("Counting…", "Décompte…"),
    "journal.bad_date": ("Not a date: {value} (use YYYY-MM-DD)",
                         "Date non valide : {value} (format AAAA-MM-JJ)"),
    "col.date": ("Date", "Date"),
    "col.entry": ("Prompt / first line", "Question / première ligne"),
    "col.tags": ("Tags", "Étiquettes"),
    # entry
    "label": ("{name}: ", "{name} : "),
    "entry.prompt": ("Prompt", "Question"),
    "entry.mood": ("Mood {n}/5", "Humeur {n}/5"),
    "entry.tags": ("Tags", "Étiquettes"),
    "entry.people": ("People", "Personnes"),
    "entry.rating": ("Self-rating", "Auto-évaluation"),
    "entry.review": ("Weekly review {week}", "Bilan de la semaine {week}"),
    "delete.title": ("Delete entry", "Supprimer l’entrée"),
    "delete.question": ("Delete the entry of {day}, “{title}”?\n"
                        "It goes to the trash and can be restored.",
                        "Supprimer l’entrée du {day}, « {title} » ?\n"
                        "Elle part à la corbeille et peut être restaurée."),
    "delete.yes": ("Delete", "Supprimer"),
    "delete.no": ("Cancel", "Annuler"),
    "delete.done": ("Entry moved to the trash. Press u in the journal to undo.",
                    "Entrée mise à la corbeille. Appuyez sur u dans le journal pour annuler."),
    "delete.error": ("Could not delete: {error}", "Suppression impossible : {error}"),
    "undo.done": ("Entry restored.", "Entrée restaurée."),
    "undo.nothing": ("Nothing to undo.", "Rien à annuler."),
    "undo.error": ("Could not restore: {error}", "Restauration impossible : {error}"),
    # help
    "help.title": ("Keys", "Touches"),
    "help.everywhere": ("Everywhere", "Partout"),
    "help.scales": ("Mood and self-rating", "Humeur et auto-évaluation"),
    "help.rating": ("Self-rating", "Auto-évaluation"),
    "help.calendar": ("Calendar", "Calendrier"),
    "help.entry": ("Reading an entry", "Lecture d’une entrée"),
    "help.footer": ("Tab moves between fields. Escape closes this help.",
                    "Tab passe d’un champ à l’autre. Échap ferme cette aide."),
    "help.palette": ("Command palette: screens, entries", "Palette : écrans, entrées"),
    "help.question": ("Help (when not typing)", "Aide (hors saisie)"),
    # command palette
    "palette.no_matches": ("No matches found", "Aucun résultat"),
    "palette.themes": ("Search for themes…", "Chercher un thème de couleurs…"),
    "palette.placeholder": ("Screens, commands, or words from an entry…",
                            "Écrans, commandes, ou mots d’une entrée…"),
    "cmd.today": ("Today: write", "Aujourd’hui : écrire"),
    "cmd.today.help": ("The prompt of the day and the editor",
                       "La question du jour et l’éditeur"),
    "cmd.journal": ("Journal: browse and search", "Journal : parcourir et chercher"),
    "cmd.journal.help": ("All entries, search, filters and calendar",
                         "Toutes les entrées, recherche, filtres et calendrier"),
    "cmd.themes": ("Themes over time", "Thèmes dans le temps"),
    "cmd.themes.help": ("How the article's themes evolve week by week",
                        "L’évolution des thèmes de l’article, semaine après semaine"),
    "cmd.review": ("Weekly review", "Bilan de la semaine"),
    "cmd.review.help": ("Look back on the week and write the review note",
                        "Revenir sur la semaine et écrire le bilan"),
    "cmd.people": ("People you mention", "Les personnes mentionnées"),
    "cmd.people.help": ("Everyone mentioned with @Name: entries, mood, themes; edit people.toml",
                        "Chaque personne mentionnée avec @Nom : entrées, humeur, thèmes ; "
                        "modifier people.toml"),
    "cmd.help": ("Help: keys", "Aide : touches"),
    "cmd.help.help": ("Every key of every screen", "Toutes les touches de chaque écran"),
    "cmd.undo": ("Undo delete", "Annuler la suppression"),
    "cmd.undo.help": ("Bring the last deleted entry back from the trash",
                      "Ramener de la corbeille la dernière entrée supprimée"),
    "cmd.theme": ("Colours: light or dark theme", "Couleurs : thème clair ou sombre"),
    "cmd.theme.help": ("Change Textual's colour theme", "Changer le thème de couleurs de Textual"),
    "cmd.quit": ("Quit", "Quitter"),
    "cmd.quit.help": ("Leave journal-tui (asks first if the entry is not saved)",
                      "Quitter journal-tui (demande d’abord si l’entrée n’est pas enregistrée)"),
    "cmd.open": ("Open entry: {title}", "Ouvrir l’entrée : {title}"),
})


def localize_bindings(node: DOMNode, lang: str, catalog: Catalog | None = None) -> None:
    """Replace catalog keys in ``node``'s binding descriptions by their text in ``lang``
    (keys of ``catalog``, a screen's own, or of the app's)."""
    messages = catalog if catalog is not None else MSG
    keys = messages.keys()
    table = binding_table(node)
    for key, bindings in table.items():
        table[key] = [replace(b, description=messages(b.description, lang))
                      if b.description in keys else b for b in bindings]
