from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from .views import RegionViewSet, ReviewsDueView

register_snippet(RegionViewSet)


@hooks.register("register_admin_urls")
def register_reviews_due_url():
    return [
        path("reports/reviews-due/", ReviewsDueView.as_view(), name="cms_reviews_due"),
        path("reports/reviews-due/results/", ReviewsDueView.as_view(results_only=True), name="cms_reviews_due_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_reviews_due_menu_item():
    return MenuItem(_("Reviews due"), reverse("cms_reviews_due"), icon_name="date", order=50)
