"""Signs that a sentence is not clean French, as a machine translation leaves it ('dans le
jambe', 'du contraction', 'magnésium carence', 'virus or les bactéries'): a question drafted
from it would copy the slip. The engine does not correct the text; it leaves such a sentence
out, and the instructor edits the lesson."""

import re
from functools import lru_cache

from .lexicon import GENDER_OF_WORD
from .pipeline import parse

# Nouns that French puts right after another noun ('la maladie type', 'un mot clé').
NOUN_MODIFIERS = {
    "type", "clé", "clef", "cible", "modèle", "témoin", "standard", "limite", "pilote",
    "phare", "record", "éclair", "choc", "relais", "tampon", "retard", "minute", "express",
    "droit", "droite", "gauche",
}  # fmt: skip


# Word-for-word translations a machine leaves in French health texts, each with what French
# says: 'une condition neurologique' (a neurological condition: une maladie), 'court de
# souffle' (short of breath: essoufflé), 'sur un estomac vide' (on an empty stomach: à
# jeun), 'sur le comptoir' (over the counter: sans ordonnance), 'prendre place' (take
# place: avoir lieu), 'la pression sanguine' (blood pressure: la pression artérielle),
# 'diagnostiqué avec' (diagnosed with: chez qui on a diagnostiqué), 'commander un examen'
# (order a test: prescrire), 'une attaque de migraine, d'asthme' (une crise), 'faire du
# sens' (make sense: avoir du sens), 'adresser le problème' (address: traiter).
CALQUES = re.compile(
    r"\bconditions? (?:neurologiques?|médicales?|fréquentes?|chroniques?|rares?|graves?"
    r"|cardiaques?|sous-jacentes?)\b"
    r"|\bcourte?s? de souffle\b|\bsur un estomac vide\b|\bsur le comptoir\b"
    r"|\bpren(?:d|dre|nent|ait|aient) place\b|\bpressions? sanguines?\b"
    r"|\bdiagnostiqué(?:e|s|es)? avec\b"
    r"|\bcommand(?:er|e|ent|é|ée) (?:une?|des|la|le|l')\s?(?:examen|fibroscopie|prise de sang"
    r"|radiographie|scanner|IRM|bilan|analyse)"
    r"|\battaques? (?:de migraine|d'asthme|d’asthme)\b|\bfai(?:t|re|ent) du sens\b"
    r"|\badresser (?:le|ce|les|ces) problèmes?\b"
    r"|\bcontinu(?:er|e|ent)\s+pour\s+(?:\d+|un|une|deux|trois|quatre|six|quelques)\s+"
    r"(?:jours?|semaines?|mois|ans?|années?)\b",
    re.IGNORECASE,
)


def has_slips(span, gender_of):
    """Whether the sentence shows a slip: a machine translation's calque (CALQUES), an
    article of the wrong gender for its noun, an adjective that does not agree with its
    subject, two common nouns side by side, 'or' inside a sentence, a subject without its
    article."""
    if CALQUES.search(span.text):
        return True
    tokens = list(span)
    for index, token in enumerate(tokens):
        if token.pos_ == "NOUN" and _wrong_article(token, gender_of):
            return True
        if token.pos_ == "ADJ" and _disagrees(token):
            return True
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            following is not None
            and token.pos_ == "NOUN"
            and following.pos_ == "NOUN"
            and token.whitespace_ != ""
            and following.lower_ not in NOUN_MODIFIERS
            and following.text.islower()
            and following.dep_ not in ("appos", "conj", "flat", "flat:name", "amod")
        ):
            return True  # 'une carence magnésium'
        if token.lower_ == "or" and index > 0 and token.text == "or":
            return True  # 'des virus or les bactéries'
        if "Inf" in token.morph.get("VerbForm") and any(
            c.dep_ in ("nsubj", "nsubj:pass") for c in token.children
        ):
            return True  # 'Les anticorps bloquer ...': an infinitive with a subject
    root = span.root
    if root.pos_ == "NOUN" and any(
        c.dep_ == "acl" and "Inf" in c.morph.get("VerbForm") and c.i == root.i + 1
        for c in root.children
    ):
        return True  # 'Les anticorps bloquer et détruire ...', read as a noun and its infinitive
    first = tokens[0] if tokens else None
    return (  # 'Secousses soudaines dans le jambe n'ont ...': a subject without its article
        first is not None
        and first.pos_ == "NOUN"
        and first.dep_.startswith("nsubj")
        and first.lower_.endswith(("s", "x"))
        and not any(c.dep_ == "det" for c in first.children)
    )


def _wrong_article(noun, gender_of):
    article = next(
        (c for c in noun.children if c.dep_ in ("det", "case") and c.lower_ in GENDER_OF_WORD),
        None,
    )
    if article is None:
        return False
    if any(t.pos_ != "ADJ" for t in noun.doc[article.i + 1 : noun.i]):
        return False  # only adjectives between them ('une simple mal'): they agree too
    said = GENDER_OF_WORD[article.lower_]
    known = gender_of.get(noun.lemma_.lower()) or lexical_gender(noun.lemma_.lower())
    if known is not None and known != said:
        return True  # 'dans le jambe' where the text and French say 'la jambe'
    seen = noun.morph.get("Gender")
    return bool(seen) and seen[0] != said and article.lower_ in ("du", "au")


def _disagrees(adjective):
    """A predicate adjective whose gender is not its subject's ('les contractions sont
    inoffensifs'); epicene adjectives ('rare') carry no gender and never disagree."""
    if not any(c.dep_ == "cop" for c in adjective.children):
        return False
    subjects = [c for c in adjective.children if c.dep_.startswith("nsubj")]
    if not subjects or subjects[0].pos_ != "NOUN":
        return False
    mine, theirs = adjective.morph.get("Gender"), subjects[0].morph.get("Gender")
    return bool(mine and theirs) and mine != theirs


@lru_cache(maxsize=2048)
def lexical_gender(lemma):
    """The gender spaCy's model gives a noun seen without an article, or None: a second
    opinion where the text uses both genders as often ('le jambe', 'la jambe')."""
    doc = parse(f"Il voit {lemma}.")
    nouns = [t for t in doc if t.lower_ == lemma and t.pos_ == "NOUN"]
    genders = nouns[0].morph.get("Gender") if nouns else []
    return genders[0] if genders else None
