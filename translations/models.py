"""Translation catalogs and their segments.

A catalog holds the translation of one translatable object (a page or a snippet) into one
language. Its segments are Babel messages kept as rows, so a translator's work is saved one
segment at a time, can be searched and locked, and is never lost when the source changes:
a Babel ``Catalog`` is built from the rows whenever a whole catalog is needed.
"""

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
                params.extend(field.get_db_prep_save(getattr(row, field.attname), connection) for field in model_fields)
            # Identifiers are quoted model metadata; every value is a parameter.
            head = f"WITH v({', '.join(quote(c) for c in columns)}) AS (VALUES {values}) "
            sql = head + f"UPDATE {table} SET {assignments} FROM v WHERE {table}.{quote('id')} = v.{quote('id')}"  # noqa: S608
            with connection.cursor() as cursor:
                cursor.execute(sql, params)

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


from .machine.models import *  # noqa: E402,F401,F403
from .qa_models import *  # noqa: E402,F401,F403
from .review_models import *  # noqa: E402,F401,F403
