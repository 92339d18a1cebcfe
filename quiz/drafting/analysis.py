"""Everything drafting needs to know about a text, read from spaCy's parse and checked on
the words themselves: sentences, cleaned noun phrases (terms), the gender each noun takes
in the text, the roles nouns stand in, synonyms, key phrases and enumerations."""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .drafts import normalise
from .enumerations import (
    categories,
    has_finite_verb,
    heads_of,
    list_blocks,
    list_enumeration,
    sentence_enumerations,
)
from .lexicon import (
    ANAPHORS,
    ARTICLES,
    CONTRAST_FAMILIES,
    CONTRASTS,
    FUNCTION_WORDS,
    GENDER_OF_WORD,
    GENERIC_NOUNS,
    META_LEMMAS,
    NOTE_SYMBOLS,
    VOWELS,
)
from .markdown import markdown_blocks
from .pipeline import load_pipeline

# A note ('Asthme = inflammation → ...', 'Auto-évaluation= ...') is no sentence.
NOTE = re.compile(rf"{NOTE_SYMBOLS}|^\S+\s?=\s")


@dataclass
class Term:
    """A cleaned noun phrase that begins with an article: a possible answer or distractor."""

    text: str  # as written, article included
    article: str
    head_lemma: str
    lemmas: frozenset
    gender: str | None
    number: str
    tokens: int
    start: int  # character offsets in the sentence
    end: int
    head: object = field(repr=False, default=None)
    named: bool = False  # holds a proper noun ('la maladie de Parkinson')


@dataclass
class Sentence:
    span: object
    text: str
    terms: list
    block: int = 0  # the paragraph or list it is in, by position
    source: str = ""  # the sentence of the text it was made from, when it was rewritten
    following: str = ""  # the sentence after it in its paragraph, which often says why
    preceding: str = ""  # the sentence before it, where the statement took its subject there
    support: str = ""  # another sentence of the lesson that says why (explanations.py)
    support_first: bool = False  # that sentence comes before the source in the text
    listed: bool = False  # an item of a list, not a sentence of a paragraph
    condition: bool = False  # an item of a list of conditions ('Consultez si :')
    of_topic: bool = False  # its subject is the text's topic ('L'ostéoporose rend …')

    def __post_init__(self):
        self.source = self.source or self.text


@dataclass
class Analysis:
    sentences: list
    pool: list  # every Term of the text, for distractors
    gender_of: dict  # noun lemma -> gender seen with an article that shows it
    roles: dict  # (governor lemma, relation) -> noun lemmas seen there
    roles_of: dict  # noun lemma -> every (governor lemma, relation) it has in the text
    synonyms: dict  # a phrase's lemmas -> lemmas of other names given for it
    kinds: dict  # a term's lemmas -> the lemmas of what the text says it is (its hypernyms)
    defined_at: dict  # a term's lemmas -> the index of the sentence that first says what it is
    bold: set  # lower-cased key phrases
    bold_bare: set  # the same without article nor plural mark
    lemma_counts: Counter
    words: set  # lower-cased words of the text
    enumerations: list
    category_of: dict  # noun lemma -> the index of the category of lists it is listed in
    opposed: dict  # CONTRASTS pair index -> what the text opposes its words about (None: any)
    normalised_sentences: set


