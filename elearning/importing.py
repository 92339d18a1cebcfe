"""Importing a document as a course: its Markdown cut into lessons, then saved in one
transaction.

``read_document`` reads any supported file or paste (``documents``), removes the page
furniture (``furniture``) and cuts the Markdown into an ``Article``: a title and lessons,
nothing saved yet, so that an instructor can check and edit them. ``import_course`` saves
an article: the course and its lessons are matched by slug, so importing again updates
them; a lesson no longer in the article is deleted, unless learners have progress on it:
then it is archived, so their history stays. All of it or nothing.

How headings become lessons, in every format (``outline``):

- the title is the document's leading heading when no other heading is as high (the
  first line of a plain text, '# Title' in Markdown, a Word document's Title style or
  lone Heading 1, a page's h1); otherwise the page's own title, a short first line, the
  file's name, or the first words of the text;
- the highest level of the other headings makes the lessons (a Word document's Heading
  1, Markdown's '##', a page's h2, a plain text's headings); text before the first of them
  opens a lesson named after the course;
- deeper headings stay in the lesson as '###' (one level below), '####' (two) and so on.
"""

import re
from dataclasses import dataclass, field
from pathlib import PurePath

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from . import furniture
from .documents import ImportProblem, extract
from .models import Course, Lesson

__all__ = [
    "Article",
    "ImportProblem",
    "ImportReport",
    "LessonText",
    "import_course",
    "outline",
    "read_document",
]

TITLE_MAX_LENGTH = 200
SHORT_LINE = 80
MAX_LESSONS = 200
WORDS_PER_MINUTE = 180

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_INLINE_MARKUP = [
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),  # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # links
    (re.compile(r"<[^>]+>"), ""),  # tags
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])"), r"\1"),  # escapes
    (re.compile(r"(\*\*|__|\*|`)"), ""),  # emphasis and code
]


LESSONS_CREATED = ngettext_lazy(
    "%(count)d lesson created: %(titles)s", "%(count)d lessons created: %(titles)s", "count"
)
LESSONS_UPDATED = ngettext_lazy(
    "%(count)d lesson updated: %(titles)s", "%(count)d lessons updated: %(titles)s", "count"
)
LESSONS_UNCHANGED = ngettext_lazy(
    "%(count)d lesson unchanged: %(titles)s", "%(count)d lessons unchanged: %(titles)s", "count"
)
LESSONS_ARCHIVED = ngettext_lazy(
    "%(count)d lesson archived (learners have progress on it): %(titles)s",
    "%(count)d lessons archived (learners have progress on them): %(titles)s",
    "count",
)
LESSONS_DELETED = ngettext_lazy(
    "%(count)d lesson deleted: %(titles)s", "%(count)d lessons deleted: %(titles)s", "count"
)


@dataclass
class LessonText:
    title: str
    body: str  # Markdown, as lessons store it


@dataclass
class Article:
    title: str
    lessons: list[LessonText]


@dataclass
class ImportReport:
    """What an import changed; the lessons by their titles."""

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
        for titles, message in (
            (self.created, LESSONS_CREATED),
            (self.updated, LESSONS_UPDATED),
            (self.unchanged, LESSONS_UNCHANGED),
            (self.archived, LESSONS_ARCHIVED),
            (self.deleted, LESSONS_DELETED),
        ):
            if titles:
                quoted = ", ".join(_("“%(title)s”") % {"title": title} for title in titles)
                lines.append(message % {"count": len(titles), "titles": quoted})
        return lines


def read_document(data: bytes, filename: str = "") -> Article:
    """The lessons a document makes, cleaned of page furniture, nothing saved; or
    ImportProblem saying why the document cannot become a course."""
    document = extract(data, filename)
    if not _WORD.search(document.markdown):
        raise ImportProblem(_("The document has no text to import."))
    markdown = furniture.clean_markdown(document.markdown)
    if not _WORD.search(markdown):
        raise ImportProblem(
            _(
                "Nothing is left to import once the page's furniture (menus, edit links, "
                "notes and references) is removed."
            )
        )
    article = outline(markdown, title=document.title, filename=filename)
    check_article(article)
    return article


def outline(markdown: str, title: str = "", filename: str = "") -> Article:
    """Cut Markdown into a title and lessons (see the module's docstring)."""
    lines = markdown.split("\n")
    headings = _headings(lines)
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return Article(title=title, lessons=[])
    leading = headings.get(first)
    if leading and all(level > leading[0] for i, (level, _t) in headings.items() if i != first):
        title = leading[1]
        del lines[first]
        headings = _headings(lines)
    elif not title:
        title = _fallback_title(lines[first], first in headings, filename)
        if title == plain_text(lines[first]) and first not in headings:
            del lines[first]
            headings = _headings(lines)
    title = title[:TITLE_MAX_LENGTH]

    lesson_level = min((level for level, _t in headings.values()), default=None)
    lessons = []
    current_title, body = title, []
    for index, line in enumerate(lines):
        heading = headings.get(index)
        if heading is None:
            body.append(line)
        elif heading[0] == lesson_level:
            lessons.append(LessonText(current_title, _tidy(body)))
            current_title, body = heading[1][:TITLE_MAX_LENGTH], []
        else:
            depth = heading[0] - lesson_level
            body.append("#" * min(6, depth + 2) + " " + heading[1])
    lessons.append(LessonText(current_title, _tidy(body)))
    return Article(title=title, lessons=[lesson for lesson in lessons if lesson.body])


