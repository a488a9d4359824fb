"""Translation catalogs and their segments.

A catalog holds the translation of one translatable object (a page or a snippet) into one
language. Its segments are Babel messages kept as rows, so a translator's work is saved one
segment at a time, can be searched and locked, and is never lost when the source changes:
a Babel ``Catalog`` is built from the rows whenever a whole catalog is needed.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connections, models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Revision


class TranslationCatalog(models.Model):
    # The source object, identified as Wagtail identifies translations of one another.
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("content type"), on_delete=models.CASCADE, related_name="+"
    )
    translation_key = models.UUIDField(_("translation key"), db_index=True)
    source_locale = models.ForeignKey(
        Locale, verbose_name=_("source language"), on_delete=models.CASCADE, related_name="+"
    )
    target_locale = models.ForeignKey(
        Locale, verbose_name=_("target language"), on_delete=models.CASCADE, related_name="+"
    )
    source_revision = models.ForeignKey(
        Revision,
        verbose_name=_("source revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The revision of the source the segments were last extracted from."),
    )
    built_revision = models.ForeignKey(
        Revision,
        verbose_name=_("built revision"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The draft revision of the translation last built from this catalog."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    synced_at = models.DateTimeField(_("synced at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("translation catalog")
        verbose_name_plural = _("translation catalogs")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "translation_key", "target_locale"], name="unique_catalog_per_language"
            )
        ]

    def __str__(self):
        return f"{self.source_object} ({self.target_locale.language_code})"

    @cached_property
    def model(self):
        return self.content_type.model_class()

    def _object_in(self, locale):
        manager = self.model._default_manager
        return manager.filter(translation_key=self.translation_key, locale=locale).first()

    @cached_property
    def source_object(self):
        obj = self._object_in(self.source_locale_id)
        return obj.specific if hasattr(obj, "specific") else obj

    @cached_property
    def target_object(self):
        obj = self._object_in(self.target_locale_id)
        return obj.specific if obj is not None and hasattr(obj, "specific") else obj

    @property
    def logged_object(self):
        """Where the audit log records this catalog's events: the translation, or its source
        while the translation does not exist (a snippet before its first build)."""
        return self.target_object or self.source_object


def normalised(text):
    """A source text as the translation memory compares it: surrounding and repeated whitespace dropped."""
    return " ".join(text.split())


def source_hash(text):
    return hashlib.sha1(normalised(text).encode(), usedforsecurity=False).hexdigest()


class SourceHashField(models.CharField):
    """The hash of a row's normalised source text, computed whenever the row is written
    (``save``, ``bulk_create``, ``write_rows``, ``insert_rows``), as ``auto_now`` fills a date.
    Its index lets the translation memory find exact matches without reading every row."""

    def __init__(self, *args, source_field="source", **kwargs):
        self.source_field = source_field
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("editable", False)
        kwargs.setdefault("db_index", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.source_field != "source":
            kwargs["source_field"] = self.source_field
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = source_hash(getattr(model_instance, self.source_field))
        setattr(model_instance, self.attname, value)
        return value


FALLBACK_BATCH_SIZE = 500


def updates_from_values(connection):
    """Whether the database runs ``WITH v AS (VALUES ...) UPDATE t SET ... FROM v``."""
    if connection.vendor == "sqlite":
        return connection.Database.sqlite_version_info >= (3, 33)
    return connection.vendor == "postgresql"


class SegmentQuerySet(models.QuerySet):
    def write_rows(self, rows, fields, batch_size=2000):
        """Save some fields of many segments: one UPDATE ... FROM (VALUES ...) per batch where the
        database has it (PostgreSQL, SQLite 3.33 and later), else Django's ``bulk_update``.

        ``bulk_update`` writes a CASE with one branch per row for every column, which SQLite
        evaluates in quadratic time: minutes for a 5,000-segment catalog. UPDATE ... FROM takes
        linear time. MySQL and MariaDB have no UPDATE ... FROM; there ``bulk_update`` runs in
        batches small enough that its CASE stays cheap.
        """
        connection = connections[self.db]
        if not updates_from_values(connection):
            for row in rows:  # derived values (the source hash) are computed as on save
                for name in fields:
                    self.model._meta.get_field(name).pre_save(row, False)
            self.bulk_update(rows, fields, batch_size=FALLBACK_BATCH_SIZE)
            return
        quote = connection.ops.quote_name
        model_fields = [self.model._meta.get_field(name) for name in fields]
        columns = ["id", *(field.column for field in model_fields)]
        cast = connection.vendor == "postgresql"
        types = [self.model._meta.pk.db_type(connection), *(field.db_type(connection) for field in model_fields)]
        cell = [
            "CAST(%s AS {})".format(t.split("(")[0] if t.startswith("varchar") else t) if cast else "%s" for t in types
        ]
        table = quote(self.model._meta.db_table)
        assignments = ", ".join(f"{quote(column)} = v.{quote(column)}" for column in columns[1:])
        for start in range(0, len(rows), batch_size):
            batch = rows[start : start + batch_size]
            values = ", ".join("(" + ", ".join(cell) + ")" for _row in batch)
            params = []
            for row in batch:
                params.append(row.pk)
                params.extend(field.get_db_prep_save(field.pre_save(row, False), connection) for field in model_fields)
            # Identifiers are quoted model metadata; every value is a parameter.
            head = f"WITH v({', '.join(quote(c) for c in columns)}) AS (VALUES {values}) "
            sql = head + f"UPDATE {table} SET {assignments} FROM v WHERE {table}.{quote('id')} = v.{quote('id')}"  # noqa: S608
            with connection.cursor() as cursor:
                cursor.execute(sql, params)

    def insert_rows(self, fields, rows):
        """Insert rows (tuples of values for ``fields``; other fields take their defaults, and a
        source hash is computed from its source) with one ``executemany``, portable to every
        database Django supports.

        ``bulk_create`` builds a model instance per row and compiles every value through
        the ORM; for a new 5,000-segment catalog that was most of the time it took.
        """
        connection = connections[self.db]
        quote = connection.ops.quote_name
        given = [self.model._meta.get_field(name) for name in fields]
        hashes = [f for f in self.model._meta.concrete_fields if isinstance(f, SourceHashField) and f not in given]
        sources = [fields.index(f.source_field) for f in hashes]
        others = [f for f in self.model._meta.concrete_fields if not f.primary_key and f not in given + hashes]
        defaults = [f.get_db_prep_save(f.get_default(), connection) for f in others]
        columns = ", ".join(quote(field.column) for field in [*given, *hashes, *others])
        marks = ", ".join(["%s"] * (len(given) + len(hashes) + len(others)))
        # Identifiers are quoted model metadata; every value is a parameter.
        sql = f"INSERT INTO {quote(self.model._meta.db_table)} ({columns}) VALUES ({marks})"  # noqa: S608
        prepared = (
            [
                *(field.get_db_prep_save(value, connection) for field, value in zip(given, row, strict=True)),
                *(source_hash(row[index]) for index in sources),
                *defaults,
            ]
            for row in rows
        )
        with connection.cursor() as cursor:
            cursor.executemany(sql, prepared)

    def current(self):
        """Segments the source still has (obsolete ones are kept, but not shown as work)."""
        return self.filter(obsolete=False)

    def unfinished(self):
        return self.current().exclude(state=Segment.TRANSLATED)


class Segment(models.Model):
    UNTRANSLATED = "untranslated"
    FUZZY = "fuzzy"
    MACHINE = "machine"
    TRANSLATED = "translated"
    STATE_CHOICES = [
        (UNTRANSLATED, _("Untranslated")),
        (FUZZY, _("Needs review")),
        (MACHINE, _("Machine suggestion")),
        (TRANSLATED, _("Translated")),
    ]

    catalog = models.ForeignKey(
        TranslationCatalog, verbose_name=_("catalog"), on_delete=models.CASCADE, related_name="segments"
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    context = models.CharField(_("context"), max_length=255, help_text=_("Where the text sits in the source."))
    label = models.CharField(_("label"), max_length=255, blank=True)
    source = models.TextField(_("source text"))
    source_hash = SourceHashField(_("source text hash"))
    translation = models.TextField(_("translation"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=STATE_CHOICES, default=UNTRANSLATED)
    previous_source = models.TextField(
        _("previous source text"), blank=True, help_text=_("The source text the translation was made for.")
    )
    obsolete = models.BooleanField(_("obsolete"), default=False)
    machine_backend = models.CharField(_("machine translation service"), max_length=50, blank=True)
    updated_at = models.DateTimeField(_("updated at"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    version = models.PositiveIntegerField(
        _("version"), default=0, help_text=_("Counts saved changes; a save based on an older version is a conflict.")
    )

    objects = SegmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segments")
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["catalog", "context"], name="unique_segment_context")]

    def __str__(self):
        return self.context

    @classmethod
    def state_for(cls, translation, needs_review):
        """The state a translation is saved in: untranslated if empty, else done or needing review
        (a fuzzy PO entry, or the editor's “needs review” box)."""
        if not translation.strip():
            return cls.UNTRANSLATED
        return cls.FUZZY if needs_review else cls.TRANSLATED

    @property
    def is_done(self):
        return self.state == self.TRANSLATED and not self.obsolete


class SegmentChange(models.Model):
    """One change to a segment's translation or state, on the record: who (a person, a machine
    translation service run by a person, or the system when the source changed), how, and the
    text it left. Four eyes are decided from this history: a last-saver field would forget an
    earlier author as soon as someone else saved the same text again."""

    EDITOR = "editor"
    PO_IMPORT = "po_import"
    MACHINE = "machine"
    SYNC = "sync"
    VIA_CHOICES = [
        (EDITOR, _("Translation editor")),
        (PO_IMPORT, _("PO file import")),
        (MACHINE, _("Machine translation")),
        (SYNC, _("Source changed")),
    ]

    segment = models.ForeignKey(Segment, verbose_name=_("segment"), on_delete=models.CASCADE, related_name="changes")
    catalog = models.ForeignKey(
        TranslationCatalog, verbose_name=_("catalog"), on_delete=models.CASCADE, related_name="segment_changes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person who made the change, or who ran the machine translation."),
    )
    via = models.CharField(_("via"), max_length=20, choices=VIA_CHOICES)
    machine_backend = models.CharField(_("machine translation service"), max_length=50, blank=True)
    translation = models.TextField(_("translation"), blank=True)
    state = models.CharField(_("state"), max_length=20, choices=Segment.STATE_CHOICES)
    created_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("segment change")
        verbose_name_plural = _("segment changes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.segment} ({self.get_via_display()})"

    @classmethod
    def record(cls, segments, user, via, machine_backend=""):
        """Write one history row per segment, as each segment now is: one query."""
        now = timezone.now()
        cls.objects.bulk_create(
            cls(
                segment_id=segment.pk,
                catalog_id=segment.catalog_id,
                user=user,
                via=via,
                machine_backend=machine_backend,
                translation=segment.translation,
                state=segment.state,
                created_at=now,
            )
            for segment in segments
        )


# The app's other models live beside the code that uses them; importable from here too.
from .glossary_terms import GlossaryTerm  # noqa: E402
from .machine.models import MachineTranslationJob  # noqa: E402
from .review_models import (  # noqa: E402
    EditorialReviewTask,
    LinguisticReviewTask,
    LocaleReviewTask,
    MedicalReviewTask,
    ReviewerProfile,
    SignOff,
)

__all__ = [
    "EditorialReviewTask",
    "GlossaryTerm",
    "LinguisticReviewTask",
    "LocaleReviewTask",
    "MachineTranslationJob",
    "MedicalReviewTask",
    "ReviewerProfile",
    "Segment",
    "SegmentChange",
    "SignOff",
    "TranslationCatalog",
]
