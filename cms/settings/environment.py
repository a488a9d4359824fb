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
    return _whole_number_in(os.environ, name, default)


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

    The error never repeats the URL: it may hold a password (a malformed one often does,
    when a password with "/" or "@" was not percent-encoded).

    With ``ignore_errors`` (Wagtail's and Django's own cache use), an unreachable Redis reads as a
    miss and a write is dropped, so no request fails because of it. The page cache
    (cms/cache.py) uses an entry without it: it sees the error, serves the page uncached, logs a
    warning and purges what it could not when Redis answers again.
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


def media_storage(environ=os.environ):
    """The STORAGES entry of media files (images, documents): an S3-compatible bucket when
    AWS_STORAGE_BUCKET_NAME is set, so that every server sees every upload, else local files.

    Credentials are boto3's own: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's
    role. AWS_S3_ENDPOINT_URL names a service other than Amazon's (MinIO, Ceph, R2, ...). The
    bucket stays private: links to files are signed and expire (AWS_QUERYSTRING_EXPIRE
    seconds, 3600, longer than the page cache keeps a page), unless AWS_S3_CUSTOM_DOMAIN
    names a CDN in front of it and AWS_QUERYSTRING_AUTH=0.
    """
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None,
        "region_name": environ.get("AWS_S3_REGION_NAME", "").strip() or None,
        "custom_domain": environ.get("AWS_S3_CUSTOM_DOMAIN", "").strip() or None,
        "location": environ.get("AWS_LOCATION", "").strip(),
        "querystring_auth": environ.get("AWS_QUERYSTRING_AUTH", "1").strip() != "0",
        "querystring_expire": _whole_number_in(environ, "AWS_QUERYSTRING_EXPIRE", 3600),
        "default_acl": None,  # the bucket's own policy: private
        "file_overwrite": False,  # two uploads of "leaflet.pdf" keep both
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def _whole_number_in(environ, name, default):
    value = environ.get(name, "").strip() or str(default)
    if not value.isdigit():
        raise ImproperlyConfigured(f"The environment variable {name} must be a whole number, not {value!r}.")
    return int(value)
