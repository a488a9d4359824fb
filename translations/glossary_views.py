"""Admin screens of the glossary: Wagtail's snippet views, plus CSV import and export."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from .glossary import MAX_BYTES, export_csv, import_csv
from .models import GlossaryTerm


class GlossaryCSVForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: language, term, approved, forbidden, note. Separate several renderings with |."),
    )
    replace = forms.BooleanField(
        label=_("Remove the terms of these languages that the file does not list"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is too large."))
        return upload


class GlossaryIndexView(IndexView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if self.permission_policy.user_has_permission(self.request.user, "add"):
            buttons.append(Button(_("Import CSV"), url=reverse("glossary:import_csv"), icon_name="upload", priority=30))
        buttons.append(Button(_("Export CSV"), url=reverse("glossary:export_csv"), icon_name="download", priority=40))
        return buttons


class GlossaryImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "translations/glossary_import.html"
    form_class = GlossaryCSVForm
    page_title = _("Import glossary")
    header_icon = "list-ul"
    permission_policy = None

    def dispatch(self, request, *args, **kwargs):
        policy = self.permission_policy
        if not (policy.user_has_permission(request.user, "add") and policy.user_has_permission(request.user, "change")):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("glossary:list"), "label": _("Glossary")},
            {"url": "", "label": self.page_title},
        ]

    def form_valid(self, form):
        data = form.cleaned_data["file"].read()
        report = import_csv(data, replace=form.cleaned_data["replace"], user=self.request.user)
        if report.ok:
            messages.success(self.request, report.summary())
        return self.render_to_response(self.get_context_data(form=self.get_form_class()(), report=report))


def export_view(request, permission_policy):
    """The glossary as CSV (``?locale=ar`` for one language), for anyone who may see it."""
    if not permission_policy.user_has_any_permission(request.user, ["add", "change", "delete", "view"]):
        raise PermissionDenied
    terms = GlossaryTerm.objects.all()
    if request.GET.get("locale"):
        terms = terms.filter(locale__language_code=request.GET["locale"])
    response = HttpResponse(export_csv(terms).encode("utf-8-sig"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, "glossary.csv")
    return response


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = _("Glossary")
    url_prefix = "glossary"
    url_namespace = "glossary"
    add_to_admin_menu = True
    menu_order = 450
    index_view_class = GlossaryIndexView
    list_display = ["term", "locale", "approved", "updated_at"]
    list_filter = ["locale"]
    search_fields = ["term", "approved", "forbidden", "note"]
    search_backend_name = None
    panels = [
        FieldPanel("locale"),
        FieldPanel("term"),
        FieldPanel("approved"),
        FieldPanel("forbidden"),
        FieldPanel("note"),
    ]

    def get_urlpatterns(self):
        policy = self.permission_policy
        return [
            *super().get_urlpatterns(),
            path("import/", GlossaryImportView.as_view(permission_policy=policy), name="import_csv"),
            path("export/", export_view, {"permission_policy": policy}, name="export_csv"),
        ]
