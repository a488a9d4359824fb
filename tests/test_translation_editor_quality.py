"""Quality in the translation editor: QA findings per segment and in total, readability,
translation memory suggestions, and the machine service that suggested a text.

Runs on the demo article, whose Spanish and Arabic translations are complete.
"""

import re

import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import article_with_segments, login, topic, untranslated, user
from translations.actions import CreateTranslation, SaveSegment
from translations.models import Segment, TranslationCatalog

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(article):
    """The demo article, its translations into pl left out: these tests start them afresh."""
    return untranslated(article, "pl")


DOSES = "Each dose is usually 56mg or 84mg."
DROPPED_DOSE = (
    "Antes de la dosis, una enfermera o un médico le toma la presión arterial. Después, usted mismo se aplica "
    "el espray en la nariz mientras le observan. Cada dosis suele ser de 56 mg. En la Unión Europea, las "
    "personas de 65 años o más suelen empezar con 28 mg."
)
MISSING = "84 mg is in the source but not in the translation."


def url(name, *args):
    return reverse(f"carelingua_translations:{name}", args=args)


def demo_catalog(article, language):
    return TranslationCatalog.objects.get(
        translation_key=article.translation_key, target_locale__language_code=language
    )


def translate(page, language):
    (catalog,) = CreateTranslation(page, [Locale.objects.get(language_code=language)]).execute()
    return catalog


def save(segment, text, username="translator_es", needs_review=False):
    return SaveSegment(segment, text, segment.version, user(username), needs_review=needs_review).execute()


def segment_html(html, segment):
    """The editor's form of one segment."""
    match = re.search(rf'<form [^>]*id="segment-{segment.pk}".*?</form>', html, re.DOTALL)
    assert match, segment.pk
    return match.group(0)


def check(client, segment, text):
    body = {"translation": text}
    return client.post(url("check_segment", segment.catalog_id, segment.pk), body, content_type="application/json")


def post_save(client, segment, text):
    body = {"translation": text, "version": segment.version, "needs_review": False}
    return client.post(url("save_segment", segment.catalog_id, segment.pk), body, content_type="application/json")


@pytest.fixture
def spanish(article):
    return demo_catalog(article, "es")


@pytest.fixture
def dose(spanish):
    return spanish.segments.get(source__contains=DOSES)


@pytest.fixture
def dropped_dose(dose):
    return save(dose, DROPPED_DOSE)


# Findings in the editor


def test_the_editor_shows_an_error_on_a_segment_that_drops_a_dose(client, spanish, dropped_dose):
    login(client, "translator_es")
    html = client.get(url("editor", spanish.pk)).content.decode()
    row = segment_html(html, dropped_dose)
    assert 'class="tl-finding tl-finding--error"' in row
    assert MISSING in row and "Blocks submission for review." in row
    assert 'data-saved-errors="1"' in row
    assert MISSING not in html.replace(row, "")


def test_warnings_say_a_reviewer_must_acknowledge_them(client, spanish):
    segment = spanish.segments.get(context="title")
    save(segment, segment.source)  # left in English: a warning, not an error
    login(client, "translator_es")
    row = segment_html(client.get(url("editor", spanish.pk)).content.decode(), segment)
    assert 'class="tl-finding tl-finding--warning"' in row
    assert "The translation is the same as the source." in row and "A reviewer must acknowledge this." in row
    assert "tl-finding--error" not in row


def test_untranslated_segments_are_not_flagged_as_empty(client, article):
    polish = translate(article, "pl")
    login(client, "translator_pl")
    html = client.get(url("editor", polish.pk)).content.decode()
    assert "The translation is empty." not in html and "tl-finding--" not in html


def test_the_header_counts_errors_and_warnings_and_gives_spanish_readability(client, spanish, dropped_dose):
    login(client, "translator_es")
    html = client.get(url("editor", spanish.pk)).content.decode()
    errors = re.search(r'data-tl-total="errors">.*?data-count="(\d+)"', html, re.DOTALL).group(1)
    warnings = re.search(r'data-tl-total="warnings">.*?data-count="(\d+)"', html, re.DOTALL).group(1)
    assert errors == "1" and int(warnings) == html.count('class="tl-finding tl-finding--warning"') > 0
    assert "Szigriszt-Pazos (INFLESZ): " in html and "(target: 65 or higher)" in html
    assert "Fernández-Huerta: " in html and "(target: 80 or higher)" in html


def test_arabic_readability_says_there_is_no_validated_metric_and_the_english_original_shows_its_target(
    client, article
):
    login(client, "translator_ar")
    html = client.get(url("editor", demo_catalog(article, "ar").pk)).content.decode()
    arabic, original = html.split("data-tl-source-readability", 1)
    assert "No validated readability metric for Arabic." in arabic and "Flesch" not in arabic
    assert "Readability of the original in English" in original
    assert re.search(r"Flesch-Kincaid grade: reading age [\d.]+ \(target: reading age 9 to 11\)", original)


def test_the_errors_filter_shows_only_segments_with_errors(client, spanish, dropped_dose):
    login(client, "translator_es")
    html = client.get(url("editor", spanish.pk), {"state": "errors"}).content.decode()
    assert html.count("<textarea") == 1 and f'id="segment-{dropped_dose.pk}"' in html
    assert re.search(r'tl-filter--current"[^>]*>With errors <span class="tl-filter__count">1</span>', html)


