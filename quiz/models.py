"""The quiz engine: quizzes, questions, attempts and grading (filled by the quiz engine issue).

It knows nothing of courses: ``elearning`` points at it, never the other way round.
"""
