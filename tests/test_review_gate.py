"""The publish gate, path by path: unreviewed content never goes live, however it is saved.

Each test is an attack through one path (the admin's buttons, code, a shell with the plain
``Page`` model, a management command) and checks that nothing reached readers.
"""

import datetime
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.models import Page, PageLogEntry

from cms.models import ArticlePage, TopicIndexPage
from tests.factories import topic
from tests.workflow import approve, edit, live_title, login, rebuild, submit, translation_of, user
from translations.review_admin import HIDE_BULK_PUBLISH
from translations.review_models import ReviewRefused, SignOff

pytestmark = pytest.mark.django_db


def live_row(page):
    return type(page).objects.get(pk=page.pk)


# In code


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


def test_gate_a_plain_page_object_cannot_make_a_draft_translation_live(article):
    polish = ArticlePage.objects.get(
        slug="treatment-resistant-depression", locale__language_code="pl"
    )  # waits for review
    plain = Page.objects.get(pk=polish.pk)
    assert type(plain) is Page
    plain.live = True
    with pytest.raises(ReviewRefused, match="no medical sign-off"):
        plain.save()
    assert not Page.objects.get(pk=polish.pk).live


def test_gate_a_plain_page_object_cannot_change_a_live_article(article):
    plain = Page.objects.get(pk=article.pk)
    plain.title = "Retitled through Page"
    with pytest.raises(ReviewRefused):
        plain.save()
    with pytest.raises(ReviewRefused):
        plain.save(update_fields=["title"])
    assert live_title(article) == article.title


def test_gate_a_plain_page_object_cannot_publish_a_topic_page_unreviewed(home):
    page = topic(home)
    plain = Page.objects.get(pk=page.pk)
    plain.title = "Unreviewed topic title"
    with pytest.raises(ReviewRefused, match="no review sign-off"):
        plain.save()
    assert TopicIndexPage.objects.get(pk=page.pk).title != "Unreviewed topic title"


def test_a_plain_page_object_may_still_unpublish(article):
    plain = Page.objects.get(pk=article.pk)
    plain.unpublish()
    assert not ArticlePage.objects.get(pk=article.pk).live


# The review record is set by a sign-off only


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reviewed_by", "Dr Nobody, self-appointed"),
        ("last_reviewed", datetime.date(2030, 1, 1)),
        ("next_review_due", datetime.date(2099, 1, 1)),
    ],
)
def test_the_review_record_of_a_live_article_cannot_be_changed_by_a_save(article, field, value):
    before = getattr(article, field)
    page = ArticlePage.objects.get(pk=article.pk)
    setattr(page, field, value)
    with pytest.raises(ReviewRefused):
        page.save()
    with pytest.raises(ReviewRefused):
        page.save(update_fields=[field])
    assert getattr(live_row(article), field) == before


def test_the_review_record_cannot_arrive_in_a_revision_either(article):
    page = ArticlePage.objects.get(pk=article.pk)
    page.reviewed_by = "Dr Nobody"
    revision = page.save_revision(user=user("editor"))
    with pytest.raises(ReviewRefused):
        revision.publish()
    assert live_row(article).reviewed_by != "Dr Nobody"


def test_republishing_signed_off_content_is_allowed(article):
    page = ArticlePage.objects.get(pk=article.pk)
    signed = page.live_revision
    page.unpublish()
    signed.publish()
    assert ArticlePage.objects.get(pk=article.pk).live


# The admin's buttons


@pytest.mark.parametrize("who", ["admin", "reviewer_en", "editor"])
def test_gate_edit_view_publish_button_even_for_superusers(client, article, who):
    from wagtail.test.utils.form_data import rich_text

    from tests.test_admin_editing import article_form

    login(client, who)
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    page = client.get(url)
    assert b'name="action-publish"' not in page.content, "no publish button on a page that needs review"
    data = article_form([("paragraph", rich_text("<p>Unreviewed.</p>"))], title=article.title, slug=article.slug)
    data["action-publish"] = "action-publish"
    client.post(url, data, follow=True)
    assert "Unreviewed." not in str(ArticlePage.objects.get(pk=article.pk).body)
    if who == "admin":
        assert PageLogEntry.objects.filter(page=article, action="carelingua.publish_refused").exists()


def test_gate_edit_view_publish_button_on_a_topic_page(client, home):
    page = topic(home)
    login(client, "admin")
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    assert b'name="action-publish"' not in client.get(url).content
    data = {"title": "Published by hand", "slug": page.slug, "intro": "x", "action-publish": "1"}
    response = client.post(url, data, follow=True)
    assert "needs review" in response.content.decode()
    assert live_title(page) != "Published by hand"


