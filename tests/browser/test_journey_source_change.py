"""Journey 6 in headless Chromium: the source changes after its translations are live.

The editor changes a sentence and a dose in the live English esketamine article and submits it;
the editorial reviewer and the English medical reviewer approve it on their dashboards and it is
published. The Spanish translator then finds the article among their translations, outdated,
and in the translation editor the two changed segments need review, each with its Spanish text
as it was and the change to the English shown word by word. Until the Spanish is reviewed
again, Spanish readers are told the page is being updated, and the bilingual sheet they print
for their clinic says so too and marks the two passages whose original changed (the old
Spanish dose beside the new English one must never pass unmarked). Screenshots of each step go
to test-artifacts/journeys/ (j6-source-change-*).

As in test_region_journey.py, the live server's database is emptied after the first test, so
the journey runs once in a module fixture and the tests assert on what it found.
"""

import pytest
from django.conf import settings
from selenium.webdriver.common.by import By

from tests.browser import tools
from tests.browser.review_steps import Session, run_journey

pytestmark = pytest.mark.browser

ARTIFACTS = settings.BASE_DIR / "test-artifacts" / "journeys"
ESKETAMINE = "Esketamine and ketamine for depression"
OLD_SENTENCE = "You usually have esketamine twice a week at first, then less often."
NEW_SENTENCE = "You usually have esketamine twice a week for the first 4 weeks, then less often."
OLD_DOSE, NEW_DOSE = "Each dose is usually 56mg or 84mg.", "Each dose is usually 84mg."
OLD_SPANISH_DOSE = "56 mg"


def change_the_source(session, article, found):
    session.login("editor")
    session.open_editor(f"/admin/pages/{article.pk}/edit/")
    session.replace_in_rich_text("at first,", "for the first 4 weeks,")
    session.replace_in_rich_text("56mg or 84mg", "84mg")
    found["autosaved"] = session.wait_for_autosave()
    session.shot("editor-changes-sentence-and-dose")
    found["submitted"] = session.submit_from_footer()

    for reviewer, step in (("editorial_reviewer", "editorial"), ("reviewer_en", "medical")):
        session.login(reviewer)
        row = session.dashboard_row(ESKETAMINE)
        session.click(row.find_element(By.XPATH, ".//button[normalize-space()='Approve']"))
        session.attest()
        found[f"{step}_approved"] = session.confirm_modal(f"{step}-approves")

    session.driver.delete_all_cookies()
    session.get(article.url)
    found["english"] = session.wait_for(By.TAG_NAME, "main").text


def translate_again(session, found):
    session.login("translator_es")
    row = session.wait_for(By.XPATH, f"//tr[td[contains(., '{ESKETAMINE}')] and td[contains(., 'español')]]")
    found["worklist_row"] = row.text
    session.shot("translator-dashboard")
    session.click(row.find_element(By.LINK_TEXT, "Edit"))
    found["status"] = session.wait_for(By.CSS_SELECTOR, "section.tl-review").text
    session.click_xpath("//a[starts-with(normalize-space(), 'Needs review')]")
    session.wait_for(By.CSS_SELECTOR, "form[data-tl-segment] .tl-diff")
    segments = session.driver.find_elements(By.CSS_SELECTOR, "form[data-tl-segment]")
    found["segments"] = [
        {
            "source": segment.find_element(By.CSS_SELECTOR, ".tl-segment__text").text,
            "state": segment.find_element(By.CSS_SELECTOR, "[data-tl-state]").text,
            "translation": segment.find_element(By.TAG_NAME, "textarea").get_attribute("value"),
            "deleted": [d.text for d in segment.find_elements(By.CSS_SELECTOR, ".tl-diff del")],
            "inserted": [i.text for i in segment.find_elements(By.CSS_SELECTOR, ".tl-diff ins")],
            "findings": segment.find_element(By.CSS_SELECTOR, "[data-tl-findings]").text,
        }
        for segment in segments
    ]
    session.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", segments[0])
    session.shot("translator-sees-the-changes")


