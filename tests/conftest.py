import io

import pytest
from django.core.management import call_command


def run_command(*args, **options):
    """Run a management command; return what it printed."""
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=out, **options)
    return out.getvalue()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the demo site once into the test database; each test runs in a transaction that
    is rolled back, so every test starts from the same demo site."""
    with django_db_blocker.unblock():
        return run_command("load_demo", "--force")


@pytest.fixture
def demo(db, django_db_setup):
    """The demo site as `make demo` loads it; returns what load_demo printed."""
    return django_db_setup


@pytest.fixture
def home(demo):
    from cms.models import HomePage

    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def article(demo):
    from cms.models import ArticlePage

    return ArticlePage.objects.get(slug="esketamine-and-ketamine-for-depression", locale__language_code="en")


@pytest.fixture
def offline(monkeypatch):
    """Fail the test if anything tries to reach a host other than this machine."""
    from tests.loopback import forbid_internet

    attempts = forbid_internet(monkeypatch)
    yield
    assert not attempts


@pytest.fixture
def polish(article):
    """A fresh Polish catalog of the demo article, started without the demo's Polish translation."""
    from wagtail.models import Locale

    from tests.factories import untranslated
    from translations.actions import CreateTranslation

    (catalog,) = CreateTranslation(untranslated(article, "pl"), [Locale.objects.get(language_code="pl")]).execute()
    return catalog


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """A request for a page in Arabic leaves Arabic active in this thread; the next test starts without it."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture
def postgresql(transactional_db):
    """Tests that share the test database with other processes need PostgreSQL (SQLite's test
    database lives in this process's memory)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (set DATABASE_URL): servers in other processes share the test database")


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory):
    """The static files as a release collects them on production settings (hashed names,
    WhiteNoise's manifest), once per run, in a folder of their own: production settings serve
    no page without the manifest."""
    import subprocess
    import sys

    from tests.servers import ROOT, production_environment

    folder = tmp_path_factory.mktemp("static")
    environment = production_environment(
        "postgres://postgres@127.0.0.1:5432/unused",  # collectstatic connects to nothing
        "redis://127.0.0.1:6379/0",
        SECRET_KEY="collectstatic-only",  # noqa: S106
        STATIC_ROOT=str(folder),
    )
    subprocess.run(  # noqa: S603 (this repository's manage.py)
        [sys.executable, "manage.py", "collectstatic", "--no-input", "--verbosity", "0"],
        cwd=ROOT,
        env=environment,
        check=True,
        timeout=600,
    )
    return folder


@pytest.fixture
def topology(postgresql, tmp_path, collected_static):
    """Production processes around the test database (tests/servers.py): call .web() and .worker()."""
    from django.conf import settings
    from django.db import connection

    from tests.servers import REDIS_SERVER, Topology, database_url

    if REDIS_SERVER is None:
        pytest.skip("needs Debian's redis-server (apt-get install redis-server)")
    started = Topology(database_url(connection.settings_dict), tmp_path, settings.SECRET_KEY, collected_static)
    yield started
    started.stop()
