"""Medical review: who may approve what, four eyes, sign-offs, and the publish gate on every path."""

import datetime

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.copy_page import CopyPageAction
from wagtail.models import Locale, PageLogEntry, WorkflowState

from cms.models import ArticlePage
from tests.factories import publish_reviewed
from translations.actions import BuildTranslation, SaveSegment, SyncTranslations
from translations.review import ATTESTATION_FIELDS, content_hash
from translations.review_models import ReviewRefused, SignOff

pytestmark = pytest.mark.django_db

ATTEST = dict.fromkeys(ATTESTATION_FIELDS, True)
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


def user(name):
    return get_user_model().objects.get(username=name)


def edit(page, **changes):
    """An editor's change, saved as a new draft revision."""
    page = ArticlePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    return page.save_revision(user=user("editor"))


def submit(page, who="editor"):
    page = ArticlePage.objects.get(pk=page.pk)
    return page.get_workflow().start(page, user(who))


def current(state):
    state.refresh_from_db()
    return state.current_task_state, state.current_task_state.task.specific


def approve(state, who, **answers):
    task_state, task = current(state)
    task.on_action(task_state, user(who), "approve", **answers)


def can_approve(state, page, who):
    _task_state, task = current(state)
    return any(name == "approve" for name, *_rest in task.get_actions(page, user(who)))


def rebuild(target, who="translator_es"):
    """The translator builds the draft again from the complete catalog (a new revision)."""
    from translations.models import TranslationCatalog

    catalog = TranslationCatalog.objects.get(translation_key=target.translation_key, target_locale=target.locale)
    return BuildTranslation(catalog, user(who)).execute()


def spanish(article):
    return ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="es")


def live_title(page):
    return ArticlePage.objects.get(pk=page.pk).title


# Who may approve what


def test_only_the_editorial_reviewer_may_act_on_the_editorial_step(article):
    edit(article, title="Esketamine: updated")
    state = submit(article)
    allowed = {name for name in ROLES if can_approve(state, article, name)}
    assert allowed == {"admin", "editorial_reviewer"}  # Wagtail's own group task lets superusers act


def test_only_the_english_medical_reviewer_may_approve_english_content(article):
    edit(article, title="Esketamine: updated")
    state = submit(article)
    approve(state, "editorial_reviewer")
    allowed = {name for name in ROLES if can_approve(state, article, name)}
    assert allowed == {"reviewer_en"}, "not superusers, not reviewers of other languages"


def test_spanish_translation_needs_a_second_linguist_then_a_spanish_medical_reviewer(article):
    target = spanish(article)
    rebuild(target)
    state = submit(target, "translator_es")
    assert {name for name in ROLES if can_approve(state, target, name)} == {"linguist_es"}
    approve(state, "linguist_es")
    assert {name for name in ROLES if can_approve(state, target, name)} == {"reviewer_es"}


def test_a_reviewer_of_another_language_is_refused_and_nothing_changes(article):
    edit(article, title="Esketamine: updated")
    state = submit(article)
    approve(state, "editorial_reviewer")
    with pytest.raises(ReviewRefused, match="reviewers may act"):
        approve(state, "reviewer_es", **ATTEST)
    assert not SignOff.objects.filter(reviewer__username="reviewer_es", page=article).exists()
    assert live_title(article) != "Esketamine: updated"


# Four eyes, stale content, attestation


def test_a_reviewer_cannot_approve_content_they_wrote(article):
    reviewer = user("reviewer_en")
    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "Written by the reviewer"
    page.save_revision(user=reviewer)
    state = page.get_workflow().start(page, user("editor"))
    approve(state, "editorial_reviewer")
    with pytest.raises(ReviewRefused, match="someone else must review"):
        approve(state, "reviewer_en", **ATTEST)
    assert live_title(article) != "Written by the reviewer"


def test_a_translator_cannot_review_their_own_translation(article):
    target = spanish(article)
    linguist = user("linguist_es")
    from translations.models import TranslationCatalog

    catalog = TranslationCatalog.objects.get(translation_key=article.translation_key, target_locale=target.locale)
    segment = catalog.segments.get(context="title")
    linguist.groups.add(*user("translator_es").groups.all())
    SaveSegment(segment, segment.translation + " (revisada)", segment.version, linguist).execute()
    BuildTranslation(catalog, user("translator_es")).execute()
    state = submit(target, "translator_es")
    with pytest.raises(ReviewRefused, match="someone else must review"):
        approve(state, "linguist_es")
    assert current(state)[0].status == "in_progress"


