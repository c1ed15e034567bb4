"""Hand-written sentence fragments the demo journal is composed from.

Data only (see ``demo.py``). ``THEMES[theme][pole][lang]`` holds sentences in the
voice of someone building an independent coaching activity, after the article in
``seed/article-fr.txt``; ``pole`` is ``low``/``high`` for polar themes and ``any``
for plain ones. ``{p}`` is replaced by an ``@Name`` of the recurring cast: never
follow it with a possessive or an apostrophe.
"""

from __future__ import annotations

Bank = dict[str, tuple[str, ...]]

CAST = ("Marie", "Karim", "Sophie", "Lucas", "Nadia", "Tom")

THEMES: dict[str, dict[str, Bank]] = {
    "path": {
        "any": {
            "fr": (
                "{p} m’a donné un seul nom à contacter. C’est peut-être ce nom-là qui "
                "déclenchera quelque chose.",
                "Je fais la liste des personnes qui m’ont fait avancer ce mois-ci : elle est "
                "plus longue que je ne le croyais.",
                "Rencontre avec {p}, qui connaît tout le monde dans le secteur de la formation.",
                "Même un simple conseil d’une autre personne à contacter, c’est précieux.",
                "{p} m’a présenté à son réseau d’anciens cadres en reconversion.",
                "J’ai remercié {p} pour la mise en relation du printemps. Sans ce coup de pouce, "
                "rien de tout ça.",
                "Repérer les personnes avec qui je peux avancer : c’est devenu mon premier "
                "travail de la semaine.",
                "Un café de trente minutes avec {p} a débloqué trois semaines d’hésitation.",
                "J’ai relancé deux contacts dormants ; l’un d’eux me rappelle jeudi.",
            ),
            "en": (
                "{p} gave me just one name to contact. That may be the person who sets "
                "something off.",
                "Listed the people who moved me forward this month: a longer list than I "
                "thought.",
                "Met {p}, who knows everyone in the training sector.",
                "Even a simple tip about someone else to contact is precious.",
                "{p} introduced me to a network of former managers in transition.",
                "Thanked {p} for the introduction back in spring. Without that nudge, none of "
                "this.",
                "Spotting the people I can move forward with has become my first job of the "
                "week.",
                "A thirty-minute coffee with {p} unblocked three weeks of hesitation.",
                "Reached out to two dormant contacts; one of them is calling back on Thursday.",
            ),
        },
    },
    "synergy": {
        "low": {
            "fr": (
                "J’ai passé la matinée à comparer mes tarifs à ceux de {p}, et je me suis senti "
                "tout petit.",
                "Réflexe de défense quand {p} a parlé de son nouveau programme : j’ai tout de "
                "suite vu un concurrent.",
                "Je garde mes contacts pour moi, comme si partager allait me faire perdre des "
                "clients.",
                "J’ai refusé de répondre à l’appel d’offres commun, persuadé de faire mieux seul.",
                "Tout me semble être une compétition : qui signe le premier, qui a le plus "
                "d’abonnés.",
                "J’ai compté les coachs installés dans ma ville. Trop. Ça m’a coupé l’élan.",
                "Au salon, j’ai évité le stand de {p} au lieu d’aller dire bonjour.",
                "Je communique sur MON activité, pour MES clients, en creusant MON trou… et je "
                "m’épuise.",
                "Je me suis surpris à espérer que le projet de {p} ne marche pas. Pas fier.",
            ),
            "en": (
                "Spent the morning comparing my rates with those of {p} and felt small.",
                "When {p} mentioned a new programme, my first reflex was to see a rival.",
                "I keep my contacts to myself, as if sharing them would cost me clients.",
                "Turned down the joint bid, convinced I would do better on my own.",
                "Everything feels like a competition: who signs first, who has more followers.",
                "Counted the coaches in town again. Too many. It drained me.",
                "At the fair I walked past the stand of {p} instead of saying hello.",
                "MY offer, MY clients, MY niche… and I am exhausted.",
                "Caught myself hoping the launch by {p} would flop. Not proud of it.",
            ),
        },
        "high": {
            "fr": (
                "Déjeuner avec {p} : au lieu de nous marcher dessus, on pourrait proposer une "
                "offre commune.",
                "Pas besoin de réinventer la roue : d’autres font déjà une partie du travail, et "
                "je peux m’y brancher.",
                "Première vraie collaboration : {p} m’envoie deux personnes en transition, je "
                "renvoie un client qui cherche un bilan.",
                "Nous ne sommes pas obligés d’être en compétition. Ce qu’on apporte chacun est "
                "complémentaire.",
                "J’ai proposé à {p} de co-animer l’atelier du mois prochain. Oui tout de suite !",
                "Un partenaire prescripteur bien choisi vaut dix prospections à froid.",
                "On a listé ensemble ce que chacun fait mieux que l’autre, sans ego. Très "
                "libérant.",
                "Créer des synergies demande de la patience, mais ce matin j’ai vu les premiers "
                "fruits.",
                "J’ai partagé mon carnet d’adresses avec {p}, et c’est revenu au centuple.",
            ),
            "en": (
                "Lunch with {p}: instead of stepping on each other’s toes, we could build a "
                "joint offer.",
                "No need to reinvent the wheel: others already do part of the work, and I can "
                "plug into it.",
                "First real referral loop: {p} sends me two people in transition, I send back "
                "a client who needs an assessment.",
                "We don’t have to compete all the time. What we each bring is complementary.",
                "Asked {p} to co-host next month’s workshop. An instant yes!",
                "One well-chosen referral partner is worth ten cold calls.",
                "We listed what each of us does better than the other, no ego involved. "
                "Liberating.",
                "Synergies take patience, but this morning I saw the first results.",
                "Shared my address book with {p}, and it came back a hundredfold.",
            ),
        },
    },
    "advice": {
        "low": {
            "fr": (
                "{p} m’a dit qu’il fallait absolument démarcher en direct, et j’ai aussitôt tout "
                "réorganisé dans ce sens.",
                "Un inconnu sur un forum affirme que le coaching ne paie pas avant trois ans. Ça "
                "m’a plombé toute la journée.",
                "J’ai pris le conseil de mon beau-frère pour parole d’évangile, alors qu’il n’a "
                "jamais été indépendant.",
                "« Les partenaires ne s’intéresseront à toi qu’une fois établi. » Je l’ai cru "
                "sans discuter.",
                "J’ai encore suivi un conseil à la lettre sans me demander si la personne savait "
                "de quoi elle parlait.",
                "Trois personnes, trois avis contraires, et moi qui essaie de tous les appliquer "
                "à la fois.",
                "Je me suis senti obligé de suivre la méthode de {p} puisque « ça marche pour "
                "tout le monde ».",
                "J’ai changé tout mon site après un seul commentaire. Sans vérifier.",
            ),
            "en": (
                "{p} said I absolutely must cold-call, and I reorganised my whole week around it "
                "on the spot.",
                "A stranger online claims coaching never pays before year three. It ruined my "
                "day.",
                "Took the advice of my brother-in-law as gospel, although he has never been "
                "self-employed.",
                "“Partners will only care once you are established.” I believed it without "
                "question.",
                "Followed yet another tip to the letter without asking whether the person knew "
                "the field.",
                "Three people, three opposite opinions, and me trying to apply all of them at "
                "once.",
                "Felt I had to copy the method of {p} because “it works for everyone”.",
                "Rewrote my whole website after one comment. Without checking anything.",
            ),
        },
        "high": {
            "fr": (
                "{p} m’a conseillé de baisser mes prix. C’est un avis, pas une vérité : je le "
                "garde en tête sans l’appliquer.",
                "Avant de suivre un conseil, je me demande maintenant : cette personne est-elle "
                "compétente sur le sujet ?",
                "On ne va pas chez le boucher pour acheter une tarte au riz. J’ai posé ma "
                "question de facturation à {p}, qui est comptable.",
                "J’ai noté les trois conseils de la semaine, puis fait le tri : un à tester, un "
                "pour plus tard, un à laisser.",
                "Ce qui marche pour {p} ne marchera pas forcément pour moi, et l’inverse est "
                "vrai aussi.",
                "Il y a toujours une part d’interprétation dans un avis. J’ai demandé à {p} sur "
                "quoi reposait le sien.",
                "J’ai remercié pour le conseil et pris une semaine de recul avant de décider. "
                "Bonne idée.",
                "Un avis tranché ne m’a pas déstabilisé aujourd’hui : je l’ai pesé, puis j’ai "
                "décidé moi-même.",
            ),
            "en": (
                "{p} told me to lower my prices. An opinion, not a truth: I’ll keep it in mind "
                "without acting on it yet.",
                "Before following advice I now ask: is this person qualified on the subject?",
                "You don’t buy a rice tart at the butcher’s. I took my invoicing question to "
                "{p}, who is an accountant.",
                "Wrote down the three pieces of advice from this week and sorted through them: "
                "one to test, one for later, one to drop.",
                "What works for {p} may not work for me, and what failed for someone else may "
                "still work for me.",
                "There is always some interpretation in advice. I asked {p} what that opinion "
                "was based on.",
                "Said thanks for the advice and took a week to step back before deciding. Good "
                "call.",
                "A blunt opinion did not throw me today: I weighed it, then made my own "
                "decision.",
            ),
        },
    },
    "agility": {
        "low": {
            "fr": (
                "J’ai réécrit ma présentation pour la quatrième fois, pour coller à ce que {p} "
                "voudrait entendre.",
                "À force de me plier à chaque prospect, je ne sais plus très bien ce que je "
                "propose.",
                "J’ai dit oui à une mission qui ne me ressemble pas, juste pour faire plaisir.",
                "Nouveau nom, nouveau logo, nouvelle cible… en trois semaines. Je m’éparpille.",
                "Je change d’approche dès qu’une semaine est calme, sans laisser le temps aux "
                "choses de pousser.",
                "J’ai calé tout mon agenda sur celui de {p}, au détriment du reste. Encore.",
                "Je me suis conformé au format imposé alors que le mien était meilleur pour ce "
                "public.",
                "Sensation d’être un caméléon épuisé : je prends la couleur de chaque "
                "interlocuteur.",
            ),
            "en": (
                "Rewrote my pitch for the fourth time to match what {p} wants to hear.",
                "By bending to every prospect I no longer know what I actually offer.",
                "Said yes to an assignment that isn’t me, just to keep them happy.",
                "New name, new logo, new target… in three weeks. I am scattered.",
                "I switch strategy as soon as a week is quiet, without giving anything time to "
                "grow.",
                "Bent my whole schedule around {p} again, at the expense of everything else.",
                "Went with the imposed format although mine was better for this audience.",
                "Feeling like an exhausted chameleon, taking the colour of whoever I talk to.",
            ),
        },
        "high": {
            "fr": (
                "J’ai ajusté l’atelier au groupe sans renoncer à ce qui fait son cœur.",
                "Le client voulait tout revoir ; on a gardé la structure et adapté deux "
                "exercices. Tout le monde est content.",
                "S’adapter, oui ; se renier, non. J’ai trouvé la ligne aujourd’hui avec {p}.",
                "Plan B activé en dix minutes quand la salle n’était pas libre : séance en "
                "marchant, super retours.",
                "J’ai testé une petite variante de mon offre auprès de deux personnes avant de "
                "toucher au reste.",
                "Je reste souple sur la forme et ferme sur le fond.",
                "{p} m’a demandé un format court : je l’ai proposé sans toucher à l’essentiel.",
                "Je corrige le tir quand le terrain l’exige, pas quand quelqu’un hausse un "
                "sourcil.",
            ),
            "en": (
                "Adjusted the workshop to the group without giving up its core.",
                "The client wanted to rethink everything; we kept the structure and tweaked two "
                "exercises. Everyone is happy.",
                "Adapt, yes; betray myself, no. Found the line today with {p}.",
                "Plan B in ten minutes when the room was unavailable: a walking session, great "
                "feedback.",
                "Tested a small variant of my offer with two people before touching anything "
                "else.",
                "Flexible on the form, firm on the substance.",
                "{p} asked for a shorter format; I offered one without touching what matters.",
                "I course-correct when the ground demands it, not when someone raises an "
                "eyebrow.",
            ),
        },
    },
    "determination": {
        "low": {
            "fr": (
                "Je m’acharne sur la même liste de prospects depuis un mois, sans rien changer "
                "à ma façon de faire.",
                "{p} m’a montré des chiffres clairs et j’ai refusé de les regarder. Obstiné.",
                "Je continue parce que j’ai dit que je continuerais, plus parce que j’y crois.",
                "Le nez dans le guidon, je ne vois plus si j’avance ou si je tourne en rond.",
                "J’ai défendu mon idée pendant une heure alors qu’au fond je savais qu’elle ne "
                "tenait pas.",
                "Encore une relance au même partenaire, qui ne répond plus depuis six semaines.",
                "Je confonds volonté et entêtement, et aujourd’hui ça m’a coûté une belle "
                "occasion.",
                "J’ai refusé l’aide de {p} par principe. Quel principe, au juste ?",
            ),
            "en": (
                "Been hammering the same prospect list for a month without changing how I do "
                "it.",
                "{p} showed me clear numbers and I refused to look at them. Stubborn.",
                "I keep going because I said I would, not because I still believe in it.",
                "Blinkers on: I can’t tell any more whether I’m moving or going in circles.",
                "Defended my idea for an hour although deep down I knew it didn’t hold.",
                "Yet another follow-up to the same partner, who hasn’t replied in six weeks.",
                "Mixed up willpower and obstinacy, and it cost me a good opportunity today.",
                "Turned down help from {p} on principle. Which principle, exactly?",
            ),
        },
        "high": {
            "fr": (
                "Cette direction ne porte pas encore ses fruits, mais je sais pourquoi je la "
                "suis.",
                "Je ne suis pas aveugle : je décide en connaissance de cause, avec une date pour "
                "faire le point.",
                "J’ai gardé le cap sur les partenariats malgré un mois calme, avec trois "
                "indicateurs pour vérifier.",
                "Persévérer, ce n’est pas répéter : j’ai changé la manière, pas le but.",
                "{p} m’a demandé pourquoi je continue. J’ai répondu en une phrase, sans hésiter.",
                "Troisième rendez-vous avec la même structure, et cette fois une vraie piste de "
                "collaboration.",
                "J’ai décidé d’arrêter une piste qui ne menait nulle part, pour mieux tenir les "
                "deux autres.",
                "Un petit pas chaque matin : une prise de contact, un message, une relecture. Ça "
                "s’accumule.",
            ),
            "en": (
                "This direction isn’t bearing fruit yet, but I know why I’m following it.",
                "I’m not blind: I decide knowingly, with a date set to take stock.",
                "Stayed the course on partnerships through a quiet month, with three "
                "indicators to check it.",
                "Persevering is not repeating: I changed the how, not the why.",
                "{p} asked why I keep going. I answered in one sentence, without hesitating.",
                "Third meeting with the same organisation, and this time a real lead for "
                "working together.",
                "Decided to drop a lead that went nowhere, to hold on to the other two better.",
                "A small step every morning: one contact, one message, one review. It adds up.",
            ),
        },
    },
    "self_trust": {
        "low": {
            "fr": (
                "« Encore un coach… » J’ai entendu la phrase dans ma tête avant même de me "
                "présenter.",
                "Je n’ai pas publié l’article, par peur du jugement de mes anciens collègues.",
                "J’ai minimisé mon projet devant {p}, comme pour me justifier d’exister.",
                "Qu’en dira-t-on si ça ne marche pas ? La question m’a tenu éveillé.",
                "J’ai passé plus de temps à imaginer les critiques qu’à préparer la séance.",
                "Je me suis présenté comme « en réflexion » au lieu de dire ce que je fais "
                "vraiment.",
                "Un silence de {p} après ma proposition, et j’ai tout de suite pensé être jugé.",
                "Je me sens naïf, presque extraterrestre, avec ma démarche de partenariats.",
            ),
            "en": (
                "“Another coach…” I heard the sentence in my head before I even introduced "
                "myself.",
                "Didn’t publish the article, afraid of what my former colleagues would say.",
                "Played my project down in front of {p}, as if I had to justify myself for "
                "existing.",
                "What will people think if it fails? That question kept me awake.",
                "Spent more time imagining criticism than preparing the session.",
                "Introduced myself as “exploring options” instead of saying what I actually do.",
                "{p} went quiet after my proposal and I immediately assumed I was being judged.",
                "I feel naive, almost like an alien, with my partnership approach.",
            ),
        },
        "high": {
            "fr": (
                "J’ai présenté mon activité sans me justifier. Ça change tout dans le regard "
                "des autres.",
                "Il y aura toujours des qu’en-dira-t-on, quoi que je fasse. Autant faire ce en "
                "quoi je crois.",
                "Article publié ! Deux messages sympas, un sceptique, et moi toujours debout.",
                "J’assume mon approche, et je sens que je rayonne différemment.",
                "Je me suis fait confiance sur le tarif, sans m’excuser. {p} a accepté sans "
                "discuter.",
                "Quand c’est seulement la peur du regard des autres qui me freine, c’est "
                "vraiment dommage. Alors j’ose.",
                "J’ai dit non à une mission mal alignée, calmement et serein.",
                "Ce matin je me suis relu : je me sens légitime dans ce que j’apporte.",
            ),
            "en": (
                "Presented my work without justifying it. It changes how people look at me.",
                "There will always be gossip, whatever I do. I may as well do what I believe "
                "in.",
                "Article published! Two kind messages, one sceptic, and I’m still standing.",
                "I own my choice of approach, and I can feel I come across differently.",
                "Trusted myself on the price, no apologies. {p} agreed without haggling.",
                "When fear of judgment is the only thing holding me back, that’s a real shame. "
                "So I dared.",
                "Said no to a misaligned assignment, calmly and at ease.",
                "Read my notes back this morning: I feel legitimate in what I bring.",
            ),
        },
    },
    "openness": {
        "low": {
            "fr": (
                "Je suis arrivé au rendez-vous avec mon argumentaire tout prêt, sans vraiment "
                "écouter.",
                "Mode « voilà pourquoi vous auriez tort de ne pas travailler avec moi ». Ça a "
                "sonné faux.",
                "J’ai coupé {p} deux fois pendant la réunion. Je défendais mon territoire.",
                "Bras croisés toute la matinée, au propre comme au figuré.",
                "J’ai écarté l’idée de {p} avant même la fin de la phrase.",
                "Je cherchais à convaincre plutôt qu’à comprendre. Dialogue de sourds.",
                "Fermé aux propositions aujourd’hui : fatigue, ou peur de perdre la main ?",
                "J’ai décliné l’invitation au petit-déjeuner réseau sans vraie raison.",
            ),
            "en": (
                "Walked into the meeting with my pitch ready and didn’t really listen.",
                "Went in “here is why you’d be wrong not to work with me” mode. It rang hollow.",
                "Interrupted {p} twice during the meeting. I was defending my turf.",
                "Arms crossed all morning, literally and in my head.",
                "Dismissed the idea from {p} before the sentence was even finished.",
                "I was trying to convince rather than understand. A sterile conversation.",
                "Closed off to proposals today: tiredness, or fear of losing control?",
                "Declined the networking breakfast for no real reason.",
            ),
        },
        "high": {
            "fr": (
                "Je suis allé au rendez-vous en mode « je pense qu’il y a des synergies à "
                "créer », et la conversation a été fluide.",
                "{p} était dans la même posture ouverte que moi : riche en idées, naturel, "
                "dynamique.",
                "J’ai posé plus de questions que je n’ai parlé de moi. Bien plus intéressant.",
                "Posture ouverte, réceptive, accueillante : le terrain entre nous semble "
                "fertile.",
                "J’ai accueilli la critique de {p} avec curiosité plutôt que sur la défensive.",
                "Une heure d’échange sans ordre du jour, et trois idées concrètes à la sortie.",
                "J’ai dit « je ne sais pas, dis-m’en plus » au lieu de faire semblant.",
                "Travailler avec des personnes à la posture compatible avec la mienne, ça fait "
                "vachement du bien.",
            ),
            "en": (
                "Went to the meeting in “I think there are synergies to create” mode, and the "
                "conversation was fluid.",
                "{p} had the same open posture as me: natural, lively, full of ideas.",
                "Asked more questions than I talked about myself. Far more interesting.",
                "Open, receptive, welcoming: the ground between us feels fertile.",
                "Met the criticism from {p} with curiosity instead of getting defensive.",
                "An hour of exchange with no agenda, and three concrete ideas at the end.",
                "Said “I don’t know, tell me more” instead of pretending.",
                "Working with people whose posture matches mine feels so good.",
            ),
        },
    },
    "different": {
        "low": {
            "fr": (
                "J’ai envoyé la même plaquette que tout le monde, à la même liste que tout le "
                "monde.",
                "« On a toujours fait comme ça », m’a dit {p}. Et j’ai suivi, sans me poser de "
                "question.",
                "Journée en pilote automatique : mails, relances, rien de neuf.",
                "J’ai recopié le modèle d’atelier d’un confrère au lieu de créer le mien.",
                "Je prospecte à l’ancienne parce que c’est ce qu’on attend d’un indépendant.",
                "J’avais une idée un peu folle pour le lancement ; je l’ai rangée au fond du "
                "tiroir.",
                "Même réunion, même format, mêmes résultats. Pourquoi est-ce que j’attends "
                "autre chose ?",
                "J’ai choisi la solution la plus conventionnelle, surtout pour ne pas avoir à "
                "l’expliquer.",
            ),
            "en": (
                "Sent the same brochure as everyone else, to the same list as everyone else.",
                "“We’ve always done it this way,” said {p}. And I followed without asking "
                "myself anything.",
                "Autopilot day: emails, follow-ups, nothing new.",
                "Copied the workshop template of a colleague instead of building mine.",
                "Prospecting the usual way, because that’s what a freelancer is supposed to do.",
                "Had a slightly crazy idea for the launch; I put it back in the drawer.",
                "Same meeting, same format, same results. Why do I expect anything else?",
                "Picked the most conventional option, mostly so I wouldn’t have to explain it.",
            ),
        },
        "high": {
            "fr": (
                "Plutôt que de démarcher, j’ai proposé un atelier gratuit chez {p}. Quinze "
                "inscrits.",
                "Ce n’est pas parce que ça a toujours fonctionné d’une certaine façon que ça "
                "doit continuer ainsi.",
                "J’ai remplacé la plaquette par une vraie conversation de vingt minutes. Bien "
                "plus efficace.",
                "Mon approche est différente ; au lieu de la défendre, je la fais rayonner.",
                "Séance de coaching en marchant au bord du canal, une première fois : le client "
                "a parlé comme jamais.",
                "J’ai osé une offre à prix libre pour le premier atelier. Pari tenu.",
                "{p} trouve mon idée bizarre. Tant mieux, c’est peut-être qu’elle est neuve.",
                "Faire autrement, ce n’est pas forcément négatif, et je ne suis sûrement pas "
                "seul à le vouloir.",
            ),
            "en": (
                "Instead of cold-calling, I offered a free workshop hosted by {p}. Fifteen "
                "sign-ups.",
                "Just because it has always worked one way doesn’t mean it has to stay that "
                "way.",
                "Replaced the brochure with a real twenty-minute conversation. Much more "
                "effective.",
                "My approach is different; instead of defending it, I let it shine.",
                "First walking coaching session along the canal: my client opened up like never "
                "before.",
                "Dared a pay-what-you-want price for the first workshop. It paid off.",
                "{p} finds my idea odd. Good: maybe that means it’s fresh.",
                "Doing things differently isn’t necessarily negative, and I’m surely not the "
                "only one who wants to.",
            ),
        },
    },
    "inspiration": {
        "any": {
            "fr": (
                "Le podcast de ce matin sur les entrepreneurs « lents » m’a donné une énergie "
                "folle.",
                "Ça m’a dynamisé, inspiré : une conversation où tout ce qui devait être dit a "
                "été dit.",
                "L’enthousiasme de {p}, dès que le projet est sur la table, est contagieux.",
                "Marche en forêt sans téléphone : trois idées d’atelier en une heure.",
                "Relu mes notes du premier mois. Je mesure le chemin, et ça m’inspire pour la "
                "suite.",
                "Un client m’a écrit pour me dire qu’il avait signé son nouveau poste. Journée "
                "illuminée.",
                "Ce qui me donne de l’énergie : les échanges riches, les idées qui rebondissent, "
                "les gens qui osent.",
                "J’ai découvert le travail d’une coach au Québec qui fait exactement ce dont je "
                "rêve. Inspirant.",
                "Atelier terminé, salle vide, et cette étincelle qui reste. C’est pour ça que je "
                "fais ce métier.",
            ),
            "en": (
                "This morning’s podcast about “slow” entrepreneurs gave me so much energy.",
                "Energised and inspired: a conversation where everything that needed saying was "
                "said.",
                "The enthusiasm of {p}, whenever the project comes up, is contagious.",
                "A phone-free walk in the woods: three workshop ideas in one hour.",
                "Reread my notes from the first month. I can see how far I’ve come, and it "
                "inspires me.",
                "A client wrote to say they landed their new job. My whole day lit up.",
                "What gives me energy: rich exchanges, ideas bouncing around, people who dare.",
                "Discovered the work of a coach in Montreal who does exactly what I dream of. "
                "Inspiring.",
                "Workshop over, room empty, and that spark still there. This is why I do this "
                "job.",
            ),
        },
    },
}

