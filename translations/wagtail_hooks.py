from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from . import buttons, page_editor, urls
from .reviewer_profiles import ReviewerProfileViewSet

register_snippet(ReviewerProfileViewSet)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("carelingua.translation_created", _("Translation created"), _("Translation created"))
    actions.register_action("carelingua.catalog_synced", _("Translation synced with source"), _("Translation synced"))
    actions.register_action("carelingua.po_imported", _("PO file imported"), _("PO file imported"))
    actions.register_action("carelingua.draft_built", _("Localized draft built"), _("Localized draft built"))
    actions.register_action(
        "carelingua.catalog_removed", _("Translation catalog removed with its source"), _("Catalog removed")
    )


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
    return buttons.page_header_buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def page_listing_more_buttons(page, user, next_url=None):
    return buttons.page_listing_buttons(page)


@hooks.register("register_snippet_listing_buttons")
def snippet_listing_buttons(snippet, user, next_url=None):
    return buttons.snippet_listing_buttons(snippet, user)


@hooks.register("register_snippet_action_menu_item")
def snippet_action_menu_item(model):
    return buttons.snippet_action_menu_item(model)


# Each concern registers its own hooks in its own module.
from . import review_hooks  # noqa: E402,F401
from .machine import hooks as machine_hooks  # noqa: E402,F401
from .qa_hooks import *  # noqa: E402,F401,F403
