"""Faults the production topology survives, each on the real processes: gunicorn web servers and
a db_worker on production settings around the test database, a private redis-server, the
machine translation loopback service (tests/servers.py, tests/loopback.py). PostgreSQL only:
the other processes share the test database (skipped on SQLite, saying so).

Requests reach the servers as the HTTPS proxy sends them: ``Host: localhost`` and
``X-Forwarded-Proto: https``, so every server computes the same page cache keys.
"""

import time

import psycopg
import pytest
import requests
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import Locale

from cms.models import ArticlePage
from tests import loopback
from tests.browser.tools import load_demo_site
from tests.factories import untranslated
from tests.servers import Browser
from tests.workflow import attestation_post, edit, in_progress, submit, user
from translations.actions import CreateTranslation
from translations.machine.jobs import StartMachineTranslation
from translations.machine.liveness import interrupted
from translations.machine.models import MachineTranslationJob
from translations.models import Segment, SegmentChange
from translations.review import EDITORIAL, MEDICAL

pytestmark = pytest.mark.production

PROXY = {"Host": "localhost", "X-Forwarded-Proto": "https"}
SLUG = "esketamine-and-ketamine-for-depression"


def read(server, path):
    """(status, body, page cache state) of an anonymous reader's request through the proxy."""
    response = requests.get(server.url + path, headers=PROXY, timeout=30, allow_redirects=False)
    return response.status_code, response.text, response.headers.get("X-Carelingua-Cache")


def states(server, path, times=2):
    return [read(server, path)[2] for _ in range(times)]


@pytest.fixture
def article(topology):
    """The demo, committed for the servers to read (each test is transactional: the database is
    emptied after it). Search and reference indexing are left out: tasks only queued."""
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}):
        load_demo_site()
    return ArticlePage.objects.get(slug=SLUG, locale__language_code="en")


def approve_through(server, page, who, role):
    """A reviewer approves the page's current review step in the admin of ``server``."""
    browser = Browser().log_in(user(who))
    assert browser.get(server.url + "/admin/").status_code == 200  # the CSRF cookie, as the dashboard sets it
    task_state = in_progress(page).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
    response = browser.post(server.url + url, attestation_post(role))
    assert response.status_code in (200, 302), response.text[:500]


def test_a_page_published_through_one_server_is_new_on_the_other_at_once_and_no_draft_is_served(topology, article):
    first, second = topology.web(2)
    old_title, new_title = article.title, "Esketamine and ketamine: the reviewed 2027 update"
    topic = article.get_parent().url
    assert states(second, article.url) == ["miss", "hit"]
    assert states(second, topic) == ["miss", "hit"]

    edit(article, who="editor", title=new_title)
    submit(article, "editor")
    approve_through(first, article, "editorial_reviewer", EDITORIAL)
    for server in (first, second):  # a draft in review, half approved: nobody reads it
        status, body, _state = read(server, article.url)
        assert status == 200 and old_title in body and new_title not in body

    approve_through(first, article, "reviewer_en", MEDICAL)  # the last approval publishes
    status, body, state = read(second, article.url)
    assert (status, state) == (200, "miss") and new_title in body
    assert read(second, topic)[2] == "miss" and new_title in read(second, topic)[1]
    assert states(second, article.url) == ["hit", "hit"]
    assert ArticlePage.objects.get(pk=article.pk).title == new_title


def test_redis_stopped_mid_run_pages_api_search_and_admin_answer_then_caching_resumes(topology, article):
    first, second = topology.web(2)
    spanish = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="es")
    public = [article.url, spanish.url, "/api/v2/pages/?type=cms.ArticlePage&fields=title", "/es/search/?q=esketamina"]
    for server in (first, second):
        assert states(server, article.url) in (["miss", "hit"], ["hit", "hit"])

    topology.redis.stop()
    editor = Browser().log_in(user("editor"))
    for server in (first, second):
        assert [read(server, path)[0] for path in public] == [200, 200, 200, 200]
        assert read(server, article.url)[2] is None  # served, neither from nor into the cache
        assert editor.get(server.url + "/admin/").status_code == 200
        assert editor.get(f"{server.url}/admin/pages/{article.pk}/edit/").status_code == 200
        health = requests.get(server.url + "/healthz", timeout=10)
        assert (health.status_code, health.json()["checks"]["cache"]) == (200, "unreachable")
        assert "Page cache unreachable" in server.output()

    topology.redis.start()
    for server in (first, second):
        assert states(server, article.url) == ["miss", "hit"]
    assert requests.get(first.url + "/healthz", timeout=10).json()["status"] == "ok"


def wait_for(condition, seconds, what):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    pytest.fail(f"timed out waiting for {what}")


