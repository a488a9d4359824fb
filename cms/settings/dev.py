"""Settings for a developer's machine and `make demo`. Never use these in production."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, STORAGES

DEBUG = True
SECRET_KEY = "carelingua-development-only-not-secret"  # noqa: S105 (development only)
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
INSTALLED_APPS = ["whitenoise.runserver_nostatic", *INSTALLED_APPS]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
