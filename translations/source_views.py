"""Admin screens about one source, a page or a snippet: start translating it, and the overview of
its translations. The changes go through ``actions``; what the rows show comes from ``editor``."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page

from . import editor, sources, targets
from .actions import CreateTranslation
from .content_notes import skipped_notes
from .editor import WITH_WARNINGS, Progress, QualitySummary, url
from .forms import TranslateForm
from .languages import language_name
from .permissions import can_edit_translation, can_start_translation
from .qa import findings_for_catalog
from .review import needs_medical_review
from .status import translation_status
from .views import TranslationAdminMixin, forbidden, refused


class SourceMixin:
    """Views of one source object, named by the URL; an object that cannot be translated is refused."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.source = sources.source_from_kwargs(kwargs)

    def refusal(self):
        try:
            targets.check_translatable(self.source)
        except ValidationError as error:
            return refused(self.request, error)
        return None

    @cached_property
    def translation_of(self):
        """The catalog this object is the translation in, if it is one: it cannot be a source too."""
        return sources.catalogs_of(self.source).filter(target_locale_id=self.source.locale_id).first()

    def get_page_subtitle(self):
        return sources.title_of(self.source)


class StartTranslationMixin(SourceMixin):
    """Views that start work on a source: only people who may edit the source get in."""

    def dispatch(self, request, *args, **kwargs):
        if not can_start_translation(request.user, self.source):
            return forbidden(request)
        return self.refusal() or super().dispatch(request, *args, **kwargs)


def creation_note(source):
    """What starting a translation of ``source`` creates, as the Translate form says it."""
    if isinstance(source, Page):
        return _(
            "A draft is created in each language's page tree, with a catalog of its texts to translate. "
            "Nothing is published."
        )
    if targets.has_drafts(type(source)):
        return _("A draft is created in each language, with a catalog of its texts to translate. Nothing is published.")
    return _(
        "A catalog of its texts to translate is created in each language. This kind of snippet has no drafts: "
        "each translation appears when it is built from its finished catalog."
    )


class TranslateView(StartTranslationMixin, TranslationAdminMixin, FormView):
    template_name = "translations/translate.html"
    form_class = TranslateForm
    page_title = gettext_lazy("Translate")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "source": self.source, "languages": sources.languages_of(self.source)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(published=targets.is_published(self.source), creation_note=creation_note(self.source))
        if self.translation_of:
            source = self.translation_of.source_object
            context["source_url"] = editor.translate_url(source)
            context["source_title"] = sources.title_of(source)
        return context

    def form_valid(self, form):
        try:
            created = CreateTranslation(self.source, form.cleaned_data["locales"], self.request.user).execute()
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        languages = ", ".join(str(catalog.target_locale.get_display_name()) for catalog in created)
        messages.success(
            self.request,
            # Translators: “Translation of “Sleep and depression” started: Spanish, Polish.”
            _("Translation of “%(title)s” started: %(languages)s.") % {"title": self.source, "languages": languages},
        )
        return redirect(editor.overview_url(self.source))


@dataclass
class OverviewRow:
    """One language in the overview: its catalog, progress, status and what the user may do."""

    catalog: object
    language: str
    progress: Progress
    status: tuple  # (CSS modifier, text)
    quality: QualitySummary
    can_edit: bool
    can_download: bool
    warnings_url: str
    build_refusal: str
    target_edit_url: str
    target_edit_label: str
    status_help: str = ""


class OverviewView(SourceMixin, TranslationAdminMixin, TemplateView):
    template_name = "translations/overview.html"
    page_title = gettext_lazy("Translations")

    is_overview = True

    @cached_property
    def catalogs(self):
        queryset = sources.catalogs_of(self.source).filter(source_locale_id=self.source.locale_id)
        return list(queryset.select_related("content_type", "target_locale").order_by("target_locale__language_code"))

    @cached_property
    def can_start(self):
        return can_start_translation(self.request.user, self.source)

    def dispatch(self, request, *args, **kwargs):
        refusal = self.refusal()
        if refusal is None and not (
            self.can_start or any(can_edit_translation(request.user, c) for c in self.catalogs)
        ):
            return forbidden(request)
        return refusal or super().dispatch(request, *args, **kwargs)

    def get_header_buttons(self):
        if not self.can_start:
            return []
        label = _("Translate into more languages")
        return [HeaderButton(label, editor.translate_url(self.source), icon_name="globe")]

    def row(self, catalog):
        progress = Progress.of(catalog)
        can_edit = can_edit_translation(self.request.user, catalog)
        target = catalog.target_object
        status = translation_status(catalog, progress, target)
        unfinished = progress.total - progress.done
        row = OverviewRow(
            catalog=catalog,
            language=language_name(catalog.target_locale),
            progress=progress,
            status=(status.code, status.label),
            quality=QualitySummary.of(editor.shown_findings(findings_for_catalog(catalog))),
            can_edit=can_edit,
            can_download=can_edit or self.can_start,
            warnings_url=f"{url('editor', catalog.pk)}?state={WITH_WARNINGS}" if can_edit else "",
            build_refusal=unfinished
            and ngettext("%(count)d segment is not finished.", "%(count)d segments are not finished.", unfinished)
            % {"count": unfinished},
            target_edit_url=sources.edit_url(target, self.request.user) if target else "",
            target_edit_label=_("Edit page") if isinstance(target, Page) else _("Edit snippet"),
        )
        if target is None and (isinstance(self.source, Page) or targets.has_drafts(type(self.source))):
            row.status = ("deleted", _("Translation deleted"))
            row.status_help = _("Translate into this language again to restore it.")
        return row

    def translation_context(self):
        """For an object that is itself a translation: what it translates, into which language, and its editor."""
        catalog = self.translation_of
        if catalog is None or catalog.source_object is None:
            return {}
        source = catalog.source_object
        return {
            "source_title": sources.title_of(source),
            "source_overview_url": editor.overview_url(source),
            "language": language_name(catalog.target_locale),
            "editor_url": url("editor", catalog.pk) if can_edit_translation(self.request.user, catalog) else "",
        }

    def get_context_data(self, **kwargs):
        rows = [self.row(catalog) for catalog in self.catalogs]
        return super().get_context_data(
            rows=rows,
            translation=self.translation_context(),
            medical_review=needs_medical_review(self.source),
            skipped=skipped_notes(self.source),
            **kwargs,
        )
