"""Reading in many languages: the switcher, the root redirect, missing pages, alternates."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders

from cms.models import ArticlePage

pytestmark = pytest.mark.django_db


def soup(response, status=200):
    assert response.status_code == status, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def translation(article, code):
    return ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code=code)


def switcher(page):
    return page.find("nav", class_="language-switcher")


# ---------- Language switcher ----------


def test_switcher_lists_only_the_published_translations_in_their_own_names(client, article):
    links = switcher(soup(client.get(article.url))).find_all("a")
    assert [(a["lang"], a["hreflang"], a.get_text(strip=True)) for a in links] == [
        ("en", "en", "English"),
        ("es", "es", "Español"),
        ("pl", "pl", "Polski"),
        ("ar", "ar", "العربية"),
        ("ur", "ur", "اردو"),
        ("zh-hans", "zh-Hans", "中文 (简体)"),
    ]
    codes = ["es", "pl", "ar", "ur", "zh-hans"]
    assert [a["href"] for a in links] == [article.url, *(translation(article, code).url for code in codes)]


def test_switcher_marks_the_current_language(client, article):
    links = switcher(soup(client.get(translation(article, "ar").url))).find_all("a")
    assert [a["lang"] for a in links if a.get("aria-current")] == ["ar"]
    assert next(a for a in links if a["lang"] == "ar")["dir"] == "rtl"


def test_switcher_leaves_out_a_translation_that_is_not_live(client, article):
    polish = ArticlePage.objects.get(slug="treatment-resistant-depression", locale__language_code="pl")
    assert not polish.live  # waiting for its medical reviewer
    english = ArticlePage.objects.get(translation_key=polish.translation_key, locale__language_code="en")
    page = soup(client.get(english.url))
    assert switcher(page) is None, "one published language: nothing to switch to"
    assert "/pl/" not in str(page.head)


def test_topic_page_switcher_lists_every_language_it_is_published_in(client, demo):
    langs = [a["lang"] for a in switcher(soup(client.get("/es/depression/"))).find_all("a")]
    assert langs == ["en", "es", "pl", "ar", "ur", "zh-hans"]


# ---------- Root redirect ----------


@pytest.mark.parametrize(
    ("header", "target"),
    [
        ("es-ES,es;q=0.9", "/es/"),
        ("ar-EG,ar;q=0.8,en;q=0.5", "/ar/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("de-DE,fr;q=0.9", "/en/"),
        ("", "/en/"),
        ("es;q=zzz,,;;=", "/en/"),
        ("ü" * 5000, "/en/"),
    ],
)
def test_root_redirects_to_the_best_language_from_accept_language(client, demo, header, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)
    assert (response.status_code, response["Location"]) == (302, target)
    assert "Accept-Language" in response["Vary"]


def test_root_redirect_without_accept_language_goes_to_english(client, demo):
    response = client.get("/")
    assert response["Location"] == "/en/"


# ---------- Unknown language, missing translation ----------


@pytest.mark.parametrize("path", ["/xx/", "/xx/depression/", "/ES/", "/en-gb/", "/zz-top/x/"])
def test_an_unknown_language_prefix_is_a_404_not_a_redirect(client, demo, path):
    response = client.get(path)
    assert response.status_code == 404
    assert b"<html" in response.content


def test_the_unknown_language_page_offers_the_languages_the_site_has(client, demo):
    page = soup(client.get("/xx/", HTTP_ACCEPT_LANGUAGE="es"), status=404)
    assert page.html["lang"] == "es"
    hrefs = {a["href"] for a in page.select(".other-languages a")}
    assert {"/en/", "/es/", "/ar/", "/ur/"} <= hrefs


def test_an_unprefixed_page_path_still_redirects_to_the_readers_language(client, demo):
    response = client.get("/depression/", HTTP_ACCEPT_LANGUAGE="es")
    assert (response.status_code, response["Location"]) == (302, "/es/depression/")


def test_a_page_missing_in_the_readers_language_links_to_the_versions_that_exist(client, article):
    translation(article, "pl").unpublish()
    page = soup(client.get("/pl/depression/esketamine-and-ketamine-for-depression/"), status=404)
    assert page.html["lang"] == "pl"
    links = page.select(".other-languages a")
    assert [(a["lang"], a["href"]) for a in links] == [
        ("en", article.url),
        *((code, translation(article, code).url) for code in ("es", "ar", "ur", "zh-hans")),
    ]
    assert translation(article, "es").title in links[1].get_text()


def test_a_translation_waiting_for_review_is_a_404_that_links_to_the_original(client, demo):
    english = ArticlePage.objects.get(slug="treatment-resistant-depression", locale__language_code="en")
    page = soup(client.get("/pl/depression/treatment-resistant-depression/"), status=404)
    assert [a["href"] for a in page.select(".other-languages a")] == [english.url]


def test_a_page_that_exists_nowhere_is_a_plain_404(client, demo):
    page = soup(client.get("/es/depression/no-such-page/"), status=404)
    assert page.select(".other-languages__title") == []
    assert page.find("h1")


# ---------- Alternates, sitemap ----------


def test_every_published_translation_is_an_alternate_with_x_default_english(client, article):
    head = soup(client.get(translation(article, "es").url)).head
    alternates = {link["hreflang"]: link["href"] for link in head.find_all("link", rel="alternate")}
    assert set(alternates) == {"en", "es", "pl", "ar", "ur", "zh-Hans", "x-default"}
    assert alternates["x-default"] == alternates["en"] == article.get_full_url()
    assert all(href.startswith("http") for href in alternates.values())


def test_chinese_alternates_use_the_bcp47_script_tag(client, demo):
    head = soup(client.get("/en/")).head
    assert head.find("link", rel="alternate", hreflang="zh-Hans")["href"].endswith("/zh-hans/")


# ---------- Right to left, fonts ----------


def test_arabic_and_urdu_pages_are_right_to_left(client, article):
    assert soup(client.get(translation(article, "ar").url)).html["dir"] == "rtl"
    assert soup(client.get("/ur/")).html["dir"] == "rtl"


def test_the_nastaliq_font_and_its_licence_ship_with_the_static_files(client, demo):
    font = finders.find("cms/fonts/noto-nastaliq-urdu-arabic-400-normal.woff2")
    assert font and open(font, "rb").read(4) == b"wOF2"
    assert "SIL Open Font License" in open(finders.find("cms/fonts/OFL-noto-nastaliq-urdu.txt")).read()
    css = open(finders.find("cms/css/site.css")).read()
    assert re.search(r'@font-face\s*{[^}]*"Noto Nastaliq Urdu"[^}]*noto-nastaliq-urdu-arabic-400-normal\.woff2', css)
    assert re.search(r':lang\(ur\)\s*{[^}]*font-family:\s*"Noto Nastaliq Urdu"', css)


@pytest.mark.parametrize("name", ["cms/css/site.css", "cms/css/print.css"])
def test_stylesheets_use_only_logical_directions(name):
    css = re.sub(r"/\*.*?\*/", "", open(finders.find(name)).read(), flags=re.S)
    physical = re.findall(
        r"(?:margin|padding|border)-(?:left|right)|(?<![-\w])(?:left|right)\s*:|(?:float|clear|text-align)\s*:\s*(?:left|right)",
        css,
    )
    assert physical == []
