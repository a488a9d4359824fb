"""Journeys 3, 4 and 5: a Spanish translation from the translator's first click to the public page.

Before the journey (set up in code): an English article, "Sleep and depression", is live after
its review; an editor started its Spanish translation, and the translator saved most segments
earlier, one of them as needing review with a wrong number in it.

Then, in headless Chromium, each person logs in through the login form and clicks:

3. The translator (translator_es) finds the work on the dashboard and in the Translations
   list, translates two segments in the editor, fixes the segment that needs review (typing
   unticks "Save as needing review", so the fix is saved as done), downloads the PO file,
   fills in the last segment as Poedit would and uploads it, builds the draft, and submits it
   from the page editor (the submit that used to be refused as "edited after it was built").
   She can add no page anywhere. The linguist asks for a change; she makes it in the editor,
   builds again and submits from the translation editor's status box.
4. The second linguist (linguist_es) finds it on the dashboard, opens the page and from it the
   translation editor (source beside translation), requests a change, then approves the new
   build with the linguistic attestation; the clinical statements are not offered to him.
5. The Spanish medical reviewer (reviewer_es) approves with the medical attestation; a reader
   then gets the Spanish article with her credit.

As in test_region_journey.py, the live server's database is emptied after each test, so the
whole journey runs once in a module fixture and the tests assert on what it found. The
numbered screenshots are in test-artifacts/journeys/translation-*.png.
"""

import pytest
from django.conf import settings
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser import tools

pytestmark = pytest.mark.browser

SHOTS = settings.BASE_DIR / "test-artifacts" / "journeys"
SLUG = "sleep-and-depression"
FIXED = "Hable con su médico si duerme menos de 5 horas por noche durante 2 semanas."
FIRST_TRY = "Acuéstese y levántese a la misma hora todos los días."
AS_ASKED = "Intente acostarse y levantarse a la misma hora todos los días."
FROM_PO = "Llame al número de emergencias de su zona o vaya al servicio de urgencias más cercano."
CHANGE_ASKED = "«Acuéstese» suena a orden: mejor «Intente acostarse»."

# The English article, and what the translator had saved before the journey starts, by source.
ENGLISH = {
    "title": "Sleep and depression",
    "search_description": "How depression can change your sleep, and what can help.",
    "author": "Dr Ana Ruiz, psychiatrist (fictional person)",
    "summary": [
        {"type": "point", "value": "Most people with depression sleep badly."},
        {"type": "point", "value": "Good sleep habits can help."},
        {"type": "point", "value": "Tell your doctor if you sleep less than 5 hours a night for 2 weeks."},
    ],
    "body": [
        {"type": "heading", "value": "What can help"},
        {
            "type": "paragraph",
            "value": "<p>Go to bed and get up at the same time every day.</p>"
            "<p>Avoid <b>caffeine</b> in the afternoon and evening.</p>",
        },
        {
            "type": "care_card",
            "value": {
                "level": "urgent",
                "heading": "Get help now if you have thoughts of suicide",
                "body": "<p>Call your local emergency number or go to the nearest emergency department.</p>",
            },
        },
    ],
}
SAVED_EARLIER = {
    "Sleep and depression": "El sueño y la depresión",
    "How depression can change your sleep, and what can help.": (
        "Cómo la depresión puede cambiar su sueño y qué puede ayudar."
    ),
    "Most people with depression sleep badly.": "La mayoría de las personas con depresión duermen mal.",
    "Good sleep habits can help.": "Unos buenos hábitos de sueño pueden ayudar.",
    "What can help": "Qué puede ayudar",
    "Get help now if you have thoughts of suicide": "Pida ayuda ya si tiene pensamientos de suicidio",
    "Dr Ana Ruiz, psychiatrist (fictional person)": "Dra. Ana Ruiz, psiquiatra (persona ficticia)",
}
# Saved as needing review, with the number of weeks wrong: the quality checks flag it.
UNSURE = ("Tell your doctor if you sleep", FIXED.replace("2 semanas", "3 semanas"))
TYPED = {
    "Go to bed": FIRST_TRY,
    "Avoid <1>caffeine</1>": "Evite la <1>cafeína</1> por la tarde y por la noche.",
}
LINGUISTIC_STATEMENTS = {"meaning", "terminology", "register", "numbers_match", "warnings_acknowledged"}


# ---------- What happened before the journey ----------


