"""Screens and public lists cost the same number of queries with 50 pages as with 500.

One generated site grows from about 50 to 500 article pages (in the six languages, translations of
one another, with catalogs); each surface is requested as the user who sees it, at both
sizes, and its query count must not change.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import ArticlePage
from tests.factories import SCALE_LANGUAGES, generated_articles, scale_surfaces, topic_in_every_language

pytestmark = pytest.mark.django_db

LANGUAGES = SCALE_LANGUAGES


def queries(client, url):
    client.get(url)  # caches that a first request fills
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


@pytest.fixture
def topic(demo):
    return topic_in_every_language(LANGUAGES)


def costs(client, topic):
    return {name: queries(client, url) for name, url in scale_surfaces(topic).items()}


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
