"""Settings for the test suite: fast hashing, local memory cache, immediate tasks."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

DEBUG = False
SECRET_KEY = "carelingua-tests-only"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
# django_tasks_db: its tables, for the production processes that share the test database
# (tests/servers.py); the suite itself runs tasks at once.
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db", "tests.testapp"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
CMS_PAGE_CACHE_ALIAS = "default"
# The page cache is off, so that a test that changes data behind Wagtail's back never reads a
# page another test rendered; tests/test_cache.py and the browser tests turn it on.
CMS_PAGE_CACHE_SECONDS = 0
# Local files whatever the environment says; tests/test_media_storage.py uses its own S3 server.
STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Machine translation: only the offline pseudo backend, whatever the developer's environment
# holds; tests add loopback services. Short timeouts, no waiting between retries.
CARELINGUA_MACHINE_TRANSLATION = {
    "DEFAULT": "pseudo",
    "TIMEOUT": "2",
    "RETRIES": "2",
    "BACKOFF": "0",
    "BACKENDS": {"pseudo": {"BACKEND": "translations.machine.pseudo.PseudoBackend"}},
}
