"""Review: who may approve what, what each reviewer attests, and what a sign-off records."""

import datetime

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry, TaskState, WorkflowState

from cms.models import ArticlePage, TopicIndexPage
from tests.factories import publish_reviewed, topic
from tests.workflow import (
    ATTEST,
    approve,
    attestation_post,
    can_approve,
    catalog_of,
    current,
    edit,
    in_progress,
    live_title,
    login,
    rebuild,
    submit,
    submit_in_page_editor,
    translation_of,
    user,
    workflow_action,
)
from translations.actions import SaveSegment, SyncTranslations
from translations.review import content_hash
from translations.review_models import EDITORIAL, LINGUISTIC, MEDICAL, ReviewRefused, SignOff

pytestmark = pytest.mark.django_db

ROLES = [
    "admin",
    "editor",
    "editorial_reviewer",
    "reviewer_en",
    "reviewer_es",
    "reviewer_ar",
    "translator_es",
    "linguist_es",
    "translator_ar",
]


def approvers(state, page):
    return {name for name in ROLES if can_approve(state, page, name)}


# Who may approve what


def test_only_the_editorial_reviewer_may_act_on_the_editorial_step(article):
    edit(article, title="Esketamine: updated")
    state = submit(article)
    assert approvers(state, article) == {"editorial_reviewer"}, "not superusers, not medical reviewers"


def test_only_the_english_medical_reviewer_may_approve_english_content(article):
    edit(article, title="Esketamine: updated")
    state = submit(article)
    approve(state, "editorial_reviewer")
    assert approvers(state, article) == {"reviewer_en"}, "not superusers, not reviewers of other languages"


def test_spanish_translation_needs_a_second_linguist_then_a_spanish_medical_reviewer(article):
    target = translation_of(article, "es")
    rebuild(target)
    state = submit(target, "translator_es")
    assert approvers(state, target) == {"linguist_es"}
    approve(state, "linguist_es")
    assert approvers(state, target) == {"reviewer_es"}


def test_a_reviewer_of_another_language_is_refused_and_nothing_changes(article):
    edit(article, title="Esketamine: updated")
    state = submit(article)
    approve(state, "editorial_reviewer")
    with pytest.raises(ReviewRefused, match="reviewers may act"):
        approve(state, "reviewer_es", **ATTEST[MEDICAL])
    assert not SignOff.objects.filter(reviewer__username="reviewer_es", page=article).exists()
    assert live_title(article) != "Esketamine: updated"


# What each reviewer attests


@pytest.mark.parametrize("missing", ATTEST[MEDICAL])
def test_a_medical_approval_without_the_full_attestation_is_refused(article, missing):
    edit(article, title="Esketamine: updated")
    state = submit(article)
    approve(state, "editorial_reviewer")
    with pytest.raises(ReviewRefused, match="attestation"):
        approve(state, "reviewer_en", **{**ATTEST[MEDICAL], missing: False})
    assert live_title(article) != "Esketamine: updated"


def test_a_linguist_attests_the_translation_not_its_clinical_content(client, article):
    target = translation_of(article, "es")
    rebuild(target)
    submit(target, "translator_es")
    login(client, "linguist_es")
    task_state = in_progress(target).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(target.pk, "approve", task_state.pk))
    form = BeautifulSoup(client.get(url).json()["html"], "html.parser").get_text(" ")
    assert "says what the source says" in form and "glossary" in form
    assert "clinically accurate" not in form
    clinical_only = attestation_post(MEDICAL)
    workflow_action(client, target, "approve", clinical_only)
    assert current(in_progress(target))[1].role == LINGUISTIC, (
        "a clinical attestation does not pass the linguistic step"
    )
    workflow_action(client, target, "approve", attestation_post(LINGUISTIC))
    sign_off = SignOff.objects.filter(page=target, role=LINGUISTIC).first()
    assert sign_off.attestation == ATTEST[LINGUISTIC]


def test_the_medical_reviewer_attests_clinical_accuracy(client, article):
    edit(article, title="Esketamine: updated")
    state = submit(article)
    approve(state, "editorial_reviewer")
    login(client, "reviewer_en")
    task_state = in_progress(article).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk))
    form = BeautifulSoup(client.get(url).json()["html"], "html.parser").get_text(" ")
    assert "clinically accurate" in form and "every dose" in form


# Stale content, one workflow at a time


