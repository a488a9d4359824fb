"""Redis down must cost speed, never a page: readers, the API, search and the admin keep
answering, uncached, with a logged warning, and caching resumes when Redis returns.

The caches are configured as production configures them (cms.settings.environment):
django-redis, ``default`` ignoring errors for Wagtail and Django, ``pages`` raising them to
the page cache, which decides. Once on a port where nothing listens, once on a redis-server
started for the test and stopped in the middle of it.
"""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import override_settings

from cms import cache as page_cache_module
from cms.cache import HEADER
from cms.settings.environment import redis_caches_from_url
from tests.factories import publish_reviewed
from tests.servers import REDIS_SERVER, RedisServer, closed_port

pytestmark = pytest.mark.django_db

needs_redis = pytest.mark.skipif(
    REDIS_SERVER is None, reason="needs Debian's redis-server (apt-get install redis-server)"
)


@pytest.fixture(autouse=True)
def _fresh_outage_state(monkeypatch):
    """Each test starts with a process that has seen no outage."""
    monkeypatch.setattr(page_cache_module, "outage", page_cache_module.Outage())


def redis_settings(url):
    return override_settings(
        CACHES=redis_caches_from_url(url), CMS_PAGE_CACHE_ALIAS="pages", CMS_PAGE_CACHE_SECONDS=600
    )


def state(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get(HEADER)


def every_surface(client, article):
    """Status of a public page, the API, search, and (logged in) the admin dashboard and page editor."""
    answers = {
        "page": client.get(article.url).status_code,
        "api": client.get("/api/v2/pages/?type=cms.ArticlePage&fields=title").status_code,
        "search": client.get("/en/search/", {"q": "ketamine"}).status_code,
    }
    client.force_login(get_user_model().objects.get(username="admin"))
    answers["admin"] = client.get("/admin/").status_code
    answers["editor"] = client.get(f"/admin/pages/{article.pk}/edit/").status_code
    client.logout()
    return answers


def test_with_redis_port_closed_every_surface_answers_uncached_and_warns_once(client, article, caplog):
    caplog.set_level(logging.WARNING, logger="cms.cache")
    with redis_settings(f"redis://127.0.0.1:{closed_port()}/0"):
        assert every_surface(client, article) == {"page": 200, "api": 200, "search": 200, "admin": 200, "editor": 200}
        assert state(client, article.url) is None  # served, neither from nor into the cache
        assert state(client, article.url) is None
    warnings = [r for r in caplog.records if r.name == "cms.cache"]
    assert len(warnings) == 1 and "unreachable" in warnings[0].getMessage()


def test_with_redis_port_closed_publishing_still_works(client, article):
    with redis_settings(f"redis://127.0.0.1:{closed_port()}/0"):
        article.title = "Published while Redis is down"
        article.save_revision()
        publish_reviewed(article)
        assert "Published while Redis is down" in client.get(article.url).content.decode()


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path).start()
    yield server
    server.stop()


@needs_redis
def test_redis_stopped_mid_run_then_back_caching_resumes(client, article, redis_server, caplog):
    caplog.set_level(logging.WARNING, logger="cms.cache")
    with redis_settings(redis_server.url):
        assert [state(client, article.url) for _ in range(2)] == ["miss", "hit"]
        redis_server.stop()
        assert every_surface(client, article) == {"page": 200, "api": 200, "search": 200, "admin": 200, "editor": 200}
        assert state(client, article.url) is None
        redis_server.start()  # empty, as a Redis without persistence comes back
        assert [state(client, article.url) for _ in range(2)] == ["miss", "hit"]
    messages = [r.getMessage() for r in caplog.records if r.name == "cms.cache"]
    assert messages[0].startswith("Page cache unreachable") and messages[-1].startswith("Page cache reachable again")


@needs_redis
def test_a_page_published_while_redis_was_down_is_not_served_stale_when_it_returns_with_its_data(
    client, article, redis_server
):
    """Redis comes back with the copies it had (persistence): the purge written while it was
    down was lost, so the first request to reach it renews every page's token."""
    with redis_settings(redis_server.url):
        assert [state(client, article.url) for _ in range(2)] == ["miss", "hit"]
        redis_server.stop(save=True)
        article.title = "Reviewed while Redis was down"
        article.save_revision()
        publish_reviewed(article)
        assert state(client, article.url) is None
        redis_server.start()
        response = client.get(article.url)
        assert response[HEADER] == "miss"
        assert "Reviewed while Redis was down" in response.content.decode()
        assert state(client, article.url) == "hit"


@needs_redis
def test_wagtails_own_cache_ignores_the_outage(redis_server):
    with redis_settings(redis_server.url):
        caches["default"].set("probe", 1)
        assert caches["default"].get("probe") == 1
        redis_server.stop()
        assert caches["default"].get("probe") is None
        caches["default"].set("probe", 2)  # dropped, not raised
