"""Saving many segments at once: linear on SQLite and PostgreSQL, portable to MySQL and MariaDB.

``SegmentQuerySet.write_rows`` is how imports, syncs and machine translation save their
rows. Its fast path (UPDATE ... FROM (VALUES ...)) is tested on the suite's own database
(SQLite, or PostgreSQL with DATABASE_URL); its portable path on MariaDB, in a database of
its own with the few tables segments need, whenever a MariaDB server answers on 127.0.0.1:3306
(``-m mariadb`` runs only that).
"""

import os
import socket
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Revision

from translations import models
from translations.models import Segment, TranslationCatalog

FIELDS = ["translation", "state", "version"]
MARIADB = {"HOST": "127.0.0.1", "PORT": 3306, "USER": "root", "PASSWORD": ""}


def add_segments(catalog, count, using="default"):
    rows = [Segment(catalog=catalog, position=n, context=f"bulk.{n}", source=f"Text {n}") for n in range(count)]
    Segment.objects.using(using).bulk_create(rows, batch_size=1000)
    return list(Segment.objects.using(using).filter(catalog=catalog, context__startswith="bulk.").order_by("position"))


def translate(rows, prefix):
    for row in rows:
        row.translation, row.state, row.version = f"{prefix} {row.source}", Segment.TRANSLATED, row.version + 1
    return rows


def assert_written(catalog, rows, prefix, using="default"):
    saved = Segment.objects.using(using).filter(catalog=catalog, context__startswith="bulk.").order_by("position")
    assert [(s.translation, s.state, s.version) for s in saved] == [
        (f"{prefix} Text {n}", Segment.TRANSLATED, 1) for n in range(len(rows))
    ]


@pytest.mark.django_db
def test_5000_segments_are_saved_with_one_update_per_2000_rows(polish):
    rows = translate(add_segments(polish, 5000), "PL")
    with CaptureQueriesContext(connection) as captured:
        Segment.objects.write_rows(rows, FIELDS)
    assert len(captured.captured_queries) == 3
    assert all("FROM v WHERE" in query["sql"] for query in captured.captured_queries)
    assert_written(polish, rows, "PL")
    untouched = polish.segments.exclude(context__startswith="bulk.")
    assert not untouched.filter(translation__startswith="PL Text").exists()


@pytest.mark.django_db
def test_the_portable_path_saves_the_same_rows(polish, monkeypatch):
    monkeypatch.setattr(models, "updates_from_values", lambda connection: False)
    rows = translate(add_segments(polish, 1200), "PL")
    with CaptureQueriesContext(connection) as captured:
        Segment.objects.write_rows(rows, FIELDS)
    assert not any("FROM v WHERE" in query["sql"] for query in captured.captured_queries)
    assert_written(polish, rows, "PL")


def mariadb_reachable():
    try:
        with socket.create_connection((MARIADB["HOST"], MARIADB["PORT"]), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def mariadb(django_db_blocker):
    """A database of our own on the local MariaDB server, with the tables segments need, made from the models."""
    if not mariadb_reachable():
        pytest.skip("No MariaDB server on 127.0.0.1:3306: the MariaDB test did not run.")
    import pymysql

    pymysql.install_as_MySQLdb()
    name = f"carelingua_plugin_install_{os.getpid()}"
    server = pymysql.connect(host=MARIADB["HOST"], port=MARIADB["PORT"], user=MARIADB["USER"], password="")
    with server.cursor() as cursor:
        cursor.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4")
    options = {**MARIADB, "ENGINE": "django.db.backends.mysql", "NAME": name, "OPTIONS": {"charset": "utf8mb4"}}
    configured = connections.configure_settings({"default": dict(connections.settings["default"]), "mariadb": options})
    connections.settings["mariadb"] = configured["mariadb"]
    mariadb = connections["mariadb"]
    try:
        with django_db_blocker.unblock():
            with mariadb.schema_editor() as editor:
                for model in (ContentType, Permission, Group, get_user_model(), Locale, Revision, TranslationCatalog):
                    editor.create_model(model)
                editor.create_model(Segment)
            yield mariadb
    finally:
        mariadb.close()
        del connections["mariadb"]
        del connections.settings["mariadb"]
        with server.cursor() as cursor:
            cursor.execute(f"DROP DATABASE `{name}`")
        server.close()


@pytest.mark.mariadb
def test_segments_are_saved_on_mariadb_which_has_no_update_from(mariadb):
    assert mariadb.vendor == "mysql" and "MariaDB" in mariadb.mysql_server_info
    assert not models.updates_from_values(mariadb)
    english, polish = (Locale.objects.using("mariadb").create(language_code=code) for code in ("en", "pl"))
    catalog = TranslationCatalog.objects.using("mariadb").create(
        content_type=ContentType.objects.db_manager("mariadb").get_for_model(Page),
        translation_key=uuid.uuid4(),
        source_locale=english,
        target_locale=polish,
    )
    rows = translate(add_segments(catalog, 1200, using="mariadb"), "PL")
    rows[7].translation = "Dawka: 56 mg — „cudzysłów” i emoji 💊"
    Segment.objects.using("mariadb").write_rows(rows, FIELDS)
    saved = Segment.objects.using("mariadb").filter(catalog=catalog).order_by("position")
    assert saved.filter(state=Segment.TRANSLATED, version=1).count() == 1200
    assert saved[7].translation == "Dawka: 56 mg — „cudzysłów” i emoji 💊"
    assert saved[1199].translation == "PL Text 1199"
