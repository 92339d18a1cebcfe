"""Page furniture: what a web page or an encyclopedia article adds around the text an
instructor wants to teach from, and its removal from an imported document.

Removed from every format's Markdown (``clean_markdown``): edit links ("Histoire[modifier
| modifier le code]" is the heading "Histoire"), lone "modifier" lines, citation marks
wherever they are ([1], [4],[5], [réf. nécessaire], [a], [N 1], in ``<sup>`` or not), the
table of contents, the sections of sources and links (notes, references, bibliography,
see also, external links), the site's header and footer lines ("Un article de Wikipédia",
"Dernière modification il y a …", licence, portals, categories), a patient page's
disclaimer ("Cette fiche … ne remplace pas l'avis de votre médecin").

The sources are dropped, not kept at the end of a lesson: a lesson is what a learner reads
and what questions are drafted from; a list of references without their numbers in the
text teaches nothing there, and the instructor keeps the original document.

Text pasted from a browser has lost its heading levels; ``mark_pasted_headings`` reads
them back from the furniture itself before the plain-text rules run: a line carrying an
edit link, or followed by a lone "modifier" line (the mobile site), is a heading, at the
depth the pasted table of contents gives it ("2.1 Causes bénignes" is a subsection).
"""

import re

# A citation mark: a number, a note letter, a numbered note group or an encyclopedia's
# "[réf. nécessaire]"-style request, in brackets (escaped by trafilatura's Markdown or not).
_NOTE = (
    r"\d{1,3}"
    r"|[a-wyz]"  # note letters; not [x], a ticked task
    r"|(?:N|n|Nb|NB|nb|Note|note|Notes|notes)\.?\s?\d{1,3}"
    r"|(?i:réf\.?|référence|source|citation|précision|information|passage|lien)"
    r"[^\[\]\n]{0,30}?"
    r"(?i:nécessaire|souhaitée?|insuffisante?|douteuse?|à\s+confirmer|à\s+préciser"
    r"|à\s+vérifier|problématique|contradictoire|brisé|needed)"
    r"|(?i:[\w' ]{1,20}\s?\?)"  # [Quand ?], [Qui ?], [Par qui ?], [Lequel ?]
    r"|(?i:pas\s+clair|non\s+neutre|évasif|interprétation\s+personnelle|travail\s+inédit)"
)
_MARK = rf"(?:<sup>\s*)?\\?\[\s*(?:{_NOTE})\s*\\?\](?:\s*</sup>)?"
# Marks side by side ([4],[5] or [4][5]) go together, with the space before them; a
# Markdown link or reference ([text][1], [1](url), [1]: url) is left alone.
CITATIONS = re.compile(rf"(?<!\])[ \t\u00a0\u202f]*{_MARK}(?:\s*,?\s*{_MARK})*(?![(:])")
_EMPTY_SUP = re.compile(r"<sup>\s*</sup>")

_EDIT = r"(?:modifier(?:\s+le\s+(?:wiki)?code)?|edit(?:\s+source)?|éditer)"
EDIT_LINK = re.compile(rf"[ \t\u00a0]*\\?\[\s*{_EDIT}(?:\s*\|\s*{_EDIT})*\s*\\?\]", re.IGNORECASE)
LONE_EDIT_LINE = re.compile(
    rf"^\s*(?:\\?\[\s*)?{_EDIT}(?:\s*\|\s*{_EDIT})*(?:\s*\\?\])?\s*$", re.IGNORECASE
)

# Sections that hold the sources, links and the table of contents, not the text.
DROPPED_SECTIONS = {
    "sommaire", "table des matières", "contents", "table of contents",
    "notes", "notes et références", "références", "référence", "notes and references",
    "references", "bibliographie", "bibliography", "sources", "webographie", "sitographie",
    "voir aussi", "see also", "articles connexes", "article connexe", "liens externes",
    "lien externe", "external links", "further reading", "articles liés",
}  # fmt: skip

# Everything from one of these lines on is the site's footer.
FOOTER_START = re.compile(
    r"^(?:la\s+)?dernière\s+modification\s+(?:de\s+cette\s+page|il\s+y\s+a)\b"
    r"|^this\s+page\s+was\s+last\s+edited|^last\s+edited\b",
    re.IGNORECASE,
)

