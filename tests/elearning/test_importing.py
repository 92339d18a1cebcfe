"""The importer: any document an instructor brings (plain text, Markdown, a web page, a Word
document, a paste) becomes clean lessons; saving them is all or nothing."""

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from elearning.documents import MAX_DOCUMENT_BYTES, OLE_SIGNATURE
from elearning.importing import (
    Article,
    ImportProblem,
    LessonText,
    import_course,
    read_document,
)
from elearning.models import Course, Lesson, LessonProgress

SOURCE = Path(settings.BASE_DIR) / "content" / "source" / "secousses-dans-la-jambe.txt"
DOCUMENTS = Path(__file__).parent / "documents"
# The development texts of the drafting rules (never the held-out test set beside them).
DEVELOPMENT_TEXTS = sorted((Path(__file__).parent / "texts" / "dev").glob("[0-9]*"))
ENCYCLOPEDIA_PAGES = ["encyclopedie-bureau.txt", "encyclopedie-mobile.txt", "page-enregistree.html"]


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def read(name):
    return read_document((DOCUMENTS / name).read_bytes(), name)


def lessons(article):
    return {lesson.title: lesson.body for lesson in article.lessons}


def all_text(article):
    return "\n".join([article.title, *(f"{x.title}\n{x.body}" for x in article.lessons)])


def article(*lessons, title="Cours"):
    return Article(title=title, lessons=[LessonText(t, b) for t, b in lessons])


# --- Plain text ----------------------------------------------------------------------------


def test_the_shipped_source_text_makes_its_two_lessons():
    result = read_document(SOURCE.read_bytes(), SOURCE.name)
    assert result.title == "Secousses dans la jambe"
    assert [lesson.title for lesson in result.lessons] == ["Introduction", "Causes"]
    assert result.lessons[1].body.startswith("Des contractions musculaires")
    assert result.lessons[1].body.count("\n\n") == 4  # five paragraphs, as written


def test_text_before_the_first_heading_opens_a_lesson_named_after_the_course():
    result = read_document(b"Mon titre\n\nUn paragraphe sans titre.\n\nSuite\n\nAutre texte.\n")
    assert lessons(result) == {"Mon titre": "Un paragraphe sans titre.", "Suite": "Autre texte."}


LESSON = "Titre\n\nLa leçon\n\n{}\n"
PLAIN_TEXT_RULES = [
    # The example: items after a colon, one per line, each marked with a dash.
    (
        "Causes fréquentes (bénignes) :\n- Après un effort physique\n- Position assise prolongée",
        "Causes fréquentes (bénignes) :\n\n- Après un effort physique\n- Position assise prolongée",
    ),
    ("Signes :\n• une fatigue\n• une fièvre", "Signes :\n\n- une fatigue\n- une fièvre"),
    ("Signes :\n* une fatigue\n* une fièvre", "Signes :\n\n- une fatigue\n- une fièvre"),
    ("Signes :\n– une fatigue\n– une fièvre", "Signes :\n\n- une fatigue\n- une fièvre"),
    (
        "Étapes :\n1. Se laver les mains\n2. Poser le pansement",
        "Étapes :\n\n1. Se laver les mains\n2. Poser le pansement",
    ),
    (
        "Étapes :\n1) Se laver les mains\n2) Poser le pansement",
        "Étapes :\n\n1. Se laver les mains\n2. Poser le pansement",
    ),
    # Indented under an item: a nested list, four spaces a level as Python-Markdown wants.
    (
        "- Causes :\n  - la fatigue\n  - le café\n- Conduite",
        "- Causes :\n    - la fatigue\n    - le café\n- Conduite",
    ),
    # A browser pastes a list without its bullets: short lines after a colon...
    (
        "Que faire :\n\nÉtirer le muscle\nBoire de l'eau",
        "Que faire :\n\n- Étirer le muscle\n- Boire de l'eau",
    ),
    # ... or an enumeration whose items end with semicolons.
    ("la fatigue ;\nle café ;\nl'effort.", "- la fatigue ;\n- le café ;\n- l'effort."),
    # A paragraph per line stays a paragraph per line.
    (
        "La crampe est une contraction douloureuse d'un muscle qui dure quelques minutes.\n"
        "Elle survient souvent la nuit, chez la personne âgée comme chez le sportif.",
        "La crampe est une contraction douloureuse d'un muscle qui dure quelques minutes.\n\n"
        "Elle survient souvent la nuit, chez la personne âgée comme chez le sportif.",
    ),
    # Lines wrapped by a PDF are one paragraph again, a word cut by a hyphen joined.
    (
        "La crampe est une contraction douloureuse et involontaire d'un muscle ou d'un\n"
        "groupe de muscles, qui dure de quelques secondes à quelques minutes et cède à l'éti-\n"
        "rement.",
        "La crampe est une contraction douloureuse et involontaire d'un muscle ou d'un "
        "groupe de muscles, qui dure de quelques secondes à quelques minutes et cède à "
        "l'étirement.",
    ),
    # A numbered subheading stays a subheading inside the lesson.
    ("Texte.\n\n1.1 Définition\n\nSuite.", "Texte.\n\n### 1.1 Définition\n\nSuite."),
    # Numbered items spaced by blank lines are a list, not headings.
    (
        "Étapes :\n\n1. Se laver les mains\n\n2. Poser le pansement",
        "Étapes :\n\n1. Se laver les mains\n2. Poser le pansement",
    ),
    # A sentence right under a list's last item, as slides are pasted, is a paragraph of
    # its own, not the end of the item; a wrapped item still goes on.
    (
        "- VEMS = volume expiratoire maximal en une seconde ; CVF = capacité vitale forcée\n"
        "Ne pas confondre avec l'asthme : dans l'asthme, l'obstruction est réversible.",
        "- VEMS = volume expiratoire maximal en une seconde ; CVF = capacité vitale forcée\n\n"
        "Ne pas confondre avec l'asthme : dans l'asthme, l'obstruction est réversible.",
    ),
    (
        "- Obstruction bronchique mesurée par les épreuves fonctionnelles respiratoires\n"
        "au cabinet du pneumologue",
        "- Obstruction bronchique mesurée par les épreuves fonctionnelles respiratoires au "
        "cabinet du pneumologue",
    ),
]


