"""Journeys 1 and 2 in headless Chromium: an editor writes a new English article and submits it,
an editorial reviewer and then the English medical reviewer approve it, and a live article whose
dose changes goes through the same review again. Each person logs in through the login form and
clicks; screenshots of every step go to test-artifacts/journeys/ (j1-editor-*, j2-new-*, j2-dose-*).

1. Editor: Pages > Depression > Add child page; title, a key point, a heading, a paragraph, a care
   card, a warning callout, a table and a reference; Save draft; Submit to the review workflow.
   Nowhere a way to publish: not in the editor's header or footer, not as bulk Publish in the
   page listing, not as "Publish copied page" when copying.
2. Editorial reviewer, then English medical reviewer: the task on the dashboard, the attestation
   in the Approve dialog, a confirmation naming the next step or saying the page is live, and the
   public page with the reviewer and the review dates. Then the live esketamine article: the
   editor changes 56mg to 84mg (the editor's autosave keeps a revision a moment before the
   submission), both reviewers open "Changes since the last approval" (the dashboard's link, the
   page header's menu) and see the dose as a difference, one approves in the page editor and one
   on the dashboard, and readers get the new dose with a new review date.

As in test_region_journey.py, the live server's database is emptied after the first test, so
the journeys run once in a module fixture and the tests assert on what they found; a journey
that fails saves a screenshot and is reported by its tests.
"""

import pytest
from django.conf import settings
from django.utils import timezone
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import tools
from tests.browser.review_steps import Session, run_journey

pytestmark = pytest.mark.browser

ARTIFACTS = settings.BASE_DIR / "test-artifacts" / "journeys"
TITLE = "Lithium for bipolar disorder"
ESKETAMINE = "Esketamine and ketamine for depression"
OLD_DOSE, NEW_DOSE = "Each dose is usually 56mg or 84mg.", "Each dose is usually 84mg."
TABLE = [
    ["Test", "How often", "Why"],
    ["Lithium level", "Every 3 months", "To keep your dose right"],
    ["Kidney and thyroid", "Every 6 months", "Lithium can affect them"],
]


def long_date(day):
    return f"{day.day} {day:%B %Y}"


def write_article(editor, topic, found):
    """Journey 1, as the editor."""
    editor.login("editor")
    editor.get("/admin/pages/")
    editor.click(editor.wait_for(By.CSS_SELECTOR, f"main a[href$='/admin/pages/{topic.pk}/']"))
    editor.wait_for(By.XPATH, f"//main//a[normalize-space()='{ESKETAMINE}']")
    editor.shot("topic-listing")
    editor.click(editor.driver.find_element(By.CSS_SELECTOR, "header a[aria-label='Add child page']"))
    editor.wait_for(By.NAME, "title").send_keys(TITLE)
    found["review_record"] = editor.visible_texts(".w-field__textoutput")
    editor.type_into(editor.add_block("summary"), "Lithium keeps your mood steady.")
    editor.type_into(editor.add_block("body", "Section heading"), "How you take lithium")
    editor.type_rich_text(editor.add_block("body", "Text"), "Take 400mg each evening, at the same time.")
    card = editor.add_block("body", "Care card")
    editor.choose(f"{card}-level", "Urgent: get advice now")
    editor.type_into(f"{card}-heading", "Get advice now if")
    editor.type_rich_text(f"{card}-body", "You feel very sick, shaky or confused.")
    warning = editor.add_block("body", "Warning callout")
    editor.type_into(f"{warning}-heading", "You need blood tests")
    editor.type_rich_text(f"{warning}-body", "Your lithium level is checked with a blood test.")
    table = editor.add_table("body")
    editor.table_cells(f"{table}-table", TABLE)
    editor.type_into(f"{table}-caption", "Blood tests while you take lithium")
    reference = editor.add_block("references")
    editor.type_into(f"{reference}-title", "Bipolar disorder: assessment and management (CG185)")
    editor.type_into(f"{reference}-publisher", "NICE")
    editor.type_into(f"{reference}-year", "2014")
    editor.type_into("author", "Ellen Price, health content editor")
    found["autosaved"] = editor.wait_for_autosave()
    editor.full_shot("article-written")

    save = editor.driver.find_element(By.CSS_SELECTOR, "footer button.action-save:not([name])")
    found["saved"] = editor.answer(lambda: editor.click(save))
    editor.shot("draft-saved")
    found["footer"] = editor.footer_menu()
    editor.shot("footer-menu")
    editor.driver.refresh()
    found["header"] = editor.header_menu()
    editor.shot("header-menu")
    editor.driver.refresh()
    found["submitted"] = editor.submit_from_footer()
    found["status"] = editor.wait_for(By.XPATH, f"//tr[.//a[normalize-space()='{TITLE}']]").text
    editor.shot("submitted")

    editor.click(editor.driver.find_element(By.CSS_SELECTOR, "input[data-bulk-action-select-all-checkbox]"))
    WebDriverWait(editor.driver, 10).until(lambda d: editor.visible_texts("[data-bulk-action-button]"))
    found["bulk"] = editor.visible_texts("[data-bulk-action-button]")
    editor.shot("bulk-actions")
    editor.driver.refresh()
    editor.click_xpath(f"//button[@aria-label=\"More options for '{ESKETAMINE}'\"]")
    editor.click_xpath(f"//tr[.//a[normalize-space()='{ESKETAMINE}']]//a[normalize-space()='Copy']")
    editor.wait_for(By.XPATH, "//button[normalize-space()='Copy this page'] | //input[@value='Copy this page']")
    found["copy_form"] = editor.main_text()
    found["copy_publish_field"] = bool(editor.driver.find_elements(By.NAME, "publish_copies"))
    editor.shot("copy-form")


