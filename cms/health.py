"""``/healthz`` for load balancers, and a clean 503 while the database is unreachable.

``/healthz`` answers 200 when this server can serve: the database answers and every migration
on disk is applied; 503 naming the failed part when not. The cache is checked too, but an
unreachable cache makes the answer "degraded", still 200: pages are then served uncached
(cms/cache.py), and a 503 from every server at once for a shared cache would take the whole
site out of the load balancer, the opposite of degrading. The answer is never cached.

It is a middleware, first in MIDDLEWARE, so that a load balancer can ask each server by its own
address over plain HTTP: no ALLOWED_HOSTS check, no HTTPS redirect, no session, no language.
"""

import functools
import json
import logging

from django.core.cache import caches
from django.db import DatabaseError, connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers

from .cache import UNREACHABLE, outage

PATH = "/healthz"
PROBE_KEY = "carelingua:healthz"
OK = "ok"

logger = logging.getLogger(__name__)


@functools.cache
def migrations_on_disk():
    """Every migration of the code this process runs (read from disk once)."""
    return frozenset(MigrationLoader(None, ignore_no_migrations=True).graph.nodes)


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return OK


def check_migrations():
    pending = sorted(migrations_on_disk() - set(MigrationRecorder(connection).applied_migrations()))
    return OK if not pending else "pending: " + ", ".join(f"{app}.{name}" for app, name in pending)


def check_cache():
    """Write and read back a value in each cache; ``default`` ignores errors, so a miss means down."""
    for alias in caches:
        cache = caches[alias]
        try:
            cache.set(PROBE_KEY, alias, timeout=10)
            found = cache.get(PROBE_KEY)
        except UNREACHABLE as error:
            outage.seen(error)
            return "unreachable"
        if found != alias:
            return "unreachable"
    return OK


def health():
    """(HTTP status, body) of the checks. A database that does not answer skips the migrations."""
    checks = {}
    try:
        checks["database"] = check_database()
        checks["migrations"] = check_migrations()
    except DatabaseError as error:
        logger.warning("Health check: database unreachable: %s", error)  # the reason stays in the log, not the answer
        checks.setdefault("database", "unreachable")
        checks.setdefault("migrations", "not checked")
    checks["cache"] = check_cache()
    if checks["database"] != OK or checks["migrations"] != OK:
        return 503, {"status": "unavailable", "checks": checks}
    return 200, {"status": OK if checks["cache"] == OK else "degraded", "checks": checks}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        status, body = health()
        response = HttpResponse(json.dumps(body), status=status, content_type="application/json")
        add_never_cache_headers(response)
        return response
