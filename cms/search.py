"""What a reader's search query means: its words, shared by the search page and the JSON API."""

import unicodedata

SEARCH_QUERY_MAX_LENGTH = 200


def search_terms(text):
    """The words of a query: letters (with their combining marks, as in Arabic) and digits.

    Quotes, operators and other punctuation would be search syntax to the database's full
    text engine (an unbalanced quote is an error in SQLite FTS5); readers mean words.
    """
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" else " " for ch in text)
    return " ".join(kept.split())


def _is_control(ch):
    return unicodedata.category(ch) == "Cc" and not ch.isspace()


def has_control_characters(text):
    """Whether text holds a control character (a NUL byte, an escape...) other than white space."""
    return any(_is_control(ch) for ch in text)


def without_control_characters(text):
    """text without its control characters, which have no place in a page (HTML forbids most)."""
    return "".join(ch for ch in text if not _is_control(ch))
