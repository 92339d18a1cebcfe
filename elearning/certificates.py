"""The certificate of completion as a one-page PDF, drawn with ReportLab.

This module only draws: it receives the finished content (who, which course, when,
the code and the public verification URL) and returns bytes. Deciding who earns a
certificate and storing it belong elsewhere.

Text is drawn with the DejaVu Sans fonts carried in `elearning/fonts/` rather than
ReportLab's built-in Helvetica, whose encoding lacks letters such as "ễ", "Ł" or "ğ".
ReportLab places one glyph per character and does not shape combining marks, so
every text is normalised to NFC first: a name typed as "e" + U+0302 + U+0303 then
uses the precomposed glyph of the font.
"""

import io
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import override
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from .names import printable_name

FONTS_DIR = Path(__file__).resolve().parent / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"

PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
CENTRE = PAGE_WIDTH / 2
TEXT_WIDTH = 640  # widest line in the middle of the page, in points
INK = HexColor("#1d2b36")
ACCENT = HexColor("#1f5f6b")
MUTED = HexColor("#5b6770")

QR_SIZE = 92
QR_RIGHT = PAGE_WIDTH - 60
QR_BOTTOM = 66

_fonts_lock = threading.Lock()
_fonts_registered = False


@dataclass(frozen=True)
class CertificateContent:
    learner_name: str  # as typed by the learner; may contain combining accents
    course_title: str
    completed_on: date
    score_percent: int  # whole percentage, already rounded down
    code: str  # as displayed, e.g. "7KQ2-M9XD-4HTR-B3WN"
    verify_url: str  # absolute URL of the public verification page
    language: str  # "fr" or "en": the language of the whole PDF


def render_certificate(content: CertificateContent) -> bytes:
    """The certificate as a PDF (bytes)."""
    _register_fonts()
    buffer = io.BytesIO()
    # Compressed: the file (mostly the font subsets) shrinks from about 110 kB to 47 kB,
    # for about 2 ms more (bench/certificates.py).
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageCompression=1,
        initialFontName=REGULAR,
        lang=content.language,
    )
    with override(content.language):
        _draw(canvas, content)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def file_name(course_slug: str, code: str) -> str:
    """The download name, e.g. certificat-<course-slug>-<code>.pdf (code as displayed)."""
    return f"certificat-{course_slug}-{code}.pdf"


def _register_fonts():
    """Load the TrueType fonts once per process; parsing them takes longer than a render."""
    global _fonts_registered
    if _fonts_registered:
        return
    with _fonts_lock:
        if not _fonts_registered:
            pdfmetrics.registerFont(TTFont(REGULAR, FONTS_DIR / "DejaVuSans.ttf"))
            pdfmetrics.registerFont(TTFont(BOLD, FONTS_DIR / "DejaVuSans-Bold.ttf"))
            _fonts_registered = True


def _draw(canvas, content):
    organisation = _nfc(settings.CERTIFICATE_ORGANISATION)
    course_title = _nfc(content.course_title)

    title = _("Certificate – %(course)s") % {"course": course_title}
    canvas.setTitle(title)
    canvas.setAuthor(organisation)
    canvas.setSubject(_("Certificate of completion"))
    canvas.setCreator(organisation)

    _draw_frame(canvas)

    canvas.setFillColor(ACCENT)
    _centred(canvas, organisation, REGULAR, 13, 510)
    canvas.setFillColor(INK)
    _centred(canvas, _("Certificate of completion"), BOLD, 34, 456)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(CENTRE - 60, 437, CENTRE + 60, 437)

    canvas.setFillColor(MUTED)
    _centred(canvas, _("awarded to"), REGULAR, 13, 401)
    canvas.setFillColor(INK)
    # A name stored before the name rule may still hold a direction override: ReportLab lays
    # characters out in their logical order (it runs no bidirectional algorithm), so once
    # the invisible ones are dropped nothing can reorder the line. Isolates (U+2068 ...
    # U+2069) would only print as missing glyphs.
    _centred(canvas, printable_name(content.learner_name), BOLD, 32, 359)
    canvas.setFillColor(MUTED)
    _centred(canvas, _("for completing the course"), REGULAR, 13, 322)
    canvas.setFillColor(INK)
    _draw_course_title(canvas, course_title)

    completed = _("Completed on %(date)s") % {
        "date": date_format(content.completed_on, "DATE_FORMAT")
    }
    score = _("Score: %(score)s %%") % {"score": content.score_percent}
    _centred(canvas, completed, REGULAR, 12, 230)
    _centred(canvas, score, REGULAR, 12, 212)

    _draw_signature(canvas)
    _draw_verification(canvas, content)


