"""Reading the bytes of a text file an instructor brings, whatever saved it: UTF-8 (with or
without its byte order mark), UTF-16 with its mark, or Windows-1252 (Notepad's, Word's
"plain text"); lines ended any way; invisible characters (soft hyphens, zero-width spaces,
direction marks) left out. One rule for both importers (``elearning.documents`` for
courses, ``quiz.moodle.importing`` for question banks), each saying its own message."""

import codecs
import re
import unicodedata

INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\ufeff]")


class NotText(ValueError):
    """The bytes are not a text file: ``BINARY`` or ``UNKNOWN_ENCODING``."""

    BINARY, UNKNOWN_ENCODING = "binary", "unknown_encoding"

    def __init__(self, kind):
        super().__init__(kind)
        self.kind = kind


def decode_text(data: bytes) -> str:
    """The text of ``data``, or NotText."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise NotText(NotText.UNKNOWN_ENCODING) from None
    elif b"\x00" in data:
        raise NotText(NotText.BINARY)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise NotText(NotText.UNKNOWN_ENCODING) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = INVISIBLE.sub("", text)
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise NotText(NotText.BINARY)
    return text
