"""The sitemap: an index of sitemaps of at most 50,000 URLs, every published page in every
language, each listing its languages (hreflang) and x-default."""

import xml.etree.ElementTree as ET

import pytest

from cms.models import ArticlePage
from cms.sitemaps import PageSitemap
from cms.templatetags.cms_tags import hreflang

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def xml(response):
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    return ET.fromstring(response.content)  # noqa: S314 (the site's own response)


def sitemap_urls(client):
    """The sitemaps the index lists, as paths with their query."""
    index = xml(client.get("/sitemap.xml"))
    return [loc.text.split("://", 1)[1].split("/", 1)[1] for loc in index.findall("s:sitemap/s:loc", NS)]


def entries(client):
    """{URL: {hreflang: URL}} over every sitemap of the index."""
    found = {}
    for url in sitemap_urls(client):
        for entry in xml(client.get("/" + url)).findall("s:url", NS):
            loc = entry.findtext("s:loc", namespaces=NS)
            assert loc not in found, f"{loc} is listed twice"
            found[loc] = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", NS)}
    return found


def translation(article, code):
    return ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code=code)


def test_sitemap_lists_each_page_per_language_with_its_alternates_and_x_default(client, article):
    found = entries(client)
    spanish = translation(article, "es").get_full_url()
    assert article.get_full_url() in found and spanish in found
    live = ArticlePage.objects.live().filter(translation_key=article.translation_key)
    languages = {hreflang(code) for code in live.values_list("locale__language_code", flat=True)}
    assert len(languages) > 2 and set(found[spanish]) == languages | {"x-default"}
    assert found[spanish]["x-default"] == found[spanish]["en"] == article.get_full_url()
    assert found[spanish] == found[article.get_full_url()]


def test_sitemap_leaves_out_drafts_and_pages_in_one_language_have_no_alternates(client, demo):
    polish = ArticlePage.objects.get(slug="treatment-resistant-depression", locale__language_code="pl")
    assert not polish.live  # waiting for its medical reviewer
    english = ArticlePage.objects.get(translation_key=polish.translation_key, locale__language_code="en")
    found = entries(client)
    assert not any("/pl/depression/treatment-resistant-depression/" in loc for loc in found)
    assert found[english.get_full_url()] == {}


def test_past_the_url_limit_the_index_lists_several_sitemaps_holding_every_page_once(client, demo, monkeypatch):
    everything = entries(client)
    monkeypatch.setattr(PageSitemap, "limit", 4)
    urls = sitemap_urls(client)
    assert len(urls) == -(-len(everything) // 4) > 1, urls
    assert urls[1].endswith("?p=2")
    assert all(len(xml(client.get("/" + url)).findall("s:url", NS)) <= 4 for url in urls)
    assert entries(client) == everything


@pytest.mark.parametrize("query", ["?p=0", "?p=99", "?p=abc"])
def test_a_sitemap_page_that_does_not_exist_is_a_404(client, demo, query):
    assert client.get("/sitemap-pages.xml" + query).status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404
