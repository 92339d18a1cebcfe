"""The shipped question bank as its fixture holds it, for the tests that check it."""

import json
from pathlib import Path

BANK = json.loads(
    (
        Path(__file__).resolve().parents[1] / "fixtures" / "quiz-secousses-dans-la-jambe.json"
    ).read_text(encoding="utf-8")
)

SHIPPED = [
    question
    for checkpoint in [*BANK["checkpoints"], BANK["final"]]
    for question in checkpoint["questions"]
]
