"""Reading configuration from the environment, with errors that name the variable."""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

REDIS_SCHEMES = ("redis", "rediss", "unix")
REDIS_TIMEOUT = 1  # seconds


def require(name):
    """The value of a variable that must be set, or a start-up error naming it."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def whole_number(name, default):
    """A variable holding a whole number of zero or more, or a start-up error naming it."""
    value = os.environ.get(name, "").strip() or str(default)
    if not value.isdigit():
        raise ImproperlyConfigured(f"The environment variable {name} must be a whole number, not {value!r}.")
    return int(value)


def database_from_url(url, name="DATABASE_URL"):
    """A Django DATABASES entry from a URL such as postgres://user@host:5432/db."""
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except (ValueError, KeyError) as error:
        raise ImproperlyConfigured(
            f"{name} is not a database URL Carelingua understands ({error}). "
            "Use for example postgres://user:password@host:5432/carelingua or sqlite:////path/to/db.sqlite3."
        ) from error
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} names no database: add the database name after the last slash.")
    return config


def redis_cache_from_url(url, name="REDIS_URL", ignore_errors=True):
    """A Django CACHES entry for Redis (django-redis), checking the URL's form first.

    With ``ignore_errors`` (Wagtail's and Django's own cache use), an unreachable Redis reads as a
    miss and a write is dropped, so no request fails because of it. The page cache
    (cms/cache.py) uses an entry without it: it sees the error, serves the page uncached, logs a
    warning and purges what it could not when Redis answers again.
    """
    parts = urlsplit(url)
    if parts.scheme not in REDIS_SCHEMES or not (parts.hostname or parts.path):
        raise ImproperlyConfigured(f"{name} is not a Redis URL ({url!r}). Use for example redis://127.0.0.1:6379/0.")
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "carelingua",
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": ignore_errors,
            # Redis answers in well under a millisecond; a server that does not answer at all
            # (a network partition) costs each request at most this long per attempt.
            "SOCKET_CONNECT_TIMEOUT": REDIS_TIMEOUT,
            "SOCKET_TIMEOUT": REDIS_TIMEOUT,
        },
    }


def redis_caches_from_url(url, name="REDIS_URL"):
    """CACHES for a site on Redis: ``default`` for Wagtail and Django, ``pages`` for the page cache."""
    return {"default": redis_cache_from_url(url, name), "pages": redis_cache_from_url(url, name, ignore_errors=False)}