def test_approving_a_stale_revision_is_refused(article):
    edit(article, title="First change")
    state = submit(article)
    approve(state, "editorial_reviewer")
    edit(article, title="Second change, after submission")
    with pytest.raises(ReviewRefused, match="changed after it was submitted"):
        approve(state, "reviewer_en")
    assert live_title(article) not in ("First change", "Second change, after submission")


def test_a_version_saved_again_during_review_is_approved_again_by_every_step(article):
    """Each step approves the exact version that goes live: a new revision, even with the same
    content, goes through every step again before it is published."""
    edit(article, title="First change")
    state = submit(article)
    approve(state, "editorial_reviewer")
    edit(article, who="editor")  # saved again during the review, nothing changed
    approve(state, "reviewer_en")
    assert live_title(article) != "First change"
    assert current(state)[1].role == EDITORIAL
    approve(state, "editorial_reviewer")
    approve(state, "reviewer_en")
    assert live_title(article) == "First change"
    assert ArticlePage.objects.get(pk=article.pk).reviewed_by.startswith("Rahul Mehta")


def test_a_second_submission_while_one_is_in_progress_is_refused(article):
    edit(article, title="Esketamine: updated")
    submit(article)
    with pytest.raises(ValidationError, match="only be one"), transaction.atomic():
        submit(article)
    assert WorkflowState.objects.filter(object_id=str(article.pk), status="in_progress").count() == 1


# The sign-off record and review dates


def test_medical_approval_records_the_sign_off_and_publishes(article):
    revision = edit(article, title="Esketamine: reviewed again")
    state = submit(article)
    approve(state, "editorial_reviewer")
    approve(state, "reviewer_en", **ATTEST[MEDICAL], comment="Doses checked against the label.")
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.live and page.title == "Esketamine: reviewed again"
    sign_off = SignOff.objects.filter(page=page, role=MEDICAL).first()
    assert sign_off.revision_id == revision.pk
    assert sign_off.content_hash == content_hash(page)
    assert sign_off.credentials == "MRCPsych, consultant psychiatrist" and sign_off.fictional
    assert sign_off.attestation == ATTEST[MEDICAL]
    assert sign_off.comment == "Doses checked against the label."
    assert page.last_reviewed == timezone.localdate()
    assert page.next_review_due == timezone.localdate().replace(year=timezone.localdate().year + 3)
    assert page.reviewed_by == "Rahul Mehta, MRCPsych, consultant psychiatrist (fictional person)"
    assert SignOff.objects.get(page=page, role=EDITORIAL, revision=revision).reviewer.username == "editorial_reviewer"
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "carelingua.sign_off", "wagtail.publish"} <= actions


def test_a_plain_edit_never_changes_the_review_dates(article):
    before = (article.last_reviewed, article.next_review_due, article.reviewed_by)
    edit(article, title="Draft change", last_reviewed=datetime.date(2001, 1, 1))
    page = ArticlePage.objects.get(pk=article.pk)
    assert (page.last_reviewed, page.next_review_due, page.reviewed_by) == before


def test_review_cycle_is_configurable_per_page(article):
    edit(article, review_cycle_years=1, title="Fast-moving evidence")
    state = submit(article)
    approve(state, "editorial_reviewer")
    approve(state, "reviewer_en")
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.next_review_due.year == page.last_reviewed.year + 1


def test_an_edit_after_approval_is_not_live_until_approved_again(article):
    edit(article, title="Approved title")
    state = submit(article)
    approve(state, "editorial_reviewer")
    approve(state, "reviewer_en")
    edit(article, title="Unreviewed title")
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.title == "Approved title" and page.has_unpublished_changes
    with pytest.raises(ReviewRefused):
        page.get_latest_revision().publish()
    assert live_title(article) == "Approved title"


def test_a_refused_publish_leaves_no_sign_off_and_the_task_waiting(article, monkeypatch):
    """The sign-off and the publish are one transaction: if publishing fails, neither happened."""
    from wagtail.actions.publish_revision import PublishRevisionAction

    edit(article, title="Esketamine: updated")
    state = submit(article)
    approve(state, "editorial_reviewer")

    def fail(*args, **kwargs):
        raise ReviewRefused("The page could not be published.")

    monkeypatch.setattr(PublishRevisionAction, "execute", fail)
    with pytest.raises(ReviewRefused), transaction.atomic():
        approve(state, "reviewer_en")
    assert not SignOff.objects.filter(page=article, role=MEDICAL, reviewer__username="reviewer_en").exclude(
        created_at__lt=state.created_at
    )
    assert current(state)[0].status == TaskState.STATUS_IN_PROGRESS


# Pages without clinical content still need an editorial review on record


