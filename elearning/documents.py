"""Reading an instructor's document: the bytes of a file or a paste become Markdown, or are
refused with a message that says why and what can be read.

One reader per format, each with the library that does it well:

- a web page (.html, .htm, or HTML source pasted): trafilatura keeps its main text, without
  navigation, cookie banner or footer, and writes it as Markdown; a fragment of HTML source
  (no ``<html>`` or ``<body>``) is what the instructor chose, so all of it is converted;
- a Word document (.docx): mammoth turns it into HTML by its styles (Title: the title;
  Heading 1, 2...: sections, subsections; lists, bold, italic, tables), markdownify writes
  that HTML as Markdown. Markdownify rather than trafilatura here: a handout has no page
  furniture to find, and trafilatura's main-text rules would drop short parts of it (a
  heading followed by a two-item list) the way they drop a site's menus;
- Markdown as it is, plain text through ``plaintext``.

Text files are read as UTF-8 (with or without a byte-order mark), UTF-16 with its mark
(Notepad's "Unicode"), and otherwise as Windows-1252 (Notepad's "ANSI" on a French
Windows): a byte sequence that is not UTF-8 is almost never meant as UTF-8.
"""

import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

import mammoth
import mammoth.images
import markdownify
import trafilatura
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from trafilatura.settings import use_config

from quiz import textfiles

from . import plaintext

MAX_DOCUMENT_BYTES = 2 * 1024 * 1024
# The preview sends the text back in a form; Django refuses a request whose fields weigh
# more than 2.5 MB (DATA_UPLOAD_MAX_MEMORY_SIZE). A million characters is a 150,000-word
# book, far more than a course.
MAX_TEXT_CHARS = 1_000_000
# A .docx is a zip; one that unpacks to more than this is not a handout (or is a zip bomb).
MAX_UNPACKED_BYTES = 50 * 1024 * 1024

