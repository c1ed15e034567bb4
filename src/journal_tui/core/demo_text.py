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
                "Je fais la liste des personnes de mon réseau qui m’ont fait avancer ce mois-ci : "
                "elle est plus longue que je ne le croyais.",
                "Rencontre avec {p}, qui connaît tout le monde dans le secteur de la formation.",
                "Même un simple conseil d’une autre personne à contacter, c’est précieux.",
                "{p} m’a présenté à son réseau d’anciens cadres en reconversion.",
                "J’ai remercié {p} pour la mise en relation du printemps. Sans ce coup de pouce, "
                "rien de tout ça.",
                "Repérer les personnes avec qui je peux avancer, puis les contacter : c’est devenu "
                "mon premier travail de la semaine.",
                "Un café de trente minutes avec {p}, mon mentor, a débloqué trois semaines "
                "d’hésitation.",
                "J’ai relancé deux contacts dormants ; l’un d’eux me rappelle jeudi.",
            ),
            "en": (
                "{p} gave me just one name to contact. That may be the person who sets "
                "something off.",
                "Listed the people in my network who moved me forward this month: a longer list "
                "than I thought.",
                "Met {p}, who knows everyone in the training sector.",
                "Even a simple tip about someone else to contact is precious.",
                "{p} introduced me to a network of former managers in transition.",
                "Thanked {p} for the introduction back in spring. Without that nudge, none of "
                "this.",
                "Spotting the people I can move forward with, then reaching out: that has become "
                "my first job of the week.",
                "A thirty-minute coffee with {p}, my mentor, unblocked three weeks of hesitation.",
                "Reached out to two dormant contacts; one of them is calling back on Thursday.",
            ),
        },
    },
    "synergy": {
        "low": {
            "fr": (
                "J’ai passé la matinée à comparer mes tarifs à ceux de {p}, mon concurrent le "
                "plus proche, et je me suis senti tout petit.",
                "Réflexe de défense quand {p} a parlé de son nouveau programme : j’ai tout de "
                "suite vu un concurrent.",
                "Je garde mes contacts pour moi, par méfiance : et si on me prenait des clients ?",
                "J’ai refusé de répondre à l’appel d’offres commun : chacun pour soi, me suis-je "
                "dit.",
                "Tout me semble être une compétition : qui signe le premier, qui a le plus "
                "d’abonnés.",
                "J’ai compté les concurrents installés dans ma ville. Trop. Ça m’a coupé l’élan.",
                "Au salon, j’ai évité le stand de {p} : un rival, pensais-je, plutôt qu’un allié "
                "possible.",
                "Je communique sur MON activité, pour MES clients, à vouloir faire mon trou… et "
                "je m’épuise.",
                "Une pointe de jalousie : je me suis surpris à espérer que le projet de {p} ne "
                "marche pas.",
            ),
            "en": (
                "Spent the morning comparing my rates with those of {p}, my closest competitor, "
                "and felt small.",
                "When {p} mentioned a new programme, my first reflex was to see a rival.",
                "I keep my contacts to myself, as if it were a zero-sum game and every name I "
                "give away cost me a client.",
                "Turned down the joint bid, convinced I could outdo everyone on my own.",
                "Everything feels like a competition: who signs first, who has more followers.",
                "Counted the competitors in town again. Too many. It drained me.",
                "At the fair I walked past the stand of {p}: a rival, I thought, not a possible "
                "ally.",
                "MY offer, MY clients, MY turf… and I am exhausted.",
                "A flash of envy: caught myself hoping the launch by {p} would flop.",
            ),
        },
        "high": {
            "fr": (
                "Déjeuner avec {p} : au lieu de nous marcher dessus, on pourrait collaborer sur "
                "une offre commune.",
                "D’autres font déjà une partie du travail : plutôt que de tout refaire seul, je "
                "peux collaborer avec eux.",
                "Première vraie collaboration : {p} m’envoie deux personnes en transition, je "
                "renvoie un client qui cherche un bilan.",
                "Ce qu’on apporte chacun est complémentaire, et l’entraide nous rend tous les "
                "deux plus forts.",
                "J’ai proposé à {p} de co-construire l’atelier du mois prochain. Oui tout de "
                "suite !",
                "Un partenaire prescripteur bien choisi vaut dix démarchages en direct.",
                "On a listé ensemble ce que chacun fait mieux que l’autre, sans ego : un vrai "
                "gagnant-gagnant.",
                "Créer des synergies demande de la patience, mais ce matin j’ai vu les premiers "
                "fruits.",
                "On a décidé de mutualiser avec {p} : mon carnet d’adresses, sa salle.",
            ),
            "en": (
                "Lunch with {p}: instead of stepping on each other’s toes, we could team up "
                "on a joint project.",
                "Others already do part of the work: rather than redo it all alone, I can "
                "collaborate with them.",
                "First real partnership: {p} sends me two people in transition, I send back a "
                "client who needs an assessment.",
                "What we each bring is complementary, and helping each other makes us both "
                "stronger.",
                "Asked {p} to co-create next month’s workshop. An instant yes!",
                "One well-chosen referral partner is worth more than ten prospecting visits.",
                "We listed what each of us does better than the other, no ego involved: a real "
                "win-win.",
                "Synergies take patience, but this morning I saw the first results.",
                "Decided to pool resources with {p}: my address book, their venue.",
            ),
        },
    },
    "advice": {
        "low": {
            "fr": (
                "« Il faut absolument démarcher en direct », m’a dit {p}, et j’ai aussitôt tout "
                "réorganisé dans ce sens.",
                "Il paraît que le coaching ne paie pas avant trois ans, dixit un inconnu sur un "
                "forum. Ça m’a plombé toute la journée.",
                "J’ai suivi aveuglément le conseil de mon beau-frère, alors qu’il n’a jamais été "
                "indépendant.",
                "« Personne ne s’intéressera à toi avant que tu sois établi. » Je l’ai cru sans "
                "discuter.",
                "J’ai encore suivi un conseil à la lettre sans me demander si la personne savait "
                "de quoi elle parlait.",
                "Trois personnes, trois avis contraires, et moi qui essaie de tous les appliquer "
                "sans réfléchir.",
                "Je me suis senti obligé de suivre la méthode de {p} : « c’est comme ça que tout "
                "le monde fait ».",
                "Tout le monde dit qu’il faut une vidéo d’accueil, alors j’ai refait mon site. "
                "Sans vérifier.",
            ),
            "en": (
                "{p} said direct prospecting is the only way, and I reorganised my whole week "
                "around it on the spot.",
                "A stranger online claims coaching never pays before year three. I took it as "
                "fact, and it ruined my day.",
                "Took the advice of my brother-in-law as gospel, although he has never been "
                "self-employed.",
                "“Nobody will care until you are established.” I believed it without question.",
                "Followed yet another tip to the letter without asking whether the person knew "
                "the field.",
                "Three people, three opposite views, and me blindly trying to apply all of them "
                "at once.",
                "Felt I was supposed to copy the method of {p} because “it works for everyone”.",
                "Everyone says you need a video on your home page, so I rewrote my whole website. "
                "Without checking anything.",
            ),
        },
        "high": {
            "fr": (
                "{p} m’a conseillé de baisser mes prix. C’est un avis, pas une vérité : je prends "
                "du recul avant de l’appliquer.",
                "Avant de suivre un conseil, je me demande maintenant : cette personne est-elle "
                "compétente sur le sujet ?",
                "On ne va pas chez le boucher pour acheter une tarte au riz. J’ai posé ma "
                "question de facturation à un spécialiste : {p}, qui est comptable.",
                "J’ai noté les trois conseils de la semaine, puis j’ai pris le temps de faire le "
                "tri : un à tester, un pour plus tard, un à laisser.",
                "Ce qui marche pour {p} ne marchera pas forcément pour moi : je relativise, dans "
                "un sens comme dans l’autre.",
                "Il y a toujours de l’interprétation dans un avis. J’ai demandé à {p} sur quoi "
                "reposait son point de vue.",
                "J’ai remercié pour le conseil et pris une semaine de recul avant de décider. "
                "Bonne idée.",
                "Un avis tranché ne m’a pas déstabilisé aujourd’hui : je l’ai pesé, j’ai demandé "
                "un deuxième avis, puis j’ai décidé moi-même.",
            ),
            "en": (
                "{p} told me to lower my prices. An opinion, not a truth: I’ll keep it in mind "
                "without acting on it yet.",
                "Before following advice I now ask: is this person qualified on the subject?",
                "You don’t buy a rice tart at the butcher’s. I took my invoicing question to a "
                "specialist: {p}, who is an accountant.",
                "Wrote down the three pieces of advice from this week and sorted through them: "
                "one to test, one for later, one to drop.",
                "What works for {p} may not work for me: I take it with a grain of salt, both "
                "ways.",
                "There is always some interpretation in advice. I asked {p} what that point of "
                "view was based on.",
                "Said thanks for the advice and took a week to step back before deciding. Good "
                "call.",
                "A blunt opinion did not throw me today: I weighed it, asked for a second "
                "opinion, then made my own decision.",
            ),
        },
    },
    "agility": {
        "low": {
            "fr": (
                "J’ai réécrit ma présentation pour la quatrième fois, pour plaire à tout le "
                "monde, et d’abord à {p}.",
                "À force de me plier à chaque prospect, je ne sais plus très bien ce que je "
                "propose.",
                "J’ai dit oui à une mission qui ne me ressemble pas, juste pour faire plaisir.",
                "Nouveau nom, nouveau logo, nouvelle cible… en trois semaines. Je m’éparpille.",
                "Je veux tout changer dès qu’une semaine est calme, sans laisser le temps aux "
                "choses de pousser.",
                "J’ai plié tout mon agenda à celui de {p}, au détriment du reste. Encore.",
                "J’ai cédé sur le format imposé alors que le mien était meilleur pour ce public.",
                "Sensation d’être une girouette épuisée : je tourne au vent de chaque "
                "interlocuteur.",
            ),
            "en": (
                "Rewrote my presentation for the fourth time, trying to please everyone, {p} "
                "first.",
                "Bent over backwards for every prospect; I no longer know what I actually offer.",
                "Said yes to an assignment that isn’t me, just to keep them happy.",
                "New name, new logo, new target… in three weeks. I am scattered.",
                "Changed everything again as soon as a week was quiet, without giving anything "
                "time to grow.",
                "Gave in to {p} on the schedule again, at the expense of everything else.",
                "Caved on the imposed format although mine was better for this audience.",
                "Feeling like an exhausted chameleon, taking the colour of whoever I talk to.",
            ),
        },
        "high": {
            "fr": (
                "J’ai ajusté l’atelier au groupe sans renoncer à ce qui fait son cœur.",
                "Le client voulait tout revoir ; on a gardé la structure et adapté deux "
                "exercices. Tout le monde est content.",
                "De la souplesse, oui ; abandonner l’essentiel, non. J’ai trouvé la ligne "
                "aujourd’hui avec {p}.",
                "Plan B en dix minutes quand la salle n’était pas libre : j’ai su rebondir avec "
                "une séance en marchant, super retours.",
                "J’ai expérimenté une petite variante de mon offre auprès de deux personnes "
                "avant de toucher au reste.",
                "Je reste souple sur la forme et solide sur le fond.",
                "{p} m’a demandé un format court : je l’ai ajusté sans toucher à l’essentiel.",
                "Je corrige le tir quand le terrain l’exige, pas quand quelqu’un hausse un "
                "sourcil.",
            ),
            "en": (
                "Adjusted the workshop to the group without giving up its core.",
                "The client wanted to rethink everything; we kept the structure and tweaked two "
                "exercises. Everyone is happy.",
                "Flexible, yes; giving up the essentials, no. Found the line today with {p}.",
                "Plan B in ten minutes when the room was unavailable: bounced back with a "
                "walking session, great feedback.",
                "Ran a small experiment with a variant of my offer before touching anything "
                "else.",
                "Flexible on the form, firm on the substance.",
                "{p} asked for a shorter format; I adjusted it without touching what matters.",
                "I course-correct when the ground demands it, not when someone raises an "
                "eyebrow.",
            ),
        },
    },
    "determination": {
        "low": {
            "fr": (
                "Un mois d’acharnement sur la même liste de prospects, sans rien changer à ma "
                "façon de faire.",
                "{p} m’a montré des chiffres clairs et j’ai refusé de les regarder. Obstiné.",
                "Je continue coûte que coûte, juste parce que je l’ai annoncé.",
                "Le nez dans le guidon, je ne vois plus si j’avance ou si je tourne en rond.",
                "J’ai défendu mon idée tête baissée pendant une heure, alors qu’au fond je "
                "savais qu’elle ne tenait pas.",
                "Encore une relance, à tout prix, à la même structure qui ne répond plus depuis "
                "six semaines.",
                "J’ai pris mon entêtement pour du courage, et aujourd’hui ça m’a coûté une belle "
                "occasion.",
                "J’ai refusé l’aide de {p} par principe, buté. Quel principe, au juste ?",
            ),
            "en": (
                "Kept pushing the same prospect list for a month without changing how I do it.",
                "{p} showed me clear numbers and I refused to look at them. Stubborn.",
                "I carry on no matter what, only because I announced I would.",
                "Blinkers on: I can’t tell any more whether I’m moving or going in circles.",
                "Dug in and defended my idea for an hour, although deep down I knew it didn’t "
                "hold.",
                "Yet another follow-up to the same organisation, silent for six weeks. Sunk "
                "cost, really.",
                "Took my obstinate streak for courage, and it cost me a good opportunity today.",
                "Turned down help from {p} on principle, pigheaded. Which principle, exactly?",
            ),
        },
        "high": {
            "fr": (
                "Cette direction ne porte pas encore ses fruits, mais je sais pourquoi je la "
                "suis.",
                "Je décide en connaissance de cause, avec une date pour faire le point.",
                "J’ai su tenir bon sur cette démarche malgré un mois calme, avec trois indicateurs "
                "pour vérifier.",
                "Persévérer, c’est changer la manière sans changer le but.",
                "{p} m’a demandé pourquoi je continue. J’ai répondu en une phrase, sans "
                "hésiter : je sais pourquoi.",
                "Troisième rendez-vous avec la même structure : la persévérance paie, une vraie "
                "piste se dessine.",
                "J’ai décidé d’arrêter une piste qui ne menait nulle part, pour mettre toute ma "
                "détermination dans les deux autres.",
                "Un petit pas chaque matin : une prise de contact, un message, une relecture. La "
                "constance paie.",
            ),
            "en": (
                "No results from this direction yet. Still, I know why I’m following it.",
                "I decide knowingly and with conviction, with a date set to take stock.",
                "Decided to stay the course through a quiet month, with three indicators to "
                "check it.",
                "Perseverance means changing the how, not the why.",
                "{p} asked why I keep going. I answered in one sentence, without hesitating.",
                "Third meeting with the same organisation: perseverance pays, a real lead is "
                "taking shape.",
                "Decided to drop a lead that went nowhere, to put my determination into the "
                "other two.",
                "A small step every morning: one contact, one message, one review. Steady, and "
                "it adds up.",
            ),
        },
    },
    "self_trust": {
        "low": {
            "fr": (
                "« Encore un coach… » J’ai entendu la phrase dans ma tête avant même de me "
                "présenter, et je me suis senti illégitime.",
                "Je n’ai pas publié l’article, par peur du jugement de mes anciens collègues.",
                "J’ai minimisé mon projet devant {p}, comme pour me justifier d’exister.",
                "Qu’en dira-t-on si ça ne marche pas ? La question m’a tenu éveillé.",
                "J’ai passé plus de temps à imaginer ce que les autres vont penser qu’à "
                "préparer la séance.",
                "Je me suis présenté comme « en réflexion » au lieu de dire ce que je fais "
                "vraiment. Syndrome de l’imposteur.",
                "Un silence de {p} après ma proposition, et j’ai tout de suite pensé être jugé.",
                "Je me sens naïf, presque ridicule, avec ma démarche.",
            ),
            "en": (
                "“Another coach…” I heard the sentence in my head before I even introduced "
                "myself. Impostor, again.",
                "Didn’t publish the article, afraid of what people will say, my former "
                "colleagues first.",
                "Played my project down in front of {p}, as if I had to justify myself for "
                "existing.",
                "What will people think if it fails? That question kept me awake.",
                "Spent more time imagining judgment than preparing the session.",
                "Introduced myself as “exploring options” instead of saying what I actually do. "
                "I self-censor.",
                "{p} went quiet after my proposal and I immediately assumed I was being judged.",
                "I feel naive, almost ridiculous, going about it my own way.",
            ),
        },
        "high": {
            "fr": (
                "J’ai présenté mon activité avec aplomb. Ça change tout dans la façon dont on "
                "me perçoit.",
                "Il y aura toujours des qu’en-dira-t-on, quoi que je fasse. Autant assumer ce en "
                "quoi je crois, avec confiance.",
                "Article publié ! Deux messages sympas, un sceptique, et moi toujours debout. "
                "Fier.",
                "J’assume mon approche, et je sens que je rayonne différemment.",
                "Je me suis fait confiance sur le tarif, sans m’excuser. {p} a dit oui tout de "
                "suite.",
                "Quand rien d’autre que la peur ne me freine, c’est vraiment dommage. Alors "
                "j’ose, et j’assume.",
                "J’ai dit non à une mission mal alignée, calmement et serein.",
                "Ce matin je me suis relu : je me sens légitime dans ce que j’apporte.",
            ),
            "en": (
                "Presented my work with confidence, no excuses. It changes how people look at "
                "me.",
                "There will always be gossip, whatever I do. I may as well do what I believe "
                "in.",
                "Article published! Two kind messages, one sceptic, and I’m still standing. "
                "Proud.",
                "I own my choice of approach, and I can feel I come across differently.",
                "Trusted myself on the price, no apologies. {p} agreed without haggling.",
                "When fear is the only thing in my way, that’s a real shame. So I dared, and I "
                "owned it.",
                "Said no to a misaligned assignment, calmly and at ease.",
                "Read my notes back this morning: I feel legitimate in what I bring.",
            ),
        },
    },
    "openness": {
        "low": {
            "fr": (
                "Je suis arrivé au rendez-vous avec mon argumentaire tout prêt, pour convaincre "
                "plus que pour comprendre.",
                "Mode « voilà pourquoi vous auriez tort de ne pas travailler avec moi » : j’étais "
                "là pour vendre. Ça a sonné faux.",
                "J’ai coupé {p} deux fois pendant la réunion. Braqué, rigide.",
                "Bras croisés toute la matinée, fermé au propre comme au figuré.",
                "J’ai écarté l’idée de {p} avant même la fin de la phrase. Sur la défensive.",
                "Je cherchais à argumenter, pas à comprendre. Dialogue de sourds.",
                "Fermé aux propositions aujourd’hui : fatigue, ou peur de perdre la main ?",
                "J’ai décliné l’invitation au petit-déjeuner réseau sans vraie raison. Distant "
                "avec tout le monde.",
            ),
            "en": (
                "Walked into the meeting with my pitch ready, there to convince rather than "
                "understand.",
                "Went in with the hard sell: “here is why you’d be wrong not to work with me”. "
                "It rang hollow.",
                "Interrupted {p} twice during the meeting, defensive the whole time.",
                "Arms crossed all morning, closed off literally and in my head.",
                "Dismissive: I brushed off the idea from {p} before the sentence was even "
                "finished.",
                "I argued instead of trying to understand. A sterile conversation.",
                "Closed to proposals today: tiredness, or fear of losing control?",
                "Declined the networking breakfast for no real reason. Distant with everyone.",
            ),
        },
        "high": {
            "fr": (
                "Je suis allé au rendez-vous en mode « je pense qu’il y a des synergies à "
                "créer », et la conversation a été fluide.",
                "{p} était dans la même posture ouverte que moi : riche en idées, naturel, "
                "dynamique.",
                "J’ai posé plus de questions que je n’ai parlé de moi, curieux et à l’écoute.",
                "Posture ouverte, réceptive, accueillante : le terrain entre nous semble "
                "fertile.",
                "J’ai accueilli la critique de {p} avec curiosité, et j’ai appris quelque chose.",
                "Une heure d’échange sans ordre du jour, et trois idées concrètes à la sortie.",
                "J’ai dit « je ne sais pas, dis-m’en plus » au lieu de faire semblant. Un vrai "
                "dialogue.",
                "Travailler avec des personnes ouvertes, à la posture compatible avec la "
                "mienne, ça fait vachement du bien.",
            ),
            "en": (
                "Went to the meeting in “I think there are synergies to create” mode, and the "
                "conversation was fluid.",
                "{p} had the same open posture as me: natural, lively, full of ideas.",
                "Asked more questions than I talked about myself. I listened, and it was far "
                "more interesting.",
                "Open, receptive, welcoming: the ground between us feels fertile.",
                "Met the criticism from {p} with curiosity, and learned something.",
                "An hour of exchange with no agenda, and three concrete ideas at the end.",
                "Said “I don’t know, tell me more” instead of pretending. A real dialogue.",
                "Working with open-minded people whose posture matches mine feels so good.",
            ),
        },
    },
    "different": {
        "low": {
            "fr": (
                "J’ai envoyé la même plaquette, comme tout le monde, à la même liste que tout "
                "le monde.",
                "« On a toujours fait comme ça », m’a dit {p}. Et j’ai suivi, sans me poser de "
                "question.",
                "Journée en pilote automatique : mails, relances, rien de neuf.",
                "J’ai copié le modèle d’atelier d’un confrère au lieu de créer le mien.",
                "Je prospecte comme d’habitude, parce que c’est ce qu’on attend d’un "
                "indépendant.",
                "J’avais une idée un peu folle pour le lancement ; je l’ai rangée, par réflexe, "
                "au fond du tiroir.",
                "Même réunion, même format, mêmes résultats : la routine. Pourquoi est-ce que "
                "j’attends autre chose ?",
                "J’ai choisi la solution la plus conventionnelle, surtout pour ne pas avoir à "
                "l’expliquer.",
            ),
            "en": (
                "Sent the same brochure, like everyone else, to the same list as everyone else.",
                "“We’ve always done it this way,” said {p}. And I followed without asking "
                "myself anything.",
                "Autopilot day: emails, follow-ups, nothing new.",
                "Copied the workshop template of a colleague instead of building mine.",
                "Prospecting the usual way, because that’s what a freelancer is supposed to do.",
                "Had a slightly crazy idea for the launch; out of habit, I put it back in the "
                "drawer.",
                "Same meeting, same format, same results: same old. Why do I expect anything "
                "else?",
                "Picked the most conventional option, mostly so I wouldn’t have to explain it.",
            ),
        },
        "high": {
            "fr": (
                "Plutôt que de démarcher, j’ai fait autrement : un atelier gratuit chez {p}. "
                "Quinze inscrits.",
                "Ce n’est pas parce que ça a toujours fonctionné d’une certaine façon que ça "
                "doit continuer ainsi. J’essaie une nouvelle approche.",
                "Idée inédite : remplacer la plaquette par une vraie conversation de vingt "
                "minutes. Bien plus efficace.",
                "Mon approche est différente ; au lieu de la défendre, je la fais rayonner, "
                "autrement.",
                "Séance de coaching en marchant au bord du canal, une première fois : le client "
                "a parlé comme jamais.",
                "J’ai eu l’audace d’une offre à prix libre pour le premier atelier. Pari tenu.",
                "{p} trouve mon idée bizarre. Tant mieux, c’est peut-être qu’elle est vraiment "
                "originale.",
                "Faire autrement, ce n’est pas forcément négatif, et je ne suis sûrement pas "
                "seul à le vouloir.",
            ),
            "en": (
                "Did it another way: instead of prospecting, a free workshop hosted by {p}. "
                "Fifteen sign-ups.",
                "Just because it has always worked one way doesn’t mean it has to stay that "
                "way. Time for a new approach.",
                "Bold move: replaced the brochure with a real twenty-minute conversation. Much "
                "more effective.",
                "I do things differently; instead of defending my approach, I let it shine.",
                "First time running a walking session along the canal: my client opened up like "
                "never before.",
                "Unconventional choice: a pay-what-you-want price for the first workshop. It "
                "paid off.",
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
                "Marche en forêt sans téléphone : je reviens ressourcé, avec trois idées "
                "d’atelier.",
                "Relu de vieilles notes de l’an dernier, quand je n’osais même pas y penser. Je "
                "mesure le chemin, et ça m’inspire pour la suite.",
                "Un client m’a écrit pour me dire qu’il avait signé son nouveau poste. Quelle "
                "joie.",
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
                "{p} is so enthusiastic whenever the project comes up; it’s contagious.",
                "A phone-free walk in the woods: I came back recharged, with three workshop "
                "ideas.",
                "Reread old notes from last year, when I didn’t even dare think about it. I can "
                "see how far I’ve come, and it inspires me.",
                "A client wrote to say they landed their new job. Thrilled for them.",
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
        "Visio avec {p} et une structure qui recrute.",
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
        "Video call with {p} and a company that is hiring.",
        "Slept badly, writing anyway.",
        "On the 7:12 train, notebook on my knees.",
    ),
}

# A last line with the day's intention, in bold.
CLOSERS: Bank = {
    "fr": (
        "**Prochain pas :** rappeler {p} avant vendredi.",
        "**À retenir :** le progrès, pas la perfection.",
        "**Intention du jour :** respirer avant d’ouvrir mes mails.",
        "**Prochain pas :** réserver une heure pour ma nouvelle offre.",
        "**Pour demain :** une prise de contact, pas dix.",
        "**À retenir :** une chose à la fois.",
        "**Intention :** finir la journée avant 19 h.",
        "**Prochain pas :** envoyer la proposition commune à {p}.",
        "**Question du jour :** qui d’autre avance dans la même direction que moi ?",
    ),
    "en": (
        "**Next step:** call {p} back before Friday.",
        "**Keep in mind:** progress, not perfection.",
        "**Today’s intention:** breathe before opening my inbox.",
        "**Next step:** block an hour for my new offer.",
        "**For tomorrow:** one contact, not ten.",
        "**Keep in mind:** one thing at a time.",
        "**Intention:** stop work before 7 pm.",
        "**Next step:** send the joint proposal to {p}.",
        "**Open question:** who else is heading the same way as me?",
    ),
}

LIST_INTROS: Bank = {
    "fr": ("Ce que je retiens :", "En vrac :", "Trois choses :", "Points du jour :"),
    "en": ("What I take away:", "In no particular order:", "Three things:", "Today’s notes:"),
}

# Tags name the pole the entry leans to (the theme detector reads #tags as words);
# "any" is for plain themes and entries rated 0.
THEME_TAGS: dict[str, dict[str, dict[str, str]]] = {
    "fr": {
        "path": {"any": "chemin"},
        "synergy": {"low": "concurrence", "high": "synergie", "any": "écosystème"},
        "advice": {"low": "injonction", "high": "recul", "any": "conseil"},
        "agility": {"low": "suradaptation", "high": "agilité", "any": "organisation"},
        "determination": {"low": "obstination", "high": "détermination", "any": "cap"},
        "self_trust": {"low": "jugement", "high": "confiance", "any": "estime"},
        "openness": {"low": "défensive", "high": "ouverture", "any": "posture"},
        "different": {"low": "routine", "high": "autrement", "any": "méthode"},
        "inspiration": {"any": "inspiration"},
    },
    "en": {
        "path": {"any": "path"},
        "synergy": {"low": "competition", "high": "synergy", "any": "ecosystem"},
        "advice": {"low": "gospel", "high": "perspective", "any": "advice"},
        "agility": {"low": "overadapting", "high": "agility", "any": "focus"},
        "determination": {"low": "stubbornness", "high": "determination", "any": "direction"},
        "self_trust": {"low": "judgment", "high": "confidence", "any": "selfworth"},
        "openness": {"low": "defensive", "high": "openness", "any": "posture"},
        "different": {"low": "routine", "high": "innovation", "any": "method"},
        "inspiration": {"any": "inspiration"},
    },
}

CONTEXT_TAGS: Bank = {
    "fr": ("prospection", "clients", "réseau", "coaching", "atelier", "reconversion"),
    "en": ("prospecting", "clients", "network", "coaching", "workshop", "transition"),
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
