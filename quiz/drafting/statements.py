"""Standalone statements: a sentence of the text turned into the single claims it makes, each
readable without the sentences around it, or nothing when that cannot be done reliably.

A question is read on its own, weeks after the lesson, so a statement must carry what it is
about. From each sentence: citation marks, asides in parentheses and a leading connective
('Cependant, ', 'De plus, ') are taken away; claims joined by a semicolon or by 'et' between
two verbs become statements of their own; a subject pronoun ('Elle débute ...') or a
demonstrative subject ('Cette maladie ...') is replaced by what it stands for when the
sentence before names it as its own subject and agrees with it. Whatever still points back
after that ('les' as an object, 'ces signes', 'la cause exacte' of what, 'les personnes
touchées' by what) leaves the statement out.
"""

import re
from dataclasses import dataclass

from .analysis import Sentence, terms_of
from .drafts import capitalise, lower_first
from .explanations import content_lemmas, support
from .fluency import has_slips
from .lexicon import (
    CLINICAL_SUBJECTS,
    CONNECTIVES,
    DEMONSTRATIVE_PRONOUNS,
    EVALUATIVE_WORDS,
    GENERIC_NOUNS,
    IMPERSONAL_VERBS,
    OBJECT_CLITICS,
    OF_THE_TOPIC,
    POINTING_PHRASES,
    POINTING_WORDS,
    RELATIONAL_NOUNS,
    SHARES,
    SUBJECT_PRONOUNS,
    TOPIC_PARTICIPLES,
    TYING_ADVERBS,
    VOWELS,
)
from .pipeline import parse

# Subjects that say nothing of their own: the sentence goes on about what the one before
# was about.
NEUTER_PRONOUNS = frozenset({"c'", "ce", "cela", "ça"})

CITATION = re.compile(
    r"\s?\[(?:\d+(?:\s*[,–-]\s*\d+)*|[a-z]|(?:n|note|N)\s?\d+|réf\.?\s*(?:nécessaire|souhaitée)"
    r"|citation nécessaire|source insuffisante|Lequel \?|Quand \?|Qui \?)\]",
    re.IGNORECASE,
)


_PARENTHESES = re.compile(r"\s*\([^()]*\)")


def clean_sentence(text):
    """The sentence without citation marks, asides in parentheses and a leading connective."""
    text = CITATION.sub("", text)
    previous = None
    while previous != text:
        previous, text = text, _PARENTHESES.sub("", text)
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.])", r"\1", text)
    return text


def _without_connective(text):
    lowered = text.lower()
    for connective in CONNECTIVES:
        if lowered.startswith(connective + ", ") or lowered.startswith(connective + " "):
            rest = text[len(connective) :].lstrip(" ,")
            if rest[:1].isalpha():
                return capitalise(rest)
    return text


_LABEL = re.compile(r"^[^:;,.]{1,60} : (?=[A-ZÀ-Ýa-zà-ÿ])")


def _clauses(text):
    """The pieces of a sentence between semicolons, each ended as a sentence; a piece that
    introduces a list (ends with a colon) is no claim. A label before a colon ('L'hypo-
    magnésémie : le magnésium est nécessaire ...') is left to the list it heads."""
    pieces = [_without_label(piece.strip()) for piece in text.split(";")]
    pieces = [part for piece in pieces for part in _at_colon(piece)]
    ending = text.rstrip()[-1:] if text.rstrip()[-1:] in ".!" else "."
    clauses = []
    for piece in pieces:
        piece = piece.rstrip(" .!,")
        if not piece or piece.endswith(":"):
            continue
        clauses.append(capitalise(_without_connective(piece)) + ending)
    return clauses


def _at_colon(piece):
    """'Elle est trop faible pour bouger le membre : la jambe ne se déplace pas' makes two
    claims, the second one an explanation that needs the first ('La jambe ne se déplace
    pas' alone says nothing): only the first is kept, unless the second is said of the same
    subject ('Cette maladie atteint l'adulte jeune : elle débute ...'), which it then names.
    'Deux hormones maintiennent la calcémie : la PTH et la vitamine D' is one claim, with
    its list."""
    if " : " not in piece:
        return [piece]
    left, right = piece.split(" : ", 1)
    doc = parse(right)
    clause = any(t.dep_.startswith("nsubj") for t in doc) and any(
        "Fin" in t.morph.get("VerbForm") and t.pos_ in ("VERB", "AUX") for t in doc
    )
    if not clause:
        return [piece]
    subjects = [t for t in doc if t.dep_.startswith("nsubj") and t.head.dep_ == "ROOT"]
    if subjects and subjects[0].lower_ in SUBJECT_PRONOUNS:
        return [left, right]  # 'elle débute ...': a claim of its own about the same subject
    return [left]  # what follows explains the claim, and needs it