def _draw_frame(canvas):
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(2.5)
    canvas.rect(22, 22, PAGE_WIDTH - 44, PAGE_HEIGHT - 44)
    canvas.setLineWidth(0.75)
    canvas.rect(30, 30, PAGE_WIDTH - 60, PAGE_HEIGHT - 60)


def _draw_course_title(canvas, title):
    """One line if it stays large enough, else two balanced lines."""
    size = _fitting_size(title, BOLD, 22, TEXT_WIDTH)
    if size >= 16 or " " not in title:
        _centred(canvas, title, BOLD, size, 281)
        return
    first, second = _split_in_two(title)
    size = min(_fitting_size(line, BOLD, 20, TEXT_WIDTH) for line in (first, second))
    _centred(canvas, first, BOLD, size, 289, fit=False)
    _centred(canvas, second, BOLD, size, 289 - size * 1.25, fit=False)


def _draw_signature(canvas):
    x, width = 210, 220
    canvas.setStrokeColor(INK)
    canvas.setLineWidth(0.6)
    canvas.line(x - width / 2, 118, x + width / 2, 118)
    canvas.setFillColor(INK)
    _centred(canvas, settings.CERTIFICATE_SIGNATORY_NAME, BOLD, 12, 102, x=x, width=width)
    canvas.setFillColor(MUTED)
    _centred(canvas, settings.CERTIFICATE_SIGNATORY_ROLE, REGULAR, 10, 88, x=x, width=width)


def _draw_verification(canvas, content):
    """The code beside a QR code of the verification URL, and the URL itself as text."""
    _draw_qr(canvas, content.verify_url, QR_RIGHT - QR_SIZE, QR_BOTTOM, QR_SIZE)

    text_right = QR_RIGHT - QR_SIZE - 10
    canvas.setFillColor(MUTED)
    _right_aligned(canvas, _("Verification code"), REGULAR, 9, text_right, 124)
    canvas.setFillColor(INK)
    _right_aligned(canvas, content.code, BOLD, 14, text_right, 106)

    check = _("Check this certificate at %(url)s") % {"url": content.verify_url}
    canvas.setFillColor(MUTED)
    _centred(canvas, check, REGULAR, 8.5, 42, width=PAGE_WIDTH - 120)


def qr_code(value):
    """The QR code of ``value``, by ReportLab's own encoder (the one its ``QrCodeWidget``
    uses). Level L (7 % error correction) suits a clean printed page and needs fewer
    modules than M."""
    code = QRCode(None, QRErrorCorrectLevel.L)
    code.addData(value)
    code.make()
    return code


def qr_runs(code):
    """The dark modules as horizontal runs: (row, first column, length)."""
    size = code.getModuleCount()
    runs = []
    for row in range(size):
        column = 0
        while column < size:
            if code.isDark(row, column):
                start = column
                while column < size and code.isDark(row, column):
                    column += 1
                runs.append((row, start, column - start))
            else:
                column += 1
    return runs


def _draw_qr(canvas, value, x, y, size, border=2):
    """The QR code as one filled path of rectangles, a quiet zone of ``border`` modules
    around it. ``QrCodeWidget`` drawn through ``renderPDF`` gives the same modules, but
    builds a shape per module: about 14 ms a certificate, against well under 1 ms here."""
    code = qr_code(value)
    module = size / (code.getModuleCount() + 2 * border)
    top = y + size - border * module
    path = canvas.beginPath()
    for row, column, length in qr_runs(code):
        # A hair taller than a module, so that no seam shows between rows on screen.
        path.rect(
            x + (border + column) * module, top - (row + 1) * module, length * module, module + 0.05
        )
    canvas.setFillColor(INK)
    canvas.drawPath(path, stroke=0, fill=1)


def _centred(canvas, text, font, size, y, *, x=CENTRE, width=TEXT_WIDTH, fit=True):
    text = _nfc(text)
    if fit:
        size = _fitting_size(text, font, size, width)
    canvas.setFont(font, size)
    canvas.drawCentredString(x, y, text)


def _right_aligned(canvas, text, font, size, x, y, width=240):
    text = _nfc(text)
    canvas.setFont(font, _fitting_size(text, font, size, width))
    canvas.drawRightString(x, y, text)


def _fitting_size(text, font, size, width):
    """The largest size up to `size`, by half points, at which `text` fits in `width`."""
    measured = pdfmetrics.stringWidth(text, font, size)
    if measured <= width:
        return size
    # Width grows linearly with size: start from the proportional estimate.
    size = int(size * width / measured * 2) / 2
    while size > 0.5 and pdfmetrics.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def _split_in_two(text):
    """Split at the space that makes the longer of the two lines shortest."""
    words = text.split()
    cuts = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return min(cuts, key=lambda cut: max(len(cut[0]), len(cut[1])))


def _nfc(text):
    return unicodedata.normalize("NFC", str(text))
