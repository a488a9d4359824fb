"""Four eyes: nobody approves content they changed since it was last approved.

Authors are decided from what changed, not from who saved last: saving someone else's text
again neither hides their authorship nor creates one's own.
"""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import TaskState

from tests.factories import filled_po
from tests.workflow import (
    approve,
    catalog_of,
    current,
    edit,
    login,
    rebuild,
    submit,
    translation_of,
    user,
)
from translations.actions import SaveSegment
from translations.authorship import authors_of
from translations.machine.jobs import PreTranslateCatalog
from translations.machine.models import MachineTranslationJob
from translations.models import Segment, SegmentChange
from translations.po_import import ImportPO
from translations.review_models import ReviewRefused

pytestmark = pytest.mark.django_db

SOMEONE_ELSE = "someone else must review"


def save_segment_in_the_editor(client, catalog, segment, text, who):
    """What the translation editor's Save button posts."""
    login(client, who)
    url = reverse("carelingua_translations:save_segment", args=(catalog.pk, segment.pk))
    body = {"translation": text, "version": Segment.objects.get(pk=segment.pk).version}
    return client.post(url, json.dumps(body), content_type="application/json")


# Source pages


def test_a_reviewer_cannot_approve_their_own_change_resaved_by_the_editor(article):
    edit(article, who="reviewer_en", title="Esketamine: the reviewer's wording")
    edit(article, who="editor")  # the editor opens it and saves again without changing anything
    state = submit(article)
    approve(state, "editorial_reviewer")
    with pytest.raises(ReviewRefused, match=SOMEONE_ELSE):
        approve(state, "reviewer_en")
    assert current(state)[0].status == TaskState.STATUS_IN_PROGRESS


def test_a_reviewer_who_saved_without_changing_anything_may_still_approve(article):
    edit(article, who="editor", title="Esketamine: the editor's wording")
    edit(article, who="reviewer_en")  # opened and saved, no change
    state = submit(article)
    approve(state, "editorial_reviewer")
    approve(state, "reviewer_en")
    assert type(article).objects.get(pk=article.pk).title == "Esketamine: the editor's wording"


def test_a_change_approved_earlier_does_not_make_its_author_an_author_of_the_next_change(article):
    second = user("editorial_reviewer")  # a second English medical reviewer approves the first change
    second.groups.add(Group.objects.get(name="Medical reviewers (English)"))
    edit(article, who="reviewer_en", title="First change, by the reviewer")
    state = submit(article)
    approve(state, "editorial_reviewer")
    approve(state, "editorial_reviewer")  # as the second medical reviewer
    edit(article, who="editor", title="Second change, by the editor")
    state = submit(article)
    second.groups.remove(Group.objects.get(name="Medical reviewers (English)"))
    approve(state, "editorial_reviewer")
    approve(state, "reviewer_en")
    assert type(article).objects.get(pk=article.pk).title == "Second change, by the editor"


def test_an_author_earlier_in_the_same_round_stays_an_author(article):
    edit(article, who="reviewer_en", title="The reviewer's change")
    edit(article, who="editor", title="The editor's change on top")
    state = submit(article)
    approve(state, "editorial_reviewer")
    with pytest.raises(ReviewRefused, match=SOMEONE_ELSE):
        approve(state, "reviewer_en")


# Translations


def test_a_linguist_cannot_approve_a_segment_they_changed_that_the_translator_saved_again(client, article):
    target = translation_of(article, "es")
    catalog = catalog_of(target)
    segment = catalog.segments.get(context="title")
    user("linguist_es").groups.add(Group.objects.get(name="Translators (Spanish)"))
    assert save_segment_in_the_editor(
        client, catalog, segment, segment.translation + " (revisada)", "linguist_es"
    ).json()["ok"]
    text = Segment.objects.get(pk=segment.pk).translation
    save_segment_in_the_editor(client, catalog, segment, text, "translator_es")  # saved again, unchanged
    rebuild(target)
    state = submit(target, "translator_es")
    with pytest.raises(ReviewRefused, match=SOMEONE_ELSE):
        approve(state, "linguist_es")
    assert current(state)[0].status == TaskState.STATUS_IN_PROGRESS