def _without_label(piece):
    """'Label : a clause with its own verb and subject' -> the clause; else as it is."""
    match = _LABEL.match(piece)
    if match is None:
        return piece
    label, rest = piece[: match.end()], piece[match.end() :]
    doc = parse(label.rstrip(" :"))
    if any("Fin" in t.morph.get("VerbForm") for t in doc):
        return piece  # 'X est rare : ...' is a claim that the rest explains
    rest_doc = parse(rest)
    if any(t.dep_.startswith("nsubj") for t in rest_doc) and any(
        "Fin" in t.morph.get("VerbForm") for t in rest_doc
    ):
        return capitalise(rest)
    return piece


@dataclass
class Antecedent:
    """The subject of the previous sentence: what a pronoun there may stand for."""

    text: str
    lemma: str
    gender: str | None
    number: str
    kinds: frozenset  # what that sentence says it is ('La myasthénie est une maladie ...')


def statements_of(sentences, analysis, topic=None, after=(), lesson=()):
    """The standalone statements of a block's sentences, in order: each a Sentence whose
    `source` is the sentence of the text it comes from (without its citation marks).
    `topic`: what the text is about, with its article ('la sclérose en plaques'), for the
    statements that say what it does without naming it ('Les nerfs périphériques ne sont
    pas touchés' -> 'Dans la sclérose en plaques, les nerfs ...'). `after`: the sentences
    of the lesson after the block, where a list the block's last sentence introduces is.
    `lesson`: all the sentences of the text the block is in, where the sentences an
    explanation quotes beside the source are chosen (explanations.support)."""
    found = []
    antecedent = None
    positions = {id(sentence): index for index, sentence in enumerate(lesson)}
    topic_lemmas = frozenset(content_lemmas(parse(topic))) if topic else frozenset()
    about = _topic_antecedent(topic, analysis) if topic else None
    for index, sentence in enumerate(sentences):
        if index == 0 and about is not None:
            antecedent = _carried_over(sentence, lesson, positions, about, analysis)
        candidates, antecedent = _rewrite(sentence.text, antecedent, analysis)
        if antecedent is None and about is not None and _only_one_it_can_be(sentence, about):
            antecedent = about
        following = _following(sentences[index + 1 :], after)
        if following and has_slips(sentences[index + 1].span, analysis.gender_of):
            following = ""  # an explanation does not copy a translation's slip
        preceding = ""
        if index > 0 and _opens_with_a_pointer(sentence.text):
            preceding = _preceding(sentences[:index], analysis)  # it took its subject there
        for text in candidates:
            span = parse(text)[:]  # one statement, even where the parser sees two sentences
            framed = bool(topic and not _names(span, topic))
            subject = _relational_subject(span) if framed else None
            if subject is not None:  # 'Le symptôme le plus fréquent de l'anémie est …'
                end = subject.right_edge.idx + len(subject.right_edge.text)
                text = f"{text[:end]} {_of(topic)}{text[end:]}"
                span = parse(text)[:]
            elif framed and (
                _said_of_the_topic(span) or _clinical(span) or _judges_without_saying_for_what(span)
            ):
                span = parse(f"Dans {topic}, {lower_first(text)}")[:]
                text = span.text
            else:
                framed = False
            if points_back(span, analysis, framed=framed):
                continue
            before, kept, other, other_first = "", following, "", False
            if id(sentence) in positions:
                before, kept, other, other_first = support(
                    span,
                    positions[id(sentence)],
                    lesson,
                    topic_lemmas=topic_lemmas,
                    gender_of=analysis.gender_of,
                    plain=_plain,
                    following=following,
                    preceding=preceding,
                )
            found.append(
                Sentence(
                    span,
                    text,
                    terms_of(span),
                    sentence.block,
                    source=_plain(sentence.text),
                    following=kept,
                    preceding=preceding or before,
                    support=other,
                    support_first=other_first,
                    listed=sentence.listed,
                    condition=sentence.condition,
                    of_topic=bool(topic) and _subject_names(span, topic),
                )
            )
    return found


def _topic_antecedent(topic, analysis):
    """The text's topic ('la sclérose en plaques') as what a pronoun may stand for."""
    found = _antecedent_of(parse(f"{capitalise(topic)} est une maladie."), analysis)
    return found if found is not None and found.text.lower() == topic.lower() else None


