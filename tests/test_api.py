"""The read-only JSON API: published articles only, by language, linked to their translations."""

from urllib.parse import urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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


# Odd query strings: a 4xx with the reason, never a 500.


def _answer(client, url):
    response = client.get(url)
    return response.status_code, response.json()


def test_an_id_past_any_database_integer_is_not_found(client, demo):
    assert _answer(client, "/api/v2/articles/99999999999999999999/") == (404, {"message": "not found"})
    assert _answer(client, "/api/v2/pages/99999999999999999999/") == (404, {"message": "not found"})


def test_an_offset_past_any_database_integer_is_a_bad_request(client, demo):
    status, data = _answer(client, "/api/v2/articles/?offset=99999999999999999999")
    assert (status, data) == (400, {"message": "offset cannot be higher than 2147483647"})


def test_search_syntax_is_read_as_words_like_the_search_page(client, article):
    status, data = _answer(client, '/api/v2/articles/?search="esketamine&locale=en')
    assert status == 200
    assert article.pk in {item["id"] for item in data["items"]}
    assert _answer(client, '/api/v2/articles/?search="*"')[1]["items"] == []


def test_a_search_with_control_characters_is_a_bad_request(client, demo):
    status, data = _answer(client, "/api/v2/articles/?search=%00")
    assert (status, data) == (400, {"message": "search cannot contain control characters"})


def test_a_search_longer_than_the_search_page_allows_is_a_bad_request(client, demo):
    status, data = _answer(client, "/api/v2/articles/?search=" + "a" * 201)
    assert (status, data) == (400, {"message": "search cannot be longer than 200 characters"})


def test_an_unknown_search_operator_is_a_bad_request(client, demo):
    status, data = _answer(client, "/api/v2/articles/?search=x&search_operator=xor")
    assert (status, data) == (400, {"message": "search_operator must be 'and' or 'or'"})
    assert _answer(client, "/api/v2/articles/?search=x&search_operator=or")[0] == 200


def test_find_by_an_id_that_is_not_a_number_is_a_bad_request(client, demo):
    assert _answer(client, "/api/v2/pages/find/?id=abc") == (400, {"message": "id must be a positive integer"})
    assert _answer(client, "/api/v2/pages/find/?id=99999999999999999999") == (404, {"message": "not found"})


def test_find_by_id_still_redirects_to_the_page(client, article):
    response = client.get(f"/api/v2/articles/find/?id={article.pk}")
    assert response.status_code == 302
    assert path_of(response["Location"]) == f"/api/v2/articles/{article.pk}/"


PARAMETERS = [
    *("limit offset fields order search search_operator rich_text_format format type child_of".split()),
    *("ancestor_of descendant_of translation_of locale site id html_path title slug q page region _".split()),
]
ODD_VALUES = [
    "",
    "0",
    "-1",
    "99999999999999999999",
    "2147483648",
    "root",
    "random",
    "*",
    "-*",
    "_",
    '"',
    "'",
    "\x00",
    "%",
    "%ZZ",
    "\u202e",
    "and",
    "or",
    "xor",
    "html",
    "api",
    "json",
    "cms.ArticlePage",
    "wagtailcore.Page",
    "title,-body",
    "body(*)",
    "(",
    "NEAR(a b)",
    "a OR b",
    "title:x",
    "/en/",
    "..",
    "e" * 300,
]
VALUES = st.one_of(
    st.sampled_from(ODD_VALUES),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=40),
)
QUERIES = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), st.text(max_size=8)), VALUES), max_size=4)
FUZZ_SETTINGS = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ_SETTINGS
@given(endpoint=st.integers(min_value=0, max_value=9), query=QUERIES, raw=st.booleans())
def test_fuzz_no_query_string_makes_the_api_or_the_search_page_fail(client, article, home, endpoint, query, raw):
    """A few hundred generated query strings, on every API endpoint and the search page: never a 5xx."""
    path = [
        "/api/v2/articles/",
        f"/api/v2/articles/{article.pk}/",
        "/api/v2/articles/find/",
        "/api/v2/pages/",
        f"/api/v2/pages/{home.pk}/",
        "/api/v2/pages/find/",
        "/api/v2/articles/99999999999999999999/",
        "/en/search/",
        "/ar/search/",
        "/zh-hans/search/",
    ][endpoint]
    # raw: the text as typed, percent signs and all; otherwise properly encoded
    encoded = "&".join(f"{key}={value}" for key, value in query) if raw else urlencode(query)
    response = client.get(f"{path}?{encoded}")
    assert response.status_code < 500, (path, encoded, response.content[:300])


def test_translator_text_in_rich_text_comes_out_escaped(client, article):
    from django.contrib.auth import get_user_model

    from tests.workflow import catalog_of, rebuild, translation_of
    from translations.actions import SaveSegment

    spanish = translation_of(article, "es")
    catalog = catalog_of(spanish)
    segment = next(s for s in catalog.segments.current() if s.context.startswith("body.") and "<1>" in s.source)
    text = segment.translation + " Escriba <su nombre> & <5 mg."
    translator = get_user_model().objects.get(username="translator_es")
    SaveSegment(segment, text, segment.version, translator).execute()
    publish_reviewed(rebuild(spanish), reviewer="reviewer_es")
    for query in ("", "?rich_text_format=html"):
        body = client.get(f"/api/v2/articles/{spanish.pk}/{query}").content.decode()
        assert "Escriba &lt;su nombre&gt; &amp; &lt;5 mg." in body
        assert "<su nombre>" not in body
