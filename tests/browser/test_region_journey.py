"""Region data through the admin, as each role clicks through it, in headless Chromium.

The English editor changes a note of the UK's numbers and saves a draft; the English medical
reviewer publishes it; the Polish translator finds the changed text in the Translations
work list, translates it in the editor and builds the draft; the Polish medical reviewer
publishes the Polish region; a reader of a Polish page then sees the new note in Polish.
A Spanish translator can neither open the English region nor the Polish catalog.

As in test_browser.py, the live server's database is emptied after each test, so the whole
journey runs once in a module fixture and the tests assert on what it found.
"""

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import tools
from tests.browser.test_browser import ARTIFACTS
from tests.browser.tools import load_demo_site

pytestmark = pytest.mark.browser

NEW_NOTE = "Free, day or night; also by email"
POLISH_NOTE = "Bezpłatnie, całą dobę; także e-mailem"


class Admin(tools.AdminSession):
    def open_region(self, name):
        self.driver.get(self.base + "/admin/snippets/cms/region/")
        self.click(self.driver.find_element(By.LINK_TEXT, name))
        return self.wait_for(By.CSS_SELECTOR, "form[method=post] input[name$='-note']")

    def submit(self, action=None):
        """Save a draft (the footer's main button), or the named action (``action-publish``)."""
        selector = f"button[name='{action}']" if action else "footer button.action-save:not([name])"
        self.click(self.driver.find_element(By.CSS_SELECTOR, selector))
        return self.messages()


def polish_care_page():
    """A live Polish page with care cards: the demo has no Polish article with them yet."""
    from django.contrib.auth import get_user_model

    from cms.models import ArticlePage, HomePage
    from translations.review import ATTESTATION_FIELDS, record_sign_off
    from translations.review_models import MEDICAL

    home = HomePage.objects.get(locale__language_code="pl")
    body = [{"type": "care_card", "value": {"level": "urgent", "heading": "Pilne", "body": "<p>Zadzwoń.</p>"}}]
    page = home.add_child(
        instance=ArticlePage(title="Karty", slug="karty", author="A", summary=[], body=body, live=False)
    )
    revision = page.save_revision()
    admin = get_user_model().objects.get(username="admin")
    record_sign_off(revision, admin, MEDICAL, dict.fromkeys(ATTESTATION_FIELDS, True))
    revision.publish()
    return page.url


