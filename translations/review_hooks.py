"""Admin wiring for review: every publish control refuses content without a medical sign-off,
with a message that says why and what to do instead."""

from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.log_actions import log

from .review import needs_medical_review

REFUSAL = _(
    "This page needs medical review before it goes live. Use \u201cSubmit for review\u201d: "
    "it is published when a medical reviewer approves it."
)


def _refuse(request, page, path):
    log(page, "carelingua.publish_refused", user=request.user, data={"path": path})
    messages.error(request, REFUSAL)


@hooks.register("before_edit_page")
def refuse_publish_button(request, page):
    if request.method == "POST" and "action-publish" in request.POST and needs_medical_review(page.specific_class):
        _refuse(request, page, "edit")
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("construct_page_action_menu")
def hide_publish_button(menu_items, request, context):
    page = context.get("page")
    if page is not None and needs_medical_review(page.specific_class):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    refused = [page for page in objects if needs_medical_review(page.specific_class)]
    for page in refused:
        _refuse(request, page, "bulk")
    if refused:
        return redirect(request.GET.get("next") or "wagtailadmin_explore_root")
    return None


@hooks.register("before_copy_page")
def refuse_copy_with_publish(request, page):
    if request.method == "POST" and request.POST.get("publish_copies") and needs_medical_review(page.specific_class):
        _refuse(request, page, "copy")
        return redirect("wagtailadmin_pages:copy", page.pk)
    return None


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action("carelingua.sign_off", _("Review sign-off recorded"), _("Review sign-off recorded"))
    actions.register_action(
        "carelingua.publish_refused", _("Publish refused"), _("Publish refused: no medical sign-off")
    )
