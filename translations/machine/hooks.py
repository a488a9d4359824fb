"""Wagtail hooks of machine translation, wiring only. Imported from ``translations/wagtail_hooks.py``:
the audit log action, the admin URLs (/admin/translations/machine/) and the “Pre-translate” page button."""

from django.urls import include, path
from wagtail import hooks

from . import audit, urls, views

hooks.register("register_log_actions", audit.register_log_actions)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/machine/", include(urls))]


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    return views.page_header_buttons(page)