def test_a_topic_page_goes_live_after_editorial_review_and_skips_the_medical_step(home):
    page = topic(home)
    edit(page, title="Depression and low mood")
    state = submit(page)
    assert approvers(state, page) == {"editorial_reviewer"}
    approve(state, "editorial_reviewer")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert state.task_states.get(task__name="Medical review (English)").status == TaskState.STATUS_SKIPPED
    assert TopicIndexPage.objects.get(pk=page.pk).title == "Depression and low mood"
    assert SignOff.objects.filter(page=page, role=EDITORIAL, reviewer__username="editorial_reviewer").exists()


def test_a_translated_topic_page_goes_live_after_linguistic_review(home):
    spanish = TopicIndexPage.objects.get(translation_key=topic(home).translation_key, locale__language_code="es")
    catalog = catalog_of(spanish)
    segment = catalog.segments.get(context="title")
    SaveSegment(segment, "Depresión y ánimo bajo", segment.version, user("translator_es")).execute()
    rebuild(spanish)
    state = submit(spanish, "translator_es")
    approve(state, "linguist_es")
    assert TopicIndexPage.objects.get(pk=spanish.pk).title == "Depresión y ánimo bajo"


# Notifications and dashboards follow the language


def test_reviewers_dashboard_lists_only_their_languages(client, article):
    target = translation_of(article, "es")
    rebuild(target)
    approve(submit(target, "translator_es"), "linguist_es")
    assert target.title in login(client, "reviewer_es").get("/admin/").content.decode()
    assert target.title not in login(client, "reviewer_ar").get("/admin/").content.decode()


def test_reviewers_are_emailed_when_a_task_waits_for_them(mailoutbox, article):
    edit(article, title="Mail me")
    state = submit(article)
    mailoutbox.clear()
    approve(state, "editorial_reviewer")
    recipients = {address for message in mailoutbox for address in message.to}
    assert "reviewer_en@carelingua.invalid" in recipients
    assert "reviewer_es@carelingua.invalid" not in recipients


def test_demo_leaves_one_translation_waiting_for_its_medical_reviewer(demo):
    polish = ArticlePage.objects.get(slug="treatment-resistant-depression", locale__language_code="pl")
    state = in_progress(polish)
    assert state.current_task_state.task.name == "Medical review (Polish)"
    assert not polish.live
    assert Locale.objects.filter(language_code="pl").exists()


# The whole flow through the admin's own endpoints


def test_full_flow_in_the_admin_english_then_spanish(client, article):
    from wagtail.test.utils.form_data import rich_text

    from tests.test_admin_editing import article_form

    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    data = article_form(
        [("paragraph", rich_text("<p>Reviewed text.</p>"))], title="Esketamine (2026 update)", slug=article.slug
    )
    data["action-submit"] = "action-submit"
    assert login(client, "editor").post(edit_url, data).status_code == 302

    login(client, "editorial_reviewer")
    assert workflow_action(client, article, "approve", attestation_post(EDITORIAL)).status_code == 302
    login(client, "reviewer_en")
    incomplete = {**attestation_post(MEDICAL), "clinical_accuracy": ""}
    workflow_action(client, article, "approve", incomplete)
    assert live_title(article) != "Esketamine (2026 update)", "an incomplete attestation approves nothing"
    workflow_action(client, article, "approve", attestation_post(MEDICAL))
    assert live_title(article) == "Esketamine (2026 update)"

    # The English change reaches the Spanish catalog; the translator finishes it and builds.
    SyncTranslations(ArticlePage.objects.get(pk=article.pk)).execute()
    target = translation_of(article, "es")
    catalog = catalog_of(target)
    for segment in catalog.segments.unfinished():
        SaveSegment(segment, "ES " + segment.source, segment.version, user("translator_es")).execute()
    rebuild(target)
    assert submit_in_page_editor(login(client, "translator_es"), target).status_code == 302
    assert in_progress(target) is not None, "the translator submitted the built translation from the page editor"
    login(client, "linguist_es")
    workflow_action(client, target, "approve", attestation_post(LINGUISTIC))
    login(client, "reviewer_es")
    workflow_action(client, target, "approve", attestation_post(MEDICAL))
    page = ArticlePage.objects.get(pk=target.pk)
    assert page.live and page.reviewed_by.startswith("Lucía Navarro")

    html = BeautifulSoup(client.get(page.url).content, "html.parser").get_text(" ")
    assert "Lucía Navarro" in html
    assert format_date(page.last_reviewed, format="long", locale="es") in html


