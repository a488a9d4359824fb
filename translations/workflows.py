"""The action Wagtail runs when a review workflow is approved (``WAGTAIL_FINISH_WORKFLOW_ACTION``).

Wagtail imports it while it loads its own models, so this module imports nothing at load time.
"""


def publish_approved(workflow_state, user=None):
    """The approval of the last task publishes the page.

    The approval itself is the authority: reviewers need no publish permission of their own
    (Wagtail's default asks the last approver for one), and the publish gate still checks the
    sign-off of the content.
    """
    workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
