"""Catalog speed: create a translation, import a PO file, sync after a 10% edit, build the draft.

Time, queries and peak memory for 50, 500 and 5,000 segments on SQLite.
"""

import time
import tracemalloc
import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.models import ArticlePage, TopicIndexPage
from tests.factories import filled_po, publish_reviewed
from translations.actions import BuildTranslation, CreateTranslation, SyncTranslations
from translations.po_import import ImportPO

SIZES = [50, 500, 5000]


def measure(function, memory=False):
    """Seconds and queries; with memory=True, peak Python memory instead (tracing slows it down)."""
    if memory:
        tracemalloc.start()
    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if memory else 0
    tracemalloc.stop()
    return result, (f"{seconds:.3f}", len(queries.captured_queries), peak / 1e6)


def steps(size, spanish, memory):
    page = article(size, suffix="-m" if memory else "")
    (catalog,), create = measure(lambda: CreateTranslation(page, [spanish]).execute(), memory)
    data = filled_po(catalog, lambda msgid: "ES " + msgid)
    _report, imported = measure(lambda: ImportPO(catalog, data).execute(), memory)
    _target, built = measure(lambda: BuildTranslation(catalog).execute(), memory)
    edited = edit_tenth(ArticlePage.objects.get(pk=page.pk))
    _result, synced = measure(lambda: SyncTranslations(edited).execute(), memory)
    return {"create translation": create, "import PO": imported, "build draft": built, "sync 10% edit": synced}


def article(size, suffix=""):
    topic = TopicIndexPage.objects.filter(locale__language_code="en").first()
    body = [
        {"type": "paragraph", "value": f"<p>Take {i} mg with <b>water</b> on day {i}.</p>", "id": str(uuid.uuid4())}
        for i in range(size - 3)
    ]
    page = topic.add_child(
        instance=ArticlePage(
            title=f"Bench {size}",
            slug=f"bench-{size}{suffix}",
            author="Bench",
            summary=[{"type": "point", "value": "Point"}],
            body=body,
            live=False,
        )
    )
    page.save_revision()
    return publish_reviewed(page)


def edit_tenth(page):
    body = page.body.raw_data
    for block in body[: max(1, len(body) // 10)]:
        block["value"] = block["value"].replace("water", "juice")
    page.save_revision()
    return publish_reviewed(page)


def run(table):
    spanish = Locale.objects.get(language_code="es")
    rows = []
    for size in SIZES:
        timed, traced = steps(size, spanish, memory=False), steps(size, spanish, memory=True)
        for step, (seconds, queries, _none) in timed.items():
            rows.append((size, step, seconds, queries, f"{traced[step][2]:.1f}"))
    table(
        "Catalogs on SQLite (targets at 5,000: create <= 0.6 s and <= 40 queries, import <= 0.6 s, "
        "sync <= 0.5 s, build <= 1 s, peak <= 60 MB)",
        ["segments", "step", "seconds", "queries", "peak MB"],
        rows,
    )
