"""Editing articles in the Wagtail admin: bad input gets a validation error, not a crash."""

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.models import ArticlePage, TopicIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, demo):
    client.login(username="editor", password="carelingua-demo")
    return client


def article_form(body, references=(), **overrides):
    data = {
        "title": "Sleep and depression",
        "slug": "sleep-and-depression",
        "author": "Ellen Price, health content editor",
        "summary": streamfield([("point", "Poor sleep and low mood often go together.")]),
        "body": streamfield(body),
        "references": streamfield(list(references)),
        "review_cycle_years": "3",
        **overrides,
    }
    return nested_form_data(data)


def add_article(client, parent, data):
    url = reverse("wagtailadmin_pages:add", args=("cms", "articlepage", parent.pk))
    return client.post(url, data)


def test_editor_can_add_a_draft_article_with_every_kind_of_block(editor_client, home):
    image = Image.objects.create(title="Sleep diary", file=get_test_image_file())
    body = [
        ("heading", "What you can do"),
        ("paragraph", rich_text("<p>Keep a regular <b>bedtime</b>.</p>")),
        ("care_card", {"level": "urgent", "heading": "Get help now", "body": rich_text("<p>If you feel unsafe.</p>")}),
        ("warning_callout", {"heading": "Sleeping tablets", "body": rich_text("<p>Ask before you stop.</p>")}),
        ("inset_text", rich_text("<p>Most people sleep better within weeks.</p>")),
        ("details", {"question": "Is napping bad?", "answer": rich_text("<p>Short naps are fine.</p>")}),
        ("image", {"image": image.pk, "alt_text": "A filled-in sleep diary for one week", "caption": ""}),
    ]
    topic = TopicIndexPage.objects.child_of(home).get()
    response = add_article(editor_client, topic, article_form(body))
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    page = ArticlePage.objects.get(slug="sleep-and-depression")
    assert not page.live
    assert [b.block_type for b in page.body] == [item[0] for item in body]


def test_an_image_without_alt_text_is_a_validation_error(editor_client, home):
    image = Image.objects.create(title="Sleep diary", file=get_test_image_file())
    body = [("image", {"image": image.pk, "alt_text": "", "caption": "A sleep diary"})]
    response = add_article(editor_client, home, article_form(body))
    assert response.status_code == 200
    assert "The page could not be created due to validation errors" in response.content.decode()
    assert response.context["form"].errors["body"]
    assert not ArticlePage.objects.filter(slug="sleep-and-depression").exists()


def test_a_reference_without_a_title_is_a_validation_error(editor_client, home):
    body = [("paragraph", rich_text("<p>Text.</p>"))]
    references = [("reference", {"title": "", "publisher": "NICE", "year": "2022", "url": "", "doi": "", "pmid": ""})]
    response = add_article(editor_client, home, article_form(body, references))
    assert response.status_code == 200
    assert response.context["form"].errors["references"]
    assert not ArticlePage.objects.filter(slug="sleep-and-depression").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [("pmid", "PMID 31166571"), ("doi", "doi.org/10.1056/NEJMoa2302399"), ("year", "1492")],
)
def test_a_malformed_reference_identifier_is_a_validation_error(editor_client, home, field, value):
    reference = {"title": "SUSTAIN-1", "publisher": "JAMA Psychiatry", "year": "2019", "url": "", "doi": "", "pmid": ""}
    reference[field] = value
    body = [("paragraph", rich_text("<p>Text.</p>"))]
    response = add_article(editor_client, home, article_form(body, [("reference", reference)]))
    assert response.status_code == 200
    assert response.context["form"].errors["references"]
    assert not ArticlePage.objects.filter(slug="sleep-and-depression").exists()


def test_editing_an_article_does_not_change_its_review_dates(editor_client, article):
    reviewed = (article.last_reviewed, article.next_review_due, article.reviewed_by)
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    data = article_form(
        [("paragraph", rich_text("<p>Changed text.</p>"))],
        title=article.title,
        slug=article.slug,
        last_reviewed="2001-01-01",
        next_review_due="2002-01-01",
        reviewed_by="Someone else",
    )
    response = editor_client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    draft = article.get_latest_revision_as_object()
    assert "Changed text." in draft.body[0].value.source
    assert (draft.last_reviewed, draft.next_review_due, draft.reviewed_by) == reviewed


def test_editors_cannot_publish(editor_client, article):
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    data = article_form([("paragraph", rich_text("<p>Changed.</p>"))], title=article.title, slug=article.slug)
    data["action-publish"] = "action-publish"
    editor_client.post(url, data)
    article.refresh_from_db()
    assert "Changed." not in str(article.body)


def test_the_review_record_of_a_new_article_says_not_reviewed_yet_not_none(editor_client, home):
    from bs4 import BeautifulSoup

    topic = TopicIndexPage.objects.child_of(home).get()
    html = editor_client.get(reverse("wagtailadmin_pages:add", args=("cms", "articlepage", topic.pk))).content
    outputs = [div.get_text(strip=True) for div in BeautifulSoup(html, "html.parser").select(".w-field__textoutput")]
    assert outputs == ["Not reviewed yet"] * 3
