"""Translation memory: approved translations of any page, offered for a new source text.

Only segments a person approved (state ``translated``, not obsolete) are remembered.
Texts are compared normalised (surrounding and repeated whitespace dropped). Exact matches
score 100; fuzzy matches are scored with ``difflib`` (the percentage of characters in
common, as translators know it from CAT tools) so the score means the same on every
database. Finding the rows is what the indexes do (migrations 0004 and 0006):

- Exact matches, any database: the indexed hash of the normalised source (``source_hash``).
- Close matches share two of the text's three longest words (any of them when it has
  fewer): a text with a word or two changed keeps at least two of them. On PostgreSQL a
  GIN index of the words of approved sources finds those rows, and pg_trgm's similarity
  orders them, best first. (A trigram index was tried first: its postings for the trigrams
  of common words made each lookup read thousands of rows, about 0.4 s at 100,000.) On
  SQLite an FTS5 index of the same words (kept by triggers) finds them, rarest matches
  first, and the closest in length are scored.
- Other databases: rows of a similar length that contain one of those words, read without
  an index.
"""

import difflib
import itertools
import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.db.models.functions import Abs, Length

from .models import Segment, normalised, source_hash
from .qa.base import qa_setting

MIN_SCORE = 70
CANDIDATES = 200  # rows scored with difflib per lookup, at most (SQLite)
PG_CANDIDATES = 50  # on PostgreSQL they come best first
_WORD = re.compile(r"\w{4,}")
FTS_TABLE = "translations_segment_words"  # migration 0006, SQLite only
# The table name is a constant; the words are a parameter.
_FTS_ROWIDS = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s ORDER BY rank LIMIT {CANDIDATES}"  # noqa: S608


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


def _postgresql_candidates(segments, text):
    from django.contrib.postgres.search import SearchQuery, SearchVector, TrigramSimilarity

    words = _long_words(text)
    if not words:
        return []
    query = SearchQuery(_word_query(words, "&", "|", quote=""), config="simple", search_type="raw")
    rows = (
        segments.annotate(words=SearchVector("source", config="simple"))  # migration 0006 indexes this expression
        .filter(words=query)
        .annotate(similarity=TrigramSimilarity("source", text))
        .order_by("-similarity", "-updated_at")
    )
    return list(rows[:PG_CANDIDATES])


def _long_words(text):
    return sorted(set(_WORD.findall(text)), key=len, reverse=True)[:3]


def _word_query(words, both="AND", either="OR", quote='"'):
    """A full-text query: two of three words, or any of fewer (``\\w`` only: nothing to escape)."""
    quoted = [f"{quote}{word}{quote}" for word in words]
    if len(quoted) < 3:
        return f" {either} ".join(quoted)
    return f" {either} ".join(f"({a} {both} {b})" for a, b in itertools.combinations(quoted, 2))


def _sharing_long_words(segments, text):
    words = _long_words(text)
    if not words:
        return segments.none()
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(_FTS_ROWIDS, [_word_query(words)])
            return segments.filter(pk__in=[rowid for (rowid,) in cursor.fetchall()])
    near = Q()
    for word in words:
        near |= Q(source__contains=word)
    return segments.filter(near)


def _close_candidates(segments, text):
    if connection.vendor == "postgresql":
        return _postgresql_candidates(segments, text)
    return (
        _sharing_long_words(segments, text)
        .annotate(length=Length("source"))
        .filter(length__gte=len(text) * 0.5, length__lte=len(text) * 2 + 10)
        .annotate(distance=Abs(Length("source") - len(text)))
        .order_by("distance", "-updated_at")[:CANDIDATES]
    )


def score(a: str, b: str, floor: int = 0) -> int:
    """How alike two source texts are, 0 to 100 (100 only when the same, normalised); 0 if below ``floor``."""
    a, b = normalised(a), normalised(b)
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
    text = normalised(source_text)
    if not text:
        return []
    min_score = qa_setting("TM_MIN_SCORE", MIN_SCORE) if min_score is None else min_score
    segments = _approved(language_code, exclude_catalog).select_related("catalog__content_type")
    exact = list(segments.filter(source_hash=source_hash(text)).order_by("-updated_at")[:limit])
    rows = exact if len(exact) >= limit else [*exact, *_close_candidates(segments, text)]
    scored, seen = [], set()
    for row in rows:
        value = score(text, row.source, min_score)
        if value >= min_score and row.translation not in seen:
            seen.add(row.translation)
            scored.append((value, row))
    scored.sort(key=lambda pair: -pair[0])
    best = scored[:limit]
    titles = _titles({row.catalog_id: row.catalog for _value, row in best}.values())
    return [
        Suggestion(row.translation, row.source, value, row.catalog_id, titles[row.catalog_id]) for value, row in best
    ]


def exact_matches(source_texts, language_code, exclude_catalog=None, batch_size=500):
    """{source text: remembered translation} for the texts with an exact match (the most
    recently approved one), in a query per ``batch_size`` texts: what a pre-fill of a whole
    catalog from memory needs."""
    wanted = {}
    for text in source_texts:
        wanted.setdefault(source_hash(text), []).append(text)
    segments = _approved(language_code, exclude_catalog).order_by("updated_at")
    found = {}
    hashes = list(wanted)
    for start in range(0, len(hashes), batch_size):
        rows = segments.filter(source_hash__in=hashes[start : start + batch_size])
        for digest, source, translation in rows.values_list("source_hash", "source", "translation"):
            for text in wanted[digest]:
                if normalised(text) == normalised(source):  # the same text, not a hash collision
                    found[text] = translation
    return found
