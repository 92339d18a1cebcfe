"""Everything drafting needs to know about a text, read from spaCy's parse and checked on
the words themselves: sentences, cleaned noun phrases (terms), the gender each noun takes
in the text, the roles nouns stand in, synonyms, key phrases and enumerations."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from .drafts import normalise
from .enumerations import (
    has_finite_verb,
    heads_of,
    list_blocks,
    list_enumeration,
    sentence_enumerations,
)
from .lexicon import ANAPHORS, ARTICLES, FUNCTION_WORDS, GENDER_OF_WORD, GENERIC_NOUNS, META_LEMMAS
from .markdown import markdown_blocks
from .pipeline import load_pipeline


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


@dataclass
class Sentence:
    span: object
    text: str
    terms: list


@dataclass
class Analysis:
    sentences: list
    pool: list  # every Term of the text, for distractors
    gender_of: dict  # noun lemma -> gender seen with an article that shows it
    roles: dict  # (governor lemma, relation) -> noun lemmas seen there
    roles_of: dict  # noun lemma -> every (governor lemma, relation) it has in the text
    synonyms: dict  # lemma -> lemmas given as the same thing
    bold: set  # lower-cased key phrases
    bold_bare: set  # the same without article nor plural mark
    lemma_counts: Counter
    words: set  # lower-cased words of the text
    enumerations: list
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
    bold_lower = {phrase.lower() for phrase in bold}
    for (_block, _text), doc in zip(units, docs, strict=True):
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
        for span in doc.sents:
            terms = _terms(span)
            pool += terms
            sentences.append(Sentence(span, span.text.strip(), terms))
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
    return Analysis(
        sentences=sentences,
        pool=pool,
        gender_of=gender_of,
        roles=dict(roles),
        roles_of=dict(roles_of),
        synonyms=_synonyms(sentences),
        bold=bold_lower,
        bold_bare={bare_phrase(phrase) for phrase in bold_lower},
        lemma_counts=lemma_counts,
        words=words,
        enumerations=enumerations,
        normalised_sentences={normalise(sentence.text) for sentence in sentences},
    )


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
    of the word it is coordinated with ('le stress, la caféine ou l'alcool')."""
    roles = {(token.head.lemma_.lower(), token.dep_.split(":")[0])}
    if token.dep_ in ("conj", "appos") and token.head is not token:
        first = token.head
        roles.add((first.head.lemma_.lower(), first.dep_.split(":")[0]))
    return roles


def _terms(span):
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
    apposition to another."""
    synonyms = defaultdict(set)
    for sentence in sentences:
        for token in sentence.span:
            if token.pos_ not in ("NOUN", "PROPN"):
                continue
            before = sentence.span.doc[token.left_edge.i - 1] if token.left_edge.i > 0 else None
            bracketed = before is not None and before.text in ("(", "ou")
            named = before is not None and before.lower_ in ("appelé", "appelée", "appelés")
            if token.dep_ in ("appos", "parataxis") or bracketed or named:
                other = token.head
                if other is token or other.pos_ not in ("NOUN", "PROPN"):
                    other = _previous_noun(token)
                if other is not None:
                    a, b = token.lemma_.lower(), other.lemma_.lower()
                    synonyms[a].add(b)
                    synonyms[b].add(a)
    return dict(synonyms)


def _previous_noun(token):
    for candidate in reversed(token.doc[max(0, token.i - 8) : token.left_edge.i]):
        if candidate.pos_ in ("NOUN", "PROPN"):
            return candidate
    return None


def is_key_phrase(term, course):
    """Set in bold by the author (the text's own key terms), or a form of one."""
    text = term.text.lower()
    bare = text[len(term.article) :].strip()
    return text in course.bold or bare in course.bold or bare.rstrip("sx") in course.bold_bare


def is_draftable(sentence):
    """A sentence worth turning into a question: French, a whole statement, standing on
    its own (no pronoun subject pointing back, no remark about the course)."""
    span = sentence.span
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not 6 <= len(words) <= 40:
        return False
    if sum(t.lower_ in FUNCTION_WORDS for t in words) < 0.15 * len(words):
        return False  # not French
    text = sentence.text
    if not text[:1].isupper() or text.endswith("?") or not text.endswith((".", "!", "»")):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    if any(t.lemma_.lower() in META_LEMMAS for t in span):
        return False
    first = words[0]
    if first.lower_ in ANAPHORS or "Inf" in first.morph.get("VerbForm"):
        return False  # points back to what came before, or an instruction
    second = first.nbor() if first.i + 1 < len(first.doc) else None
    named = first.pos_ in ("PROPN", "NOUN") and second is not None and second.text == ","
    named = named or any(t.like_num and t.nbor().lower_ == "ans" for t in span[:-1])  # an age
    if first.pos_ == "PROPN" or named or first.text in ("M.", "Mme"):
        return False  # a case study's person: no general statement
    if any(
        e.label_ == "PER" and e.start > 0 and e.doc[e.start - 1].lower_ != "de" for e in span.ents
    ):
        return False  # a case study's person: no general statement
    return not any(
        t.dep_.startswith("nsubj") and t.pos_ == "PRON" and t.head == span.root for t in span
    )


def parse_is_unsure(span):
    """Signs the parser misread the sentence."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
        return True
    if any(t.dep_ == "dep" or t.pos_ == "X" for t in span):
        return True
    # A predicate adjective read as a passive participle ('sont fréquentes' -> fréquenter).
    return root.pos_ == "VERB" and any(c.dep_ == "cop" for c in root.children)
