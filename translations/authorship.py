"""Who wrote the content a reviewer is asked to approve (four eyes).

The authors of a submission are everyone who changed its content since the content readers
last got was approved: every person whose revision changed the content (compared by
content, not by save events: saving the same text again makes nobody an author and nobody
stops being one), every person who changed a segment of its translation (from the segment
history, where machine translation counts for the person who ran it), and whoever built the
translated draft. None of them may approve it.
"""

from wagtail.models import PageLogEntry

from .models import SegmentChange
from .review import catalogs_translating, content_hash, last_approval

BUILD_ACTION = "carelingua.draft_built"


def authors_of(page, revision):
    """User ids of everyone who changed ``page``'s content up to ``revision`` since its last approval."""
    approval = last_approval(page)
    approved = approval.revision if approval is not None else None
    since = _built_at(page, approved) if approved is not None else None
    authors = _revision_authors(page, revision, approval, approved)
    authors |= _segment_authors(page, since)
    authors |= _builders(page, since)
    return authors - {None}


def _revision_authors(page, revision, approval, approved):
    """Authors of the revisions that changed the content, each compared with the one before.

    Revisions are taken in the order they were made (by id: an autosave that overwrites a
    revision keeps its id), from the approved one itself, in case it was overwritten since.
    """
    revisions = page.revisions.filter(pk__lte=revision.pk)
    if approved is not None:
        revisions = revisions.filter(pk__gte=approved.pk)
    previous = approval.content_hash if approval is not None else None
    authors = set()
    for candidate in revisions.order_by("pk"):
        digest = content_hash(candidate.as_object())
        if digest != previous:
            authors.add(candidate.user_id)
        previous = digest
    return authors


def _built_at(page, approved):
    """When the approved content was built from its catalog: segment changes after that moment
    are not in it, even if they were made before the approval. Pages that are not
    translations: when the approved revision was saved."""
    build = (
        PageLogEntry.objects.filter(page=page, action=BUILD_ACTION, timestamp__lte=approved.created_at)
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    return build or approved.created_at


def _segment_authors(page, since):
    changes = SegmentChange.objects.filter(catalog__in=catalogs_translating(page)).exclude(user=None)
    if since is not None:
        changes = changes.filter(created_at__gt=since)
    return set(changes.values_list("user_id", flat=True).distinct())


def _builders(page, since):
    builds = PageLogEntry.objects.filter(page=page, action=BUILD_ACTION).exclude(user=None)
    if since is not None:
        builds = builds.filter(timestamp__gt=since)
    return set(builds.values_list("user_id", flat=True).distinct())