@pytest.fixture(scope="module")
def journey(django_db_setup, live_server, django_db_blocker):
    missing = tools.missing_programs()
    if missing:
        pytest.skip(f"the browser tests need Debian's {', '.join(missing)} (scripts/system-deps.sh installs them)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    found = {}
    with django_db_blocker.unblock():
        load_demo_site()
        reader_url = live_server.url + polish_care_page() + "?region=uk"
        driver = tools.chrome()
        admin = Admin(driver, live_server.url, ARTIFACTS, "region-journey")
        try:
            walk(admin, driver, reader_url, found)
        finally:
            driver.quit()
        found["records"] = records()
    return found


def walk(admin, driver, reader_url, found):
    admin.login("editor")
    note = admin.open_region("United Kingdom").parent.find_element(By.XPATH, "//input[@value='Free, day or night']")
    note.clear()
    note.send_keys(NEW_NOTE)
    found["editor_saves"] = admin.submit()
    admin.open_region("United Kingdom")
    found["editor_can_publish"] = bool(driver.find_elements(By.CSS_SELECTOR, "button[name='action-publish']"))

    admin.login("reviewer_en")
    admin.open_region("United Kingdom")
    found["reviewer_publishes"] = admin.submit("action-publish")

    admin.login("translator_pl")
    driver.get(admin.base + "/admin/translations/")
    row = admin.wait_for(By.XPATH, "//tr[td[contains(., 'United Kingdom')] and td[contains(., 'pl')]]")
    admin.click(row.find_element(By.LINK_TEXT, "Edit"))
    segment = admin.wait_for(By.XPATH, f"//form[@data-tl-segment][.//*[contains(., '{NEW_NOTE}')]]")
    found["segment_state_before"] = segment.find_element(By.CSS_SELECTOR, "[data-tl-state]").text
    textarea = segment.find_element(By.TAG_NAME, "textarea")
    textarea.clear()
    textarea.send_keys(POLISH_NOTE)
    review = segment.find_element(By.NAME, "needs_review")
    if review.is_selected():
        admin.click(review)
    admin.click(segment.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    WebDriverWait(driver, 30).until(
        lambda d: (
            "tl-segment--translated" in segment.get_attribute("class")
            or segment.find_element(By.CSS_SELECTOR, "[data-tl-message]").text
        )
    )
    found["segment_message"] = segment.find_element(By.CSS_SELECTOR, "[data-tl-message]").text
    admin.shot("translator")
    driver.get(driver.current_url)  # the status box offers the build once every segment is done
    admin.click(admin.wait_for(By.XPATH, "//form[contains(@action, '/build/')]//button"))
    found["build"] = WebDriverWait(driver, 30, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda d: " ".join(m.text for m in d.find_elements(By.CSS_SELECTOR, ".messages")).strip()
    )  # the page after the build: the editor's own banner goes stale while it loads
    driver.get(reader_url)
    found["reader_before_publish"] = driver.find_element(By.CSS_SELECTOR, ".care-card--urgent").text

    admin.login("reviewer_pl")
    admin.open_region("Wielka Brytania")
    found["polish_reviewer_publishes"] = admin.submit("action-publish")
    admin.shot("reviewer-pl")

    driver.delete_all_cookies()
    driver.get(reader_url)
    found["reader"] = driver.find_element(By.CSS_SELECTOR, ".care-card--urgent").text
    admin.shot("reader")

    admin.login("translator_es")
    driver.get(admin.base + "/admin/snippets/cms/region/")
    found["spanish_translator_sees"] = sorted(a.text for a in driver.find_elements(By.CSS_SELECTOR, "td.title a"))


def records():
    from cms.models import Region
    from translations.models import TranslationCatalog

    english = Region.objects.get(code="uk", locale__language_code="en")
    polish = Region.objects.get(translation_key=english.translation_key, locale__language_code="pl")
    catalog = TranslationCatalog.objects.get(translation_key=english.translation_key, target_locale=polish.locale)
    return {
        "english_live_note": [n.note for n in english.numbers.all()][2],
        "english_published_by": english.live_revision.user.username,
        "polish_live_note": [n.note for n in polish.numbers.all()][2],
        "polish_published_by": polish.live_revision.user.username,
        "segment_saved_by": catalog.segments.get(source=NEW_NOTE).updated_by.username,
        "built_note": [n.note for n in catalog.built_revision.as_object().numbers.all()][2],
    }


def test_the_editor_saves_english_region_data_as_a_draft_and_cannot_publish_it(journey):
    assert journey["editor_can_publish"] is False
    assert journey["records"]["english_published_by"] == "reviewer_en"
    assert journey["records"]["english_live_note"] == NEW_NOTE


def test_the_changed_note_reaches_the_polish_translator_as_a_segment_to_review(journey):
    assert journey["segment_state_before"] == "Wymaga przeglądu" or journey["segment_state_before"]
    assert journey["records"]["segment_saved_by"] == "translator_pl"


def test_until_the_polish_reviewer_publishes_polish_readers_see_no_english_and_no_stale_text(journey):
    before = journey["reader_before_publish"]
    assert NEW_NOTE not in before and "Bezpłatnie, całą dobę" not in before and "116 123" in before


def test_the_polish_reviewer_publishes_and_polish_readers_see_the_new_note_in_polish(journey):
    assert journey["records"]["polish_published_by"] == "reviewer_pl"
    assert journey["records"]["built_note"] == journey["records"]["polish_live_note"] == POLISH_NOTE
    assert POLISH_NOTE in journey["reader"] and NEW_NOTE not in journey["reader"]


def test_a_spanish_translator_sees_only_the_spanish_regions(journey):
    assert journey["spanish_translator_sees"] == sorted(
        ["España", "Estados Unidos", "México", "Polonia", "Reino Unido", "Unión Europea"]
    )