def test_a_refused_approval_in_the_admin_says_why(client, article):
    edit(article, title="First change")
    state = submit(article)
    approve(state, "editorial_reviewer")
    edit(article, title="Second change, after submission")
    response = workflow_action(login(client, "reviewer_en"), article, "approve", attestation_post(MEDICAL))
    assert response.status_code == 302
    assert "changed after it was submitted" in client.get(response.url).content.decode()
    assert live_title(article) not in ("First change", "Second change, after submission")


# Translations: what may be submitted, and what the sign-off records


def test_an_unfinished_translation_cannot_be_submitted(article):
    from translations.models import Segment

    target = translation_of(article, "es")
    Segment.objects.filter(pk=catalog_of(target).segments.get(context="title").pk).update(state=Segment.MACHINE)
    with pytest.raises(ReviewRefused, match="not translated and confirmed"):
        submit(target, "translator_es")
    assert in_progress(target) is None


def test_a_translation_with_a_dose_error_cannot_be_submitted(article):
    target = translation_of(article, "es")
    segment = catalog_of(target).segments.filter(source__contains="56mg").first()
    SaveSegment(segment, segment.translation.replace("56", "65"), segment.version, user("translator_es")).execute()
    rebuild(target)
    with pytest.raises(ReviewRefused, match="quality errors"):
        submit(target, "translator_es")


def test_a_draft_whose_text_was_changed_outside_the_catalog_cannot_be_submitted(article):
    target = translation_of(article, "es")
    edit(target, who="translator_es", title="Cambiado a mano")
    with pytest.raises(ReviewRefused, match="build it again"):
        submit(target, "translator_es")


def test_a_built_draft_saved_again_unchanged_can_be_submitted(article):
    """Wagtail's submit button saves a new revision first: same content, so it is still the build."""
    target = translation_of(article, "es")
    rebuild(target)
    edit(target, who="translator_es")
    assert submit(target, "translator_es").status == "in_progress"


def test_a_translation_sent_back_for_changes_is_submitted_again_from_the_translation_editor(client, article):
    """The status box offers "Submit for review" after changes were requested: it goes back to
    the reviewer who asked, in the same workflow (it used to fail on Wagtail's one-workflow rule)."""
    target = translation_of(article, "es")
    rebuild(target)
    state = submit(target, "translator_es")
    task_state, task = current(state)
    task.on_action(task_state, user("linguist_es"), "reject", comment="Use «pulverizador nasal».")
    catalog = catalog_of(target)
    segment = catalog.segments.get(context="title")
    SaveSegment(segment, segment.translation + " (revisado)", segment.version, user("translator_es")).execute()
    rebuild(target)

    response = login(client, "translator_es").post(reverse("carelingua_translations:submit", args=[catalog.pk]))
    page = client.get(response.url).content.decode()

    assert "Submitted for review: Linguistic review (Spanish) is next." in page
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert current(state)[1].role == LINGUISTIC
    assert current(state)[0].revision_id == catalog_of(target).built_revision_id
    assert in_progress(target).pk == state.pk, "the same workflow, back at the step that asked for changes"


def test_the_translation_editor_tells_the_reviewer_whose_step_it_is_what_to_do(client, article):
    target = translation_of(article, "es")
    rebuild(target)
    submit(target, "translator_es")
    url = reverse("carelingua_translations:editor", args=[catalog_of(target).pk])
    linguist = login(client, "linguist_es").get(url).content.decode()
    assert "This review step is yours" in linguist and "Open your dashboard" in linguist
    assert "Nothing to do until the reviewers answer" not in linguist
    for other in ("translator_es", "reviewer_es"):
        page = login(client, other).get(url).content.decode()
        assert "This review step is yours" not in page, other
    assert "Nothing to do until the reviewers answer" in login(client, "translator_es").get(url).content.decode()


def test_the_sign_off_records_the_acknowledged_quality_warnings(article):
    target = translation_of(article, "es")
    rebuild(target)
    state = submit(target, "translator_es")
    approve(state, "linguist_es")
    approve(state, "reviewer_es")
    sign_off = SignOff.objects.filter(page=target, role=MEDICAL).first()
    assert sign_off.acknowledged_warnings, "the demo translation has warnings (reference titles kept in English)"
    assert all(identifier.count("|") >= 3 for identifier in sign_off.acknowledged_warnings)


def test_factory_publish_goes_through_a_sign_off(article):
    page = publish_reviewed(edit(article, title="Via factory").content_object.specific)
    assert page.title == "Via factory"
    assert SignOff.objects.filter(page=page, content_hash=content_hash(page)).exists()
