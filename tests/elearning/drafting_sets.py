"""Sets of texts drafted the way an instructor's import and drafting run them, and the
figures a nursing instructor's labels give on their drafts.

A set is a folder of documents (`tests/elearning/texts/<set>/`: .txt, .md, .html, .docx) with
a `labels.json`. Each document goes through `elearning.importing.read_document`, and each of
its lessons through `quiz.drafting.draft_questions` with the whole document as context, as
`elearning.drafting.draft_course` does. Every draft is labelled, by its exact content (stem,
choices and answer: a draft that changes needs a new label; a new explanation needs a new
verdict on the same label), as usable as it is, usable after
a light edit (one distractor replaced, a word changed), or unusable, with the reason, by the
criteria of the content brief (one objective, plausible distractors, clean French, no cue, an
explanation that teaches). A draft without a label counts as unusable.

To label new drafts, run from the project's root:

    .venv/bin/python -m tests.elearning.drafting_sets <set>

It adds every unlabelled draft to the set's labels.json with "verdict": null (and keeps the
labels of drafts that still come out); fill in "verdict" and "reason".
"""

import hashlib
import json
import math
import os
import sys
from dataclasses import dataclass
from pathlib import Path

TEXTS = Path(__file__).resolve().parent / "texts"
DOCUMENTS = (".txt", ".md", ".html", ".docx")
AS_IS, LIGHT_EDIT, UNUSABLE = "as_is", "light_edit", "unusable"
VERDICTS = (AS_IS, LIGHT_EDIT, UNUSABLE)


@dataclass
class Drafted:
    document: str
    lesson: str
    draft: object
    fingerprint: str


def fingerprint(draft):
    content = json.dumps([draft.kind, draft.stem, list(map(list, draft.choices)), draft.answer])
    return hashlib.sha1(content.encode()).hexdigest()[:16]


def documents(name):
    """The set's documents: its README describes the set and is none of them."""
    folder = TEXTS / name
    return sorted(
        p for p in folder.iterdir() if p.suffix in DOCUMENTS and p.name.lower() != "readme.md"
    )


def draft_set(name, only=None):
    """Every draft of the set's documents (or of the one named `only`), with the number of
    words of lesson text."""
    from elearning.importing import read_document, word_count
    from quiz.drafting import draft_questions

    drafted, words = [], 0
    for path in documents(name):
        if only and path.name != only:
            continue
        article = read_document(path.read_bytes(), path.name)
        context = "\n\n".join(lesson.body for lesson in article.lessons)
        for lesson in article.lessons:
            words += word_count(lesson.body)
            drafts = draft_questions(
                lesson.body, context=context, topic=article.title, title=lesson.title
            )
            for draft in drafts:
                drafted.append(Drafted(path.name, lesson.title, draft, fingerprint(draft)))
    return drafted, words


def load_labels(name):
    path = TEXTS / name / "labels.json"
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as stream:
        return json.load(stream)["labels"]


@dataclass
class Figures:
    drafts: int
    as_is: float
    after_light_edit: float
    unusable: float
    best_fifth_as_is: float
    not_true_false: float
    usable_per_100_words: float
    unlabelled: int

    def lines(self):
        return [
            f"drafts {self.drafts} (unlabelled, counted unusable: {self.unlabelled})",
            f"usable as is {self.as_is:.0%}, after a light edit {self.after_light_edit:.0%}, "
            f"unusable {self.unusable:.0%}",
            f"usable as is in the best-ranked fifth {self.best_fifth_as_is:.0%}",
            f"not true/false {self.not_true_false:.0%}",
            f"usable drafts per 100 words {self.usable_per_100_words:.2f}",
        ]


def figures(drafted, words, labels):
    """The set's figures; a true/false pair made from one sentence counts once in the
    drafts per 100 words."""
    verdicts = [(labels.get(d.fingerprint) or {}).get("verdict") or UNUSABLE for d in drafted]
    total = len(drafted)
    ranked = sorted(zip(drafted, verdicts, strict=True), key=lambda row: -row[0].draft.score)
    fifth = ranked[: math.ceil(total / 5)]
    usable_items = set()
    for row, verdict in zip(drafted, verdicts, strict=True):
        if verdict in (AS_IS, LIGHT_EDIT):
            draft = row.draft
            same = draft.source_sentence if draft.kind == "true_false" else row.fingerprint
            usable_items.add((row.document, draft.kind, same))
    return Figures(
        drafts=total,
        as_is=verdicts.count(AS_IS) / total if total else 0.0,
        after_light_edit=(verdicts.count(AS_IS) + verdicts.count(LIGHT_EDIT)) / total
        if total
        else 0.0,
        unusable=verdicts.count(UNUSABLE) / total if total else 1.0,
        best_fifth_as_is=sum(v == AS_IS for _d, v in fifth) / len(fifth) if fifth else 0.0,
        not_true_false=sum(d.draft.kind != "true_false" for d in drafted) / total if total else 0.0,
        usable_per_100_words=100 * len(usable_items) / words if words else 0.0,
        unlabelled=sum(not (labels.get(d.fingerprint) or {}).get("verdict") for d in drafted),
    )


def update_labels(name):
    """Add the set's unlabelled drafts to its labels.json; keep the labels of drafts that
    still come out, drop the others. A draft whose explanation changed is to judge again
    (its earlier verdict kept as "before"). Returns (labelled, to label): a draft added
    before and still without a verdict is still to label."""
    drafted, _words = draft_set(name)
    old = load_labels(name)
    labels = {}
    for row in drafted:
        draft = row.draft
        entry = old.get(row.fingerprint)
        if entry is None:
            entry = {"verdict": None, "reason": ""}
        elif entry.get("verdict") and entry.get("explanation") != draft.explanation:
            # the verdict judged another explanation: judged again, the old one kept beside
            entry = {
                "verdict": None,
                "reason": "",
                "before": {"verdict": entry["verdict"], "reason": entry.get("reason", "")},
            }
        labels[row.fingerprint] = {
            "document": row.document,
            "lesson": row.lesson,
            "score": draft.score,
            "kind": draft.kind,
            "stem": draft.stem,
            "choices": [[text, correct] for text, correct in draft.choices],
            "explanation": draft.explanation,
            "source": draft.source_sentence,
            "verdict": entry.get("verdict"),
            "reason": entry.get("reason", ""),
            **({"before": entry["before"]} if entry.get("before") else {}),
        }
    path = TEXTS / name / "labels.json"
    about = (
        "Verdicts of a nursing instructor on every draft of this set, by the criteria of the "
        "content brief: as_is (usable as it comes), light_edit (usable after a light edit: one "
        "distractor replaced, a word or two changed), unusable (with the reason). Keyed by the "
        "draft's content; see tests/elearning/drafting_sets.py."
    )
    with open(path, "w", encoding="utf-8") as stream:
        json.dump({"about": about, "labels": labels}, stream, ensure_ascii=False, indent=1)
        stream.write("\n")
    to_label = sum(not entry["verdict"] for entry in labels.values())
    return len(labels) - to_label, to_label


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    for name in sys.argv[1:]:
        labelled, to_label = update_labels(name)
        print(f"{name}: {labelled} drafts labelled, {to_label} to label")