def _headings(lines):
    """{line index: (level, plain text)} of the Markdown headings outside code."""
    headings = {}
    in_fence = False
    for index, line in enumerate(lines):
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match and plain_text(match.group(2)):
            headings[index] = (len(match.group(1)), plain_text(match.group(2)))
    return headings


def _fallback_title(first_line, is_heading, filename):
    text = plain_text(_HEADING.sub(r"\2", first_line))
    if is_heading or (len(text) <= SHORT_LINE and not _LIST_ITEM.match(first_line)):
        return text
    stem = PurePath(filename).stem.replace("_", " ").strip()
    if stem:
        return stem
    words = text[:SHORT_LINE].rsplit(" ", 1)[0]
    return f"{words}…"


def _tidy(body):
    """Lesson body lines as one text, without blank lines at its ends or in runs."""
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(line.rstrip() for line in body))
    return text.strip("\n")


def plain_text(markdown_line):
    """A line of Markdown without its inline markup (for titles and the preview)."""
    text = markdown_line
    for pattern, replacement in _INLINE_MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def word_count(markdown):
    return len(_WORD.findall(markdown))


def reading_minutes(markdown):
    return max(1, round(word_count(markdown) / WORDS_PER_MINUTE))


def opening(markdown, length=220):
    """The lesson's first lines as plain text, cut at a word, for the preview."""
    lines = []
    for line in markdown.split("\n"):
        text = plain_text(_LIST_ITEM.sub("", _HEADING.sub(r"\2", line)))
        if text and not line.lstrip().startswith(("!!!", "|")):
            lines.append(text)
        if sum(len(item) for item in lines) >= length:
            break
    text = " · ".join(lines)
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + "…"


def check_article(article):
    """Raise ImportProblem if the article cannot become a course."""
    if not slugify(article.title):
        raise ImportProblem(_("The title has no letters or digits to name the course by."))
    if not article.lessons:
        raise ImportProblem(_("The document has a title but no text to make lessons from."))
    if len(article.lessons) > MAX_LESSONS:
        raise ImportProblem(
            _(
                "The document would make %(count)d lessons, more than %(limit)d: check that "
                "its headings are headings, or split it into several documents."
            )
            % {"count": len(article.lessons), "limit": MAX_LESSONS}
        )
    for lesson in article.lessons:
        if not lesson.title.strip():
            raise ImportProblem(_("Every lesson needs a title."))
        if not lesson.body.strip():
            raise ImportProblem(_("The lesson “%(title)s” has no text.") % {"title": lesson.title})


def lesson_slugs(lessons):
    """A unique slug per lesson, in order (a repeated title gets -2, -3...)."""
    seen = {}
    slugs = []
    for index, lesson in enumerate(lessons, start=1):
        base = slugify(lesson.title)[:190] or f"lesson-{index}"
        seen[base] = seen.get(base, 0) + 1
        slugs.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return slugs


@transaction.atomic
def import_course(article: Article) -> ImportReport:
    """Create or update the course that ``article`` describes; all or nothing."""
    check_article(article)
    course_title = " ".join(article.title.split())[:TITLE_MAX_LENGTH]
    course, course_created = Course.objects.get_or_create(
        slug=slugify(course_title)[:200], defaults={"title": course_title}
    )
    report = ImportReport(course=course, course_created=course_created)
    existing = {lesson.slug: lesson for lesson in course.lessons.select_for_update()}

    slugs = lesson_slugs(article.lessons)
    for position, (slug, lesson_text) in enumerate(zip(slugs, article.lessons, strict=True), 1):
        title = " ".join(lesson_text.title.split())[:TITLE_MAX_LENGTH]
        body = lesson_text.body.strip()
        values = {
            "title": title,
            "body": body,
            "position": position,
            "reading_minutes": reading_minutes(body),
            "is_archived": False,
        }
        lesson = existing.pop(slug, None)
        if lesson is None:
            Lesson.objects.create(course=course, slug=slug, **values)
            report.created.append(title)
        elif any(getattr(lesson, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(lesson, name, value)
            lesson.save()
            report.updated.append(title)
        else:
            report.unchanged.append(title)

    for lesson in existing.values():
        if lesson.progress.exists():
            if not lesson.is_archived:
                lesson.is_archived = True
                lesson.save(update_fields=["is_archived", "updated_at"])
                report.archived.append(lesson.title)
        else:
            lesson.delete()
            report.deleted.append(lesson.title)
    return report