def test_saving_the_same_text_again_writes_no_history(article):
    catalog = catalog_of(translation_of(article, "es"))
    segment = catalog.segments.get(context="title")
    before = SegmentChange.objects.count()
    SaveSegment(segment, segment.translation, segment.version, user("translator_es")).execute()
    assert SegmentChange.objects.count() == before


def test_whoever_ran_machine_translation_is_an_author(article, polish):
    job = MachineTranslationJob.objects.create(catalog=polish, backend="pseudo", requested_by=user("linguist_pl"))
    PreTranslateCatalog(job).execute()
    change = SegmentChange.objects.filter(catalog=polish, via=SegmentChange.MACHINE).first()
    assert (change.user.username, change.machine_backend) == ("linguist_pl", "pseudo")
    for segment in polish.segments.current():  # the translator post-edits every suggestion
        SaveSegment(segment, segment.source, segment.version, user("translator_pl")).execute()
    target = polish.target_object
    rebuild(target, "translator_pl")
    assert user("linguist_pl").pk in authors_of(target, target.get_latest_revision())
    state = submit(target, "translator_pl")
    with pytest.raises(ReviewRefused, match=SOMEONE_ELSE):
        approve(state, "linguist_pl")


def test_whoever_imported_a_po_file_or_built_the_draft_is_an_author(article, polish):
    ImportPO(polish, filled_po(polish), user("translator_pl")).execute()
    target = polish.target_object
    rebuild(target, "linguist_pl")
    authors = authors_of(target, target.get_latest_revision())
    assert {user("translator_pl").pk, user("linguist_pl").pk} <= authors


def test_a_change_made_while_the_last_version_was_in_review_still_counts_after_it_was_approved(client, article):
    """The linguist's change missed the version that was approved; it is in the next build."""
    target = translation_of(article, "es")
    catalog = catalog_of(target)
    rebuild(target)
    state = submit(target, "translator_es")
    user("linguist_es").groups.add(Group.objects.get(name="Translators (Spanish)"))
    segment = catalog.segments.get(context="title")
    save_segment_in_the_editor(client, catalog, segment, segment.translation + " (revisada)", "linguist_es")
    user("linguist_ar").groups.add(Group.objects.get(name="Linguistic reviewers (Spanish)"))
    approve(state, "linguist_ar")  # another Spanish linguist approves the version in review
    approve(state, "reviewer_es")
    rebuild(target)
    state = submit(target, "translator_es")
    with pytest.raises(ReviewRefused, match=SOMEONE_ELSE):
        approve(state, "linguist_es")


def test_a_medical_reviewer_who_changes_the_page_during_review_cannot_approve_it(client, article):
    """Through the admin: the review task opens the page editor to its reviewer; a change saved
    there makes the reviewer an author, even once the editor submits the page again."""
    from wagtail.test.utils.form_data import rich_text

    from tests.test_admin_editing import article_form
    from tests.workflow import attestation_post, in_progress, workflow_action
    from translations.review_models import MEDICAL

    edit(article, who="editor", title="Esketamine: the editor's change")
    state = submit(article)
    approve(state, "editorial_reviewer")
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    body = [("paragraph", rich_text("<p>Take 112mg.</p>"))]
    form = article_form(body, title="Esketamine: the reviewer's change", slug=article.slug)
    assert login(client, "reviewer_en").post(edit_url, form).status_code == 302
    assert article.revisions.order_by("-pk").first().user.username == "reviewer_en"
    state.cancel(user=user("editor"))  # the editor takes it back and submits it again, unchanged
    state = submit(article)
    approve(state, "editorial_reviewer")
    response = workflow_action(login(client, "reviewer_en"), article, "approve", attestation_post(MEDICAL))
    assert SOMEONE_ELSE in client.get(response.url).content.decode()
    assert in_progress(article).current_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert type(article).objects.get(pk=article.pk).title == article.title
