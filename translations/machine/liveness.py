"""Which pre-translation jobs a worker is running right now.

A job runs while holding a PostgreSQL advisory lock on its worker's database session. A worker
that dies (SIGKILL, a crash, a lost machine) loses its session, and PostgreSQL releases the lock
at once: a running job whose lock nobody holds was interrupted, and is resumed
(``ResumeInterruptedJobs``), however recently it reported progress. Other databases have no
such locks; there a job counts as interrupted after ``STALE_AFTER`` without progress.
"""

from contextlib import contextmanager

from django.db import DatabaseError, connections, router

from .models import MachineTranslationJob

# The first key of this module's two-key advisory locks ("MT"); the second is the job's id.
LOCK_CLASS = 0x4D54
INT4 = 2**31 - 1


def _connection():
    return connections[router.db_for_write(MachineTranslationJob)]


def has_locks():
    return _connection().vendor == "postgresql"


def _key(job_id):
    return [LOCK_CLASS, job_id % INT4]


@contextmanager
def holding(job_id):
    """Hold the job's lock for the block; yields whether this session got it (False: another
    worker runs the job). Without advisory locks, always True."""
    if not has_locks():
        yield True
        return
    connection = _connection()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", _key(job_id))
        got = cursor.fetchone()[0]
    try:
        yield got
    finally:
        if got:
            _unlock(connection, job_id)


def _unlock(connection, job_id):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", _key(job_id))
    except DatabaseError:
        pass  # the session is gone, and its locks with it


def held(job_ids):
    """The ids among ``job_ids`` whose lock some session of this database holds."""
    job_ids = list(job_ids)
    if not job_ids or not has_locks():
        return set(job_ids)
    keys = {job_id % INT4: job_id for job_id in job_ids}
    with _connection().cursor() as cursor:
        cursor.execute(
            "SELECT objid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2"
            " AND classid = %s AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            " AND objid::bigint = ANY(%s)",
            [LOCK_CLASS, list(keys)],
        )
        return {keys[int(objid)] for (objid,) in cursor.fetchall()}


def interrupted(jobs=None):
    """Running jobs no worker runs: on PostgreSQL those whose lock is free, elsewhere the stale ones."""
    jobs = MachineTranslationJob.objects.all() if jobs is None else jobs
    if not has_locks():
        return jobs.stale().filter(status=MachineTranslationJob.RUNNING)
    running = jobs.filter(status=MachineTranslationJob.RUNNING)
    return running.exclude(pk__in=held(running.values_list("pk", flat=True)))
