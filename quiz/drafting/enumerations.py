"""Enumerations of the text: Markdown lists and lists inside a sentence (after a colon or
'comme'), each with the label of its category."""

from dataclasses import dataclass

from .lexicon import ARTICLES


@dataclass
class Enumeration:
    label: str
    terms: list  # plain texts
    source: str
    heads: frozenset = frozenset()
    label_has_verb: bool = False
    heading: str = ""  # the heading the list is under, when its own label says too little


def list_blocks(units, docs):
    grouped = {}
    for (block, _text), doc in zip(units, docs, strict=True):
        if block.kind == "list":
            grouped.setdefault(id(block), (block, []))[1].append(doc)
    return list(grouped.values())


_CUT_AT = (" : ", " ;", " (", ", qui ", ", parfois")


def list_enumeration(block, docs, nlp):
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
        label = _without_copula(block.intro.rstrip(" :"))
    source = "; ".join(doc.text.strip().rstrip(" ;.") for doc in docs)
    if block.intro:
        source = f"{block.intro} {source}."
    elif block.heading:
        source = f"{block.heading} : {source}."
    return Enumeration(label, terms, source, heading=block.heading)


_COPULAS = (" sont notamment", " sont les suivants", " sont", " comprennent", " incluent")


def _without_copula(intro):
    """'Les principales causes d'hypocalcémie sont' -> 'Les principales causes
    d'hypocalcémie': the list is what the label names."""
    for copula in _COPULAS:
        if intro.endswith(copula):
            return intro[: -len(copula)]
    return intro


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
    if not (first.lower_ in ARTICLES or first.pos_ in ("NOUN", "PROPN") or first.pos_ == "DET"):
        return False
    return not any(
        t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm") for t in doc
    ) and any(t.pos_ in ("NOUN", "PROPN") for t in doc)


def sentence_enumerations(doc):
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
            found.append(Enumeration(label, terms, sentence.text.strip()))
    return found


def heads_of(terms, nlp):
    heads = set()
    for doc in nlp.pipe(terms):
        heads |= {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN")}
    return heads


def has_finite_verb(doc):
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


def categories(enumerations):
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
