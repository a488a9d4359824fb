"""Translation memory indexes.

- Every segment gets the hash of its normalised source text, indexed: exact matches are
  one index lookup on any database.
- SQLite: a contentless FTS5 table holds the words of approved segments' sources (kept up
  to date by triggers, so bulk writes are covered): close matches are found through it
  instead of reading every row.
- PostgreSQL: a GIN index of the words of approved segments' sources (the expression Django's
  ``SearchVector("source", config="simple")`` writes), in place of 0004's trigram index on
  every source: trigram postings of common words made each lookup read thousands of rows.

Other databases need nothing (the memory reads candidates without an index).
"""

import hashlib

from django.db import migrations

import translations.models

FTS_TABLE = "translations_segment_words"
APPROVED = "{row}.state = 'translated' AND NOT {row}.obsolete AND {row}.translation <> ''"
INDEX = f"INSERT INTO {FTS_TABLE}(rowid, source) VALUES (new.id, new.source);"
UNINDEX = f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, source) VALUES ('delete', old.id, old.source);"
SQLITE_CREATE = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(source, content='')",
    f"CREATE TRIGGER {FTS_TABLE}_insert AFTER INSERT ON translations_segment"
    f" WHEN {APPROVED.format(row='new')} BEGIN {INDEX} END",
    f"CREATE TRIGGER {FTS_TABLE}_delete AFTER DELETE ON translations_segment"
    f" WHEN {APPROVED.format(row='old')} BEGIN {UNINDEX} END",
    f"CREATE TRIGGER {FTS_TABLE}_unindex AFTER UPDATE OF source, state, obsolete, translation ON translations_segment"
    f" WHEN {APPROVED.format(row='old')} BEGIN {UNINDEX} END",
    f"CREATE TRIGGER {FTS_TABLE}_index AFTER UPDATE OF source, state, obsolete, translation ON translations_segment"
    f" WHEN {APPROVED.format(row='new')} BEGIN {INDEX} END",
    f"INSERT INTO {FTS_TABLE}(rowid, source) SELECT id, source FROM translations_segment AS s"
    f" WHERE {APPROVED.format(row='s')}",
]
SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS {FTS_TABLE}_{name}" for name in ("insert", "delete", "unindex", "index")),
    f"DROP TABLE IF EXISTS {FTS_TABLE}",
]


PG_WORDS = "translations_segment_words"
PG_CREATE = (
    f"CREATE INDEX IF NOT EXISTS {PG_WORDS} ON translations_segment"
    " USING gin (to_tsvector('simple'::regconfig, COALESCE(source, ''::text)))"
    " WHERE state = 'translated' AND NOT obsolete"
)
PG_TRIGRAMS = "translations_segment_source_trgm"


def fill_hashes(apps, schema_editor):
    segment_model = apps.get_model("translations", "Segment")
    rows = list(segment_model.objects.only("id", "source"))
    for row in rows:
        text = " ".join(row.source.split())
        row.source_hash = hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()
    segment_model.objects.bulk_update(rows, ["source_hash"], batch_size=500)


def create_word_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(PG_CREATE)
        schema_editor.execute(f"DROP INDEX IF EXISTS {PG_TRIGRAMS}")


def drop_word_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {PG_WORDS}")
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {PG_TRIGRAMS} ON translations_segment USING gin (source gin_trgm_ops)"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0005_segment_history_editorial_review"),
    ]

    operations = [
        migrations.AddField(
            model_name="segment",
            name="source_hash",
            field=translations.models.SourceHashField(
                db_index=True, default="", editable=False, max_length=40, verbose_name="source text hash"
            ),
            preserve_default=False,
        ),
        migrations.RunPython(fill_hashes, migrations.RunPython.noop),
        migrations.RunPython(create_word_index, drop_word_index),
    ]
