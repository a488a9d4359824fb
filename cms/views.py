import sys

import django_filters
from django.conf import settings
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page, Site
from wagtail.snippets.views import snippets

from . import reading
from .models import ArticlePage, Region
from .region_permissions import works_in
from .reviews import reviews_due
from .search import SEARCH_QUERY_MAX_LENGTH, search_terms, without_control_characters


class LanguageCheckedMixin:
    """Wagtail's snippet views check model permissions; region data also needs the rights on
    its language (cms.region_permissions): on the object shown, or the language a new one is
    created in. Publishing from the editor is offered only with the right to publish it."""

    def user_has_permission(self, permission):
        obj = getattr(self, "object", None)
        if obj is not None:
            return self.permission_policy.user_has_permission_for_instance(self.request.user, permission, obj)
        locale = getattr(self, "locale", None)
        allowed = super().user_has_permission(permission)
        return allowed and (locale is None or works_in(self.request.user, locale.pk, permission))

    def get_available_actions(self):
        actions = list(super().get_available_actions())
        return [action for action in actions if action != "publish" or self.user_has_permission("publish")]


def language_checked(view_class):
    return type(view_class.__name__, (LanguageCheckedMixin, view_class), {})


class RegionViewSet(snippets.SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions and emergency numbers")
    list_display = ["name", "code", "locale", "last_verified"]
    ordering = ["locale__language_code", "name"]

    add_view_class = language_checked(snippets.CreateView)
    edit_view_class = language_checked(snippets.EditView)
    delete_view_class = language_checked(snippets.DeleteView)
    unpublish_view_class = language_checked(snippets.UnpublishView)
    lock_view_class = language_checked(snippets.LockView)
    unlock_view_class = language_checked(snippets.UnlockView)

    def get_queryset(self, request):
        """Only the regions in the languages the user works in (every language for site admins)."""
        return self.permission_policy.instances_user_has_any_permission_for(request.user, {"change", "publish"})

    add_to_admin_menu = True
    menu_order = 300


class ReviewsDueFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"), queryset=Locale.objects.all(), empty_label=_("All languages")
    )

    class Meta:
        model = ArticlePage
        fields = ["locale"]


class ReviewsDueView(ReportView):
    """Articles whose next medical review is within 90 days or overdue, per language."""

    page_title = _("Reviews due")
    header_icon = "date"
    index_url_name = "cms_reviews_due"
    index_results_url_name = "cms_reviews_due_results"
    filterset_class = ReviewsDueFilterSet
    columns = [
        TitleColumn("title", label=_("Article"), url_name="wagtailadmin_pages:edit"),
        Column("locale", label=_("Language")),
        DateColumn("next_review_due", label=_("Next review due")),
        Column("reviewed_by", label=_("Last reviewed by")),
    ]
    list_export = ["title", "locale", "next_review_due", "reviewed_by"]

    def get_queryset(self):
        return reviews_due(days=90)


# ---------- Public pages (reading) ----------

RETRY_AFTER_SECONDS = 30
SEARCH_RESULTS_PER_PAGE = 10


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; the icon is an SVG among the static files."""
    return HttpResponsePermanentRedirect(static("cms/favicon.svg"))


def root_redirect(request):
    """``/`` goes to the home page in the reader's language: the language cookie, else the best
    match from Accept-Language, else English. A malformed header counts as no header."""
    language = translation.get_language_from_request(request)
    if language not in {root.language_code for root in Site.get_site_root_paths()}:
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        response = HttpResponseRedirect(reverse("wagtail_serve", args=[""]))
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def server_error(request):
    """The site's 500 page, or a 503 with Retry-After when the database could not be reached (a
    restart, a failover, a dropped connection): the next request connects again by itself."""
    error = sys.exc_info()[1]
    unavailable = isinstance(error, OperationalError | InterfaceError)
    response = HttpResponseServerError(loader.get_template("500.html").render())
    if unavailable:
        response.status_code = 503
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
    return response


def page_not_found(request, exception=None):
    """The site's 404 page. For a page missing in the reader's language (not translated, or not
    published yet), it links to the versions in other languages."""
    versions = reading.versions_at_path(request, request.path_info)
    context = {"versions": versions, "languages": reading.site_languages(request) if not versions else []}
    return render(request, "404.html", context, status=404)


def search(request):
    """Search the live pages in the language of the URL (``/es/search/?q=``), and only those."""
    query = " ".join(without_control_characters(request.GET.get("q", "")).split())[:SEARCH_QUERY_MAX_LENGTH]
    terms = search_terms(query)
    locale = Locale.objects.filter(language_code=translation.get_language()).first()
    results = Page.objects.none()
    if terms and locale is not None:
        results = Page.objects.live().public().filter(locale=locale, depth__gt=1).search(terms)
    page_number = request.GET.get("page", "1")
    results_page = Paginator(results, SEARCH_RESULTS_PER_PAGE).get_page(page_number[:6])
    context = {
        "search_query": query,
        "results": results_page,
        "query_max_length": SEARCH_QUERY_MAX_LENGTH,
        "truncated": len(request.GET.get("q", "").strip()) > SEARCH_QUERY_MAX_LENGTH,
        "language_versions": reading.search_languages(request, query),
    }
    return TemplateResponse(request, "cms/search.html", context)
