"""Catalog speed: create a translation, import a PO file, sync after a 10% edit, build the draft.

Time, queries and peak memory for 50, 500 and 5,000 segments. Background work (Wagtail's
search and reference indexing of the saved pages) is queued, as in production, not run.
"""

import time
import tracemalloc
import uuid

from django.db import connection
from wagtail.models import Locale

from cms.models import ArticlePage, TopicIndexPage
from tests.factories import filled_po, publish_reviewed
from translations.actions import BuildTranslation, CreateTranslation, SyncTranslations
from translations.po_import import ImportPO

SIZES = [50, 500, 5000]


def measure(function, memory=False):
    """Seconds and queries; with memory=True, peak Python memory instead (tracing slows it down).

    Queries are counted by a wrapper around execution, not recorded: recording each query's
    SQL costs time in proportion to the count, which would penalise whichever side makes more.
    """
    count = [0]

    def counter(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    if memory:
        tracemalloc.start()
    with connection.execute_wrapper(counter):
        start = time.perf_counter()
        result = function()
        seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] if memory else 0
    tracemalloc.stop()
    return result, (f"{seconds:.3f}", count[0], peak / 1e6)


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
        f"Catalogs on {connection.vendor}, background work queued (targets at 5,000: <= 40 queries a step, "
        "peak <= 60 MB; time: see the ratios to wagtail-localize in the README)",
        ["segments", "step", "seconds", "queries", "peak MB"],
        rows,
    )