@lru_cache(maxsize=8)
def analyse(text):
    """Everything drafting needs to know about a text; cached, since a course's context
    is analysed once for each of its lessons."""
    nlp = load_pipeline()
    blocks, bold = markdown_blocks(text)
    units = []  # (block, text)
    for block in blocks:
        units += [(block, item[: nlp.max_length - 1]) for item in block.texts]
    docs = list(nlp.pipe(text for _block, text in units))
    gender_votes = defaultdict(Counter)
    roles = defaultdict(set)
    roles_of = defaultdict(set)
    lemma_counts = Counter()
    words = set()
    sentences, pool, enumerations = [], [], []
    verbs = set()
    bold_lower = {phrase.lower() for phrase in bold if len(phrase.split()) <= 6}
    block_index = {id(block): index for index, block in enumerate(blocks)}
    for (block, _text), doc in zip(units, docs, strict=True):
        for token in doc:
            words.add(token.lower_)
            if token.pos_ == "VERB":
                verbs.add(token.lower_)
            if token.pos_ in ("NOUN", "PROPN"):
                lemma_counts[token.lemma_.lower()] += 1
                _vote_gender(token, gender_votes)
                for role in token_roles(token):
                    roles[role].add(token.lemma_.lower())
                    roles_of[token.lemma_.lower()].add(role)
        for span in _sentences(doc):
            terms = terms_of(span)
            pool += terms
            sentences.append(
                Sentence(
                    span,
                    span.text.strip(),
                    terms,
                    block_index[id(block)],
                    listed=block.kind == "list",
                    condition=block.kind == "list" and bool(CONDITIONS.search(block.intro)),
                )
            )
        enumerations += sentence_enumerations(doc)
    for block, doc_group in list_blocks(units, docs):
        enumeration = list_enumeration(block, doc_group, nlp)
        if enumeration:
            enumerations.append(enumeration)
    pool = [term for term in pool if term.head.lower_ not in verbs]
    for sentence in sentences:
        sentence.terms = [term for term in sentence.terms if term.head.lower_ not in verbs]
    for enumeration in enumerations:
        enumeration.heads = frozenset(heads_of(enumeration.terms, nlp))
        enumeration.label_has_verb = has_finite_verb(nlp(enumeration.label))
    gender_of = {
        lemma: votes.most_common(1)[0][0]
        for lemma, votes in gender_votes.items()
        if len(votes) == 1 or votes.most_common(2)[0][1] > votes.most_common(2)[1][1]
    }
    kinds, defined_at = _kinds(sentences)
    return Analysis(
        sentences=sentences,
        pool=pool,
        gender_of=gender_of,
        roles=dict(roles),
        roles_of=dict(roles_of),
        synonyms=_synonyms(sentences),
        kinds=kinds,
        defined_at=defined_at,
        bold=bold_lower,
        bold_bare={bare_phrase(phrase) for phrase in bold_lower},
        lemma_counts=lemma_counts,
        words=words,
        enumerations=enumerations,
        category_of={
            lemma: index
            for index, category in enumerate(categories(enumerations))
            for lemma in category["heads"]
        },
        normalised_sentences={normalise(sentence.text) for sentence in sentences},
        opposed=_opposed(docs),
    )


def _opposed(docs):
    """The contrasting pairs (lexicon.CONTRASTS) the text itself sets against each other:
    both words said of the same thing ('les fasciculations bénignes' and 'les fasciculations
    pathologiques'), or side by side ('bénignes et pathologiques'). Swapping a pair the text
    does not oppose ('grave' of a disease, 'inoffensives' of contractions) would not give a
    statement the text plainly contradicts."""
    anchors = defaultdict(set)  # (pair, side) -> lemmas of what the word is said of
    linked = set()  # pairs whose two words one sentence sets side by side
    for doc in docs:
        for sentence in doc.sents:
            sides = defaultdict(set)
            for token in sentence:
                for index, (left, right) in enumerate(CONTRASTS):
                    side = 0 if token.lower_ in left else 1 if token.lower_ in right else None
                    if side is None:
                        continue
                    sides[index].add(side)
                    anchors[index, side] |= said_of(token)
            linked |= {index for index, found in sides.items() if len(found) == 2}
    opposed = {}
    for index in range(len(CONTRASTS)):
        shared = anchors[index, 0] & anchors[index, 1]
        if index in linked:
            shared = anchors[index, 0] | anchors[index, 1]
        if shared:
            opposed[index] = frozenset(shared)
    first_words = {left[0]: index for index, (left, _right) in enumerate(CONTRASTS)}
    for adverbs, adjectives in CONTRAST_FAMILIES:
        if first_words[adjectives] in opposed:
            opposed[first_words[adverbs]] = None  # said of anything
    return opposed


def said_of(token):
    """What a contrasting word is said of: the noun an adjective qualifies, the subject of
    a predicate or of the verb an adverb modifies, and the word it is coordinated with."""
    found = {("word", token.head.lemma_.lower())} if token.dep_ == "conj" else set()
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        found.add(("word", token.lemma_.lower()))
    if token.dep_ == "amod":
        found.add(("noun", token.head.lemma_.lower()))
    predicate = token.head if token.pos_ == "ADV" else token
    for child in predicate.children:
        if child.dep_.startswith("nsubj"):
            found.add(("noun", child.lemma_.lower()))
    return found


