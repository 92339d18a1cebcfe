"""Question drafts from plain French text: cloze, true/false and select-all items that an
instructor reviews before anything reaches a learner.

Language analysis (sentences, parts of speech, lemmas, entities, dependencies) comes from
spaCy's small French pipeline. That model misreads specialist sentences often enough that
every rule here double-checks it on the words themselves: the article written in the text
decides gender and number before any tag does, a noun's gender is taken from the articles
the course puts in front of it, and a draft that cannot be checked is dropped rather than
guessed. The model has no word vectors, so nothing here relies on similarity.

Markdown is reduced to plain sentences first; its lists are kept as enumerations.
"""

import hashlib
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

PIPELINE = "fr_core_news_sm"

# The values of quiz.models.QuestionKind, written out: this module works on plain text and
# imports without Django's app registry (the drafting command and tests set it up).
SINGLE = "single"
TRUE_FALSE = "true_false"
MULTIPLE = "multiple"

BLANK = "_____"
TRUE, FALSE = "Vrai", "Faux"


@dataclass(frozen=True)
class Draft:
    kind: str
    stem: str
    choices: tuple
    answer: str
    source_sentence: str
    explanation: str
    score: float
    key: str


_pipeline = None
_pipeline_lock = threading.Lock()


def load_pipeline():
    """spaCy's French pipeline, loaded once per process, lazily (thread-safe)."""
    global _pipeline
    if _pipeline is None:
        with _pipeline_lock:
            if _pipeline is None:
                import spacy  # a second or two to import: only when drafting

                _pipeline = spacy.load(PIPELINE)
    return _pipeline


def draft_questions(text, *, context=None, limit=None):
    """Drafts from `text`, best first. `context`: the whole course's text, where distractors
    and contrasting pairs are looked for (defaults to `text`)."""
    if not isinstance(text, str) or not text.strip():
        return []
    course = _analyse(context if context and context.strip() else text)
    own = _analyse(text)
    candidates = []
    for sentence in own.sentences:
        if not _is_draftable(sentence):
            continue
        candidates += _cloze_drafts(sentence, course)
        candidates += _true_false_drafts(sentence, course)
    candidates += _multiple_drafts(own, course)
    drafts = _rank([draft for draft in candidates if is_well_formed(draft)])
    return drafts[:limit] if limit else drafts


def draft_key(sentence, kind, answer):
    """The stable identity of a draft: same sentence, kind and answer, same key."""
    return hashlib.sha1(f"{_normalise(sentence)}|{kind}|{_normalise(answer)}".encode()).hexdigest()


# --- Well-formedness -------------------------------------------------------------------

# Options are of similar length when the longest is at most twice the shortest (in
# characters), and the correct answer of a single choice is at most 40 % longer than the
# longest distractor: otherwise the odd one out gives itself away.
MAX_LENGTH_RATIO = 2.0
MAX_ANSWER_EXCESS = 1.4


def similar_lengths(texts, answer=None):
    lengths = [len(text) for text in texts]
    if not lengths or min(lengths) == 0:
        return False
    if max(lengths) > MAX_LENGTH_RATIO * min(lengths):
        return False
    if answer is not None:
        others = [len(text) for text in texts if text != answer]
        if others and len(answer) > MAX_ANSWER_EXCESS * max(others):
            return False
    return True


def is_well_formed(draft):
    """The checks every draft passes before it is proposed."""
    if draft.kind not in (SINGLE, TRUE_FALSE, MULTIPLE) or not draft.stem.strip():
        return False
    texts = [text for text, _correct in draft.choices]
    correct = [text for text, is_correct in draft.choices if is_correct]
    if len(texts) < 2 or any(not text.strip() for text in texts):
        return False
    if len({_option_identity(text) for text in texts}) != len(texts):
        return False  # a duplicate, or the same words in another number
    if draft.answer != " | ".join(correct):
        return False
    if draft.kind == TRUE_FALSE:
        return texts == [TRUE, FALSE] and len(correct) == 1
    if any(text[:1] != text[:1].lower() and not _keeps_capital(text) for text in texts):
        return False  # a capital letter tells the answer
    if draft.kind == SINGLE:
        if len(correct) != 1 or draft.stem.count(BLANK) != 1:
            return False
        if len({text.split(" ", 1)[0].split("'", 1)[0] for text in texts}) != 1:
            return False  # the article before the blank would not fit every option
        if _normalise(correct[0]) in _normalise(draft.stem):
            return False
        return similar_lengths(texts, correct[0])
    return 1 <= len(correct) < len(texts) and similar_lengths(texts)


