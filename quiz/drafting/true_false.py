"""True/false items: the sentence as it stands, or made false by swapping a contrasting word
the course uses, by adding or removing a negation on the main verb, or by swapping a key term."""

import re
from dataclasses import replace

from .analysis import (
    claims,
    is_hedged,
    is_key_phrase,
    parse_is_unsure,
    said_of,
    says_on,
    terms_of,
)
from .drafts import (
    FALSE,
    TRUE,
    TRUE_FALSE,
    capitalise,
    explains_more,
    inner_quotes,
    make_draft,
    normalise,
    quoted,
)
from .figures import figures_of
from .lexicon import (
    CAREGIVERS,
    CLITICS,
    CONTRASTS,
    COUNT_WORDS,
    GENDER_OF_WORD,
    HEDGE_LEMMAS,
    HEDGES,
    VOWELS,
)
from .pipeline import parse


def true_false_drafts(sentence, course):
    """A false statement the text plainly contradicts (a contrasting word swapped, or the
    main verb negated where that gives clean French), with the true statement beside it; a
    true statement alone only where the sentence is about one of the text's key terms."""
    if claims(sentence.span) > 1 or says_on(sentence.span):
        return []  # 'Vrai' or 'Faux' would say nothing precise
    if is_a_list(sentence.span):
        first = first_of_a_list(sentence.span)
        if first is None:
            return []  # 'Vrai' or 'Faux' would say nothing precise
        span = parse(first)[:]
        sentence = replace(sentence, span=span, text=first, terms=terms_of(span))
    if _bare_pronominal(sentence.span):
        return []  # 'Le GCS se compare': with what? Neither it nor its negation teaches
    drafts = []
    unsure = parse_is_unsure(sentence.span)
    swapped = _contrast_swap(sentence, course)
    if swapped:
        score = 3.0 - 0.3 * unsure - 0.8 * is_hedged(sentence.span)
        drafts.append(_statement(swapped, False, sentence, score, course))
    if not unsure and can_negate(sentence.span):
        toggled, removed = _negation_toggle(sentence.span)
        if toggled and not removed and getattr(sentence, "of_topic", False):
            toggled = None  # 'L'ostéoporose n'augmente pas le risque de fracture': absurd
        if toggled:
            drafts.append(_statement(toggled, False, sentence, 2.9 if removed else 2.6, course))
    drafts = [draft for draft in drafts if draft is not None]
    if not drafts and not worth_stating(sentence.span):
        return []
    if drafts or any(is_key_phrase(term, course) for term in sentence.terms):
        score = 1.3 - 0.3 * unsure - 0.3 * (not explains_more(sentence))  # it says it again
        drafts.append(_statement(sentence.text, True, sentence, score, course))
    return [draft for draft in drafts if draft is not None]


