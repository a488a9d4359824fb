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


def generated_articles(topic_page, count, languages, start=0):
    """``count`` live articles under ``topic_page``'s tree in each language, translations of one
    another (one translation key per article), each with a Spanish-style catalog per extra
    language, review due soon. A scale fixture: pages are added with Wagtail's tree methods
    and put live with one update (a generated site, so the publish gate is not exercised)."""
    import datetime

    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from translations.models import TranslationCatalog

    locales = {locale.language_code: locale for locale in Locale.objects.filter(language_code__in=languages)}
    parents = {
        code: (topic_page if code == topic_page.locale.language_code else topic_page.get_translation(locales[code]))
        for code in languages
    }
    source_code = topic_page.locale.language_code
    created, catalogs = [], []
    for i in range(start, start + count):
        key = uuid.uuid4()
        for code in languages:
            page = parents[code].add_child(
                instance=ArticlePage(
                    title=f"Generated article {i} ({code})",
                    slug=f"generated-{i}",
                    author="A. Writer, nurse",
                    locale=locales[code],
                    translation_key=key,
                    summary=[{"type": "point", "value": f"Point {i}."}],
                    body=[{"type": "paragraph", "value": f"<p>Sleep well {i}.</p>", "id": str(uuid.uuid4())}],
                    live=False,
                )
            )
            created.append(page.pk)
        catalogs += [
            TranslationCatalog(
                content_type=ContentType.objects.get_for_model(ArticlePage),
                translation_key=key,
                source_locale=locales[source_code],
                target_locale=locales[code],
            )
            for code in languages
            if code != source_code
        ]
    TranslationCatalog.objects.bulk_create(catalogs)
    now = timezone.now()
    Page.objects.filter(pk__in=created).update(live=True, first_published_at=now, last_published_at=now)
    ArticlePage.objects.filter(pk__in=created).update(next_review_due=now.date() + datetime.timedelta(days=30))
    return created


SCALE_LANGUAGES = ["en", "es", "pl", "ar", "ur", "zh-hans"]


def topic_in_every_language(languages=SCALE_LANGUAGES):
    """The demo's English topic, published (after review) in each language where it is missing,
    so generated articles have a parent in every tree."""
    from wagtail.models import Locale

    english = TopicIndexPage.objects.get(slug="depression", locale__language_code="en")
    for code in languages[1:]:
        locale = Locale.objects.get(language_code=code)
        if not english.has_translation(locale):
            publish_reviewed(english.copy_for_translation(locale, copy_parents=True))
    return english


def scale_surfaces(topic_page):
    """{name: URL} of the screens and public lists that grow with the site."""
    spanish = TopicIndexPage.objects.get(translation_key=topic_page.translation_key, locale__language_code="es")
    article = ArticlePage.objects.filter(title__startswith="Generated article 0 ").first()
    return {
        "sitemap index": "/sitemap.xml",
        "sitemap (every page)": "/sitemap-pages.xml",
        "search": "/en/search/?q=generated",
        "admin dashboard (panels)": "/admin/",
        "admin page listing": f"/admin/pages/{topic_page.pk}/",
        "admin page listing, Spanish": f"/admin/pages/{spanish.pk}/",
        "reviews due report": "/admin/reports/reviews-due/",
        "translation work list": "/admin/translations/",
        "translation overview of a page": f"/admin/translations/page/{article.pk}/",
    }


DEMO_PASSWORD = "carelingua-demo"  # noqa: S105 (the demo logins)


def user(username):
    return get_user_model().objects.get(username=username)


def login(client, username):
    """Log ``client`` in as a demo person through Django's authentication (their password must work)."""
    assert client.login(username=username, password=DEMO_PASSWORD), username
    return client