# Saving and checking


def test_the_save_response_includes_the_segments_findings(client, dose):
    login(client, "translator_es")
    data = post_save(client, dose, DROPPED_DOSE).json()
    assert data["ok"]
    (finding,) = data["findings"]
    assert finding["severity"] == "error" and finding["code"] == "number-missing" and finding["message"] == MISSING
    assert finding["note"] == "Blocks submission for review."
    dose.refresh_from_db()
    fixed = post_save(client, dose, DROPPED_DOSE.replace("56 mg", "56 mg o de 84 mg")).json()
    assert fixed["ok"] and fixed["findings"] == []


def test_the_live_check_finds_errors_in_unsaved_text_and_saves_nothing(client, dose):
    login(client, "translator_es")
    response = check(client, dose, DROPPED_DOSE)
    assert response.status_code == 200
    assert [f["message"] for f in response.json()["findings"]] == [MISSING]
    assert check(client, dose, "").json()["findings"] == []
    saved = Segment.objects.get(pk=dose.pk)
    assert (saved.translation, saved.version) == (dose.translation, dose.version)


def test_a_malformed_live_check_is_a_400(client, dose):
    login(client, "translator_es")
    response = client.post(url("check_segment", dose.catalog_id, dose.pk), "{", content_type="application/json")
    assert response.status_code == 400 and response.json()["errors"]


# Translation memory


def test_suggestions_give_an_exact_match_approved_on_another_page(client, home):
    remembered = article_with_segments(topic(home), 5, slug="remembered")
    new = article_with_segments(topic(home), 6, slug="new-article")
    approved = translate(remembered, "es").segments.get(source="One key point.")
    save(approved, "Un punto clave.")
    segment = translate(new, "es").segments.get(source="One key point.")
    login(client, "translator_es")
    response = client.get(url("segment_suggestions", segment.catalog_id, segment.pk))
    assert response.status_code == 200
    (suggestion,) = response.json()["suggestions"]
    assert suggestion["text"] == "Un punto clave." and suggestion["score"] == 100 and suggestion["exact"]
    assert suggestion["page_title"] == "Article with 5 segments"
    assert suggestion["score_label"] == "100% match" and "Article with 5 segments" in suggestion["origin"]


def test_suggestions_leave_out_the_catalog_itself_and_say_when_there_are_none(client, spanish):
    segment = spanish.segments.get(context="title")
    login(client, "translator_es")
    data = client.get(url("segment_suggestions", spanish.pk, segment.pk)).json()
    assert data["ok"] and data["suggestions"] == [] and data["empty"]


def test_the_editor_offers_suggestions_for_each_segment(client, spanish):
    login(client, "translator_es")
    html = client.get(url("editor", spanish.pk)).content.decode()
    assert html.count("data-tl-suggestions ") == html.count("<textarea") > 50
    assert "<summary>Suggestions</summary>" in html


# Who may ask


def test_translators_of_other_languages_get_403_from_the_quality_endpoints(client, article):
    arabic = demo_catalog(article, "ar")
    segment = arabic.segments.first()
    login(client, "translator_es")
    suggestions = client.get(url("segment_suggestions", arabic.pk, segment.pk))
    assert suggestions.status_code == 403 and suggestions.json()["errors"]
    live = check(client, segment, "texto")
    assert live.status_code == 403 and live.json()["errors"]


# Overview and machine suggestions


def test_the_overview_counts_errors_and_warnings_per_language(client, article, dropped_dose):
    login(client, "admin")
    html = client.get(url("overview", article.pk)).content.decode()
    rows = {m.group(1): m.group(0) for m in re.finditer(r'<tr>\s*<td lang="([\w-]+)">.*?</tr>', html, re.DOTALL)}
    assert re.search(r'tl-count--errors" data-errors>1<', rows["es"])
    assert re.search(r'class="tl-count" data-errors>0<', rows["ar"])
    assert re.search(r"data-warnings>\d+<", rows["ar"])


def test_a_machine_segment_names_the_service_that_suggested_it(client, spanish):
    segment = spanish.segments.get(context="title")
    Segment.objects.filter(pk=segment.pk).update(state=Segment.MACHINE, machine_backend="pseudo")
    login(client, "translator_es")
    row = segment_html(client.get(url("editor", spanish.pk)).content.decode(), segment)
    assert "Suggested by Pseudo-localization" in row


# Cost


def test_findings_and_machine_labels_cost_no_query_per_segment(client, article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    few = translate(article.get_parent().specific, "pl")  # the topic page: a title and an intro
    many = translate(article, "pl")
    for catalog in (few, many):  # on each: one error, warnings (English left as is), machine suggestions
        segments = list(catalog.segments.all())
        Segment.objects.filter(pk__in=[s.pk for s in segments[1:]]).update(
            state=Segment.MACHINE, machine_backend="pseudo", translation="x"
        )
        Segment.objects.filter(pk=segments[0].pk).update(state=Segment.TRANSLATED, translation="Dose 999 mg")
    login(client, "translator_pl")
    client.get(url("editor", few.pk))  # warm per-process caches (content types)
    counts = []
    for catalog in (few, many):
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url("editor", catalog.pk)).content.decode()
        assert "tl-finding--error" in html and "Suggested by Pseudo-localization" in html
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 25, counts
