"""The importer: a text becomes a course, faithfully and repeatably, or nothing changes."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from elearning.importing import ImportProblem, decode_text, import_course, parse_article
from elearning.models import Course, Lesson, LessonProgress

SOURCE = Path(settings.BASE_DIR) / "fixtures" / "source" / "secousses-dans-la-jambe.txt"


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def test_parse_source_text():
    article = parse_article(SOURCE.read_text(encoding="utf-8"))
    assert article.title == "Secousses dans la jambe"
    assert [section.heading for section in article.sections] == ["Introduction", "Causes"]
    assert len(article.sections[0].paragraphs) == 1
    assert len(article.sections[1].paragraphs) == 5
    assert article.sections[1].paragraphs[0].startswith("Des contractions musculaires")


def test_paragraphs_before_first_heading_open_a_lesson_named_after_the_course():
    article = parse_article("Mon titre\n\nUn paragraphe sans titre.\n\nSuite\n\nAutre texte.\n")
    assert [(s.heading, s.paragraphs) for s in article.sections] == [
        ("Mon titre", ["Un paragraphe sans titre."]),
        ("Suite", ["Autre texte."]),
    ]


@pytest.mark.django_db
def test_import_command_on_source_text_creates_ordered_lessons(capsys):
    call_command("import_course", str(SOURCE))
    course = Course.objects.get(slug="secousses-dans-la-jambe")
    lessons = list(course.lessons.order_by("position"))
    assert [(lesson.slug, lesson.position) for lesson in lessons] == [
        ("introduction", 1),
        ("causes", 2),
    ]
    assert "Fibres musculaires dans le jambe" in lessons[0].body  # imported faithfully
    assert not course.is_published  # an instructor reviews an import before learners see it
    out = capsys.readouterr().out
    assert "Course created: Secousses dans la jambe" in out
    assert "Lessons created (2): introduction, causes" in out


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
    assert "Lessons updated (1): causes" in out
    assert "Lessons unchanged (1): introduction" in out


@pytest.mark.django_db
def test_reimport_archives_a_removed_lesson_with_progress_and_deletes_one_without(learner):
    report = import_course(
        "Cours\n\nUn\n\nTexte un.\n\nDeux\n\nTexte deux.\n\nTrois\n\nTexte trois."
    )
    assert report.created == ["un", "deux", "trois"]
    LessonProgress.objects.create(learner=learner, lesson=Lesson.objects.get(slug="deux"))

    report = import_course("Cours\n\nUn\n\nTexte un.\n")

    assert report.archived == ["deux"]
    assert report.deleted == ["trois"]
    deux = Lesson.objects.get(slug="deux")
    assert deux.is_archived
    assert LessonProgress.objects.filter(learner=learner, lesson=deux).exists()
    assert not Lesson.objects.filter(slug="trois").exists()
    assert "Lessons archived (learners have progress on them) (1): deux" in report.lines()

    # The lesson comes back if the text brings it back.
    report = import_course("Cours\n\nUn\n\nTexte un.\n\nDeux\n\nTexte deux.\n")
    assert report.updated == ["deux"]
    assert not Lesson.objects.get(slug="deux").is_archived


def test_repeated_headings_get_distinct_slugs():
    from elearning.importing import lesson_slugs

    article = parse_article("T\n\nCauses\n\nA.\n\nCauses\n\nB.\n")
    assert lesson_slugs(article.sections) == ["causes", "causes-2"]


BAD_FILES = [
    (b"", "The file is empty."),
    (b"  \n\n \t\n", "The file is empty."),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "The file is binary, not plain text."),
    ("Titre\n\nÉté chaud.\n".encode("latin-1"), "The file is not valid UTF-8 text"),
    (b"Titre seul\n\nSection\n\nAutre section\n", "no paragraphs"),
    (b"Titre\x07\n\nUn paragraphe.\n", "The file is binary, not plain text."),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("data", "message"), BAD_FILES)
def test_bad_files_are_refused_with_one_line_and_nothing_saved(tmp_path, data, message):
    Course.objects.create(title="Existant", slug="existant")
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    with pytest.raises(CommandError) as excinfo:
        call_command("import_course", str(path))
    text = str(excinfo.value)
    assert message in text
    assert "\n" not in text
    assert str(path) in text
    assert list(Course.objects.values_list("slug", flat=True)) == ["existant"]
    assert Lesson.objects.count() == 0


@pytest.mark.django_db
def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="cannot read the file"):
        call_command("import_course", str(tmp_path / "absent.txt"))


def test_command_exits_non_zero_on_a_bad_file(tmp_path):
    import subprocess
    import sys

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


@pytest.mark.django_db
def test_a_failure_midway_leaves_the_database_as_it_was(monkeypatch):
    import_course("Cours\n\nUn\n\nTexte un.\n")
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
        import_course("Cours\n\nUn\n\nTexte modifié.\n\nDeux\n\nA.\n\nTrois\n\nB.\n")
    assert list(Lesson.objects.values_list("slug", "body", "position")) == before


def test_decode_text_accepts_utf8_with_bom():
    assert decode_text("\ufeffTitre\n".encode()) == "Titre\n"


def test_import_problem_is_a_value_error():
    with pytest.raises(ImportProblem):
        parse_article("")
