"""French words the rules need: articles and the gender they show, function words, nouns
too general to ask about, and contrasting pairs with every inflection."""

ARTICLES = {"le", "la", "l'", "les", "un", "une", "des"}


GENDER_OF_WORD = {
    "le": "Masc",
    "un": "Masc",
    "du": "Masc",
    "au": "Masc",
    "ce": "Masc",
    "cet": "Masc",
    "la": "Fem",
    "une": "Fem",
    "cette": "Fem",
}


FUNCTION_WORDS = {
    "le", "la", "les", "l'", "de", "des", "du", "d'", "un", "une", "et", "est", "en", "à",
    "que", "qui", "dans", "pour", "pas", "ne", "n'", "sur", "au", "aux", "par", "se", "s'",
    "sont", "il", "elle", "ils", "elles", "ou", "avec", "ce", "ces", "son", "sa", "ses",
}  # fmt: skip


# Nouns too general to be the point of a question.
GENERIC_NOUNS = {
    "personne", "cas", "mot", "suite", "moment", "fois", "partie", "exemple", "façon",
    "manière", "chose", "jour", "temps", "question", "leçon", "cours", "point", "fin",
    "début", "ensemble", "type", "sorte", "plupart", "nombre", "place", "rôle", "situation",
    "analyse", "critère", "différence", "pratique", "contraire", "peu", "an", "année",
}  # fmt: skip


# Words that make a sentence a remark about the course, a hedge or a reference elsewhere:
# no statement to test.
META_LEMMAS = {
    "leçon", "cours", "hypothèse", "voir", "penser", "suivant", "situation", "critère",
    "analyse",
}  # fmt: skip


ANAPHORS = {
    "ce", "ces", "cette", "cet", "ceux-ci", "celui-ci", "celle-ci", "cela", "ça", "son", "sa",
    "ses", "leur", "leurs",
}  # fmt: skip


CLITICS = {"se", "s'", "me", "m'", "te", "t'", "nous", "vous", "le", "la", "les", "l'",
            "lui", "leur", "y", "en"}  # fmt: skip


VOWELS = tuple("aeiouyhâàéèêëîïôöûüœAEIOUYHÂÀÉÈÊËÎÏÔÖÛÜŒ")


# Contrasting words, every inflection in the same slot (masc. sing., fem. sing., masc. plur.,
# fem. plur.), so that a swap keeps agreement by construction. A pair is only used when the
# course itself uses both of its words.
CONTRASTS = [
    (("bénin", "bénigne", "bénins", "bénignes"),
     ("pathologique", "pathologique", "pathologiques", "pathologiques")),
    (("fréquent", "fréquente", "fréquents", "fréquentes"), ("rare", "rare", "rares", "rares")),
    (("fréquemment",), ("rarement",)),
    (("courant", "courante", "courants", "courantes"), ("rare", "rare", "rares", "rares")),
    (("inoffensif", "inoffensive", "inoffensifs", "inoffensives"),
     ("grave", "grave", "graves", "graves")),
    (("normal", "normale", "normaux", "normales"),
     ("anormal", "anormale", "anormaux", "anormales")),
    (("volontaire", "volontaire", "volontaires", "volontaires"),
     ("involontaire", "involontaire", "involontaires", "involontaires")),
    (("bref", "brève", "brefs", "brèves"), ("prolongé", "prolongée", "prolongés", "prolongées")),
    (("central", "centrale", "centraux", "centrales"),
     ("périphérique", "périphérique", "périphériques", "périphériques")),
    (("intrinsèque", "intrinsèque", "intrinsèques", "intrinsèques"),
     ("extrinsèque", "extrinsèque", "extrinsèques", "extrinsèques")),
    (("aigu", "aiguë", "aigus", "aiguës"),
     ("chronique", "chronique", "chroniques", "chroniques")),
    (("bénin", "bénigne", "bénins", "bénignes"), ("malin", "maligne", "malins", "malignes")),
    (("moteur", "motrice", "moteurs", "motrices"),
     ("sensitif", "sensitive", "sensitifs", "sensitives")),
    (("rapide", "rapide", "rapides", "rapides"), ("lent", "lente", "lents", "lentes")),
    (("rapidement",), ("lentement",)),
    (("précoce", "précoce", "précoces", "précoces"),
     ("tardif", "tardive", "tardifs", "tardives")),
    (("transitoire", "transitoire", "transitoires", "transitoires"),
     ("permanent", "permanente", "permanents", "permanentes")),
    (("réversible", "réversible", "réversibles", "réversibles"),
     ("irréversible", "irréversible", "irréversibles", "irréversibles")),
    (("unilatéral", "unilatérale", "unilatéraux", "unilatérales"),
     ("bilatéral", "bilatérale", "bilatéraux", "bilatérales")),
    (("proximal", "proximale", "proximaux", "proximales"),
     ("distal", "distale", "distaux", "distales")),
    (("élevé", "élevée", "élevés", "élevées"), ("bas", "basse", "bas", "basses")),
    (("supérieur", "supérieure", "supérieurs", "supérieures"),
     ("inférieur", "inférieure", "inférieurs", "inférieures")),
    (("léger", "légère", "légers", "légères"), ("sévère", "sévère", "sévères", "sévères")),
    (("augmente", "augmente", "augmentent", "augmentent"),
     ("diminue", "diminue", "diminuent", "diminuent")),
    (("augmenté", "augmentée", "augmentés", "augmentées"),
     ("diminué", "diminuée", "diminués", "diminuées")),
    (("positif", "positive", "positifs", "positives"),
     ("négatif", "négative", "négatifs", "négatives")),
    (("interne", "interne", "internes", "internes"),
     ("externe", "externe", "externes", "externes")),
    (("actif", "active", "actifs", "actives"), ("inactif", "inactive", "inactifs", "inactives")),
    (("flasque", "flasque", "flasques", "flasques"),
     ("spastique", "spastique", "spastiques", "spastiques")),
]  # fmt: skip


