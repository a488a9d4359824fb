"""What an article tells its reader: notices, the trust block, region numbers, metadata, the bilingual sheet."""

import itertools
import json
import re
from collections import Counter

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup

from cms.models import ArticlePage
from tests.factories import publish_reviewed
from translations.models import Segment

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def translation(article, code):
    return ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code=code)


def outdated_notice(client, page):
    return soup(client.get(page.url)).select_one(".notice--outdated")


def change_and_republish(article):
    article.search_description = article.search_description + " Updated after new evidence."
    article.save_revision()
    return publish_reviewed(article)


# ---------- The outdated notice ----------


def test_an_up_to_date_translation_has_no_notice(client, article):
    assert outdated_notice(client, translation(article, "es")) is None
    assert outdated_notice(client, article) is None


def test_a_translation_shows_a_notice_once_its_source_changes_and_stays_live(client, article):
    change_and_republish(article)
    spanish = translation(article, "es")
    assert spanish.live
    notice = outdated_notice(client, spanish)
    assert notice is not None
    link = notice.find("a", href=article.url)
    assert link is not None and (link["lang"], link["hreflang"]) == ("en", "en")
    assert outdated_notice(client, translation(article, "ar")) is not None
    assert outdated_notice(client, article) is None


def test_the_notice_also_follows_the_catalog_sync_after_publishing(client, article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        change_and_republish(article)
    spanish = translation(article, "es")
    assert Segment.objects.filter(catalog__target_locale=spanish.locale).unfinished().exists()
    assert spanish.live and outdated_notice(client, spanish) is not None


def test_republishing_the_source_without_changes_raises_no_notice(client, article):
    article.save_revision()
    publish_reviewed(article)  # a re-review: new dates, same content
    assert outdated_notice(client, translation(article, "es")) is None


# ---------- Trust block ----------


def test_trust_block_credits_author_reviewer_translators_and_linguist(client, article):
    spanish = translation(article, "es")
    trust = soup(client.get(spanish.url)).find("footer", class_="trust")
    text = trust.get_text(" ", strip=True)
    assert spanish.author in text
    assert "Lucía Navarro, Médica psiquiatra" in text and spanish.reviewed_by in text
    assert "Carmen Ortega" in text  # translator, from the catalog's segments
    assert "Diego Ramos, Revisor de traducciones al español" in text  # linguistic sign-off, in Spanish
    original = trust.find("a", href=article.url)
    assert original is not None and original["lang"] == "en" and original.get_text(strip=True) == article.title
    assert format_date(spanish.last_reviewed, "long", locale="es") in text  # review dates in Spanish (Babel)


def test_trust_block_of_the_original_has_no_translation_credits(client, article):
    trust = soup(client.get(article.url)).find("footer", class_="trust")
    text = trust.get_text(" ", strip=True)
    assert "Rahul Mehta" in text and "Translated by" not in text and "Translation checked" not in text
    assert "does not replace advice from your doctor" in text


# ---------- Regions ----------


def phone_links(page):
    return {a["href"] for a in page.select("a[href^='tel:']")}


def test_the_region_selector_lists_regions_and_marks_the_current_one(client, article):
    client.cookies["region"] = "uk"
    form = soup(client.get(article.url)).find("form", class_="region-selector")
    assert form["method"] == "get"
    options = {o["value"]: o for o in form.find_all("option")}
    assert set(options) == {"uk", "us", "eu", "es", "pl", "mx"}
    assert options["uk"].has_attr("selected")


def test_a_reader_from_an_unknown_country_is_asked_to_choose_and_nothing_is_preselected(client, article):
    form = soup(client.get(article.url)).find("form", class_="region-selector")
    first = form.find("option")
    assert first["value"] == "" and first.has_attr("selected") and first.has_attr("disabled")
    assert [o for o in form.find_all("option") if o.has_attr("selected")] == [first]


def test_choosing_a_region_changes_the_numbers_and_is_remembered(client, article):
    assert not phone_links(soup(client.get(article.url)))
    response = client.get(article.url + "?region=us")
    assert {"tel:911", "tel:988"} <= phone_links(soup(response)) and "tel:999" not in phone_links(soup(response))
    assert response.cookies["region"].value == "us"
    later = soup(client.get(translation(article, "es").url))  # the cookie travels to the next page
    assert "tel:911" in phone_links(later) and "tel:999" not in phone_links(later)
    assert "Estados Unidos" in later.find(class_="care-card__region").get_text()


def test_a_region_cookie_alone_selects_the_numbers(client, article):
    client.cookies["region"] = "us"
    assert "tel:911" in phone_links(soup(client.get(article.url)))


@pytest.mark.parametrize("bogus", ["xx", "x" * 500, "<script>", ""])
def test_an_unknown_region_in_the_cookie_or_query_is_ignored_for_where_the_cdn_says_the_reader_is(
    client, article, bogus, settings
):
    settings.CMS_REGION_COUNTRY_HEADER = "CF-IPCountry"
    client.cookies["region"] = bogus
    response = client.get(article.url, {"region": bogus}, HTTP_CF_IPCOUNTRY="GB")
    assert "tel:999" in phone_links(soup(response))
    assert "region" not in response.cookies


# ---------- Structured data ----------


def json_ld(page):
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def test_article_has_medical_web_page_json_ld_with_review_details(client, article):
    data = json_ld(soup(client.get(article.url)))
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    assert data["lastReviewed"] == article.last_reviewed.isoformat()
    assert data["reviewedBy"] == {
        "@type": "Person",
        "name": "Rahul Mehta",
        "jobTitle": "MRCPsych, consultant psychiatrist",
        "description": "A fictional person: this is demo content.",
    }
    assert (data["name"], data["inLanguage"], data["url"]) == (article.title, "en", article.get_full_url())
    assert {item["inLanguage"] for item in data["workTranslation"]} == {"es", "pl", "ar", "ur", "zh-Hans"}


def test_translation_json_ld_names_its_language_and_original(client, article):
    arabic = translation(article, "ar")
    data = json_ld(soup(client.get(arabic.url)))
    assert (data["inLanguage"], data["name"]) == ("ar", arabic.title)
    assert data["translationOfWork"]["url"] == article.get_full_url()
    assert data["reviewedBy"]["name"] == "Omar Haddad"


def test_json_ld_cannot_be_closed_by_page_text(client, article):
    article.title = "Ketamine </script><script>alert(1)</script>"
    article.save_revision()
    article = publish_reviewed(article)
    html = client.get(article.url).content.decode()
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(script)["name"] == article.title


# ---------- Bilingual sheet ----------


def test_bilingual_view_pairs_each_block_with_its_original(client, article):
    spanish = translation(article, "es")
    page = soup(client.get(spanish.url + "?view=bilingual"))
    table = page.find("table", class_="bilingual")
    assert [(th["lang"], th.get_text(strip=True)) for th in table.thead.find_all("th")] == [
        ("es", "Español"),
        ("en", "English"),
    ]
    rows = [row.find_all("td", recursive=False) for row in table.tbody.find_all("tr", recursive=False)]
    assert all([cell["lang"] for cell in row] == ["es", "en"] for row in rows)
    source_headings = [b.value for b in article.body if b.block_type == "heading"]
    spanish_headings = [b.value for b in spanish.body if b.block_type == "heading"]
    pairs = {
        (row[0].find("h2").get_text(strip=True), row[1].find("h2").get_text(strip=True))
        for row in rows
        if row[0].find("h2") and row[0].find("h2", class_="bilingual__heading")
    }
    assert set(zip(spanish_headings, source_headings, strict=True)) <= pairs
    assert len(page.find_all("h1")) == 1
    ids = Counter(element["id"] for element in page.find_all(id=True))
    assert [name for name, count in ids.items() if count > 1] == []


def saved_in_the_admin(html):
    """Rich text as Wagtail's editor saves it: every paragraph and list item with a block key."""
    keys = itertools.count()
    return re.sub(r"<(p|li)>", lambda tag: f'<{tag[1]} data-block-key="k{next(keys)}">', html)


def test_bilingual_sheet_marks_only_the_passage_whose_words_changed(client, article):
    """A dose changed in the English article, saved in the admin (which gives every paragraph a
    block key): the sheet marks the one changed passage, not every paragraph the editor saved."""
    body = [dict(block) for block in article.body.raw_data]
    for block in body:
        if block["type"] == "paragraph":
            block["value"] = saved_in_the_admin(block["value"].replace("56mg or 84mg", "84mg"))
    article.body = body
    article.save_revision()
    publish_reviewed(article)
    sheet = soup(client.get(translation(article, "es").url + "?view=bilingual"))
    assert sheet.select_one(".notice--outdated") is not None
    changed = sheet.select("tr.bilingual__row--changed")
    assert len(changed) == 1 and "Each dose is usually 84mg." in changed[0].get_text(" ")
    assert "56 mg" in changed[0].get_text(" ")  # the old Spanish dose, marked as not to be relied on


def test_bilingual_view_of_arabic_sets_each_columns_direction(client, article):
    page = soup(client.get(translation(article, "ar").url + "?view=bilingual"))
    first_row = page.find("table", class_="bilingual").tbody.find("tr").find_all("td", recursive=False)
    assert [(td["lang"], td["dir"]) for td in first_row] == [("ar", "rtl"), ("en", "ltr")]
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_translations_link_to_their_bilingual_sheet_and_the_original_does_not(client, article):
    assert soup(client.get(translation(article, "es").url)).select_one(".trust__bilingual a[href$='?view=bilingual']")
    assert soup(client.get(article.url)).select_one(".trust__bilingual") is None
    page = soup(client.get(article.url + "?view=bilingual"))  # nothing to pair with: the normal page
    assert page.find("table", class_="bilingual") is None and page.find("h1").get_text(strip=True) == article.title
