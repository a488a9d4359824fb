"""The read-only JSON API: published articles only, by language, linked to their translations."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Locale, PageViewRestriction

from cms.models import ArticlePage
from tests.factories import publish_reviewed

pytestmark = pytest.mark.django_db

ARTICLE_FIELDS = {
    "title",
    "summary",
    "body",
    "references",
    "author",
    "last_reviewed",
    "next_review_due",
    "reviewed_by",
    "translations",
}


def listing(client, query=""):
    response = client.get(f"/api/v2/articles/{query}")
    assert response.status_code == 200, response.content
    return response.json()["items"]


def detail(client, page):
    response = client.get(f"/api/v2/articles/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def path_of(url):
    return urlsplit(url).path


def test_articles_endpoint_lists_only_live_articles(client, demo):
    items = listing(client, "?limit=20")
    live = ArticlePage.objects.live().public()
    assert {item["id"] for item in items} == set(live.values_list("pk", flat=True))
    assert {item["meta"]["type"] for item in items} == {"cms.ArticlePage"}


def test_filter_by_language_returns_that_languages_articles(client, article):
    spanish = article.get_translation(Locale.objects.get(language_code="es"))
    items = listing(client, "?locale=es")
    assert [item["id"] for item in items] == [spanish.pk]
    assert {item["meta"]["locale"] for item in items} == {"es"}


def test_detail_has_content_review_dates_and_reviewer(client, article):
    data = detail(client, article)
    assert ARTICLE_FIELDS <= data.keys()
    assert data["title"] == article.title
    assert data["author"] == article.author
    assert data["reviewed_by"] == article.reviewed_by
    assert data["last_reviewed"] == article.last_reviewed.isoformat()
    assert data["next_review_due"] == article.next_review_due.isoformat()
    assert len(data["references"]) == len(article.references)
    assert {block["type"] for block in data["body"]} >= {"heading", "paragraph"}


def test_listing_carries_review_dates_and_translations_by_default(client, article):
    item = next(item for item in listing(client, "?locale=en") if item["id"] == article.pk)
    assert {"last_reviewed", "next_review_due", "reviewed_by", "translations"} <= item.keys()


def test_translations_link_each_published_language_version(client, article):
    links = detail(client, article)["translations"]
    assert [link["locale"] for link in links] == ["ar", "es", "pl", "ur", "zh-hans"]
    for link in links:
        translation = ArticlePage.objects.get(pk=link["id"])
        assert translation.translation_key == article.translation_key and translation.live
        assert link["title"] == translation.title
        assert path_of(link["detail_url"]) == f"/api/v2/articles/{translation.pk}/"
        assert path_of(link["html_url"]) == translation.url
        assert client.get(path_of(link["detail_url"])).status_code == 200
        assert client.get(path_of(link["html_url"])).status_code == 200


def test_translations_link_back_to_the_source(client, article):
    spanish = article.get_translation(Locale.objects.get(language_code="es"))
    links = detail(client, spanish)["translations"]
    assert {link["locale"]: link["id"] for link in links}["en"] == article.pk


def test_a_translation_waiting_for_review_never_appears(client, demo):
    draft = ArticlePage.objects.get(slug="treatment-resistant-depression", locale__language_code="pl")
    assert not draft.live
    assert draft.pk not in {item["id"] for item in listing(client, "?locale=pl")}
    assert client.get(f"/api/v2/articles/{draft.pk}/", follow=True).status_code == 404
    source = ArticlePage.objects.get(slug="treatment-resistant-depression", locale__language_code="en")
    assert "pl" not in [link["locale"] for link in detail(client, source)["translations"]]


def test_a_draft_revision_of_a_live_article_is_not_served(client, article):
    article.title = "Unreviewed draft title"
    article.save_revision()
    assert detail(client, article)["title"] != "Unreviewed draft title"
    assert "Unreviewed draft title" not in {item["title"] for item in listing(client, "?limit=20")}


def test_publishing_the_draft_after_review_updates_the_api(client, article):
    article.title = "Reviewed new title"
    article.save_revision()
    publish_reviewed(article)
    assert detail(client, article)["title"] == "Reviewed new title"


def test_an_unpublished_translation_disappears_from_the_listing_and_the_links(client, article):
    arabic = article.get_translation(Locale.objects.get(language_code="ar"))
    arabic.unpublish()
    assert listing(client, "?locale=ar") == []
    assert [link["locale"] for link in detail(client, article)["translations"]] == ["es", "pl", "ur", "zh-hans"]


def test_a_private_article_never_appears(client, article):
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    assert article.pk not in {item["id"] for item in listing(client, "?limit=20")}
    assert "en" not in [
        link["locale"]
        for link in detail(client, article.get_translation(Locale.objects.get(language_code="es")))["translations"]
    ]


def test_the_articles_endpoint_never_serves_other_page_types(client, demo):
    assert listing(client, "?type=cms.HomePage") == []


def test_pages_endpoint_serves_home_and_topics_by_language(client, demo):
    response = client.get("/api/v2/pages/?locale=pl")
    assert response.status_code == 200
    types = {item["meta"]["type"] for item in response.json()["items"]}
    assert types == {"cms.HomePage", "cms.TopicIndexPage", "cms.ArticlePage"}


@pytest.mark.parametrize("code", ["xx", "EN-gb", "<script>", "e" * 2000])
def test_an_unknown_language_is_a_clear_bad_request(client, demo, code):
    response = client.get("/api/v2/articles/", {"locale": code})
    assert response.status_code == 400
    assert response.json() == {"message": "locale doesn't exist"}


def test_the_api_is_read_only(client, article):
    assert client.post("/api/v2/articles/", {"title": "x"}).status_code == 405
    assert client.delete(f"/api/v2/articles/{article.pk}/").status_code == 405


def test_an_unknown_article_in_the_api_is_a_plain_404_not_a_language_redirect(client, demo):
    response = client.get("/api/v2/articles/999999/")
    assert response.status_code == 404
    assert not client.get("/api/v2/articles/999999/").get("Location", "").startswith("/en/")