def review_new_article(reviewer, found):
    """Journey 2: the new article, approved on the dashboard by each reviewer in turn."""
    reviewer.login("editorial_reviewer")
    found["editorial_row"] = reviewer.dashboard_row(TITLE).text
    reviewer.shot("editorial-dashboard")
    reviewer.click(reviewer.dashboard_row(TITLE).find_element(By.XPATH, ".//button[normalize-space()='Approve']"))
    found["editorial_statements"] = reviewer.attest()
    found["editorial_approved"] = reviewer.confirm_modal("editorial-attestation")
    reviewer.shot("editorial-approved")

    reviewer.login("reviewer_en")
    found["medical_row"] = reviewer.dashboard_row(TITLE).text
    reviewer.shot("medical-dashboard")
    reviewer.click(reviewer.dashboard_row(TITLE).find_element(By.XPATH, ".//button[normalize-space()='Approve']"))
    found["medical_statements"] = reviewer.attest()
    found["medical_approved"] = reviewer.confirm_modal("medical-attestation")
    reviewer.shot("medical-approved")

    reviewer.driver.delete_all_cookies()
    reviewer.get("/en/depression/lithium-for-bipolar-disorder/")
    found["public"] = reviewer.wait_for(By.TAG_NAME, "main").text
    reviewer.full_shot("public-page")


def review_changed_dose(session, article, found):
    """Journey 2 again, for the live esketamine article whose dose the editor changes."""
    session.login("editor")
    session.open_editor(f"/admin/pages/{article.pk}/edit/")
    session.replace_in_rich_text("56mg or 84mg", "84mg")
    found["autosaved"] = session.wait_for_autosave()
    session.shot("dose-changed")
    found["submitted"] = session.submit_from_footer()

    session.login("editorial_reviewer")
    row = session.dashboard_row(ESKETAMINE)
    found["editorial_row"] = row.text
    session.click(row.find_element(By.XPATH, ".//a[normalize-space()='Changes since the last approval']"))
    found["editorial_changes"] = session.changes_marked()
    found["editorial_first_change_in_view"] = session.first_change_in_view
    session.shot("editorial-changes")
    session.click(session.dashboard_row(ESKETAMINE).find_element(By.XPATH, f".//a[normalize-space()='{ESKETAMINE}']"))
    session.wait_for(By.CSS_SELECTOR, "footer")
    session.footer_action("button[data-workflow-action-name='approve']")
    session.attest()
    found["editorial_approved"] = session.confirm_modal("editorial-attestation-in-editor")
    session.shot("editorial-approved")

    session.login("reviewer_en")
    session.click(session.dashboard_row(ESKETAMINE).find_element(By.XPATH, f".//a[normalize-space()='{ESKETAMINE}']"))
    session.wait_for(By.CSS_SELECTOR, "footer")
    found["medical_header"] = session.header_menu()
    session.header_menu_item("Changes since the last approval")
    found["medical_changes"] = session.changes_marked()
    found["medical_first_change_in_view"] = session.first_change_in_view
    session.shot("medical-changes")
    session.click(session.dashboard_row(ESKETAMINE).find_element(By.XPATH, ".//button[normalize-space()='Approve']"))
    session.attest()
    found["medical_approved"] = session.confirm_modal("medical-attestation")
    session.shot("medical-approved")

    session.driver.delete_all_cookies()
    session.get(article.url)
    found["public"] = session.wait_for(By.TAG_NAME, "main").text
    session.full_shot("public-page")


