"""Translation memory: approved translations of any page, offered for a new source text.

Only segments a person approved (state ``translated``, not obsolete) are remembered.
Exact matches score 100; fuzzy matches are scored with ``difflib`` (the percentage of
characters in common, as translators know it from CAT tools) so the score means the same
on every database. Finding the candidates is what differs:

- PostgreSQL: the pg_trgm ``%`` operator on a GIN trigram index (migration 0004), ordered
  by trigram similarity. The similarity threshold follows the minimum score (0.4 for 70%):
  measured on edited sentences of the demo article, it keeps about 99% of the pairs that
  difflib scores 70% or more, and it keeps the lookup at tens of milliseconds on 100,000
  segments (see bench/bench_memory.py).
- Other databases (SQLite in development): candidates of a similar length that share one
  of the text's longest words; slower, but the same suggestions for real sentences.
"""

import difflib
import re
from dataclasses import dataclass

from django.db import connection, transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.db.models.functions import Abs, Length

from .models import Segment
from .qa.base import qa_setting

MIN_SCORE = 70
CANDIDATES = 200  # rows scored with difflib per lookup, at most (SQLite)
PG_CANDIDATES = 50  # on PostgreSQL they come best first
_WORD = re.compile(r"\w{4,}")


@dataclass(frozen=True)
class Suggestion:
    text: str  # the remembered translation
    source: str  # the source text it translated
    score: int  # 100 for an exact match
    catalog_id: int
    page_title: str

    @property
    def exact(self):
        return self.score == 100


def _approved(language_code, exclude_catalog):
    segments = Segment.objects.filter(
        state=Segment.TRANSLATED, obsolete=False, catalog__target_locale__language_code=language_code
    ).exclude(translation="")
    if exclude_catalog is not None:
        segments = segments.exclude(catalog=exclude_catalog)
    return segments


def _postgresql_candidates(segments, text, min_score):
    from django.contrib.postgres.lookups import TrigramSimilar
    from django.contrib.postgres.search import TrigramSimilarity
    from django.db.models import F

    rows = (
        segments.filter(TrigramSimilar(F("source"), Value(text)))
        .annotate(similarity=TrigramSimilarity("source", text))
        .order_by("-similarity", "-updated_at")
    )
    threshold = max(0.3, min(0.9, min_score / 100 - 0.3))
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('pg_trgm.similarity_threshold', %s, true)", [str(threshold)])
        return list(rows[:PG_CANDIDATES])


def _candidates(segments, text, min_score):
    if connection.vendor == "postgresql":
        return _postgresql_candidates(segments, text, min_score)
    words = sorted(set(_WORD.findall(text)), key=len, reverse=True)[:3]
    near = Q(source=text)
    for word in words:
        near |= Q(source__contains=word)
    return (
        segments.annotate(length=Length("source"))
        .filter(length__gte=len(text) * 0.5, length__lte=len(text) * 2 + 10)
        .filter(near)
        .annotate(
            inexact=Case(When(source=text, then=Value(0)), default=Value(1), output_field=IntegerField()),
            distance=Abs(Length("source") - len(text)),
        )
        .order_by("inexact", "distance", "-updated_at")[:CANDIDATES]
    )


def score(a: str, b: str, floor: int = 0) -> int:
    """How alike two source texts are, 0 to 100 (100 only when identical); 0 if below ``floor``."""
    if a == b:
        return 100
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() * 100 < floor or matcher.quick_ratio() * 100 < floor:
        return 0
    return min(99, round(matcher.ratio() * 100))


def _titles(catalogs):
    """{catalog id: title of its translation, else of its source}: one query per content type."""
    by_type, titles = {}, {}
    for catalog in catalogs:
        by_type.setdefault(catalog.content_type, []).append(catalog)
    for content_type, group in by_type.items():
        objects = content_type.model_class()._default_manager.filter(
            translation_key__in={c.translation_key for c in group},
            locale_id__in={c.target_locale_id for c in group} | {c.source_locale_id for c in group},
        )
        found = {(obj.translation_key, obj.locale_id): obj for obj in objects}
        for catalog in group:
            obj = found.get((catalog.translation_key, catalog.target_locale_id)) or found.get(
                (catalog.translation_key, catalog.source_locale_id)
            )
            titles[catalog.pk] = str(obj) if obj is not None else ""
    return titles


def suggestions(source_text, language_code, limit=5, exclude_catalog=None, min_score=None) -> list[Suggestion]:
    """Remembered translations of texts like ``source_text`` into a language, best first.

    One suggestion per distinct translation (the most recent one); exact matches first.
    """
    text = source_text.strip()
    if not text:
        return []
    min_score = qa_setting("TM_MIN_SCORE", MIN_SCORE) if min_score is None else min_score
    segments = _approved(language_code, exclude_catalog).select_related("catalog__content_type")
    rows = _candidates(segments, text, min_score)
    scored, seen = [], set()
    for row in rows:
        value = score(text, row.source.strip(), min_score)
        if value >= min_score and row.translation not in seen:
            seen.add(row.translation)
            scored.append((value, row))
    scored.sort(key=lambda pair: -pair[0])
    best = scored[:limit]
    titles = _titles({row.catalog_id: row.catalog for _value, row in best}.values())
    return [
        Suggestion(row.translation, row.source, value, row.catalog_id, titles[row.catalog_id]) for value, row in best
    ]
