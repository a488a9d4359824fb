"""/healthz for load balancers, and a 503 rather than a 500 while the database does not answer."""

import json

import pytest
from django.db import OperationalError, connection
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client, override_settings

from cms import cache as page_cache_module
from cms.settings.environment import redis_caches_from_url
from tests.servers import closed_port

pytestmark = pytest.mark.django_db


def healthz(client=None, **headers):
    response = (client or Client()).get("/healthz", **headers)
    return response.status_code, json.loads(response.content), response


@pytest.fixture
def database_down(monkeypatch):
    """Every new cursor fails as a stopped PostgreSQL makes it fail."""

    def refuse(*args, **kwargs):
        raise OperationalError("connection to server failed: Connection refused")

    monkeypatch.setattr(connection, "cursor", refuse)


def test_all_well_is_200_naming_each_check():
    status, body, _ = healthz()
    assert status == 200
    assert body == {"status": "ok", "checks": {"database": "ok", "migrations": "ok", "cache": "ok"}}


def test_it_is_never_cached():
    _, _, response = healthz()
    assert "no-store" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


@override_settings(ALLOWED_HOSTS=["carelingua.example"], SECURE_SSL_REDIRECT=True)
def test_a_load_balancer_may_ask_by_the_servers_address_over_plain_http():
    status, body, _ = healthz(HTTP_HOST="10.0.3.17:8000")
    assert (status, body["status"]) == (200, "ok")
    assert Client().get("/en/", HTTP_HOST="10.0.3.17:8000").status_code == 400  # everything else is checked


def test_a_pending_migration_is_503_naming_it(monkeypatch):
    applied = MigrationRecorder.applied_migrations

    def without_latest(recorder):
        return {key: value for key, value in applied(recorder).items() if key != ("cms", "0005_region_translations")}

    monkeypatch.setattr(MigrationRecorder, "applied_migrations", without_latest)
    status, body, _ = healthz()
    assert status == 503
    assert body["checks"]["migrations"] == "pending: cms.0005_region_translations"
    assert body["status"] == "unavailable"


def test_a_database_that_does_not_answer_is_503_without_its_error_text(database_down, caplog):
    status, body, _ = healthz()
    assert status == 503
    assert body["checks"] == {"database": "unreachable", "migrations": "not checked", "cache": "ok"}
    assert "Connection refused" in caplog.text and "Connection refused" not in json.dumps(body)


def test_an_unreachable_cache_is_reported_but_keeps_the_server_in_rotation(monkeypatch):
    monkeypatch.setattr(page_cache_module, "outage", page_cache_module.Outage())
    with override_settings(CACHES=redis_caches_from_url(f"redis://127.0.0.1:{closed_port()}/0")):
        status, body, _ = healthz()
    assert status == 200
    assert body == {"status": "degraded", "checks": {"database": "ok", "migrations": "ok", "cache": "unreachable"}}


def test_a_page_while_the_database_does_not_answer_is_503_with_retry_after(demo, database_down):
    response = Client(raise_request_exception=False).get("/en/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Try again later." in response.content.decode()


def test_other_errors_stay_500(demo, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("a bug")

    monkeypatch.setattr("cms.views.search_terms", broken)
    response = Client(raise_request_exception=False).get("/en/search/?q=x")
    assert response.status_code == 500 and "Retry-After" not in response
