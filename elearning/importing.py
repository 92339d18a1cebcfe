"""Text import: a plain-text article becomes a course with ordered lessons.

The format is the one of the shipped source text: the first non-blank line is the
title; a short line without final punctuation is a section heading; every other
block of lines is a paragraph. Each section becomes one lesson. Paragraphs before
the first heading open an introduction lesson named after the course.

Importing is faithful (the text is not edited) and repeatable: the course and its
lessons are matched by slug, so a second import updates them. A lesson that is no
longer in the text is deleted, unless learners have progress on it: then it is
archived, so their history stays.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .models import Course, Lesson

HEADING_MAX_LENGTH = 80
SENTENCE_END = (".", "!", "?", ":", ";", "…", ",", '"', "»")
WORDS_PER_MINUTE = 180


class ImportProblem(ValueError):
    """The text cannot become a course; the message says why, in one line."""


@dataclass
class Section:
    heading: str
    paragraphs: list = field(default_factory=list)


@dataclass
class Article:
    title: str
    sections: list


@dataclass
class ImportReport:
    course: Course
    course_created: bool
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    archived: list = field(default_factory=list)
    deleted: list = field(default_factory=list)

    def lines(self):
        """What changed, one line per kind of change, for the command and the admin."""
        head = (
            _("Course created: %(title)s")
            if self.course_created
            else _("Course updated: %(title)s")
        )
        lines = [head % {"title": self.course.title}]
        for label, slugs in (
            (_("Lessons created"), self.created),
            (_("Lessons updated"), self.updated),
            (_("Lessons unchanged"), self.unchanged),
            (_("Lessons archived (learners have progress on them)"), self.archived),
            (_("Lessons deleted"), self.deleted),
        ):
            if slugs:
                lines.append(f"{label} ({len(slugs)}): {', '.join(slugs)}")
        return lines


def decode_text(data: bytes) -> str:
    """Return the text of an uploaded or read file, or raise ImportProblem."""
    if not data.strip():
        raise ImportProblem(_("The file is empty."))
    if b"\x00" in data:
        raise ImportProblem(_("The file is binary, not plain text."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(
            _("The file is not valid UTF-8 text (invalid byte at position %(position)d).")
            % {"position": exc.start}
        ) from None
    if any(ord(ch) < 32 and ch not in "\n\r\t\f" for ch in text):
        raise ImportProblem(_("The file is binary, not plain text."))
    return text


def is_heading(line: str) -> bool:
    return len(line) <= HEADING_MAX_LENGTH and not line.endswith(SENTENCE_END)


def parse_article(text: str) -> Article:
    """Cut ``text`` into a title and sections of paragraphs, or raise ImportProblem."""
    blocks = []
    current = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = " ".join(raw.split())
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    if not blocks:
        raise ImportProblem(_("The file is empty."))

    first = blocks[0]
    title = first[0]
    rest = [first[1:]] if len(first) > 1 else []
    rest += blocks[1:]

    sections = []
    for block in rest:
        paragraph_lines = []
        for line in block:
            if len(block) == 1 and is_heading(line):
                sections.append(Section(heading=line))
            else:
                paragraph_lines.append(line)
        if paragraph_lines:
            if not sections:
                sections.append(Section(heading=title))
            sections[-1].paragraphs.append(" ".join(paragraph_lines))
    sections = [section for section in sections if section.paragraphs]
    if not sections:
        raise ImportProblem(_("The file has a title but no paragraphs to make lessons from."))
    if not slugify(title):
        raise ImportProblem(_("The title line has no letters or digits to name the course by."))
    return Article(title=title[:200], sections=sections)


def lesson_slugs(sections):
    """A unique slug per section, in order (a repeated heading gets -2, -3...)."""
    seen = {}
    slugs = []
    for index, section in enumerate(sections, start=1):
        base = slugify(section.heading)[:190] or f"lesson-{index}"
        seen[base] = seen.get(base, 0) + 1
        slugs.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return slugs


def reading_minutes(paragraphs):
    words = sum(len(paragraph.split()) for paragraph in paragraphs)
    return max(1, round(words / WORDS_PER_MINUTE))


@transaction.atomic
def import_course(text: str) -> ImportReport:
    """Create or update the course that ``text`` describes; all or nothing."""
    article = parse_article(text)
    course, course_created = Course.objects.get_or_create(
        slug=slugify(article.title)[:200], defaults={"title": article.title}
    )
    report = ImportReport(course=course, course_created=course_created)
    existing = {lesson.slug: lesson for lesson in course.lessons.select_for_update()}

    slugs = lesson_slugs(article.sections)
    for position, (slug, section) in enumerate(zip(slugs, article.sections, strict=True), 1):
        values = {
            "title": section.heading[:200],
            "body": "\n\n".join(section.paragraphs),
            "position": position,
            "reading_minutes": reading_minutes(section.paragraphs),
            "is_archived": False,
        }
        lesson = existing.pop(slug, None)
        if lesson is None:
            Lesson.objects.create(course=course, slug=slug, **values)
            report.created.append(slug)
        elif any(getattr(lesson, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(lesson, name, value)
            lesson.save()
            report.updated.append(slug)
        else:
            report.unchanged.append(slug)

    for slug, lesson in existing.items():
        if lesson.progress.exists():
            if not lesson.is_archived:
                lesson.is_archived = True
                lesson.save(update_fields=["is_archived", "updated_at"])
                report.archived.append(slug)
        else:
            lesson.delete()
            report.deleted.append(slug)
    return report


def import_course_file(data: bytes) -> ImportReport:
    return import_course(decode_text(data))
