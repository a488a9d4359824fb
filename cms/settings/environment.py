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
    """A Django CACHES entry for Redis, checking the URL's form first."""
    parts = urlsplit(url)
    if parts.scheme not in REDIS_SCHEMES or not (parts.hostname or parts.path):
        raise ImproperlyConfigured(f"{name} is not a Redis URL ({url!r}). Use for example redis://127.0.0.1:6379/0.")
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "carelingua",
    }
