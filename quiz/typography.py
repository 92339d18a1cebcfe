"""French typography, as the site's text follows it: a no-break space before « : ; ! ? %
» and a closing guillemet, after an opening one, and one apostrophe (’). The French
catalogue is written so (a test checks every message); the text of courses and questions
is shown so (``keep_together``: lesson bodies in ``elearning.rendering``, questions,
choices, explanations and titles through the ``keep_together`` template filter,
``quiz/templatetags/quiz_text.py``); and tests write what they expect a page to say through
``french()``. Here, in the quiz engine, so that both apps use the one rule."""

import re

NO_BREAK_SPACE = "\u00a0"

# Before : ; ! ? » and a percent sign, but not before a placeholder ("%(count)s", "%s", "%d").
_BEFORE = re.compile(r" +(?=[:;!?»]|%(?![(sd]))")
_AFTER_GUILLEMET = re.compile(r"« +")


def french(text):
    """``text`` with French typography."""
    return keep_together(text.replace("'", "’"))


def keep_together(text):
    """The spaces ``text`` has before : ; ! ? % » and after « made no-break ones, so that a
    line never starts with the sign: '« inoffensif »', 'Pourquoi ?' stay whole. It adds no
    space: English text, which has none there, is left as it is."""
    text = _BEFORE.sub(NO_BREAK_SPACE, text)
    return _AFTER_GUILLEMET.sub("«" + NO_BREAK_SPACE, text)
