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
        from django.core import checks
        from django.db.models.signals import post_delete, post_save
        from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

        from . import cache
        from .checks import check_region_settings
        from .models import Region, RegionNumber

        checks.register(check_region_settings)
        connection_created.connect(use_sqlite_variable_limit, dispatch_uid="carelingua_sqlite_variable_limit")

        # The full-page cache (cms/cache.py) forgets what a change makes stale.
        page_published.connect(cache.purge_published_page, dispatch_uid="carelingua_cache_published")
        page_unpublished.connect(cache.purge_published_page, dispatch_uid="carelingua_cache_unpublished")
        page_slug_changed.connect(cache.purge_renamed_page, dispatch_uid="carelingua_cache_renamed")
        post_page_move.connect(cache.purge_moved_page, dispatch_uid="carelingua_cache_moved")
        for model in (Region, RegionNumber):
            for signal in (post_save, post_delete):
                signal.connect(cache.purge_regions, sender=model, dispatch_uid=f"carelingua_cache_{model.__name__}")
