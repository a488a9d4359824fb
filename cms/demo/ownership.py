"""What the demo loader made, on the record, so that running it again never touches anyone else's work.

Each page revision the loader saves, and each state of a translation catalog it imports, is
written to the page's audit log (``cms.demo_loaded``) with a hash of its content. On the next
run, content whose hash the log does not hold was changed by a person in the admin: the
loader leaves it alone and says so. It approves nothing but its own content.
"""

import hashlib

from wagtail.log_actions import log
from wagtail.models import PageLogEntry

from translations.review import content_hash

LOADED = "cms.demo_loaded"


def catalog_digest(catalog):
    """A hash of a catalog's translations: who changed a segment shows here."""
    rows = catalog.segments.current().order_by("context").values_list("context", "translation", "state")
    return hashlib.sha256(repr(list(rows)).encode()).hexdigest()


def record(page, revision=None, catalog=None):
    """Note, on the page's record, content the loader made: the revision and the catalog state."""
    data = {}
    if revision is not None:
        data["hash"] = content_hash(revision.as_object())
    if catalog is not None:
        data["catalog"] = catalog_digest(catalog)
    log(page, LOADED, revision=revision, data=data)


def _loaded(page, key):
    entries = PageLogEntry.objects.filter(page=page, action=LOADED).values_list("data", flat=True)
    return {data.get(key) for data in entries} - {None}


def changed_by_someone_else(page, catalog=None):
    """Who changed the page (or its translation catalog) since the loader last did, or None.

    Returns the name of the person who saved the latest content the loader did not make.
    """
    latest = page.get_latest_revision()
    if latest is not None and content_hash(latest.as_object()) not in _loaded(page, "hash"):
        return _name(latest.user)
    if catalog is not None and catalog.segments.exclude(translation="").exists():
        if catalog_digest(catalog) not in _loaded(page, "catalog"):
            change = catalog.segment_changes.exclude(user=None).select_related("user").last()
            return _name(change.user if change else None)
    return None


def is_loaded(revision):
    """Whether this revision holds content the loader made."""
    page = revision.content_object
    return content_hash(revision.as_object()) in _loaded(page, "hash")


def _name(user):
    return (user.get_full_name() or user.get_username()) if user is not None else "someone"