@pytest.mark.parametrize("kind", ["article", "topic"])
def test_gate_bulk_publish(client, article, kind):
    page = article if kind == "article" else article.get_parent().specific
    edit(page, title="Bulk unreviewed")
    login(client, "admin")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={page.pk}"
    response = client.post(url, {"include_descendants": ""}, follow=True)
    assert "needs" in response.content.decode() and "review" in response.content.decode()
    assert live_title(page) != "Bulk unreviewed"


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/x", "/\\evil.example/"])
def test_a_refused_bulk_publish_never_redirects_off_the_site(client, article, next_url):
    login(client, "admin")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    response = client.post(url + f"?id={article.pk}&next={quote(next_url)}", {"include_descendants": ""})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore_root")


def test_a_refused_bulk_publish_returns_to_a_next_url_on_the_site(client, article):
    login(client, "admin")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
    listing = reverse("wagtailadmin_explore", args=(article.get_parent().pk,))
    response = client.post(url + f"?id={article.pk}&next={quote(listing)}", {"include_descendants": ""})
    assert response["Location"] == listing


def test_bulk_publish_is_not_offered_to_those_who_may_publish_no_page(client, article):
    """The test site has page types that need no review, so bulk Publish is useful to some: to
    those who may publish, not to an editor, who would be offered it and refused every page."""
    listing = reverse("wagtailadmin_explore", args=(article.get_parent().pk,))
    assert HIDE_BULK_PUBLISH in login(client, "editor").get(listing).content.decode()
    assert HIDE_BULK_PUBLISH not in login(client, "admin").get(listing).content.decode()


def test_gate_revert_to_an_unreviewed_older_revision(client, article):
    old = edit(article, title="Old unreviewed draft")
    edit(article, title="Newer draft")
    login(client, "admin")
    before = live_title(article)
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(article.pk, old.pk))
    form = client.get(revert_url)
    assert form.status_code == 200 and b'name="action-publish"' not in form.content
    # What the revert form saves: the old content as a new draft; it is not live and cannot be published unreviewed.
    reverted = old.as_object().save_revision(user=user("admin"), previous_revision=old)
    assert reverted.content["title"] == "Old unreviewed draft" and live_title(article) == before
    with pytest.raises(ReviewRefused):
        reverted.publish()
    assert live_title(article) == before not in ("Old unreviewed draft", "Newer draft")


def test_gate_copy_with_publish(client, article):
    with pytest.raises(ReviewRefused):
        CopyPageAction(
            article, to=article.get_parent(), update_attrs={"slug": "copy-1", "title": "Copy"}, keep_live=True
        ).execute(skip_permission_checks=True)
    login(client, "admin")
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
    target = rebuild(translation_of(article, "es"))
    assert ArticlePage.objects.get(pk=target.pk).title == translation_of(article, "es").title
    from tests.workflow import catalog_of

    assert not SignOff.objects.filter(revision=catalog_of(target).built_revision).exists()


def test_unpublishing_is_always_allowed(article):
    page = ArticlePage.objects.get(pk=article.pk)
    page.unpublish(user=user("reviewer_en"))
    assert not ArticlePage.objects.get(pk=article.pk).live


# Aliases follow their source's sign-off


def test_an_alias_follows_its_source_through_review(article):
    home = article.get_parent().get_parent()
    alias = CreatePageAliasAction(
        ArticlePage.objects.get(pk=article.pk), parent=home, update_slug="esketamine-alias"
    ).execute(skip_permission_checks=True)
    assert alias.live
    edit(article, title="Esketamine (reviewed, with alias)")
    state = submit(article)
    approve(state, "editorial_reviewer")
    approve(state, "reviewer_en")
    state.refresh_from_db()
    assert state.status == "approved"
    assert live_title(article) == live_title(alias.specific) == "Esketamine (reviewed, with alias)"


def test_an_alias_cannot_be_given_content_of_its_own(article):
    alias = CreatePageAliasAction(
        ArticlePage.objects.get(pk=article.pk), parent=article.get_parent(), update_slug="esketamine-alias"
    ).execute(skip_permission_checks=True)
    page = ArticlePage.objects.get(pk=alias.pk)
    page.title = "Alias with its own text"
    with pytest.raises(ReviewRefused):
        page.save()


# Scheduled publishing


def schedule(revision, minutes_ago=5):
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    revision.save(update_fields=["approved_go_live_at"])


def test_scheduled_publishing_logs_a_refusal_and_goes_on_with_the_other_pages(home, article):
    unreviewed = edit(article, title="Scheduled unreviewed")
    schedule(unreviewed, 10)
    page = topic(home)
    reviewed = edit(page, title="Depression (scheduled)")
    from tests.workflow import ATTEST
    from translations.review import record_sign_off
    from translations.review_models import EDITORIAL

    record_sign_off(reviewed, user("editorial_reviewer"), EDITORIAL, ATTEST[EDITORIAL])
    schedule(reviewed, 5)
    with pytest.raises(CommandError, match="1 scheduled publication was refused"):
        call_command("publish_scheduled")
    assert live_title(article) != "Scheduled unreviewed"
    refusal = PageLogEntry.objects.get(page=article, action="carelingua.publish_refused")
    assert refusal.data["path"] == "scheduled" and refusal.revision_id == unreviewed.pk
    assert live_title(page) == "Depression (scheduled)", "the other page was published"