def test_approving_a_stale_revision_is_refused(article):
    edit(article, title="First change")
    state = submit(article)
    approve(state, "editorial_reviewer")
    edit(article, title="Second change, after submission")
    with pytest.raises(ReviewRefused, match="changed after it was submitted"):
        approve(state, "reviewer_en", **ATTEST)
    assert live_title(article) == ArticlePage.objects.get(pk=article.pk).title != "Second change, after submission"


@pytest.mark.parametrize("missing", ATTESTATION_FIELDS)
def test_approving_without_the_full_attestation_is_refused(article, missing):
    edit(article, title="Esketamine: updated")
    state = submit(article)
    approve(state, "editorial_reviewer")
    with pytest.raises(ReviewRefused, match="attestation"):
        approve(state, "reviewer_en", **{**ATTEST, missing: False})
    assert live_title(article) != "Esketamine: updated"


def test_double_submission_keeps_one_workflow(client, article):
    client.force_login(user("editor"))
    edit(article, title="Esketamine: updated")
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    submit(article)
    page = ArticlePage.objects.get(pk=article.pk)
    with pytest.raises(Exception):  # noqa: B017, PT011 (Wagtail refuses a second workflow in its own way)
        page.get_workflow().start(page, user("editor"))
    assert WorkflowState.objects.filter(object_id=str(article.pk), status="in_progress").count() == 1
    assert client.get(url).status_code == 200


# Sign-off and review dates


def test_medical_approval_records_the_sign_off_and_publishes(article):
    revision = edit(article, title="Esketamine: reviewed again")
    state = submit(article)
    approve(state, "editorial_reviewer")
    approve(state, "reviewer_en", **ATTEST, comment="Doses checked against the label.")
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.live and page.title == "Esketamine: reviewed again"
    sign_off = SignOff.objects.filter(page=page, role="medical").first()
    assert sign_off.revision_id == revision.pk
    assert sign_off.content_hash == content_hash(page)
    assert sign_off.credentials == "MRCPsych, consultant psychiatrist" and sign_off.fictional
    assert sign_off.attestation == ATTEST
    assert page.last_reviewed == timezone.localdate()
    assert page.next_review_due == timezone.localdate().replace(year=timezone.localdate().year + 3)
    assert page.reviewed_by == "Rahul Mehta, MRCPsych, consultant psychiatrist (fictional person)"
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
    approve(state, "reviewer_en", **ATTEST)
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.next_review_due.year == page.last_reviewed.year + 1


def test_an_edit_after_approval_is_not_live_until_approved_again(article):
    edit(article, title="Approved title")
    state = submit(article)
    approve(state, "editorial_reviewer")
    approve(state, "reviewer_en", **ATTEST)
    edit(article, title="Unreviewed title")
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.title == "Approved title" and page.has_unpublished_changes
    with pytest.raises(ReviewRefused):
        page.get_latest_revision().publish()
    assert live_title(article) == "Approved title"


# The publish gate, path by path


def test_gate_revision_publish_in_code(article):
    revision = edit(article, title="Unreviewed")
    with pytest.raises(ReviewRefused, match="no medical sign-off"):
        revision.publish()
    assert live_title(article) != "Unreviewed"


def test_gate_saving_a_live_page_directly(article):
    page = ArticlePage.objects.get(pk=article.pk)
    page.title = "Changed behind the workflow's back"
    with pytest.raises(ReviewRefused):
        page.save()
    assert live_title(article) != "Changed behind the workflow's back"


@pytest.mark.parametrize("who", ["admin", "reviewer_en"])
def test_gate_edit_view_publish_button_even_for_superusers(client, article, who):
    client.force_login(user(who))
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    page = client.get(url)
    assert b'name="action-publish"' not in page.content, "no publish button on a page that needs review"
    from wagtail.test.utils.form_data import rich_text

    from tests.test_admin_editing import article_form

    data = article_form([("paragraph", rich_text("<p>Unreviewed.</p>"))], title=article.title, slug=article.slug)
    data["action-publish"] = "action-publish"
    response = client.post(url, data, follow=True)
    assert "needs medical review" in response.content.decode()
    assert "Unreviewed." not in str(ArticlePage.objects.get(pk=article.pk).body)
    assert PageLogEntry.objects.filter(page=article, action="carelingua.publish_refused").exists()


