"""Background work: pre-translation jobs, run by django-tasks (immediately in development, by
``manage.py db_worker`` in production; the worker needs the same machine translation settings)."""

from django_tasks import task


@task()
def machine_translate_task(job_id):
    from .jobs import PreTranslateCatalog
    from .models import MachineTranslationJob

    related = ("catalog__source_locale", "catalog__target_locale", "catalog__content_type", "requested_by")
    job = (
        MachineTranslationJob.objects.select_related(*related)
        .filter(pk=job_id, status=MachineTranslationJob.QUEUED)
        .first()
    )
    if job is None:  # already run, or replaced by a newer job
        return None
    PreTranslateCatalog(job).execute()
    return {"status": job.status, "filled": job.filled, "errors": job.errors}