# Words that open a sentence to tie it to the one before; a statement read on its own
# does without them.
CONNECTIVES = (
    "cependant", "de plus", "en effet", "par ailleurs", "ainsi", "enfin", "en outre",
    "toutefois", "néanmoins", "d'autre part", "d’autre part", "pourtant", "donc", "or",
    "en revanche", "par conséquent", "d'ailleurs", "d’ailleurs", "en fait", "au contraire",
    "de même", "en conclusion", "finalement", "en résumé", "concrètement", "en pratique",
    "mais", "et", "puis", "aussi",
)  # fmt: skip


# Subject pronouns that stand for a noun phrase of the text: (gender, number).
SUBJECT_PRONOUNS = {
    "il": ("Masc", "Sing"), "elle": ("Fem", "Sing"),
    "ils": ("Masc", "Plur"), "elles": ("Fem", "Plur"),
}  # fmt: skip


DEMONSTRATIVE_PRONOUNS = {
    "celui-ci": ("Masc", "Sing"), "celle-ci": ("Fem", "Sing"),
    "ceux-ci": ("Masc", "Plur"), "celles-ci": ("Fem", "Plur"),
    "celui": ("Masc", "Sing"), "celle": ("Fem", "Sing"),
    "ceux": ("Masc", "Plur"), "celles": ("Fem", "Plur"),
    "cela": ("Masc", "Sing"), "ceci": ("Masc", "Sing"), "ça": ("Masc", "Sing"),
}  # fmt: skip


# Object pronouns that stand for something said before ('de les distinguer').
OBJECT_CLITICS = {"le", "la", "l'", "les", "lui", "leur", "en"}


# Symbols lecture notes use as verbs ('score ≥ 2/5 = douleur probable', 'Asthme =
# inflammation → ...'): a part of a text with one is a note, not a phrase to quote.
NOTE_SYMBOLS = r"→|⇒|≥|≤|≠|(?<![\w(])[<>](?!\w)|\s=\s|^=\s"


# Words that send the reader elsewhere in the text.
POINTING_WORDS = {
    "ci-dessus", "ci-dessous", "précédemment", "précédent", "précédente", "précédents",
    "précédentes", "suivant", "suivante", "suivants", "suivantes", "ici", "là",
    "ceux-ci", "celles-ci", "celui-ci", "celle-ci", "ce dernier", "cette dernière",
    "dernier", "dernière", "derniers", "dernières", "premier", "première", "second",
    "seconde", "même", "alors",
}  # fmt: skip


# Nouns that name something of a disease, said 'de' it: a statement that opens on one of
# them without saying of what ('Le symptôme le plus fréquent est une fatigue') is said of
# the text's topic ('Le symptôme le plus fréquent de l'anémie …'). Not 'le risque' (de
# BPCO, without the article), not 'l'examen' (neurologique: of the patient).
OF_THE_TOPIC = {
    "symptôme", "signe", "manifestation", "traitement", "diagnostic", "pronostic", "cause",
    "origine", "évolution", "complication", "forme", "mécanisme", "danger", "prévalence",
    "incidence",
}  # fmt: skip