def first_of_a_list(span):
    """The claim of a list's first item, where the list is what the main verb does and ends
    the sentence: 'Le séjour prolongé au sol expose à la déshydratation, à l'hypothermie et
    à des escarres' -> 'Le séjour prolongé au sol expose à la déshydratation.' Each item is
    a claim of its own, and the first one holds alone (the explanation quotes the whole
    sentence). None where it would not: what a thing is ('Les plus utilisés sont A, B et
    C' would become the only one), alternatives ('ou'), a list as the subject, a list
    the rest of the sentence qualifies, a hedge or a restriction ('ne ... que')."""
    root = span.root
    if root.pos_ != "VERB" or "Fin" not in root.morph.get("VerbForm"):
        return None
    if any(c.dep_ == "cop" for c in root.children) or is_hedged(span):
        return None
    subject = next((c for c in root.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.i > root.i or any(c.dep_ == "conj" for c in subject.children):
        return None
    if any(t.lower_ in ("ou", "que", "qu'", "seul", "seule", "seuls", "seules") for t in span):
        return None
    commas = [t for t in span if t.text == "," and t.i > root.i]
    if not commas or any(t.text == "," and t.i < root.i for t in span):
        return None  # no list after the verb, or one before it (its subject?)
    rest = [t for t in span if t.i > commas[0].i and not t.is_punct]
    if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in rest):
        return None  # a clause of its own after the comma, not the list's items
    ands = [t for t in rest if t.lower_ == "et"]
    if len(ands) != 1:
        return None
    # the items open alike ('à la …, à l'…, à des … et à une …'), the first one too
    alike = set.intersection(*(_opening(span.doc[t.i + 1]) for t in [*commas, ands[0]]))
    if not alike & set().union(*(_opening(t) for t in span if root.i < t.i < commas[0].i)):
        return None
    first = span.doc[root.i + 1 : commas[0].i]
    if not any(t.pos_ in ("NOUN", "PROPN") and _governed_by(t, root) for t in first):
        return None
    return span.doc[span.start : commas[0].i].text + "."


def _opening(token):
    """How an item opening on `token` opens: 'des' may be 'de' and 'les' or an article."""
    if token.lower_ == "des":
        return {"de", "det"}
    return {_OPENERS[token.lower_]} if token.lower_ in _OPENERS else set()


def _governed_by(token, root):
    """Whether `token` hangs from `root` through objects, obliques and nouns' complements,
    not through a coordination or a clause of its own."""
    while token.i != root.i:
        if token.dep_ not in ("obj", "obl", "obl:arg", "obl:mod", "iobj", "nmod"):
            return False
        token = token.head
    return True


def is_a_list(span):
    """A statement of three things or more ('auto-immune, inflammatoire et chronique', 'à la
    déshydratation, à l'hypothermie et à des escarres'), or of two figures ('entre 2,20 et
    2,60 mmol/L et le calcium ionisé entre 1,15 et 1,30'): one wrong item would make it
    false, so 'Vrai' teaches none of them and a negation denies no one in particular."""
    if sum(t.dep_ == "conj" for t in span) >= 2:
        return True
    after = [t for t in span if t.i > span.root.i]  # not 'Après une chute, l'infirmier ...'
    if sum(t.text == "," for t in after) >= 2 and any(t.dep_ == "conj" for t in span):
        return True
    return len(figures_of(span.text)) >= 2 or _three_alike(after) or _adjectives_listed(span)


# Words that open the items of a list alike: 'à la déshydratation, à l'hypothermie et aux
# escarres', 'la fièvre, la chaleur et l'effort'.
_OPENERS = {
    "à": "à", "au": "à", "aux": "à", "de": "de", "du": "de", "des": "de", "d'": "de",
    "le": "det", "la": "det", "l'": "det", "les": "det", "un": "det", "une": "det",
}  # fmt: skip


def _three_alike(tokens):
    """'A, B et C' where B and C open alike: a list of three, whatever the parser made of
    it."""
    for index, token in enumerate(tokens[:-1]):
        if token.text != ",":
            continue
        second = _OPENERS.get(tokens[index + 1].lower_)
        if second is None:
            continue
        for later, word in enumerate(tokens[index + 2 : -1], start=index + 2):
            if word.lower_ in ("et", "ou") and _OPENERS.get(tokens[later + 1].lower_) == second:
                return True
    return False


def _adjectives_listed(span):
    """'blancs, mous et indolores': adjectives on both sides of a comma, and another one
    after the 'et' or 'ou' that follows."""
    tokens = list(span)
    for index in range(1, len(tokens) - 3):
        if tokens[index].text != "," or tokens[index - 1].pos_ != "ADJ":
            continue
        if tokens[index + 1].pos_ != "ADJ":
            continue
        later = tokens[index + 2 :]
        if any(
            word.lower_ in ("et", "ou")
            and position + 1 < len(later)
            and later[position + 1].pos_ == "ADJ"
            for position, word in enumerate(later)
        ):
            return True
    return False


def _bare_pronominal(span):
    """A pronominal verb with nothing after it ('Le GCS se compare', 'ne se compare pas')."""
    root = span.root
    return any(c.lower_ in ("se", "s'") for c in root.children) and not any(
        c.dep_.startswith(("obj", "obl", "nmod", "xcomp", "ccomp", "advcl", "advmod"))
        for c in root.children
        if c.lower_ not in ("ne", "n'", "pas")
    )


def worth_stating(span):
    """A true statement worth a question: not hedged ('peut', 'parfois', 'pas toujours'),
    not advice ('Il ne faut pas confondre ...'), not a count that names nothing ('Deux
    signes d'examen ...')."""
    if is_hedged(span) or any(t.lower_ == "toujours" for t in span if t.i > 0):
        return False
    if _bare_pronominal(span) or _something_happens(span) or _litotes(span):
        return False
    if any(t.lemma_ == "falloir" for t in span):
        return False
    first = span[0]
    return not (first.pos_ == "NUM" or first.lower_ in COUNT_WORDS)


def _litotes(span):
    """'Une déshydratation n'apparaît pas sans raison': a rhetorical lead-in to what
    follows (its causes), no claim of its own to state or to deny."""
    pas = [t.i for t in span if t.lower_ == "pas"]
    return bool(pas) and any(t.lower_ == "sans" and t.i > pas[0] for t in span)


def _something_happens(span):
    """'(Dans la maladie,) une faiblesse apparaît.': an indefinite subject and its verb with
    nothing after it. Said, it tests nothing; denied, it says no weakness ever appears."""
    root = span.root
    subject = next((c for c in root.children if c.dep_.startswith("nsubj")), None)
    if subject is None or any(c.dep_ == "cop" for c in root.children):
        return False  # 'Une hypocalcémie sévère est une urgence' says what it is
    nouns = [subject, *(c for c in subject.children if c.dep_ == "appos")]
    return any(  # ('Dans la maladie, une faiblesse …': an apposition)
        any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in noun.children) for noun in nouns
    ) and not any(  # nothing after the verb but the full stop
        c.i > root.i and not c.is_punct and c.dep_ != "advmod" for c in root.children
    )


