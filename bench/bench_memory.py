"""Translation memory lookup time with 100,000 stored segments.

    .venv/bin/python bench/bench_memory.py            # SQLite
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/carelingua .venv/bin/python bench/bench_memory.py

Creates a throwaway test database, stores the segments with ``bulk_create`` (all approved
Spanish translations, the worst case for one language), then times an exact lookup by hash,
``suggestions()`` for a text with an exact match, a close match and no match, and the
exact matches of a 5,000-segment catalog at once (a pre-fill from memory), and prints a table. A bench runner
that already has a test database calls ``run()``.
"""

import random
import statistics
import time
import uuid
from pathlib import Path

SEGMENTS = 100_000
PER_CATALOG = 100
LOOKUPS = 20
PREFILL = 5000

UNITS = ["mg", "ml", "hours", "minutes", "days", "weeks", "%"]
SYLLABLES = [c + v for c in "bcdfghklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]


def vocabulary(rng, size=6000):
    """The demo articles' words plus made-up words, most common first (Zipf-like use)."""
    import re

    content = (Path(__file__).resolve().parent.parent / "cms" / "demo" / "content.py").read_text()
    words = list(dict.fromkeys(word.lower() for word in re.findall(r"[A-Za-z]{2,}", content)))
    while len(words) < size:
        words.append("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return words


def sentence(rng, words, weights):
    """A made-up sentence of 6 to 20 words, sometimes with a dose or duration."""
    text = " ".join(rng.choices(words, weights, k=rng.randint(6, 20))).capitalize()
    if rng.random() < 0.3:
        text += f" for {rng.randint(1, 120)} {rng.choice(UNITS)}"
    return text + "."


def store(count, rng):
    """``count`` approved Spanish segments in catalogs of ``PER_CATALOG``; returns the seconds taken."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Locale, Page

    from translations.models import Segment, TranslationCatalog

    english = Locale.objects.get_or_create(language_code="en")[0]
    spanish = Locale.objects.get_or_create(language_code="es")[0]
    page_type = ContentType.objects.get_for_model(Page)
    words = vocabulary(rng)
    weights = [1 / rank for rank in range(1, len(words) + 1)]
    started = time.perf_counter()
    catalogs = TranslationCatalog.objects.bulk_create(
        TranslationCatalog(
            content_type=page_type, translation_key=uuid.uuid4(), source_locale=english, target_locale=spanish
        )
        for _ in range(count // PER_CATALOG)
    )
    rows = (
        Segment(
            catalog=catalog,
            position=i,
            context=f"body.{i}",
            source=sentence(rng, words, weights),
            translation=f"ES {i}",
            state=Segment.TRANSLATED,
        )
        for catalog in catalogs
        for i in range(PER_CATALOG)
    )
    Segment.objects.bulk_create(rows, batch_size=5000)
    return time.perf_counter() - started


def change_one_word(text, rng):
    words = text.split()
    words[rng.randrange(len(words))] = "something"
    return " ".join(words)


def time_lookups(texts, lookup):
    timings, found = [], 0
    for text in texts:
        started = time.perf_counter()
        found += len(lookup(text))
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95) - 1], found / len(texts)


def time_prefill(texts):
    """A whole catalog's exact matches at once, as a pre-fill from memory asks for them."""
    from translations.memory import exact_matches

    started = time.perf_counter()
    found = exact_matches(texts, "es")
    return (time.perf_counter() - started) * 1000, len(found)


def run(table, count=SEGMENTS):
    from django.db import connection

    from translations.models import Segment

    rng = random.Random(2026)
    seconds = store(count, rng)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would after a bulk load: planner statistics
    from translations.memory import exact_matches, suggestions

    stored = list(Segment.objects.order_by("?").values_list("source", flat=True)[:LOOKUPS])
    exact = lambda text: exact_matches([text], "es")  # noqa: E731
    suggest = lambda text: suggestions(text, "es")  # noqa: E731
    cases = [
        ("exact match (hash index)", stored, exact),
        ("suggestions, text with an exact match", stored, suggest),
        ("suggestions, close match (one word changed)", [change_one_word(text, rng) for text in stored], suggest),
        (
            "suggestions, no match",
            [f"Zebra {i} migration patterns across the savannah." for i in range(LOOKUPS)],
            suggest,
        ),
    ]
    rows = [(name, *time_lookups(texts, lookup)) for name, texts, lookup in cases]
    prefill = list(Segment.objects.order_by("?").values_list("source", flat=True)[:PREFILL])
    prefill_ms, prefilled = time_prefill(prefill + [f"Never stored {i}." for i in range(PREFILL // 10)])
    table(
        f"Translation memory on {connection.vendor}: {count:,} approved segments (stored in {seconds:.1f} s)",
        ["lookup", "median ms", "p95 ms", "found"],
        [
            *((name, f"{median:.1f}", f"{p95:.1f}", f"{found:.1f}") for name, median, p95, found in rows),
            (
                f"pre-fill: exact matches of {PREFILL + PREFILL // 10:,} texts at once",
                f"{prefill_ms:.0f}",
                "",
                prefilled,
            ),
        ],
    )
    return rows
