from django.utils.translation import gettext_lazy as _
from wagtail import hooks


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action("carelingua.translation_created", _("Translation created"), _("Translation created"))
    actions.register_action("carelingua.catalog_synced", _("Translation synced with source"), _("Translation synced"))
    actions.register_action("carelingua.po_imported", _("PO file imported"), _("PO file imported"))
    actions.register_action("carelingua.draft_built", _("Localized draft built"), _("Localized draft built"))