def _sentences(doc):
    """spaCy's sentences, with a piece that goes on from the one before joined to it (see
    _goes_on)."""
    spans = []
    for span in doc.sents:
        if spans and _goes_on(spans[-1], span):
            spans[-1] = doc[spans[-1].start : span.end]
        else:
            spans.append(span)
    return [piece for span in spans for piece in _split_at_full_stops(span)]


# Abbreviations a full stop ends without ending the sentence ('env. 6 à 7 % des adultes').
ABBREVIATIONS = frozenset({"env", "cf", "ex", "approx", "vs", "max", "min", "resp"})


def _goes_on(before, span):
    """Whether the parser cut a sentence where it goes on: a piece that starts in lower
    case (the parser cuts at a semicolon, 'Les fasciculations bénignes sont fréquentes ;
    les fasciculations pathologiques sont rares.', or inside a label, and no French
    sentence starts in lower case), with a comma or a closing bracket, or with an opening
    one after no full stop ('… obstructif (VEMS/CV < 0,70) réversible'); a cut inside a
    word ('le système rénine-angiotensine-aldostérone', 'le NT-proBNP', 'le T-score': no
    space before the hyphen); a cut inside brackets ('(VEMS/CV < 0,70)'); or after an
    abbreviation ('env. 6 à 7 %')."""
    first = next((t for t in span if not t.is_space), None)
    if first is None:
        return False
    if first.text[:1].islower() or first.text[:1] in ",;)]":
        return True
    last = next((t for t in reversed(before) if not t.is_space), before[-1])
    ended = last.text in (".", "!", "?", "…", ":", ";")
    if not ended and (first.text == "(" or not (last.whitespace_ or before[-1].is_space)):
        return True
    if before.text.count("(") > before.text.count(")"):
        return True
    words = [t for t in before if not t.is_space]
    return (
        len(words) >= 2
        and words[-1].text == "."
        and words[-2].lower_ in ABBREVIATIONS
        and not words[-2].whitespace_
    )


def _split_at_full_stops(span):
    """The parser sometimes runs on past a full stop after a unit ('2,20 mmol/L. Quand
    l'albumine ...'): a stop followed by a capital ends a sentence."""
    doc, pieces, start = span.doc, [], span.start
    for token in span[:-1]:
        following = doc[token.i + 1]
        stop = token.text == "." or (
            token.text.endswith(".") and token.i > 0 and token.nbor(-1).text == "/"
        )  # ('a.' opening the text, a lettered point, has no word before it)
        if stop and following.text[:1].isupper():  # 'mmol/L.' is one token
            pieces.append(doc[start : token.i + 1])
            start = token.i + 1
    pieces.append(doc[start : span.end])
    return pieces


def bare_phrase(phrase):
    words = phrase.replace("'", "' ").split()
    if words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words).rstrip("sx")


def _vote_gender(noun, votes):
    """The gender an article shows in front of this noun: the text's own evidence."""
    for child in noun.children:
        if child.i < noun.i and child.dep_ == "det" and child.lower_ in GENDER_OF_WORD:
            votes[noun.lemma_.lower()][GENDER_OF_WORD[child.lower_]] += 1
    previous = noun.doc[noun.i - 1] if noun.i > 0 else None
    if previous is not None and previous.lower_ in ("du", "au"):
        votes[noun.lemma_.lower()]["Masc"] += 1


def token_roles(token):
    """Where a noun stands: its governor's lemma and relation; a conjunct shares the role
    of the word it is coordinated with ('le stress, la caféine ou l'alcool'). The subject
    of a definition ('X est une contraction ...') is not in a shared role with the subject
    of another definition: what sets them apart is in the rest of each sentence; nor is a
    noun in a denied statement."""
    roles = set()
    for word in (token, token.head) if token.dep_ in ("conj", "appos") else (token,):
        if word.head.i == word.i and word.i != token.i:
            continue
        relation = word.dep_.split(":")[0]
        if relation == "nsubj" and any(c.dep_ == "cop" for c in word.head.children):
            relation = "definition"
        if any(c.lower_ in ("ne", "n'", "pas") for c in word.head.children):
            relation += ", denied"  # 'la SEP ne détruit pas les motoneurones': not the same role
        roles.add((word.head.lemma_.lower(), relation))
    return roles


