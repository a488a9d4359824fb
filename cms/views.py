import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ArticlePage, Region
from .reviews import reviews_due


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions and emergency numbers")
    list_display = ["name", "code", "last_verified"]
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
