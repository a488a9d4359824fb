"""Babel catalogs: building them, merging a changed source, reading and writing PO files.

Pure functions over Babel ``Catalog`` objects and bytes; nothing here touches the database.
"""

import io
import re
from dataclasses import dataclass

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import PoFileError, PoFileParser, write_po

from .languages import babel_locale

# Our own PO headers and comments; neutral names, as any host site's translators see them.
HEADER_PREFIX = "X-Translation-"
VERSION_COMMENT = "segment-version: "
VERSION_PATTERN = re.compile(r"^segment-version: (\d+)$")


class CarelinguaCatalog(Catalog):
    """A Babel catalog that keeps our own ``X-Translation-*`` headers.

    Babel writes and reads only the standard gettext headers; the import needs ours to
    check that a file belongs to the catalog it is uploaded to.
    """

    def __init__(self, *args, extra_headers=None, **kwargs):
        self.extra_headers = dict(extra_headers or {})
        super().__init__(*args, **kwargs)

    def _get_mime_headers(self):
        headers = super()._get_mime_headers()
        extra = [(f"{HEADER_PREFIX}{name}", str(value)) for name, value in self.extra_headers.items()]
        return headers[:-1] + extra + headers[-1:]  # "Generated-By" stays last

    def _set_mime_headers(self, headers):
        standard = []
        for name, value in headers:
            if name.lower().startswith(HEADER_PREFIX.lower()):
                self.extra_headers[name[len(HEADER_PREFIX) :]] = value.strip()
            else:
                standard.append((name, value))
        super()._set_mime_headers(standard)

    mime_headers = property(_get_mime_headers, _set_mime_headers)


class DuplicateEntry(PoFileError):
    pass


class _StrictParser(PoFileParser):
    """Babel's parser, refusing what it would otherwise merge silently: duplicate entries."""

    def _add_message(self):
        if not self.obsolete and self.messages and len(self.messages) == 1:
            msgid = self.messages[0].denormalize()
            context = self.context.denormalize() if self.context else None
            if self.catalog.get(msgid, context) is not None:
                raise DuplicateEntry(f"duplicate entry for msgctxt {context!r}", self.catalog, msgid, self.offset + 1)
        super()._add_message()


@dataclass(frozen=True)
class Entry:
    """What the database knows of a segment, as catalog code needs it."""

    context: str
    source: str
    translation: str = ""
    needs_review: bool = False
    previous_source: str = ""
    label: str = ""
    version: int = 0
    obsolete: bool = False


def build(entries, language_code, headers=None):
    """A catalog for one language from entries (obsolete ones go to ``catalog.obsolete``)."""
    catalog = CarelinguaCatalog(locale=babel_locale(language_code), extra_headers=headers)
    for entry in entries:
        message = Message(
            entry.source,
            entry.translation,
            context=entry.context,
            flags={"fuzzy"} if entry.needs_review else (),
            previous_id=[entry.previous_source] if entry.previous_source and entry.needs_review else (),
            auto_comments=[c for c in (entry.label, f"{VERSION_COMMENT}{entry.version}") if c],
        )
        # Page text is not a format string: Babel guesses python-format from "26.7% of".
        message.flags.discard("python-format")
        if entry.obsolete:
            catalog.obsolete[catalog._key_for(entry.source, entry.context)] = message
        else:
            catalog[entry.source] = message
    return catalog


def template(units, language_code):
    """The catalog a freshly extracted source gives: every text, nothing translated."""
    return build((Entry(u.context, u.source, label=u.label) for u in units), language_code)


def merge(catalog, new_template):
    """Bring ``catalog`` up to date with a changed source; returns it.

    Babel's ``Catalog.update`` keeps unchanged entries and moves removed ones to
    ``obsolete``. Its own fuzzy matching compares the text of every entry with every other,
    which pairs sentences from different places; we pair by place instead. A changed text
    keeps the translation made for its place, marked fuzzy with the previous source text; a
    text that only moved keeps its translation as it was.
    """
    catalog.update(new_template, no_fuzzy_matching=True, update_creation_date=False)
    removed = dict(catalog.obsolete)
    by_text = {message.id: key for key, message in removed.items() if message.string}
    by_place = {message.context: key for key, message in removed.items() if message.string}
    for message in catalog:
        if not message.id or message.string:
            continue
        key = by_text.pop(message.id, None)
        fuzzy = key is None
        if fuzzy:
            key = by_place.pop(message.context, None)
        if key is None or key not in catalog.obsolete:
            continue
        old = catalog.obsolete.pop(key)
        message.string = old.string
        if fuzzy:
            message.flags.add("fuzzy")
            message.previous_id = [old.id]
        else:
            message.flags = set(old.flags)
            message.previous_id = list(old.previous_id)
    return catalog


def to_po(catalog):
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, include_previous=True, sort_output=False)
    return buffer.getvalue()


def from_po(data: bytes):
    """Parse PO bytes strictly; raises ``PoFileError`` (with ``lineno``) or ``UnicodeDecodeError``."""
    text = data.decode("utf-8-sig")  # a byte-order mark, as Windows editors write it, is not text
    catalog = CarelinguaCatalog()
    _StrictParser(catalog, abort_invalid=True).parse(io.StringIO(text))
    return catalog


def version_of(message):
    """The segment version a message was exported at, or None if the comment was lost."""
    for comment in message.auto_comments:
        match = VERSION_PATTERN.match(comment.strip())
        if match:
            return int(match.group(1))
    return None
