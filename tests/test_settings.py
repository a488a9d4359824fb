"""Production settings: no insecure defaults, and clear errors for missing configuration."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.settings.environment import database_from_url, redis_cache_from_url, redis_caches_from_url

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k7#Qz!v2mW9@pL4xR8$tN1&cB6^yH3*eJ5(uF0)sD-gA=oI+Ty",
    "ALLOWED_HOSTS": "health.example.org",
    "DATABASE_URL": "sqlite:////tmp/carelingua-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args, env):
    clean = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True
    )


def test_check_deploy_with_production_settings_reports_nothing():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("name", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without_a_required_variable(name):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != name}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"The environment variable {name} must be set." in result.stderr


@pytest.mark.parametrize(
    ("name", "value"),
    [("DATABASE_URL", "postgres//no-scheme"), ("DATABASE_URL", "mysqlx://h/db"), ("REDIS_URL", "http://cache:6379")],
)
def test_production_names_a_malformed_url_variable(name, value):
    result = manage("check", env={**PRODUCTION_ENV, name: value})
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert f"{name} is not a" in result.stderr


@pytest.mark.parametrize(
    "value",
    ["redis//:s3cret-pw@cache:6379/0", "redis://:s3cret-pw/x@cache:6379/0", "http://user:s3cret-pw@cache:6379"],
)
def test_a_malformed_redis_url_is_named_without_its_password(value):
    result = manage("check", env={**PRODUCTION_ENV, "REDIS_URL": value})
    assert result.returncode != 0
    assert "REDIS_URL is not a Redis URL" in result.stderr
    assert "s3cret" not in result.stderr + result.stdout


def test_database_url_becomes_a_django_database():
    config = database_from_url("postgres://carelingua:pw@db.internal:5432/carelingua")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5432, "carelingua")


def test_database_url_without_a_database_name_is_refused():
    with pytest.raises(ImproperlyConfigured, match="names no database"):
        database_from_url("postgres://carelingua@db.internal:5432/")


def test_redis_url_becomes_a_redis_cache():
    assert redis_cache_from_url("redis://127.0.0.1:6379/1")["BACKEND"].endswith("RedisCache")
    with pytest.raises(ImproperlyConfigured, match="REDIS_URL"):
        redis_cache_from_url("127.0.0.1:6379")


def test_on_redis_wagtails_cache_ignores_errors_and_the_page_cache_sees_them():
    caches = redis_caches_from_url("redis://127.0.0.1:6379/1")
    assert {alias: entry["OPTIONS"]["IGNORE_EXCEPTIONS"] for alias, entry in caches.items()} == {
        "default": True,
        "pages": False,
    }
    assert {entry["LOCATION"] for entry in caches.values()} == {"redis://127.0.0.1:6379/1"}


def test_production_keeps_checked_database_connections_and_fault_tolerant_caches():
    code = (
        "import json; from django.conf import settings as s; db = s.DATABASES['default']; "
        "print(json.dumps([db['CONN_MAX_AGE'], db['CONN_HEALTH_CHECKS'], s.CMS_PAGE_CACHE_ALIAS, "
        "{a: c['OPTIONS']['IGNORE_EXCEPTIONS'] for a, c in s.CACHES.items()}, s.MIDDLEWARE[0]]))"
    )
    result = manage("shell", "-c", code, env={**PRODUCTION_ENV, "CONN_MAX_AGE": "120"})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == [
        120,
        True,
        "pages",
        {"default": True, "pages": False},
        "cms.health.HealthCheckMiddleware",
    ]
