"""The ways into the translation screens: the page buttons and snippet actions (Translate,
Translations, Translation editor), the admin menu's work list and the dashboard panel of
unfinished translations."""

from django.utils.translation import gettext_lazy
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import TranslatableMixin
from wagtail.snippets.action_menu import ActionMenuItem

from .editor import NAMESPACE, editable_catalogs, overview_url, translate_url, unfinished, url, worklist, worklist_rows
from .permissions import can_start_translation
from .sources import catalogs_of
from .targets import is_published

TRANSLATE, OVERVIEW, EDITOR = "translate", "overview", "editor"
LABELS = {
    TRANSLATE: gettext_lazy("Translate"),
    OVERVIEW: gettext_lazy("Translations"),
    EDITOR: gettext_lazy("Translation editor"),
}
ICONS = {TRANSLATE: "globe", OVERVIEW: "list-ul", EDITOR: "edit"}


def translation_actions(obj, user):
    """[(kind, url)] of the translation screens ``user`` may open from ``obj``: its translation
    editor if it is a translation; else Translate (once published) and, once started, Translations."""
    if not isinstance(obj, TranslatableMixin) or not can_start_translation(user, obj):
        return []
    rows = list(catalogs_of(obj).values_list("pk", "source_locale_id", "target_locale_id"))
    as_target = [pk for pk, _source, target in rows if target == obj.locale_id]
    if as_target:
        return [(EDITOR, url("editor", as_target[0]))]
    actions = [(TRANSLATE, translate_url(obj))] if is_published(obj) else []
    if any(source == obj.locale_id for _pk, source, _target in rows):
        actions.append((OVERVIEW, overview_url(obj)))
    return actions


class TranslateButton(PageMenuItem):
    label = LABELS[TRANSLATE]
    icon_name = ICONS[TRANSLATE]
    url_name = f"{NAMESPACE}:translate"

    def is_shown(self, user):
        return self.page.live and not self.page.is_root() and can_start_translation(user, self.page)


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


def page_header_buttons(page, user):
    if page.is_root():
        return []
    return [
        *changes_button(page),
        *(
            PageMenuItem(LABELS[kind], url=link, icon_name=ICONS[kind], page=page, priority=75 + index)
            for index, (kind, link) in enumerate(translation_actions(page, user))
        ),
    ]


def snippet_listing_buttons(snippet, user):
    """Translate and Translations in a snippet listing's “More” menu."""
    return [
        ListingMenuItem(LABELS[kind], link, icon_name=ICONS[kind], priority=80 + index)
        for index, (kind, link) in enumerate(translation_actions(snippet, user))
        if kind != EDITOR
    ]


class SnippetTranslationMenuItem(ActionMenuItem):
    """The first translation action of a snippet, in the snippet editor's action menu."""

    order = 90

    def is_shown(self, context):
        return context.get("view") == "edit" and bool(self._action(context))

    def _action(self, context):
        actions = translation_actions(context["instance"], context["request"].user)
        return actions[0] if actions else None

    def get_context_data(self, parent_context):
        kind, _link = self._action(parent_context)
        self.label, self.icon_name = LABELS[kind], ICONS[kind]
        return super().get_context_data(parent_context)

    def get_url(self, parent_context):
        return self._action(parent_context)[1]


def snippet_action_menu_item(model):
    return SnippetTranslationMenuItem() if issubclass(model, TranslatableMixin) else None


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