def test_gate_bulk_publish(client, article):
    client.force_login(user("admin"))
    edit(article, title="Bulk unreviewed")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={article.pk}"
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert "needs medical review" in response.content.decode()
    assert live_title(article) != "Bulk unreviewed"


def test_gate_scheduled_publishing(article):
    revision = edit(article, title="Scheduled unreviewed")
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save()
    with pytest.raises(ReviewRefused):
        call_command("publish_scheduled")
    assert live_title(article) != "Scheduled unreviewed"


def test_gate_revert_to_an_unreviewed_older_revision(client, article):
    old = edit(article, title="Old unreviewed draft")
    edit(article, title="Newer draft")
    client.force_login(user("admin"))
    url = reverse("wagtailadmin_pages:revisions_revert", args=(article.pk, old.pk))
    assert client.get(url).status_code == 200
    with pytest.raises(ReviewRefused):
        old.publish()
    assert live_title(article) not in ("Old unreviewed draft", "Newer draft")


def test_gate_copy_with_publish(client, article):
    with pytest.raises(ReviewRefused):
        CopyPageAction(
            article, to=article.get_parent(), update_attrs={"slug": "copy-1", "title": "Copy"}, keep_live=True
        ).execute(skip_permission_checks=True)
    client.force_login(user("admin"))
    url = reverse("wagtailadmin_pages:copy", args=(article.pk,))
    data = {
        "new_title": "Copy",
        "new_slug": "copy-2",
        "new_parent_page": article.get_parent().pk,
        "publish_copies": "on",
    }
    response = client.post(url, data, follow=True)
    assert "needs medical review" in response.content.decode()
    assert not ArticlePage.objects.filter(slug__startswith="copy-", live=True).exists()


def test_gate_translation_build_never_publishes(article):
    from translations.models import TranslationCatalog

    catalog = TranslationCatalog.objects.get(translation_key=article.translation_key, target_locale__language_code="es")
    target = BuildTranslation(catalog).execute()
    assert ArticlePage.objects.get(pk=target.pk).title == spanish(article).title
    assert not SignOff.objects.filter(revision=catalog.built_revision).exists()


def test_unpublishing_is_always_allowed(article):
    page = ArticlePage.objects.get(pk=article.pk)
    page.unpublish(user=user("reviewer_en"))
    assert not ArticlePage.objects.get(pk=article.pk).live


def test_republishing_signed_off_content_is_allowed(article):
    page = ArticlePage.objects.get(pk=article.pk)
    page.unpublish()
    page.live_revision.publish() if page.live_revision else page.get_latest_revision().publish()
    assert ArticlePage.objects.get(pk=article.pk).live


# The whole demo flow, through the admin


def workflow_action(client, page, action, data):
    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    task_state = state.current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, data)


def test_full_flow_in_the_admin_english_then_spanish(client, article):
    from wagtail.test.utils.form_data import rich_text

    from tests.test_admin_editing import article_form

    client.force_login(user("editor"))
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    data = article_form(
        [("paragraph", rich_text("<p>Reviewed text.</p>"))], title="Esketamine (2026 update)", slug=article.slug
    )
    data["action-submit"] = "action-submit"
    assert client.post(edit_url, data).status_code == 302

    client.force_login(user("editorial_reviewer"))
    assert workflow_action(client, article, "approve", {"comment": ""}).status_code == 302
    client.force_login(user("reviewer_en"))
    incomplete = {**dict.fromkeys(ATTESTATION_FIELDS, "on"), "clinical_accuracy": ""}
    workflow_action(client, article, "approve", incomplete)
    assert live_title(article) != "Esketamine (2026 update)", "an incomplete attestation approves nothing"
    workflow_action(client, article, "approve", dict.fromkeys(ATTESTATION_FIELDS, "on"))
    assert live_title(article) == "Esketamine (2026 update)"

    # The English change reaches the Spanish catalog; the translator finishes it and builds.
    SyncTranslations(ArticlePage.objects.get(pk=article.pk)).execute()
    target = spanish(article)
    from translations.models import TranslationCatalog

    catalog = TranslationCatalog.objects.get(translation_key=article.translation_key, target_locale=target.locale)
    for segment in catalog.segments.unfinished():
        SaveSegment(segment, "ES " + segment.source, segment.version, user("translator_es")).execute()
    rebuild(target)
    client.force_login(user("translator_es"))
    es_edit = reverse("wagtailadmin_pages:edit", args=(target.pk,))
    assert client.get(es_edit).status_code == 200
    submit(target, "translator_es")
    client.force_login(user("linguist_es"))
    workflow_action(client, target, "approve", {"comment": ""})
    client.force_login(user("reviewer_es"))
    workflow_action(client, target, "approve", dict.fromkeys(ATTESTATION_FIELDS, "on"))
    page = ArticlePage.objects.get(pk=target.pk)
    assert page.live and page.reviewed_by.startswith("Lucía Navarro")

    html = BeautifulSoup(client.get(page.url).content, "html.parser").get_text(" ")
    assert "Lucía Navarro" in html
    assert format_date(page.last_reviewed, format="long", locale="es") in html


