"""Text normalisation shared by the checks: one canonical form to match numbers and words in.

``normalise`` is only for matching, never for display: it folds case, turns every Unicode
decimal digit into an ASCII one (Arabic-Indic ٥٦, Persian and Urdu ۵۶, Devanagari, full
width...), removes Arabic vowel marks and tatweel, unifies the letter variants that Arabic,
Persian and Urdu keyboards produce for the same letter, and removes bidi control marks.
The vocabularies the checks match against go through the same function.
"""

import re
import unicodedata

from ..richtext import PLACEHOLDER_RE

ARABIC_DECIMAL = "\u066b"  # ٫
ARABIC_GROUP = "\u066c"  # ٬

_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")  # harakat, tatweel
_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_LETTERS = str.maketrans(
    {
        "\u0623": "\u0627",  # أ -> ا
        "\u0625": "\u0627",  # إ -> ا
        "\u0622": "\u0627",  # آ -> ا
        "\u0671": "\u0627",  # ٱ -> ا
        "\u064a": "\u06cc",  # Arabic yeh ي -> Farsi yeh ی (Urdu, Persian)
        "\u0649": "\u06cc",  # alef maksura ى -> ی
        "\u0643": "\u06a9",  # Arabic kaf ك -> keheh ک
        "\u0647": "\u06c1",  # heh ه -> heh goal ہ (Urdu)
        "\u066a": "%",  # Arabic percent sign ٪
        "\u2030": "%",
        "\u00a0": " ",  # no-break spaces and thin spaces group digits in many languages
        "\u202f": " ",
        "\u2009": " ",
        "\u2007": " ",
        "\u200c": " ",  # zero-width non-joiner (Urdu, Persian compounds)
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\uff5e": "~",
    }
)


def strip_placeholders(text: str) -> str:
    """The text without the rich-text placeholders ``<1>``, ``</1>``, ``<2/>`` (they hold digits)."""
    return PLACEHOLDER_RE.sub(" ", text)


def ascii_digits(text: str) -> str:
    """Every Unicode decimal digit as its ASCII digit; one character for one, so offsets are kept."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None else ch
        for ch in text
    )


def normalise(text: str) -> str:
    """The canonical form of a text for matching numbers, units and terms (see the module doc)."""
    text = unicodedata.normalize("NFKC", strip_placeholders(text))
    text = _BIDI_MARKS.sub("", _ARABIC_MARKS.sub("", text))
    return ascii_digits(text.translate(_LETTERS)).casefold()


def has_letters(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("L") for ch in text)


def is_cjk(ch: str) -> bool:
    """Han, kana or hangul: scripts written without spaces between words."""
    return "\u2e80" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\uf900" <= ch <= "\ufaff"
