"""Pre-translate catalogs: fill untranslated segments with machine suggestions.

``StartMachineTranslation`` checks everything before any work starts (permission, the
service's configuration, each language pair with the service itself) and queues one job
per catalog, run by django-tasks once the transaction commits. ``PreTranslateCatalog``
runs one job; views, the task, the management command and tests all use these two.

What keeps translators' work safe:

- only untranslated segments are filled. Translated ones, fuzzy ones (a person's earlier
  text for a changed source) and earlier machine suggestions are never touched;
- each chunk of suggestions is stored with one conditional UPDATE (still untranslated, same
  version as read), so a segment a translator saved while the job ran is skipped, not
  overwritten;
- suggestions are stored as machine suggestions: unfinished until a person confirms or
  edits them (ISO 18587), so a page cannot be built from them;
- each chunk commits on its own: a failing service stops the job and leaves every other
  segment as it was, and running the job again fills only what is still missing;
- a job runs holding its lock (``liveness``): a worker killed mid-job leaves a job that is
  known to be interrupted at once, and ``ResumeInterruptedJobs`` (run when a worker starts,
  ``manage.py resume_machine_translation``) queues it again; it goes on from where it stopped.
"""

import operator
from functools import partial, reduce
from itertools import islice

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Case, F, Q, Value, When
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..models import Segment, SegmentChange
from ..permissions import can_edit_translation, can_start_translation
from .audit import LOG_ACTION
from .backends import ConfigurationError, ServiceError, default_backend_name, get_backend, machine_settings
from .liveness import holding, interrupted
from .models import MAX_PROBLEMS, MachineTranslationJob
from .tasks import machine_translate_task
from .translator import MachineTranslator

CHUNK_SIZE = 50  # segments stored per transaction: two queries per chunk, whatever the service's batch size


def can_pretranslate(user, catalog):
    """Translators of the language, and editors of the source (who pre-translate whole sections)."""
    return can_edit_translation(user, catalog) or can_start_translation(user, catalog.source_object)


def terms_for(catalog):
    """Glossary terms to protect: ``TERMS`` in the settings names a callable(catalog) returning a list of
    terms, or a mapping from term to approved rendering. None by default."""
    path = machine_settings().get("TERMS")
    return import_string(path)(catalog) if path else None


def languages(catalog):
    return catalog.source_locale.language_code, catalog.target_locale.language_code


class StartMachineTranslation:
    """Check, then queue one pre-translation job per catalog. Nothing is queued if anything is wrong."""

    def __init__(self, catalogs, backend=None, user=None):
        self.catalogs = list(catalogs)
        self.backend = backend or default_backend_name()
        self.user = user

    def check(self):
        if not self.catalogs:
            raise ValidationError(_("Choose at least one translation to pre-translate."))
        if self.user is not None and not all(can_pretranslate(self.user, catalog) for catalog in self.catalogs):
            raise PermissionDenied(_("You may only pre-translate translations you can edit."))
        jobs = MachineTranslationJob.objects.filter(catalog__in=self.catalogs)
        stopped = [job.pk for job in interrupted(jobs)]
        busy = jobs.active().exclude(pk__in=stopped).select_related("catalog")
        if busy:
            raise ValidationError(
                _("A pre-translation of %(catalog)s is already running. Wait for it to finish.")
                % {"catalog": busy[0].catalog}
            )
        try:
            backend = get_backend(self.backend)
            for pair in dict.fromkeys(languages(catalog) for catalog in self.catalogs):
                backend.prepare(*pair)
        except (ConfigurationError, ServiceError) as error:
            raise ValidationError(str(error), code="configuration") from error

    def execute(self, enqueue=True):
        """Create the jobs of one run; queue them after the commit unless ``enqueue`` is False (the
        management command runs them itself, to show progress). The check asks the service over
        the network, so it runs before the transaction opens."""
        self.check()
        with transaction.atomic():
            return self._create(enqueue)

    def _create(self, enqueue):
        MachineTranslationJob.objects.stale().filter(catalog__in=self.catalogs).update(
            status=MachineTranslationJob.FAILED,
            error=_("Interrupted: no progress for a long time."),
            finished_at=timezone.now(),
        )
        stopped = [job.pk for job in interrupted(MachineTranslationJob.objects.filter(catalog__in=self.catalogs))]
        MachineTranslationJob.objects.filter(pk__in=stopped).update(
            status=MachineTranslationJob.FAILED, error=_("Interrupted: its worker stopped."), finished_at=timezone.now()
        )
        first = MachineTranslationJob(catalog=self.catalogs[0], backend=self.backend, requested_by=self.user)
        jobs = [first] + [
            MachineTranslationJob(run=first.run, catalog=catalog, backend=self.backend, requested_by=self.user)
            for catalog in self.catalogs[1:]
        ]
        jobs = MachineTranslationJob.objects.bulk_create(jobs)
        if enqueue:
            for job in jobs:
                transaction.on_commit(partial(machine_translate_task.enqueue, job.pk))
        return jobs