# Nouns that name something of something else: as a subject with 'le', 'la' or 'les' and
# no complement ('La cause exacte n'est pas connue'), they point back to the topic.
RELATIONAL_NOUNS = {
    "cause", "origine", "traitement", "diagnostic", "symptôme", "signe", "évolution",
    "pronostic", "mécanisme", "prévalence", "incidence", "fréquence", "durée", "début",
    "apparition", "conséquence", "complication", "objectif", "but", "risque", "maladie",
    "syndrome", "trouble", "affection", "phénomène", "crise", "forme", "atteinte",
    "survenue", "prise", "surveillance", "examen", "effet",
    "manifestation", "lésion", "douleur", "test", "résultat", "taux", "dose", "danger",
    "reste", "rôle", "intérêt", "avantage", "inconvénient", "limite", "principe",
}  # fmt: skip


# Participles that qualify people by the disease the text is about ('les personnes
# touchées'): without a complement, by what is not said.
TOPIC_PARTICIPLES = {"toucher", "atteindre", "concerner", "affecter", "souffrir", "épargner"}


# Words that make a statement partial, graded or hedged: negating such a statement does not
# give clean French that plainly says the opposite ('ne laisse pas peu de doute', 'ne se
# produisent pas également occasionnellement').
HEDGES = {
    "peu", "parfois", "également", "aussi", "souvent", "généralement", "habituellement",
    "toujours", "jamais", "presque", "environ", "près", "plusieurs", "quelques", "quelque",
    "beaucoup", "certains", "certaines", "certain", "certaine", "tous", "toutes", "tout",
    "toute", "chaque", "aucun", "aucune", "nul", "nulle", "rarement", "fréquemment",
    "occasionnellement", "surtout", "notamment", "particulièrement", "particulier",
    "principalement", "essentiellement", "très", "trop", "assez", "plus", "moins",
    "seulement", "uniquement", "seul", "seule", "seuls", "seules", "même", "encore", "déjà",
    "plupart", "éventuellement", "possible", "possibles", "probablement", "voire", "que",
    "normalement", "volontiers", "facilement", "fortement", "légèrement", "partiellement",
    "entièrement", "totalement", "complètement", "guère", "davantage", "autant", "si", "tant",
}  # fmt: skip


HEDGE_LEMMAS = {"pouvoir", "sembler", "paraître", "devoir", "falloir", "penser", "estimer"}


# Phrases that tie a statement to what came before.
POINTING_PHRASES = (
    "à leur tour", "à son tour", "de même", "pour cela", "d'où", "d’où", "dans ce cas",
    "dans ces cas", "par rapport à", "comme on l'a vu", "comme indiqué",
)  # fmt: skip


# Adverbs that tie a clause to the one before; a standalone statement does without them.
TYING_ADVERBS = {"donc", "également", "aussi", "ensuite", "puis", "enfin"}


# Nouns for a share of something: as a subject without a complement, a share of what?
SHARES = {"reste", "moitié", "tiers", "quart", "majorité", "minorité", "part", "%", "pourcent"}


# Verbs French uses with an impersonal 'il'.
IMPERSONAL_VERBS = {
    "exister", "falloir", "avoir", "arriver", "suffire", "convenir", "sembler",
    "rester", "manquer", "paraître", "importer", "valoir", "être", "survenir", "apparaître",
}  # fmt: skip


# Endings that make medical words of one family: two key terms built the same way are
# plausible distractors for each other ('l'hypocalcémie' for 'l'hypomagnésémie').
MEDICAL_SUFFIXES = (
    "émie", "ite", "ose", "pathie", "plégie", "parésie", "algie", "ectomie", "tomie",
    "graphie", "gramme", "scopie", "thérapie", "phobie", "trophie", "spasme", "asthénie",
    "urie", "pnée", "cardie", "tension", "mie",
)  # fmt: skip


# Adverb pairs that follow an adjective pair, by the first word of each: a text that
# opposes 'fréquentes' and 'rares' opposes 'fréquemment' and 'rarement' too.
CONTRAST_FAMILIES = [("fréquemment", "fréquent"), ("rapidement", "rapide")]


# Words that leave a noun phrase vague out of its sentence ('une secousse seule', 'des deux
# jambes'): no distractor.
VAGUE_WORDS = {
    "seul", "seule", "seuls", "seules", "deux", "trois", "quatre", "autre", "autres",
    "certain", "certaine", "certains", "certaines", "tel", "telle", "tels", "telles",
    "plusieurs", "quelques", "divers", "diverses", "nombreux", "nombreuses",
}  # fmt: skip


