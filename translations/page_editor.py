"""Wagtail's page editor, knowing the language of the page it edits.

- Every page in a right-to-left language gets its text fields in that direction (and every
  field its ``lang``), as the translation editor does.
- A page that is a translation has its text edited in its catalog: the translated fields
  are shown read-only, with a link to the translation editor, so the page always holds what
  was built from the catalog (what reviewers sign off and what the catalog builds again).
  Everything else works as on any page: the fields kept per language, comments, history,
  previews, submitting for review and the reviewers' actions.
- A page that needs review confirms a reviewer's Approve or Request changes with what happens
  next, and saves a revision with it only when the reviewer changed something (see
  ``changes_content``): a revision saved by the approval itself would need approving again.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, PanelGroup
from wagtail.admin.views.pages.edit import EditView
from wagtail.blocks.base import BlockField

from .editor import url
from .fields import translatable_fields
from .languages import language_name, text_direction
from .review import catalogs_translating, needs_review
from .review_admin import review_confirmation

SKIP_HOOK = "_carelingua_translation_editor"


def read_only_text(panel, names):
    """A copy of a panel tree in which the fields named are read-only."""
    if isinstance(panel, FieldPanel) and panel.field_name in names:
        return type(panel)(**{**panel.clone_kwargs(), "read_only": True})
    if isinstance(panel, PanelGroup):
        children = [read_only_text(child, names) for child in panel.children]
        return type(panel)(**{**panel.clone_kwargs(), "children": children})
    return panel.clone()


def changes_content(form):
    """Whether a valid page form changes anything.

    Wagtail's ``BlockField.has_changed`` compares the posted text of a StreamField with the
    stored value before cleaning it, so a number block (a reference's year: "2019" against
    2019) always looks changed; this compares the cleaned value instead.
    """
    for name in form.changed_data:
        field = form.fields[name]
        if not isinstance(field, BlockField):
            return True
        before = field.block.get_prep_value(form.get_initial_for_field(field, name))
        if before != field.block.get_prep_value(form.cleaned_data[name]):
            return True
    return any(subform.has_changed() for formset in form.formsets.values() for subform in formset.forms)


class LocalizedPageEditView(EditView):
    """The page editor, with the page's language and text direction on its text fields, and
    the reviewers' actions confirmed."""

    acted_on = None  # the task state of a workflow action taken in this request

    def form_valid(self, form):
        self.has_content_changes = changes_content(form)
        return self.action_method()

    def perform_workflow_action(self):
        self.acted_on = self.page.current_workflow_task_state
        return super().perform_workflow_action()

    def add_save_confirmation_message(self):
        message = review_confirmation(self.acted_on) if self.acted_on else None
        if message:
            messages.success(self.request, message)
        else:
            super().add_save_confirmation_message()

    def get_template_names(self):
        names = super().get_template_names()
        return ["translations/page_edit.html"] if names == ["wagtailadmin/pages/edit.html"] else names

    def get_context_data(self, **kwargs):
        locale = self.page.locale
        text_fields = " ".join(field.name for field in translatable_fields(self.page_class))
        return super().get_context_data(
            content_lang=locale.language_code, content_dir=text_direction(locale), text_fields=text_fields, **kwargs
        )


class TranslationPageEditView(LocalizedPageEditView):
    catalog = None

    @cached_property
    def translated_field_names(self):
        return {field.name for field in translatable_fields(self.page_class)}

    def setup_text_panels(self):
        panels = read_only_text(self.page_class.get_edit_handler(), self.translated_field_names)
        self.edit_handler = panels.bind_to_model(self.page_class)
        self.form_class = self.edit_handler.get_form_class()

    def get(self, request, *args, **kwargs):
        self.setup_text_panels()
        editor_url = url("editor", self.catalog.pk)
        messages.info(
            request,
            # Translators: shown at the top of the page editor of a translation, e.g. “… español (es) …”
            _(
                "This is the %(language)s translation. Its text is edited in the translation editor, "
                "where every change is checked and kept; here you can change the other settings and submit it for review."
            )
            % {"language": language_name(self.catalog.target_locale)},
            buttons=[messages.button(editor_url, _("Open the translation editor"))],
        )
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.setup_text_panels()
        return super().post(request, *args, **kwargs)


def localized_page_editor(request, page):
    """``before_edit_page``: a translation opens with its text read-only, a right-to-left page
    with right-to-left fields, a page that needs review with its reviewers' actions confirmed;
    other pages open in Wagtail's editor as usual."""
    if getattr(request, SKIP_HOOK, False):
        return None
    catalog = catalogs_translating(page).select_related("target_locale").first()
    if catalog is None and text_direction(page.locale) != "rtl" and not needs_review(page):
        return None
    setattr(request, SKIP_HOOK, True)  # the view runs the other before_edit_page hooks itself
    if catalog is None:
        return LocalizedPageEditView.as_view()(request, page_id=page.pk)
    return TranslationPageEditView.as_view(catalog=catalog)(request, page_id=page.pk)