class ResumeInterruptedJobs:
    """Queue again every job whose worker stopped in the middle of it (killed, crashed, its machine
    lost). The job goes on from where it stopped: each chunk it stored was committed with its
    counts, and it fills only segments still untranslated, so no segment is written twice and
    none is lost. Returns the ids of the jobs queued."""

    def execute(self):
        resumed = [job.pk for job in interrupted() if self._requeue(job.pk)]
        for job_id in resumed:  # queued once this process no longer holds their locks
            machine_translate_task.enqueue(job_id)
        return resumed

    def _requeue(self, job_id):
        with holding(job_id) as mine:  # a worker that took it up meanwhile holds it
            running = MachineTranslationJob.objects.filter(pk=job_id, status=MachineTranslationJob.RUNNING)
            return mine and running.update(status=MachineTranslationJob.QUEUED, updated_at=timezone.now()) == 1


def chunks(items, size):
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


class PreTranslateCatalog:
    """Run one job: fill its catalog's untranslated segments, chunk by chunk, recording progress."""

    def __init__(self, job, translator=None, on_progress=None, chunk_size=CHUNK_SIZE):
        self.job = job
        self.catalog = job.catalog
        self.translator = translator
        self.on_progress = on_progress or (lambda job: None)
        self.chunk_size = chunk_size

    def execute(self):
        """Run the job unless another process runs it (it holds the lock) or it has ended."""
        with holding(self.job.pk) as mine:
            self.job.refresh_from_db(fields=["status", "started_at", "filled", "skipped"])
            if mine and self.job.status == MachineTranslationJob.QUEUED:
                self._run()
        return self.job

    def _run(self):
        self._save(status=MachineTranslationJob.RUNNING, started_at=self.job.started_at or timezone.now())
        try:
            translator = self.translator or self._translator()
            rows = list(
                self.catalog.segments.current()
                .filter(state=Segment.UNTRANSLATED)
                .order_by("position")
                .values_list("pk", "context", "source", "version")
            )
            # A resumed job counts what it filled before; rejected segments are tried again.
            self._save(total=self.job.filled + self.job.skipped + len(rows), rejected=0, problems=[])
            self.on_progress(self.job)
            for chunk in chunks(rows, self.chunk_size):
                self._store(chunk, translator.translate([source for _pk, _context, source, _version in chunk]))
                self.on_progress(self.job)
        except (ServiceError, ConfigurationError) as error:
            self._finish(MachineTranslationJob.FAILED, str(error))
        except Exception as error:
            self._finish(
                MachineTranslationJob.FAILED, _("Stopped by an unexpected error: %(error)r") % {"error": error}
            )
            raise
        else:
            self._finish(MachineTranslationJob.DONE)

    def _translator(self):
        return MachineTranslator.create(*languages(self.catalog), self.job.backend, terms_for(self.catalog)).prepare()

    def _store(self, chunk, suggestions):
        pairs = list(zip(chunk, suggestions, strict=True))
        fills = {pk: (version, s.text) for (pk, _context, _source, version), s in pairs if s.text}
        problems = [{"context": row[1], "reason": s.problem} for row, s in pairs if s.problem]
        with transaction.atomic():
            filled = self._fill(fills) if fills else 0
            self._save(
                filled=self.job.filled + filled,
                skipped=self.job.skipped + len(fills) - filled,
                rejected=self.job.rejected + len(problems),
                problems=(self.job.problems + problems)[:MAX_PROBLEMS],
            )

    def _fill(self, fills):
        """One UPDATE for the chunk, applied only to rows still untranslated at the version read."""
        unchanged = reduce(operator.or_, (Q(pk=pk, version=version) for pk, (version, _text) in fills.items()))
        texts = [When(pk=pk, then=Value(text)) for pk, (_version, text) in fills.items()]
        now = timezone.now()
        filled = Segment.objects.filter(unchanged, state=Segment.UNTRANSLATED, obsolete=False).update(
            translation=Case(*texts, output_field=models.TextField()),
            state=Segment.MACHINE,
            machine_backend=self.job.backend,
            version=F("version") + 1,
            updated_at=now,
            updated_by=None,
        )
        # The history names the service and the person who ran it (four eyes: they are an author).
        written = Segment.objects.filter(pk__in=fills, state=Segment.MACHINE, updated_at=now)
        SegmentChange.record(written, self.job.requested_by, SegmentChange.MACHINE, self.job.backend)
        return filled

    def _save(self, **fields):
        for name, value in {**fields, "updated_at": timezone.now()}.items():
            setattr(self.job, name, value)
        self.job.save(update_fields=[*fields, "updated_at"])

    def _finish(self, status, error=""):
        self._save(status=status, error=error, finished_at=timezone.now())
        target = self.catalog.target_object
        if target is not None:
            job = self.job
            data = {
                "service": job.backend,
                "language": self.catalog.target_locale.language_code,
                "filled": job.filled,
                "errors": job.errors,
                "rejected": job.rejected,
                "skipped": job.skipped,
                "status": status,
                "error": error,
            }
            log(instance=target, action=LOG_ACTION, user=job.requested_by, data=data)