# Words that judge without saying for what: 'l'examen clé', 'un rôle important', 'le geste
# le plus efficace', 'la surveillance est essentielle'. Said without a complement, the
# statement means nothing away from its lesson.
EVALUATIVE_WORDS = {
    "important", "essentiel", "primordial", "fondamental", "capital", "crucial", "utile",
    "indispensable", "simple", "efficace", "clé", "clef", "principal", "majeur", "central",
}  # fmt: skip


# A subject that counts without naming ('Deux signes d'examen recherchent ...'): which ones?
COUNT_WORDS = {"deux", "trois", "quatre", "cinq", "plusieurs"}


# What a clinical statement is said of, that holds only in the disease the text is about:
# 'Le médecin recherche les anticorps', 'L'électromyogramme montre une diminution ...',
# 'La main prend l'attitude ...', 'Une poussée gênante est traitée par ...'. Such a
# statement is tied to the text's topic ('Dans la myasthénie, le médecin ...').
CLINICAL_SUBJECTS = {
    # people
    "médecin", "infirmier", "infirmière", "soignant", "patient", "malade", "personne",
    # examinations
    "examen", "test", "bilan", "électromyogramme", "irm", "scanner", "ponction", "biopsie",
    "dosage", "prise", "analyse", "électroencéphalogramme", "radiographie",
    "électroneuromyogramme", "électroneuromyographie", "enmg", "emg", "échographie",
    "bandelette", "ecbu", "ionogramme", "ostéodensitométrie", "spirométrie", "ecg",
    "électrocardiogramme", "gazométrie",
    # what the patient feels or shows
    "dyspnée", "essoufflement", "œdème", "toux", "fièvre", "confusion",
    # what the disease does, how it goes
    "poussée", "crise", "forme", "symptôme", "signe", "traitement", "évolution", "atteinte",
    "diagnostic", "pronostic", "complication", "récidive", "rechute", "récupération",
    "guérison", "mortalité", "séquelle", "paralysie", "faiblesse", "déficit",
    # what treats it
    "corticoïde", "médicament", "immunoglobuline", "plasmaphérèse", "antalgique",
    "prévention", "surveillance", "hospitalisation", "oxygénothérapie",
    # the body as the text describes it
    "main", "pied", "jambe", "bras", "visage", "paupière", "œil", "bouche", "voix",
}  # fmt: skip


# Nouns that name lists of one kind of thing (in the singular): two
# lists named from one family are of one kind, the other's items plausible distractors
# ('Les déclencheurs courants' against 'Les causes graves'); a list of signs against a list
# of causes is not.
LABEL_FAMILIES = {
    **dict.fromkeys(("cause", "déclencheur", "facteur", "origine", "étiologie"), "cause"),
    **dict.fromkeys(("signe", "symptôme", "trouble", "manifestation"), "signe"),
    **dict.fromkeys(("traitement", "médicament", "mesure", "geste", "soin"), "soin"),
}


# Whoever gives care: what they do, negated, is false by common sense alone ('L'infirmier ne
# prévient pas le médecin'), which tests nothing the lesson taught.
CAREGIVERS = {"infirmier", "infirmière", "soignant", "soignante", "médecin", "ide", "aide-soignant"}


# Words that say a sentence gives a reason or a consequence: the sentence an explanation
# should quote beside the source (quiz.drafting.explanations). Matched with a space either
# side, in lower case, apostrophes straight.
REASON_MARKERS = (
    " car ", " parce que ", " parce qu'", " en effet", "en effet,", " c'est pourquoi",
    " donc ", " ce qui ", " afin de ", " afin d'", " pour éviter", " pour limiter",
    " pour prévenir", " en raison d", " du fait d", " à cause d", " grâce à", " permet ",
    " permettent ", " entraîne", " provoque", " explique", " risque", " sinon ",
    " car il", " de sorte que", " si bien que",
)  # fmt: skip


# Lemmas too common to tie two sentences together: every sentence of a health text has
# them.
GENERIC_LEMMAS = {
    "être", "avoir", "pouvoir", "faire", "devoir", "falloir", "aller", "venir", "dire",
    "patient", "patiente", "personne", "cas", "fois", "souvent", "plus", "moins",
    "important", "fréquent", "rare", "certain", "autre", "premier", "grand", "petit",
    "maladie", "trouble", "signe", "symptôme", "soin", "infirmier", "infirmière",
}  # fmt: skip
