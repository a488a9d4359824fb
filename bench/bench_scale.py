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

from tests.factories import SCALE_LANGUAGES as LANGUAGES
from tests.factories import scale_surfaces

ARTICLES = 2000
REPEATS = 5


def build(articles):
    from tests.factories import generated_articles, topic_in_every_language

    topic = topic_in_every_language(LANGUAGES)
    started = time.perf_counter()
    for start in range(0, articles, 100):
        generated_articles(topic, min(100, articles - start), LANGUAGES, start=start)
    return topic, time.perf_counter() - started


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
    for name, url in scale_surfaces(topic).items():
        median, queries, status = measure(client, url)
        rows.append((name, f"{median:.0f}", queries, status))
    table(
        f"Scale on {connection.vendor}: {Page.objects.count():,} pages ({articles:,} articles in "
        f"{len(LANGUAGES)} languages, built in {seconds:.0f} s); target: each under 300 ms",
        ["surface", "median ms", "queries", "status"],
        rows,
    )