TEXT_SUFFIXES = {".txt", ".text"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
WORD_SUFFIXES = {".docx", ".doc"}
READABLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | WORD_SUFFIXES

OLE_SIGNATURE = bytes.fromhex("d0cf11e0a1b11ae1")  # Office's old compound file
ZIP_SIGNATURE = b"PK\x03\x04"
# An encrypted .docx is a compound file holding the encrypted zip in this stream; an old
# .doc holds its text in "WordDocument". Stream names are stored in UTF-16.
ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")
WORD_97_STREAM = "WordDocument".encode("utf-16-le")

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_HTML_TAG = re.compile(
    r"</(?:p|div|h[1-6]|li|ul|ol|table|tr|td|span|a|section|article|em|strong|b|i)\s*>"
    r"|<br\s*/?>",
    re.I,
)
_FULL_PAGE = re.compile(r"<(?:html|body)[\s>]", re.I)
_ATX_HEADING = re.compile(r"^#{1,6}\s+\S", re.M)
# Marks that show nothing but break words apart: direction marks, zero-width spaces and
# joiners, soft hyphens, byte-order marks inside the text.


def _word_style_map():
    """Word styles to HTML: the Title style is the course's title (h1), headings one level
    below it; Word's own table of contents is left out."""
    lines = ["p[style-name='Title'] => h1:fresh", "p[style-name='title'] => h1:fresh"]
    for level in range(1, 7):
        html = f"h{min(6, level + 1)}:fresh"
        lines += [
            f"p.Heading{level} => {html}",
            f"p[style-name='Heading {level}'] => {html}",
            f"p[style-name='heading {level}'] => {html}",
        ]
    for level in range(1, 10):
        lines += [f"p[style-name='TOC {level}'] => !", f"p[style-name='toc {level}'] => !"]
    lines.append("p[style-name='TOC Heading'] => !")
    return "\n".join(lines)


_TRAFILATURA = use_config()
# Keep a short page's text: by default trafilatura falls back to the whole page's text,
# menus included, when the main text is under 250 characters.
_TRAFILATURA.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")


class ImportProblem(ValueError):
    """The document cannot become a course; the message says why, in one line."""


@dataclass
class Extract:
    """A document's text as Markdown, and a title the document gives apart from its text
    (a web page's own title); blank when it gives none."""

    markdown: str
    title: str = ""


def readable_types():
    return _(
        "The importer reads plain text (.txt), Markdown (.md), web pages (.html, .htm) "
        "and Word documents (.docx)."
    )


def check_size(size):
    if size > MAX_DOCUMENT_BYTES:
        raise ImportProblem(
            _("The file is too large (%(size)s; at most %(limit)s).")
            % {"size": filesizeformat(size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)}
        )


def extract(data: bytes, filename: str = "") -> Extract:
    """The Markdown of a document in any readable format, or ImportProblem."""
    check_size(len(data))
    if not data.strip():
        raise ImportProblem(_("The file is empty."))
    suffix = PurePath(filename).suffix.lower()
    if suffix and suffix not in READABLE_SUFFIXES:
        raise _unreadable_type(suffix)
    if data.startswith(OLE_SIGNATURE):
        raise _compound_file_problem(data)
    if data.startswith(ZIP_SIGNATURE):
        return _checked(_read_docx(data, suffix))
    if suffix in WORD_SUFFIXES:
        # A .doc that is not a compound file is RTF or a web page Word saved under that
        # name; a .docx that is not a zip is damaged.
        if suffix == ".doc":
            raise ImportProblem(_old_word_message())
        raise ImportProblem(_damaged_word_message())
    text = decode_text(data)
    if text.lstrip().startswith("{\\rtf"):
        raise _unreadable_type("RTF")
    if suffix in HTML_SUFFIXES or (suffix not in MARKDOWN_SUFFIXES and looks_like_html(text)):
        return _checked(_read_html(text))
    if suffix in MARKDOWN_SUFFIXES or _ATX_HEADING.search(text):
        return _checked(Extract(normalise_markdown(text)))
    return _checked(Extract(normalise_markdown(plaintext.to_markdown(text))))


def decode_text(data: bytes) -> str:
    """The text of a text file (``quiz.textfiles``), or ImportProblem."""
    try:
        return textfiles.decode_text(data)
    except textfiles.NotText as problem:
        if problem.kind == textfiles.NotText.BINARY:
            raise ImportProblem(_binary_message()) from None
        raise ImportProblem(_unknown_encoding_message()) from None


def looks_like_html(text):
    """Whether a text is HTML source (a saved page, or source pasted), not text about it."""
    return text.lstrip().startswith("<") and bool(_HTML_START.match(text) or _HTML_TAG.search(text))


def _checked(extract):
    if len(extract.markdown) > MAX_TEXT_CHARS:
        raise ImportProblem(
            _("The document's text is too long to import at once. Split it into several documents.")
        )
    return extract


def _read_html(text):
    if not _FULL_PAGE.search(text):
        return Extract(normalise_markdown(_html_to_markdown(text)))
    try:
        markdown = trafilatura.extract(
            text,
            output_format="markdown",
            include_formatting=True,
            include_tables=True,
            include_links=False,
            include_images=False,
            include_comments=False,
            config=_TRAFILATURA,
        )
        metadata = trafilatura.extract_metadata(text)
    # trafilatura parses with lxml, which raises several kinds of errors on broken pages;
    # for the instructor they all mean the same.
    except Exception:
        raise ImportProblem(_("The web page cannot be read: its HTML is damaged.")) from None
    title = (metadata.title or "") if metadata is not None else ""
    return Extract(normalise_markdown(markdown or ""), title=" ".join(title.split()))


def _read_docx(data, suffix):
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        if suffix in WORD_SUFFIXES:
            raise ImportProblem(_damaged_word_message()) from None
        raise _unreadable_type(suffix or "ZIP") from None
    if "word/document.xml" not in names:
        raise _unreadable_type(suffix or _("a zip archive, not a Word document"))
    if unpacked > MAX_UNPACKED_BYTES:
        raise ImportProblem(
            _("The Word document is too large once unpacked (%(size)s; at most %(limit)s).")
            % {"size": filesizeformat(unpacked), "limit": filesizeformat(MAX_UNPACKED_BYTES)}
        )
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=_word_style_map(),
            convert_image=mammoth.images.img_element(lambda image: {}),
        )
    # mammoth raises zip, XML and key errors on a damaged document; all mean the same.
    except Exception:
        raise ImportProblem(_damaged_word_message()) from None
    return Extract(normalise_markdown(_html_to_markdown(result.value)))


