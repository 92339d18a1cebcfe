"""The certificate PDF: its text, fonts, page, metadata and QR code.

The PDF is read back with pypdf, as a reader would see it. These tests need no
database.
"""

import datetime
import io
import unicodedata

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from elearning import certificates
from elearning.certificates import CertificateContent, file_name, render_certificate

VERIFY_URL = "https://formation.example.org/certificates/verify/7KQ2M9XD4HTRB3WN/"
LATIN_NAMES = ["Nguyễn Thị Thảo", "Łucja Żółć", "Çağla Öztürk", "Zoë Ñúñez"]


def make_content(**fields):
    fields = {
        "learner_name": "Nguyễn Thị Thảo",
        "course_title": "Secousses dans la jambe (fasciculations)",
        "completed_on": datetime.date(2026, 11, 25),
        "score_percent": 87,
        "code": "7KQ2-M9XD-4HTR-B3WN",
        "verify_url": VERIFY_URL,
        "language": "en",
        **fields,
    }
    return CertificateContent(**fields)


def read(data):
    return PdfReader(io.BytesIO(data))


def page_text(data):
    return read(data).pages[0].extract_text()


def nfc(text):
    return unicodedata.normalize("NFC", text)


@pytest.mark.parametrize(
    ("language", "completed_on"), [("fr", "25 novembre 2026"), ("en", "Nov. 25, 2026")]
)
def test_text_holds_the_certificate_content(language, completed_on):
    text = page_text(render_certificate(make_content(language=language)))

    assert "Nguyễn Thị Thảo" in text
    assert "Secousses dans la jambe (fasciculations)" in text
    assert completed_on in text
    assert "87 %" in text
    assert "7KQ2-M9XD-4HTR-B3WN" in text
    assert VERIFY_URL in text


def test_english_certificate_is_in_english():
    text = page_text(render_certificate(make_content(language="en")))

    assert "Certificate of completion" in text
    assert "November" not in text


def test_french_certificate_dates_in_french():
    # Month names come from Django's own French locale, not from the project's .po files.
    text = page_text(render_certificate(make_content(language="fr")))

    assert "novembre" in text
    assert "Nov." not in text


def test_organisation_and_signatory_come_from_settings(settings):
    settings.CERTIFICATE_ORGANISATION = "École d'infirmières de Łódź"
    settings.CERTIFICATE_SIGNATORY_NAME = "Agnieszka Wróbel"
    settings.CERTIFICATE_SIGNATORY_ROLE = "Dyrektorka"

    text = page_text(render_certificate(make_content()))

    assert "École d'infirmières de Łódź" in text
    assert "Agnieszka Wróbel" in text
    assert "Dyrektorka" in text


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize("name", LATIN_NAMES)
def test_latin_names_round_trip(name, form):
    typed = unicodedata.normalize(form, name)

    text = page_text(render_certificate(make_content(learner_name=typed)))

    assert nfc(name) in nfc(text)
    # Drawn as precomposed glyphs: a stray combining mark would sit beside its letter.
    assert not any(unicodedata.combining(character) for character in text)


@pytest.mark.parametrize("font_name", [certificates.REGULAR, certificates.BOLD])
def test_fonts_have_a_glyph_for_every_letter_of_the_names(font_name):
    render_certificate(make_content())  # registers the fonts
    glyphs = pdfmetrics.getFont(font_name).face.charToGlyph

    missing = {
        character for name in LATIN_NAMES for character in name if ord(character) not in glyphs
    }

    assert not missing


def test_fonts_are_embedded_dejavu_sans():
    fonts = read(render_certificate(make_content())).pages[0]["/Resources"]["/Font"]

    base_names = set()
    for font in fonts.values():
        font = font.get_object()
        base_names.add(font["/BaseFont"].split("+", 1)[-1])
        assert "/FontFile2" in font["/FontDescriptor"].get_object()
    assert base_names == {"DejaVuSans", "DejaVuSans-Bold"}


def test_fonts_are_registered_once_per_process():
    render_certificate(make_content())
    regular = pdfmetrics.getFont(certificates.REGULAR)

    render_certificate(make_content())

    assert pdfmetrics.getFont(certificates.REGULAR) is regular


def test_one_a4_landscape_page():
    reader = read(render_certificate(make_content()))

    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) == pytest.approx(841.89, abs=0.5)
    assert float(box.height) == pytest.approx(595.28, abs=0.5)


def test_metadata_names_the_course_and_the_organisation(settings):
    settings.CERTIFICATE_ORGANISATION = "Institut Florence Nightingale"

    metadata = read(render_certificate(make_content(language="en"))).metadata

    assert metadata.title == "Certificate – Secousses dans la jambe (fasciculations)"
    assert metadata.author == "Institut Florence Nightingale"


def test_qr_code_encodes_the_verification_url(monkeypatch):
    encoded = []

    class RecordingQRCode(certificates.QRCode):
        def addData(self, data):
            encoded.append(data)
            return super().addData(data)

    monkeypatch.setattr(certificates, "QRCode", RecordingQRCode)

    render_certificate(make_content(verify_url=VERIFY_URL))

    assert encoded == [VERIFY_URL]


def test_the_qr_code_draws_exactly_the_dark_modules_of_reportlabs_encoder():
    """The runs drawn cover every dark module of the code ReportLab's own QR widget
    encodes, and nothing else."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(VERIFY_URL, barLevel="L")
    widget.qr.make()
    reference = widget.qr
    code = certificates.qr_code(VERIFY_URL)
    size = code.getModuleCount()
    assert size == reference.getModuleCount()
    drawn = {
        (row, column + offset)
        for row, column, length in certificates.qr_runs(code)
        for offset in range(length)
    }
    dark = {(r, c) for r in range(size) for c in range(size) if reference.isDark(r, c)}
    assert drawn == dark


@pytest.mark.parametrize(
    "text",
    [
        "Zoë Ñúñez",
        "Marie-Bénédicte Łucja Żółć-Çağla Öztürk de la Villardière-Nguyễn Thị Thảo",
        "W" * 120,
    ],
)
def test_long_text_shrinks_to_fit(text):
    certificates._register_fonts()

    size = certificates._fitting_size(text, certificates.BOLD, 32, 640)

    assert 0 < size <= 32
    assert pdfmetrics.stringWidth(text, certificates.BOLD, size) <= 640
    # The largest size that fits, to the half point.
    if size < 32:
        assert pdfmetrics.stringWidth(text, certificates.BOLD, size + 0.5) > 640


def test_long_names_and_titles_are_printed_whole():
    name = "Marie-Bénédicte Łucja Żółć-Çağla Öztürk de la Villardière-Nguyễn Thị Thảo"
    title = (
        "Surveillance infirmière du patient sous anticoagulants oraux directs : "
        "risques hémorragiques, interactions médicamenteuses et éducation thérapeutique"
    )

    text = page_text(render_certificate(make_content(learner_name=name, course_title=title)))

    assert name in text
    assert " ".join(text.split()).count(title) == 1


def test_file_name():
    assert (
        file_name("secousses", "7KQ2-M9XD-4HTR-B3WN")
        == "certificat-secousses-7KQ2-M9XD-4HTR-B3WN.pdf"
    )
