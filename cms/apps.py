from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def use_sqlite_variable_limit(sender, connection, **kwargs):
    """Let bulk queries on SQLite use the limit this SQLite was built with.

    Django 5.2 assumes SQLite's old default of 999 variables per query, which splits a bulk
    write of 5,000 translation segments into dozens of queries; SQLite 3.32 and later allow
    32,766 or more. Django 6 reads the real limit the same way.
    """
    if connection.vendor == "sqlite":
        import sqlite3

        connection.features.max_query_params = connection.connection.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Patient information site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        connection_created.connect(use_sqlite_variable_limit, dispatch_uid="carelingua_sqlite_variable_limit")