def _carried_over(sentence, lesson, positions, about, analysis):
    """The topic, for a paragraph that opens on a pronoun of its gender and number ('Elle
    touche environ 1 à 2 % des adultes', after a paragraph that says what the insufficiency
    is), when the paragraph before does not end on something else the pronoun could stand
    for; else None. Not after a list, nor for 'C'est …', which may speak of the whole
    situation the paragraph before described."""
    position = positions.get(id(sentence))
    if not position or sentence.listed or lesson[position - 1].listed:
        return None
    first = _without_connective(clean_sentence(sentence.text)).split(" ", 1)[0].lower()
    if SUBJECT_PRONOUNS.get(first) != (about.gender, about.number):
        return None
    block = lesson[position - 1].block
    last = None
    for before in lesson[:position]:
        if before.block == block:
            _statements, last = _rewrite(before.text, last, analysis)
    if (
        last is not None
        and last.text.lower() != about.text.lower()
        and (last.gender, last.number) == (about.gender, about.number)
    ):
        return None  # 'La fraction d'éjection … Elle …': which one?
    return about


def _only_one_it_can_be(sentence, about):
    """Whether a pronoun in the next sentence can only stand for the topic: this sentence
    names it ('… vivent avec une sclérose en plaques') without a subject a pronoun would
    stand for, and no other common noun in it has the topic's gender and number."""
    named = False
    for token in sentence.span:
        if token.pos_ != "NOUN":
            continue
        if token.lemma_.lower() == about.lemma:
            named = True
            continue
        if _agrees(token, about):
            return False
    return named


def _agrees(noun, antecedent):
    """Whether a pronoun standing for the antecedent could stand for this noun as well:
    the same number, and the same gender or none the parser could tell."""
    number = next(iter(noun.morph.get("Number")), "Sing")
    gender = next(iter(noun.morph.get("Gender")), None)
    return number == antecedent.number and gender in (antecedent.gender, None)


def _preceding(before, analysis):
    """The sentence before a statement; nothing where it introduces a list or has a
    translation's slip."""
    sentence = before[-1]
    text = _plain(sentence.text)
    if text.endswith(":") or has_slips(sentence.span, analysis.gender_of):
        return ""
    return text


def _plain(text):
    return " ".join(CITATION.sub("", text).split())


def _following(rest, after):
    """The sentence after a statement in its paragraph, which often says why; when it
    introduces a list ('Ces signes doivent faire consulter :'), with the list's items."""
    if not rest:
        return ""
    following = _plain(rest[0].text)
    if len(following.split()) > 40 or not following[:1].isupper():
        return ""
    if not following.endswith(":"):
        return following
    items = [_plain(s.text).rstrip(" ;.,") for s in rest[1:]]
    if not items and after:
        items = [_plain(s.text).rstrip(" ;.,") for s in after if s.block == after[0].block]
    items = [item for item in items[:6] if item]
    if not items or len(" ".join(items).split()) > 70:
        return ""
    return f"{following} {' ; '.join(lower_first(item) for item in items)}."


def _opens_with_a_pointer(text):
    """'Il traduit ...', 'Cette maladie ...': the sentence before says what it is about."""
    first = _without_connective(clean_sentence(text)).split(" ", 1)[0].lower()
    return first in SUBJECT_PRONOUNS or first in DEMONSTRATIVE_PRONOUNS or first in (
        "ce", "cet", "cette", "ces",
    )  # fmt: skip


def _said_of_the_topic(span):
    """'Les nerfs périphériques ne sont pas touchés': touched by the disease the text is
    about, which the statement does not name."""
    root = span.root
    if "Fin" in root.morph.get("VerbForm"):
        return False  # 'La myasthénie touche les femmes jeunes' says who it touches
    if any(c.dep_ == "det" for c in root.children):
        return False  # 'X est une atteinte aiguë ...': what X is, a noun with its article
    participle = root.lemma_.lower() in TOPIC_PARTICIPLES or (
        root.lower_.rstrip("es") in ("touché", "atteint", "épargné", "concerné", "affecté")
    )  # 'atteinte' read as a noun
    return participle and not any(c.dep_.startswith(("obl", "nmod")) for c in root.children)


def _names(span, topic):
    """Whether the statement names the topic already ('Le syndrome de Guillain-Barré est
    ...'): tied to it again, it would say it twice."""
    words = {w.strip(".,;:'’").lower() for w in span.text.replace("'", " ").split()}
    if words & _topic_words(topic):
        return True
    return bool(_initials(topic) & {w.upper() for w in words})  # 'le SGB', 'la SEP'


def _topic_words(topic):
    """The words that name the topic: 'sclérose', 'plaques'; not 'la', 'en'."""
    return {w for w in topic.lower().replace("'", " ").split() if len(w) > 3}


def _subject_names(span, topic):
    """Whether the statement's subject is the topic itself ('L'ostéoporose augmente le
    risque de fracture', 'La SEP est contagieuse'), not something of it ('Le diagnostic du
    syndrome …')."""
    subject = next((c for c in span.root.children if c.dep_.startswith("nsubj")), None)
    if subject is None:
        return False
    return subject.lower_ in _topic_words(topic) or subject.text.upper() in _initials(topic)


