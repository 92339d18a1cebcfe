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
    (("isolé", "isolée", "isolés", "isolées"), ("associé", "associée", "associés", "associées")),
]  # fmt: skip