@pytest.mark.parametrize(("text", "body"), PLAIN_TEXT_RULES)
def test_plain_text_keeps_its_lists_and_paragraphs(text, body):
    assert lessons(read_document(LESSON.format(text).encode()))["La leçon"] == body


PLAIN_TEXT_HEADINGS = [
    ("Titre\n\nUn\n\nTexte un.\n\nDeux\n\nTexte deux.", ["Un", "Deux"]),
    # A heading directly above its list, as a browser pastes a heading and its list.
    ("Titre\n\nTexte.\n\nQue faire\nÉtirer le muscle\nBoire de l'eau", ["Titre", "Que faire"]),
    # "1. Introduction" alone between paragraphs is a numbered heading.
    (
        "Titre\n\n1. Introduction\n\nTexte un.\n\n2. Causes\n\nTexte deux.",
        ["1. Introduction", "2. Causes"],
    ),
    # A line followed by a lone "modifier" (the mobile site) is a heading, even a question;
    # an invisible direction mark does not hide the signal.
    (
        "Titre\n\nTexte.\n\nQue faire ?\nmodifier\u200e\nRassurer la personne.",
        ["Titre", "Que faire ?"],
    ),
    # Under a heading, a block of short lines is its text, not another heading.
    ("Titre\n\nCauses[modifier | modifier le code]\nFatigue\nStress\n", ["Causes"]),
    ("Titre\n\nTexte.\n\nCauses\n\nFatigue\nStress\nCaféine", ["Titre", "Causes"]),
    # A line with a final stop or several commas is a sentence, not a heading.
    (
        "Titre\n\nTexte.\n\nUne phrase courte.\n\nSuite.\n\nFatigue, stress, café\n\nSuite.",
        ["Titre"],
    ),
]


@pytest.mark.parametrize(("text", "titles"), PLAIN_TEXT_HEADINGS)
def test_plain_text_headings_make_the_lessons(text, titles):
    assert [lesson.title for lesson in read_document(text.encode()).lessons] == titles


def test_invisible_marks_are_removed_from_the_text():
    text = "Titre\n\nLa leçon\n\nUne con\u00adtraction\u200e brève\u200b.\n"
    assert lessons(read_document(text.encode()))["La leçon"] == "Une contraction brève."


