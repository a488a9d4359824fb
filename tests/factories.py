"""Page trees for tests, with as many segments as a test needs."""

import uuid

import polib
from django.contrib.auth import get_user_model

from cms.models import ArticlePage, TopicIndexPage
from tests.testapp.models import EventPage
from translations.actions import as_catalog
from translations.catalogs import to_po
from translations.review import ATTESTATIONS, record_sign_off, review_level
from translations.review_models import EDITORIAL, MEDICAL


def fill_po(data, text=lambda msgid: "PL " + msgid):
    """A PO file as a translator returns it: every msgstr filled, by polib (not by our code)."""
    po = polib.pofile(data.decode("utf-8"))
    for entry in po:
        if not entry.obsolete:
            entry.msgstr = text(entry.msgid)
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    return str(po).encode("utf-8")


def filled_po(catalog, text=lambda msgid: "PL " + msgid):
    """A catalog exported, then filled in as a translator would."""
    return fill_po(to_po(as_catalog(catalog)), text)


def publish_reviewed(page, reviewer=None):
    """Publish the page's latest content the way the review workflow does: after a sign-off of the
    kind the page needs (medical for articles, editorial for topic and home pages)."""
    revision = page.get_latest_revision() if page.has_unpublished_changes or not page.live else None
    revision = revision or page.save_revision()
    role = review_level(page) or EDITORIAL
    reviewer = reviewer or ("reviewer_en" if role == MEDICAL else "editorial_reviewer")
    user = get_user_model().objects.get(username=reviewer)
    record_sign_off(revision, user, role, dict.fromkeys(ATTESTATIONS[role], True))
    revision.publish()
    return type(page).objects.get(pk=page.pk)


def article_with_segments(parent, count, slug="long-article"):
    """A live article with about ``count`` segments (title, author, key point, paragraphs)."""
    paragraphs = max(count - 3, 1)
    body = [
        {"type": "paragraph", "value": f"<p>Take {i} mg with <b>water</b> on day {i}.</p>", "id": str(uuid.uuid4())}
        for i in range(paragraphs)
    ]
    page = parent.add_child(
        instance=ArticlePage(
            title=f"Article with {count} segments",
            slug=slug,
            author="A. Writer, nurse",
            summary=[{"type": "point", "value": "One key point."}],
            body=body,
            live=False,
        )
    )
    page.save_revision()
    return publish_reviewed(page)


def topic(home):
    return TopicIndexPage.objects.child_of(home).first()


def block(kind, value):
    """One StreamField child as Wagtail stores it."""
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def event_page(parent, slug="open-day", programme=(), **fields):
    """A live page of the unrelated EventPage model: a venue, rich text, a session and a list."""
    fields = {
        "title": "Open day",
        "venue": "Main hall",
        "description": '<p>Meet the <a href="https://example.org/team">care team</a>.</p><p>Free tea.</p>',
        **fields,
    }
    page = parent.add_child(
        instance=EventPage(
            slug=slug,
            programme=[
                block("session", {"name": "Welcome", "speaker": "Dr Ruiz"}),
                block("notes", [{"type": "item", "value": "Bring your letter.", "id": str(uuid.uuid4())}]),
                *programme,
            ],
            **fields,
        )
    )
    page.save_revision().publish()
    return page


TIMETABLE = {
    "columns": [
        {"type": "text", "heading": "Session"},
        {"type": "minutes", "heading": "Minutes"},
        {"type": "notes", "heading": "What to bring"},
    ],
    "rows": [{"values": ["Welcome", 15, "<p>Your <b>letter</b>.</p>"]}, {"values": ["Tour", 40, "<p>Shoes.</p>"]}],
    "caption": "Day one",
}


def event_with_everything(parent, slug="everything", linked=None):
    """An EventPage with identifiers, a typed table, a raw HTML block and, given ``linked``, links to it."""
    programme = [
        block(
            "contact",
            {
                "name": "Front desk",
                "email": "desk@example.org",
                "website": "https://example.org/desk",
                "room": "B102",
                "extension": "4410",
                "seats": 40,
            },
        ),
        block("directions", {"text": "Turn left at the fountain", "landmark": "fountain"}),
        block("motto", "Calm and kind"),
        block("timetable", TIMETABLE),
        block("embed_code", '<iframe title="Map" src="https://example.org/map"></iframe>'),
    ]
    fields = {
        "contact_email": "events@example.org",
        "booking_url": "https://example.org/book",
        "coordinates": "51.5, -0.12",
        "room": "B102",
        "tagline": "A calm day",
    }
    if linked is not None:
        programme.append(block("see_also", linked.pk))
        fields["related_page"] = linked
        fields["description"] = f'<p>Read <a linktype="page" id="{linked.pk}">about the clinic</a> first.</p>'
    return event_page(parent, slug, programme, **fields)
