"""The public pages: languages, accessibility basics, every block, region numbers."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.models import ArticlePage, TopicIndexPage
from tests.factories import publish_reviewed

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("lang", "direction"),
    [("en", "ltr"), ("es", "ltr"), ("pl", "ltr"), ("ar", "rtl"), ("ur", "rtl"), ("zh-hans", "ltr")],
)
def test_each_language_home_page_declares_its_language_and_direction(client, demo, lang, direction):
    html = soup(client.get(f"/{lang}/")).html
    assert (html["lang"], html["dir"]) == (lang, direction)


def test_the_article_is_served_with_language_skip_link_and_one_h1(client, article):
    page = soup(client.get(article.url))
    assert (page.html["lang"], page.html["dir"]) == ("en", "ltr")
    skip = page.find("a", href="#maincontent")
    assert skip is not None and page.find(id="maincontent").name == "main"
    assert [h.get_text(strip=True) for h in page.find_all("h1")] == [article.title]


def test_article_url_is_language_prefixed(article):
    assert article.url == "/en/depression/esketamine-and-ketamine-for-depression/"


def test_contents_list_links_to_every_section_heading(client, article):
    page = soup(client.get(article.url))
    targets = [element["id"] for element in page.find("main").find_all(id=True)]
    links = [a["href"].lstrip("#") for a in page.select("nav a[href^='#']") if a["href"] != "#maincontent"]
    section_headings = [block.value for block in article.body if block.block_type == "heading"]
    assert len(section_headings) >= 6
    assert links and all(anchor in targets for anchor in links)
    assert len(links) == len(section_headings) + 1  # and the references


def test_care_cards_show_the_uk_numbers_to_a_reader_in_the_uk(client, article):
    text = soup(client.get(article.url, {"region": "uk"})).get_text(" ")
    assert "999" in text and "111" in text and "116 123" in text
    assert "911" not in text


def test_care_cards_show_the_chosen_regions_numbers(client, article):
    page = soup(client.get(article.url + "?region=us"))
    phone_links = {a["href"] for a in page.select("a[href^='tel:']")}
    assert {"tel:911", "tel:988"} <= phone_links
    assert "tel:999" not in phone_links


def test_an_unknown_region_code_shows_no_numbers(client, article):
    page = soup(client.get(article.url + "?region=" + "x" * 500))
    assert not page.select("a[href^='tel:']")
    assert "Call your local emergency number." in page.get_text()


def test_phone_numbers_are_isolated_for_right_to_left_text(client, article):
    page = soup(client.get(article.url + "?region=uk"))
    for link in page.select("a[href^='tel:']"):
        assert link.find("bdi") is not None


def test_review_dates_and_references_are_on_the_page(client, article):
    text = soup(client.get(article.url)).get_text(" ")
    assert "Page last reviewed" in text and "Next review due" in text
    assert article.last_reviewed.strftime("%-d %B %Y") in text
    assert article.reviewed_by in text
    for reference in article.references:
        assert reference.value["title"] in text


def test_every_body_block_renders(client, home):
    topic = TopicIndexPage.objects.child_of(home).get()
    image = Image.objects.create(title="Clinic", file=get_test_image_file())
    body = [
        {"type": "heading", "value": "Before treatment"},
        {"type": "paragraph", "value": "<p>Plain <b>paragraph</b>.</p>"},
        {"type": "care_card", "value": {"level": "emergency", "heading": "Call now", "body": "<p>Danger.</p>"}},
        {"type": "care_card", "value": {"level": "non-urgent", "heading": "Ask your team", "body": "<p>Mild.</p>"}},
        {"type": "warning_callout", "value": {"heading": "Do not drive", "body": "<p>Until tomorrow.</p>"}},
        {"type": "inset_text", "value": "<p>An aside.</p>"},
        {"type": "details", "value": {"question": "Does it hurt?", "answer": "<p>No.</p>"}},
        {"type": "do_dont", "value": {"do": ["Rest"], "dont": ["Drive"]}},
        {
            "type": "table",
            "value": {
                "caption": "Schedule",
                "table": {
                    "data": [["Weeks", "How often"], ["1 to 4", "Twice a week"]],
                    "first_row_is_table_header": True,
                },
            },
        },
        {"type": "image", "value": {"image": image.pk, "alt_text": "A quiet treatment room", "caption": "The clinic"}},
    ]
    page = topic.add_child(
        instance=ArticlePage(
            title="All blocks",
            slug="all-blocks",
            author="Tester",
            summary=[{"type": "point", "value": "One"}],
            body=body,
            live=False,
        )
    )
    page.save_revision()
    page = publish_reviewed(page)
    html = soup(client.get(page.url, {"region": "uk"})).find("main")
    text = html.get_text(" ")
    for expected in (
        "Before treatment",
        "paragraph",
        "Call now",
        "Ask your team",
        "Do not drive",
        "An aside",
        "Does it hurt?",
        "Rest",
        "Drive",
        "Schedule",
        "Twice a week",
        "The clinic",
    ):
        assert expected in text, expected
    assert html.find("details").find("summary").get_text(strip=True) == "Does it hurt?"
    assert html.find("table").find("caption").get_text(strip=True) == "Schedule"
    assert [th.get_text(strip=True) for th in html.find("table").find_all("th")] == ["Weeks", "How often"]
    assert html.find("img")["alt"] == "A quiet treatment room"
    assert "Important" in html.get_text()
    emergency, non_urgent = html.select(".care-card")[:2]
    assert "tel:999" in str(emergency) and "tel:" not in str(non_urgent)
    assert "Page last reviewed" in text, "publishing went through a medical sign-off, which dates the page"


def test_static_files_are_local_and_no_cdn_is_used(client, article):
    html = client.get(article.url).content.decode()
    absolute = re.findall(r"(?:src|href)=\"((?:https?:)?//[^\"]*)\"", html.split("<main")[0])
    # Absolute links may only point to this site (the hreflang alternates must be absolute).
    own_site = article.get_site().root_url + "/"
    assert absolute and [url for url in absolute if not url.startswith(own_site)] == []
    assert "/static/cms/css/site.css" in html
    assert 'media="print"' in html


def test_unknown_page_is_a_404_with_the_site_template(client, demo):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert b"<html" in response.content


@pytest.mark.parametrize("accept_language", ["es-ES,es;q=0.9", "en-US,en;q=0.8", "pl-PL", "en-GB", "es-MX"])
def test_the_browsers_languages_never_choose_a_countrys_numbers(client, article, accept_language):
    """A browser's languages say what someone reads, not where they are (en-US is the default
    of English browsers everywhere): numbers from them would be a guess."""
    response = client.get(article.url, HTTP_ACCEPT_LANGUAGE=accept_language)
    assert not soup(response).select("a[href^='tel:']")
    assert "Accept-Language" not in response.get("Vary", "")


def test_an_urgent_card_with_no_number_in_the_region_still_says_what_to_do(client, article):
    page = soup(client.get(article.url + "?region=eu"))
    urgent = next(card for card in page.select(".care-card--urgent"))
    assert "Call your local emergency number." in urgent.get_text()


def test_the_home_page_title_is_the_site_name_once(client, demo):
    assert soup(client.get("/en/")).title.get_text(strip=True) == "Carelingua"


# ---------- Numbers on right-to-left pages ----------


def test_numbers_are_isolated_on_right_to_left_pages_and_nothing_else_changes():
    from django.utils.safestring import mark_safe

    from cms.templatetags.cms_tags import isolate_numbers

    html = mark_safe(
        '<p>اتصل بـ 116 123 أو خذ 56 ملغ (22.5%) <a href="tel:116123" title="5 mg">SUSTAIN-1</a> &#39;x&#39;</p>'
    )  # noqa: S308
    assert isolate_numbers(html, "ar") == (
        '<p>اتصل بـ <bdi dir="ltr">116 123</bdi> أو خذ <bdi dir="ltr">56</bdi> ملغ (<bdi dir="ltr">22.5%</bdi>) '
        '<a href="tel:116123" title="5 mg">SUSTAIN-1</a> &#39;x&#39;</p>'
    )
    assert isolate_numbers(html, "en") == html
    plain = isolate_numbers("<script>alert(1)</script> 2", "ur")  # plain text is escaped first
    assert "<script>" not in plain and plain.endswith('<bdi dir="ltr">2</bdi>')
