"""Keeping a catalog in step with its source: the rows of a new catalog, the merge of a changed
source through Babel (changed text becomes “Needs review” with the old text kept, removed text
obsolete, nothing a translator wrote lost), and adopting a translation made without a catalog.

Called by the actions in ``actions.py`` inside their transactions; nothing here checks permissions.
"""

from django.utils import timezone
from wagtail.models import Page

from . import catalogs
from .extract import extract
from .models import Segment, SegmentChange


def segment_entry(segment):
    return catalogs.Entry(
        context=segment.context,
        source=segment.source,
        translation=segment.translation,
        needs_review=segment.state in (Segment.FUZZY, Segment.MACHINE),
        previous_source=segment.previous_source,
        label=segment.label,
        version=segment.version,
        obsolete=segment.obsolete,
    )


def _unchanged(rows, units):
    """Contexts whose text the catalog already holds as it is: Babel's merge keeps those
    entries exactly as they are, so only the others go through it."""
    current = {row.context: row.source for row in rows if not row.obsolete}
    return {unit.context for unit in units if current.get(unit.context) == unit.source}


def _apply_merge(catalog, rows, units, merged, unchanged):
    """Write a merged Babel catalog back to the rows: a few bulk queries whatever the size."""
    places = {unit.context: (position, unit.label) for position, unit in enumerate(units)}
    by_context = {row.context: row for row in rows}
    now = timezone.now()
    created, updated = [], []
    for context in unchanged:
        row = by_context[context]
        if (row.position, row.label) != places[context]:
            row.position, row.label = places[context]
            updated.append(row)
    for message in merged:
        if not message.id:
            continue
        position, label = places[message.context]
        row = by_context.get(message.context)
        if row is None:
            row = Segment(catalog=catalog, context=message.context, source=message.id, version=1)
            created.append(row)
        elif row.source != message.id or row.obsolete:
            row.version += 1
            updated.append(row)
        elif (row.position, row.label) != (position, label):
            updated.append(row)
            row.position, row.label = position, label
            continue
        else:
            continue
        row.source, row.position, row.label, row.obsolete = message.id, position, label, False
        row.translation = message.string or ""
        row.state = Segment.state_for(message.string or "", "fuzzy" in message.flags)
        row.previous_source = message.previous_id[0] if message.previous_id else ""
        row.updated_at = now
    for message in merged.obsolete.values():
        row = by_context.get(message.context)
        if row is not None and not row.obsolete:
            row.obsolete = True
            updated.append(row)
    Segment.objects.bulk_create(
        created,
    )
    fields = [
        "source",
        "source_hash",
        "translation",
        "state",
        "previous_source",
        "obsolete",
        "position",
        "label",
        "version",
        "updated_at",
    ]
    Segment.objects.write_rows(updated, fields)
    SegmentChange.record([row for row in updated if row.state == Segment.FUZZY], None, SegmentChange.SYNC)
    return {
        "created": len(created),
        "changed": sum(1 for row in updated if row.state == Segment.FUZZY),
        "obsolete": sum(1 for row in updated if row.obsolete),
    }


def _insert_new(catalog, units):
    """A catalog's first segments, straight from the extracted units: merging with nothing
    gives the template itself, so no Babel catalog is built and no model instance made."""
    now = timezone.now()
    Segment.objects.insert_rows(
        ["catalog", "position", "context", "label", "source", "version", "updated_at"],
        ((catalog.pk, position, unit.context, unit.label, unit.source, 1, now) for position, unit in enumerate(units)),
    )
    return {"created": len(units), "changed": 0, "obsolete": 0}


def source_revision_id(source):
    return getattr(source, "live_revision_id", None) or getattr(source, "latest_revision_id", None)


def sync_catalog(catalog, source=None, user=None, new=False):
    """Re-extract the source and merge it into the catalog; nothing a translator wrote is lost.

    ``new``: the catalog was just created (with its source revision), so it has no rows yet.
    """
    source = source or catalog.source_object
    units = extract(source)
    if new:
        return _insert_new(catalog, units)
    rows = list(catalog.segments.all())
    language = catalog.target_locale.language_code
    unchanged = _unchanged(rows, units)
    old = catalogs.build((segment_entry(row) for row in rows if row.context not in unchanged), language)
    template = catalogs.template([unit for unit in units if unit.context not in unchanged], language)
    counts = _apply_merge(catalog, rows, units, catalogs.merge(old, template), unchanged)
    catalog.source_revision_id = source_revision_id(source)
    catalog.synced_at = timezone.now()
    catalog.save(update_fields=["source_revision", "synced_at"])
    return counts


def adopt(catalog, target):
    """A translation made without a catalog (for example by Wagtail's simple_translation): its own
    text, where it differs from the source, becomes each segment's translation, marked “Needs
    review”, so no hand translation is lost and none is taken as finished."""
    current = target.get_latest_revision_as_object() if isinstance(target, Page) else target
    texts = {unit.context: unit.source for unit in extract(current)}
    rows = [row for row in catalog.segments.current() if texts.get(row.context, row.source) != row.source]
    for row in rows:
        row.translation, row.state = texts[row.context], Segment.FUZZY
    Segment.objects.write_rows(rows, ["translation", "state"])
