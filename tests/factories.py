"""Page trees for tests, with as many segments as a test needs."""

import uuid

import polib
from django.contrib.auth import get_user_model
from wagtail.models import Page

from cms.models import ArticlePage, TopicIndexPage
from tests.testapp.models import EventPage
from translations.actions import as_catalog
from translations.catalogs import to_po
from translations.models import TranslationCatalog
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


def untranslated(page, *language_codes):
    """The page without its demo translations into these languages (their pages and catalogs
    deleted), for a test that starts a translation from scratch."""
    codes = list(language_codes)
    TranslationCatalog.objects.filter(
        translation_key=page.translation_key, target_locale__language_code__in=codes
    ).delete()
    for translation in Page.objects.filter(translation_key=page.translation_key, locale__language_code__in=codes):
        translation.delete()
    return page


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


def event_page(parent, slug="open-day"):
    page = parent.add_child(
        instance=EventPage(
            title="Open day",
            slug=slug,
            venue="Main hall",
            description='<p>Meet the <a href="https://example.org/team">care team</a>.</p><p>Free tea.</p>',
            programme=[
                {"type": "session", "value": {"name": "Welcome", "speaker": "Dr Ruiz"}, "id": str(uuid.uuid4())},
                {
                    "type": "notes",
                    "value": [{"type": "item", "value": "Bring your letter.", "id": str(uuid.uuid4())}],
                    "id": str(uuid.uuid4()),
                },
            ],
        )
    )
    page.save_revision().publish()
    return page
