"""Where a translation stands, derived from its catalog and its page's review workflow.

Nothing here is stored: the catalog says how much is translated and what was last built;
Wagtail's workflow says whether it is in review, or came back with changes requested; the
page says whether the built content is live. One function, used by every screen.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.models import Page, TaskState, WorkflowState

from .models import Segment
from .review import holds_built_content

NEW, IN_PROGRESS, OUTDATED, TO_BUILD, TO_SUBMIT, IN_REVIEW, CHANGES_REQUESTED, LIVE = (
    "new",
    "progress",
    "outdated",
    "build",
    "submit",
    "review",
    "changes",
    "live",
)


NEXT_STEPS = {
    NEW: gettext_lazy("Translate every segment, in the editor below or in a PO file."),
    IN_PROGRESS: gettext_lazy("Translate and confirm every segment; then build the draft."),
    OUTDATED: gettext_lazy("The source changed: revisit the segments that need review, then build again."),
    TO_BUILD: gettext_lazy("Every segment is translated. Build the draft, then submit it for review."),
    TO_SUBMIT: gettext_lazy(
        "The draft holds these translations. Submit it for review: it goes live once its reviewers approve it."
    ),
    IN_REVIEW: gettext_lazy("Nothing to do until the reviewers answer; changes made now go into the next build."),
    CHANGES_REQUESTED: gettext_lazy("Make the changes asked for, build the draft again and submit it again."),
    LIVE: gettext_lazy("This translation is live as built."),
}


@dataclass(frozen=True)
class TranslationStatus:
    code: str  # one of the constants above, also the CSS modifier
    label: str
    detail: str = ""  # who has it, since when, what they asked for

    @property
    def next_step(self):
        return str(NEXT_STEPS.get(self.code, ""))

    @property
    def can_build(self):
        return self.code in (TO_BUILD, TO_SUBMIT, CHANGES_REQUESTED)

    @property
    def can_submit(self):
        return self.code in (TO_SUBMIT, CHANGES_REQUESTED)


def progress_status(catalog, progress):
    """The status of a catalog with segments still to translate or revisit."""
    unfinished = progress.total - progress.done
    if catalog.built_revision_id and unfinished:
        label = ngettext(
            "Outdated: %(count)d segment to revisit", "Outdated: %(count)d segments to revisit", unfinished
        ) % {"count": unfinished}
        return TranslationStatus(OUTDATED, label)
    if progress.counts.get(Segment.UNTRANSLATED, 0) == progress.total and unfinished:
        return TranslationStatus(NEW, _("Not translated yet"))
    return TranslationStatus(IN_PROGRESS, _("In progress"))


def _workflow_status(state):
    task_state = state.current_task_state
    if state.status == WorkflowState.STATUS_IN_PROGRESS and task_state is not None:
        # Translators: e.g. “Waiting for Linguistic review (Spanish) since 3 December 2026”
        detail = _("Waiting for %(task)s since %(date)s") % {
            "task": task_state.task.name,
            "date": task_state.started_at.date().isoformat(),
        }
        return TranslationStatus(IN_REVIEW, _("In review"), detail)
    rejected = state.task_states.filter(status=TaskState.STATUS_REJECTED).select_related("finished_by").last()
    who = rejected.finished_by.get_full_name() if rejected and rejected.finished_by else ""
    comment = rejected.get_comment() if rejected else ""
    # Translators: e.g. “Diego Ramos: The dose in the table is wrong.”
    detail = _("%(who)s: %(comment)s") % {"who": who, "comment": comment} if comment else who
    return TranslationStatus(CHANGES_REQUESTED, _("Changes requested"), detail)


def translation_status(catalog, progress, target=None):
    """The status of one catalog. ``progress`` is its ``editor.Progress``; ``target`` its
    translated object, if already loaded. A few queries, whatever the catalog's size."""
    if progress.total - progress.done:
        return progress_status(catalog, progress)
    target = target if target is not None else catalog.target_object
    if not isinstance(target, Page):
        # A snippet with revisions is built again after a segment changed since the last build.
        built = bool(catalog.built_revision_id) and (
            not hasattr(target, "get_latest_revision") or holds_built_content(catalog, target)
        )
        return (
            TranslationStatus(LIVE, _("Complete"))
            if built
            else TranslationStatus(TO_BUILD, _("Complete: build the draft"))
        )
    state = target.current_workflow_state
    if state is not None:
        status = _workflow_status(state)
        if status.code == IN_REVIEW or holds_built_content(catalog, target):
            return status
    if not holds_built_content(catalog, target):
        return TranslationStatus(TO_BUILD, _("Complete: build the draft"))
    if target.live and not target.has_unpublished_changes:
        return TranslationStatus(LIVE, _("Live"))
    return TranslationStatus(TO_SUBMIT, _("Built: submit it for review"))
