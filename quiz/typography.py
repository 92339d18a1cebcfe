"""French typography, as the site's French text follows it: a no-break space before
« : ; ! ? % » and a closing guillemet, after an opening one, and one apostrophe (’). The
French catalogue is written so (a test checks every message), and tests write what they
expect a page to say through ``french()``."""

import re

NO_BREAK_SPACE = "\u00a0"

# Before : ; ! ? » and a percent sign, but not before a placeholder ("%(count)s", "%s", "%d").
_BEFORE = re.compile(r" +(?=[:;!?»]|%(?![(sd]))")
_AFTER_GUILLEMET = re.compile(r"« +")


def french(text):
    """``text`` with French typography."""
    text = text.replace("'", "’")
    text = _BEFORE.sub(NO_BREAK_SPACE, text)
    return _AFTER_GUILLEMET.sub("«" + NO_BREAK_SPACE, text)
