"""Production settings. Everything secret or site-specific comes from the environment,
and a missing or malformed value stops the start-up with an error naming the variable.

Required: SECRET_KEY, ALLOWED_HOSTS (comma-separated), DATABASE_URL, REDIS_URL.
Optional: WAGTAILADMIN_BASE_URL, CSRF_TRUSTED_ORIGINS (comma-separated), EMAIL_HOST and
friends, DEFAULT_FROM_EMAIL, CMS_DEFAULT_REGION, CMS_REGION_COUNTRY_HEADER, CONN_MAX_AGE,
the AWS_* variables of media on S3-compatible storage, SECURE_SSL_REDIRECT=0 (only to try
the site on one machine without its HTTPS proxy). README "Run in production" lists them all.
"""

import os

from .base import *  # noqa: F403
from .environment import database_from_url, redis_caches_from_url, require, whole_number

DEBUG = False
SECRET_KEY = require("SECRET_KEY")
ALLOWED_HOSTS = [host.strip() for host in require("ALLOWED_HOSTS").split(",") if host.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

# Connections are kept between requests for CONN_MAX_AGE seconds and checked before each
# request reuses one, so a restarted or failed-over database costs the requests made while it
# is down (a 503, cms.views.server_error), and the next ones connect again by themselves.
DATABASES = {"default": database_from_url(require("DATABASE_URL"))}
DATABASES["default"]["CONN_MAX_AGE"] = whole_number("CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
CACHES = redis_caches_from_url(require("REDIS_URL"))
CMS_PAGE_CACHE_ALIAS = "pages"

# Background work runs in a separate `manage.py db_worker` process.
TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
INSTALLED_APPS = [*INSTALLED_APPS, "django_tasks_db"]  # noqa: F405

# HTTPS only, behind a proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") != "0"
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "carelingua@localhost")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
