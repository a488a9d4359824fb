"""Extracting, syncing, importing and building cost a bounded number of queries,
whatever the number of segments: the same for 10 segments as for 500."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.models import ArticlePage
from tests.factories import article_with_segments, filled_po, publish_reviewed, topic
from translations.actions import BuildTranslation, CreateTranslation, SyncTranslations
from translations.po_import import ImportPO

pytestmark = pytest.mark.django_db


def queries(function):
    with CaptureQueriesContext(connection) as captured:
        result = function()
    return len(captured.captured_queries), result


def costs(home, size):
    page = article_with_segments(topic(home), size, slug=f"article-{size}")
    spanish = Locale.objects.get(language_code="es")
    create, (catalog,) = queries(lambda: CreateTranslation(page, [spanish]).execute())
    assert catalog.segments.count() >= size - 1
    data = filled_po(catalog, lambda msgid: "ES " + msgid)
    imported, report = queries(lambda: ImportPO(catalog, data).execute())
    assert report.ok and len(report.applied) == catalog.segments.count()
    built, _ = queries(lambda: BuildTranslation(catalog).execute())
    body = page.body.raw_data
    for block in body[: max(1, len(body) // 10)]:
        block["value"] = block["value"].replace("water", "juice")
    page.save_revision()
    page = publish_reviewed(page)
    page = ArticlePage.objects.get(pk=page.pk)
    synced, _ = queries(lambda: SyncTranslations(page).execute())
    return {"create": create, "import": imported, "build": built, "sync": synced}


def test_query_counts_do_not_grow_with_the_number_of_segments(home):
    small = costs(home, 10)
    large = costs(home, 500)
    assert all(large[step] - small[step] <= 3 for step in small), (small, large)
    # Creating includes Wagtail's own copy of the page and of its parent topic page.
    assert small["create"] <= 150, small
    assert max(small["import"], small["build"], small["sync"]) <= 40, small