def _option_identity(text):
    words = _normalise(text).replace("'", " ").split()
    if words and words[0] in _ARTICLES | {"l"}:
        words = words[1:]
    return " ".join(word.rstrip("sx") for word in words)


def _keeps_capital(text):
    first = text.split(" ", 1)[0]
    return first.isupper() or (len(first) > 1 and not first[1:].islower())


# --- Markdown to blocks ----------------------------------------------------------------

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
_SKIPPED_LINE = re.compile(r"^\s*(?:\||!!!|\?\?\?|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$|<)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_NUMBERED_TITLE = re.compile(r"^\d+[.)]\s*")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_CODE = re.compile(r"`([^`]*)`")
_TAG = re.compile(r"<[^>]+>")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?!\*)([^*]+?)(?<!\*)\*(?![*\w])|(?<!\w)_([^_]+)_(?!\w)")
_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


@dataclass
class _Block:
    kind: str  # "paragraph" or "list"
    texts: list
    heading: str = ""
    intro: str = ""


def _inline(text):
    """Plain text of a Markdown line, and the phrases it sets in bold (key terms)."""
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _TAG.sub("", text)
    text = _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
    bold = [m.group(1) or m.group(2) for m in _BOLD.finditer(text)]
    text = _BOLD.sub(lambda m: m.group(1) or m.group(2), text)
    text = text.replace("\\", "").replace("*", "").replace("’", "'")
    return " ".join(text.split()), [" ".join(b.replace("’", "'").split()) for b in bold]


def _last_sentence(paragraph):
    """The sentence that introduces a list ('..., par exemple :'), without what precedes it;
    a plain split is enough here, where only the label of a list is wanted."""
    for mark in (". ", "! ", "? "):
        paragraph = paragraph.rsplit(mark, 1)[-1]
    return paragraph


def _blocks(markdown):
    blocks, bold = [], []
    paragraph, items, heading = [], [], ""
    in_fence = False

    def close_paragraph():
        if paragraph:
            blocks.append(_Block("paragraph", [" ".join(paragraph)], heading))
            paragraph.clear()

    def close_list():
        if items:
            intro = ""
            if blocks and blocks[-1].kind == "paragraph" and blocks[-1].texts[0].endswith(":"):
                intro = _last_sentence(blocks[-1].texts[0])
            blocks.append(_Block("list", list(items), heading, intro))
            items.clear()

    for line in markdown.replace("\r\n", "\n").split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence or _SKIPPED_LINE.match(line):
            continue
        line = re.sub(r"^\s*>\s?", "", line)
        if not line.strip():
            close_paragraph()
            continue
        if match := _HEADING.match(line):
            close_paragraph()
            close_list()
            heading = _NUMBERED_TITLE.sub("", _inline(match.group(1))[0])
            continue
        if match := _ITEM.match(line):
            close_paragraph()
            plain, phrases = _inline(match.group(1))
            bold += phrases
            if plain:
                items.append(plain)
            continue
        plain, phrases = _inline(line)
        bold += phrases
        if items and line[:1].isspace() and not paragraph:
            items[-1] = f"{items[-1]} {plain}"  # an item's continuation line
            continue
        close_list()
        if plain:
            paragraph.append(plain)
    close_paragraph()
    close_list()
    return blocks, bold


# --- Analysis of a text ----------------------------------------------------------------

_ARTICLES = {"le", "la", "l'", "les", "un", "une", "des"}
_GENDER_OF_WORD = {
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
_FUNCTION_WORDS = {
    "le", "la", "les", "l'", "de", "des", "du", "d'", "un", "une", "et", "est", "en", "à",
    "que", "qui", "dans", "pour", "pas", "ne", "n'", "sur", "au", "aux", "par", "se", "s'",
    "sont", "il", "elle", "ils", "elles", "ou", "avec", "ce", "ces", "son", "sa", "ses",
}  # fmt: skip
# Nouns too general to be the point of a question.
_GENERIC_NOUNS = {
    "personne", "cas", "mot", "suite", "moment", "fois", "partie", "exemple", "façon",
    "manière", "chose", "jour", "temps", "question", "leçon", "cours", "point", "fin",
    "début", "ensemble", "type", "sorte", "plupart", "nombre", "place", "rôle", "situation",
    "analyse", "critère", "différence", "pratique", "contraire", "peu", "an", "année",
}  # fmt: skip
# Words that make a sentence a remark about the course, a hedge or a reference elsewhere:
# no statement to test.
_META_LEMMAS = {
    "leçon", "cours", "hypothèse", "voir", "penser", "suivant", "situation", "critère",
    "analyse",
}  # fmt: skip
_ANAPHORS = {
    "ce", "ces", "cette", "cet", "ceux-ci", "celui-ci", "celle-ci", "cela", "ça", "son", "sa",
    "ses", "leur", "leurs",
}  # fmt: skip
_CLITICS = {"se", "s'", "me", "m'", "te", "t'", "nous", "vous", "le", "la", "les", "l'",
            "lui", "leur", "y", "en"}  # fmt: skip
_VOWELS = tuple("aeiouyhâàéèêëîïôöûüœAEIOUYHÂÀÉÈÊËÎÏÔÖÛÜŒ")

# Contrasting words, every inflection in the same slot (masc. sing., fem. sing., masc. plur.,
# fem. plur.), so that a swap keeps agreement by construction. A pair is only used when the
# course itself uses both of its words.
_CONTRASTS = [
    (("bénin", "bénigne", "bénins", "bénignes"),
     ("pathologique", "pathologique", "pathologiques", "pathologiques")),
    (("fréquent", "fréquente", "fréquents", "fréquentes"), ("rare", "rare", "rares", "rares")),
    (("fréquemment",), ("rarement",)),
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


@dataclass
class _Term:
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
class _Sentence:
    span: object
    text: str
    terms: list


@dataclass
class _Enumeration:
    label: str
    terms: list  # plain texts
    source: str
    heads: frozenset = frozenset()
    label_has_verb: bool = False


@dataclass
class _Analysis:
    sentences: list
    pool: list  # every _Term of the text, for distractors
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
def _analyse(text):
    """Everything drafting needs to know about a text; cached, since a course's context
    is analysed once for each of its lessons."""
    nlp = load_pipeline()
    blocks, bold = _blocks(text)
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
                for role in _roles(token):
                    roles[role].add(token.lemma_.lower())
                    roles_of[token.lemma_.lower()].add(role)
        for span in doc.sents:
            terms = _terms(span)
            pool += terms
            sentences.append(_Sentence(span, span.text.strip(), terms))
        enumerations += _sentence_enumerations(doc)
    for block, doc_group in _list_blocks(units, docs):
        enumeration = _list_enumeration(block, doc_group, nlp)
        if enumeration:
            enumerations.append(enumeration)
    pool = [term for term in pool if term.head.lower_ not in verbs]
    for sentence in sentences:
        sentence.terms = [term for term in sentence.terms if term.head.lower_ not in verbs]
    for enumeration in enumerations:
        enumeration.heads = frozenset(_heads_of(enumeration.terms, nlp))
        enumeration.label_has_verb = _has_finite_verb(nlp(enumeration.label))
    gender_of = {
        lemma: votes.most_common(1)[0][0]
        for lemma, votes in gender_votes.items()
        if len(votes) == 1 or votes.most_common(2)[0][1] > votes.most_common(2)[1][1]
    }
    return _Analysis(
        sentences=sentences,
        pool=pool,
        gender_of=gender_of,
        roles=dict(roles),
        roles_of=dict(roles_of),
        synonyms=_synonyms(sentences),
        bold=bold_lower,
        bold_bare={_bare(phrase) for phrase in bold_lower},
        lemma_counts=lemma_counts,
        words=words,
        enumerations=enumerations,
        normalised_sentences={_normalise(sentence.text) for sentence in sentences},
    )


def _bare(phrase):
    words = phrase.replace("'", "' ").split()
    if words and words[0] in _ARTICLES:
        words = words[1:]
    return " ".join(words).rstrip("sx")


def _vote_gender(noun, votes):
    """The gender an article shows in front of this noun: the text's own evidence."""
    for child in noun.children:
        if child.i < noun.i and child.dep_ == "det" and child.lower_ in _GENDER_OF_WORD:
            votes[noun.lemma_.lower()][_GENDER_OF_WORD[child.lower_]] += 1
    previous = noun.doc[noun.i - 1] if noun.i > 0 else None
    if previous is not None and previous.lower_ in ("du", "au"):
        votes[noun.lemma_.lower()]["Masc"] += 1


def _roles(token):
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
            if token.pos_ == "DET" and token.lower_ in _ARTICLES:
                start = token.i
        if start is None and chunk.start > span.start:
            previous = span.doc[chunk.start - 1]  # an entity after its article
            if previous.pos_ == "DET" and previous.lower_ in _ARTICLES:
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
            _Term(
                text=words.text,
                article=article,
                head_lemma=head.lemma_.lower(),
                lemmas=frozenset(
                    t.lemma_.lower() for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ")
                ),
                gender=_GENDER_OF_WORD.get(article),
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
            if child.lemma_.lower() in _GENERIC_NOUNS:
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


# --- Enumerations ----------------------------------------------------------------------


def _list_blocks(units, docs):
    grouped = {}
    for (block, _text), doc in zip(units, docs, strict=True):
        if block.kind == "list":
            grouped.setdefault(id(block), (block, []))[1].append(doc)
    return list(grouped.values())


_CUT_AT = (" : ", " ;", " (", ", qui ", ", parfois")


def _list_enumeration(block, docs, nlp):
    """A Markdown list as an enumeration: each item's leading noun phrase (its bold
    phrases when it starts with them: '**l'alcool, la caféine, les drogues**')."""
    terms = []
    for doc in docs:
        item = doc.text.strip()
        if item.endswith("?"):
            continue
        terms += _item_terms(item)
    terms = [term for term in terms if _is_nominal(nlp(term))]
    if len(terms) < 3:
        return None
    label = block.heading
    if block.intro and not _starts_with_pronoun(block.intro):
        label = block.intro.rstrip(" :")
    source = "; ".join(doc.text.strip().rstrip(" ;.") for doc in docs)
    if block.intro:
        source = f"{block.intro} {source}."
    elif block.heading:
        source = f"{block.heading} : {source}."
    return _Enumeration(label, terms, source)


def _item_terms(item):
    head = item
    for mark in _CUT_AT:
        if mark in head:
            head = head.split(mark, 1)[0]
    head = head.rstrip(" ;.,…")
    parts = [part.strip() for part in head.split(",")]
    terms = []
    for part in parts:
        for lead in ("ou au contraire ", "ou ", "et "):
            if part.startswith(lead):
                part = part[len(lead) :]
        if part:
            terms.append(part)
    return terms


def _is_nominal(doc):
    """A short noun phrase: an article or a noun first, no finite verb."""
    if not len(doc) or len(doc) > 9:
        return False
    first = doc[0]
    if not (first.lower_ in _ARTICLES or first.pos_ in ("NOUN", "PROPN") or first.pos_ == "DET"):
        return False
    return not any(
        t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc
    ) and any(t.pos_ in ("NOUN", "PROPN") for t in doc)


def _sentence_enumerations(doc):
    """Enumerations inside a sentence, after a colon or 'comme': 'Signes d'alerte :
    faiblesse musculaire, amyotrophie, ...'."""
    found = []
    for sentence in doc.sents:
        tokens = list(sentence)
        marks = [i for i, t in enumerate(tokens) if t.text == ":" or t.lower_ == "comme"]
        if not marks:
            continue
        mark = tokens[marks[0]]
        label_tokens, rest = tokens[: marks[0]], tokens[marks[0] + 1 :]
        pieces, current = [], []
        for token in rest:
            if token.text in (",", ";", ".", "…") or token.lower_ == "etc":
                pieces.append(current)
                current = []
            elif not (not current and token.lower_ in ("et", "ou")):
                current.append(token)
        pieces.append(current)
        terms = []
        for piece in pieces:
            if not piece:
                continue
            if all(t.pos_ == "ADJ" for t in piece) and terms:
                terms[-1] += " " + " ".join(t.text for t in piece)  # 'infections virales ou
                continue  # bactériennes' split by a comma the parser saw
            if len(piece) > 8 or piece[0].pos_ not in ("DET", "NOUN", "PROPN"):
                continue
            if any(t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in piece):
                continue
            terms.append(doc[piece[0].i : piece[-1].i + 1].text)
        if len(terms) >= 3:
            label = doc[label_tokens[0].i : label_tokens[-1].i + 1].text if label_tokens else ""
            if mark.lower_ == "comme" and label_tokens:
                label = label_tokens[-1].text
            found.append(_Enumeration(label, terms, sentence.text.strip()))
    return found


def _heads_of(terms, nlp):
    heads = set()
    for doc in nlp.pipe(terms):
        heads |= {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN")}
    return heads


def _has_finite_verb(doc):
    """A label with a finite verb outside a relative clause is a clause, not a category."""
    return any(
        t.pos_ in ("VERB", "AUX")
        and "Fin" in t.morph.get("VerbForm")
        and not any(c.dep_.startswith("nsubj") and c.lower_ == "qui" for c in t.children)
        and t.dep_ != "acl:relcl"
        for t in doc
    )


def _starts_with_pronoun(text):
    first = text.split(" ", 1)[0].lower()
    return first in {"il", "elle", "ils", "elles", "on", "ce", "ces", "cela", "c'est"}


# --- Cloze (single choice) -------------------------------------------------------------


def _is_draftable(sentence):
    """A sentence worth turning into a question: French, a whole statement, standing on
    its own (no pronoun subject pointing back, no remark about the course)."""
    span = sentence.span
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not 6 <= len(words) <= 40:
        return False
    if sum(t.lower_ in _FUNCTION_WORDS for t in words) < 0.15 * len(words):
        return False  # not French
    text = sentence.text
    if not text[:1].isupper() or text.endswith("?") or not text.endswith((".", "!", "»")):
        return False
    if not any(t.pos_ in ("VERB", "AUX") for t in span):
        return False
    if any(t.lemma_.lower() in _META_LEMMAS for t in span):
        return False
    first = words[0]
    if first.lower_ in _ANAPHORS or "Inf" in first.morph.get("VerbForm"):
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


def _parse_is_unsure(span):
    """Signs the parser misread the sentence."""
    root = span.root
    if root.pos_ not in ("VERB", "AUX", "ADJ", "NOUN", "PROPN"):
        return True
    if any(t.dep_ == "dep" or t.pos_ == "X" for t in span):
        return True
    # A predicate adjective read as a passive participle ('sont fréquentes' -> fréquenter).
    return root.pos_ == "VERB" and any(c.dep_ == "cop" for c in root.children)


def _needs_gender(term, sentence):
    """Whether words outside the term agree with it (then gender must match)."""
    head = term.head
    if head.dep_.startswith("nsubj"):
        return True
    return any(
        t.head == head and t.pos_ in ("ADJ", "VERB") and not term.start <= _offset(t) < term.end
        for t in sentence.span
    )


def _offset(token):
    return token.idx - token.sent.start_char


def _resolved_gender(term, course):
    return term.gender or course.gender_of.get(term.head_lemma)


def _distractors(term, sentence, course, *, count=3):
    """Other terms of the course that could stand in the blank and are wrong there."""
    needs_gender = _needs_gender(term, sentence)
    gender = _resolved_gender(term, course)
    if needs_gender and gender is None:
        return []
    sentence_lemmas = {t.lemma_.lower() for t in sentence.span}
    related = {term.head_lemma} | course.synonyms.get(term.head_lemma, set())
    for lemma in term.lemmas:
        related |= course.synonyms.get(lemma, set())
    same_role = set()
    for role in _roles(term.head) | course.roles_of.get(term.head_lemma, set()):
        if role[1] in ("nsubj", "obj", "obl", "nmod", "conj", "appos"):
            same_role |= course.roles.get(role, set())
    listed_with = set()
    for enumeration in course.enumerations:
        if term.head_lemma in enumeration.heads:
            listed_with |= enumeration.heads
    chosen, seen = [], {term.head_lemma}
    candidates = sorted(
        course.pool,
        key=lambda other: (
            not _is_key_phrase(other, course),
            abs(other.tokens - term.tokens),
            abs(len(other.text) - len(term.text)),
            -course.lemma_counts[other.head_lemma],
            other.text.lower(),
        ),
    )
    for other in candidates:
        lemma = other.head_lemma
        if lemma in seen or other.article != term.article or other.number != term.number:
            continue
        if needs_gender and _resolved_gender(other, course) != gender:
            continue
        if lemma in _GENERIC_NOUNS or lemma in sentence_lemmas:
            continue  # too vague, or named in the sentence itself (so true there)
        if other.lemmas & related or lemma in related or lemma in term.lemmas:
            continue  # the answer's own words, inflections or synonyms
        if lemma in same_role or lemma in listed_with:
            continue  # the course says it too, in the same role: it would be right
        if not similar_lengths([_lower_first(term.text), _lower_first(other.text)]):
            continue
        seen.add(lemma)
        chosen.append(other)
        if len(chosen) == count:
            break
    return chosen


def _lower_first(text):
    first = text.split(" ", 1)[0]
    if first.isupper() and len(first) > 1:
        return text
    return text[:1].lower() + text[1:]


def _cloze_drafts(sentence, course):
    if any("Neg" in t.morph.get("Polarity") for t in sentence.span):
        return []  # a negative statement is true of most distractors too
    drafts = []
    for term in sentence.terms:
        if term.head_lemma in _GENERIC_NOUNS or not _is_key_phrase(term, course):
            continue
        rest = sentence.text[: term.start] + sentence.text[term.end :]
        if term.head.lower_ in rest.lower() or term.head_lemma in rest.lower():
            continue  # the answer is still in the stem
        distractors = _distractors(term, sentence, course)
        answer = _lower_first(term.text)
        options = [answer] + [_lower_first(other.text) for other in distractors]
        while len(options) > 3 and not similar_lengths(options, answer):
            options.pop()
        if len(options) < 3:
            continue
        stem = sentence.text[: term.start] + BLANK + sentence.text[term.end :]
        bold = _is_key_phrase(term, course)
        score = 2.0 + 0.6 * bold + 0.05 * min(course.lemma_counts[term.head_lemma], 4)
        score += 0.1 * (len(options) - 3) - 0.5 * _parse_is_unsure(sentence.span)
        score -= 0.3 * (len(sentence.span) > 28)
        drafts.append(_draft(SINGLE, stem, _ordered(options, answer), answer, sentence.text, score))
    return drafts


def _is_key_phrase(term, course):
    """Set in bold by the author (the text's own key terms), or a form of one."""
    text = term.text.lower()
    bare = text[len(term.article) :].strip()
    return text in course.bold or bare in course.bold or bare.rstrip("sx") in course.bold_bare


def _ordered(options, answer):
    """A fixed order that does not put the answer first: sorted by a hash of the text."""
    return tuple(
        (text, text == answer)
        for text in sorted(options, key=lambda text: hashlib.sha1(text.encode()).hexdigest())
    )


# --- True / false ----------------------------------------------------------------------


def _true_false_drafts(sentence, course):
    drafts = []
    unsure = _parse_is_unsure(sentence.span)
    swapped = _contrast_swap(sentence, course)
    if swapped:
        drafts.append(_statement(swapped, False, sentence, 3.0 - 0.3 * unsure, course))
    if not unsure:
        toggled, removed = _negation_toggle(sentence.span)
        if toggled:
            drafts.append(_statement(toggled, False, sentence, 2.9 if removed else 2.6, course))
    if swapped or any(_is_key_phrase(term, course) for term in sentence.terms):
        drafts.append(_statement(sentence.text, True, sentence, 1.3 - 0.3 * unsure, course))
    else:
        drafts += _term_swap(sentence, course)
    return [draft for draft in drafts if draft is not None]


def _statement(statement, is_true, sentence, score, course):
    if not is_true and _normalise(statement) in course.normalised_sentences:
        return None  # the "false" version is something the course says
    stem = f"Vrai ou faux ? « {statement} »"
    choices = ((TRUE, is_true), (FALSE, not is_true))
    answer = TRUE if is_true else FALSE
    draft = _draft(TRUE_FALSE, stem, choices, answer, sentence.text, score)
    if not is_true:
        draft = replace(draft, explanation=f"Faux. D'après le cours : « {sentence.text} »")
    return draft


def _contrast_swap(sentence, course):
    """The sentence with one contrasting pair the course uses swapped both ways
    (bénignes <-> pathologiques): a clean false statement that keeps agreement."""
    tokens = list(sentence.span)
    for left, right in _CONTRASTS:
        if not (course.words & set(left) and course.words & set(right)):
            continue
        replacements = {}
        for token in tokens:
            if token.pos_ not in ("ADJ", "ADV", "VERB"):
                continue
            for forms, partner in ((left, right), (right, left)):
                if token.lower_ in forms:
                    replacement = _agreeing_form(token, forms, partner, course)
                    if replacement is None:
                        break
                    if token.text[:1].isupper():
                        replacement = _capitalise(replacement)
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
                _GENDER_OF_WORD[c.lower_]
                for c in noun.children
                if c.dep_ == "det" and c.lower_ in _GENDER_OF_WORD
            ),
            course.gender_of.get(noun.lemma_.lower()),
        )
    if gender is None:
        return None
    plural = token.lower_.endswith(("s", "x"))
    return partner[(2 if plural else 0) + (1 if gender == "Fem" else 0)]


def _qualified_noun(token):
    """The noun an adjective agrees with: its head (epithet), or its subject (attribute)."""
    while token.dep_ == "conj" and token.head is not token:
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
    if any(t.lower_ == "mais" for t in span) or any(
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
        skip = {ne[0].i, pas[0].i}
        parts = [t.text + t.whitespace_ for t in span if t.i not in skip]
        return _capitalise("".join(parts).strip()), True
    if verb.lemma_ != "être":
        for token in span:
            if token.dep_ == "obj" and any(
                c.lower_ in ("un", "une", "des", "du") for c in token.children
            ):
                return None, False  # 'reçoit des signaux' would need 'de signaux'
    first = verb
    while (
        first.i > span.start
        and span.doc[first.i - 1].lower_ in _CLITICS
        and (span.doc[first.i - 1].pos_ == "PRON")
    ):
        first = span.doc[first.i - 1]
    parts = []
    for token in span:
        if token.i == first.i:
            parts.append("n'" if token.text.startswith(_VOWELS) else "ne ")
        parts.append(token.text)
        parts.append(" pas" + token.whitespace_ if token.i == verb.i else token.whitespace_)
    return _capitalise("".join(parts).strip()), False


def _capitalise(text):
    return text[:1].upper() + text[1:]


def _term_swap(sentence, course):
    """The sentence with a key term replaced by a distractor: false, but weaker (the
    course may not say plainly that the distractor is wrong there)."""
    for term in sentence.terms:
        if not _is_key_phrase(term, course):
            continue
        distractors = _distractors(term, sentence, course, count=1)
        if not distractors:
            continue
        replacement = distractors[0].text
        replacement = (_capitalise if term.start == 0 else _lower_first)(replacement)
        statement = sentence.text[: term.start] + replacement + sentence.text[term.end :]
        return [_statement(statement, False, sentence, 1.6, course)]
    return []


# --- Multiple response -----------------------------------------------------------------


def _multiple_drafts(own, course):
    """'Select all that apply' from an enumeration of the text, with distractors from an
    enumeration of another category that names none of the same things."""
    clusters = _clusters(course.enumerations)
    drafts = []
    for enumeration in own.enumerations:
        mine = next((c for c in clusters if enumeration.heads & c["heads"]), None)
        if mine is None:
            continue
        label = _best_label(mine)
        correct = [_lower_first(t) for t in enumeration.terms if _has_article(t)]
        if not label or len(correct) < 2:
            continue
        best = None
        for other in clusters:
            if other is mine:
                continue
            wrong = [
                text
                for text in _option_terms(other)
                if _has_article(text) and not (_term_heads(text) & mine["heads"])
            ]
            chosen = _pick_options(correct, wrong)
            if chosen and (best is None or len(chosen[0]) + len(chosen[1]) > sum(map(len, best))):
                best = chosen
        if best is None:
            continue
        right, wrong = best
        choices = tuple(
            (text, text in right)
            for text in sorted(right + wrong, key=lambda t: hashlib.sha1(t.encode()).hexdigest())
        )
        stem = f"Parmi les propositions suivantes, lesquelles {label} ?"
        answer = " | ".join(text for text, is_correct in choices if is_correct)
        drafts.append(_draft(MULTIPLE, stem, choices, answer, enumeration.source, 2.5))
    return drafts


def _has_article(text):
    first = text.split(" ", 1)[0].lower()
    return first in _ARTICLES or first.startswith("l'")


def _clusters(enumerations):
    """Enumerations that name some of the same things are one category."""
    clusters = []
    for enumeration in enumerations:
        joined = [c for c in clusters if c["heads"] & enumeration.heads]
        merged = {"heads": set(enumeration.heads), "members": [enumeration]}
        for cluster in joined:
            merged["heads"] |= cluster["heads"]
            merged["members"] += cluster["members"]
            clusters.remove(cluster)
        clusters.append(merged)
    for cluster in clusters:
        cluster["members"].sort(key=lambda e: e.source)
    return clusters


def _option_terms(cluster):
    """The terms of the cluster's enumeration that best reads as options: the one whose
    terms carry their article."""
    best = max(
        cluster["members"],
        key=lambda e: (sum(_has_article(t) for t in e.terms), len(e.terms)),
    )
    return [_lower_first(t) for t in best.terms]


@lru_cache(maxsize=512)
def _term_heads(text):
    nlp = load_pipeline()
    return frozenset(t.lemma_.lower() for t in nlp(text) if t.pos_ in ("NOUN", "PROPN"))


def _best_label(cluster):
    """The question for a category: 'font partie des <label>' from a label 'Les ...',
    'sont des <label>' from a bare plural noun phrase."""
    for enumeration in cluster["members"]:
        label = " ".join(w for w in enumeration.label.split() if w.lower() != "autres")
        first, _, rest = label.partition(" ")
        if enumeration.label_has_verb:
            continue
        if first.lower() == "les" and rest and len(label.split()) <= 10:
            return f"font partie des {rest}"
    for enumeration in cluster["members"]:
        label = enumeration.label
        words = label.split()
        if 1 <= len(words) <= 4 and words[0].endswith("s") and words[0][:1].isupper():
            if any(w in ("est", "sont", "ont", "a") for w in words):
                continue
            return f"sont des {_lower_first(label)}"
    return None


def _pick_options(correct, wrong, *, most_correct=3, most_wrong=2):
    """Two or three right and two wrong options of similar length, or None."""
    best = None
    for anchor in sorted({len(text) for text in correct + wrong}):
        low, high = anchor, MAX_LENGTH_RATIO * anchor
        right = [t for t in correct if low <= len(t) <= high][:most_correct]
        bad = [t for t in wrong if low <= len(t) <= high][:most_wrong]
        if (
            len(right) >= 2
            and len(bad) >= 2
            and (best is None or len(right) + len(bad) > len(best[0]) + len(best[1]))
        ):
            best = (right, bad)
    return best


# --- Drafts and ranking ----------------------------------------------------------------


def _draft(kind, stem, choices, answer, sentence, score):
    return Draft(
        kind=kind,
        stem=stem,
        choices=tuple(choices),
        answer=answer,
        source_sentence=sentence,
        explanation=f"D'après le cours : « {sentence} »",
        score=round(score, 3),
        key=draft_key(sentence, kind, answer),
    )


def _rank(drafts):
    """Best first; one draft per key; later drafts of a sentence already used rank lower,
    so that the first proposals cover the text rather than one sentence."""
    unique = {}
    for draft in sorted(drafts, key=lambda d: (-d.score, d.key)):
        unique.setdefault(draft.key, draft)
    used = Counter()
    ranked = []
    for draft in sorted(unique.values(), key=lambda d: (-d.score, d.key)):
        sentence = _normalise(draft.source_sentence)
        ranked.append((draft.score - 0.6 * used[sentence], draft.key, draft))
        used[sentence] += 1
    return [draft for _score, _key, draft in sorted(ranked, key=lambda r: (-r[0], r[1]))]


def _normalise(text):
    return " ".join(unicodedata.normalize("NFC", text).lower().split())
