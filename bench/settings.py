"""Benchmark settings: the test settings, with background work queued as in production.

Wagtail hands search and reference indexing of a saved page to the task queue; in
production a `db_worker` runs it after the request. The test settings run every task at
once (the immediate backend), which would count the worker's work as the editor's wait.
"""

from cms.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
