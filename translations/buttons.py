"""The ways into the translation screens: the page buttons (Translate, Translations, Translation
editor), the admin menu's work list and the dashboard panel of unfinished translations."""

from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus.pages import PageMenuItem

from .editor import NAMESPACE, catalogs_of, editable_catalogs, unfinished, url, worklist, worklist_rows
from .permissions import can_start_translation


class TranslateButton(PageMenuItem):
    label = gettext_lazy("Translate")
    icon_name = "globe"
    url_name = f"{NAMESPACE}:translate"

    def is_shown(self, user):
        return self.page.live and not self.page.is_root() and can_start_translation(user, self.page)


class OverviewButton(PageMenuItem):
    label = gettext_lazy("Translations")
    icon_name = "list-ul"
    url_name = f"{NAMESPACE}:overview"

    def is_shown(self, user):
        return can_start_translation(user, self.page)


class EditorButton(PageMenuItem):
    label = gettext_lazy("Translation editor")
    icon_name = "edit"

    def is_shown(self, user):
        return self.page.permissions_for_user(user).can_edit()


class ChangesSinceApprovalButton(PageMenuItem):
    """For reviewers: the draft compared with the version last approved (what readers have)."""

    label = gettext_lazy("Changes since the last approval")
    icon_name = "history"


def changes_button(page):
    from .review import needs_review
    from .review_admin import changes_since_approval_url

    latest = page.revisions.order_by("-pk").first()  # ``page`` may be a revision's copy: ask the database
    if not (needs_review(page) and page.has_unpublished_changes and latest):
        return []
    changes = changes_since_approval_url(page, latest)
    return [ChangesSinceApprovalButton(page=page, url=changes, priority=74)] if changes else []


def page_listing_buttons(page):
    return [TranslateButton(page=page, priority=65)]


def page_header_buttons(page):
    """Source side: Translate and, once started, Translations. Translation side: its editor."""
    if page.is_root():
        return []
    rows = list(catalogs_of(page).values_list("pk", "source_locale_id", "target_locale_id"))
    as_target = [pk for pk, _source, target in rows if target == page.locale_id]
    if as_target:
        return [*changes_button(page), EditorButton(page=page, url=url("editor", as_target[0]), priority=75)]
    buttons = [*changes_button(page), TranslateButton(page=page, priority=75)]
    if any(source == page.locale_id for _pk, source, _target in rows):
        buttons.append(OverviewButton(page=page, priority=76))
    return buttons


class WorklistMenuItem(MenuItem):
    """“Translations” in the admin menu, for whoever may translate at least one catalog."""

    def is_shown(self, request):
        return editable_catalogs(request.user).exists()


def worklist_menu_item():
    return WorklistMenuItem(
        gettext_lazy("Translations"), url("worklist"), name="translations", icon_name="globe", order=150
    )


class UnfinishedTranslationsPanel(Component):
    """The dashboard's “Your translations”: the first unfinished catalogs the user may translate."""

    name = "carelingua_translations"
    order = 90
    template_name = "translations/_dashboard_panel.html"
    limit = 10

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        rows = worklist_rows(unfinished(worklist(self.user))[: self.limit])
        return {"rows": rows, "worklist_url": url("worklist")}