def test_a_file_saved_by_windows_notepad_is_read_as_windows_1252():
    data = "Crampes\r\n\r\nÉté\r\n\r\nLes crampes d’été sont fréquentes… après l’effort.\r\n"
    result = read_document(data.encode("cp1252"), "notes.txt")
    assert lessons(result) == {"Été": "Les crampes d’été sont fréquentes… après l’effort."}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_text_files_are_read_with_or_without_a_byte_order_mark(encoding):
    result = read_document("Titre\n\nÉté\n\nTexte d’été.\n".encode(encoding), "notes.txt")
    assert result.title == "Titre"
    assert lessons(result) == {"Été": "Texte d’été."}


# --- Encyclopedia pages: pasted (desktop, mobile) and saved --------------------------------


@pytest.mark.parametrize("name", ENCYCLOPEDIA_PAGES)
def test_an_encyclopedia_page_becomes_its_sections_without_furniture(name):
    result = read(name)
    assert result.title == "Hoquet"
    assert [lesson.title for lesson in result.lessons] == [
        "Hoquet",
        "Description",
        "Causes",
        "Conduite à tenir",
    ]
    assert lessons(result)["Description"] == (
        "Chaque secousse dure une fraction de seconde et se répète à intervalles réguliers. "
        "On parle de hoquet persistant au-delà de quarante-huit heures et de hoquet rebelle "
        "au-delà d'un mois."
    )
    text = all_text(result)
    assert "[" not in text and "]" not in text  # no citation mark, no edit link
    for furniture in [
        "modifier",
        "Sommaire",
        "Un article de Wikipédia",
        "homonymes",
        "Notes et références",
        "Martin P.",  # the references
        "Voir aussi",
        "Articles connexes",
        "Nerf phrénique\n",
        "Dernière modification",
        "licence",
        "Politique de confidentialité",
        "langues",
        "Télécharger",
        "Catégories",
        "Portail",
        "icône décorative",
        "Ce document provient",
        "Description de cette image",  # the infobox
        "Spécialité",
        "CIM-10",
        "Mise en garde médicale",
        "confondu",  # a hatnote
        "Articles liés",  # the mobile site's related pages
        "muscle de la respiration",
    ]:
        assert furniture not in text, furniture


@pytest.mark.parametrize("name", ENCYCLOPEDIA_PAGES)
def test_an_encyclopedia_page_keeps_its_lists(name):
    causes = lessons(read(name))["Causes"]
    assert "- un repas copieux ou pris trop vite ;\n- les boissons gazeuses ;\n" in causes
    conduct = lessons(read(name))["Conduite à tenir"]
    assert "1. retenir sa respiration quelques secondes ;\n2. boire lentement" in conduct


def test_a_pasted_desktop_page_keeps_its_subsections_as_the_table_of_contents_shows():
    body = lessons(read("encyclopedie-bureau.txt"))["Causes"]
    assert body == (
        "Les causes sont nombreuses ; la plupart sont sans gravité.\n\n"
        "### Causes bénignes\n\n"
        "- un repas copieux ou pris trop vite ;\n"
        "- les boissons gazeuses ;\n"
        "- un changement brusque de température ;\n"
        "- une émotion forte.\n\n"
        "### Causes graves\n\n"
        "Un hoquet qui dure doit faire rechercher une cause sous-jacente :\n\n"
        "- une atteinte du système nerveux central ;\n"
        "- une irritation du nerf phrénique ;\n"
        "- certains médicaments."
    )


def test_a_pasted_mobile_page_finds_its_headings_by_their_modifier_lines():
    assert lessons(read("encyclopedie-mobile.txt"))["Causes"] == (
        "Les causes sont nombreuses ; la plupart sont sans gravité :\n\n"
        "- un repas copieux ou pris trop vite ;\n"
        "- les boissons gazeuses ;\n"
        "- une émotion forte.\n\n"
        "Un hoquet qui dure doit faire rechercher une cause sous-jacente."
    )


