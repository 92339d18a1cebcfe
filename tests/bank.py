"""The shipped question bank as its fixture holds it, for the tests that check it.

The fixture is Django's (``manage.py loaddata`` reads it): one record per bank, quiz, question,
choice, question source, question a quiz picks and draw rule. ``read_bank`` gathers them quiz by
quiz, one entry per question with its lesson, objective, passage and choices: the shape the
bank's checks read, and the one its revisions are written in
(``elearning/migrations/0010_question_bank_second_review.py``). A checkpoint's questions are
those it picks; the final quiz's, those of the course's bank that no quiz picks (its draw rules
draw from the whole bank).
"""

import json
from collections import defaultdict
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
COURSE_FIXTURE = FIXTURES / "secousses-dans-la-jambe.json"

# The final quiz's settings that the bank sets (a checkpoint keeps the defaults).
FINAL_SETTINGS = (
    "description",
    "pass_mark",
    "max_attempts",
    "time_limit_minutes",
    "shuffle_questions",
    "shuffle_choices",
    "grading_method",
    "review_policy",
)


def read_bank(path=COURSE_FIXTURE):
    records = json.loads(Path(path).read_text(encoding="utf-8"))

    def fields_of(model):
        return [record["fields"] for record in records if record["model"] == model]

    (course,) = fields_of("elearning.course")
    quizzes = {quiz["title"]: quiz for quiz in fields_of("quiz.quiz")}
    # A question's natural key is (number, bank name), a lesson's (slug, course slug).
    questions = {(q["number"], *q["bank"]): q for q in fields_of("quiz.question")}
    picks = defaultdict(list)
    for pick in sorted(fields_of("quiz.quizquestion"), key=lambda pick: pick["position"]):
        picks[pick["quiz"][0]].append(tuple(pick["question"]))
    picked = {key for keys in picks.values() for key in keys}
    choices = defaultdict(list)
    for choice in fields_of("quiz.choice"):
        choices[tuple(choice["question"])].append(choice)
    sources = {
        tuple(source["question"]): source for source in fields_of("elearning.questionsource")
    }

    def entries(keys):
        for key in keys:
            question, source = questions[key], sources[key]
            yield {
                "text": question["text"],
                "kind": question["kind"],
                "category": question["category"][0] if question["category"] else None,
                "lesson": source["lesson"][0],
                "objective": source["objective"],
                "passage": source["passage"],
                "explanation": question["explanation"],
                "points": question["points"],
                "partial_credit": question["partial_credit"],
                "choices": [
                    {
                        "text": choice["text"],
                        "correct": choice["is_correct"],
                        "feedback": choice["feedback"],
                    }
                    for choice in sorted(choices[key], key=lambda choice: choice["position"])
                ],
            }

    lessons = sorted(fields_of("elearning.lesson"), key=lambda lesson: lesson["position"])
    checkpoints = [
        {
            "lesson": lesson["slug"],
            "title": lesson["checkpoint_quiz"][0],
            "description": quizzes[lesson["checkpoint_quiz"][0]]["description"],
            "questions": list(entries(picks[lesson["checkpoint_quiz"][0]])),
        }
        for lesson in lessons
        if lesson["checkpoint_quiz"]
    ]
    final = quizzes[course["final_quiz"][0]]
    draw = [rule for rule in fields_of("quiz.drawrule") if rule["quiz"] == [final["title"]]]
    return {
        "course": course["slug"],
        "checkpoints": checkpoints,
        "final": {
            "title": final["title"],
            **{name: final[name] for name in FINAL_SETTINGS},
            "draw": [{"category": rule["category"][0], "count": rule["count"]} for rule in draw],
            "questions": list(entries(sorted(key for key in questions if key not in picked))),
        },
    }


BANK = read_bank()

SHIPPED = [
    question
    for checkpoint in [*BANK["checkpoints"], BANK["final"]]
    for question in checkpoint["questions"]
]


def straight_apostrophes(value):
    """An entry as the bank shipped before it wrote ’ (migration 0019): with '."""
    if isinstance(value, str):
        return value.replace("’", "'")
    if isinstance(value, list):
        return [straight_apostrophes(item) for item in value]
    if isinstance(value, dict):
        return {key: straight_apostrophes(item) for key, item in value.items()}
    return value


def load_with_straight_apostrophes():
    """The database of a school that loaded the shipped course before it wrote ’: every text
    migration 0019 looks after, with '."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("elearning.migrations.0019_shipped_content_apostrophes")
    for (app, name), (fields, to_course) in migration.TEXTS.items():
        model = apps.get_model(app, name)
        for instance in model.objects.filter(**{to_course: migration.SHIPPED_COURSE}):
            for field in fields:
                setattr(instance, field, straight_apostrophes(getattr(instance, field)))
            instance.save(update_fields=fields)
