"""Admin journeys in headless Chromium: translating a snippet from the snippet admin, and creating
a deleted page translation again. A person logs in and clicks; the tests check what they saw and
what the database held afterwards. Screenshots go to test-artifacts/browser/.

The live server needs a transactional database, whose teardown empties it: both journeys run in
one browser session in a module fixture, before the first test's teardown, and the tests assert
on what each journey found (a journey that fails is reported by its own test, with a screenshot).
"""

import pytest
from django.conf import settings
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import tools

pytestmark = pytest.mark.browser

ARTIFACTS = settings.BASE_DIR / "test-artifacts" / "browser"


def setup_content():
    """An English announcement (a snippet with drafts) and a Polish translation of the demo article."""
    from wagtail.models import Locale

    from cms.models import ArticlePage
    from tests.factories import fill_po
    from tests.testapp.models import Announcement
    from translations.actions import CreateTranslation, as_catalog
    from translations.catalogs import to_po
    from translations.po_import import ImportPO

    english, polish = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="pl")
    announcement = Announcement(locale=english, title="Flu clinic open", body="<p>Walk in any day.</p>")
    announcement.save()
    announcement.save_revision().publish()
    article = ArticlePage.objects.get(slug="esketamine-and-ketamine-for-depression", locale=english)
    (catalog,) = CreateTranslation(article, [polish]).execute()
    assert ImportPO(catalog, fill_po(to_po(as_catalog(catalog)))).execute().ok
    return {"announcement": announcement, "article": article, "catalog": catalog, "polish": catalog.target_object}


def click(driver, xpath):
    WebDriverWait(driver, 30).until(expected_conditions.element_to_be_clickable((By.XPATH, xpath))).click()


def wait_for_url(driver, pattern):
    WebDriverWait(driver, 30).until(expected_conditions.url_matches(pattern))


def choose_language(driver, name):
    """Tick a language on the Translate form by clicking its label."""
    click(driver, f"//label[contains(normalize-space(), '{name}')]")


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def translate_snippet(driver, base_url, content):
    """admin: Translate from the snippet listing's “More” menu, then from the snippet editor's actions."""
    from tests.testapp.models import Announcement

    announcement, found = content["announcement"], {}
    tools.log_in(driver, base_url, "admin")
    driver.get(base_url + "/admin/snippets/testapp/announcement/")
    click(driver, "//button[@aria-label=\"More options for 'Flu clinic open'\"]")
    click(driver, "//a[normalize-space()='Translate']")
    wait_for_url(driver, r"/translate/$")
    choose_language(driver, "español (es)")
    driver.save_screenshot(str(ARTIFACTS / "admin-snippet-translate.png"))
    click(driver, "//button[normalize-space()='Start translating']")
    wait_for_url(driver, r"/snippet/testapp/announcement/\d+/$")
    found["message"] = tools.AdminSession(driver, base_url, ARTIFACTS, "admin-snippet").messages()
    found["overview"] = main_text(driver)

    driver.get(f"{base_url}/admin/snippets/testapp/announcement/edit/{announcement.pk}/")
    click(driver, "//footer//button[contains(@class, 'w-dropdown__toggle')]")
    click(driver, "//footer//a[normalize-space()='Translate']")
    wait_for_url(driver, r"/translate/$")
    found["form"] = main_text(driver)
    choose_language(driver, "polski (pl)")
    click(driver, "//button[normalize-space()='Start translating']")
    wait_for_url(driver, r"/snippet/testapp/announcement/\d+/$")
    driver.save_screenshot(str(ARTIFACTS / "admin-snippet-overview.png"))
    translations = Announcement.objects.filter(translation_key=announcement.translation_key)
    found["languages"] = set(translations.values_list("locale__language_code", "live"))
    return found


def translate_deleted_page_again(driver, base_url, content):
    """admin deletes the Polish article; editor translates the English one into Polish again."""
    from wagtail.models import Page

    polish, article, found = content["polish"], content["article"], {}
    tools.log_in(driver, base_url, "admin")
    driver.get(f"{base_url}/admin/pages/{polish.pk}/delete/")
    click(driver, "//input[@type='submit' and @value='Yes, delete it']")
    WebDriverWait(driver, 30).until(lambda d: "/delete/" not in d.current_url)
    found["deleted"] = not Page.objects.filter(pk=polish.pk).exists()

    tools.log_in(driver, base_url, "editor")
    driver.get(f"{base_url}/admin/pages/{article.pk}/edit/")
    click(driver, "//header//button[@aria-label='Actions']")
    click(driver, "//a[normalize-space()='Translate']")
    wait_for_url(driver, r"/translate/$")
    found["form"] = main_text(driver)
    choose_language(driver, "polski (pl)")
    driver.save_screenshot(str(ARTIFACTS / "admin-translate-again.png"))
    click(driver, "//button[normalize-space()='Start translating']")
    wait_for_url(driver, rf"/translations/page/{article.pk}/$")
    driver.save_screenshot(str(ARTIFACTS / "admin-translate-again-overview.png"))
    found["row"] = driver.find_element(By.XPATH, "//tr[td[normalize-space()='polski (pl)']]").text
    catalog = type(content["catalog"]).objects.get(pk=content["catalog"].pk)
    found["total"] = catalog.segments.current().count()
    found["target"] = catalog.target_object
    return found


JOURNEYS = {"snippet": translate_snippet, "again": translate_deleted_page_again}


def run(journey, name, driver, base_url, content):
    try:
        return journey(driver, base_url, content)
    except Exception as error:  # noqa: BLE001 (a failed journey is reported by its own test)
        driver.save_screenshot(str(ARTIFACTS / f"admin-{name}-failed.png"))
        return {"error": f"{type(error).__name__}: {error} at {driver.current_url}"}


@pytest.fixture(scope="module")
def journeys(django_db_setup, live_server, django_db_blocker):
    tools.skip_without_programs()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with django_db_blocker.unblock():  # for this fixture and the live server's thread
        tools.load_demo_site()
        content = setup_content()
        driver = tools.chrome()
        try:
            return {name: run(journey, name, driver, live_server.url, content) for name, journey in JOURNEYS.items()}
        finally:
            driver.quit()


def test_an_admin_translates_a_snippet_from_the_snippet_listing_and_its_editor(journeys):
    found = journeys["snippet"]
    assert "error" not in found, found.get("error")
    assert "Translation of “Flu clinic open” started: Spanish." in found["message"]
    assert "español (es)" in found["overview"]
    assert "español (es): already translated" in found["form"]
    assert found["languages"] == {("en", True), ("es", False), ("pl", False)}  # the translations are drafts


def test_an_editor_creates_a_deleted_translation_again_with_its_translated_texts(journeys):
    found = journeys["again"]
    assert "error" not in found, found.get("error")
    assert found["deleted"]
    assert "polski (pl): translation deleted; translating again keeps its translated texts" in found["form"]
    total = found["total"]
    assert f"{total}/{total}" in found["row"] and "Complete" in found["row"]
    assert found["target"] is not None and not found["target"].live
