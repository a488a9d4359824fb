"""Reviewers act in the admin: each action is confirmed with what happens next, and approving in
the page editor approves; it saves no revision of its own that would need approving again."""

import json

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import TaskState

from cms.models import ArticlePage, TopicIndexPage
from tests.test_admin_editing import add_article, article_form
from tests.workflow import ATTEST, attestation_post, current, in_progress, login, user
from translations.review_models import EDITORIAL, MEDICAL

pytestmark = pytest.mark.django_db

REFERENCE = {"title": "Sleep and mood", "publisher": "", "year": "2019", "url": "", "doi": "", "pmid": ""}


@pytest.fixture
def submitted(client, home):
    """A new article with a reference year, submitted for review by the editor in the admin."""
    data = article_form([("heading", "Sleep")], references=[("reference", REFERENCE)])
    topic = TopicIndexPage.objects.child_of(home).get()
    assert add_article(login(client, "editor"), topic, {**data, "action-submit": "action-submit"}).status_code == 302
    return ArticlePage.objects.get(slug="sleep-and-depression")


def last_message(response):
    """The message this response added: the last one waiting to be shown (earlier steps left theirs)."""
    messages = [str(message).strip() for message in get_messages(response.wsgi_request)]
    return messages[-1] if messages else ""


def dashboard_action(client, page, action, data):
    """What the dashboard's Approve and Request changes post (with the page to return to)."""
    task_state = in_progress(page).current_task_state
    url = reverse("carelingua_translations:review_action", args=(page.pk, action, task_state.pk))
    return client.post(url, {**data, "next": reverse("wagtailadmin_home")})


def editor_action(client, page, action, answers):
    """What the page editor posts when a reviewer chooses a workflow action in its footer, having
    changed nothing: the form as it was drawn, with the blocks' ids and a year as typed text."""
    data = article_form([("heading", "Sleep")], references=[("reference", REFERENCE)])
    latest = page.get_latest_revision_as_object()
    for name in ("summary", "body", "references"):
        data.update({f"{name}-{index}-id": block.id for index, block in enumerate(getattr(latest, name))})
    workflow = {"action-workflow-action": "true", "workflow-action-name": action}
    workflow["workflow-action-extra-data"] = json.dumps(answers)
    return client.post(reverse("wagtailadmin_pages:edit", args=(page.pk,)), {**data, **workflow})


def test_the_dashboard_uses_the_confirming_action(client, submitted):
    html = login(client, "editorial_reviewer").get(reverse("wagtailadmin_home")).content.decode()
    task_state = in_progress(submitted).current_task_state
    assert reverse("carelingua_translations:review_action", args=(submitted.pk, "approve", task_state.pk)) in html


def test_an_approval_on_the_dashboard_says_which_step_comes_next(client, submitted):
    response = dashboard_action(login(client, "editorial_reviewer"), submitted, "approve", attestation_post(EDITORIAL))
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert last_message(response) == (
        "You approved \u201cSleep and depression\u201d (Editorial review (English)). "
        "It now waits for Medical review (English)."
    )


def test_the_last_approval_on_the_dashboard_says_the_page_is_live(client, submitted):
    dashboard_action(login(client, "editorial_reviewer"), submitted, "approve", attestation_post(EDITORIAL))
    response = dashboard_action(login(client, "reviewer_en"), submitted, "approve", attestation_post(MEDICAL))
    assert (
        last_message(response)
        == "You approved \u201cSleep and depression\u201d (Medical review (English)). It is live now."
    )
    assert ArticlePage.objects.get(pk=submitted.pk).live


def test_an_incomplete_attestation_confirms_nothing(client, submitted):
    login(client, "editorial_reviewer")
    response = dashboard_action(client, submitted, "approve", {**attestation_post(EDITORIAL), "links": ""})
    assert "You approved" not in last_message(response)
    assert current(in_progress(submitted))[1].role == EDITORIAL


def test_requesting_changes_on_the_dashboard_says_where_the_page_went(client, submitted):
    response = dashboard_action(
        login(client, "editorial_reviewer"), submitted, "reject", {"comment": "Shorter, please."}
    )
    assert last_message(response) == (
        "You requested changes to \u201cSleep and depression\u201d: it is back with whoever submitted it, "
        "who sees your comment and can submit it again."
    )


def test_approving_in_the_page_editor_moves_the_review_on_without_a_revision_of_its_own(client, submitted):
    revisions = submitted.revisions.count()
    response = editor_action(login(client, "editorial_reviewer"), submitted, "approve", ATTEST[EDITORIAL])
    assert response.status_code == 302
    assert submitted.revisions.count() == revisions, "the approval saved a revision that needs approving again"
    assert current(in_progress(submitted))[1].role == MEDICAL
    assert last_message(response) == (
        "You approved \u201cSleep and depression\u201d (Editorial review (English)). "
        "It now waits for Medical review (English)."
    )


def test_the_last_approval_in_the_page_editor_publishes(client, submitted):
    editor_action(login(client, "editorial_reviewer"), submitted, "approve", ATTEST[EDITORIAL])
    response = editor_action(login(client, "reviewer_en"), submitted, "approve", ATTEST[MEDICAL])
    page = ArticlePage.objects.get(pk=submitted.pk)
    assert page.live and page.reviewed_by.startswith("Rahul Mehta")
    assert last_message(response).endswith("It is live now.")


def test_a_reviewer_who_changes_the_page_in_the_editor_saves_it_and_the_approval_is_refused(client, submitted):
    data_change = {"title": "Sleep and low mood"}
    login(client, "editorial_reviewer")
    task_state = in_progress(submitted).current_task_state
    data = article_form([("heading", "Sleep")], references=[("reference", REFERENCE)], **data_change)
    latest = submitted.get_latest_revision_as_object()
    for name in ("summary", "body", "references"):
        data.update({f"{name}-{index}-id": block.id for index, block in enumerate(getattr(latest, name))})
    workflow = {"action-workflow-action": "true", "workflow-action-name": "approve"}
    workflow["workflow-action-extra-data"] = json.dumps(ATTEST[EDITORIAL])
    response = client.post(reverse("wagtailadmin_pages:edit", args=(submitted.pk,)), {**data, **workflow})
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=submitted.pk).get_latest_revision().user == user("editorial_reviewer")
    assert TaskState.objects.get(pk=task_state.pk).status == TaskState.STATUS_IN_PROGRESS
    assert "changed after it was submitted" in last_message(response)


def test_the_dashboard_compares_a_submission_with_the_approved_version_not_the_autosave_before_it(client, article):
    """The editor's autosave keeps a revision a moment before the submission: the comparison
    starts from the version readers have, so the changed dose shows."""
    from bs4 import BeautifulSoup

    from tests.workflow import edit, submit

    body = [dict(block) for block in article.body.raw_data]
    for block in body:
        if block["type"] == "paragraph":
            block["value"] = block["value"].replace("56mg or 84mg", "84mg")
    live = article.live_revision_id
    edit(article, body=body)  # the autosave
    submitted = edit(article, body=body)  # saved again by the submission
    submit(article)
    html = login(client, "editorial_reviewer").get(reverse("wagtailadmin_home")).content.decode()
    link = BeautifulSoup(html, "html.parser").find("a", string="Changes since the last approval")["href"]
    assert (
        link
        == reverse("wagtailadmin_pages:revisions_compare", args=(article.pk, live, submitted.pk)) + "#tl-first-change"
    )
    deleted = BeautifulSoup(client.get(link).content, "html.parser").select("main .deletion")
    assert [mark.get_text() for mark in deleted] == ["56mg or "]
