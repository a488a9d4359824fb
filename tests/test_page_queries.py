"""A public page costs a fixed number of queries, whatever the number of languages.

A fresh topic and article are published in 2 languages, then in 12 (six more locales, with
their home pages, than the demo has); each page is served in its source language and in a
translation, and the query counts must not change. The page cache is off (as in every
test but tests/test_cache.py), so these are the queries of a full render.
"""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.models import ArticlePage, HomePage, TopicIndexPage
from tests.factories import publish_reviewed

pytestmark = pytest.mark.django_db

EXTRA_LANGUAGES = [
    ("fr", "French"),
    ("de", "German"),
    ("it", "Italian"),
    ("pt", "Portuguese"),
    ("nl", "Dutch"),
    ("sv", "Swedish"),
]
# What a page may cost at most, to notice a page that grows expensive for other reasons.
MOST_QUERIES = 40


@pytest.fixture
def twelve_languages(settings, demo):
    languages = [*settings.LANGUAGES, *EXTRA_LANGUAGES]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = languages
    for code, _name in EXTRA_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    assert Locale.objects.count() == 12
    return [code for code, _name in languages]


@pytest.fixture
def probe(home):
    """A new topic with one article, live in English only."""
    topic = home.add_child(instance=TopicIndexPage(title="Sleep", slug="sleep", intro="Sleeping well.", live=False))
    publish_reviewed(topic)
    article = topic.add_child(
        instance=ArticlePage(
            title="Sleep and depression",
            slug="sleep-and-depression",
            author="A. Writer, nurse",
            summary=[{"type": "point", "value": "Sleep matters."}],
            body=[
                {"type": "heading", "value": "Why sleep matters", "id": str(uuid.uuid4())},
                {"type": "paragraph", "value": "<p>Sleep 7 to 9 hours.</p>", "id": str(uuid.uuid4())},
            ],
            live=False,
        )
    )
    article.save_revision()
    return publish_reviewed(article)


def publish_in(page, codes):
    """Publish ``page`` (and, where missing, its parents) in each language of ``codes``."""
    for code in codes:
        locale = Locale.objects.get(language_code=code)
        if page.has_translation(locale):
            continue
        copy = page.copy_for_translation(locale, copy_parents=True)
        for ancestor in copy.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.live:
                publish_reviewed(ancestor)
        publish_reviewed(copy.specific, reviewer="reviewer_en")


def queries(client, url):
    client.get(url)  # caches that any first request fills (site root paths, content types)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def costs(client, probe):
    pages = {
        "article": probe,
        "article (es)": probe.get_translation(Locale.objects.get(language_code="es")),
        "topic": probe.get_parent(),
        "home": probe.get_parent().get_parent(),
    }
    return {name: queries(client, page.url) for name, page in pages.items()}


def test_query_counts_do_not_grow_with_the_number_of_languages(client, twelve_languages, probe):
    publish_in(probe, ["es"])
    with_two = costs(client, probe)

    publish_in(probe, twelve_languages)
    assert ArticlePage.objects.live().filter(translation_key=probe.translation_key).count() == 12
    assert HomePage.objects.live().count() == 12
    with_twelve = costs(client, probe)

    assert with_twelve == with_two, f"2 languages: {with_two}, 12 languages: {with_twelve}"
    assert max(with_twelve.values()) <= MOST_QUERIES, with_twelve


def test_the_twelve_language_versions_are_served_and_linked(client, twelve_languages, probe):
    """So the counts above are those of pages that show every language (switcher, alternates)."""
    publish_in(probe, twelve_languages)
    html = client.get(probe.url).content.decode()
    for translation in probe.get_translations():
        assert client.get(translation.url).status_code == 200, translation.url
        assert translation.url in html, f"the English page does not link to {translation.url}"
