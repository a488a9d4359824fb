"""Journey 7: a reader, with no login, in headless Chromium.

From the site's address to the home page, a topic and the esketamine article in English; the
language switcher to Spanish and Arabic; the region selector (the care cards then show that
region's numbers, in the page's language, and keep them from page to page); search, and its
own language switcher for words typed in the wrong language; an article that is not
translated into Spanish (what a Spanish reader gets at its address); the bilingual sheet; and
the Arabic article and sheet on a 375 px phone (right to left, nothing wider than the screen).

As in test_browser.py, the live server's database is emptied after each test, so the visit
runs once in a module fixture and the tests assert on what it found. The numbered screenshots
are in test-artifacts/journeys/reader-*.png.
"""

import pytest
from django.conf import settings
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.browser import tools

pytestmark = pytest.mark.browser

SHOTS = settings.BASE_DIR / "test-artifacts" / "journeys"
ESKETAMINE = "/depression/esketamine-and-ketamine-for-depression/"
NOT_IN_SPANISH = "/es/depression/treatment-resistant-depression/"
# The innermost isolated runs of the article's text (the list of sources isolates its English
# titles and years on its own; a care card isolates a service's name, and the number inside it).
NUMBERS_IN_THE_TEXT = "//main//bdi[not(.//bdi)][not(ancestor::*[contains(@class, 'references')])]"
PHONE = {"width": 375, "height": 812, "deviceScaleFactor": 1, "mobile": True}
WIDER_THAN_THE_SCREEN = """
const width = document.documentElement.clientWidth;
return [...document.querySelectorAll("body *")]
  .filter(e => { const r = e.getBoundingClientRect(); return r.width && (r.right > width + 0.5 || r.left < -0.5); })
  .slice(0, 5).map(e => `${e.tagName.toLowerCase()}.${e.className}`);
"""