def read_in_spanish(session, spanish, found):
    session.driver.delete_all_cookies()
    session.get(spanish.url)
    found["notice"] = session.wait_for(By.CSS_SELECTOR, ".notice--outdated").text
    session.shot("spanish-page-outdated")
    session.click_xpath("//a[contains(@href, '?view=bilingual')]")
    found["sheet_notice"] = session.wait_for(By.CSS_SELECTOR, ".notice--outdated").text
    found["sheet_changed"] = [
        row.text for row in session.driver.find_elements(By.CSS_SELECTOR, "tr.bilingual__row--changed")
    ]
    session.full_shot("bilingual-sheet")
    marked = session.driver.find_elements(By.CSS_SELECTOR, "tr.bilingual__row--changed")
    if marked:
        session.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", marked[-1])
    session.shot("bilingual-sheet-changed-passage")


@pytest.fixture(scope="module")
def journey(django_db_setup, live_server, django_db_blocker):
    tools.skip_without_programs()
    with django_db_blocker.unblock():  # for this fixture and the live server's thread
        tools.load_demo_site()
        from cms.models import ArticlePage

        article = ArticlePage.objects.get(title=ESKETAMINE, locale__language_code="en")
        spanish = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="es")
        driver = tools.chrome()
        try:
            session = Session(driver, live_server.url, ARTIFACTS, "j6-source-change")
            found = {"source": run_journey(change_the_source, session, article)}
            found["translator"] = (
                run_journey(translate_again, session) if "error" not in found["source"] else found["source"]
            )
            found["reader"] = (
                run_journey(read_in_spanish, session, spanish) if "error" not in found["source"] else found["source"]
            )
        finally:
            driver.quit()
        spanish.refresh_from_db()
        article.refresh_from_db()
        found["spanish_live"] = spanish.live
        found["english_revisions"] = (article.live_revision_id, article.latest_revision_id)
        return found


def no_error(found):
    assert "error" not in found, found["error"]
    return found


def test_the_changed_english_article_is_reviewed_and_published_in_the_browser(journey):
    found = no_error(journey["source"])
    live, latest = journey["english_revisions"]
    assert live == latest, "the approved version is the latest"
    assert (
        f"You approved \u201c{ESKETAMINE}\u201d (Medical review (English)). It is live now."
        in found["medical_approved"]
    )
    assert NEW_SENTENCE in found["english"] and NEW_DOSE in found["english"]
    assert OLD_DOSE not in found["english"]


def test_the_translator_finds_the_spanish_translation_outdated(journey):
    found = no_error(journey["translator"])
    assert "Outdated: 2 segments to revisit" in found["worklist_row"]
    assert "Outdated: 2 segments to revisit" in found["status"]
    assert "The source changed: revisit the segments that need review, then build again." in found["status"]


def test_the_translator_sees_each_changed_segment_with_its_old_spanish_and_the_english_change(journey):
    segments = no_error(journey["translator"])["segments"]
    assert len(segments) == 2
    dose = next(s for s in segments if NEW_DOSE in s["source"])
    assert dose["state"] == "Needs review"
    assert OLD_SPANISH_DOSE in dose["translation"], "the Spanish as it was, to revise, not a blank box"
    assert "56mg" in " ".join(dose["deleted"]) and "56mg" not in " ".join(dose["inserted"])
    assert "56 mg is in the translation but not in the source." in dose["findings"]
    sentence = next(s for s in segments if NEW_SENTENCE in s["source"])
    assert "at first," in " ".join(sentence["deleted"])
    assert "the first 4 weeks," in " ".join(sentence["inserted"])


def test_spanish_readers_are_told_the_translation_is_being_updated(journey):
    found = no_error(journey["reader"])
    assert journey["spanish_live"]
    assert "Esta traducción se está actualizando" in found["notice"]


def test_the_bilingual_sheet_carries_the_notice_and_marks_exactly_the_changed_passages(journey):
    found = no_error(journey["reader"])
    assert "Esta traducción se está actualizando" in found["sheet_notice"]
    assert len(found["sheet_changed"]) == 2, found["sheet_changed"]
    dose = next(row for row in found["sheet_changed"] if NEW_DOSE in row)
    assert OLD_SPANISH_DOSE in dose and "Changed in the original since this translation was checked." in dose
    assert any(NEW_SENTENCE in row for row in found["sheet_changed"])