def terms_of(span):
    """Noun phrases of the sentence cleaned into terms: from the article to the head noun,
    with its adjectives and a short complement ('une carence en magnésium'); a chunk that
    starts with a comma, 'de' or a relative pronoun is cut back to its article, and one
    with no article is dropped."""
    terms, seen = [], set()
    for chunk in list(span.noun_chunks) + [e for e in span.ents if e.start > span.start]:
        head = chunk.root
        if head.pos_ not in ("NOUN", "PROPN"):
            continue
        start = None
        for token in span.doc[chunk.start : head.i + 1]:
            if token.pos_ == "DET" and token.lower_ in ARTICLES:
                start = token.i
        if start is None and chunk.start > span.start:
            previous = span.doc[chunk.start - 1]  # an entity after its article
            if previous.pos_ == "DET" and previous.lower_ in ARTICLES:
                start = previous.i
        if start is None:
            continue
        between = span.doc[start : head.i + 1]
        if any(t.is_punct or t.pos_ in ("PRON", "VERB", "AUX", "ADP") for t in between):
            continue
        end = _extend(head, span)
        if end is None or (start, end) in seen or end - start > 7:
            continue
        seen.add((start, end))
        words = span.doc[start:end]
        if not head.is_alpha or len(head.text) < 3 or head.is_stop:
            continue
        if head.lower_.endswith("ent") and head.lemma_.endswith(("er", "ir", "re")):
            continue  # 'les accompagnent': a pronoun and a verb read as a noun phrase
        article = span.doc[start].lower_
        terms.append(
            Term(
                text=words.text,
                article=article,
                head_lemma=head.lemma_.lower(),
                lemmas=frozenset(
                    t.lemma_.lower() for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ")
                ),
                gender=GENDER_OF_WORD.get(article),
                number="Plur" if article in ("les", "des") else "Sing",
                tokens=len(words),
                start=words.start_char - span.start_char,
                end=words.end_char - span.start_char,
                head=head,
                named=any(t.pos_ == "PROPN" for t in words),
            )
        )
    return terms


def _extend(head, span):
    """The end of the term: the head noun with the adjectives and the short complement
    ('de', 'en', 'sans') that follow it without a break; None when the phrase goes on in a
    way a term cannot end (it would be a fragment)."""
    end = head.i + 1
    for child in head.rights:
        if child.left_edge.i != end or child.i >= span.end:
            break
        if child.pos_ == "ADJ" and child.dep_ == "amod":
            if head.lower_.endswith(("s", "x")) != child.lower_.endswith(("s", "x")):
                return None  # no agreement in number: the parser joined unrelated words
            if child.right_edge.i != child.i:
                return None  # 'des crampes associées | à une faiblesse'
            end = child.i + 1
            continue
        subtree = list(child.subtree)
        if child.dep_.startswith("nmod") and subtree[0].lower_ in _COMPLEMENT_WORDS:
            if child.lemma_.lower() in GENERIC_NOUNS:
                break  # 'de façon incontrôlée' qualifies the verb, not the noun
            if (
                len(subtree) > 4
                or subtree[-1].i >= span.end
                or not all(t.pos_ in ("ADP", "DET", "NOUN", "PROPN", "ADJ") for t in subtree)
            ):
                return None
            end = subtree[-1].i + 1
            continue
        break
    return end


_COMPLEMENT_WORDS = {"de", "d'", "en", "des", "du", "sans"}


def _synonyms(sentences):
    """Terms the text gives as names of the same thing: 'X (Y)', 'X, aussi appelée Y',
    'X (ou Y)', 'X, c'est-à-dire Y'. Read from the parse: a noun in parentheses or in
    apposition to another. Keyed by the lemmas of the whole phrase named ('la sclérose
    latérale amyotrophique', not every 'sclérose'), or of the noun where no phrase was found."""
    synonyms = defaultdict(set)
    for sentence in sentences:
        by_head = {term.head.i: term for term in sentence.terms}
        for token in sentence.span:
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            before = sentence.span.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
            bracketed = before is not None and before.text in ("(", "ou")
            named = before is not None and before.lower_ in ("appelé", "appelée", "appelés")
            if token.dep_ in ("appos", "parataxis") or bracketed or named:
                if _describes(token):
                    continue  # '(maladie démyélinisante)': what it is, not another name
                other = token.head
                if other.i == token.i or other.pos_ not in ("NOUN", "PROPN"):
                    other = _previous_noun(token)
                if other is not None:
                    name, anchor = _name_lemma(token), other.lemma_.lower()
                    term = by_head.get(other.i)
                    synonyms[term.lemmas if term else frozenset({anchor})].add(name)
                    synonyms[frozenset({name})].add(anchor)
    return dict(synonyms)


