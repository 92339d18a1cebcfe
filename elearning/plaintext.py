"""Plain text as Markdown: where a text without markup has its title, headings, lists and
paragraphs.

- The first line is the title (when it is a line, not a paragraph: at most 120 characters).
- A heading is a short line (at most 80 characters, with letters, no final punctuation, at
  most one comma) standing alone between blank lines, or opening a block of lines; a
  numbered one ("2.1 Causes bénignes") is a subsection. A pasted web page shows its
  headings by its furniture (``furniture.mark_pasted_headings``).
- A line starting with "-", "•", "*", "–", "—", "1.", "1)" or "a)" is a list item (indented
  under another item, a nested one); lines that are short units one under the other (no
  final punctuation, or all but the last ending with ";", or after a line ending with
  ":") are a list too, as a browser pastes a web page's list without its bullets.
- Other lines are paragraphs; a long line without final punctuation followed by another
  is a wrapped line of the same paragraph (text copied from a PDF), a word cut by a hyphen
  at its end is joined again.
"""

import re

from . import furniture

TITLE_MAX_LENGTH = 120
HEADING_MAX_LENGTH = 80
WRAPPED_LINE_MIN_LENGTH = 60
LIST_ITEM_MAX_LENGTH = 200
SENTENCE_END = (".", "!", "?", ":", ";", "…", ",", '"', "»")
UNIT_END = (".", "!", "?", ":", ";", "…", "»", '"', ")")

ITEM = re.compile(
    r"^(?P<indent>[ \t]*)(?P<marker>[-•*–—‣▪◦·]|\d{1,3}[.)]|[a-z]\)|(?<=\s)o)\s+(?P<text>\S.*)$"
)
MARKED_HEADING = re.compile(r"^#{2,6} \S")
NUMBERED_HEADING = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)\.?\s+[^\W\d_]")
HYPHENATED = re.compile(r"[^\W\d_]-$")


def to_markdown(text):
    """The Markdown of plain ``text``: '# title', '## heading' (lessons), '### subheading',
    '- item', '1. item' and paragraphs, blocks separated by blank lines."""
    lines = [raw.rstrip().replace("\t", "    ") for raw in text.split("\n")]
    lines = furniture.mark_pasted_headings(lines)
    blocks = _blocks(lines)
    out = []
    if blocks:
        first = blocks[0]
        title = first[0].lstrip("# ").strip()
        if len(title) <= TITLE_MAX_LENGTH and not ITEM.match(first[0]):
            out.append(f"# {' '.join(title.split())}")
            blocks[0] = first[1:]
    previous = ""
    for index, block in enumerate(blocks):
        if not block:
            continue
        after_heading = bool(out) and out[-1].startswith("#")
        if MARKED_HEADING.match(block[0]):
            out.append(block[0])
            previous = ""
            continue
        neighbours = [b for b in (blocks[index - 1 : index] + blocks[index + 1 : index + 2]) if b]
        if len(block) == 1 and _is_heading(block[0], neighbours):
            out.append(_heading(block[0]))
            previous = ""
            continue
        if (
            len(block) > 1
            and not after_heading
            and not ITEM.match(block[0])
            and _is_heading(block[0], [])
            and len(block[0].strip()) < WRAPPED_LINE_MIN_LENGTH
            and not previous.endswith(":")
        ):
            out.append(_heading(block[0]))
            block = block[1:]
        pieces = _block_markdown(block, after_colon=previous.endswith(":"))
        if out and pieces and _is_list(out[-1]) and _is_list(pieces[0]):
            # Items spaced by blank lines are still one list.
            out[-1] += "\n" + pieces.pop(0)
        out.extend(pieces)
        previous = block[-1].strip()
    return "\n\n".join(out) + "\n"


def _is_list(piece):
    return all(ITEM.match(line) for line in piece.split("\n") if line)


def _blocks(lines):
    """Lines grouped by blank lines; a marked heading is a block of its own."""
    blocks, current = [], []
    for line in lines:
        if not line.strip() or MARKED_HEADING.match(line):
            if current:
                blocks.append(current)
                current = []
            if line.strip():
                blocks.append([line])
        else:
            current.append(line)
    if current:
        blocks.append(current)
    return blocks