def english_article():
    """The English article, live after editorial and medical review (as the demo loader reviews)."""
    from django.contrib.auth import get_user_model

    from cms.demo.loader import review
    from cms.models import ArticlePage, TopicIndexPage

    topic = TopicIndexPage.objects.get(slug="depression", locale__language_code="en")
    page = topic.add_child(instance=ArticlePage(slug=SLUG, live=False, **ENGLISH))
    page.save_revision(user=get_user_model().objects.get(username="editor"))
    review(page, "editor", ["editorial_reviewer", "reviewer_en"])
    return ArticlePage.objects.get(pk=page.pk)


def started_translation(page):
    """The editor started the Spanish translation; the translator saved most of it earlier."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale

    from translations.actions import CreateTranslation, SaveSegment

    people = get_user_model().objects
    (catalog,) = CreateTranslation(
        page, [Locale.objects.get(language_code="es")], people.get(username="editor")
    ).execute()
    translator = people.get(username="translator_es")
    for segment in catalog.segments.all():
        if segment.source in SAVED_EARLIER:
            SaveSegment(segment, SAVED_EARLIER[segment.source], segment.version, translator).execute()
        elif segment.source.startswith(UNSURE[0]):
            SaveSegment(segment, UNSURE[1], segment.version, translator, needs_review=True).execute()
    return catalog


# ---------- The people ----------


SHOW_BELOW_TOOLBAR = """
const element = arguments[0];
element.scrollIntoView({block: "start", behavior: "instant"});
const covers = [...document.querySelectorAll("[data-tl-editor], header")].map(e => e.getBoundingClientRect().bottom);
const hidden = Math.max(0, ...covers) + 16 - element.getBoundingClientRect().top;
let box = element.parentElement;  // the admin scrolls a container, not the window
while (box && !(box.scrollHeight > box.clientHeight && /auto|scroll/.test(getComputedStyle(box).overflowY))) {
  box = box.parentElement;
}
if (hidden > 0) (box || document.scrollingElement).scrollBy({top: -hidden, behavior: "instant"});
"""


class Person(tools.AdminSession):
    def screen(self, name):
        """A screenshot of the top of the screen (the status box and the messages)."""
        self.driver.execute_script("window.scrollTo(0, 0)")
        return self.shot(name)

    def shot_of(self, element, name):
        """A screenshot with ``element`` at the top, below the header and the editor's sticky toolbar."""
        self.driver.execute_script(SHOW_BELOW_TOOLBAR, element)
        return self.shot(name)

    def after_click(self, element):
        """Click something that loads another screen; return that screen's message text."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.click(element)
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(old))
        try:
            return self.messages()
        except StaleElementReferenceException:  # the message area was redrawn while read
            return self.messages()

    def button(self, label):
        return self.wait_for(By.XPATH, f"//main//*[self::button or self::a][normalize-space()='{label}']")

    def segment(self, source_start):
        return self.wait_for(
            By.XPATH,
            "//form[@data-tl-segment][.//p[contains(@class, 'tl-segment__text')]"
            f"[starts-with(normalize-space(), '{source_start}')]]",
        )

    def save_segment(self, form):
        """Press the segment's Save; return its state label and message once the answer is shown."""
        self.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        WebDriverWait(self.driver, 30).until(lambda _d: form.find_element(By.CSS_SELECTOR, "[data-tl-message]").text)
        return (
            form.find_element(By.CSS_SELECTOR, "[data-tl-state]").text,
            form.find_element(By.CSS_SELECTOR, "[data-tl-message]").text,
        )

    def status_box(self):
        return self.wait_for(By.CSS_SELECTOR, "[data-tl-review]").text

    def dashboard_row(self, title):
        rows = self.driver.find_elements(
            By.XPATH, f"//*[@id='awaiting-review-section']//tr[.//a[normalize-space()='{title}']]"
        )
        return rows[0] if rows else None

    def workflow_modal(self, row, action):
        """Press a dashboard row's Approve or Request changes; return the modal's form."""
        self.click(row.find_element(By.XPATH, f".//button[normalize-space()='{action}']"))
        form = self.wait_for(By.CSS_SELECTOR, ".modal form")
        WebDriverWait(self.driver, 10).until(lambda _d: form.is_displayed())
        return form

    def send_modal(self, form):
        """Send a workflow modal; the dashboard reloads without the task."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        self.click(form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
        WebDriverWait(self.driver, 30).until(expected_conditions.staleness_of(old))
        self.wait_for(By.CSS_SELECTOR, "main")


# ---------- The journey ----------


@pytest.fixture(scope="module")
def journey(django_db_setup, live_server, django_db_blocker, tmp_path_factory):
    missing = tools.missing_programs()
    if missing:
        pytest.skip(f"the browser tests need Debian's {', '.join(missing)} (scripts/system-deps.sh installs them)")
    downloads = tmp_path_factory.mktemp("downloads")
    found = {}
    with django_db_blocker.unblock():
        tools.load_demo_site()
        english = english_article()
        catalog = started_translation(english)
        spanish = catalog.target_object
        found["ids"] = {"catalog": catalog.pk, "page": spanish.pk, "topic": spanish.get_parent().pk}
        driver = tools.chrome()
        driver.execute_cdp_cmd("Page.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
        person = Person(driver, live_server.url, SHOTS, "translation")
        try:
            translate(person, found, downloads)
            no_new_pages(person, found)
            submit_from_page_editor(person, found)
            linguist_asks_for_a_change(person, found)
            translator_submits_again(person, found)
            linguist_approves(person, found)
            medical_reviewer_approves(person, found)
            reader(person, found, spanish.url)
        finally:
            driver.quit()
        found["records"] = records(catalog)
    return found


def translate(person, found, downloads):
    driver = person.driver
    person.login("translator_es")
    panel = person.wait_for(By.ID, "carelingua-translations-section")
    found["dashboard"] = panel.text
    person.shot("translator-dashboard")

    person.click_xpath("//nav//a[normalize-space()='Translations']")
    first_row = person.wait_for(By.CSS_SELECTOR, "table.tl-worklist tbody tr")
    found["worklist_title"] = driver.find_element(By.CSS_SELECTOR, "nav[aria-label=Breadcrumb] li:last-child").text
    found["worklist_first_row"] = first_row.text
    person.shot("worklist")
    person.click(first_row.find_element(By.LINK_TEXT, "Edit"))
    found["status_at_start"] = person.status_box()
    person.screen("editor")

    found["typed"] = {}
    for source, text in TYPED.items():
        form = person.segment(source)
        form.find_element(By.TAG_NAME, "textarea").send_keys(text)
        found["typed"][source] = person.save_segment(form)
    person.shot_of(person.segment("Go to bed"), "translated-two-segments")

    form = person.segment(UNSURE[0])
    box, review = form.find_element(By.TAG_NAME, "textarea"), form.find_element(By.NAME, "needs_review")
    found["unsure_before"] = {
        "state": form.find_element(By.CSS_SELECTOR, "[data-tl-state]").text,
        "ticked": review.is_selected(),
        "findings": form.find_element(By.CSS_SELECTOR, "[data-tl-findings]").text,
    }
    person.shot_of(form, "needs-review")
    box.clear()
    box.send_keys(FIXED)
    found["unsure_ticked_after_typing"] = review.is_selected()
    found["unsure_saved"] = person.save_segment(form)
    WebDriverWait(driver, 10).until(lambda _d: not form.find_element(By.CSS_SELECTOR, "[data-tl-findings]").text)
    person.shot_of(form, "fixed")

    person.click(person.button("Download PO"))
    # Chrome reserves the file's name with an empty file and renames its .crdownload over it when done.
    WebDriverWait(driver, 30).until(
        lambda _d: (
            not list(downloads.glob("*.crdownload"))
            and [path for path in downloads.glob("*.po") if path.stat().st_size]
        )
    )
    (downloaded,) = downloads.glob("*.po")
    found["po_name"], po = downloaded.name, downloaded.read_text()
    found["po_has_the_fix"] = f'msgstr "{FIXED}"' in po
    empty = 'emergency department."\nmsgstr ""'
    found["po_has_the_empty_entry"] = empty in po
    filled = downloads / "filled-in-poedit.po"
    filled.write_text(po.replace(empty, f'emergency department."\nmsgstr "{FROM_PO}"'))

    person.click(person.button("Upload PO"))
    person.wait_for(By.CSS_SELECTOR, "main input[type=file]").send_keys(str(filled))
    person.shot("upload")
    old = driver.find_element(By.TAG_NAME, "html")
    person.click(driver.find_element(By.XPATH, "//main//form//button[@type='submit']"))
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(old))
    found["upload_report"] = person.main_text()
    person.shot("upload-report")

    person.click(person.button("Open the translation editor"))
    found["status_complete"] = person.status_box()
    found["built"] = person.after_click(person.button("Build draft"))
    found["status_built"] = person.status_box()
    person.screen("built")


def no_new_pages(person, found):
    """Neither the listing nor the add URLs let a translator add a page."""
    driver = person.driver
    topic = found["ids"]["topic"]
    person.get(f"/admin/pages/{topic}/")
    person.wait_for(By.CSS_SELECTOR, "main")
    found["add_in_listing"] = [
        a.get_attribute("href")
        for a in driver.find_elements(By.CSS_SELECTOR, "a[href*='add_subpage'], a[href*='/pages/add/']")
    ]
    person.shot("no-add-child-page")
    found["add_refused"] = {}
    for path in (f"/admin/pages/{topic}/add_subpage/", f"/admin/pages/add/cms/articlepage/{topic}/"):
        person.get(path)
        person.wait_for(By.CSS_SELECTOR, "main")
        found["add_refused"][path] = (
            driver.current_url,
            bool(driver.find_elements(By.ID, "page-edit-form")),
            person.messages(),
        )
    person.shot("add-refused")
    # Wagtail offers "Copy" to whoever may edit a page; copying adds a page, so it must go nowhere.
    person.get(f"/admin/pages/{found['ids']['page']}/copy/")
    old = driver.find_element(By.TAG_NAME, "html")
    person.click(person.wait_for(By.CSS_SELECTOR, "main form input[type=submit]"))
    WebDriverWait(driver, 30).until(expected_conditions.staleness_of(old))
    person.wait_for(By.CSS_SELECTOR, "main form")
    found["copy_refused"] = person.main_text()
    person.shot("copy-refused")


def submit_from_page_editor(person, found):
    driver = person.driver
    person.get(f"/admin/translations/catalog/{found['ids']['catalog']}/")
    person.click(person.button("Open the page"))
    person.wait_for(By.ID, "page-edit-form")
    found["page_editor_message"] = person.messages()
    found["title_editable"] = bool(driver.find_elements(By.CSS_SELECTOR, "#page-edit-form input[name=title]"))
    person.screen("page-editor-read-only")
    person.click(driver.find_element(By.CSS_SELECTOR, "footer .w-dropdown__toggle"))
    submit = driver.find_element(By.CSS_SELECTOR, "footer button[name='action-submit']")
    found["submit_label"] = submit.get_attribute("value")
    found["submitted"] = person.after_click(submit)
    person.screen("submitted-from-page-editor")
    person.get(f"/admin/translations/catalog/{found['ids']['catalog']}/")
    found["status_in_review"] = person.status_box()
    person.screen("waiting-for-the-linguist")


def linguist_asks_for_a_change(person, found):
    driver = person.driver
    person.login("linguist_es")
    row = person.dashboard_row(SAVED_EARLIER["Sleep and depression"])
    found["linguist_row"] = row.text if row else ""
    person.shot("linguist-dashboard")
    person.click(row.find_element(By.CSS_SELECTOR, "td.title a"))
    person.wait_for(By.ID, "page-edit-form")
    person.click(
        driver.find_element(
            By.XPATH, "//*[contains(@class, 'messages')]//a[normalize-space()='Open the translation editor']"
        )
    )
    form = person.segment("Go to bed")
    found["linguist_compares"] = {
        "source": form.find_element(By.CSS_SELECTOR, ".tl-segment__text").text,
        "translation": form.find_element(By.TAG_NAME, "textarea").get_attribute("value"),
    }
    found["linguist_status"] = person.status_box()
    person.screen("linguist-in-the-translation-editor")
    person.shot_of(form, "linguist-source-beside-translation")
    person.click(person.button("Open your dashboard"))
    modal = person.workflow_modal(person.dashboard_row(SAVED_EARLIER["Sleep and depression"]), "Request changes")
    modal.find_element(By.NAME, "comment").send_keys(CHANGE_ASKED)
    person.shot("linguist-requests-changes")
    person.send_modal(modal)
    found["row_after_request"] = person.dashboard_row(SAVED_EARLIER["Sleep and depression"])
    person.shot("linguist-after-request")


def translator_submits_again(person, found):
    person.login("translator_es")
    found["translator_dashboard_after_request"] = person.main_text()
    person.shot("translator-sees-changes-requested")
    person.get(f"/admin/translations/catalog/{found['ids']['catalog']}/")
    found["status_changes_requested"] = person.status_box()
    person.screen("changes-requested")
    form = person.segment("Go to bed")
    box = form.find_element(By.TAG_NAME, "textarea")
    box.clear()
    box.send_keys(AS_ASKED)
    found["changed_as_asked"] = person.save_segment(form)
    person.get(f"/admin/translations/catalog/{found['ids']['catalog']}/")
    found["rebuilt"] = person.after_click(person.button("Build draft"))
    found["resubmitted"] = person.after_click(person.button("Submit for review"))
    found["status_resubmitted"] = person.status_box()
    person.screen("submitted-from-translation-editor")


def linguist_approves(person, found):
    person.login("linguist_es")
    row = person.dashboard_row(SAVED_EARLIER["Sleep and depression"])
    found["linguist_row_again"] = row.text if row else ""
    modal = person.workflow_modal(row, "Approve")
    boxes = modal.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
    found["linguist_statements"] = {box.get_attribute("name") for box in boxes}
    found["linguist_form_text"] = modal.text
    person.shot("linguistic-attestation")
    for box in boxes:
        person.click(box)
    person.send_modal(modal)
    found["linguist_row_after_approval"] = person.dashboard_row(SAVED_EARLIER["Sleep and depression"])
    person.shot("linguist-approved")


def medical_reviewer_approves(person, found):
    person.login("reviewer_es")
    row = person.dashboard_row(SAVED_EARLIER["Sleep and depression"])
    found["medical_row"] = row.text if row else ""
    person.shot("medical-reviewer-dashboard")
    modal = person.workflow_modal(row, "Approve")
    boxes = modal.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
    found["medical_statements"] = {box.get_attribute("name") for box in boxes}
    person.shot("medical-attestation")
    for box in boxes:
        person.click(box)
    person.send_modal(modal)
    found["medical_row_after_approval"] = person.dashboard_row(SAVED_EARLIER["Sleep and depression"])
    person.shot("medical-approved")


def reader(person, found, url):
    driver = person.driver
    driver.delete_all_cookies()
    person.get(url)
    found["reader"] = {
        "lang": driver.find_element(By.TAG_NAME, "html").get_attribute("lang"),
        "title": driver.find_element(By.TAG_NAME, "h1").text,
        "text": driver.find_element(By.TAG_NAME, "main").text,
    }
    person.shot("reader")
    credit = driver.find_element(By.CSS_SELECTOR, "footer.trust")
    driver.execute_script("arguments[0].scrollIntoView({block: 'end', behavior: 'instant'})", credit)
    person.shot("reader-reviewer-credit")


def records(catalog):
    from cms.models import ArticlePage
    from translations.review import content_hash
    from translations.review_models import SignOff

    catalog.refresh_from_db()
    page = ArticlePage.objects.get(pk=catalog.target_object.pk)
    return {
        "live": page.live and not page.has_unpublished_changes,
        "live_is_the_build": content_hash(page) == content_hash(catalog.built_revision.as_object()),
        "sign_offs": {s.role: s.reviewer.username for s in SignOff.objects.filter(page=page)},
        "segments": dict(catalog.segments.values_list("source", "state")),
        "saved_by": set(catalog.segments.values_list("updated_by__username", flat=True)),
        "spanish_pages_in_topic": sorted(page.get_parent().get_children().values_list("slug", flat=True)),
    }


# ---------- Journey 3: the translator ----------


def test_the_translator_finds_the_unfinished_translation_on_the_dashboard_and_first_in_the_work_list(journey):
    assert "Sleep and depression" in journey["dashboard"] and "In progress" in journey["dashboard"]
    assert journey["worklist_title"] == "Translations"
    assert "Sleep and depression" in journey["worklist_first_row"]
    assert "Translate and confirm every segment" in journey["status_at_start"]


def test_segments_typed_in_the_editor_are_saved_as_translated(journey):
    assert journey["typed"] == dict.fromkeys(TYPED, ("Translated", "Saved."))


def test_fixing_a_segment_that_needs_review_saves_it_as_done(journey):
    before = journey["unsure_before"]
    assert before["state"] == "Needs review" and before["ticked"] is True
    assert "2 weeks is in the source but not in the translation" in before["findings"]
    assert journey["unsure_ticked_after_typing"] is False, "typing a fix unticks “Save as needing review”"
    assert journey["unsure_saved"] == ("Translated", "Saved.")


def test_the_po_file_round_trip_fills_the_last_segment(journey):
    assert journey["po_name"] == f"{SLUG}.es.po"
    assert journey["po_has_the_fix"] and journey["po_has_the_empty_entry"]
    report = journey["upload_report"]
    assert "The file was imported." in report and "Applied\n1" in report and "Errors\n0" in report
    assert journey["records"]["segments"][ENGLISH["body"][2]["value"]["body"][3:-4]] == "translated"


def test_the_build_tells_the_translator_the_next_step(journey):
    assert "Every segment is translated. Build the draft" in journey["status_complete"]
    assert "was built. It is not published." in journey["built"] and "Submit for review" in journey["built"]
    assert "Submit for review" in journey["status_built"]


def test_the_translators_page_editor_is_read_only_with_a_link_to_the_translation_editor(journey):
    assert "Its text is edited in the translation editor" in journey["page_editor_message"]
    assert "Open the translation editor" in journey["page_editor_message"]
    assert journey["title_editable"] is False


def test_the_translator_submits_the_built_draft_from_the_page_editor_and_sees_it_waiting(journey):
    assert journey["submit_label"] == "Submit to Translation review (Spanish)"
    assert "has been submitted for moderation" in journey["submitted"]
    assert "cannot be submitted" not in journey["submitted"] and "edited after it was built" not in journey["submitted"]
    assert "Waiting for Linguistic review (Spanish)" in journey["status_in_review"]


def test_translators_cannot_add_pages(journey):
    assert journey["add_in_listing"] == []
    assert "You do not have permission to copy to page" in journey["copy_refused"]
    assert journey["records"]["spanish_pages_in_topic"] == ["esketamine-and-ketamine-for-depression", SLUG]
    for path, (url, form_shown, message) in journey["add_refused"].items():
        assert not form_shown, path
        assert "/admin/" in url and "permission" in message.lower(), (path, url, message)


def test_changes_requested_reach_the_translator_who_submits_again_from_the_translation_editor(journey):
    assert "Changes requested" in journey["translator_dashboard_after_request"]
    assert "Changes requested" in journey["status_changes_requested"]
    assert CHANGE_ASKED in journey["status_changes_requested"]
    assert journey["changed_as_asked"] == ("Translated", "Saved.")
    assert "was built" in journey["rebuilt"]
    assert journey["resubmitted"].startswith("Submitted for review: Linguistic review (Spanish) is next.")
    assert "Waiting for Linguistic review (Spanish)" in journey["status_resubmitted"]


# ---------- Journey 4: the second linguist ----------


def test_the_linguist_finds_the_submitted_translation_on_the_dashboard(journey):
    assert "Linguistic review (Spanish)" in journey["linguist_row"] and "Carmen Ortega" in journey["linguist_row"]
    assert "Linguistic review (Spanish)" in journey["linguist_row_again"]


def test_the_linguist_reads_the_translation_beside_its_source_and_is_told_the_step_is_theirs(journey):
    assert "This review step is yours" in journey["linguist_status"]
    assert journey["linguist_compares"] == {
        "source": "Go to bed and get up at the same time every day.",
        "translation": FIRST_TRY,
    }


def test_the_linguist_approves_with_the_linguistic_attestation_only(journey):
    assert journey["linguist_statements"] == LINGUISTIC_STATEMENTS
    assert "terminology follows the glossary" in journey["linguist_form_text"]
    assert "clinically accurate" not in journey["linguist_form_text"]
    assert journey["linguist_row_after_approval"] is None
    assert journey["records"]["sign_offs"]["linguistic"] == "linguist_es"


# ---------- Journey 5: the medical reviewer ----------


def test_the_medical_reviewer_approves_with_the_medical_attestation(journey):
    assert "Medical review (Spanish)" in journey["medical_row"]
    assert "clinical_accuracy" in journey["medical_statements"] and "doses_and_numbers" in journey["medical_statements"]
    assert journey["medical_row_after_approval"] is None
    assert journey["records"]["sign_offs"]["medical"] == "reviewer_es"


def test_the_spanish_translation_is_live_as_built_with_the_reviewers_credit(journey):
    records, reader = journey["records"], journey["reader"]
    assert records["live"] and records["live_is_the_build"]
    assert reader["lang"] == "es" and reader["title"] == "El sueño y la depresión"
    assert FIXED in reader["text"] and AS_ASKED in reader["text"] and FROM_PO in reader["text"]
    assert "Lucía Navarro" in reader["text"] and "Médica psiquiatra" in reader["text"]
    assert "Go to bed" not in reader["text"] and "emergency department" not in reader["text"]
