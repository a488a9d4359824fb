"""The record of machine pre-translation jobs: one row per catalog and run, with its progress.

Imported at the end of ``translations/models.py`` so that the model belongs to the
``translations`` app.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["MachineTranslationJob"]

# A queued or running job that has not reported progress for this long was interrupted.
STALE_AFTER = timedelta(minutes=10)
MAX_PROBLEMS = 100


class MachineTranslationJobQuerySet(models.QuerySet):
    def active(self):
        """Queued or running, and still showing signs of life."""
        recent = timezone.now() - STALE_AFTER
        return self.filter(status__in=MachineTranslationJob.ACTIVE, updated_at__gte=recent)

    def stale(self):
        recent = timezone.now() - STALE_AFTER
        return self.filter(status__in=MachineTranslationJob.ACTIVE, updated_at__lt=recent)


class MachineTranslationJob(models.Model):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    STATUS_CHOICES = [
        (QUEUED, _("Queued")),
        (RUNNING, _("Running")),
        (DONE, _("Done")),
        (FAILED, _("Failed")),
    ]
    ACTIVE = (QUEUED, RUNNING)

    run = models.UUIDField(
        _("run"), default=uuid.uuid4, db_index=True, help_text=_("Jobs started together share a run.")
    )
    catalog = models.ForeignKey(
        "translations.TranslationCatalog",
        verbose_name=_("catalog"),
        on_delete=models.CASCADE,
        related_name="machine_jobs",
    )
    backend = models.CharField(_("machine translation service"), max_length=50)
    status = models.CharField(_("status"), max_length=20, choices=STATUS_CHOICES, default=QUEUED)
    total = models.PositiveIntegerField(_("segments to fill"), default=0)
    filled = models.PositiveIntegerField(_("segments filled"), default=0)
    rejected = models.PositiveIntegerField(
        _("suggestions rejected"), default=0, help_text=_("Answers that broke a placeholder or term, not stored.")
    )
    skipped = models.PositiveIntegerField(
        _("segments skipped"), default=0, help_text=_("Segments a translator saved while the job ran.")
    )
    problems = models.JSONField(
        _("problems"), default=list, blank=True, help_text=_("The reason for each rejected suggestion.")
    )
    error = models.TextField(_("error"), blank=True, help_text=_("Why the job stopped, if it failed."))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    objects = MachineTranslationJobQuerySet.as_manager()

    class Meta:
        verbose_name = _("machine translation job")
        verbose_name_plural = _("machine translation jobs")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.backend}: {self.catalog_id} ({self.status})"

    @property
    def done(self):
        """Segments dealt with so far: filled, rejected or skipped."""
        return self.filled + self.rejected + self.skipped

    @property
    def errors(self):
        return self.rejected + (1 if self.error else 0)

    @property
    def is_active(self):
        return self.status in self.ACTIVE and self.updated_at >= timezone.now() - STALE_AFTER

    @property
    def percent(self):
        if self.status == self.DONE or not self.total:
            return 100 if self.status == self.DONE else 0
        return 100 * self.done // self.total