def machine_settings(url):
    return {
        "DEFAULT": "libretranslate",
        "TIMEOUT": "10",
        "RETRIES": "0",
        "BACKOFF": "0",
        "BACKENDS": {
            "libretranslate": {
                "BACKEND": "translations.machine.services.LibreTranslateBackend",
                "URL": url,
                "API_KEY": loopback.LIBRE_KEY,
            }
        },
    }


def test_a_worker_killed_mid_job_is_resumed_by_the_next_one_without_a_segment_written_twice_or_lost(topology, article):
    (catalog,) = CreateTranslation(untranslated(article, "pl"), [Locale.objects.get(language_code="pl")]).execute()
    to_fill = set(catalog.segments.current().filter(state=Segment.UNTRANSLATED).values_list("pk", flat=True))
    assert len(to_fill) > 100  # several chunks of 50

    with loopback.Loopback(lifetime=110, slow_seconds=0.2) as service:
        service.script(*["slow"] * 200)  # every answer takes a while: the job is killed in the middle
        worker_environment = {
            "CARELINGUA_MT_BACKEND": "libretranslate",
            "LIBRETRANSLATE_URL": service.url,
            "LIBRETRANSLATE_API_KEY": loopback.LIBRE_KEY,
        }
        worker = topology.worker(**worker_environment)
        queued = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
        with override_settings(TASKS=queued, CARELINGUA_MACHINE_TRANSLATION=machine_settings(service.url)):
            (job,) = StartMachineTranslation([catalog], "libretranslate", user("translator_pl")).execute()

        def progress():
            job.refresh_from_db()
            return job

        wait_for(lambda: progress().filled > 0, 60, "the first chunk of suggestions")
        worker.kill()  # SIGKILL: no clean-up of any kind
        killed_at = progress().filled
        assert 0 < killed_at < len(to_fill) and job.status == MachineTranslationJob.RUNNING
        assert [j.pk for j in interrupted()] == [job.pk]  # known at once, not after ten minutes
        translator = Client()
        translator.force_login(user("translator_pl"))
        progress_url = reverse("carelingua_machine:progress", args=[job.run])
        assert "Interrupted" in translator.get(progress_url).content.decode()

        topology.worker(**worker_environment)  # the restarted worker
        wait_for(lambda: progress().status not in MachineTranslationJob.ACTIVE, 60, "the resumed job to finish")

    assert (job.status, job.filled, job.total, job.percent, job.error) == ("done", len(to_fill), len(to_fill), 100, "")
    machine = catalog.segments.filter(pk__in=to_fill, state=Segment.MACHINE, translation__startswith="PL: ")
    assert set(machine.values_list("pk", flat=True)) == to_fill  # none lost
    writes = list(
        SegmentChange.objects.filter(catalog=catalog, via=SegmentChange.MACHINE).values_list("segment", flat=True)
    )
    assert sorted(writes) == sorted(to_fill)  # each written exactly once
    page = translator.get(progress_url).content.decode()
    assert "Interrupted" not in page and "Done" in page


def test_database_connections_cut_mid_run_answer_503_then_recover_without_a_restart(topology):
    """A restart of the shared PostgreSQL of this machine would stop everyone's databases: its
    effect on the site is made instead by refusing new connections to the test database and
    terminating the server's, then allowing connections again. Needs no content: the API
    answers an empty list as well as a full one."""
    (server,) = topology.web(1)
    api = "/api/v2/pages/?type=cms.ArticlePage&fields=title"
    assert read(server, api)[0] == 200
    pid = server.process.pid
    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        (own_pid,) = cursor.fetchone()
    admin = psycopg.connect(
        host=connection.settings_dict["HOST"] or "127.0.0.1",
        port=connection.settings_dict["PORT"] or 5432,
        user=connection.settings_dict["USER"],
        password=connection.settings_dict["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    try:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        terminated = admin.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = %s AND pid <> %s",
            [name, own_pid],
        ).fetchone()[0]
        assert terminated >= 1  # the server's kept connection
        for path in (api, "/es/"):
            response = requests.get(server.url + path, headers=PROXY, timeout=30, allow_redirects=False)
            assert (response.status_code, response.headers.get("Retry-After")) == (503, "30"), path
        assert 'href="/es/"' in response.text  # the site's error page, in the reader's language
        health = requests.get(server.url + "/healthz", timeout=10)
        assert (health.status_code, health.json()["checks"]["database"]) == (503, "unreachable")
    finally:
        admin.execute(f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        admin.close()
    assert requests.get(server.url + "/healthz", timeout=10).status_code == 200
    assert read(server, api)[0] == 200
    assert server.process.pid == pid and server.process.poll() is None  # the same server, never restarted
