"""The shipped question bank's second review (issue 12, part 5), brought to existing databases.

``load_question_bank`` creates the shipped quizzes only where they are missing, so a school
that already ran the site keeps the questions as first shipped. This migration revises each
reviewed question in place where its text, kind, explanation and choices are still exactly
as first shipped: a question an instructor edited is kept as she left it, and no choice is
deleted or reordered, so no attempt or grade changes (``elearning.content``,
``revise_shipped_questions``). Reversible: backwards, questions still as revised go back.

Each pair is (as first shipped, as revised), in the shape of the fixture's entries.
"""

from django.db import migrations

REVISIONS = [
    (
        {
            "text": "Au moment de s'endormir, M. D., 40 ans, sent toute sa jambe sursauter d'un coup, puis plus rien. De quel phénomène s'agit-il le plus probablement ?",
            "kind": "single",
            "category": "L1 · Fasciculation, secousse hypnique ou crampe",
            "objective": "Distinguer une fasciculation d'une secousse hypnique et d'une crampe.",
            "explanation": "Un sursaut de toute la jambe au moment de s'endormir est une secousse hypnique (myoclonie d'endormissement), très fréquente et inoffensive. Une fasciculation, elle, ne fait pas "
            "bouger le membre.",
            "choices": [
                {
                    "text": "Une fasciculation de quelques fibres du mollet",
                    "correct": False,
                    "feedback": "Une fasciculation est trop faible pour faire bouger la jambe ; ici, toute la jambe sursaute.",
                },
                {
                    "text": "Une crampe, contraction prolongée et douloureuse du mollet",
                    "correct": False,
                    "feedback": "Une crampe est douloureuse et prolongée ; ici, le sursaut est bref et sans douleur.",
                },
                {
                    "text": "Un syndrome des jambes sans repos, au coucher",
                    "correct": False,
                    "feedback": "Le syndrome des jambes sans repos est une envie irrésistible de bouger, pas un sursaut isolé.",
                },
                {
                    "text": "Une secousse hypnique, ou myoclonie d'endormissement",
                    "correct": True,
                    "feedback": "",
                },
            ],
        },
        {
            "text": "Au moment de s'endormir, M. D., 40 ans, sent toute sa jambe sursauter d'un coup, puis plus rien. De quel phénomène s'agit-il le plus probablement ?",
            "kind": "single",
            "category": "L1 · Fasciculation, secousse hypnique ou crampe",
            "objective": "Distinguer une fasciculation d'une secousse hypnique et d'une crampe.",
            "explanation": "Un sursaut brusque de toute la jambe au moment de s'endormir, bref et sans douleur, est une secousse hypnique (ou myoclonie d'endormissement), très fréquente et inoffensive. Une "
            "fasciculation, elle, ne fait pas bouger le membre ; une crampe est douloureuse et prolongée.",
            "choices": [
                {
                    "text": "Une fasciculation du mollet",
                    "correct": False,
                    "feedback": "Une fasciculation est trop faible pour faire bouger la jambe ; ici, toute la jambe sursaute.",
                },
                {
                    "text": "Une crampe du mollet",
                    "correct": False,
                    "feedback": "Une crampe est une contraction douloureuse et prolongée ; ici, le sursaut est bref et sans douleur.",
                },
                {
                    "text": "Un syndrome des jambes sans repos",
                    "correct": False,
                    "feedback": "Le syndrome des jambes sans repos est une envie irrésistible de bouger, pas un sursaut isolé.",
                },
                {"text": "Une secousse hypnique", "correct": True, "feedback": ""},
            ],
        },
    ),
    (
        {
            "text": "Selon le critère de la fréquence, quelle affirmation est exacte ?",
            "kind": "single",
            "category": "L2 · Trois critères : fréquence, contexte, signes associés",
            "objective": "Citer les trois critères qui orientent : fréquence, contexte, signes associés.",
            "explanation": "Les fasciculations bénignes sont fréquentes : beaucoup de personnes en bonne santé en ressentent un jour. Les fasciculations pathologiques sont rares.",
            "choices": [
                {
                    "text": "Toutes les fasciculations sont rares, quelle que soit leur cause",
                    "correct": False,
                    "feedback": "Les fasciculations bénignes sont fréquentes : beaucoup de personnes en bonne santé en ressentent un jour.",
                },
                {
                    "text": "Les pathologiques sont fréquentes, les bénignes sont rares",
                    "correct": False,
                    "feedback": "C'est l'inverse.",
                },
                {
                    "text": "Les bénignes sont fréquentes, les pathologiques sont rares",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Les bénignes et les pathologiques sont aussi fréquentes",
                    "correct": False,
                    "feedback": "Non : les fasciculations pathologiques sont rares.",
                },
            ],
        },
        {
            "text": "Selon le critère de la fréquence, quelle affirmation est exacte ?",
            "kind": "single",
            "category": "L2 · Trois critères : fréquence, contexte, signes associés",
            "objective": "Citer les trois critères qui orientent : fréquence, contexte, signes associés.",
            "explanation": "Les fasciculations bénignes sont fréquentes : beaucoup de personnes en bonne santé en ressentent un jour. Les fasciculations pathologiques sont rares.",
            "choices": [
                {
                    "text": "Toutes les fasciculations sont rares, quelle que soit leur cause",
                    "correct": False,
                    "feedback": "Les fasciculations bénignes sont fréquentes : beaucoup de personnes en bonne santé en ressentent un jour.",
                },
                {
                    "text": "Les pathologiques sont fréquentes, les bénignes sont rares",
                    "correct": False,
                    "feedback": "C'est l'inverse.",
                },
                {
                    "text": "Les bénignes sont fréquentes, les pathologiques sont rares",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Les bénignes sont aussi fréquentes que les pathologiques",
                    "correct": False,
                    "feedback": "Non : les fasciculations bénignes sont fréquentes, les pathologiques rares.",
                },
            ],
        },
    ),
    (
        {
            "text": "Une fasciculation pathologique s'accompagne presque toujours d'autres signes, comme une faiblesse musculaire.",
            "kind": "true_false",
            "category": "L2 · Fasciculation bénigne ou pathologique",
            "objective": "Distinguer une fasciculation bénigne d'une fasciculation pathologique.",
            "explanation": "Une fasciculation pathologique ne vient presque jamais seule : faiblesse musculaire, amyotrophie, difficultés à parler ou à avaler l'accompagnent. Une fasciculation bénigne, elle, "
            "est isolée.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : une fasciculation pathologique ne vient presque jamais seule.",
                },
            ],
        },
        {
            "text": "Une fasciculation pathologique s'accompagne presque toujours d'autres signes, comme une faiblesse musculaire.",
            "kind": "true_false",
            "category": "L2 · Fasciculation bénigne ou pathologique",
            "objective": "Distinguer une fasciculation bénigne d'une fasciculation pathologique.",
            "explanation": "Les maladies qui causent des fasciculations pathologiques atteignent le système nerveux, qui commande les muscles : elles ne dérèglent pas seulement quelques fibres, elles "
            "entraînent d'autres troubles, comme une faiblesse musculaire, une amyotrophie ou des difficultés à parler ou à avaler. C'est pourquoi une fasciculation pathologique ne vient "
            "presque jamais seule.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : une fasciculation pathologique ne vient presque jamais seule.",
                },
            ],
        },
    ),
    (
        {
            "text": "Mme S., 27 ans, infirmière de nuit, enchaîne les gardes et boit beaucoup de café. Depuis quelques jours, elle sent de petits frémissements sous la peau de la cuisse. Sa force est normale "
            "et elle n'a aucune autre plainte. Comment qualifier ces fasciculations ?",
            "kind": "single",
            "category": "L2 · Fasciculation bénigne ou pathologique",
            "objective": "Distinguer une fasciculation bénigne d'une fasciculation pathologique.",
            "explanation": "Les fasciculations sont isolées (force normale, aucune autre plainte) et un contexte les explique (stress des gardes, café) : elles sont très probablement bénignes. Leur durée de "
            "quelques jours ou leur survenue au repos ne sont pas des signes d'alerte.",
            "choices": [
                {
                    "text": "Probablement bénignes : isolées, avec un contexte qui les explique",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Probablement pathologiques : elles durent depuis plusieurs jours",
                    "correct": False,
                    "feedback": "Quelques jours ne suffisent pas : ce sont des secousses qui s'étendent et persistent pendant des semaines, avec d'autres signes, qui alertent.",
                },
                {
                    "text": "Bénignes seulement si elles cessent dans les vingt-quatre heures",
                    "correct": False,
                    "feedback": "Le cours ne fixe pas de tel délai : c'est l'absence de signes associés qui oriente vers une cause bénigne.",
                },
                {
                    "text": "Pathologiques, car elles surviennent chez une soignante fatiguée",
                    "correct": False,
                    "feedback": "Le stress et la caféine sont au contraire des déclencheurs inoffensifs.",
                },
            ],
        },
        {
            "text": "Mme S., 27 ans, infirmière de nuit, enchaîne les gardes et boit beaucoup de café. Depuis quelques jours, elle sent de petits frémissements sous la peau de la cuisse. Sa force est normale "
            "et elle n'a aucune autre plainte. Comment qualifier ces fasciculations ?",
            "kind": "single",
            "category": "L2 · Fasciculation bénigne ou pathologique",
            "objective": "Distinguer une fasciculation bénigne d'une fasciculation pathologique.",
            "explanation": "Les fasciculations sont isolées (force normale, aucune autre plainte) et un contexte les explique (stress des gardes, café) : elles sont très probablement bénignes. Les sentir "
            "sous la peau ou les avoir depuis quelques jours n'est pas un signe d'alerte.",
            "choices": [
                {
                    "text": "Probablement bénignes : isolées, avec un contexte qui les explique",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Probablement pathologiques : elles durent depuis plusieurs jours",
                    "correct": False,
                    "feedback": "Quelques jours ne suffisent pas : ce sont des secousses qui s'étendent et persistent pendant des semaines, avec d'autres signes, qui alertent.",
                },
                {
                    "text": "Bénignes seulement si elles cessent dans les vingt-quatre heures",
                    "correct": False,
                    "feedback": "Le cours ne fixe pas de tel délai : c'est l'absence de signes associés qui oriente vers une cause bénigne.",
                },
                {
                    "text": "Pathologiques, car elle les sent sous la peau de la cuisse",
                    "correct": False,
                    "feedback": "Toute fasciculation se voit ou se sent sous la peau, bénigne ou non : ce n'est pas un signe d'alerte.",
                },
            ],
        },
    ),
    (
        {
            "text": "D'où viennent normalement les signaux qui font contracter un muscle ?",
            "kind": "single",
            "category": "L3 · Influx nerveux excessif et contraction involontaire",
            "objective": "Expliquer comment un influx nerveux excessif provoque une contraction involontaire.",
            "explanation": "Les signaux de contraction, les influx nerveux, viennent du système nerveux central (cerveau et moelle épinière) et arrivent au muscle par les nerfs.",
            "choices": [
                {
                    "text": "Du système nerveux central (cerveau, moelle épinière)",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Du muscle lui-même, sans aucune intervention des nerfs",
                    "correct": False,
                    "feedback": "Le muscle se contracte lorsqu'il reçoit des signaux nerveux.",
                },
                {
                    "text": "Du magnésium que le sang apporte en permanence au muscle",
                    "correct": False,
                    "feedback": "Une carence en magnésium peut déclencher des fasciculations, mais les signaux de contraction sont des influx nerveux.",
                },
                {
                    "text": "De la peau, qui transmet elle-même les signaux au muscle",
                    "correct": False,
                    "feedback": "Les signaux arrivent au muscle par les nerfs, depuis le système nerveux central.",
                },
            ],
        },
        {
            "text": "D'où viennent normalement les signaux qui font contracter un muscle ?",
            "kind": "single",
            "category": "L3 · Influx nerveux excessif et contraction involontaire",
            "objective": "Expliquer comment un influx nerveux excessif provoque une contraction involontaire.",
            "explanation": "Les signaux de contraction, les influx nerveux, viennent du système nerveux central (cerveau et moelle épinière). Les nerfs ne les créent pas : ils les conduisent jusqu'au muscle.",
            "choices": [
                {
                    "text": "Du système nerveux central (cerveau, moelle épinière)",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Du muscle lui-même, sans aucune intervention des nerfs",
                    "correct": False,
                    "feedback": "Le muscle se contracte lorsqu'il reçoit des signaux nerveux.",
                },
                {
                    "text": "Du magnésium que le sang apporte en permanence au muscle",
                    "correct": False,
                    "feedback": "Une carence en magnésium peut déclencher des fasciculations, mais les signaux de contraction sont des influx nerveux.",
                },
                {
                    "text": "Des nerfs de la jambe, qui créent eux-mêmes les signaux",
                    "correct": False,
                    "feedback": "Les nerfs conduisent les signaux jusqu'au muscle, mais ces signaux viennent du système nerveux central.",
                },
            ],
        },
    ),
    (
        {
            "text": "Parmi les déclencheurs inoffensifs, le cours cite le froid et l'hypothermie ou, au contraire :",
            "kind": "single",
            "category": "L3 · Déclencheurs courants et inoffensifs",
            "objective": "Citer les déclencheurs courants et inoffensifs des fasciculations.",
            "explanation": "Le cours cite le froid et l'hypothermie, ou au contraire un coup de chaleur. Un accident vasculaire cérébral n'est pas un déclencheur inoffensif : c'est une urgence neurologique.",
            "choices": [
                {
                    "text": "une inflammation du cerveau",
                    "correct": False,
                    "feedback": "C'est une cause grave et rare, pas un déclencheur inoffensif.",
                },
                {
                    "text": "une carence en fer",
                    "correct": False,
                    "feedback": "La carence en fer aggrave le syndrome des jambes sans repos ; le déclencheur de fasciculations cité est la carence en magnésium.",
                },
                {"text": "un coup de chaleur", "correct": True, "feedback": ""},
                {
                    "text": "un accident vasculaire cérébral",
                    "correct": False,
                    "feedback": "Non : un accident vasculaire cérébral est une urgence, pas un déclencheur inoffensif. Le cours cite le coup de chaleur.",
                },
            ],
        },
        {
            "text": "Lequel de ces états le cours range-t-il parmi les déclencheurs inoffensifs de fasciculations ?",
            "kind": "single",
            "category": "L3 · Déclencheurs courants et inoffensifs",
            "objective": "Citer les déclencheurs courants et inoffensifs des fasciculations.",
            "explanation": "Le cours cite le froid et l'hypothermie, ou au contraire un coup de chaleur, parmi les déclencheurs inoffensifs. Une inflammation du cerveau est une cause grave et rare, un "
            "accident vasculaire cérébral une urgence neurologique ; la carence en fer aggrave le syndrome des jambes sans repos, alors que le déclencheur de fasciculations cité est la carence "
            "en magnésium.",
            "choices": [
                {
                    "text": "Une inflammation du cerveau",
                    "correct": False,
                    "feedback": "C'est une cause grave et rare, pas un déclencheur inoffensif.",
                },
                {
                    "text": "Une carence en fer",
                    "correct": False,
                    "feedback": "La carence en fer aggrave le syndrome des jambes sans repos ; le déclencheur de fasciculations cité est la carence en magnésium.",
                },
                {"text": "Un coup de chaleur", "correct": True, "feedback": ""},
                {
                    "text": "Un accident vasculaire cérébral",
                    "correct": False,
                    "feedback": "Non : un accident vasculaire cérébral est une urgence, pas un déclencheur inoffensif. Le cours cite le coup de chaleur.",
                },
            ],
        },
    ),
    (
        {
            "text": "À quels moments les symptômes du syndrome des jambes sans repos apparaissent-ils surtout ?",
            "kind": "multiple",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "Les symptômes surviennent surtout au repos : le soir avant de s'endormir et en position assise prolongée. Le mouvement, au contraire, les soulage.",
            "choices": [
                {
                    "text": "Pendant une marche rapide",
                    "correct": False,
                    "feedback": "Marcher soulage au contraire les symptômes.",
                },
                {
                    "text": "Au cours d'un effort sportif intense",
                    "correct": False,
                    "feedback": "Les symptômes surviennent au repos ; bouger les calme.",
                },
                {
                    "text": "En position assise prolongée, lors d'un long trajet",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Le soir, peu de temps avant de s'endormir",
                    "correct": True,
                    "feedback": "",
                },
            ],
        },
        {
            "text": "À quels moments les symptômes du syndrome des jambes sans repos apparaissent-ils surtout ?",
            "kind": "multiple",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "Les symptômes surviennent surtout au repos : le soir avant de s'endormir et en position assise prolongée. Le mouvement, au contraire, les soulage.",
            "choices": [
                {
                    "text": "Pendant une marche rapide ou une randonnée",
                    "correct": False,
                    "feedback": "Marcher soulage au contraire les symptômes.",
                },
                {
                    "text": "Au cours d'un effort sportif intense",
                    "correct": False,
                    "feedback": "Les symptômes surviennent au repos ; bouger les calme.",
                },
                {
                    "text": "Lors d'un long trajet en position assise",
                    "correct": True,
                    "feedback": "",
                },
                {"text": "Le soir, avant de s'endormir", "correct": True, "feedback": ""},
            ],
        },
    ),
    (
        {
            "text": "Que sait-on aujourd'hui de la cause du syndrome des jambes sans repos ?",
            "kind": "single",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "La cause exacte n'est pas entièrement connue. Le défaut de transmission de l'influx nerveux au muscle n'est qu'une hypothèse ; les connaissances actuelles orientent vers le "
            "système de la dopamine et les réserves en fer (une carence en fer aggrave les symptômes).",
            "choices": [
                {
                    "text": "Mal connue : la dopamine et les réserves en fer semblent en cause",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Une destruction des motoneurones, comme dans la SLA",
                    "correct": False,
                    "feedback": "Le syndrome des jambes sans repos n'est pas une maladie des motoneurones.",
                },
                {
                    "text": "Toujours une carence en magnésium, à corriger par un traitement",
                    "correct": False,
                    "feedback": "La carence en magnésium est un déclencheur de fasciculations ; pour ce syndrome, c'est le fer qui est en cause.",
                },
                {
                    "text": "Un défaut démontré de transmission de l'influx nerveux au muscle",
                    "correct": False,
                    "feedback": "Ce n'est qu'une hypothèse, présentée à tort comme un fait.",
                },
            ],
        },
        {
            "text": "Que sait-on aujourd'hui de la cause du syndrome des jambes sans repos ?",
            "kind": "single",
            "category": "L4 · Jambes sans repos ou fasciculations",
            "objective": "Distinguer le syndrome des jambes sans repos des fasciculations.",
            "explanation": "La cause exacte n'est pas entièrement connue. Le défaut de transmission de l'influx nerveux au muscle n'est qu'une hypothèse ; les connaissances actuelles orientent vers le "
            "système de la dopamine et les réserves en fer (une carence en fer aggrave les symptômes). Ce ne sont pas les causes citées pour les fasciculations (destruction des motoneurones, "
            "carence en magnésium) : c'est l'une des différences entre les deux.",
            "choices": [
                {
                    "text": "Une origine mal connue, où dopamine et fer semblent jouer un rôle",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Une destruction des motoneurones, comme dans la SLA",
                    "correct": False,
                    "feedback": "Le syndrome des jambes sans repos n'est pas une maladie des motoneurones : c'est la cause des fasciculations de la SLA.",
                },
                {
                    "text": "Une carence en magnésium, retrouvée dans tous les cas",
                    "correct": False,
                    "feedback": "La carence en magnésium est un déclencheur de fasciculations ; pour ce syndrome, ce sont les réserves en fer qui sont en cause.",
                },
                {
                    "text": "Un défaut démontré de transmission de l'influx nerveux au muscle",
                    "correct": False,
                    "feedback": "Ce n'est qu'une hypothèse, présentée à tort comme un fait.",
                },
            ],
        },
    ),
    (
        {
            "text": "Mme L., 24 ans, étudiante en période d'examens, dort peu et boit plusieurs cafés par jour. Depuis trois jours, elle sent de petits frémissements sous la peau du mollet, surtout le soir. "
            "Sa force est normale et elle n'a aucune autre plainte. Quelle conduite est adaptée ?",
            "kind": "single",
            "category": "L6 · Classer une situation clinique",
            "objective": "Classer une situation clinique simple : fasciculations probablement bénignes ou à faire évaluer.",
            "explanation": "Fasciculations isolées, déclencheurs identifiables (stress, caféine), aucun signe d'alerte : elles sont très probablement bénignes. On écoute sans minimiser, on rassure et on "
            "conseille de consulter si d'autres signes apparaissent.",
            "choices": [
                {
                    "text": "Lui expliquer qu'elle présente un syndrome des jambes sans repos",
                    "correct": False,
                    "feedback": "Elle décrit des frémissements sous la peau, sans envie irrésistible de bouger : ce sont des fasciculations.",
                },
                {
                    "text": "Lui conseiller de consulter un neurologue en urgence dès aujourd'hui",
                    "correct": False,
                    "feedback": "Aucun signe d'alerte n'est présent : une consultation en urgence n'est pas justifiée.",
                },
                {
                    "text": "Lui dire que ces secousses ne méritent aucune attention de sa part",
                    "correct": False,
                    "feedback": "Il faut écouter la plainte sans la minimiser, et lui dire quels signes doivent la faire consulter.",
                },
                {
                    "text": "La rassurer et lui conseiller de consulter si d'autres signes apparaissent",
                    "correct": True,
                    "feedback": "",
                },
            ],
        },
        {
            "text": "Mme L., 24 ans, étudiante en période d'examens, dort peu et boit plusieurs cafés par jour. Depuis trois jours, elle sent de petits frémissements sous la peau du mollet, surtout le soir. "
            "Sa force est normale et elle n'a aucune autre plainte. Quelle conduite est adaptée ?",
            "kind": "single",
            "category": "L6 · Classer une situation clinique",
            "objective": "Classer une situation clinique simple : fasciculations probablement bénignes ou à faire évaluer.",
            "explanation": "Fasciculations isolées, déclencheurs identifiables (stress, caféine), aucun signe d'alerte : elles sont très probablement bénignes. On écoute sans minimiser, on rassure et on "
            "conseille de consulter si d'autres signes apparaissent.",
            "choices": [
                {
                    "text": "Lui expliquer qu'elle présente un syndrome des jambes sans repos",
                    "correct": False,
                    "feedback": "Elle décrit des frémissements sous la peau, sans envie irrésistible de bouger : ce sont des fasciculations.",
                },
                {
                    "text": "L'orienter vers un neurologue en urgence, dès aujourd'hui, pour un bilan",
                    "correct": False,
                    "feedback": "Aucun signe d'alerte n'est présent : une consultation en urgence n'est pas justifiée.",
                },
                {
                    "text": "Lui dire que ces secousses ne méritent aucune attention de sa part",
                    "correct": False,
                    "feedback": "Il faut écouter la plainte sans la minimiser, et lui dire quels signes doivent la faire consulter.",
                },
                {
                    "text": "La rassurer et lui conseiller de consulter si d'autres signes apparaissent",
                    "correct": True,
                    "feedback": "",
                },
            ],
        },
    ),
    (
        {
            "text": "Les fasciculations pathologiques sont causées par :",
            "kind": "single",
            "category": "L2 · Fasciculation bénigne ou pathologique",
            "objective": "Distinguer une fasciculation bénigne d'une fasciculation pathologique.",
            "explanation": "Les fasciculations pathologiques sont causées par des maladies, rares, qui détruisent certaines cellules nerveuses : les motoneurones. Stress, caféine et effort intense sont des "
            "déclencheurs de fasciculations bénignes.",
            "choices": [
                {
                    "text": "un stress intense qui dure plusieurs mois",
                    "correct": False,
                    "feedback": "Le stress, même intense, est un déclencheur de fasciculations bénignes.",
                },
                {
                    "text": "des maladies qui détruisent les motoneurones",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "une forte consommation de caféine chaque jour",
                    "correct": False,
                    "feedback": "La caféine est un déclencheur inoffensif.",
                },
                {
                    "text": "un effort sportif inhabituel et prolongé",
                    "correct": False,
                    "feedback": "Un sport intensif est un déclencheur inoffensif.",
                },
            ],
        },
        {
            "text": "Les fasciculations pathologiques peuvent être causées par :",
            "kind": "multiple",
            "category": "L2 · Fasciculation bénigne ou pathologique",
            "objective": "Distinguer une fasciculation bénigne d'une fasciculation pathologique.",
            "explanation": "Les fasciculations pathologiques sont liées à des maladies rares : les maladies qui détruisent les motoneurones, comme la SLA (leçon 2), mais aussi une tumeur cérébrale, une "
            "inflammation du cerveau ou une infection par des virus ou des bactéries (leçon 5). Le stress et la caféine sont des déclencheurs de fasciculations bénignes.",
            "choices": [
                {
                    "text": "un stress intense qui dure plusieurs mois",
                    "correct": False,
                    "feedback": "Le stress, même intense, est un déclencheur de fasciculations bénignes.",
                },
                {
                    "text": "une maladie qui détruit les motoneurones",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "une forte consommation de caféine",
                    "correct": False,
                    "feedback": "La caféine est un déclencheur inoffensif.",
                },
                {"text": "une tumeur cérébrale", "correct": True, "feedback": ""},
                {"text": "une inflammation du cerveau", "correct": True, "feedback": ""},
                {"text": "une infection virale ou bactérienne", "correct": True, "feedback": ""},
            ],
        },
    ),
    (
        {
            "text": "Des trois critères qui orientent, lequel est le plus utile pour distinguer une fasciculation bénigne d'une fasciculation pathologique ?",
            "kind": "single",
            "category": "L2 · Trois critères : fréquence, contexte, signes associés",
            "objective": "Citer les trois critères qui orientent : fréquence, contexte, signes associés.",
            "explanation": "Ce qui accompagne les fasciculations (les signes associés) est le critère le plus utile : une fasciculation bénigne est isolée, une fasciculation pathologique ne vient presque "
            "jamais seule. L'intensité n'est pas l'un des trois critères.",
            "choices": [
                {"text": "Les signes qui les accompagnent", "correct": True, "feedback": ""},
                {
                    "text": "La fréquence des fasciculations",
                    "correct": False,
                    "feedback": "La fréquence oriente, mais ce qui accompagne les fasciculations est le critère le plus utile.",
                },
                {
                    "text": "L'intensité des secousses",
                    "correct": False,
                    "feedback": "L'intensité n'est pas l'un des trois critères : des contractions d'intensité variable ont presque toujours des causes inoffensives.",
                },
                {
                    "text": "Le contexte de survenue",
                    "correct": False,
                    "feedback": "Le contexte oriente, mais ce qui accompagne les fasciculations est le critère le plus utile.",
                },
            ],
        },
        {
            "text": "Des trois critères qui orientent, lequel est le plus utile pour distinguer une fasciculation bénigne d'une fasciculation pathologique ?",
            "kind": "single",
            "category": "L2 · Trois critères : fréquence, contexte, signes associés",
            "objective": "Citer les trois critères qui orientent : fréquence, contexte, signes associés.",
            "explanation": "Ce qui accompagne les fasciculations (les signes associés) est le critère le plus utile : une fasciculation bénigne est isolée, une fasciculation pathologique ne vient presque "
            "jamais seule. L'intensité n'est pas l'un des trois critères.",
            "choices": [
                {"text": "La présence de signes associés", "correct": True, "feedback": ""},
                {
                    "text": "La fréquence des fasciculations",
                    "correct": False,
                    "feedback": "La fréquence oriente, mais ce qui accompagne les fasciculations est le critère le plus utile.",
                },
                {
                    "text": "L'intensité des secousses",
                    "correct": False,
                    "feedback": "L'intensité n'est pas l'un des trois critères : des contractions d'intensité variable ont presque toujours des causes inoffensives.",
                },
                {
                    "text": "Le contexte de survenue",
                    "correct": False,
                    "feedback": "Le contexte oriente, mais ce qui accompagne les fasciculations est le critère le plus utile.",
                },
            ],
        },
    ),
    (
        {
            "text": "Selon le critère de la fréquence, les fasciculations bénignes sont fréquentes : beaucoup de personnes en bonne santé en ressentent un jour.",
            "kind": "true_false",
            "category": "L2 · Trois critères : fréquence, contexte, signes associés",
            "objective": "Citer les trois critères qui orientent : fréquence, contexte, signes associés.",
            "explanation": "Les fasciculations bénignes sont fréquentes : beaucoup de personnes en bonne santé en ressentent un jour, en particulier au repos ou à l'endormissement. Les fasciculations "
            "pathologiques sont rares.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : les fasciculations bénignes sont fréquentes ; ce sont les pathologiques qui sont rares.",
                },
            ],
        },
        {
            "text": "Selon le critère de la fréquence, les fasciculations bénignes sont fréquentes : beaucoup de personnes en bonne santé en ressentent un jour.",
            "kind": "true_false",
            "category": "L2 · Trois critères : fréquence, contexte, signes associés",
            "objective": "Citer les trois critères qui orientent : fréquence, contexte, signes associés.",
            "explanation": "Les fasciculations bénignes ont des déclencheurs de la vie courante (stress, café, effort intense, endormissement) que presque tout le monde rencontre : c'est pourquoi beaucoup de "
            "personnes en bonne santé en ressentent un jour. Les fasciculations pathologiques, liées à des maladies rares, sont rares.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : les fasciculations bénignes sont fréquentes ; ce sont les pathologiques qui sont rares.",
                },
            ],
        },
    ),
    (
        {
            "text": "Quand les influx nerveux s'emballent, le muscle reçoit des signaux en excès et peut se contracter de façon incontrôlée.",
            "kind": "true_false",
            "category": "L3 · Influx nerveux excessif et contraction involontaire",
            "objective": "Expliquer comment un influx nerveux excessif provoque une contraction involontaire.",
            "explanation": "C'est le mécanisme décrit dans la leçon : des influx nerveux en excès font contracter le muscle de façon incontrôlée. La cause est presque toujours inoffensive.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : c'est ainsi que se produit une contraction involontaire.",
                },
            ],
        },
        {
            "text": "Quand les influx nerveux s'emballent, le muscle reçoit des signaux en excès et peut se contracter de façon incontrôlée.",
            "kind": "true_false",
            "category": "L3 · Influx nerveux excessif et contraction involontaire",
            "objective": "Expliquer comment un influx nerveux excessif provoque une contraction involontaire.",
            "explanation": "Un muscle se contracte chaque fois qu'il reçoit un influx nerveux venu du système nerveux central. S'il en reçoit trop, il se contracte aussi sans que la personne le veuille : la "
            "contraction est involontaire. La cause de cet emballement est presque toujours inoffensive (stress, caféine, effort…).",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : c'est ainsi que se produit une contraction involontaire.",
                },
            ],
        },
    ),
    (
        {
            "text": "Quelles sensations accompagnent souvent le syndrome des jambes sans repos ?",
            "kind": "multiple",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "Le syndrome des jambes sans repos s'accompagne de sensations désagréables : picotements, parfois douloureux, et sensations de brûlure. La perte de force et la fonte du muscle n'en "
            "font pas partie ; ce sont des signes d'alerte devant des fasciculations.",
            "choices": [
                {
                    "text": "Une fonte du muscle (amyotrophie)",
                    "correct": False,
                    "feedback": "L'amyotrophie n'est pas une sensation du syndrome ; devant des fasciculations, c'est un signe d'alerte.",
                },
                {
                    "text": "Une perte de force du muscle",
                    "correct": False,
                    "feedback": "La faiblesse musculaire n'est pas une sensation du syndrome ; devant des fasciculations, c'est un signe d'alerte.",
                },
                {"text": "Des sensations de brûlure", "correct": True, "feedback": ""},
                {"text": "Des picotements, parfois douloureux", "correct": True, "feedback": ""},
            ],
        },
        {
            "text": "Quelles sensations accompagnent souvent le syndrome des jambes sans repos ?",
            "kind": "multiple",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "Le syndrome des jambes sans repos s'accompagne de sensations désagréables : picotements, parfois douloureux, et sensations de brûlure. Le muscle garde sa force et ne se contracte "
            "pas comme dans une crampe : une faiblesse serait, devant des fasciculations, un signe d'alerte.",
            "choices": [
                {
                    "text": "Une sensation de faiblesse dans les jambes",
                    "correct": False,
                    "feedback": "La faiblesse n'est pas une sensation du syndrome ; devant des fasciculations, une faiblesse musculaire est un signe d'alerte.",
                },
                {
                    "text": "Une sensation de muscle dur et contracté",
                    "correct": False,
                    "feedback": "Un muscle dur et contracté évoque une crampe, pas le syndrome des jambes sans repos.",
                },
                {"text": "Une sensation de brûlure", "correct": True, "feedback": ""},
                {"text": "Des picotements, parfois douloureux", "correct": True, "feedback": ""},
            ],
        },
    ),
    (
        {
            "text": "Mme C., 50 ans, raconte que chaque soir, allongée, elle ressent dans les jambes des picotements et un besoin irrésistible de les bouger ; se lever et marcher la soulage. Qu'évoquent ces "
            "symptômes ?",
            "kind": "single",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "Envie irrésistible de bouger, picotements, survenue le soir au repos et soulagement par le mouvement : c'est le tableau du syndrome des jambes sans repos.",
            "choices": [
                {
                    "text": "Des fasciculations bénignes du mollet",
                    "correct": False,
                    "feedback": "Une fasciculation est un frémissement de quelques fibres, sans besoin de bouger.",
                },
                {
                    "text": "Des secousses hypniques répétées",
                    "correct": False,
                    "feedback": "La secousse hypnique est un sursaut bref à l'endormissement, sans besoin de bouger.",
                },
                {
                    "text": "Des crampes nocturnes",
                    "correct": False,
                    "feedback": "Une crampe est une contraction douloureuse et prolongée, pas un besoin de bouger.",
                },
                {"text": "Un syndrome des jambes sans repos", "correct": True, "feedback": ""},
            ],
        },
        {
            "text": "Mme C., 50 ans, raconte que chaque soir, allongée, elle ressent des picotements dans les mollets et un besoin irrésistible de bouger ; se lever et marcher la soulage. Qu'évoquent ces "
            "symptômes ?",
            "kind": "single",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "Envie irrésistible de bouger, picotements, survenue le soir au repos et soulagement par le mouvement : c'est le tableau du syndrome des jambes sans repos.",
            "choices": [
                {
                    "text": "Des fasciculations bénignes du mollet",
                    "correct": False,
                    "feedback": "Une fasciculation est un frémissement de quelques fibres, sans besoin de bouger.",
                },
                {
                    "text": "Une myoclonie d'endormissement",
                    "correct": False,
                    "feedback": "La myoclonie d'endormissement (secousse hypnique) est un sursaut bref à l'endormissement, sans besoin de bouger.",
                },
                {
                    "text": "Des crampes nocturnes",
                    "correct": False,
                    "feedback": "Une crampe est une contraction douloureuse et prolongée, pas un besoin de bouger.",
                },
                {"text": "Un syndrome des jambes sans repos", "correct": True, "feedback": ""},
            ],
        },
    ),
    (
        {
            "text": "Dans le syndrome des jambes sans repos, bouger (marcher, se lever, étirer les jambes) calme les symptômes.",
            "kind": "true_false",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "Le mouvement soulage : marcher, se lever ou étirer les jambes calme les symptômes, qui surviennent au repos.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : le soulagement par le mouvement est typique du syndrome.",
                },
            ],
        },
        {
            "text": "Dans le syndrome des jambes sans repos, bouger (marcher, se lever, étirer les jambes) calme les symptômes.",
            "kind": "true_false",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "Le soulagement par le mouvement est l'un des signes qui définissent le syndrome : l'envie irrésistible de bouger apparaît au repos (le soir, en position assise prolongée), et y "
            "céder en marchant, en se levant ou en étirant les jambes calme les symptômes. Une fasciculation, elle, ne s'accompagne pas d'un besoin de bouger.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : le soulagement par le mouvement est typique du syndrome.",
                },
            ],
        },
    ),
    (
        {
            "text": "Quel facteur aggrave les symptômes du syndrome des jambes sans repos ?",
            "kind": "single",
            "category": "L4 · Jambes sans repos : survenue et sensations",
            "objective": "Décrire le syndrome des jambes sans repos : moment de survenue et sensations associées.",
            "explanation": "Une carence en fer aggrave le syndrome des jambes sans repos. Les connaissances actuelles orientent vers le système de la dopamine et les réserves en fer ; le défaut de "
            "transmission de l'influx nerveux au muscle n'est qu'une hypothèse.",
            "choices": [
                {"text": "Une carence en fer", "correct": True, "feedback": ""},
                {
                    "text": "Une marche prolongée",
                    "correct": False,
                    "feedback": "Bouger, et donc marcher, soulage au contraire les symptômes.",
                },
                {
                    "text": "Un étirement des jambes",
                    "correct": False,
                    "feedback": "Étirer les jambes calme les symptômes.",
                },
                {
                    "text": "Un apport élevé en fer",
                    "correct": False,
                    "feedback": "C'est la carence en fer, non un apport élevé, qui aggrave les symptômes.",
                },
            ],
        },
        {
            "text": "Quel facteur aggrave les symptômes du syndrome des jambes sans repos ?",
            "kind": "single",
            "category": "L4 · Jambes sans repos ou fasciculations",
            "objective": "Distinguer le syndrome des jambes sans repos des fasciculations.",
            "explanation": "Une carence en fer aggrave le syndrome des jambes sans repos : les connaissances actuelles orientent vers les réserves en fer et le système de la dopamine. La carence en "
            "magnésium, elle, est un déclencheur de fasciculations : c'est l'une des différences entre les deux. Marcher ou étirer les jambes soulage au contraire les symptômes.",
            "choices": [
                {"text": "Une carence en fer", "correct": True, "feedback": ""},
                {
                    "text": "Une marche prolongée",
                    "correct": False,
                    "feedback": "Bouger, et donc marcher, soulage au contraire les symptômes.",
                },
                {
                    "text": "Un étirement des jambes",
                    "correct": False,
                    "feedback": "Étirer les jambes calme les symptômes.",
                },
                {
                    "text": "Une carence en magnésium",
                    "correct": False,
                    "feedback": "La carence en magnésium est un déclencheur de fasciculations ; pour le syndrome des jambes sans repos, c'est la carence en fer qui aggrave les symptômes.",
                },
            ],
        },
    ),
    (
        {
            "text": "Quelles caractéristiques appartiennent au syndrome des jambes sans repos, et non à la fasciculation ?",
            "kind": "multiple",
            "category": "L4 · Jambes sans repos ou fasciculations",
            "objective": "Distinguer le syndrome des jambes sans repos des fasciculations.",
            "explanation": "Envie irrésistible de bouger et soulagement par le mouvement caractérisent le syndrome des jambes sans repos. Le frémissement de quelques fibres, trop faible pour faire bouger le "
            "membre, caractérise la fasciculation.",
            "choices": [
                {
                    "text": "Une contraction trop faible pour bouger le membre",
                    "correct": False,
                    "feedback": "Cela décrit la fasciculation.",
                },
                {"text": "Un soulagement par le mouvement", "correct": True, "feedback": ""},
                {
                    "text": "Un frémissement de quelques fibres sous la peau",
                    "correct": False,
                    "feedback": "Cela décrit la fasciculation.",
                },
                {
                    "text": "Une envie irrésistible de bouger les jambes",
                    "correct": True,
                    "feedback": "",
                },
            ],
        },
        {
            "text": "Quelles caractéristiques appartiennent au syndrome des jambes sans repos, et non à la fasciculation ?",
            "kind": "multiple",
            "category": "L4 · Jambes sans repos ou fasciculations",
            "objective": "Distinguer le syndrome des jambes sans repos des fasciculations.",
            "explanation": "Envie irrésistible de bouger et soulagement par le mouvement caractérisent le syndrome des jambes sans repos. Le frémissement de quelques fibres, trop faible pour faire bouger le "
            "membre, caractérise la fasciculation.",
            "choices": [
                {
                    "text": "Une contraction trop faible pour bouger le membre",
                    "correct": False,
                    "feedback": "Cela décrit la fasciculation.",
                },
                {"text": "Un soulagement par le mouvement", "correct": True, "feedback": ""},
                {
                    "text": "Un frémissement de quelques fibres sous la peau",
                    "correct": False,
                    "feedback": "Cela décrit la fasciculation.",
                },
                {"text": "Une envie irrésistible de bouger", "correct": True, "feedback": ""},
            ],
        },
    ),
    (
        {
            "text": "Des infections par des virus ou des bactéries font partie des causes graves, et rares, de fasciculations pathologiques.",
            "kind": "true_false",
            "category": "L5 · Causes graves et rares",
            "objective": "Reconnaître les causes graves et rares de fasciculations pathologiques.",
            "explanation": "Les causes graves et rares sont les maladies qui détruisent les motoneurones, une tumeur cérébrale, une inflammation du cerveau et des infections par des virus ou des bactéries.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : les infections virales ou bactériennes font partie des causes graves, qui restent rares.",
                },
            ],
        },
        {
            "text": "Des infections par des virus ou des bactéries font partie des causes graves, et rares, de fasciculations pathologiques.",
            "kind": "true_false",
            "category": "L5 · Causes graves et rares",
            "objective": "Reconnaître les causes graves et rares de fasciculations pathologiques.",
            "explanation": "Une infection qui atteint le système nerveux peut, comme une tumeur cérébrale ou une inflammation du cerveau, perturber la commande des muscles : c'est pourquoi elle compte parmi "
            "les causes graves de fasciculations. Ces causes restent rares, et d'autres signes accompagnent alors les fasciculations.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : les infections virales ou bactériennes font partie des causes graves, qui restent rares.",
                },
            ],
        },
    ),
    (
        {
            "text": "Comment les causes graves de fasciculations se manifestent-elles le plus souvent ?",
            "kind": "single",
            "category": "L5 · Causes graves et rares",
            "objective": "Reconnaître les causes graves et rares de fasciculations pathologiques.",
            "explanation": "Les causes graves ne se manifestent presque jamais par des fasciculations isolées : d'autres signes les accompagnent, comme une faiblesse ou une amyotrophie.",
            "choices": [
                {
                    "text": "Par des secousses qui cèdent dès que l'on bouge la jambe",
                    "correct": False,
                    "feedback": "Le soulagement par le mouvement évoque le syndrome des jambes sans repos.",
                },
                {
                    "text": "Avec d'autres signes, comme une faiblesse ou une amyotrophie",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Par des fasciculations isolées, sans aucun autre signe",
                    "correct": False,
                    "feedback": "Non : elles ne se manifestent presque jamais par des fasciculations isolées.",
                },
                {
                    "text": "Par une envie irrésistible de bouger les jambes le soir",
                    "correct": False,
                    "feedback": "Cela évoque le syndrome des jambes sans repos.",
                },
            ],
        },
        {
            "text": "Comment les causes graves de fasciculations se manifestent-elles le plus souvent ?",
            "kind": "single",
            "category": "L5 · Causes graves et rares",
            "objective": "Reconnaître les causes graves et rares de fasciculations pathologiques.",
            "explanation": "Les causes graves atteignent le système nerveux, qui commande les muscles : elles ne se manifestent presque jamais par des fasciculations isolées, mais avec d'autres signes, comme "
            "une faiblesse ou une amyotrophie. Le soulagement par le mouvement et l'envie de bouger évoquent le syndrome des jambes sans repos.",
            "choices": [
                {
                    "text": "Par des secousses qui cèdent dès que l'on bouge la jambe",
                    "correct": False,
                    "feedback": "Le soulagement par le mouvement évoque le syndrome des jambes sans repos.",
                },
                {
                    "text": "Par des fasciculations avec une faiblesse ou une amyotrophie",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Par des fasciculations isolées, sans aucun autre signe",
                    "correct": False,
                    "feedback": "Non : elles ne se manifestent presque jamais par des fasciculations isolées.",
                },
                {
                    "text": "Par une envie irrésistible de bouger les jambes le soir",
                    "correct": False,
                    "feedback": "Cela évoque le syndrome des jambes sans repos.",
                },
            ],
        },
    ),
    (
        {
            "text": "Lesquelles de ces maladies neurologiques ne détruisent pas les motoneurones ?",
            "kind": "multiple",
            "category": "L5 · SLA, maladie type de la destruction des motoneurones",
            "objective": "Citer la sclérose latérale amyotrophique comme maladie type de la destruction des motoneurones.",
            "explanation": "La sclérose en plaques (maladie démyélinisante) et la maladie de Parkinson (perte des neurones dopaminergiques) ne détruisent pas les motoneurones, contrairement à une idée "
            "répandue. La SLA, ou maladie de Charcot, les détruit.",
            "choices": [
                {
                    "text": "La sclérose latérale amyotrophique",
                    "correct": False,
                    "feedback": "La SLA est justement la maladie type de la destruction des motoneurones.",
                },
                {"text": "La sclérose en plaques", "correct": True, "feedback": ""},
                {"text": "La maladie de Parkinson", "correct": True, "feedback": ""},
                {
                    "text": "La maladie de Charcot",
                    "correct": False,
                    "feedback": "La maladie de Charcot est un autre nom de la SLA, qui détruit les motoneurones.",
                },
            ],
        },
        {
            "text": "Quelles associations entre une maladie neurologique et ce qu'elle atteint sont exactes ?",
            "kind": "multiple",
            "category": "L5 · SLA, maladie type de la destruction des motoneurones",
            "objective": "Citer la sclérose latérale amyotrophique comme maladie type de la destruction des motoneurones.",
            "explanation": "La sclérose latérale amyotrophique (SLA, maladie de Charcot) est la maladie type de la destruction des motoneurones. La sclérose en plaques atteint la gaine de myéline (maladie "
            "démyélinisante) et la maladie de Parkinson, les neurones qui produisent la dopamine : ni l'une ni l'autre ne détruit les motoneurones.",
            "choices": [
                {
                    "text": "Sclérose latérale amyotrophique : les motoneurones",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Sclérose en plaques : la gaine de myéline",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Maladie de Parkinson : les neurones qui produisent la dopamine",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Sclérose latérale amyotrophique : la gaine de myéline",
                    "correct": False,
                    "feedback": "La SLA détruit les motoneurones ; c'est la sclérose en plaques qui atteint la gaine de myéline.",
                },
                {
                    "text": "Sclérose en plaques : les motoneurones",
                    "correct": False,
                    "feedback": "Non, contrairement à une idée répandue : la sclérose en plaques atteint la gaine de myéline, pas les motoneurones.",
                },
                {
                    "text": "Maladie de Parkinson : les motoneurones",
                    "correct": False,
                    "feedback": "Non, contrairement à une idée répandue : la maladie de Parkinson est due à la perte des neurones qui produisent la dopamine.",
                },
            ],
        },
    ),
    (
        {
            "text": "Pourquoi la maladie de Parkinson n'est-elle pas une maladie des motoneurones ?",
            "kind": "single",
            "category": "L5 · SLA, maladie type de la destruction des motoneurones",
            "objective": "Citer la sclérose latérale amyotrophique comme maladie type de la destruction des motoneurones.",
            "explanation": "La maladie de Parkinson est due à la perte des neurones dopaminergiques, qui produisent la dopamine. Elle ne détruit pas les motoneurones. La maladie type des motoneurones est la "
            "SLA.",
            "choices": [
                {
                    "text": "Elle est due à la perte des neurones qui produisent la dopamine",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "C'est une maladie des fibres musculaires, sans atteinte nerveuse",
                    "correct": False,
                    "feedback": "C'est une maladie neurologique : elle touche des neurones du cerveau.",
                },
                {
                    "text": "Elle atteint la gaine de myéline qui entoure les fibres nerveuses",
                    "correct": False,
                    "feedback": "Cela décrit la sclérose en plaques, maladie démyélinisante.",
                },
                {
                    "text": "C'est une infection virale du cerveau, qui guérit d'elle-même",
                    "correct": False,
                    "feedback": "La maladie de Parkinson n'est pas une infection.",
                },
            ],
        },
        {
            "text": "Pourquoi la maladie de Parkinson n'est-elle pas une maladie des motoneurones ?",
            "kind": "single",
            "category": "L5 · SLA, maladie type de la destruction des motoneurones",
            "objective": "Citer la sclérose latérale amyotrophique comme maladie type de la destruction des motoneurones.",
            "explanation": "La maladie de Parkinson est due à la perte des neurones dopaminergiques, qui produisent la dopamine. Elle ne détruit pas les motoneurones. La maladie type des motoneurones est la "
            "SLA.",
            "choices": [
                {
                    "text": "Elle est due à la perte des neurones qui produisent la dopamine",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "C'est une maladie des fibres musculaires, sans atteinte nerveuse",
                    "correct": False,
                    "feedback": "C'est une maladie neurologique : elle touche des neurones du cerveau.",
                },
                {
                    "text": "Elle atteint la gaine de myéline qui entoure les fibres nerveuses",
                    "correct": False,
                    "feedback": "Cela décrit la sclérose en plaques, maladie démyélinisante.",
                },
                {
                    "text": "Elle est due à une carence en fer dans le cerveau",
                    "correct": False,
                    "feedback": "Les réserves en fer sont évoquées pour le syndrome des jambes sans repos ; la maladie de Parkinson est due à la perte des neurones qui produisent la dopamine.",
                },
            ],
        },
    ),
    (
        {
            "text": "Des crampes associées à une faiblesse musculaire font partie des signes qui doivent faire demander un avis médical.",
            "kind": "true_false",
            "category": "L6 · Signes qui doivent faire consulter",
            "objective": "Reconnaître les signes qui doivent faire demander un avis médical devant des fasciculations.",
            "explanation": "Des crampes associées à une faiblesse figurent parmi les signes d'alerte, avec la faiblesse musculaire, l'amyotrophie, les difficultés à parler ou à avaler et les secousses qui "
            "s'étendent et persistent.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : associées à une faiblesse, des crampes sont un signe d'alerte.",
                },
            ],
        },
        {
            "text": "Des crampes associées à une faiblesse musculaire font partie des signes qui doivent faire demander un avis médical.",
            "kind": "true_false",
            "category": "L6 · Signes qui doivent faire consulter",
            "objective": "Reconnaître les signes qui doivent faire demander un avis médical devant des fasciculations.",
            "explanation": "Une crampe seule est fréquente et le plus souvent banale. Associée à une faiblesse, elle peut signaler une atteinte des motoneurones qui commandent le muscle, comme dans la SLA : "
            "c'est pourquoi elle doit faire demander un avis médical, pour que le médecin en recherche la cause.",
            "choices": [
                {"text": "Vrai", "correct": True, "feedback": ""},
                {
                    "text": "Faux",
                    "correct": False,
                    "feedback": "Si : associées à une faiblesse, des crampes sont un signe d'alerte.",
                },
            ],
        },
    ),
    (
        {
            "text": "Lequel de ces signes, associé à des fasciculations, doit faire demander un avis médical ?",
            "kind": "single",
            "category": "L6 · Signes qui doivent faire consulter",
            "objective": "Reconnaître les signes qui doivent faire demander un avis médical devant des fasciculations.",
            "explanation": "Des difficultés à parler ou à avaler sont un signe d'alerte. Une secousse isolée le soir, des frémissements après du café ou un sursaut à l'endormissement sont banals.",
            "choices": [
                {
                    "text": "Une secousse isolée le soir au coucher",
                    "correct": False,
                    "feedback": "Isolée, une secousse est presque toujours bénigne.",
                },
                {
                    "text": "Un sursaut de la jambe en s'endormant",
                    "correct": False,
                    "feedback": "C'est une secousse hypnique, inoffensive.",
                },
                {
                    "text": "Des frémissements après plusieurs cafés",
                    "correct": False,
                    "feedback": "La caféine est un déclencheur inoffensif.",
                },
                {"text": "Une difficulté à avaler", "correct": True, "feedback": ""},
            ],
        },
        {
            "text": "Lequel de ces signes, associé à des fasciculations, doit faire demander un avis médical ?",
            "kind": "single",
            "category": "L6 · Signes qui doivent faire consulter",
            "objective": "Reconnaître les signes qui doivent faire demander un avis médical devant des fasciculations.",
            "explanation": "Des difficultés à parler ou à avaler sont un signe d'alerte. Une fatigue n'est pas une faiblesse musculaire, une crampe n'alerte que si elle s'accompagne d'une faiblesse, et une "
            "secousse isolée le soir est banale.",
            "choices": [
                {
                    "text": "Une secousse isolée le soir au coucher",
                    "correct": False,
                    "feedback": "Isolée, une secousse est presque toujours bénigne.",
                },
                {
                    "text": "Une fatigue après plusieurs nuits de garde",
                    "correct": False,
                    "feedback": "Une fatigue n'est pas une faiblesse musculaire : le muscle garde sa force. Ici, les gardes l'expliquent.",
                },
                {
                    "text": "Une crampe nocturne du mollet",
                    "correct": False,
                    "feedback": "Une crampe seule n'est pas un signe d'alerte ; ce sont des crampes associées à une faiblesse qui doivent faire consulter.",
                },
                {"text": "Une difficulté à avaler", "correct": True, "feedback": ""},
            ],
        },
    ),
    (
        {
            "text": "Mme V., 67 ans, signale des secousses dans les cuisses depuis deux mois. Sa famille remarque qu'elle parle moins distinctement et qu'elle s'étouffe parfois en mangeant. Comment classer "
            "la situation ?",
            "kind": "single",
            "category": "L6 · Classer une situation clinique",
            "objective": "Classer une situation clinique simple : fasciculations probablement bénignes ou à faire évaluer.",
            "explanation": "Des fasciculations qui persistent depuis des semaines avec des difficultés à parler et à avaler : ce sont des signes d'alerte, à transmettre au médecin.",
            "choices": [
                {
                    "text": "À faire évaluer : elle a du mal à parler et à avaler",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Probablement bénignes : elle n'a pas de faiblesse",
                    "correct": False,
                    "feedback": "Les difficultés à parler et à avaler suffisent à demander un avis médical.",
                },
                {
                    "text": "Probablement bénignes : les secousses sont indolores",
                    "correct": False,
                    "feedback": "L'absence de douleur ne rassure pas : les difficultés à parler et à avaler sont des signes d'alerte.",
                },
                {
                    "text": "Probablement bénignes : l'âge explique ces troubles",
                    "correct": False,
                    "feedback": "L'âge n'explique pas des troubles de la parole et de la déglutition : ce sont des signes d'alerte.",
                },
            ],
        },
        {
            "text": "Mme V., 67 ans, signale des secousses dans les cuisses depuis deux mois. Sa famille remarque qu'elle parle moins distinctement et qu'elle s'étouffe parfois en mangeant. Comment classer "
            "la situation ?",
            "kind": "single",
            "category": "L6 · Classer une situation clinique",
            "objective": "Classer une situation clinique simple : fasciculations probablement bénignes ou à faire évaluer.",
            "explanation": "Elle parle moins distinctement (trouble de la parole) et s'étouffe en mangeant (trouble de la déglutition), avec des secousses qui persistent depuis des semaines : ce sont des "
            "signes d'alerte, à transmettre au médecin. C'est la présence de ces signes, et non son âge, qui oriente.",
            "choices": [
                {
                    "text": "À faire évaluer : troubles de la parole et de la déglutition",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Probablement bénignes : elle n'a pas de faiblesse",
                    "correct": False,
                    "feedback": "Les difficultés à parler et à avaler suffisent à demander un avis médical.",
                },
                {
                    "text": "Probablement bénignes : les secousses ne sont pas douloureuses",
                    "correct": False,
                    "feedback": "L'absence de douleur ne rassure pas : les difficultés à parler et à avaler sont des signes d'alerte.",
                },
                {
                    "text": "À faire évaluer : à son âge, toute secousse inquiète",
                    "correct": False,
                    "feedback": "L'âge n'est pas un signe d'alerte : des fasciculations isolées sont presque toujours bénignes, à tout âge. Ce sont ses troubles de la parole et de la déglutition qui "
                    "imposent un avis médical.",
                },
            ],
        },
    ),
    (
        {
            "text": "M. G., 45 ans, traverse une période de stress au travail. Depuis six semaines, il sent des secousses dans le mollet gauche ; il trébuche plus souvent et ce mollet a visiblement maigri. "
            "Comment classer la situation ?",
            "kind": "single",
            "category": "L6 · Classer une situation clinique",
            "objective": "Classer une situation clinique simple : fasciculations probablement bénignes ou à faire évaluer.",
            "explanation": "Le stress pourrait expliquer des secousses isolées, mais ici elles persistent depuis des semaines, avec une faiblesse (il trébuche) et une amyotrophie (le mollet a maigri) : un "
            "avis médical est nécessaire.",
            "choices": [
                {
                    "text": "Probablement bénignes : le stress suffit à expliquer les secousses",
                    "correct": False,
                    "feedback": "Un déclencheur n'écarte pas les signes d'alerte : faiblesse et amyotrophie imposent un avis médical.",
                },
                {
                    "text": "Probablement bénignes : il s'agit de crampes liées au stress",
                    "correct": False,
                    "feedback": "Il décrit des secousses, et des crampes avec faiblesse seraient elles aussi un signe d'alerte.",
                },
                {
                    "text": "À faire évaluer : faiblesse et amyotrophie accompagnent les secousses",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "Probablement bénignes : les secousses ne touchent qu'une jambe",
                    "correct": False,
                    "feedback": "Le siège ne rassure pas : la faiblesse et l'amyotrophie sont des signes d'alerte.",
                },
            ],
        },
        {
            "text": "M. G., 45 ans, traverse une période de stress au travail. Depuis six semaines, il sent des secousses dans le mollet gauche ; il trébuche plus souvent et ce mollet a visiblement maigri. "
            "Comment classer la situation ?",
            "kind": "single",
            "category": "L6 · Classer une situation clinique",
            "objective": "Classer une situation clinique simple : fasciculations probablement bénignes ou à faire évaluer.",
            "explanation": "Le stress pourrait expliquer des secousses isolées, mais ici elles persistent depuis des semaines, avec une faiblesse (il trébuche) et une amyotrophie (le mollet a maigri) : un "
            "avis médical est nécessaire.",
            "choices": [
                {
                    "text": "Probablement bénignes : le stress suffit à expliquer les secousses",
                    "correct": False,
                    "feedback": "Un déclencheur n'écarte pas les signes d'alerte : faiblesse et amyotrophie imposent un avis médical.",
                },
                {
                    "text": "Probablement bénignes : il s'agit de crampes liées au stress",
                    "correct": False,
                    "feedback": "Il décrit des secousses, et des crampes avec faiblesse seraient elles aussi un signe d'alerte.",
                },
                {
                    "text": "À faire évaluer : faiblesse et amyotrophie accompagnent les secousses",
                    "correct": True,
                    "feedback": "",
                },
                {
                    "text": "À faire évaluer : un stress qui dure finit par abîmer les nerfs",
                    "correct": False,
                    "feedback": "Le stress, même prolongé, est un déclencheur inoffensif. Ce sont la faiblesse et l'amyotrophie qui imposent un avis médical.",
                },
            ],
        },
    ),
]


def revise(apps, schema_editor):
    from elearning.content import revise_shipped_questions

    return revise_shipped_questions(REVISIONS, apps)


def restore(apps, schema_editor):
    from elearning.content import revise_shipped_questions

    return revise_shipped_questions(REVISIONS, apps, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0009_instructors_draft_permissions"),
        ("quiz", "0003_question_drafts"),
    ]

    operations = [
        migrations.RunPython(revise, restore),
    ]
