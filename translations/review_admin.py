"""Admin screens of review: what reviewers see on their dashboard, and publish controls that
are not offered where the publish gate would refuse them.

- The dashboard's "Awaiting your review" lists each task with a comparison against the last
  approved version of the page (what changed since readers last got a reviewed version),
  not against the revision saved a moment before (an autosave shows "no differences").
- Copying a page that needs review offers no "Publish copies": the copy goes through review.
- Bulk "Publish" is hidden when every page type of the site needs review.
"""

from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.copy import CopyView
from wagtail.models import Page, get_page_models

from .review import last_approval, needs_review

SKIP_COPY_HOOK = "_carelingua_reviewed_copy"


def changes_since_approval_url(page, revision):
    """A comparison of ``revision`` with the last approved version of the page, or "" for a
    page that was never approved (everything in it is new)."""
    approval = last_approval(page)
    approved = approval.revision_id if approval is not None else None
    if approved is None or approved == revision.pk:
        return ""
    return reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, approved, revision.pk))


class ReviewsPanel(WorkflowObjectsToModeratePanel):
    """Wagtail's "Awaiting your review", each task with what changed since the last approval."""

    template_name = "translations/review/_dashboard_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            obj, revision = state["obj"], state["task_state"].revision
            if isinstance(obj, Page):
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
    """Whether bulk "Publish" can do anything on this site: not if every page type needs review."""

    @cached_property
    def hidden(self):
        models = [model for model in get_page_models() if model is not Page]
        return bool(models) and all(needs_review(model) for model in models)

    def css(self):
        return HIDE_BULK_PUBLISH if self.hidden else ""


# A constant, no user data in it.
HIDE_BULK_PUBLISH = mark_safe(  # noqa: S308
    '<style>a[data-bulk-action-button][href*="/bulk/wagtailcore/page/publish/"]{display:none}</style>'
)


bulk_publish = BulkPublishVisibility()
