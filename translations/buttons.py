"""The page buttons that lead to the translation screens: Translate, Translations, Translation editor."""

from django.utils.translation import gettext_lazy
from wagtail.admin.ui.menus.pages import PageMenuItem

from .editor import NAMESPACE, catalogs_of, url
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


def page_listing_buttons(page):
    return [TranslateButton(page=page, priority=65)]


def page_header_buttons(page):
    """Source side: Translate and, once started, Translations. Translation side: its editor."""
    if page.is_root():
        return []
    rows = list(catalogs_of(page).values_list("pk", "source_locale_id", "target_locale_id"))
    as_target = [pk for pk, _source, target in rows if target == page.locale_id]
    if as_target:
        return [EditorButton(page=page, url=url("editor", as_target[0]), priority=75)]
    buttons = [TranslateButton(page=page, priority=75)]
    if any(source == page.locale_id for _pk, source, _target in rows):
        buttons.append(OverviewButton(page=page, priority=76))
    return buttons