def can_negate(span):
    """Whether negating the main verb gives clean French that plainly says the opposite:
    a short statement with no hedge, quantifier or degree ('peu', 'parfois', 'également',
    'certains', 'ne ... que'), no figure, no negation other than a plain 'ne ... pas' (which
    is taken away rather than doubled), and a subject that is not an indefinite plural
    ('Des contractions ne se produisent pas' says nothing)."""
    words = [t for t in span if not t.is_punct]
    if len(words) > 25 or any(t.text == ":" for t in span):
        return False  # long, or a list after a colon that the negation would cover
    root = span.root
    denied = any(t.lower_ in ("ne", "n'") for t in span)
    if root.pos_ == "NOUN" and any(c.dep_ == "cop" for c in root.children) and not denied:
        return False  # 'La tétanie n'est pas un état ...': a definition denied teaches little
    if sum(t.text == "," for t in span) >= 2 or sum(t.dep_ == "conj" for t in span) >= 2:
        return False  # a list: which of its items would the negation deny?
    if any(t.dep_ == "conj" and t.pos_ in ("NOUN", "PROPN") and t.i > root.i for t in span):
        return False  # 'n'est pas traitée par du calcium et de la vitamine D': by neither?
    if root.pos_ == "ADJ" and any(c.dep_ == "conj" and c.pos_ == "ADJ" for c in root.children):
        return False  # 'ne sont pas petits et pâles': neither, or not both?
    subject = next((c for c in root.children if c.dep_.startswith("nsubj")), None)
    if subject is not None and subject.lemma_.lower() in CAREGIVERS:
        return False  # 'L'infirmier ne prévient pas le médecin': false by common sense alone
    if not denied and _something_happens(span):
        return False  # 'Une faiblesse n'apparaît pas': denies that any weakness ever does
    if {root.lemma_, *(c.lemma_ for c in root.children if c.dep_ == "cop")} & {
        "rester",
        "reste",
        "demeurer",
    }:
        return False  # 'ne reste pas inconnue': say 'est connue' or nothing
    for token in span:
        if _denied_obligation(token):
            continue  # 'ne doivent pas être arrêtés brutalement': 'doivent' is no hedge
        if _compares(token, root):
            continue  # 'est plus grave sous anticoagulants': denied, plainly the opposite
        if token.lower_ in HEDGES or token.lemma_.lower() in HEDGE_LEMMAS or token.pos_ == "NUM":
            return False
        if token.lower_ in ("jamais", "rien", "aucun", "aucune", "ni", "guère", "nullement"):
            return False  # a negation other than 'ne ... pas'
        if token.lower_ == "plus" and any(t.lower_ in ("ne", "n'") for t in span):
            return False
        if token.dep_.startswith("nsubj") and any(
            c.dep_ == "det" and c.lower_ in ("des", "de", "d'") for c in token.children
        ):
            return False
    return True


def _compares(token, root):
    """'plus' comparing the predicate with something said after it ('Un traumatisme
    crânien est plus grave sous anticoagulants', 'La migraine est plus fréquente chez la
    femme'): denied, the statement says plainly the opposite ('n'est pas plus grave'). Not
    'moins' ('ne sont pas moins fiables' is a double negative to untangle), a quantity
    ('plus de dix minutes': no adjective there) nor 'ne … plus'."""
    if token.lower_ != "plus" or token.dep_ != "advmod":
        return False
    head = token.head
    if any(t.lower_ in ("ne", "n'") for t in token.doc):
        return False  # 'n'est plus douloureuse': 'plus' ends it
    if head.pos_ == "ADV" and head.head.i == root.i and head.lower_ in ("tôt", "tard", "vite"):
        head = root
    elif not (head.i == root.i and (head.pos_ == "ADJ" or "Part" in head.morph.get("VerbForm"))):
        return False
    # Than what? Said of something ('sous anticoagulants', 'chez la femme'), or elliptic:
    # 'Il est plus spécifique' compares with what the sentence before said.
    return not all(t.is_punct for t in token.doc[head.i + 1 :])


