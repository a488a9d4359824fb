"""The full-page cache for anonymous readers: hits, who never gets a cached page, purging."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from wagtail.models import Locale, PageViewRestriction

from cms.cache import HEADER
from cms.models import ArticlePage, Region, TopicIndexPage
from tests.factories import publish_reviewed, topic

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.CMS_PAGE_CACHE_SECONDS = 600
    caches[settings.CMS_PAGE_CACHE_ALIAS].clear()
    yield
    caches[settings.CMS_PAGE_CACHE_ALIAS].clear()


def get(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response, response.get(HEADER)


def translation(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def test_second_anonymous_request_is_served_from_cache_without_queries(client, article, django_assert_num_queries):
    first, state = get(client, article.url)
    assert (first.status_code, state) == (200, "miss")
    with django_assert_num_queries(0):
        second, state = get(client, article.url)
    assert (second.status_code, state) == (200, "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize("code", ["en", "es", "ar"])
def test_home_topic_and_article_are_cached_in_each_language(client, article, code):
    page = translation(article, code)
    for url in (page.get_parent().get_parent().url, page.get_parent().url, page.url):
        assert get(client, url)[1] == "miss"
        assert get(client, url)[1] == "hit"


def test_logged_in_readers_never_get_or_fill_the_cache(client, article):
    editor = get_user_model().objects.get(username="editor")
    assert get(client, article.url)[1] == "miss"
    client.force_login(editor)
    response, state = get(client, article.url)
    assert response.status_code == 200 and state is None
    client.logout()
    caches["default"].clear()
    client.force_login(editor)
    get(client, article.url)
    client.logout()
    assert get(client, article.url)[1] == "miss"


def test_publishing_purges_the_page(client, article):
    get(client, article.url)
    assert get(client, article.url)[1] == "hit"
    article.title = "Esketamine: the reviewed new title"
    article.save_revision()
    publish_reviewed(article)
    response, state = get(client, article.url)
    assert state == "miss"
    assert "Esketamine: the reviewed new title" in response.content.decode()


def test_publishing_purges_the_parent_listing(client, article):
    listing = article.get_parent().url
    get(client, listing)
    article.title = "A title the listing must show"
    article.save_revision()
    publish_reviewed(article)
    assert "A title the listing must show" in client.get(listing).content.decode()


def test_publishing_a_translation_purges_every_language_version_and_their_listings(client, article):
    spanish = translation(article, "es")
    urls = [translation(article, code).url for code in ("en", "es", "ar")] + [spanish.get_parent().url]
    for url in urls:
        get(client, url)
        assert get(client, url)[1] == "hit"
    spanish.title = "Esketamina: nuevo título revisado"
    spanish.save_revision()
    publish_reviewed(spanish, reviewer="reviewer_es")
    assert [get(client, url)[1] for url in urls] == ["miss"] * len(urls)
    assert "Esketamina: nuevo título revisado" in client.get(spanish.get_parent().url).content.decode()


def test_publishing_a_topic_purges_the_articles_under_it(client, article):
    parent = article.get_parent().specific
    get(client, article.url)
    parent.title = "Depression and low mood"
    parent.save_revision()
    publish_reviewed(parent)
    response, state = get(client, article.url)
    assert state == "miss"


def test_unpublishing_purges(client, article):
    get(client, article.url)
    assert get(client, article.url)[1] == "hit"
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert article.title not in client.get(article.get_parent().url).content.decode()


def test_unpublishing_a_translation_purges_the_others(client, article):
    arabic = translation(article, "ar")
    get(client, article.url)
    arabic.unpublish()
    assert get(client, article.url)[1] == "miss"
    assert client.get(arabic.url).status_code == 404


def test_a_draft_is_never_served(client, article):
    get(client, article.url)
    article.title = "Unreviewed draft title"
    article.save_revision()
    for _ in range(2):
        assert "Unreviewed draft title" not in client.get(article.url).content.decode()
    draft = ArticlePage.objects.get(slug="treatment-resistant-depression", locale__language_code="pl")
    for _ in range(2):
        response, state = get(client, draft.url)
        assert response.status_code == 404 and state is None


def test_a_new_slug_purges_the_old_url(client, article, django_capture_on_commit_callbacks):
    old_url = article.url
    get(client, old_url)
    article.slug = "esketamine-renamed"
    article.save_revision()
    with django_capture_on_commit_callbacks(execute=True):
        publish_reviewed(article)
    response, state = get(client, old_url)
    assert state is None
    assert (response.status_code, response["Location"]) == (301, "/en/depression/esketamine-renamed/")


def test_publishing_changed_emergency_numbers_purges_every_page(client, article):
    client.cookies["region"] = "uk"
    get(client, article.url)
    assert get(client, article.url)[1] == "hit"
    region = Region.objects.get(code="uk", locale__language_code="en")
    numbers = list(region.numbers.all())
    numbers[0].number = "112"
    region.numbers = numbers
    region.save_revision().publish()
    response, state = get(client, article.url)
    assert state == "miss" and "tel:112" in response.content.decode() and "tel:999" not in response.content.decode()


def test_each_region_gets_its_own_copy(client, article):
    client.cookies["region"] = "us"
    get(client, article.url)
    response, state = get(client, article.url)
    assert state == "hit" and "tel:911" in response.content.decode()
    del client.cookies["region"]
    response, state = get(client, article.url)
    assert state == "miss" and "tel:" not in response.content.decode()
    client.cookies["region"] = "uk"
    response, state = get(client, article.url)
    assert state == "miss" and "tel:999" in response.content.decode() and "tel:911" not in response.content.decode()


@pytest.mark.parametrize("query", ["?region=nowhere", "?q=depression", "?region=us&region=uk", "?view=bilingual"])
def test_other_query_strings_and_unknown_regions_are_never_cached(client, article, query):
    for _ in range(2):
        assert get(client, article.url + query)[1] is None


def test_an_unknown_region_cookie_is_never_cached(client, article):
    client.cookies["region"] = "x" * 300
    for _ in range(2):
        response, state = get(client, article.url)
        assert response.status_code == 200 and state is None


def test_choosing_a_region_is_not_cached_because_it_sets_a_cookie(client, article):
    for _ in range(2):
        response, state = get(client, article.url + "?region=us")
        assert "region" in response.cookies and state is None


def test_a_page_with_a_view_restriction_is_never_cached(client, demo):
    page = topic(TopicIndexPage.objects.get(slug="depression", locale__language_code="en").get_parent())
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret")
    for _ in range(2):
        assert get(client, page.url)[1] is None


def test_a_reader_with_a_session_is_not_served_from_cache(client, article):
    get(client, article.url)
    client.cookies["sessionid"] = "anything"
    assert get(client, article.url)[1] is None


def test_turned_off_it_serves_every_request_fresh(client, article, settings):
    settings.CMS_PAGE_CACHE_SECONDS = 0
    for _ in range(2):
        assert get(client, article.url)[1] is None


def test_readers_whose_browsers_name_different_countries_share_one_copy_without_numbers(client, article):
    response, state = get(client, article.url, HTTP_ACCEPT_LANGUAGE="es-ES")
    assert state == "miss" and "tel:" not in response.content.decode()
    response, state = get(client, article.url, HTTP_ACCEPT_LANGUAGE="en-US")
    assert state == "hit" and "tel:" not in response.content.decode()


def test_readers_in_two_countries_named_by_the_cdn_get_their_own_copies(client, article, settings):
    settings.CMS_REGION_COUNTRY_HEADER = "CloudFront-Viewer-Country"
    for country, number, other in [("GB", "tel:999", "tel:911"), ("US", "tel:911", "tel:999")]:
        response, state = get(client, article.url, HTTP_CLOUDFRONT_VIEWER_COUNTRY=country)
        assert state == "miss" and number in response.content.decode() and other not in response.content.decode()
    for country, number in [("GB", "tel:999"), ("US", "tel:911")]:
        response, state = get(client, article.url, HTTP_CLOUDFRONT_VIEWER_COUNTRY=country)
        assert state == "hit" and number in response.content.decode()
        assert "CloudFront-Viewer-Country" in response["Vary"]
    # The browser's languages never choose: one copy for "no country" serves them all.
    response, state = get(client, article.url, HTTP_ACCEPT_LANGUAGE="en-US")
    assert state == "miss" and "tel:" not in response.content.decode()
    response, state = get(client, article.url, HTTP_ACCEPT_LANGUAGE="en-GB")
    assert state == "hit" and "tel:" not in response.content.decode()
