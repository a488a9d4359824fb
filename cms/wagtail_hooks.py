from django.urls import path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Region
from .region_permissions import LocalePermissionPolicy
from .views import RegionViewSet, ReviewsDueView

register_permission_policy(Region, LocalePermissionPolicy(Region))
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


@hooks.register("register_log_actions")
def register_demo_log_action(actions):
    actions.register_action("cms.demo_loaded", _("Demo content loaded"), _("Demo content loaded"))


@hooks.register("insert_global_admin_css")
def one_caption_per_table():
    """The table block has its own required caption (cms.blocks.TableWithCaptionBlock); the table
    widget's optional second caption field is hidden so editors see one."""
    return ONE_CAPTION_PER_TABLE


# A constant, no user data in it.
ONE_CAPTION_PER_TABLE = mark_safe(  # noqa: S308
    '<style>[data-contentpath="table"] .w-field__wrapper:has(> label[for$="-handsontable-col-caption"])'
    "{display:none}</style>"
)