def _denied_obligation(token):
    """'Les bêtabloquants ne doivent pas être arrêtés brutalement': a plain 'ne … pas' on
    'devoir', which taken away says plainly false what must be done ('doivent être
    arrêtés brutalement'), where 'peut' or 'il faut' would only hedge. Not 'ne doit pas
    être confondu avec': that it must be is no claim anyone makes."""
    if token.lemma_.lower() != "devoir" or token.dep_ != "ROOT":
        return False
    words = {child.lower_ for child in token.children}
    if not ({"ne", "n'"} & words and "pas" in words):
        return False
    return not any(child.lemma_.lower() == "confondre" for child in token.children)


STEM_OPENING, STEM_CLOSING = "Vrai ou faux ? « ", " »"


def claim_of(draft):
    """The statement a true/false draft asks about."""
    return draft.stem.removeprefix(STEM_OPENING).removesuffix(STEM_CLOSING)


def _statement(statement, is_true, sentence, score, course):
    if not is_true and normalise(statement) in course.normalised_sentences:
        return None  # the "false" version is something the course says
    stem = STEM_OPENING + inner_quotes(statement) + STEM_CLOSING
    choices = ((TRUE, is_true), (FALSE, not is_true))
    answer = TRUE if is_true else FALSE
    draft = make_draft(TRUE_FALSE, stem, choices, answer, sentence, score)
    verdict = TRUE if is_true else FALSE
    draft = replace(draft, explanation=f"{verdict}. D'après le cours : {quoted(sentence)}")
    return draft


def _contrast_swap(sentence, course):
    """The sentence with one contrasting pair the course uses swapped both ways
    (bénignes <-> pathologiques): a clean false statement that keeps agreement."""
    tokens = list(sentence.span)
    lowered = {t.lower_ for t in tokens}
    for index, (left, right) in enumerate(CONTRASTS):
        if index not in course.opposed:
            continue  # the text does not set these two words against each other
        if not any(
            t.lower_ in left + right
            and (course.opposed[index] is None or course.opposed[index] & said_of(t))
            for t in tokens
        ):
            continue  # 'position assise prolongée': not what the text calls brief or prolonged
        if lowered & set(left) and lowered & set(right):
            continue  # 'entre les contractions bénignes et pathologiques': swapped, the same
        replacements = {}
        for token in tokens:
            if token.pos_ not in ("ADJ", "ADV", "VERB") and token.dep_ != "amod":
                continue  # (the parser takes 'bénignes' for a noun, yet an epithet)
            for forms, partner in ((left, right), (right, left)):
                if token.lower_ in forms:
                    replacement = _agreeing_form(token, forms, partner, course)
                    if replacement is None:
                        break
                    if token.text[:1].isupper():
                        replacement = capitalise(replacement)
                    replacements[token.i] = replacement
                    break
            else:
                continue
            if token.i not in replacements:
                replacements = {}  # one word could not be inflected: leave the pair
                break
        if not replacements:
            continue
        parts = [replacements.get(t.i, t.text) + t.whitespace_ for t in tokens]
        return "".join(parts).strip()
    return None


def _agreeing_form(token, forms, partner, course):
    """The partner word in the same gender and number as `token`, read from the words:
    the slot of its own form when it has one, else the gender of the noun it qualifies."""
    slots = [index for index, form in enumerate(forms) if form == token.lower_]
    if len(partner) == 1:
        return partner[0]
    if len({partner[index] for index in slots}) == 1:
        return partner[slots[0]]
    noun = _qualified_noun(token)
    gender = None
    if noun is not None:
        gender = next(
            (
                GENDER_OF_WORD[c.lower_]
                for c in noun.children
                if c.dep_ == "det" and c.lower_ in GENDER_OF_WORD
            ),
            course.gender_of.get(noun.lemma_.lower()),
        )
    if gender is None:
        return None
    plural = token.lower_.endswith(("s", "x"))
    return partner[(2 if plural else 0) + (1 if gender == "Fem" else 0)]


