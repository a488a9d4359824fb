"""Admin screens of review: what reviewers see on their dashboard, and publish controls that
are not offered where the publish gate would refuse them.

- The dashboard's "Awaiting your review" lists each task with a comparison against the last
  approved version of the page (what changed since readers last got a reviewed version),
  not against the revision saved a moment before (an autosave shows "no differences"), opened
  at the first change (first_change.js).
- Approving or requesting changes, from the dashboard or the page editor, is confirmed with
  what happens next (the next step, or that the page is live): Wagtail's own answer is no
  message at all from the dashboard and "Page … has been updated" from the editor.
- Copying a page that needs review offers no "Publish copies": the copy goes through review.
- Bulk "Publish" is hidden when every page type of the site needs review, and from whoever may
  publish no page at all.
"""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.copy import CopyView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import Page, TaskState, WorkflowState, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy

from .editor import NAMESPACE
from .review import last_approval, needs_review

SKIP_COPY_HOOK = "_carelingua_reviewed_copy"
REVIEW_ACTION_URL_NAME = f"{NAMESPACE}:review_action"
FIRST_CHANGE = "#tl-first-change"


def review_confirmation(task_state):
    """What a reviewer is told once their action on ``task_state`` is done, or None if it is
    still waiting (a refused or incomplete approval changes nothing)."""
    task_state = TaskState.objects.select_related("workflow_state").get(pk=task_state.pk)
    workflow_state, page = task_state.workflow_state, task_state.workflow_state.content_object
    values = {"page": page.get_admin_display_title(), "task": task_state.task.name}
    if task_state.status == TaskState.STATUS_REJECTED:
        # Translators: e.g. “You requested changes to “Lithium”: it is back with whoever submitted it, …”
        message = _(
            "You requested changes to \u201c%(page)s\u201d: it is back with whoever submitted it, "
            "who sees your comment and can submit it again."
        )
        return message % values
    if task_state.status != TaskState.STATUS_APPROVED:
        return None
    if workflow_state.status == WorkflowState.STATUS_APPROVED and page.live:  # the finish action published it
        # Translators: e.g. “You approved “Lithium” (Medical review (English)). It is live now.”
        return _("You approved \u201c%(page)s\u201d (%(task)s). It is live now.") % values
    following = workflow_state.current_task_state
    if workflow_state.status == WorkflowState.STATUS_IN_PROGRESS and following and following.pk != task_state.pk:
        # Translators: e.g. “You approved “Lithium” (Editorial review (English)). It now waits for Medical review (English).”
        return _("You approved \u201c%(page)s\u201d (%(task)s). It now waits for %(next)s.") % {
            **values,
            "next": following.task.name,
        }
    return _("You approved \u201c%(page)s\u201d (%(task)s).") % values


def confirm_review_action(request, task_state):
    message = review_confirmation(task_state)
    if message:
        messages.success(request, message)


class ReviewActionView(WorkflowActionView):
    """Wagtail's workflow action, as the dashboard's Approve and Request changes post it, with a
    confirmation of what happened on the page the reviewer returns to."""

    submit_url_name = REVIEW_ACTION_URL_NAME

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        confirm_review_action(request, self.task_state)
        return response


def changes_since_approval_url(page, revision):
    """A comparison of ``revision`` with the last approved version of the page, or "" for a
    page that was never approved (everything in it is new)."""
    approval = last_approval(page)
    approved = approval.revision_id if approval is not None else None
    if approved is None or approved == revision.pk:
        return ""
    # The fragment makes first_change.js bring the first change into view.
    return reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, approved, revision.pk)) + FIRST_CHANGE


class ReviewsPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", each task with what changed since the last approval."""

    template_name = "translations/review/_dashboard_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            obj, revision = state["obj"], state["task_state"].revision
            if isinstance(obj, Page):
                state["workflow_action_url_name"] = REVIEW_ACTION_URL_NAME
                state["changes_url"] = changes_since_approval_url(obj.specific_deferred, revision)
                state["preview_url"] = reverse(
                    "wagtailadmin_pages:workflow_preview", args=(obj.pk, state["task_state"].task_id)
                )
        return context


def replace_review_panel(panels):
    panels[:] = [ReviewsPanel() if isinstance(p, WorkflowObjectsToModeratePanel) else p for p in panels]


class ReviewedCopyForm(CopyForm):
    """The copy form without "Publish copies": a copy of a reviewed page is reviewed itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("publish_copies", None)


class ReviewedCopyView(CopyView):
    def get_form_class(self):
        return ReviewedCopyForm


def copy_reviewed_page(request, page):
    """``before_copy_page``: pages that need review are copied as drafts only."""
    if getattr(request, SKIP_COPY_HOOK, False) or not needs_review(page):
        return None
    setattr(request, SKIP_COPY_HOOK, True)  # the view runs the other before_copy_page hooks itself
    return ReviewedCopyView.as_view()(request, page_id=page.pk)


class BulkPublishVisibility:
    """Whether bulk "Publish" can do anything: not on a site where every page type needs review,
    and not for someone who may publish no page at all (an editor, a translator), to whom Wagtail
    would offer it and then refuse every page."""

    @cached_property
    def hidden(self):
        models = [model for model in get_page_models() if model is not Page]
        return bool(models) and all(needs_review(model) for model in models)

    def css(self, user=None):
        """The style that hides it: site-wide (``user`` None), or for this user where the site
        has pages that may be published by hand."""
        if user is None:
            return HIDE_BULK_PUBLISH if self.hidden else ""
        hide = not self.hidden and not PagePermissionPolicy().user_has_permission(user, "publish")
        return HIDE_BULK_PUBLISH if hide else ""


def first_change_js():
    return format_html('<script src="{}" defer></script>', static("translations/first_change.js"))


# A constant, no user data in it.
HIDE_BULK_PUBLISH = mark_safe(  # noqa: S308
    '<style>a[data-bulk-action-button][href*="/bulk/wagtailcore/page/publish/"]{display:none}</style>'
)


bulk_publish = BulkPublishVisibility()