def signed_off(page):
    """Who signed off the live version medically, and on which day."""
    from translations.review_models import MEDICAL, SignOff

    sign_off = SignOff.objects.filter(page_id=page.pk, role=MEDICAL, revision_id=page.live_revision_id).first()
    return (sign_off.reviewer.username, timezone.localdate(sign_off.created_at)) if sign_off else None


def records():
    from cms.models import ArticlePage

    new = ArticlePage.objects.filter(title=TITLE).first()
    esketamine = ArticlePage.objects.get(title=ESKETAMINE, locale__language_code="en")
    return {
        "new": new,
        "new_body": [block.block_type for block in new.body] if new else [],
        "new_table": new and next((b.value["table"] for b in new.body if b.block_type == "table"), None),
        "new_revision_authors": sorted({r.user.username for r in new.revisions.all()}) if new else [],
        "esketamine": esketamine,
        "esketamine_sign_off": signed_off(esketamine),
        "esketamine_reviewer_revisions": esketamine.revisions.filter(
            user__username__in=["editorial_reviewer", "reviewer_en"]
        ).count(),
    }


@pytest.fixture(scope="module")
def journeys(django_db_setup, live_server, django_db_blocker):
    tools.skip_without_programs()
    with django_db_blocker.unblock():  # for this fixture and the live server's thread
        tools.load_demo_site()
        from cms.models import ArticlePage, TopicIndexPage

        topic = TopicIndexPage.objects.get(slug="depression", locale__language_code="en")
        article = ArticlePage.objects.get(title=ESKETAMINE, locale__language_code="en")
        driver = tools.chrome()
        try:
            session = Session(driver, live_server.url, ARTIFACTS, "j1-editor")
            found = {"editor": run_journey(write_article, session, topic)}
            session = Session(driver, live_server.url, ARTIFACTS, "j2-new")
            found["new"] = run_journey(review_new_article, session)
            session = Session(driver, live_server.url, ARTIFACTS, "j2-dose")
            found["dose"] = run_journey(review_changed_dose, session, article)
        finally:
            driver.quit()
        return {**found, "records": records(), "today": timezone.localdate()}


def no_error(found):
    assert "error" not in found, found["error"]
    return found


# ---------- Journey 1: the editor ----------


def test_the_editor_writes_an_article_with_every_kind_of_block_and_saves_a_draft(journeys):
    found, records = no_error(journeys["editor"]), journeys["records"]
    assert f"Page '{TITLE}' has been" in found["saved"]
    assert records["new_body"] == ["heading", "paragraph", "care_card", "warning_callout", "table"]
    assert records["new_table"]["data"] == TABLE and records["new_table"]["first_row_is_table_header"]
    assert records["new"].references[0].value["year"] == 2014
    assert found["review_record"] == ["Not reviewed yet"] * 3, "the review dates only a medical review sets"
    assert records["new_revision_authors"] == ["editor"], "only the editor saved versions of the article"