def test_a_saved_page_keeps_its_main_text_emphasis_and_subsections_only():
    result = read("page-enregistree.html")
    text = all_text(result)
    for furniture in ["cookies", "Tout accepter", "Accueil", "Article au hasard", "Contact"]:
        assert furniture not in text, furniture
    assert "<sup>" not in text
    assert lessons(result)["Hoquet"].startswith("Le **hoquet** est une contraction")
    assert "*bénin*" in lessons(result)["Hoquet"]
    assert "### Causes bénignes" in lessons(result)["Causes"]
    assert "**plus de deux jours**" in lessons(result)["Conduite à tenir"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", ENCYCLOPEDIA_PAGES)
def test_an_encyclopedia_page_makes_clean_slugs(name):
    report = import_course(read(name))
    assert list(report.course.lessons.values_list("slug", flat=True)) == [
        "hoquet",
        "description",
        "causes",
        "conduite-a-tenir",
    ]


@pytest.mark.parametrize("path", DEVELOPMENT_TEXTS, ids=lambda path: path.name)
def test_the_development_texts_make_clean_lessons(path):
    result = read_document(path.read_bytes(), path.name)
    assert len(result.lessons) >= 5
    text = all_text(result)
    for furniture in [
        r"\[\s*\d",  # citation marks
        r"\[réf",
        r"\[modifier",
        r"(?m)^\s*modifier\s*$",
        r"↑",
        r"(?m)^(Sommaire|Notes et références|Voir aussi|Liens externes|Articles liés)$",
        r"Wikipédia",
        r"(?i)cookies",
        r"Mise en garde médicale",
        r"Dernière modification",
    ]:
        assert not re.search(furniture, text), furniture


CITATION_MARKS = [
    ("Un signe[1] fréquent.", "Un signe fréquent."),
    ("Un signe fréquent[4],[5].", "Un signe fréquent."),
    ("Un signe fréquent[4][5].", "Un signe fréquent."),
    ("Un signe fréquent [12], souvent.", "Un signe fréquent, souvent."),
    ("Un signe fréquent[réf. nécessaire].", "Un signe fréquent."),
    ("Un signe fréquent[a] et rare[N 1].", "Un signe fréquent et rare."),
    ("Un signe fréquent[Quand ?].", "Un signe fréquent."),
    ("Un signe fréquent<sup>[3]</sup>.", "Un signe fréquent."),
    ("Un signe fréquent\\[3\\].", "Un signe fréquent."),  # escaped, as trafilatura writes it
    ("Voir [le guide](https://example.org/guide).", "Voir [le guide](https://example.org/guide)."),
]


@pytest.mark.parametrize(("line", "cleaned"), CITATION_MARKS)
def test_citation_marks_are_removed_from_sentences(line, cleaned):
    assert lessons(read_document(LESSON.format(line).encode()))["La leçon"] == cleaned


@pytest.mark.parametrize(
    ("name", "document"),
    [
        (
            "notes.md",
            "# Hoquet\n\n## Causes[modifier | modifier le code]\n\nmodifier\n\nLa fatigue[1].\n\n"
            "## Voir aussi\n\n- Diaphragme\n\n## Conduite\n\nRassurer.\n\n"
            "Dernière modification il y a 2 mois\n\nLicence CC BY-SA.\n",
        ),
        (
            "",
            "<h1>Hoquet</h1><h2>Causes<span>[modifier | modifier le code]</span></h2>"
            "<p>modifier</p><p>La fatigue<sup>[1]</sup>.</p><h2>Voir aussi</h2><ul><li>"
            "Diaphragme</li></ul><h2>Conduite</h2><p>Rassurer.</p>"
            "<p>Dernière modification il y a 2 mois</p><p>Licence CC BY-SA.</p>",
        ),
    ],
)
def test_markdown_and_html_lose_the_same_furniture(name, document):
    result = read_document(document.encode(), name)
    assert lessons(result) == {"Causes": "La fatigue.", "Conduite": "Rassurer."}


@pytest.mark.parametrize(
    "disclaimer",
    [
        "Cette fiche d’information générale ne remplace pas l’avis de votre médecin.",
        "Les informations de cette page ne remplacent pas l'avis d'un professionnel de santé.",
    ],
)
def test_a_patient_pages_disclaimer_is_no_lesson_text(disclaimer):
    html = (
        "<html><body><article><h1>L'hypoglycémie</h1><h2>Que faire ?</h2>"
        "<p>Prenez 15 g de sucre rapide, puis contrôlez la glycémie 15 minutes plus tard.</p>"
        f"<p><small>{disclaimer}</small></p></article></body></html>"
    )
    result = read_document(html.encode(), "page.html")
    assert "remplace" not in all_text(result)
    assert "15 g de sucre rapide" in all_text(result)


@pytest.mark.parametrize(
    "sentence",
    [
        "Le cranberry ne remplace jamais un antibiotique.",
        "Le contenu en fer des épinards ne remplace pas un traitement martial.",
        "Les informations données au patient ne remplacent pas la surveillance.",
    ],
)
def test_what_a_text_says_does_not_replace_is_kept(sentence):
    text = LESSON.format(sentence)
    assert sentence in all_text(read_document(text.encode()))


def test_the_plan_of_a_slide_deck_is_no_lesson():
    text = (
        "BPCO\n\nPlan\n1) Définition\n2) Traitements\n\n"
        "Définition\nLa BPCO est une obstruction permanente des bronches.\n\n"
        "Traitements\nL'arrêt du tabac est la seule mesure qui ralentit le déclin du VEMS.\n"
    )
    assert list(lessons(read_document(text.encode(), "cours.txt"))) == [
        "Définition",
        "Traitements",
    ]


def test_a_related_article_named_like_a_section_stays_in_the_links_section():
    # 'Fraction d'éjection' is a subsection of the page, listed in its table of contents,
    # and the title of a related article: under 'Articles connexes', it is the link.
    document = (
        "Insuffisance cardiaque\n\nSommaire\n1 Classification\n1.1 Fraction d'éjection\n"
        "2 Voir aussi\n2.1 Articles connexes\n2.2 Liens externes\n\n"
        "Classification[modifier | modifier le code]\n\n"
        "L'insuffisance cardiaque est l'incapacité du cœur à assurer un débit suffisant.\n\n"
        "Fraction d'éjection[modifier | modifier le code]\n\n"
        "Elle est normalement supérieure à 50 %.\n\n"
        "Voir aussi[modifier | modifier le code]\n"
        "Articles connexes[modifier | modifier le code]\n"
        "Œdème aigu du poumon\nFraction d'éjection\nCardiopathie ischémique\n"
        "Liens externes[modifier | modifier le code]\n"
        "• Fiche sur le site d'une association de patients\n"
    )
    result = read_document(document.encode(), "page.txt")
    assert lessons(result) == {
        "Classification": (
            "L'insuffisance cardiaque est l'incapacité du cœur à assurer un débit suffisant."
            "\n\n### Fraction d'éjection\n\nElle est normalement supérieure à 50 %."
        ),
    }


# --- Markdown, HTML source pasted, Word ---------------------------------------------------

MARKDOWN = """# Les crampes

Intro.

## Définition

Une *crampe* est une contraction **douloureuse**.
Ce qu'il faut savoir :
- elle est brève
  - quelques minutes
- elle cède à l'étirement

### Chez le sportif

Texte.

Prise en charge
---------------

1) Étirer
2) Masser
"""


def test_markdown_headings_make_lessons_and_subsections_stay_in_them():
    result = read_document(MARKDOWN.encode(), "crampes.md")
    assert result.title == "Les crampes"
    assert lessons(result) == {
        "Les crampes": "Intro.",
        "Définition": (
            "Une *crampe* est une contraction **douloureuse**.\nCe qu'il faut savoir :\n\n"
            "- elle est brève\n    - quelques minutes\n- elle cède à l'étirement\n\n"
            "### Chez le sportif\n\nTexte."
        ),
        "Prise en charge": "1. Étirer\n2. Masser",
    }


def test_html_source_pasted_is_read_as_html():
    paste = (
        "<h2>Causes<span>[modifier | modifier le code]</span></h2>"
        "<p>Les causes<sup>[1]</sup> :</p><ul><li>la <b>fatigue</b></li><li>le café</li></ul>"
        "<h3>Rares</h3><p>Une maladie.</p><h2>Conduite à tenir</h2><p>Rassurer.</p>"
    )
    result = read_document(paste.encode())
    assert result.title == "Causes"
    assert lessons(result) == {
        "Causes": "Les causes :\n\n- la **fatigue**\n- le café\n\n### Rares\n\nUne maladie.",
        "Conduite à tenir": "Rassurer.",
    }


def test_html_pasted_loses_images_footnotes_and_links_within_the_page():
    paste = (
        "<h2>Causes</h2><p>Une cause<sup><a href='#footnote-1'>[1]</a></sup> "
        "<img src='data:image/png;base64,AAAA' alt='schéma'> (voir "
        "<a href='https://example.org/guide'>le guide</a>).</p>"
        "<ol><li id='footnote-1'><p>Martin, 2010. <a href='#footnote-ref-1'>↑</a></p></li></ol>"
    )
    assert lessons(read_document(paste.encode())) == {
        "Causes": "Une cause (voir [le guide](https://example.org/guide))."
    }


def test_text_that_only_mentions_a_tag_is_plain_text():
    result = read_document("Titre\n\nLa leçon\n\n<5 mmol/L : une hypokaliémie.\n".encode())
    assert lessons(result) == {"La leçon": "<5 mmol/L : une hypokaliémie."}


def word_document(title=True):
    document = docx.Document()
    if title:
        document.add_heading("Les fasciculations", level=0)  # the Title style
    document.add_paragraph("Fiche distribuée en cours.")
    document.add_heading("Définition", level=1)
    paragraph = document.add_paragraph("Une ")
    paragraph.add_run("fasciculation").bold = True
    paragraph.add_run(" est une contraction ")
    paragraph.add_run("brève").italic = True
    paragraph.add_run(" d'un groupe de fibres[1].")
    document.add_heading("Causes", level=1)
    document.add_heading("Bénignes", level=2)
    document.add_paragraph("la fatigue ;", style="List Bullet")
    document.add_paragraph("le café.", style="List Bullet")
    document.add_heading("Conduite à tenir", level=1)
    document.add_paragraph("Rassurer la personne.", style="List Number")
    document.add_paragraph("Surveiller l'évolution.", style="List Number")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_word_document_keeps_its_headings_lists_and_emphasis():
    result = read_document(word_document(), "fiche.docx")
    assert result.title == "Les fasciculations"
    assert lessons(result) == {
        "Les fasciculations": "Fiche distribuée en cours.",
        "Définition": "Une **fasciculation** est une contraction *brève* d'un groupe de fibres.",
        "Causes": "### Bénignes\n\n- la fatigue ;\n- le café.",
        "Conduite à tenir": "1. Rassurer la personne.\n2. Surveiller l'évolution.",
    }


def test_a_word_table_keeps_its_first_row_as_header():
    document = docx.Document()
    document.add_heading("Évaluer le risque", level=1)
    table = document.add_table(rows=2, cols=2)
    texts = ["Test", "Résultat", "Appui unipodal", "< 5 s"]
    for cell, text in zip(table._cells, texts, strict=True):
        cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    result = read_document(buffer.getvalue(), "tests.docx")
    assert lessons(result)["Évaluer le risque"] == (
        "| Test | Résultat |\n| --- | --- |\n| Appui unipodal | < 5 s |"
    )


def test_a_word_document_without_a_title_style_is_named_by_its_first_line():
    result = read_document(word_document(title=False), "fiche.docx")
    assert result.title == "Fiche distribuée en cours."
    assert [lesson.title for lesson in result.lessons] == [
        "Définition",
        "Causes",
        "Conduite à tenir",
    ]


# --- Refusals -------------------------------------------------------------------------------


def zip_file(names):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buffer.getvalue()


def zip_bomb():
    """A small .docx whose document unpacks to more than 50 MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", bytes(51 * 1024 * 1024))
    return buffer.getvalue()


def compound_file(stream):
    """The first bytes of an Office compound file holding ``stream`` (its directory entry
    names are UTF-16): an encrypted .docx holds "EncryptedPackage", an old .doc
    "WordDocument"."""
    return OLE_SIGNATURE + bytes(504) + stream.encode("utf-16-le") + bytes(64)


REFUSALS = [
    # A type it cannot read, by name or by content; the message names what it reads.
    (b"%PDF-1.7\n", "cours.pdf", "cannot read this type of file (.pdf)"),
    (b"%PDF-1.7\n", "cours.pdf", "reads plain text (.txt), Markdown (.md), web pages"),
    (zip_file(["mimetype", "content.xml"]), "cours.odt", "(.odt)"),
    (zip_file(["mimetype", "content.xml"]), "", "a zip archive, not a Word document"),
    (b"{\\rtf1\\ansi Bonjour}", "cours.txt", "(RTF)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt", "not text"),
    (b"Titre\x07\n\nUn paragraphe.\n", "a.txt", "not text"),
    (b"Titre\n\n\x81\x8d\x8f\n", "a.txt", "not text in an encoding the importer knows"),
    # No text at all.
    (b"", "a.txt", "The file is empty."),
    (b"  \n\n \t\n", "a.txt", "The file is empty."),
    (b"<html><body><img src='x.png'></body></html>", "page.html", "has no text"),
    # Nothing left once the furniture is removed.
    (
        "Notes et références[modifier | modifier le code]\n↑ Martin, 2010.\n".encode(),
        "",
        "Nothing is left to import",
    ),
    (b"Titre seul\n\nSection\n\nAutre section\n", "a.txt", "no text to make lessons from"),
    ("…\n\nUn paragraphe.\n".encode(), "a.txt", "no letters or digits"),
    # Word documents it cannot read.
    (compound_file("EncryptedPackage"), "protege.docx", "protected by a password"),
    (compound_file("WordDocument"), "ancien.doc", "old Word document (.doc)"),
    (b"{\\rtf1 Bonjour}", "ancien.doc", "old Word document (.doc)"),
    (b"PK\x03\x04 not a zip", "abime.docx", "damaged"),
    (zip_file(["word/document.xml"]), "abime.docx", "damaged"),
    (zip_bomb(), "bombe.docx", "too large once unpacked"),
    # Too large.
    (b"a" * (MAX_DOCUMENT_BYTES + 1), "grand.txt", "too large"),
    (("Titre\n\n" + "Un\n\nTexte.\n\n" * 201).encode(), "a.txt", "would make 201 lessons"),
]


@pytest.mark.parametrize(("data", "filename", "message"), REFUSALS)
def test_documents_it_cannot_use_are_refused_with_a_reason(data, filename, message):
    with pytest.raises(ImportProblem) as excinfo:
        read_document(data, filename)
    assert message in str(excinfo.value)
    assert "\n" not in str(excinfo.value)


def test_refusals_speak_french_too():
    with translation.override("fr"), pytest.raises(ImportProblem) as excinfo:
        read_document(compound_file("EncryptedPackage"), "protege.docx")
    assert "protégé par un mot de passe" in str(excinfo.value)


# --- Saving: one transaction, re-import, the report -------------------------------------


@pytest.mark.django_db
def test_reimport_updates_instead_of_duplicating(capsys):
    call_command("import_course", str(SOURCE))
    Lesson.objects.filter(slug="causes").update(body="edited", position=9)
    call_command("import_course", str(SOURCE))
    assert Course.objects.filter(slug="secousses-dans-la-jambe").count() == 1
    assert Lesson.objects.count() == 2
    causes = Lesson.objects.get(slug="causes")
    assert causes.body.startswith("Des contractions musculaires") and causes.position == 2
    out = capsys.readouterr().out
    assert "1 lesson updated: “Causes”" in out
    assert "1 lesson unchanged: “Introduction”" in out


@pytest.mark.django_db
def test_reimport_archives_a_removed_lesson_with_progress_and_deletes_one_without(learner):
    report = import_course(
        article(("Un", "Texte un."), ("Deux", "Texte deux."), ("Trois", "Texte trois."))
    )
    assert report.created == ["Un", "Deux", "Trois"]
    LessonProgress.objects.create(learner=learner, lesson=Lesson.objects.get(slug="deux"))

    report = import_course(article(("Un", "Texte un.")))

    assert report.archived == ["Deux"]
    assert report.deleted == ["Trois"]
    deux = Lesson.objects.get(slug="deux")
    assert deux.is_archived
    assert LessonProgress.objects.filter(learner=learner, lesson=deux).exists()
    assert not Lesson.objects.filter(slug="trois").exists()
    assert "1 lesson archived (learners have progress on it): “Deux”" in report.lines()

    # The lesson comes back if the text brings it back.
    report = import_course(article(("Un", "Texte un."), ("Deux", "Texte deux.")))
    assert report.updated == ["Deux"]
    assert not Lesson.objects.get(slug="deux").is_archived


@pytest.mark.django_db
def test_the_report_names_lessons_by_their_titles_in_the_users_language():
    with translation.override("fr"):
        report = import_course(
            article(("Qu'est-ce qu'une crampe ?", "Texte."), ("Causes", "Texte."))
        )
        assert report.lines() == [
            "Cours créé\u00a0: Cours",
            "2 leçons créées\u00a0: «\u00a0Qu'est-ce qu'une crampe ?\u00a0», «\u00a0Causes\u00a0»",
        ]


@pytest.mark.django_db
def test_repeated_titles_get_distinct_slugs_and_reading_times_follow_the_words():
    import_course(article(("Causes", "A."), ("Causes", " ".join(["mot"] * 540))))
    assert list(Lesson.objects.values_list("slug", "reading_minutes")) == [
        ("causes", 1),
        ("causes-2", 3),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (article(("Un", "Texte."), title="…"), "no letters"),
        (article(), "no text to make lessons from"),
        (article(("", "Texte.")), "needs a title"),
        (article(("Un", "  ")), "“Un” has no text"),
    ],
)
def test_import_course_refuses_an_article_it_cannot_save(bad, message):
    with pytest.raises(ImportProblem, match=message):
        import_course(bad)
    assert not Course.objects.exists()


@pytest.mark.django_db
def test_a_failure_midway_leaves_the_database_as_it_was(monkeypatch):
    import_course(article(("Un", "Texte un.")))
    before = list(Lesson.objects.values_list("slug", "body", "position"))

    original_create = Lesson.objects.create
    calls = []

    def failing_create(**kwargs):
        calls.append(kwargs["slug"])
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original_create(**kwargs)

    monkeypatch.setattr(Lesson.objects, "create", failing_create)
    with pytest.raises(RuntimeError):
        import_course(article(("Un", "Texte modifié."), ("Deux", "A."), ("Trois", "B.")))
    assert list(Lesson.objects.values_list("slug", "body", "position")) == before


# --- The command, on each format ------------------------------------------------------------

COMMAND_FORMATS = [
    ("notes.txt", "Hoquet\n\nCauses\n\nLes causes :\n- la fatigue\n- le café\n".encode()),
    ("notes.txt", "Hoquet\n\nCauses\n\nLes causes :\n- la fatigue\n- le café\n".encode("cp1252")),
    ("notes.md", "# Hoquet\n\n## Causes\n\nLes causes :\n\n- la fatigue\n- le café\n".encode()),
    (
        "page.html",
        b"<html><head><title>Hoquet</title></head><body><nav>Accueil</nav><main><h1>Hoquet"
        b"</h1><h2>Causes</h2><p>Les causes :</p><ul><li>la fatigue</li><li>le caf&eacute;"
        b"</li></ul></main><footer>Mentions</footer></body></html>",
    ),
    ("encyclopedie.txt", (DOCUMENTS / "encyclopedie-mobile.txt").read_bytes()),
    ("fiche.docx", word_document()),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "data"), COMMAND_FORMATS)
def test_the_command_imports_each_format(tmp_path, capsys, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    call_command("import_course", str(path))
    course = Course.objects.get()
    assert not course.is_published  # an instructor reviews an import before learners see it
    causes = course.lessons.get(slug="causes").body
    assert re.search(r"^- \w", causes, re.MULTILINE), causes
    out = capsys.readouterr().out
    assert f"Course created: {course.title}" in out
    assert "“Causes”" in out


@pytest.mark.django_db
def test_the_command_dry_run_shows_the_lessons_and_saves_nothing(capsys):
    call_command("import_course", str(DOCUMENTS / "encyclopedie-mobile.txt"), "--dry-run")
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Hoquet"
    assert "3. Causes (" in out and "words" in out
    assert not Course.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cours.pdf", b"%PDF-1.7", "cannot read this type of file (.pdf)"),
        ("protege.docx", compound_file("EncryptedPackage"), "protected by a password"),
        ("vide.txt", b"", "The file is empty."),
        ("grand.txt", b"a" * (MAX_DOCUMENT_BYTES + 10), "too large"),
    ],
)
def test_the_command_refuses_with_one_line_and_saves_nothing(tmp_path, name, data, message):
    Course.objects.create(title="Existant", slug="existant")
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError) as excinfo:
        call_command("import_course", str(path))
    text = str(excinfo.value)
    assert message in text and str(path) in text and "\n" not in text
    assert list(Course.objects.values_list("slug", flat=True)) == ["existant"]
    assert not Lesson.objects.exists()


@pytest.mark.django_db
def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        call_command("import_course", str(tmp_path / "absent.txt"))


def test_command_exits_non_zero_on_a_bad_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_course", str(path)],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "SQLITE_PATH": str(tmp_path / "db.sqlite3")},
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "empty" in result.stderr or "vide" in result.stderr