# A plain first sentence that sets the scene (it becomes the entry's title).
OPENERS: Bank = {
    "fr": (
        "Café ce matin avec {p}.",
        "Réveil tôt, tête pleine.",
        "Rendez-vous avec {p} à 10 h.",
        "Journée de prospection.",
        "Atelier ce soir, organisé avec {p}.",
        "Retour sur la réunion d’hier.",
        "Petit-déjeuner réseau au centre-ville.",
        "Appel de {p} hier soir.",
        "Semaine chargée, je prends cinq minutes.",
        "Matinée calme avant deux séances de coaching.",
        "Visio avec {p} et un futur partenaire.",
        "J’ai mal dormi, mais j’écris quand même.",
        "Train de 7 h 12, carnet sur les genoux.",
    ),
    "en": (
        "Coffee with {p} this morning.",
        "Up early, head full.",
        "Meeting {p} at 10.",
        "Prospecting day.",
        "Workshop tonight, co-organised with {p}.",
        "Looking back at yesterday’s meeting.",
        "Networking breakfast downtown.",
        "Call from {p} last night.",
        "Busy week, taking five minutes.",
        "Quiet morning before two coaching sessions.",
        "Video call with {p} and a potential partner.",
        "Slept badly, writing anyway.",
        "On the 7:12 train, notebook on my knees.",
    ),
}