# Lines of a site's furniture, wherever they are (compared in lower case, list marker and
# final punctuation aside).
FURNITURE_LINES = {
    "un article de wikipédia, l'encyclopédie libre",
    "aller au contenu", "aller à la navigation", "aller à la recherche",
    "sauter à la navigation", "sauter à la recherche", "menu principal",
    "politique de confidentialité", "à propos de wikipédia", "avertissements",
    "conditions d'utilisation", "version de bureau", "version mobile", "développeurs",
    "statistiques", "déclaration sur les témoins (cookies)", "code de conduite",
    "modifier les paramètres d'aperçu", "from wikipedia, the free encyclopedia",
}  # fmt: skip
FURNITURE_PREFIXES = (
    "afficher / masquer la sous-section",
    "pour les articles homonymes, voir",
    "cet article est une ébauche",
    "vous pouvez partager vos connaissances en l'améliorant",
    "portail de la ", "portail du ", "portail des ", "portail de l'",
    "catégories :", "catégorie :", "catégories cachées", "categories:",
    "le contenu est disponible sous licence", "contenu soumis à la licence",
    "les textes sont disponibles sous licence", "droit d'auteur : les textes",
    "wikipedia® est une marque", "wikipédia® est une marque",
    "sur les autres projets wikimedia", "↑", "^ ", "ne doit pas être confondu avec",
    "icône décorative", "ce document provient de",
)  # fmt: skip

# An infobox pasted as text: the block of short lines holding one of these lines.
INFOBOX_LINES = {
    "description de cette image, également commentée ci-après", "données clés",
    "classification et ressources externes", "mise en garde médicale",
}  # fmt: skip
INFOBOX_LINE_MAX_LENGTH = 200

# Lines of the page's header, dropped only before the text starts (further down, "Article"
# or "Discussion" may be the text's own words).
HEADER_LINES = {
    "langue", "langues", "lire dans une autre langue", "télécharger le pdf", "suivre",
    "modifier", "modifier le code", "voir l'historique", "lire", "article", "discussion",
    "outils", "masquer", "afficher", "début", "rechercher", "créer un compte",
    "se connecter", "outils personnels", "imprimer / exporter", "ajouter des langues",
    "modifier les liens", "apparence", "sauvegarder", "partager",
}  # fmt: skip
_LANGUAGE_COUNT = re.compile(r"^\d+\s+langues?$")

# (a slide deck's 'Plan' is its table of contents, numbered '1)' as often as '1.')
_TOC_TITLE = re.compile(
    r"^(?:sommaire|table des matières|contents|plan|plan du cours)(?:\s*\[?masquer\]?)?$"
)
_TOC_ENTRY = re.compile(r"^(\d+(?:\.\d+)*)[.)]?\s+(\S.*)$")
_TOC_TOGGLES = {"masquer", "afficher", "début", "[masquer]", "[afficher]", "top", "hide"}
_TOC_SUBSECTION = "afficher / masquer la sous-section"

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LIST_MARKER = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_TRAILING = ".:;!? \u00a0"


def _key(line):
    """A line as the furniture tables spell it: lower case, plain apostrophes and spaces."""
    line = _LIST_MARKER.sub("", line).replace("’", "'").replace("\\", "")
    return " ".join(line.split()).lower()


# A patient page's disclaimer: what it says of itself, not of health ('Cette fiche
# d'information générale ne remplace pas l'avis de votre médecin').
DISCLAIMER = re.compile(
    r"^(?:cette fiche|ce document|cette page|ce site|ces informations"
    r"|(?:les informations|les contenus|le contenu) (?:de|du|sur) (?:cette|ce) (?:page|site|fiche))"
    r"\b[^.]{0,80}\bne remplace(?:nt)? (?:pas|en aucun cas)\b"
)


def is_furniture_line(line):
    key = _key(line)
    return (
        key.rstrip(_TRAILING) in FURNITURE_LINES
        or key.startswith(FURNITURE_PREFIXES)
        or bool(DISCLAIMER.match(key))
    )


def strip_marks(line):
    """The line without citation marks and edit links."""
    line = EDIT_LINK.sub("", CITATIONS.sub("", line))
    return _EMPTY_SUP.sub("", line)


def heading_key(text):
    """A heading's text as a table of contents and the section names compare it."""
    return _key(strip_marks(text)).rstrip(_TRAILING)


def clean_markdown(markdown):
    """``markdown`` without page furniture (see the module's docstring)."""
    lines = []
    dropping_below = None  # the level of the dropped section we are in
    in_fence = False
    for line in markdown.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        if in_fence:
            if dropping_below is None:
                lines.append(line)
            continue
        if FOOTER_START.match(_key(line)):
            break
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            if dropping_below is not None and level > dropping_below:
                continue
            dropping_below = None
            text = strip_marks(heading.group(2)).strip()
            if heading_key(text) in DROPPED_SECTIONS:
                dropping_below = level
                continue
            if text:
                lines.append(f"{heading.group(1)} {text}")
            continue
        if dropping_below is not None:
            continue
        if LONE_EDIT_LINE.match(line) or is_furniture_line(line):
            continue
        cleaned = strip_marks(line)
        if cleaned.strip() or not line.strip():
            lines.append(cleaned.rstrip())
    return "\n".join(lines)


