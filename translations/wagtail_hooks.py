from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import buttons, page_editor, urls, views


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("carelingua.translation_created", _("Translation created"), _("Translation created"))
    actions.register_action("carelingua.catalog_synced", _("Translation synced with source"), _("Translation synced"))
    actions.register_action("carelingua.po_imported", _("PO file imported"), _("PO file imported"))
    actions.register_action("carelingua.draft_built", _("Localized draft built"), _("Localized draft built"))


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include(urls))]


@hooks.register("register_admin_menu_item")
def register_worklist_menu_item():
    return buttons.worklist_menu_item()


@hooks.register("construct_homepage_panels")
def add_unfinished_translations_panel(request, panels):
    panels.append(buttons.UnfinishedTranslationsPanel(request.user))


@hooks.register("before_edit_page")
def edit_pages_in_their_language(request, page):
    return page_editor.localized_page_editor(request, page)


@hooks.register("register_page_header_buttons")
def page_header_buttons(page, user, view_name, next_url=None):
    return views.page_header_buttons(page)


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    return views.page_listing_buttons(page)


# Each concern registers its own hooks in its own module.
from . import review_hooks  # noqa: E402,F401
from .machine import hooks as machine_hooks  # noqa: E402,F401
from .qa_hooks import *  # noqa: E402,F401,F403