def _qualified_noun(token):
    """The noun an adjective agrees with: its head (epithet), or its subject (attribute)."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ == "amod" and token.head.pos_ in ("NOUN", "PROPN"):
        return token.head
    subjects = [c for c in token.children if c.dep_.startswith("nsubj")]
    if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
        return subjects[0]
    return None


def _negation_toggle(span):
    """The sentence with its main verb negated, or its 'ne ... pas' taken away.
    Returns (statement, removed) or (None, False) when it cannot be done cleanly."""
    root = span.root
    finite = [
        t
        for t in [root, *(c for c in root.children if c.dep_ in ("aux", "cop", "aux:pass"))]
        if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")
    ]
    if not finite:
        return None, False
    verb = min(finite, key=lambda t: t.i)
    if _explained_after_a_colon(span, verb):
        return None, False  # 'X n'est pas nécessaire : seul le médecin ...' would not hold
    if any(t.lower_ == "mais" or t.text == ";" for t in span) or any(
        c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in root.children
    ):
        return None, False  # the negation would cover only part of what is said
    negations = [t for t in span if "Neg" in t.morph.get("Polarity") or t.lower_ in ("ne", "n'")]
    if negations:
        ne = [t for t in negations if t.lower_ in ("ne", "n'") and t.i < verb.i]
        pas = [t for t in negations if t.lower_ == "pas" and t.i == verb.i + 1]
        if len(negations) != 2 or len(ne) != 1 or len(pas) != 1:
            return None, False  # 'ne ... jamais', 'ne ... que': not a plain negation
        after = span.doc[pas[0].i + 1] if pas[0].i + 1 < span.end else None
        if after is not None and after.lower_ in ("de", "d'", "grand-chose", "du", "tout"):
            return None, False  # 'pas de', 'pas grand-chose': the words change too
        if _litotes(span):
            return None, False  # 'n'apparaît pas sans raison': said the other way, nonsense
        skip = {ne[0].i, pas[0].i}
        parts = [t.text + t.whitespace_ for t in span if t.i not in skip]
        text = re.sub(r"\s+([.,;:!?])", r"\1", "".join(parts).strip())
        return capitalise(text), True
    partitive = {}  # 'déclenchent des influx' -> 'ne déclenchent pas d'influx'
    if verb.lemma_ != "être":
        for token in span:
            if token.head.i not in (root.i, verb.i):
                continue
            if token.dep_ == "obl:arg" and _partitive_or_de(token):
                # 'déclenchent des influx' read as 'de les', 'forment de l'os' as 'de' +
                # 'l'os': a partitive ('ne forment pas d'os') or a verb's 'de' ('ne parle
                # pas de la maladie')? The parser does not tell: unsure
                return None, False
            if token.dep_ != "obj":
                continue
            for child in token.children:
                if child.dep_ == "det" and child.lower_ in ("un", "une", "des", "du"):
                    nxt = span.doc[child.i + 1]
                    partitive[child.i] = "d'" if nxt.text.startswith(VOWELS) else "de"
    first = verb
    while (
        first.i > span.start
        and span.doc[first.i - 1].lower_ in CLITICS
        and (span.doc[first.i - 1].pos_ == "PRON" or span.doc[first.i - 1].lower_ == "leur")
    ):
        first = span.doc[first.i - 1]
    parts = []
    for token in span:
        if token.i == first.i:
            parts.append("n'" if token.text.startswith(VOWELS) else "ne ")
        if token.i in partitive:
            parts.append(partitive[token.i] + ("" if partitive[token.i] == "d'" else " "))
            continue
        parts.append(token.text)
        parts.append(" pas" + token.whitespace_ if token.i == verb.i else token.whitespace_)
    return capitalise("".join(parts).strip()), False


def _partitive_or_de(token):
    """'du', 'des', or 'de' and an article ('de l'', 'de la') before the noun."""
    cases = [c for c in token.children if c.dep_ == "case"]
    if any(c.lower_ in ("des", "du") for c in cases):
        return True
    return any(c.lower_ == "de" for c in cases) and any(
        c.dep_ == "det" and c.lower_ in ("la", "l'", "le", "les") for c in token.children
    )


def _explained_after_a_colon(span, verb):
    """A clause after a colon that explains or spells out the verb's clause: negating the
    verb alone would leave the explanation saying the opposite. A clause is a finite verb
    or a subject pronoun (the parser sometimes reads the verb as a noun)."""
    colon = next((t.i for t in span if t.text == ":" and t.i > verb.i), None)
    if colon is None:
        return False
    return any(
        (t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"))
        or t.lower_ in ("il", "ils", "elle", "elles", "on", "c'", "ce")
        for t in span
        if t.i > colon
    )