class _LessonMarkdown(markdownify.MarkdownConverter):
    """markdownify as lessons are written: ATX headings, "-" bullets; no images, no links
    within the document (footnote references), no list of footnotes."""

    def __init__(self, **options):
        super().__init__(heading_style="ATX", bullets="-", table_infer_header=True, **options)

    def convert_a(self, el, text, parent_tags):
        href = el.get("href") or ""
        if not href or href.startswith("#"):
            return text
        return super().convert_a(el, text, parent_tags)

    def convert_img(self, el, text, parent_tags):
        return ""

    def convert_li(self, el, text, parent_tags):
        if (el.get("id") or "").startswith(("footnote-", "endnote-")):
            return ""
        return super().convert_li(el, text, parent_tags)


def _html_to_markdown(html):
    return _LessonMarkdown().convert(html)


_FENCE = re.compile(r"^\s*(```|~~~)")
_LIST_LINE = re.compile(r"^( *)([-*+]|\d{1,9}[.)])(\s+)(\S.*)$")
_INNER_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
_SETEXT = re.compile(r"^(={2,}|-{2,})\s*$")


def normalise_markdown(markdown):
    """Markdown as the lesson renderer (Python-Markdown) reads it: nested list items
    indented by four spaces a level, a blank line around each list, '1)' written '1.',
    underlined headings written with '#', no invisible marks, no runs of spaces or of blank
    lines.
    Fenced code and indented boxes (``!!! cles``) are left as they are."""
    out = []
    levels = []  # indentation of each open list level
    in_fence = in_box = False
    markdown = textfiles.INVISIBLE.sub("", markdown.replace("\r\n", "\n").replace("\t", "    "))
    for raw in markdown.split("\n"):
        line = _INNER_SPACES.sub(" ", raw.rstrip())
        if _FENCE.match(line):
            in_fence = not in_fence
            out.append(line)
            continue
        if in_fence:
            out.append(raw)
            continue
        if in_box and (not line or line.startswith("    ")):
            out.append(line)
            continue
        in_box = line.startswith(("!!!", "???"))
        item = _LIST_LINE.match(line)
        previous = out[-1] if out else ""
        if item:
            indent = len(item.group(1))
            while levels and levels[-1] > indent:
                levels.pop()
            if not levels or levels[-1] < indent:
                levels.append(indent)
            marker = item.group(2).replace(")", ".")
            starts_list = len(levels) == 1 and previous and not previous.startswith(" ")
            if starts_list and not _LIST_LINE.match(previous):
                out.append("")
            out.append("    " * (len(levels) - 1) + f"{marker} {item.group(4)}")
            continue
        if _SETEXT.match(line) and _is_setext_title(out):
            out[-1] = ("# " if line.startswith("=") else "## ") + previous.strip()
            continue
        if line and not line.startswith(" "):
            if levels and previous:
                out.append("")
            levels = []
        if not line and (not previous or not out):
            continue
        out.append(line)
    return "\n".join(out).strip() + "\n"


def _is_setext_title(out):
    """Whether the last line written is a one-line paragraph (so '---' under it makes it a
    heading)."""
    if not out or not out[-1].strip() or out[-1].startswith(("#", " ")):
        return False
    return not _LIST_LINE.match(out[-1]) and (len(out) < 2 or not out[-2].strip())


def _unreadable_type(kind):
    return ImportProblem(
        _("The importer cannot read this type of file (%(type)s).") % {"type": kind}
        + " "
        + readable_types()
    )


def _binary_message():
    return (
        _("The file is not text, nor a document the importer can read.") + " " + (readable_types())
    )


def _unknown_encoding_message():
    return _(
        "The file is not text in an encoding the importer knows (UTF-8, UTF-16 or Windows-1252)."
    )


def _old_word_message():
    return _(
        "This is an old Word document (.doc), which the importer cannot read. Open it in "
        "Word or LibreOffice, save it as a Word document (.docx) and import that file."
    )


def _damaged_word_message():
    return _(
        "The Word document is damaged and cannot be read. Open it in Word, save it again "
        "and import the new file."
    )


def _compound_file_problem(data):
    if ENCRYPTED_STREAM in data:
        return ImportProblem(
            _(
                "The document is protected by a password, so it cannot be read. Open it in "
                "Word, remove the password (File › Info › Protect Document), save it and "
                "import it again."
            )
        )
    if WORD_97_STREAM in data:
        return ImportProblem(_old_word_message())
    return _unreadable_type(_("an old Office file, not a Word document"))