# A last line with the day's intention, in bold.
CLOSERS: Bank = {
    "fr": (
        "**Prochain pas :** rappeler {p} avant vendredi.",
        "**À retenir :** un avis, pas une vérité.",
        "**Intention du jour :** écouter avant de proposer.",
        "**Prochain pas :** bloquer une heure pour mon offre partenaires.",
        "**Pour demain :** une prise de contact, pas dix.",
        "**À retenir :** je sais pourquoi je le fais.",
        "**Intention :** rester ouvert, même fatigué.",
        "**Prochain pas :** envoyer la proposition commune à {p}.",
        "**Question ouverte :** qui d’autre avance dans la même direction que moi ?",
    ),
    "en": (
        "**Next step:** call {p} back before Friday.",
        "**Keep in mind:** an opinion, not a truth.",
        "**Today’s intention:** listen before proposing.",
        "**Next step:** block an hour for my partner offer.",
        "**For tomorrow:** one contact, not ten.",
        "**Keep in mind:** I know why I’m doing this.",
        "**Intention:** stay open, even when tired.",
        "**Next step:** send the joint proposal to {p}.",
        "**Open question:** who else is heading the same way as me?",
    ),
}

LIST_INTROS: Bank = {
    "fr": ("Ce que je retiens :", "En vrac :", "Trois choses :", "Points du jour :"),
    "en": ("What I take away:", "In no particular order:", "Three things:", "Today’s notes:"),
}

