"""The rule for a person's name, in one place: what a first or last name may hold (no
control or invisible formatting characters), how it is stored (NFC, single spaces), and how
a name already stored is made safe to print.

A name is shown to others: on the certificate's PDF, the public verification page, the
instructors' reports and the admin. A right-to-left override (U+202E) in it would reverse
the text around it ("Dupont \u202e)eéuqovér(" reads as a different name), a zero-width or
control character would hide in it. So the model's fields refuse them (every form that takes
a name validates through the model: sign-up, profile, the admin's), names are stored
composed (NFC: ReportLab draws one glyph per character), and templates isolate every name
shown (``<bdi>``), so that a right-to-left name cannot reorder the words around it. Where
no markup can go (the admin's select options and autocomplete results, its breadcrumbs and
messages, which all print ``str(user)``), the name comes between the first-strong isolate
and the pop directional isolate characters (``isolated``), which do the same in plain text.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Control (Cc: tab, newline, NUL...), format (Cf: bidirectional embeddings, overrides and
# isolates U+202A-U+202E and U+2066-U+2069, zero-width characters, soft hyphen...), and the
# line and paragraph separators. Ordinary spaces (Zs) stay.
REFUSED_CATEGORIES = {"Cc", "Cf", "Zl", "Zp"}


def refused_characters(value):
    """The characters of ``value`` a name may not hold, each once, in order."""
    found = []
    for char in value:
        if unicodedata.category(char) in REFUSED_CATEGORIES and char not in found:
            found.append(char)
    return found


def validate_name(value):
    refused = refused_characters(value)
    if refused:
        raise ValidationError(
            _(
                "This name contains invisible or control characters (%(characters)s), such as "
                "a direction mark pasted with it: type the name again without them."
            ),
            code="control_characters",
            params={"characters": ", ".join(f"U+{ord(char):04X}" for char in refused)},
        )


def normalise_name(value):
    """A name as stored: composed (NFC), on one line, with single spaces."""
    return " ".join(unicodedata.normalize("NFC", value).split())


def printable_name(value):
    """A name stored before the rule, made safe to print: refused characters dropped."""
    return normalise_name("".join(c for c in value if c not in set(refused_characters(value))))


def isolated(text):
    """Plain text that a right-to-left name in it cannot reorder the text around: between
    FIRST STRONG ISOLATE (U+2068) and POP DIRECTIONAL ISOLATE (U+2069), the plain-text
    ``<bdi>``."""
    return f"\u2068{text}\u2069"