class Reader(tools.AdminSession):
    """A reader of the public site: the same browser helpers, never logged in."""

    def follow(self, element):
        """Click a link or button and wait for the next page."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.click(element)
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(old))
        return self.wait_for(By.TAG_NAME, "main")

    def link(self, text, within="main"):
        return self.wait_for(By.XPATH, f"//{within}//a[normalize-space()='{text}']")

    def switch_to(self, language):
        return self.follow(self.wait_for(By.CSS_SELECTOR, f'.language-switcher a[lang="{language}"]'))

    def page(self):
        html = self.driver.find_element(By.TAG_NAME, "html")
        return {
            "path": self.driver.current_url.removeprefix(self.base),
            "lang": html.get_attribute("lang"),
            "dir": html.get_attribute("dir"),
            "h1": self.driver.find_element(By.TAG_NAME, "h1").text,
            "text": self.driver.find_element(By.TAG_NAME, "main").text,
        }

    def care_cards(self):
        return [card.text for card in self.driver.find_elements(By.CSS_SELECTOR, ".care-card")]

    def show_card_with(self, number):
        """Scroll the first care card that shows ``number`` into the middle of the screen."""
        card = self.driver.find_element(By.XPATH, f"//*[contains(@class, 'care-card ')][.//bdi[.='{number}']]")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", card)

    def width(self):
        return self.driver.execute_script("return document.documentElement.scrollWidth")


@pytest.fixture(scope="module")
def visit(django_db_setup, live_server, django_db_blocker):
    missing = tools.missing_programs()
    if missing:
        pytest.skip(f"the browser tests need Debian's {', '.join(missing)} (scripts/system-deps.sh installs them)")
    found = {}
    with django_db_blocker.unblock():
        tools.load_demo_site()
        driver = tools.chrome()
        reader = Reader(driver, live_server.url, SHOTS, "reader")
        try:
            browse(reader, found)
            choose_region(reader, found)
            search(reader, found)
            not_translated(reader, found)
            bilingual_sheet(reader, found)
            on_a_phone(reader, found)
        finally:
            driver.quit()
    return found


def browse(reader, found):
    reader.get("/")
    found["home"] = reader.page()
    reader.shot("home-en")
    reader.follow(reader.link("Depression"))
    found["topic"] = reader.page()
    reader.shot("topic-en")
    reader.follow(reader.link("Esketamine and ketamine for depression"))
    found["article_en"] = reader.page()
    found["switcher_en"] = [
        a.get_attribute("lang") for a in reader.driver.find_elements(By.CSS_SELECTOR, ".language-switcher a")
    ]
    reader.shot("article-en")
    reader.switch_to("es")
    found["article_es"] = reader.page()
    reader.shot("article-es")


def choose_region(reader, found):
    found["cards_unknown_region"] = reader.care_cards()
    Select(reader.wait_for(By.ID, "region-select")).select_by_value("es")
    reader.follow(reader.driver.find_element(By.CSS_SELECTOR, ".region-selector button[type=submit]"))
    found["cards_spain"] = reader.care_cards()
    found["region_url"] = reader.driver.current_url
    reader.show_card_with("024")
    reader.shot("article-es-spain-numbers")
    reader.switch_to("ar")
    found["article_ar"] = reader.page()
    found["cards_ar"] = reader.care_cards()
    reader.shot("article-ar")


def search(reader, found):
    driver = reader.driver
    reader.switch_to("es")
    box = reader.wait_for(By.ID, "site-search-q")
    box.send_keys("ketamine")  # the English word, on the Spanish site
    reader.follow(driver.find_element(By.CSS_SELECTOR, ".site-search button[type=submit]"))
    found["search_es"] = reader.page()
    found["search_es_switcher"] = {
        a.get_attribute("lang"): a.get_attribute("href")
        for a in driver.find_elements(By.CSS_SELECTOR, ".language-switcher a")
    }
    reader.shot("search-es-nothing")
    reader.switch_to("en")
    found["search_en"] = reader.page()
    reader.shot("search-en")
    reader.follow(driver.find_element(By.CSS_SELECTOR, ".search-results a"))
    found["search_result"] = reader.page()


def not_translated(reader, found):
    driver = reader.driver
    reader.get("/en/depression/treatment-resistant-depression/")
    found["english_only_switcher"] = len(driver.find_elements(By.CSS_SELECTOR, ".language-switcher a"))
    reader.get("/es/depression/")
    found["spanish_topic"] = reader.page()
    reader.get(NOT_IN_SPANISH)
    found["not_in_spanish"] = reader.page()
    found["not_in_spanish_links"] = {
        a.get_attribute("lang"): a.text for a in driver.find_elements(By.CSS_SELECTOR, "main .other-languages a")
    }
    reader.shot("not-in-spanish")
    reader.follow(driver.find_element(By.CSS_SELECTOR, 'main .other-languages a[lang="en"]'))
    found["not_in_spanish_followed"] = reader.page()


def bilingual_sheet(reader, found):
    driver = reader.driver
    reader.get("/es" + ESKETAMINE)
    reader.follow(driver.find_element(By.CSS_SELECTOR, ".trust__bilingual a"))
    found["sheet"] = reader.page()
    found["sheet_columns"] = [
        th.text for th in driver.find_elements(By.CSS_SELECTOR, "table.bilingual > thead > tr > th")
    ]
    found["sheet_cells"] = [
        (cells[0].get_attribute("lang"), cells[1].get_attribute("lang"))
        for row in driver.find_elements(By.CSS_SELECTOR, "table.bilingual > tbody > tr")
        if len(cells := row.find_elements(By.XPATH, "./td")) == 2
    ]
    reader.shot("bilingual-es-en")


def on_a_phone(reader, found):
    driver = reader.driver
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", PHONE)
    try:
        found["phone"] = {}
        for name, path in (("article", "/ar" + ESKETAMINE), ("sheet", f"/ar{ESKETAMINE}?view=bilingual")):
            reader.get(path)
            reader.wait_for(By.TAG_NAME, "main")
            found["phone"][name] = {
                **reader.page(),
                "scroll_width": reader.width(),
                "too_wide": driver.execute_script(WIDER_THAN_THE_SCREEN),
                "numbers": [
                    (bdi.text, bdi.get_attribute("dir"))
                    for bdi in driver.find_elements(By.XPATH, NUMBERS_IN_THE_TEXT)
                    if any(ch.isdigit() for ch in bdi.text)
                ],
            }
            reader.shot(f"phone-ar-{name}")
        reader.get("/ar" + ESKETAMINE)
        reader.show_card_with("112")
        reader.shot("phone-ar-numbers")
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


# ---------- What the reader found ----------


def test_the_site_address_opens_the_english_home_page_and_its_topic(visit):
    assert visit["home"]["path"] == "/en/" and visit["home"]["lang"] == "en"
    assert "Health topics" in visit["home"]["text"]
    assert visit["topic"]["h1"] == "Depression"
    assert "Esketamine and ketamine for depression" in visit["topic"]["text"]
    assert "Treatment-resistant depression" in visit["topic"]["text"]


def test_the_article_is_read_in_english_spanish_and_arabic_through_the_language_switcher(visit):
    assert visit["article_en"]["path"] == "/en" + ESKETAMINE and visit["article_en"]["dir"] == "ltr"
    assert visit["switcher_en"] == ["en", "es", "pl", "ar", "ur", "zh-hans"]
    assert visit["article_es"]["path"] == "/es" + ESKETAMINE and visit["article_es"]["lang"] == "es"
    assert visit["article_es"]["h1"] == "Esketamina y ketamina para la depresión"
    assert visit["article_ar"]["path"].startswith("/ar" + ESKETAMINE)
    assert (visit["article_ar"]["lang"], visit["article_ar"]["dir"]) == ("ar", "rtl")


def test_the_region_selector_shows_that_regions_numbers_and_they_follow_the_reader(visit):
    unknown = " ".join(visit["cards_unknown_region"])
    assert "112" not in unknown and "024" not in unknown, "no guessed numbers before a region is chosen"
    spain = " ".join(visit["cards_spain"])
    assert "region=es" in visit["region_url"]
    assert "112" in spain and "024" in spain
    arabic = " ".join(visit["cards_ar"])
    assert "112" in arabic and "024" in arabic, "the chosen region is remembered on the next page"
    assert "Emergency services" not in arabic, "the numbers are named in the page's language"


def test_search_has_a_language_switcher_that_keeps_the_readers_words(visit):
    assert visit["search_es"]["lang"] == "es" and "0 resultados" in visit["search_es"]["text"]
    assert visit["search_es_switcher"]["en"].endswith("/en/search/?q=ketamine")
    assert set(visit["search_es_switcher"]) == {"en", "es", "pl", "ar", "ur", "zh-hans"}
    assert visit["search_en"]["path"] == "/en/search/?q=ketamine"
    assert "Esketamine and ketamine for depression" in visit["search_en"]["text"]
    assert visit["search_result"]["path"] == "/en" + ESKETAMINE


def test_a_spanish_reader_of_an_untranslated_article_is_offered_the_languages_it_is_in(visit):
    assert "Treatment-resistant depression" not in visit["spanish_topic"]["text"]
    assert "resistente" not in visit["spanish_topic"]["text"]
    page = visit["not_in_spanish"]
    assert page["lang"] == "es" and page["h1"] == "Esta página aún no está disponible en su idioma"
    assert visit["not_in_spanish_links"] == {"en": "English Treatment-resistant depression"}
    assert visit["not_in_spanish_followed"]["path"] == "/en/depression/treatment-resistant-depression/"
    assert visit["english_only_switcher"] == 0, "no switcher offers languages the article is not published in"


def test_the_bilingual_sheet_puts_the_spanish_beside_the_english(visit):
    sheet = visit["sheet"]
    assert sheet["path"] == f"/es{ESKETAMINE}?view=bilingual" and sheet["lang"] == "es"
    assert visit["sheet_columns"] == ["Español", "English"]
    assert visit["sheet_cells"] and set(visit["sheet_cells"]) == {("es", "en")}


def test_the_arabic_article_and_sheet_fit_a_375_px_phone_right_to_left(visit):
    for name, page in visit["phone"].items():
        assert (page["lang"], page["dir"]) == ("ar", "rtl"), name
        assert page["scroll_width"] <= 375 and page["too_wide"] == [], (name, page["too_wide"])
    numbers = visit["phone"]["article"]["numbers"]
    assert ("112", "ltr") in numbers and ("024", "ltr") in numbers
    assert {direction for _text, direction in numbers} == {"ltr"}, "every number reads left to right"
