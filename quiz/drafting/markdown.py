"""A lesson's Markdown reduced to plain paragraphs and lists, and the phrases its author set
in bold (the text's own key terms). Tables, boxes' markers, code and HTML are left out."""

import re
from dataclasses import dataclass

from .pipeline import parse

_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")


_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")


_SKIPPED_LINE = re.compile(r"^\s*(?:\||!!!|\?\?\?|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$|<)")


_FENCE = re.compile(r"^\s*(```|~~~)")


_NUMBERED_TITLE = re.compile(r"^\d+(?:\.\d+)*[.)]?\s+")


_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


_CODE = re.compile(r"`([^`]*)`")


_TAG = re.compile(r"<[^>]+>")


_EMPHASIS = re.compile(r"(?<![*\w])\*(?!\*)([^*]+?)(?<!\*)\*(?![*\w])|(?<!\w)_([^_]+)_(?!\w)")


_BOLD = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")


@dataclass
class Block:
    kind: str  # "paragraph" or "list"
    texts: list
    heading: str = ""
    intro: str = ""


def inline_text(text):
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


_SUBJECT_INTRO = re.compile(r"^(?:(?:L'|Le |La |Les )[\w'’ -]{2,30}|On)\s*:$")


_SITUATION = re.compile(r"^(?:Après|Avant|Pendant|Lors d|En cas d|Devant|Au cours d)", re.I)


_NOT_A_VERB = {"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "en", "à", "au"}


def _said_by(intro, items, heading):
    """A list whose introduction is its subject ('L'infirmier :' then 'rassure la personne
    ...', 'mesure les paramètres vitaux ...') makes sentences: 'L'infirmier rassure la
    personne ...'. Under a heading that names a situation ('Après une chute'), each says
    when it holds. Items that do not open with a verb leave the list as it is."""
    if not _SUBJECT_INTRO.match(intro):
        return []
    for item in items:
        first = item.split(" ", 1)[0].lower()
        if not item[:1].islower() or first in _NOT_A_VERB or first.startswith(("l'", "d'")):
            return []
    subject = intro.rstrip(" :")
    if any(token.pos_ in ("VERB", "AUX") for token in parse(subject)):
        return []  # 'Les soins comprennent :' then 'surveillance …': things, not what it does
    frame = f"{heading}, " if _SITUATION.match(heading) else ""
    if frame:
        subject = subject[:1].lower() + subject[1:] if subject != "On" else "on"
    return [f"{frame}{subject} {item.rstrip(' ;.,')}." for item in items]


def markdown_blocks(markdown):
    blocks, bold = [], []
    paragraph, items, heading = [], [], ""
    in_fence = False

    def close_paragraph():
        if paragraph:
            blocks.append(Block("paragraph", [" ".join(paragraph)], heading))
            paragraph.clear()

    def close_list():
        if items:
            intro = ""
            if blocks and blocks[-1].kind == "paragraph" and blocks[-1].texts[0].endswith(":"):
                intro = _last_sentence(blocks[-1].texts[0])
            said = _said_by(intro, items, heading)
            if said:
                blocks.append(Block("paragraph", [" ".join(said)], heading))
            else:
                blocks.append(Block("list", list(items), heading, intro))
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
            heading = _NUMBERED_TITLE.sub("", inline_text(match.group(1))[0])
            continue
        if match := _ITEM.match(line):
            close_paragraph()
            plain, phrases = inline_text(match.group(1))
            bold += phrases
            if plain:
                items.append(plain)
            continue
        plain, phrases = inline_text(line)
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
