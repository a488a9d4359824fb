"""A generated site of 2,000 articles in 6 languages (12,000 pages): how long the screens and
public lists that grow with the site take, and how many queries they cost.

The site is built with tests.factories.generated_articles (Wagtail's tree methods, one
translation key per article, a catalog per translation). Each surface is requested through
Django's test client as the site admin, once to warm the caches, then timed.
"""

import statistics
import time

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

ARTICLES = 2000
LANGUAGES = ["en", "es", "pl", "ar", "ur", "zh-hans"]
REPEATS = 5


def build(articles):
    from wagtail.models import Locale

    from cms.models import TopicIndexPage
    from tests.factories import generated_articles, publish_reviewed

    topic = TopicIndexPage.objects.get(slug="depression", locale__language_code="en")
    for code in LANGUAGES[1:]:
        locale = Locale.objects.get(language_code=code)
        if not topic.has_translation(locale):
            publish_reviewed(topic.copy_for_translation(locale, copy_parents=True))
    started = time.perf_counter()
    for start in range(0, articles, 100):
        generated_articles(topic, min(100, articles - start), LANGUAGES, start=start)
    return topic, time.perf_counter() - started


def surfaces(topic):
    from cms.models import ArticlePage, TopicIndexPage

    spanish = TopicIndexPage.objects.get(translation_key=topic.translation_key, locale__language_code="es")
    article = ArticlePage.objects.filter(title__startswith="Generated article 0 ").first()
    return {
        "sitemap index": "/sitemap.xml",
        "sitemap (every page)": "/sitemap-pages.xml",
        "search": "/en/search/?q=generated",
        "admin dashboard (panels)": "/admin/",
        "admin page listing (2,000 children)": f"/admin/pages/{topic.pk}/",
        "admin page listing, Spanish": f"/admin/pages/{spanish.pk}/",
        "reviews due report": "/admin/reports/reviews-due/",
        "translation work list": "/admin/translations/",
        "translation overview of a page": f"/admin/translations/page/{article.pk}/",
    }


def measure(client, url):
    client.get(url)
    timings = []
    for _ in range(REPEATS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), len(captured), response.status_code


def run(table, articles=ARTICLES):
    from wagtail.models import Page

    topic, seconds = build(articles)
    client = Client()
    client.force_login(get_user_model().objects.get(username="admin"))
    rows = []
    for name, url in surfaces(topic).items():
        median, queries, status = measure(client, url)
        rows.append((name, f"{median:.0f}", queries, status))
    table(
        f"Scale on {connection.vendor}: {Page.objects.count():,} pages ({articles:,} articles in "
        f"{len(LANGUAGES)} languages, built in {seconds:.0f} s); target: each under 300 ms",
        ["surface", "median ms", "queries", "status"],
        rows,
    )