def mark_pasted_headings(lines):
    """Pasted ``lines`` with the headings their furniture shows written as Markdown
    headings, and that furniture (table of contents, edit links, page header and footer)
    removed; the other lines are returned as they are."""
    lines = _without_infobox(_before_footer(lines))
    levels, lines = _without_table_of_contents(lines)
    pasted_page = any(_is_page_signal(line) for line in lines)
    marked = []
    text_started = False
    listed = set()  # the headings of the table of contents already met: each comes once
    for line in lines:
        stripped = line.strip()
        if stripped and is_furniture_line(stripped):
            continue
        if LONE_EDIT_LINE.match(line):
            # The mobile site's edit link, under its heading.
            previous = _last_text_line(marked)
            if previous is not None and _can_be_heading(marked[previous]):
                marked[previous] = _heading(marked[previous], levels)
            continue
        if pasted_page and not text_started and stripped and _is_header_line(stripped):
            continue
        text_started = text_started or len(stripped) >= 100
        if EDIT_LINK.search(line) and _can_be_heading(EDIT_LINK.sub("", line)):
            marked.append(_heading(line, levels))
            listed.add(heading_key(EDIT_LINK.sub("", line).strip()))
        elif _can_be_heading(stripped) and (
            (heading_key(stripped) in levels and heading_key(stripped) not in listed)
            or (pasted_page and heading_key(stripped) in DROPPED_SECTIONS)
        ):
            # (met again, under 'Articles connexes', it is a related article's title)
            listed.add(heading_key(stripped))
            # A heading the table of contents lists; or, on a pasted page, the title of a
            # section of sources (collapsed sections of the mobile site have no edit link).
            marked.append(_heading(stripped, levels))
        else:
            marked.append(line)
    return marked


def _without_infobox(lines):
    """The lines without the blocks of short lines an infobox makes (labels and values,
    an image's caption), found by the infobox's own furniture lines."""
    drop = set()
    title = next((i for i, line in enumerate(lines) if line.strip()), 0)
    for index, line in enumerate(lines):
        if _key(line).rstrip(_TRAILING) not in INFOBOX_LINES:
            continue
        start = end = index
        while start > title + 1 and lines[start - 1].strip():
            start -= 1
        while end + 1 < len(lines) and lines[end + 1].strip():
            end += 1
        drop.update(
            i for i in range(start, end + 1) if len(lines[i].strip()) <= INFOBOX_LINE_MAX_LENGTH
        )
    return [line for index, line in enumerate(lines) if index not in drop]


def _is_page_signal(line):
    return bool(EDIT_LINK.search(line) or LONE_EDIT_LINE.match(line)) or (
        bool(line.strip()) and is_furniture_line(line)
    )


def _before_footer(lines):
    for index, line in enumerate(lines):
        if FOOTER_START.match(_key(line)):
            return lines[:index]
    return lines


def _is_header_line(stripped):
    key = _key(stripped).rstrip(_TRAILING)
    return key in HEADER_LINES or bool(_LANGUAGE_COUNT.match(key))


def _without_table_of_contents(lines):
    """The depth of each heading a pasted table of contents lists (1 for a section, 2 for
    a subsection...), and the lines without that table."""
    keys = [_key(line) for line in lines]
    start = next((i for i, key in enumerate(keys) if _TOC_TITLE.match(key)), None)
    if start is None:
        return {}, lines
    levels = {}
    end = start + 1
    while end < len(lines):
        stripped = lines[end].strip()
        entry = _TOC_ENTRY.match(stripped)
        if not stripped or keys[end] in _TOC_TOGGLES or keys[end].startswith(_TOC_SUBSECTION):
            pass
        elif entry and len(stripped) <= 120:
            levels[heading_key(entry.group(2))] = entry.group(1).count(".") + 1
        elif any(heading_key(later) == heading_key(stripped) for later in lines[end + 1 :]):
            # An unnumbered entry (the 2022 layout): its heading comes again below.
            levels.setdefault(heading_key(stripped), 1)
        else:
            break
        end += 1
    if not levels:
        return {}, lines
    return levels, lines[:start] + lines[end:]


def _last_text_line(lines):
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].strip():
            return index
    return None


def _can_be_heading(line):
    stripped = line.strip()
    return (
        0 < len(stripped) <= 150
        and not stripped.startswith("#")
        and not _LIST_MARKER.match(stripped)
        and not is_furniture_line(stripped)
    )


def _heading(line, levels):
    text = " ".join(strip_marks(line).split())
    depth = levels.get(heading_key(text), 1)
    return "#" * min(6, depth + 1) + " " + text