def test_the_editor_submits_for_review_from_the_editor_footer(journeys):
    found = no_error(journeys["editor"])
    assert "Submit to Source article review (English)" in found["footer"]
    assert f"Page '{TITLE}' has been submitted for moderation." in found["submitted"]
    assert "IN MODERATION" in found["status"]


def test_the_editor_sees_no_way_to_publish(journeys):
    found = no_error(journeys["editor"])
    assert not [label for label in found["footer"] + found["header"] if "Publish" in label], (
        found["footer"],
        found["header"],
    )
    assert "Move" in found["bulk"] and "Publish" not in found["bulk"]
    assert "New parent page" in found["copy_form"] and "Publish" not in found["copy_form"]
    assert found["copy_publish_field"] is False


# ---------- Journey 2: a new article through editorial and medical review ----------


def test_each_reviewer_finds_the_new_article_on_the_dashboard(journeys):
    found = no_error(journeys["new"])
    assert "Editorial review (English)" in found["editorial_row"] and "Ellen Price" in found["editorial_row"]
    assert "New: no approved version yet" in found["editorial_row"]
    assert "Medical review (English)" in found["medical_row"]


def test_each_reviewer_attests_what_their_review_covers(journeys):
    found = no_error(journeys["new"])
    assert "The text is clear and in plain language." in found["editorial_statements"]
    assert "The content is clinically accurate." not in found["editorial_statements"]
    assert "The content is clinically accurate." in found["medical_statements"]
    assert "I checked every dose, number and unit." in found["medical_statements"]


def test_each_approval_is_confirmed_with_what_happens_next(journeys):
    found = no_error(journeys["new"])
    assert (
        f"You approved \u201c{TITLE}\u201d (Editorial review (English)). It now waits for Medical review (English)."
        in found["editorial_approved"]
    )
    assert f"You approved \u201c{TITLE}\u201d (Medical review (English)). It is live now." in found["medical_approved"]


def test_the_approved_article_is_live_with_its_reviewer_and_review_dates(journeys):
    found, today = no_error(journeys["new"]), journeys["today"]
    page = journeys["records"]["new"]
    assert page.live and page.last_reviewed == today
    assert "Medically reviewed by Rahul Mehta, MRCPsych, consultant psychiatrist (fictional person)" in found["public"]
    assert f"Page last reviewed: {long_date(today)}" in found["public"]
    assert f"Next review due: {long_date(page.next_review_due)}" in found["public"]
    assert "Take 400mg each evening" in found["public"] and "Every 3 months" in found["public"]


# ---------- Journey 2: a live article whose dose changed ----------


def test_each_reviewer_sees_the_dose_change_against_the_approved_version(journeys):
    found = no_error(journeys["dose"])
    assert found["autosaved"], "the editor's autosave kept a revision before the submission"
    assert "Changes since the last approval" in found["editorial_row"]
    assert any(kind == "deletion" and "56mg" in text for kind, text in found["editorial_changes"])
    assert "Changes since the last approval" in found["medical_header"]
    assert any(kind == "deletion" and "56mg" in text for kind, text in found["medical_changes"])
    assert found["editorial_first_change_in_view"] and found["medical_first_change_in_view"], "opened at the change"


def test_approving_in_the_page_editor_moves_the_review_on(journeys):
    found = no_error(journeys["dose"])
    assert (
        f"You approved \u201c{ESKETAMINE}\u201d (Editorial review (English)). It now waits for Medical review (English)."
        in found["editorial_approved"]
    )
    assert journeys["records"]["esketamine_reviewer_revisions"] == 0, "approving saved a revision of its own"


def test_readers_get_the_new_dose_with_a_new_review_date(journeys):
    found, today = no_error(journeys["dose"]), journeys["today"]
    assert (
        f"You approved \u201c{ESKETAMINE}\u201d (Medical review (English)). It is live now."
        in found["medical_approved"]
    )
    assert NEW_DOSE in found["public"] and OLD_DOSE not in found["public"]
    assert f"Page last reviewed: {long_date(today)}" in found["public"]
    assert journeys["records"]["esketamine_sign_off"] == ("reviewer_en", today), "a new medical sign-off set the date"