def _is_heading(line, neighbours):
    stripped = " ".join(line.split())
    if (
        len(stripped) > HEADING_MAX_LENGTH
        or stripped.endswith(SENTENCE_END)
        or stripped.count(",") > 1
        or not re.search(r"[^\W\d_]{2}", stripped)
    ):
        return False
    item = ITEM.match(line)
    if item is None:
        return True
    # "1. Introduction" alone between paragraphs is a numbered heading; between other
    # items it is an item of a list spaced by blank lines; a bullet is always an item.
    return item.group("marker")[0].isdigit() and not any(ITEM.match(b[0]) for b in neighbours)


def _heading(line):
    text = " ".join(line.split())
    numbered = NUMBERED_HEADING.match(text)
    depth = numbered.group(1).count(".") + 1 if numbered else 1
    return "#" * min(6, depth + 1) + " " + text


def _block_markdown(block, after_colon):
    """Paragraphs and lists of a block of lines, as Markdown pieces."""
    units = []  # [indent, marker (None for a line of text), text]
    for line in block:
        item = ITEM.match(line)
        if item:
            units.append([len(item.group("indent")), item.group("marker"), item.group("text")])
            continue
        text = " ".join(line.split())
        if units and units[-1][1] is not None and text[:1].isupper() and text[1:2].islower():
            units.append([0, None, text])  # a sentence under a list's last item, not its end
        elif units and _continues(units[-1][2], text):
            last = units[-1][2]
            units[-1][2] = last[:-1] + text if HYPHENATED.search(last) else f"{last} {text}"
        else:
            units.append([0, None, text])
    pieces, items = [], []
    for kind, group in _groups(units, after_colon):
        if kind == "items":
            items.extend(group)
            continue
        if items:
            pieces.append(_list_markdown(items))
            items = []
        pieces.append(group)
    if items:
        pieces.append(_list_markdown(items))
    return pieces


def _groups(units, after_colon):
    """("items", [units]) for list items, ("paragraph", text) for a paragraph, in order:
    lines of text in a row are items when they read as a list (see ``_is_bare_list``)."""
    run = []
    for unit in [*units, None]:
        if unit is not None and unit[1] is None and not unit[2].endswith(":"):
            run.append(unit[2])
            continue
        if len(run) > 1 and (after_colon or _is_bare_list(run)) and _are_items(run):
            yield "items", [[0, "-", text] for text in run]
        else:
            yield from (("paragraph", text) for text in run)
        run = []
        if unit is None:
            break
        if unit[1] is None:  # a line ending with a colon introduces what follows
            yield "paragraph", unit[2]
            after_colon = True
        else:
            yield "items", [unit]
            after_colon = False


def _continues(previous, text):
    """Whether ``text`` goes on the line before it (a wrapped paragraph or item)."""
    return not previous.endswith(UNIT_END) and (
        len(previous) >= WRAPPED_LINE_MIN_LENGTH or bool(HYPHENATED.search(previous))
    )


def _are_items(lines):
    return all(len(line) <= LIST_ITEM_MAX_LENGTH for line in lines)


def _is_bare_list(lines):
    """Short lines one under the other: a list pasted without its bullets."""
    if all(line.endswith((";", ",")) for line in lines[:-1]):
        return True
    return not any(line.endswith(UNIT_END) for line in lines)


def _list_markdown(items):
    """Items as Markdown list lines, nested by their indentation (4 spaces a level); a
    bulleted list and a numbered one side by side are two lists."""
    indents = sorted({indent for indent, _, _ in items})
    lines, top_kind = [], None
    for indent, marker, text in items:
        level = indents.index(indent)
        numbered = marker[0].isdigit()
        if level == 0:
            if top_kind is not None and numbered != top_kind:
                lines.append("")
            top_kind = numbered
        bullet = marker[:-1] + "." if numbered else "-"
        lines.append("    " * level + f"{bullet} {text}")
    return "\n".join(lines)