def synonyms_of(term, course):
    """The lemmas of the names the text gives to the same thing as `term`."""
    found = set(course.synonyms.get(term.lemmas, ()))
    found |= course.synonyms.get(frozenset({term.head_lemma}), set())
    return found


def offset_in(token, sentence):
    return token.idx - sentence.span.start_char


def _describes(token):
    """A common noun with an adjective or a complement, in apposition: a description."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "amod" or (c.dep_.startswith("nmod") and c.pos_ == "NOUN") for c in token.children
    )


def _name_lemma(token):
    """The word that names: 'Charcot' in 'maladie de Charcot' (every disease is a maladie)."""
    names = [c for c in token.children if c.dep_.startswith("nmod") and c.pos_ == "PROPN"]
    return (names[0] if names else token).lemma_.lower()


def _kinds(sentences):
    """What the text says each term is: 'X est une contraction ...' (a definition), 'X :
    un sursaut ...' (a glossary line), 'X (maladie démyélinisante)', 'X, aussi appelée
    maladie de Charcot', 'X et Y sont des maladies ...', and the reverse identity 'La
    maladie type est X'. Terms of the same kind are the plausible distractors for each
    other; without word vectors, this is the text's own classification."""
    kinds, defined_at = defaultdict(set), {}
    for index, sentence in enumerate(sentences):
        by_head = {term.head.i: term for term in sentence.terms}

        def add(subject, kind, by_head=by_head, index=index):
            term = by_head.get(subject.i)
            key = term.lemmas if term is not None else frozenset({subject.lemma_.lower()})
            if kind.pos_ == "NOUN" and kind.i != subject.i:
                kinds[key].add(kind.lemma_.lower())
                defined_at.setdefault(key, index)

        tokens = list(sentence.span)
        for token in tokens:
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            children = list(token.children)
            negated = any(c.lower_ in ("ne", "n'", "pas") for c in children)
            located = any(c.dep_ == "case" for c in children)  # 'est à l'origine'
            if any(c.dep_ == "cop" for c in children) and not (negated or located):
                for subject in (c for c in token.children if c.dep_.startswith("nsubj")):
                    if subject.pos_ not in ("NOUN", "PROPN"):
                        continue
                    identity = any(
                        c.dep_ == "det" and c.lower_ in ("le", "la", "l'") for c in token.children
                    )
                    if identity and any(c.lower_ == "type" for c in subject.children):
                        add(token, subject)  # 'La maladie type est la SLA'
                        continue  # (and 'maladie' is no kind of 'sclérose')
                    for each in (subject, *(c for c in subject.children if c.dep_ == "conj")):
                        add(each, token)
            start = token.left_edge.i
            bracketed = start > 0 and token.doc[start - 1].text == "("
            if token.dep_ == "appos" and bracketed and _describes(token):
                add(token.head, token)
            named = token.dep_ == "xcomp" and token.head.lower_ in ("appelé", "appelée")
            if named and token.head.head.pos_ in ("NOUN", "PROPN"):
                add(token.head.head, token)
        if kind := glossary_kind(sentence):
            add(sentence.terms[0].head, kind)  # 'La crampe : une contraction douloureuse ...'
    return {key: frozenset(value) for key, value in kinds.items()}, defined_at


def glossary_kind(sentence):
    """In a glossary line, 'X (or Y) : un sursaut brusque ...', the noun after the colon
    (what X is); else None."""
    tokens = list(sentence.span)
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if not colon or colon + 2 >= len(tokens) or not sentence.terms:
        return None
    first = sentence.terms[0]
    article, noun = tokens[colon + 1], tokens[colon + 2]
    between = [
        token.text
        for token in tokens[:colon]
        if offset_in(token, sentence) >= first.end and not token.is_space
    ]
    glossary = not between or (between[0] == "(" and between[-1] == ")")
    if glossary and first.start == 0 and article.lower_ in ("un", "une") and noun.pos_ == "NOUN":
        return noun
    return None


