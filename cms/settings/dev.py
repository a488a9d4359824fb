"""Settings for a developer's machine and `make demo`. Never use these in production."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES
from .environment import whole_number

DEBUG = True
SECRET_KEY = "carelingua-development-only-not-secret"  # noqa: S105 (development only)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
# Off on a developer's machine unless asked for, so template and CSS edits show at once.
CMS_PAGE_CACHE_SECONDS = whole_number("CMS_PAGE_CACHE_SECONDS", 0)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
