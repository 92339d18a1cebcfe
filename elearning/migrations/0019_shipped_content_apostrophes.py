"""The shipped course writes one apostrophe, ’, as the interface does (issue 15, part 4), in
databases that loaded it before.

``load_course_content`` never overwrites what exists, so a school that already ran the site
keeps the straight apostrophes (') the course first shipped with. This migration writes ’
for each apostrophe between two letters in the shipped course's texts: the course, its
lessons and glossary, its bank's categories, questions, choices and question sources, and
its quizzes. It changes no word (an instructor's edit keeps every word she wrote), and no
attempt: a ``Response`` froze what it showed. Lesson bodies already showed ’ (Markdown's
smart quotes). The content version moves on, so that cached pages show the change at once.
Backwards it does nothing: both apostrophes read the same.
"""

import re

from django.db import migrations
from django.db.models import F

SHIPPED_COURSE = "secousses-dans-la-jambe-fasciculations"
APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")

# model: (its texts, the lookup from it to the shipped course's bank or course)
TEXTS = {
    ("elearning", "Course"): (("title", "summary", "editorial_notes"), "slug"),
    ("elearning", "Lesson"): (("title", "objectives", "body"), "course__slug"),
    ("elearning", "GlossaryTerm"): (("term", "definition"), "course__slug"),
    ("elearning", "QuestionSource"): (("objective", "passage"), "lesson__course__slug"),
    ("quiz", "Category"): (("name",), "bank__course__slug"),
    ("quiz", "Question"): (("text", "explanation"), "bank__course__slug"),
    ("quiz", "Choice"): (("text", "feedback"), "question__bank__course__slug"),
    ("quiz", "Quiz"): (("title", "description"), "bank__course__slug"),
}


def curly_apostrophes(apps, schema_editor):
    changed = False
    for (app, name), (fields, to_course) in TEXTS.items():
        model = apps.get_model(app, name)
        for instance in model.objects.filter(**{to_course: SHIPPED_COURSE}):
            updated = [
                field
                for field in fields
                if APOSTROPHE.sub("’", getattr(instance, field)) != getattr(instance, field)
            ]
            for field in updated:
                setattr(instance, field, APOSTROPHE.sub("’", getattr(instance, field)))
            if updated:
                instance.save(update_fields=updated)
                changed = True
    if changed:
        ContentVersion = apps.get_model("elearning", "ContentVersion")
        if not ContentVersion.objects.filter(pk=1).update(value=F("value") + 1):
            ContentVersion.objects.get_or_create(pk=1, defaults={"value": 1})


class Migration(migrations.Migration):
    dependencies = [
        ("elearning", "0018_instructors_cohort_permissions"),
        ("quiz", "0009_draw_rule_message"),
    ]

    operations = [
        migrations.RunPython(curly_apostrophes, migrations.RunPython.noop),
    ]
