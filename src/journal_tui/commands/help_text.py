"""The command line's help in French: every ``--help`` text, keyed by its English.

The parsers are written in English, where each option is declared; this table says
each text again in French, and ``commands.parser``'s formatter picks it when the
person's language is French (``--lang``, else the config's, else the locale's). A
text missing here stays English; a test walks every parser to check that none is.
"""

from __future__ import annotations

FRENCH: dict[str, str] = {
    # argparse's own
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    # journal-tui
    "A self-coaching journal that lives in the terminal. "
    "Without a command, opens the journal on today's prompt.":
        "Un journal d’auto-coaching dans le terminal. Sans commande, ouvre le journal "
        "sur la question du jour.",
    "journal folder (default: $JOURNAL_TUI_HOME, config, or the platform's data folder)":
        "dossier du journal (par défaut : $JOURNAL_TUI_HOME, la configuration, ou le "
        "dossier de données du système)",
    "interface language (default: config, or the locale)":
        "langue de l’interface (par défaut : la configuration, ou la locale)",
    "open the TUI on another day: YYYY-MM-DD, today or yesterday":
        "ouvrir l’interface à un autre jour : AAAA-MM-JJ, aujourd’hui ou hier",
    "open the TUI on a throw-away demo journal (never touches yours)":
        "ouvrir l’interface sur un journal de démonstration jetable (le vôtre n’est "
        "jamais touché)",
    # the commands, as listed
    "add an entry from TEXT, stdin or $EDITOR":
        "ajouter une entrée depuis TEXT, l’entrée standard ou $EDITOR",
    "list entries, newest first": "lister les entrées, les plus récentes d’abord",
    "print one entry and the themes noticed": "afficher une entrée et les thèmes relevés",
    "change an entry's themes, mood, tags or date, or its body in $EDITOR":
        "changer les thèmes, l’humeur, les étiquettes ou la date d’une entrée, ou son "
        "texte dans $EDITOR",
    "export to Markdown or JSON": "exporter en Markdown ou en JSON",
    "import a jrnl or journal-tui JSON export":
        "importer un export JSON de jrnl ou de journal-tui",
    "print the prompt of the day": "afficher la question du jour",
    "print the weekly review": "afficher le bilan de la semaine",
    "print the themes over time": "afficher les thèmes au fil du temps",
    "print the people you mention with @Name":
        "afficher les personnes que vous mentionnez avec @Nom",
    "one line, exit 1, if nothing was written today":
        "une ligne, et le code 1, si rien n’a été écrit aujourd’hui",
    "check every file; list each problem with its path (and line)":
        "vérifier chaque fichier ; lister chaque problème avec son chemin (et sa ligne)",
    "send and receive changes through a git remote (the first time: --remote URL)":
        "envoyer et recevoir les changements par un dépôt git distant (la première fois : "
        "--remote URL)",
    # add
    "Add an entry. The text comes from TEXT, else standard input (when piped), "
    "else your editor.":
        "Ajouter une entrée. Le texte vient de TEXT, sinon de l’entrée standard (redirigée), "
        "sinon de votre éditeur.",
    "1 to 5": "de 1 à 5",
    "YYYY-MM-DD, today or yesterday": "AAAA-MM-JJ, aujourd’hui ou hier",
    # list
    "from this day (YYYY-MM-DD)": "à partir de ce jour (AAAA-MM-JJ)",
    "up to this day, included": "jusqu’à ce jour, inclus",
    "only entries with this tag": "seulement les entrées portant cette étiquette",
    "text to find (ignores case and accents)":
        "texte à chercher (sans tenir compte de la casse ni des accents)",
    "only the newest N": "seulement les N plus récentes",
    # show
    "Print one entry, then the themes noticed in it: check-ins, your word ([themes]) and "
    "text detection with its evidence and confidence.":
        "Afficher une entrée, puis les thèmes relevés : auto-évaluations, votre avis "
        "([themes]) et détection dans le texte, avec ses indices et sa confiance.",
    'text (Rich on a terminal) or json: the entry object plus "noticed"':
        'text (Rich dans un terminal) ou json : l’objet de l’entrée et « noticed »',
    # edit
    "Change an entry's fields without touching its body; with no option, open the body "
    "in your editor.":
        "Changer les champs d’une entrée sans toucher à son texte ; sans option, ouvrir le "
        "texte dans votre éditeur.",
    "your word on a theme: low or high (polar theme), yes (plain theme), none (not about "
    "it); repeatable":
        "votre avis sur un thème : low ou high (thème à deux pôles), yes (thème simple), "
        "none (sans rapport) ; répétable",
    "the entry's tags (replacing those not written as #tags in the body); repeatable":
        "les étiquettes de l’entrée (à la place de celles qui ne sont pas des #étiquettes "
        "du texte) ; répétable",
    "move the entry to this day": "déplacer l’entrée à ce jour",
    # export
    "Export entries, oldest first, to standard output or PATH.":
        "Exporter les entrées, les plus anciennes d’abord, vers la sortie standard ou PATH.",
    "write to this file (or folder, with --split)":
        "écrire dans ce fichier (ou ce dossier, avec --split)",
    "one Markdown file per entry, with front matter, into folder PATH":
        "un fichier Markdown par entrée, avec son en-tête, dans le dossier PATH",
    "overwrite existing files": "remplacer les fichiers existants",
    # import
    "what FILE is (default: guessed from its content)":
        "ce qu’est FILE (par défaut : deviné d’après son contenu)",
    # review
    "Print the review of an ISO week: last week's intention, days, mood, theme balance "
    "against the four weeks before, people, tags, entries, the questions chosen for the "
    "week, the review note and the intention for the next week.":
        "Afficher le bilan d’une semaine ISO : l’intention de la semaine d’avant, les "
        "jours, l’humeur, l’équilibre des thèmes face aux quatre semaines précédentes, "
        "les personnes, les étiquettes, les entrées, les questions choisies pour la "
        "semaine, la note de bilan et l’intention pour la semaine suivante.",
    "the ISO week, e.g. 2026-W48 (default: the current week)":
        "la semaine ISO, par exemple 2026-W48 (par défaut : la semaine en cours)",
    "text (Rich on a terminal), markdown or json (default: text)":
        "text (Rich dans un terminal), markdown ou json (par défaut : text)",
    # themes
    "Print how often each theme comes up per ISO week and, for polar themes, the balance "
    "between its poles (check-ins and text detection).":
        "Afficher combien chaque thème revient par semaine ISO et, pour les thèmes à deux "
        "pôles, l’équilibre entre ses pôles (auto-évaluations et détection dans le texte).",
    "first day: YYYY-MM-DD, today or yesterday (wins over --weeks)":
        "premier jour : AAAA-MM-JJ, aujourd’hui ou hier (l’emporte sur --weeks)",
    "last day (default: today)": "dernier jour (par défaut : aujourd’hui)",
    "the N weeks ending with the current week (default: 12)":
        "les N semaines jusqu’à la semaine en cours (par défaut : 12)",
    "only this theme, with its detail per week":
        "seulement ce thème, avec son détail semaine par semaine",
    "text (Rich on a terminal) or json (default: text)":
        "text (Rich dans un terminal) ou json (par défaut : text)",
    # people
    "Print everyone mentioned with @Name, most mentioned first: entries, first and last "
    "mention, mean mood and the themes that come up with them. With NAME (a name or an "
    "alias of people.toml), that person and their entries.":
        "Afficher chaque personne mentionnée avec @Nom, les plus citées d’abord : entrées, "
        "première et dernière mention, humeur moyenne et thèmes qui reviennent avec elle. "
        "Avec NAME (un nom ou un alias de people.toml), cette personne et ses entrées.",
    "one person: a name or an alias": "une personne : un nom ou un alias",
    "text or json (default: text)": "text ou json (par défaut : text)",
    # remind
    "Print one line and exit 1 when no entry is dated today; print nothing and exit 0 "
    "otherwise. Fast enough for a shell start-up file, cron or a tmux status line.":
        "Afficher une ligne et sortir avec le code 1 quand aucune entrée n’est datée "
        "d’aujourd’hui ; sinon ne rien afficher et sortir avec 0. Assez rapide pour le "
        "démarrage d’un shell, cron ou la barre d’état de tmux.",
    # sync
    "the git repository to sync with (a path, ssh or https URL); remembered after the "
    "first sync":
        "le dépôt git avec lequel synchroniser (un chemin, une URL ssh ou https) ; "
        "retenu après la première synchronisation",
}
