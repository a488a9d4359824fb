"""Reading configuration from the environment, with errors that name the variable."""

import os
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

REDIS_SCHEMES = ("redis", "rediss", "unix")


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


def redis_cache_from_url(url, name="REDIS_URL"):
    """A Django CACHES entry for Redis, checking the URL's form first.

    The error never repeats the URL: it may hold a password (a malformed one often does,
    when a password with "/" or "@" was not percent-encoded).
    """
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError:
        well_formed = False
    else:
        well_formed = parts.scheme in REDIS_SCHEMES and bool(parts.hostname or parts.path)
    if not well_formed:
        raise ImproperlyConfigured(
            f"{name} is not a Redis URL (its value is not shown: it may hold a password). "
            "Use for example redis://127.0.0.1:6379/0 or redis://:password@host:6379/0, "
            "with any / @ : or # in the password percent-encoded (%2F %40 %3A %23)."
        )
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "carelingua",
    }