def _previous_noun(token):
    for candidate in reversed(token.doc[max(0, token.i - 8) : token.left_edge.i]):
        if candidate.pos_ in ("NOUN", "PROPN"):
            return candidate
    return None


def is_key_phrase(term, course):
    """One of the text's key terms: set in bold by the author, or a form of one; or, in a
    text without bold (a pasted page, a translation), a term the text says what it is,
    gives another name for ('la diplopie (vision double)'), or comes back to at least
    three times."""
    text = term.text.lower()
    bare = text[len(term.article) :].strip()
    if text in course.bold or bare in course.bold or bare.rstrip("sx") in course.bold_bare:
        return True
    if term.head_lemma in GENERIC_NOUNS:
        return False
    if term.lemmas in course.kinds or term.lemmas in course.synonyms:
        return True
    if frozenset({term.head_lemma}) in course.kinds and len(term.lemmas) == 1:
        return True
    return term.tokens <= 4 and course.lemma_counts[term.head_lemma] >= 3


# The end of a list's introduction that makes its items conditions: 'Consultez le jour
# même si :', 'Appelez le 15 lorsque :', 'dans les cas suivants :'.
CONDITIONS = re.compile(
    r"\b(?:si|s'il|s'ils|lorsque|lorsqu'|quand|en cas d[e']|dans les cas suivants"
    r"|dans ces (?:cas|situations))\s*:?\s*$",
    re.IGNORECASE,
)


def is_draftable(sentence):
    """A sentence worth turning into a question: French, a whole statement, standing on
    its own (no pronoun subject pointing back, no remark about the course, no condition
    of a list of them: 'les symptômes ne s'améliorent pas après trois jours' under 'Consultez
    si :' says when to consult, not how the disease goes)."""
    if getattr(sentence, "condition", False):
        return False
    span = sentence.span
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not 4 <= len(words) <= 40:
        return False
    if sum(t.lower_ in FUNCTION_WORDS for t in words) < 0.15 * len(words):
        return False  # not French
    text = sentence.text
    if not text[:1].isupper() or text.endswith("?") or not text.endswith((".", "!", "»")):
        return False
    if NOTE.search(text):
        return False  # 'Asthme = inflammation → ...': a note, not a sentence to quote
    finite = any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in span)
    root = span.root
    if root.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in root.children):
        finite = True  # 'La SLA détruit les motoneurones': 'détruit' misread as a participle
    if not finite and glossary_kind(sentence) is None:
        return False  # a label or a list, not a statement
    if (
        root.pos_ in ("VERB", "AUX")
        and root.lower_.endswith("ez")
        and "vous" not in {t.lower_ for t in span}
    ):
        return False  # 'Une fois la glycémie corrigée, mangez une collation': an instruction
    if "Imp" in span.root.morph.get("Mood") or (
        finite
        and not any(t.dep_.startswith(("nsubj", "expl")) and t.head.i == span.root.i for t in span)
        and not any(c.dep_ == "cop" for c in span.root.children)
    ):
        return False  # an instruction ('Buvez régulièrement'), or a list item's fragment
    if any(t.lemma_.lower() in META_LEMMAS for t in span):
        return False
    if any(c.dep_.startswith("nsubj") and c.pos_ == "DET" for c in root.children):
        return False  # a noun read as the verb ('Une aura qui dure …': 'aura' as 'avoir')
    if sentence.listed and any(
        c.dep_.startswith("nsubj")
        and c.pos_ == "NOUN"
        and c.i == span.start
        and not any(d.dep_ in ("det", "nummod") for d in c.children)
        for c in root.children
    ):
        return False  # a list item without its article ('Surveillance cardiaque continue')
    if any(c.dep_ == "mark" and c.i < root.i for c in root.children):
        return False  # 'Rien par la bouche tant que ...': the main clause has no verb
    first = words[0]
    if first.lower_ in ANAPHORS or "Inf" in first.morph.get("VerbForm"):
        return False  # points back to what came before, or an instruction
    second = first.nbor() if first.i + 1 < len(first.doc) else None
    named = first.pos_ in ("PROPN", "NOUN") and second is not None and second.text == ","
    named = (
        named
        or any(  # an age: 'Mme V., 67 ans', 'une femme de 45 ans' (not 'plus de 65 ans')
            t.like_num
            and t.nbor().lower_ == "ans"
            and t.i > 1
            and t.nbor(-1).lower_ in (",", "de")
            and t.nbor(-2).lower_ not in ("plus", "moins")
            for t in span[:-1]
        )
    )
    if first.pos_ == "PROPN" or named or first.text in ("M.", "Mme"):
        return False  # a case study's person: no general statement
    if any(
        e.label_ == "PER" and e.start > 0 and e.doc[e.start - 1].lower_ != "de" for e in span.ents
    ):
        return False  # a case study's person: no general statement
    return not any(
        t.dep_.startswith("nsubj")
        and t.pos_ == "PRON"
        and t.head == span.root
        and t.lower_ != "on"  # 'On parle d'hypocalcémie lorsque ...' points nowhere
        and not any(c.dep_ == "det" for c in t.children)  # 'l'infirmier' misread as one
        for t in span
    )


