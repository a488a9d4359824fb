"""Admin wiring for review: every publish control refuses content without a medical sign-off,
with a message that says why and what to do instead."""

from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.log_actions import log

from . import review_admin
from .review import needs_medical_review, needs_review

MEDICAL_REFUSAL = _(
    "This page needs medical review before it goes live. Use \u201c%(button)s\u201d: "
    "it is published when a medical reviewer approves it."
)
REFUSAL = _(
    "This page needs review before it goes live. Use \u201c%(button)s\u201d: "
    "it is published when a reviewer approves it."
)


def _submit_button_label(page):
    """The submit button as the page editor labels it: “Submit to <the page's workflow>”."""
    workflow = page.get_workflow()
    if workflow is None:
        return gettext("Submit for review")
    return gettext("Submit to %(workflow_name)s") % {"workflow_name": workflow.name}


def _refuse(request, page, path):
    log(page, "carelingua.publish_refused", user=request.user, data={"path": path})
    message = MEDICAL_REFUSAL if needs_medical_review(page) else REFUSAL
    messages.error(request, message % {"button": _submit_button_label(page)})


@hooks.register("before_edit_page")
def refuse_publish_button(request, page):
    if request.method == "POST" and "action-publish" in request.POST and needs_review(page.specific_class):
        _refuse(request, page, "edit")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("construct_page_action_menu")
def hide_publish_button(menu_items, request, context):
    page = context.get("page")
    if page is not None and needs_review(page.specific_class):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    refused = [page for page in objects if needs_review(page.specific_class)]
    for page in refused:
        _refuse(request, page, "bulk")
    if refused:
        # Only a ``next`` on this site: never an open redirect to another host.
        return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_explore_root")
    return None


@hooks.register("before_copy_page")
def copy_reviewed_pages_as_drafts(request, page):
    return review_admin.copy_reviewed_page(request, page)


@hooks.register("before_copy_page")
def refuse_copy_with_publish(request, page):
    if request.method == "POST" and request.POST.get("publish_copies") and needs_review(page.specific_class):
        _refuse(request, page, "copy")
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action("carelingua.sign_off", _("Review sign-off recorded"), _("Review sign-off recorded"))
    actions.register_action(
        "carelingua.publish_refused", _("Publish refused"), _("Publish refused: no medical sign-off")
    )


@hooks.register("construct_homepage_panels")
def show_changes_since_approval_on_the_dashboard(request, panels):
    review_admin.replace_review_panel(panels)


@hooks.register("insert_global_admin_css")
def hide_bulk_publish_where_nothing_can_be_published_by_hand():
    return review_admin.bulk_publish.css()


@hooks.register("insert_global_admin_js")
def show_the_first_change_of_a_comparison():
    return review_admin.first_change_js()
