"""Search within one language: /<lang>/search/?q=..."""

import pytest
from bs4 import BeautifulSoup

from cms.models import ArticlePage

pytestmark = pytest.mark.django_db


def results(client, lang, query, status=200):
    response = client.get(f"/{lang}/search/", {"q": query})
    assert response.status_code == status, response.status_code
    page = BeautifulSoup(response.content, "html.parser")
    return page, [a["href"] for a in page.select(".search-results a")]


def test_search_finds_the_spanish_article_for_a_spanish_word(client, article):
    spanish = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="es")
    page, hrefs = results(client, "es", "esketamina")
    assert spanish.url in hrefs
    assert all(href.startswith("/es/") for href in hrefs)
    assert page.html["lang"] == "es"


def test_search_in_one_language_never_returns_another_languages_pages(client, article):
    _page, hrefs = results(client, "es", "treatment")
    assert hrefs == []
    _page, hrefs = results(client, "en", "esketamine")
    assert article.url in hrefs and all(href.startswith("/en/") for href in hrefs)


def test_search_leaves_out_pages_that_are_not_live(client, demo):
    _page, hrefs = results(client, "pl", "depresja lekooporna")
    assert "/pl/depression/treatment-resistant-depression/" not in hrefs


def test_an_empty_search_shows_the_form_only(client, demo):
    page, hrefs = results(client, "ar", "")
    assert hrefs == [] and page.find("input", attrs={"name": "q"}) is not None
    assert page.html["dir"] == "rtl"


def test_a_very_long_query_is_cut_to_200_characters(client, demo):
    page, _hrefs = results(client, "en", "ketamine " * 40)  # 360 characters
    assert len(page.find("input", attrs={"name": "q"})["value"]) <= 200
    assert page.select_one(".search-note") is not None


@pytest.mark.parametrize(
    "query",
    ["x" * 300, '"', "'", "*", "NEAR(", "AND OR NOT", '"unclosed', "-", "^", "%_\\", "ke*tam:ine(", "\u0000", "١٢٣"],
)
def test_odd_queries_never_fail(client, demo, query):
    results(client, "en", query)


@pytest.mark.parametrize("page_number", ["2", "0", "-1", "abc", "9" * 50])
def test_any_results_page_number_is_answered(client, demo, page_number):
    response = client.get("/en/search/", {"q": "depression", "page": page_number})
    assert response.status_code == 200


def test_the_search_page_switches_language_keeping_the_readers_words(client, demo):
    page, hrefs = results(client, "es", "ketamine")
    assert hrefs == [], "English words find nothing among the Spanish pages"
    links = {a["lang"]: a for a in page.select(".language-switcher a")}
    assert set(links) == {"en", "es", "pl", "ar", "ur", "zh-hans"}
    assert links["en"]["href"] == "/en/search/?q=ketamine"
    assert links["es"].get("aria-current") == "page" and links["ar"]["dir"] == "rtl"
    english, english_hrefs = results(client, "en", "ketamine")
    assert english_hrefs, "the same words find the English article"


def test_control_characters_are_left_out_of_the_query_shown_back(client, demo):
    response = client.get("/en/search/", {"q": "keta\x00mine\x1b"})
    assert b"\x00" not in response.content and b"\x1b" not in response.content
    assert BeautifulSoup(response.content, "html.parser").find("input", attrs={"name": "q"})["value"] == "ketamine"