def says_on(span):
    """'On parle de ...', 'on trouve ...': a statement of how things are named or found,
    not a claim to call true or false."""
    return any(t.lower_ == "on" and t.dep_.startswith("nsubj") for t in span)


def is_hedged(span):
    """A statement of what can happen ('peuvent s'accompagner de', 'parfois'): swapping a
    word in it rarely makes it false, and other things of the same kind may fit it too."""
    return any(t.lemma_ == "pouvoir" or t.lower_ == "parfois" for t in span)


def defines(term, sentence):
    """Whether the sentence says what the term is ('X est une contraction ...', 'X : un
    sursaut ...'): there, other terms of the same kind are wrong by the rest of it."""
    if any(relation == "definition" for _governor, relation in token_roles(term.head)):
        return True
    return term.start == 0 and term.head.dep_ == "ROOT" and ":" in sentence.text


def parse_is_unsure(span):
    """Signs the parser misread the sentence."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
        return True
    if any(t.dep_ == "dep" or t.pos_ == "X" for t in span):
        return True
    # A predicate adjective read as a passive participle ('sont fréquentes' -> fréquenter).
    return root.pos_ == "VERB" and any(c.dep_ == "cop" for c in root.children)


def claims(span):
    """How many claims the statement makes: its clauses with a finite verb and a subject of
    their own, other than relative and subordinate clauses ('lorsque', 'si', 'car'), and
    what 'tandis que' or 'alors que' set beside the main one."""
    count = 0
    for token in span:
        if "Fin" not in token.morph.get("VerbForm"):
            continue
        if token.dep_ in ("aux", "aux:pass", "cop"):
            continue
        if token.dep_ in ("advcl", "ccomp", "csubj", "acl", "acl:relcl", "xcomp"):
            if any(c.lower_ in ("tandis", "alors") for c in token.children):
                count += 1
            continue
        if token.i == span.root.i or token.dep_ in ("conj", "parataxis"):
            count += 1
    root = span.root
    if "Fin" not in root.morph.get("VerbForm") and any(
        c.dep_ in ("cop", "aux", "aux:pass") and "Fin" in c.morph.get("VerbForm")
        for c in root.children
    ):
        count += 1  # 'Les fasciculations bénignes sont fréquentes': the claim is the copula's
    return count


def topic_phrase(title, analysis):
    """The course's title as the text writes it with its article ('Sclérose en plaques' ->
    'la sclérose en plaques'), or None where the title names no term of the text."""
    if not title or not any(c.isalpha() for c in title.split("(")[0].split(":")[0]):
        return None  # '(SEP)', ': notes': no name before what it spells out or adds
    for wanted in _title_names(title):
        for term in analysis.pool:
            bare = term.text[len(term.article) :].strip().lower()
            if term.article in ("le", "la", "l'") and bare == wanted.lower():
                return term.text[:1].lower() + term.text[1:]
    wanted = " ".join(title.split("(")[0].split(":")[0].lower().split())
    # a name the parser cut ('le syndrome de Guillain' | '-Barré'): as the text writes it
    found = re.compile(rf"\b(le |la |l')({re.escape(wanted)})\b", re.IGNORECASE)
    for sentence in analysis.sentences:
        match = found.search(sentence.text)
        if match:
            return match.group(1).lower() + match.group(2)
    for name in _title_names(title):
        phrase = _with_definite_article(name, analysis)
        if phrase:
            return phrase
    return None


def _with_definite_article(name, analysis):
    """A name the text never writes after 'le' or 'la', with the article it takes: lecture
    notes write 'BPCO = …', 'Asthme = …', a patient page 'une hypoglycémie'. The gender is
    the one the text gives it ('une BPCO' -> 'la BPCO'); before a vowel none is needed
    ('l'asthme'). The name must be in two of the text's sentences: a title's word the text
    uses once is not what it is about."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
    if sum(bool(pattern.search(s.text)) for s in analysis.sentences) < 2:
        return None
    written = name if name[1:].isupper() else name[:1].lower() + name[1:]
    gender = number = None
    for term in analysis.pool:
        if term.text[len(term.article) :].strip().lower() == name.lower():
            gender = gender or term.gender or analysis.gender_of.get(term.head_lemma)
            number = number or term.number
    return _with_article(written, number, gender)


def _with_article(phrase, number, gender):
    """The phrase with its definite article: 'les' for a plural, 'l'' before a vowel, else
    'le' or 'la' by its gender; None where the gender is not known."""
    if number == "Plur":
        return "les " + phrase
    if phrase.startswith(VOWELS):
        return "l'" + phrase
    if gender is not None:
        return ("le " if gender == "Masc" else "la ") + phrase
    return None


_TITLE_ARTICLE = re.compile(r"^(?:(?:le|la|les)\s+|l['’])", re.IGNORECASE)


def _title_names(title):
    """What a title may name the topic by, the whole first: 'Sclérose en plaques'; on
    either side of a dash ('BPCO – Bronchopneumopathie …'); and the noun before what it
    is said of ('La cystite chez la femme' -> 'cystite', 'La déshydratation de la personne
    âgée' -> 'déshydratation', 'Asthme de l'adulte' -> 'Asthme')."""
    title = " ".join(title.split("(")[0].split(":")[0].split())
    names = [title]
    for dash in (" – ", " — ", " - "):
        if dash in title:
            names += [part.strip() for part in title.split(dash)]
    bare = _TITLE_ARTICLE.sub("", title, count=1)
    if bare != title:
        names.append(bare)
        cut = re.split(r" (?:chez|de la|de l'|du|des|de|dans) ", bare, maxsplit=1)[0]
    else:  # 'Secousses dans la jambe' is a name; 'Asthme de l'adulte', who has it
        cut = re.split(r" (?:chez |de l'|de la )", bare, maxsplit=1)[0]
    first = cut.lower().split()[:1]  # none in a title of punctuation only ('(SEP)')
    kind = cut.lower() in _KINDS_OF_TOPIC or bool(set(first) & _KINDS_OF_TOPIC)
    if cut != bare and not kind:
        names.append(cut)  # not 'maladie' of 'La maladie de Parkinson'
    return [name for name in names if name]


# Nouns a title opens on that say what kind of topic it is, not which one.
_KINDS_OF_TOPIC = {
    "maladie", "syndrome", "prise en charge", "prévention", "traitement", "soins", "soin",
    "surveillance", "évaluation", "rôle", "éducation", "fiche", "cours",
}  # fmt: skip


def titled(title, analysis):
    """The course's title as a phrase with the article its first noun takes in the text
    ('Prévention des chutes' -> 'la prévention des chutes', 'Escarres' -> 'les escarres',
    'AVC' -> 'l'AVC'), or None where the text does not show which."""
    if not title:
        return None
    wanted = " ".join(title.split("(")[0].split(":")[0].split())
    first, _space, rest = wanted.partition(" ")
    if not first[:1].isalpha():
        return None
    noun = first.lower()
    phrase = (noun if first[1:].islower() or len(first) == 1 else first) + (
        " " + rest if rest else ""
    )
    for term in analysis.pool:
        words = term.text[len(term.article) :].lower().split()
        if not words or words[0] != noun:
            continue
        gender = term.gender or analysis.gender_of.get(term.head_lemma)
        phrased = _with_article(phrase, term.number, gender)
        if phrased is not None:
            return phrased
    return None
