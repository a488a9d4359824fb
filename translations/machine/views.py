"""Admin screens of machine pre-translation: start a job for a catalog or a whole section, follow its progress.

The work is done by the actions in ``jobs``; these views only check who may open a screen,
call the action and show what it returned.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem

from ..languages import language_name
from ..models import TranslationCatalog
from ..permissions import can_start_translation
from ..source_views import StartTranslationMixin
from ..views import CatalogMixin, TranslationAdminMixin, forbidden
from ..views import url as translations_url
from .backends import backend_label
from .forms import PreTranslateForm
from .jobs import StartMachineTranslation, can_pretranslate
from .liveness import interrupted
from .models import MachineTranslationJob

NAMESPACE = "carelingua_machine"
REFRESH_SECONDS = 3


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def start(request, catalogs, backend=None):
    """Start a run; on success the URL of its progress screen, else None with the reason as a message."""
    try:
        jobs = StartMachineTranslation(catalogs, backend, request.user).execute()
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return None
    return url("progress", jobs[0].run)


class PreTranslateCatalogView(CatalogMixin, View):
    """“Pre-translate” in the translation editor: one catalog, the default (or posted) service."""

    http_method_names = ["post"]

    def has_permission(self, user):
        return can_pretranslate(user, self.catalog)

    def post(self, request, pk):
        progress_url = start(request, [self.catalog], request.POST.get("backend") or None)
        return redirect(progress_url or translations_url("editor", self.catalog.pk))


class PreTranslatePageView(StartTranslationMixin, TranslationAdminMixin, FormView):
    """An editor pre-translates a page, or a whole section, into several languages at once."""

    template_name = "translations/machine/pretranslate.html"
    form_class = PreTranslateForm
    page_title = gettext_lazy("Pre-translate")

    def get_page_subtitle(self):
        return self.source.get_admin_display_title()

    def catalogs(self, subpages=False):
        pages = self.source.get_descendants(inclusive=True) if subpages else [self.source]
        keys = pages.values("translation_key") if subpages else [self.source.translation_key]
        queryset = TranslationCatalog.objects.filter(translation_key__in=keys, source_locale_id=self.source.locale_id)
        return queryset.select_related("content_type", "source_locale", "target_locale")

    def get_form_kwargs(self):
        locale_ids = self.catalogs(subpages=True).values_list("target_locale_id", flat=True)
        return {**super().get_form_kwargs(), "locale_ids": set(locale_ids)}

    def form_valid(self, form):
        chosen = self.catalogs(form.cleaned_data["subpages"]).filter(target_locale__in=form.cleaned_data["locales"])
        catalogs = [catalog for catalog in chosen if can_pretranslate(self.request.user, catalog)]
        progress_url = start(self.request, catalogs, form.cleaned_data["backend"])
        return redirect(progress_url) if progress_url else self.form_invalid(form)


class ProgressView(TranslationAdminMixin, TemplateView):
    """Progress of a run: segments done and errors, per page and language. Refreshes itself while it runs."""

    template_name = "translations/machine/progress.html"
    page_title = gettext_lazy("Machine pre-translation")

    @cached_property
    def jobs(self):
        related = ("catalog__content_type", "catalog__source_locale", "catalog__target_locale")
        return list(MachineTranslationJob.objects.filter(run=self.kwargs["run"]).select_related(*related))

    @property
    def source(self):
        return self.jobs[0].catalog.source_object

    def dispatch(self, request, *args, **kwargs):
        if not self.jobs:
            raise Http404
        if not any(can_pretranslate(request.user, job.catalog) for job in self.jobs):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return _("With %(service)s") % {"service": backend_label(self.jobs[0].backend)}

    @cached_property
    def stopped(self):
        """Jobs whose worker stopped mid-way (liveness), shown as interrupted at once."""
        return {job.pk for job in interrupted(MachineTranslationJob.objects.filter(run=self.kwargs["run"]))}

    def alive(self, job):
        return job.is_active and job.pk not in self.stopped

    def row(self, job):
        catalog = job.catalog
        job.title = catalog.target_object or catalog.source_object
        job.language = language_name(catalog.target_locale)
        job.editor_url = translations_url("editor", catalog.pk)
        job.status_label = (
            job.get_status_display() if self.alive(job) or job.status not in job.ACTIVE else _("Interrupted")
        )
        return job

    def get_context_data(self, **kwargs):
        rows = [self.row(job) for job in self.jobs]
        running = any(self.alive(job) for job in rows)
        return super().get_context_data(rows=rows, running=running, refresh_seconds=REFRESH_SECONDS, **kwargs)


class PreTranslateButton(PageMenuItem):
    """On a source page that is being translated: pre-translate it (and its section)."""

    label = gettext_lazy("Pre-translate")
    icon_name = "cogs"
    url_name = f"{NAMESPACE}:pretranslate_page"

    def is_shown(self, user):
        return can_start_translation(user, self.page)


def page_header_buttons(page):
    if page.is_root():
        return []
    is_source = TranslationCatalog.objects.filter(
        translation_key=page.translation_key, source_locale_id=page.locale_id
    ).exists()
    return [PreTranslateButton(page=page, priority=77)] if is_source else []