THEME_TAGS: dict[str, dict[str, str]] = {
    "fr": {
        "path": "chemin", "synergy": "synergie", "advice": "conseil", "agility": "agilité",
        "determination": "détermination", "self_trust": "confiance", "openness": "ouverture",
        "different": "autrement", "inspiration": "inspiration",
    },
    "en": {
        "path": "path", "synergy": "synergy", "advice": "advice", "agility": "agility",
        "determination": "determination", "self_trust": "selftrust", "openness": "openness",
        "different": "different", "inspiration": "inspiration",
    },
}

CONTEXT_TAGS: Bank = {
    "fr": ("partenaires", "clients", "réseau", "coaching", "atelier", "reconversion"),
    "en": ("partners", "clients", "network", "coaching", "workshop", "transition"),
}

# Weekly review notes: a heading, a summary line, then bold-labelled sections.
REVIEW: dict[str, dict[str, tuple[str, ...]]] = {
    "fr": {
        "heading": ("Revue de la semaine {week}",),
        "summary": ("{n} entrées cette semaine, humeur moyenne {mood}.",),
        "summary_none": ("Peu écrit cette semaine.",),
        "themes": ("**Thèmes qui reviennent :** {themes}.",),
        "people": ("**Les personnes de la semaine :** {people}.",),
        "low": (
            "Semaine difficile : beaucoup de doutes, peu d’élan.",
            "J’ai beaucoup comparé et peu avancé.",
            "Je me suis dispersé en essayant de suivre tous les conseils.",
            "J’ai tenu bon, mais je ne suis pas sûr que c’était de la détermination plutôt "
            "que de l’obstination.",
            "Le regard des autres a pesé plus que je ne voudrais.",
            "Trop de temps à convaincre, pas assez à écouter.",
        ),
        "high": (
            "Je sens que la démarche de partenariats commence à porter ses fruits.",
            "J’ai pesé les avis reçus au lieu de les subir. Ça change tout.",
            "Plus serein : je sais pourquoi je fais ce que je fais.",
            "Deux vraies collaborations lancées, et une posture plus ouverte de mon côté.",
            "J’ai osé faire autrement, et personne n’en est mort, surtout pas moi.",
            "Je me fais davantage confiance ; les rencontres sont plus fluides.",
        ),
        "next_label": ("**La semaine prochaine :**", "**À essayer :**"),
        "next": (
            "une rencontre par jour, sans argumentaire",
            "demander un deuxième avis avant de changer quoi que ce soit",
            "garder le cap sur l’offre partenaires",
            "publier le deuxième article",
            "faire le point avec @Karim sur les indicateurs",
            "proposer l’atelier commun à @Nadia",
            "dire non à ce qui ne me ressemble pas",
        ),
        "tag": ("revue",),
    },
    "en": {
        "heading": ("Weekly review {week}",),
        "summary": ("{n} entries this week, average mood {mood}.",),
        "summary_none": ("Not much writing this week.",),
        "themes": ("**Recurring themes:** {themes}.",),
        "people": ("**People this week:** {people}.",),
        "low": (
            "Hard week: lots of doubt, little momentum.",
            "Compared myself a lot, moved forward little.",
            "Scattered myself trying to follow every piece of advice.",
            "I held on, but I’m not sure it was determination rather than stubbornness.",
            "What others might think weighed more than I’d like.",
            "Too much time convincing, not enough listening.",
        ),
        "high": (
            "I can feel the partnership approach starting to bear fruit.",
            "Weighed the advice I got instead of just obeying it. It changes everything.",
            "Calmer: I know why I do what I do.",
            "Two real collaborations started, and a more open posture on my side.",
            "Dared to do things differently, and nobody died, least of all me.",
            "I trust myself more; meetings flow more easily.",
        ),
        "next_label": ("**Next week:**", "**To try:**"),
        "next": (
            "one meeting a day, no sales pitch",
            "ask for a second opinion before changing anything",
            "stay the course on the partner offer",
            "publish the second article",
            "review the indicators with @Karim",
            "offer the joint workshop to @Nadia",
            "say no to what doesn’t fit me",
        ),
        "tag": ("review",),
    },
}

# Used only for a theme a future prompts.toml adds and this bank does not know.
GENERIC: dict[str, Bank] = {
    "low": {
        "fr": ("Pas encore au clair là-dessus.", "Je bloque un peu sur ce point.",
               "Je tourne en rond sur cette question."),
        "en": ("Not clear on this yet.", "I am a bit stuck on this.",
               "Going round in circles on this one."),
    },
    "high": {
        "fr": ("Ça avance dans le bon sens.", "Je me sens plus au clair.",
               "Un vrai déclic aujourd’hui."),
        "en": ("Moving the right way.", "Feeling clearer about it.", "A real click today."),
    },
}