def test_reviewers_dashboard_lists_only_their_languages(client, article):
    target = spanish(article)
    rebuild(target)
    submit(target, "translator_es")
    approve(WorkflowState.objects.get(object_id=str(target.pk), status="in_progress"), "linguist_es")
    client.force_login(user("reviewer_es"))
    assert target.title in client.get("/admin/").content.decode()
    client.force_login(user("reviewer_ar"))
    assert target.title not in client.get("/admin/").content.decode()


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
    state = WorkflowState.objects.get(object_id=str(polish.pk), status="in_progress")
    assert state.current_task_state.task.name == "Medical review (Polish)"
    assert not polish.live
    assert Locale.objects.filter(language_code="pl").exists()


def test_factory_publish_goes_through_a_sign_off(article):
    page = publish_reviewed(edit(article, title="Via factory").content_object.specific)
    assert page.title == "Via factory"


def test_a_refused_approval_in_the_admin_says_why(client, article):
    edit(article, title="First change")
    state = submit(article)
    approve(state, "editorial_reviewer")
    edit(article, title="Second change, after submission")
    client.force_login(user("reviewer_en"))
    response = workflow_action(client, article, "approve", dict.fromkeys(ATTESTATION_FIELDS, "on"))
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "changed after it was submitted" in page
    assert live_title(article) not in ("First change", "Second change, after submission")


def test_an_unfinished_translation_cannot_be_submitted(article):
    target = spanish(article)
    from translations.models import Segment, TranslationCatalog

    catalog = TranslationCatalog.objects.get(translation_key=article.translation_key, target_locale=target.locale)
    Segment.objects.filter(pk=catalog.segments.get(context="title").pk).update(state=Segment.MACHINE)
    with pytest.raises(ReviewRefused, match="not translated and confirmed"):
        submit(target, "translator_es")
    assert not WorkflowState.objects.filter(object_id=str(target.pk), status="in_progress").exists()


def test_a_translation_with_a_dose_error_cannot_be_submitted(article):
    target = spanish(article)
    from translations.models import TranslationCatalog

    catalog = TranslationCatalog.objects.get(translation_key=article.translation_key, target_locale=target.locale)
    segment = catalog.segments.filter(source__contains="56mg").first()
    SaveSegment(segment, segment.translation.replace("56", "65"), segment.version, user("translator_es")).execute()
    rebuild(target)
    with pytest.raises(ReviewRefused, match="quality errors"):
        submit(target, "translator_es")


def test_a_draft_edited_outside_the_catalog_cannot_be_submitted(article):
    target = spanish(article)
    target.title = "Cambiado a mano"
    target.save_revision(user=user("translator_es"))
    with pytest.raises(ReviewRefused, match="build it again"):
        submit(target, "translator_es")


def test_the_sign_off_records_the_acknowledged_quality_warnings(article):
    target = spanish(article)
    rebuild(target)
    state = submit(target, "translator_es")
    approve(state, "linguist_es")
    approve(state, "reviewer_es", **ATTEST)
    sign_off = SignOff.objects.filter(page=target, role="medical").first()
    assert sign_off.acknowledged_warnings, "the demo translation has warnings (reference titles kept in English)"
    assert all(identifier.count("|") >= 3 for identifier in sign_off.acknowledged_warnings)
