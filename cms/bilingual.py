"""The bilingual sheet: a translated article beside its source, block by block, to print and
read together with a clinician.

A printed sheet must never show an outdated translation beside a changed original without
saying so: when the source changed after the translation was checked, the sheet carries the
outdated notice and marks each passage of the original that changed since.
"""

from dataclasses import dataclass

from translations import richtext
from translations.review_models import MEDICAL, SignOff

VIEW = "bilingual"


@dataclass(frozen=True)
class Row:
    translated: object  # a block, or None
    original: object
    changed: bool = False  # the original changed since the translation was checked


def pair_blocks(translated, source, changed=frozenset()):
    """Rows of (translated block, source block), paired by block id in the translation's order.

    A translation keeps its source's block ids; a block found on one side only gets an
    empty cell on the other (source-only blocks come last).
    """
    by_id = {block.id: block for block in source}
    rows = [Row(block, by_id.pop(block.id, None), block.id in changed) for block in translated]
    return rows + [Row(None, block, block.id in changed) for block in source if block.id in by_id]


def _columns(rows):
    """One row holding every block of each side: (translated blocks, source blocks, changed)."""
    return (
        [row.translated for row in rows if row.translated],
        [row.original for row in rows if row.original],
        any(row.changed for row in rows),
    )


def sections(page, source, changed=frozenset()):
    """The sheet: body rows paired block by block; the key points and the references as one
    row each. ``changed``: ids of source blocks that changed since the translation was checked."""
    return {
        "summary": _columns(pair_blocks(page.summary, source.summary, changed)),
        "body": pair_blocks(page.body, source.body, changed),
        "references": _columns(pair_blocks(page.references, source.references, changed)),
    }


def _readable(value):
    """What readers get of a block's stored value: its texts as translators see them, and its
    other values, without the editor's bookkeeping. Wagtail's rich text editor gives each
    paragraph a ``data-block-key`` the first time a page is saved in the admin, and list items
    get new ids; neither changes a word."""
    if isinstance(value, str):
        return richtext.segment(value)[1]
    if isinstance(value, dict):
        return {key: _readable(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_readable(item) for item in value]
    return value


def _raw(stream):
    return {block.id: _readable(block.block.get_prep_value(block.value)) for block in stream}


def changed_since_checked(record, source):
    """Ids of the source's blocks that differ from the source the translation was checked against.

    Nothing when the translation is up to date. When there is no record of that source
    version, every block counts as changed: the sheet must not present them as matching.
    """
    translation = record.translation
    if translation is None or not translation.outdated:
        return frozenset()
    fields = ("summary", "body", "references")
    current = {key: value for name in fields for key, value in _raw(getattr(source, name)).items()}
    moment = record.medical.created_at if record.medical else None
    checked = SignOff.objects.filter(page_id=source.pk, role=MEDICAL).select_related("revision")
    checked = checked.filter(created_at__lte=moment).first() if moment else None
    if checked is None or checked.revision is None:
        return frozenset(current)
    then = checked.revision.as_object()
    before = {key: value for name in fields for key, value in _raw(getattr(then, name)).items()}
    return frozenset(key for key, value in current.items() if before.get(key) != value)
