"""Screens and public lists cost the same number of queries with 50 pages as with 500.

One generated site grows from about 50 to 500 article pages (in the six languages, translations of
one another, with catalogs); each surface is requested as the user who sees it, at both
sizes, and its query count must not change.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import ArticlePage, TopicIndexPage
from tests.factories import generated_articles, publish_reviewed

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "es", "pl", "ar", "ur", "zh-hans"]


def queries(client, url):
    client.get(url)  # caches that a first request fills
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


@pytest.fixture
def topic(demo):
    """A topic published in every language, so generated articles have a parent in each tree."""
    from wagtail.models import Locale

    english = TopicIndexPage.objects.get(slug="depression", locale__language_code="en")
    for code in LANGUAGES[1:]:
        locale = Locale.objects.get(language_code=code)
        if not english.has_translation(locale):
            publish_reviewed(english.copy_for_translation(locale, copy_parents=True))
    return english


def surfaces(topic):
    spanish = TopicIndexPage.objects.get(translation_key=topic.translation_key, locale__language_code="es")
    article = ArticlePage.objects.filter(title__startswith="Generated article 0").first()
    return {
        "sitemap index": "/sitemap.xml",
        "sitemap": "/sitemap-pages.xml",
        "search": "/en/search/?q=generated",
        "admin dashboard": "/admin/",
        "admin page listing": f"/admin/pages/{topic.pk}/",
        "admin page listing (es)": f"/admin/pages/{spanish.pk}/",
        "reviews due": "/admin/reports/reviews-due/",
        "translation work list": "/admin/translations/",
        "translation overview": f"/admin/translations/page/{article.pk}/",
    }


def costs(client, topic):
    return {name: queries(client, url) for name, url in surfaces(topic).items()}


def test_query_counts_do_not_grow_with_the_number_of_pages(client, topic):
    client.force_login(get_user_model().objects.get(username="admin"))
    per_language = 11  # 66 pages: more English results than one search page holds, as at 500
    generated_articles(topic, per_language, LANGUAGES)
    small = costs(client, topic)
    generated_articles(topic, 500 // len(LANGUAGES) + 1 - per_language, LANGUAGES, start=per_language)
    assert ArticlePage.objects.live().count() >= 500
    large = costs(client, topic)
    grown = {name: (small[name], large[name]) for name in small if large[name] != small[name]}
    assert not grown, f"queries at 50 and at 500 pages: {grown}"