def _initials(topic):
    """What the topic's initials may be: 'le syndrome de Guillain-Barré' -> SGB, SDGB;
    'la sclérose en plaques' -> SEP."""
    words = re.sub(r"^(le|la|les|l['’])\s*", "", topic.lower()).replace("-", " ").split()
    if len(words) < 2:
        return set()
    every = "".join(w[0] for w in words).upper()
    without = "".join(w[0] for w in words if w not in ("de", "du", "des", "d'")).upper()
    return {every, without}


def _relational_subject(span):
    """'Le symptôme le plus fréquent est une fatigue': the subject (returned) names
    something of the disease (lexicon.OF_THE_TOPIC), with its definite article and without
    saying of what: of the topic, in a text about one."""
    root = span.root
    subject = next((c for c in root.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.pos_ != "NOUN" or not _opens_on(subject, span):
        return None  # 'Le traitement …', 'Chez l'enfant, le traitement …'
    if subject.lemma_.lower() not in OF_THE_TOPIC:
        return None  # 'le risque de BPCO', 'l'examen neurologique': not 'de la BPCO'
    definite = any(
        c.dep_ == "det" and c.lower_ in ("le", "la", "l'", "les") for c in subject.children
    )
    if not definite or any(c.dep_.startswith(("nmod", "acl", "appos")) for c in subject.children):
        return None
    if any(t.text in (",", "(", ":") for t in subject.subtree):
        return None
    return subject


def _opens_on(subject, span):
    """Whether the subject with its article opens the statement, or follows a frame that
    says where it holds ('Chez l'adulte, la cause la plus fréquente …')."""
    first = subject.left_edge
    if first.i == span.start:
        return True
    before = span.doc[first.i - 1]
    return before.text == "," and span[0].pos_ == "ADP"


def _of(topic):
    """'de' and the topic: 'du syndrome de Guillain-Barré', 'de la BPCO', 'de l'asthme',
    'des escarres'."""
    first, _, rest = topic.partition(" ")
    if first == "le":
        return f"du {rest}"
    if first == "les":
        return f"des {rest}"
    return f"de {topic}"


def _clinical(span):
    """A clinical statement that does not name the text's topic ('Le médecin recherche les
    anticorps dans une prise de sang'): true in that disease only."""
    if span[0].lower_ in ("dans", "chez", "en", "lors", "au", "pendant", "après", "avant"):
        return False  # it says where it holds
    root = span.root
    if root.pos_ == "NOUN" and any(c.dep_ == "cop" for c in root.children):
        return False  # what a thing is ('Le signe de Trousseau est l'apparition ...')
    subject = next((c for c in root.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.lemma_.lower() not in CLINICAL_SUBJECTS:
        return False
    return not any(  # 'le signe de Lhermitte' is named: it says of what
        c.dep_.startswith("nmod") and c.pos_ == "PROPN" for c in subject.children
    )


def _rewrite(text, antecedent, analysis):
    """The statements a sentence makes, and the antecedent it leaves for the next one."""
    cleaned = clean_sentence(text)
    statements = []
    next_antecedent = None
    for index, clause in enumerate(_clauses(_without_connective(cleaned))):
        doc = parse(clause)
        root = doc[:].root
        subject = _subject(root)
        resolved = clause
        if subject is not None:
            replacement = _resolve(subject, antecedent, analysis)
            if replacement is False:
                resolved = None
            elif replacement is not None:
                resolved = _replace(doc, subject, replacement)
        found = _antecedent_of(parse(resolved) if resolved else None, analysis)
        if found is None and subject is not None and subject.lower_ in NEUTER_PRONOUNS:
            found = antecedent  # 'C'est pourquoi …' goes on about the same thing
        if index == 0 or found is not None:
            next_antecedent = antecedent = found
        if resolved is None:
            continue
        statements += _split_coordination(parse(_without_adverbs(resolved)))
    if next_antecedent is not None and _another_subject_after(cleaned, next_antecedent):
        next_antecedent = None
    return statements, next_antecedent


def _another_subject_after(text, antecedent):
    """Whether a later part of the sentence (after a colon or a semicolon) has a subject of
    its own that a pronoun in the next sentence could stand for as well: '… la chute des
    œstrogènes accélère la résorption : la perte osseuse peut atteindre 3 % par an. Elle
    touche d'abord …' (the loss, not the fall)."""
    parts = re.split(r" : |;", text)
    for part in parts[1:]:
        for token in parse(part.strip()):
            if not token.dep_.startswith("nsubj") or token.pos_ != "NOUN":
                continue
            if token.lemma_.lower() != antecedent.lemma and _agrees(token, antecedent):
                return True
    return False


def _without_adverbs(text):
    """Without the adverbs that tie a clause to the one before ('Le patient porte donc
    une carte', 'Les crampes peuvent également survenir la nuit'): the claim stands alone."""
    doc = parse(text)
    dropped = {
        t.i
        for t in doc
        if t.lower_ in TYING_ADVERBS and t.pos_ == "ADV" and t.dep_ == "advmod" and t.i > 0
    }
    if not dropped:
        return text
    kept = "".join(t.text_with_ws for t in doc if t.i not in dropped)
    return re.sub(r"\s+([,.!])", r"\1", kept)  # 'apparaît ensuite.' -> 'apparaît.'


def _subject(root):
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubj:pass")]
    return subjects[0] if subjects else None


def _resolve(subject, antecedent, analysis):
    """What replaces the subject: None to keep it, False when it points back to something
    that cannot be found reliably, else (first token, last token, text)."""
    lower = subject.lower_
    doc = subject.doc
    if lower in ("c'", "ce"):
        return _what_it_is(subject, antecedent, analysis)
    if lower in SUBJECT_PRONOUNS or lower in DEMONSTRATIVE_PRONOUNS:
        gender, number = (SUBJECT_PRONOUNS | DEMONSTRATIVE_PRONOUNS)[lower]
        if antecedent is None or antecedent.number != number:
            return False
        if antecedent.gender is not None and antecedent.gender != gender:
            return False
        if antecedent.gender is None and gender == "Fem":
            return False  # 'elles' for 'les malades': the text does not say
        end = subject.i
        if lower in DEMONSTRATIVE_PRONOUNS:  # 'celle-ci' is three tokens
            while end + 1 < len(doc) and doc[end + 1].text in ("-", "ci", "-ci", "là", "-là"):
                end += 1
        return (subject.i, end, antecedent.text)
    determiners = [c for c in subject.children if c.dep_ == "det"]
    if not determiners or determiners[0].lower_ not in ("ce", "cet", "cette", "ces"):
        return None
    if subject.left_edge.i != determiners[0].i or subject.right_edge.i != subject.i:
        return False  # 'cette maladie auto-immune': more than a pointer
    lemma = subject.lemma_.lower()
    number = "Plur" if determiners[0].lower_ == "ces" else "Sing"
    if antecedent is None or number != antecedent.number:
        antecedent = None
    elif lemma != antecedent.lemma and lemma not in antecedent.kinds:
        antecedent = None  # 'ce phénomène' after a sentence about something else
    if antecedent is not None:
        return (determiners[0].i, subject.i, antecedent.text)
    named = _the_only_one(lemma, number, analysis)  # 'cette maladie': the text has one
    return False if named is None else (determiners[0].i, subject.i, named)


def _what_it_is(subject, antecedent, analysis):
    """'C'est la cause la plus fréquente d'anémie', after 'L'anémie ferriprive est une
    condition …': where the sentence before is about a term the text says what it is (in
    that sentence or elsewhere), 'ce' stands for that term when this one says what it is
    too (a noun with its article, not 'C'est le cas', not a cleft 'C'est la PTH qui …').
    None (kept, and left out as pointing back) otherwise: after a description ('Le patient
    est très essoufflé'), 'C'est une urgence' speaks of the whole situation."""
    predicate = subject.head
    if antecedent is None or predicate.pos_ != "NOUN":
        return None
    if not antecedent.kinds and not any(antecedent.lemma in lemmas for lemmas in analysis.kinds):
        return None
    if not any(c.dep_ == "cop" for c in predicate.children) or subject.i > predicate.i:
        return None
    if not any(c.dep_ == "det" for c in predicate.children):
        return None
    if predicate.lemma_.lower() in GENERIC_NOUNS:
        return None  # 'C'est le cas …'
    if any(t.lower_ in ("qui", "que", "qu'") for t in subject.doc[predicate.i :]):
        return None  # a cleft: 'C'est la PTH qui libère le calcium'
    return (subject.i, subject.i, antecedent.text)


def _the_only_one(kind, number, analysis):
    """The one term the text says is a `kind` ('La sclérose en plaques est une maladie
    ...'), as it first writes it with a definite article; None when there are several."""
    if number != "Sing":
        return None
    defined = [lemmas for lemmas, kinds in analysis.kinds.items() if kind in kinds]
    if len(defined) != 1:
        return None
    for term in analysis.pool:
        if term.lemmas == defined[0] and term.article in ("le", "la", "l'"):
            return term.text
    return None


def _replace(doc, subject, replacement):
    start, end, text = replacement
    before = doc[:start].text_with_ws
    after = doc[end + 1 :].text_with_ws if end + 1 < len(doc) else ""
    text = lower_first(text) if start > 0 else capitalise(text)
    space = " " if doc[end].text.endswith("'") else doc[end].whitespace_  # 'C'est'
    resolved = f"{before}{text}{space}{after}"
    return re.sub(r"\s+", " ", resolved).strip()


def _antecedent_of(doc, analysis):
    """The subject of a sentence as a noun phrase a pronoun in the next one may stand for."""
    if doc is None:
        return None
    root = doc[:].root
    subject = _subject(root)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    terms = [t for t in terms_of(doc[:]) if t.head.i == subject.i]
    if not terms or terms[0].start != subject.left_edge.idx:
        return None
    term = terms[0]
    defines = root.pos_ == "NOUN" and any(c.dep_ == "cop" for c in root.children)
    if term.article in ("des",) or (term.article in ("un", "une") and not defines):
        return None  # 'Une crise survient ... Elle ...': which one is not said
    phrase = doc[subject.left_edge.i : subject.right_edge.i + 1]
    if len(phrase) <= 8 and not any(
        (t.is_punct and not _inside_a_word(t))
        or (t.pos_ in ("VERB", "AUX") and "Part" not in t.morph.get("VerbForm"))
        for t in phrase
    ):
        text = phrase.text  # 'Le séjour prolongé au sol', not only 'Le séjour'
    else:
        text = term.text
    number = term.number
    gender = term.gender or analysis.gender_of.get(term.head_lemma)
    if gender is None:
        gender = next(iter(subject.morph.get("Gender")), None)
    if term.article in ("un", "une"):
        # 'Une crampe est une contraction … Elle touche …': a definition speaks of any
        # cramp, which the next sentence calls 'la crampe'
        rest = text.split(" ", 1)[1] if " " in text else ""
        if not rest or gender is None:
            return None
        article = "l'" if rest.startswith(VOWELS) else ("la " if gender == "Fem" else "le ")
        text = capitalise(article + rest)
    kinds = frozenset()
    if root.pos_ == "NOUN" and any(c.dep_ == "cop" for c in root.children):
        kinds = frozenset({root.lemma_.lower()})
    return Antecedent(text, term.head_lemma, gender, number, kinds)


def _inside_a_word(token):
    """A hyphen with no space on either side: 'Guillain-Barré' is one name."""
    return (
        token.text == "-"
        and not token.whitespace_
        and token.i > 0
        and not token.doc[token.i - 1].whitespace_
    )


def _split_coordination(doc):
    """'X surviennent rarement et sont causées par Y' makes two claims about X, and 'X n'est
    pas atteinte et Y ne provoque pas de douleur' two claims: one statement each. Adjectives
    ('brève et involontaire') stay one statement. A split that does not leave two clauses
    with a verb each is not trusted: the sentence is then left out, since one statement
    would carry several claims."""
    text = doc.text
    root = doc[:].root
    subject = _subject(root)
    conjuncts = [
        c
        for c in root.children
        if c.dep_ == "conj"
        and c.i > root.i
        and (
            ("Fin" in c.morph.get("VerbForm") and c.pos_ in ("VERB", "AUX"))
            or any(a.dep_ in ("aux", "aux:pass", "cop") for a in c.children)
        )
    ]
    if not conjuncts:
        return [text]
    if subject is None or subject.i > root.i:
        return []
    if any(t.lower_ in ("qui", "que", "dont") and root.i < t.i < conjuncts[0].i for t in doc):
        return []  # 'une faiblesse qui augmente à l'effort et diminue au repos': whose verb?
    ending = text.rstrip()[-1] if text.rstrip()[-1:] in ".!" else "."
    cut = min(c.left_edge.i for c in conjuncts)
    while cut > root.i and (doc[cut - 1].is_punct or doc[cut - 1].pos_ == "CCONJ"):
        cut -= 1
    statements = [doc[:cut].text.rstrip(" ,;:") + ending]
    prefix = doc[: subject.right_edge.i + 1].text
    for conjunct in conjuncts:
        tokens = [t for t in conjunct.subtree if not (t.dep_ == "cc" and t.head.i == conjunct.i)]
        tokens = [t for t in tokens if not (t.dep_ == "conj" and t.head.i == conjunct.i)] or tokens
        part = "".join(t.text_with_ws for t in _contiguous(tokens)).strip(" ,.;:")
        own_subject = any(c.dep_.startswith("nsubj") for c in conjunct.children)
        statements.append(capitalise(part) + ending if own_subject else f"{prefix} {part}{ending}")
    if any(not _is_clause(statement) for statement in statements):
        return []
    return statements


def _is_clause(text):
    """A statement with a finite verb or a copula, that does not end on a conjunction and a
    bare noun phrase ('La sensibilité n'est pas atteinte et la maladie.')."""
    doc = parse(text)
    if not any("Fin" in t.morph.get("VerbForm") for t in doc):
        return False
    words = [t for t in doc if not t.is_punct]
    tail = []
    for token in reversed(words):
        if token.pos_ == "CCONJ":
            return not all(t.pos_ in ("DET", "NOUN", "PROPN", "ADJ") for t in tail)
        if "Fin" in token.morph.get("VerbForm"):
            return True
        tail.append(token)
    return True


def _contiguous(tokens):
    """The tokens from the first up to the first gap (a nested conjunct is left out)."""
    kept = []
    for token in sorted(tokens, key=lambda t: t.i):
        if kept and token.i != kept[-1].i + 1:
            break
        kept.append(token)
    return kept


def points_back(span, analysis, framed=False):
    """Whether the statement still needs the sentences around it to be understood.
    `framed`: the statement was tied to the text's topic ('Dans la BPCO, le signe
    principal est …'), which says what its subject, or its judgement, is of."""
    root = span.root
    lowered = span.text.lower()
    if any(f" {phrase} " in f" {lowered} " for phrase in POINTING_PHRASES):
        return True
    for token in span:
        lower = token.lower_
        if token.pos_ == "DET" and "Dem" in token.morph.get("PronType"):
            return True  # 'ces signes', 'dans ce cas'
        if (
            (lower in DEMONSTRATIVE_PRONOUNS or lower in POINTING_WORDS)
            and not _ranks_among(token)
            and not _names_what_it_stands_for(token, span)
        ):
            return True
        if token.dep_.startswith("nsubj") and lower in SUBJECT_PRONOUNS:
            return True  # unresolved 'elle'
        if (
            lower in ("c'", "ce")
            and token.dep_.startswith(("nsubj", "expl"))
            and not any(t.lower_ in ("qui", "que", "qu'") for t in span[token.i - span.start :])
        ):
            return True  # 'c'est près d'une sur deux': what is? ('C'est la PTH qui ...')
        if lower == "il" and token.dep_.startswith("expl") and not _impersonal(token.head):
            return True  # 'il ne doit jamais ...' read as impersonal by the parser
        if (
            token.pos_ == "PRON"
            and lower in OBJECT_CLITICS
            and token.dep_ in ("obj", "iobj")
            and not (lower == "l'" and token.doc[token.i + 1 : token.i + 2].text == "on")
        ):
            return True  # 'de les distinguer', 'on en distingue deux' (not 'où l'on')
        if (
            lower in ("leur", "lui")
            and token.i + 1 < len(token.doc)
            and (token.doc[token.i + 1].pos_ in ("VERB", "AUX"))
        ):
            return True  # 'ils leur transmettent l'ordre': to whom?
        if lower == "y" and token.pos_ == "PRON" and not _il_y_a(token):
            return True
        if (
            lower in ("lui", "elle", "eux", "elles")
            and token.i > span.start
            and token.doc[token.i - 1].pos_ == "ADP"
            and token.doc[token.i + 1 : token.i + 2].text != "-"  # 'elles-mêmes': reflexive
        ):
            return True  # 'dangereuse pour eux': for whom? ('d'elles-mêmes' is reflexive)
        if token.pos_ == "DET" and "Yes" in token.morph.get("Poss"):
            owner = [t for t in span[: token.i - span.start] if t.pos_ in ("NOUN", "PROPN")]
            if not owner:
                return True  # 'Ses symptômes ...': whose?
        if token.lemma_.lower() == "autre" and token.pos_ in ("ADJ", "PRON", "DET"):
            return True  # 'd'autres causes': other than what the text said before
    if _judges_without_saying_for_what(span) and not framed:
        return True  # 'Le geste le plus efficace …' for what?
    if _compares_with_nothing(root):
        return True  # 'Il est plus spécifique': than the sign the sentence before named
    if _said_of_the_topic(span) and not lowered.startswith("dans "):
        return True  # 'La sensibilité n'est pas atteinte': by what?
    for noun in span:
        if noun.pos_ != "NOUN" or not noun.dep_.startswith(("nsubj", "obl")):
            continue
        if noun.dep_.startswith("obl") and noun.head.i != root.i:
            continue
        lemma = noun.lemma_.lower()
        determiners = [c.lower_ for c in noun.children if c.dep_ in ("det", "case")]
        complements = [c for c in noun.children if c.dep_.startswith(("nmod", "acl"))]
        definite = any(d in ("le", "la", "l'", "les", "au", "aux", "du") for d in determiners)
        said_of_the_topic = framed and noun.dep_.startswith("nsubj") and lemma in OF_THE_TOPIC
        if lemma in RELATIONAL_NOUNS and definite and not complements and not said_of_the_topic:
            return True  # 'la cause exacte' of what? 'au début' of what?
        if (
            noun.dep_.startswith("nsubj")
            and not complements
            and (
                lemma in SHARES
                or any(c.dep_ == "nummod" for c in noun.children)
                or noun.pos_ == "NUM"
            )
        ):
            return True  # 'Le reste est lié ...', 'Environ 40 % sont liés ...': of what?
        for participle in noun.children:
            if participle.lemma_.lower() in TOPIC_PARTICIPLES and not any(
                c.dep_.startswith(("obl", "nmod")) for c in participle.children
            ):
                return True  # 'les personnes touchées' by what?
    return False


def _names_what_it_stands_for(token, span):
    """'une surface plus basse que celle où l'on se trouvait', 'l'os trabéculaire, celui
    des vertèbres': 'celui' and its kin with what follows them (a relative clause, a
    complement) stand for a noun of the same sentence, said before them."""
    if token.lower_ not in ("celui", "celle", "ceux", "celles") or token.i + 1 >= len(token.doc):
        return False
    following = token.doc[token.i + 1].lower_
    if following not in ("qui", "que", "qu'", "où", "dont", "de", "d'", "des", "du"):
        return False
    return any(t.pos_ == "NOUN" for t in span if t.i < token.i)


def _compares_with_nothing(root):
    """A predicate compared ('Il est plus spécifique.') with nothing after it: no 'que',
    nothing it is said of ('plus fréquente loin de l'équateur')."""
    if root.pos_ != "ADJ" and "Part" not in root.morph.get("VerbForm"):
        return False
    compared = any(
        c.lower_ in ("plus", "moins")
        and c.dep_ == "advmod"
        and not (c.i > 0 and c.doc[c.i - 1].pos_ == "DET")  # 'la plus fréquente'
        for c in root.children
    )
    return compared and all(t.is_punct for t in root.doc[root.i + 1 :])


def _ranks_among(token):
    """'premier' ranking what its noun names: 'la première cause d'ostéoporose
    secondaire' says among what; 'le premier signe' (first of those just listed) does not."""
    noun = token.head
    return (
        token.lemma_.lower() == "premier"
        and token.dep_ == "amod"
        and noun.pos_ == "NOUN"
        and any(c.dep_.startswith(("nmod", "acl")) for c in noun.children)
    )


def _judges_without_saying_for_what(span):
    """'La surveillance est essentielle', 'L'IRM est l'examen clé', 'Le thymus joue un
    rôle important', 'Le geste le plus efficace consiste à ...': essential, key, important
    for what? The sentence before said it; the statement does not. A kind a subject names
    with its indefinite article is no judgement ('Une cystite simple ne donne pas de
    fièvre'); 'Un test simple est le test du glaçon' is one."""
    root = span.root
    if root.pos_ == "ADJ" and root.lemma_.lower() in EVALUATIVE_WORDS:
        said_for = any(c.dep_.startswith(("obl", "advcl", "xcomp")) for c in root.children)
        return any(c.dep_ == "cop" for c in root.children) and not said_for
    for noun in span:
        if noun.pos_ != "NOUN" or not (noun.dep_.startswith(("nsubj", "obj")) or noun == root):
            continue
        judged = any(
            c.dep_ == "amod" and c.lemma_.lower() in EVALUATIVE_WORDS for c in noun.children
        ) and not (
            noun.dep_.startswith("nsubj")
            and not any(c.dep_ == "cop" for c in root.children)
            and any(c.dep_ == "det" and c.lower_ in ("un", "une") for c in noun.children)
        )
        said_for = any(c.dep_.startswith(("nmod", "acl")) for c in noun.children)
        if noun.dep_ == "obj" and any(c.dep_.startswith("obl") for c in root.children):
            said_for = True  # 'joue un rôle important dans la myasthénie'
        if judged and not said_for:
            return True
    return False


def _impersonal(verb):
    """A verb French uses with an impersonal 'il' ('il existe', 'il faut', 'il est
    important de'); not an adjective with nothing after it ('Il n'est pas contagieux':
    the disease is not)."""
    if verb.lemma_.lower() in IMPERSONAL_VERBS:
        return True
    return (
        verb.pos_ == "ADJ"
        and any(c.dep_ == "cop" for c in verb.children)
        and any(t.lower_ in ("de", "d'", "que", "qu'") for t in verb.doc[verb.i + 1 :])
    )


def _il_y_a(token):
    return token.head.lemma_ == "avoir" and any(
        c.lower_ == "il" for c in token.head.children if c.dep_.startswith(("expl", "nsubj"))
    )
