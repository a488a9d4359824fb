"""QA on the demo articles and their translations, with the demo glossary the loader brings in."""

import re

import pytest
from django.core.management.base import CommandError
from wagtail.models import Locale

from cms.demo.loader import demo_user, review
from cms.models import ArticlePage
from tests.conftest import run_command
from translations.actions import CreateTranslation, SyncTranslations
from translations.extract import extract
from translations.glossary import import_csv
from translations.memory import suggestions
from translations.models import GlossaryTerm, Segment, TranslationCatalog
from translations.qa import (
    ERROR,
    CheckContext,
    errors_for_catalog,
    findings_for_catalog,
    findings_for_segment,
    run_checks,
    warnings_for_catalog,
)
from translations.readability import readability, readability_for_catalog, readability_for_page

SLUG = "esketamine-and-ketamine-for-depression"


@pytest.fixture
def english(article):
    return article


def publish_reviewed(page):
    """Publish a change to the English page the only way the gate allows: reviewed."""
    editor = demo_user("editor")
    page.save_revision(user=editor)
    review(page, editor, ["editorial_reviewer", "reviewer_en"])
    return ArticlePage.objects.get(pk=page.pk)


def catalog(page, language):
    return TranslationCatalog.objects.select_related("target_locale", "source_locale").get(
        translation_key=page.translation_key, target_locale__language_code=language
    )


def test_every_demo_translation_passes_qa_with_the_demo_glossary(demo):
    catalogs = TranslationCatalog.objects.select_related("target_locale")
    assert {c.target_locale.language_code for c in catalogs} == {"es", "pl", "ar", "ur", "zh-hans"}
    for language in ("es", "pl", "ar", "ur", "zh-hans"):
        assert GlossaryTerm.objects.filter(locale__language_code=language).count() >= 4, language
    for translation in catalogs:
        assert errors_for_catalog(translation) == {}, translation
        glossary = [f for fs in findings_for_catalog(translation).values() for f in fs if f.code.startswith("glossary")]
        assert glossary == [], translation


# Each rendering a reviewer corrected in the demo translations, as it read before: the glossary
# now makes it an error, so it cannot come back unnoticed.
OLD_RENDERINGS = [
    ("es", "Ketamine through a drip", "Infusiones de ketamina"),
    (
        "es",
        "drive until the next day, after a full night's sleep",
        "conducir antes del día siguiente, es decir, antes de haber dormido",
    ),
    (
        "es",
        "If you have thoughts of ending your life, you are not alone.",
        "Si tiene pensamientos de quitarse la vida, no es la única persona a la que le pasa y hay ayuda disponible ahora mismo.",
    ),
    ("es", "Dr Helen Marsh, consultant psychiatrist", "Dra. Helen Marsh, psiquiatra consultora (persona ficticia)"),
    ("ar", "feeling detached from yourself", "الشعور بالانفصال عن نفسك أو عن أفكارك أو عمّا حولك (التفارُق)"),
    (
        "ar",
        "drive until the next day, after a full night's sleep",
        "قيادة السيارة قبل اليوم التالي، بعد أن تكون قد نمت",
    ),
    ("pl", "It is common, and it is not your fault.", "To częsty problem i nie jest to wina osoby chorej."),
]


@pytest.mark.parametrize(("language", "source", "old"), OLD_RENDERINGS)
def test_the_glossary_makes_each_corrected_rendering_an_error(demo, language, source, old):
    segment = Segment.objects.filter(catalog__target_locale__language_code=language, source__startswith=source).first()
    assert segment is not None and not [f for f in findings_for_segment(segment) if f.is_error]
    segment.translation = old
    errors = [f for f in findings_for_segment(segment) if f.is_error]
    assert [f.code for f in errors] == ["glossary-forbidden"], errors


@pytest.mark.parametrize(
    ("source", "old"),
    [
        ("feeling very sleepy (sedation)", "النعاس الشديد (التركين)"),
        ("This is called remission.", "ويُسمّى هذا هَدْأة المرض."),
    ],
)
def test_arabic_technical_terms_the_reviewers_replaced_are_errors_in_any_new_text(demo, source, old):
    errors = [f for f in run_checks(source, old, "ar", CheckContext.for_language("ar")) if f.is_error]
    assert [f.code for f in errors] == ["glossary-forbidden"]


def test_the_fuzzy_dose_trap_is_an_error(english):
    body = english.body.raw_data
    for block in body:
        if isinstance(block["value"], str) and "56mg" in block["value"]:
            block["value"] = block["value"].replace("56mg", "84mg")
    english = publish_reviewed(english)
    assert "84mg" in str(english.body.raw_data) and "56mg" not in str(english.body.raw_data)
    SyncTranslations(english).execute()

    spanish = catalog(english, "es")
    fuzzy = [s for s in spanish.segments.filter(state=Segment.FUZZY) if "84mg" in s.source]
    assert fuzzy and all("56 mg" in s.translation for s in fuzzy), "Babel kept the old translation with its old dose"
    for segment in fuzzy:
        errors = [f for f in findings_for_segment(segment) if f.severity == ERROR]
        assert any(f.key == "56 mg" for f in errors), segment.source
    assert set(errors_for_catalog(spanish)) == {s.pk for s in fuzzy}

    with pytest.raises(CommandError) as failed:
        run_command("qa_report", str(english.pk), "--locale", "es", "--errors-only")
    assert failed.value.returncode == 1


def test_qa_report_prints_findings_and_exits_cleanly_without_errors(english):
    out = run_command("qa_report", f"/en/depression/{SLUG}/", "--locale", "ar")
    assert "0 error(s)" in out and "WARNING" in out and "[untranslated]" in out
    assert "Readability (ar): No validated readability metric for Arabic." in out


def test_qa_report_gives_each_language_its_readability_target(english):
    out = run_command("qa_report", f"/en/depression/{SLUG}/")
    assert re.search(
        r"Readability \(source, en\): Flesch-Kincaid grade: reading age [\d.]+ \(target: reading age 9 to 11\)", out
    )
    assert re.search(r"Readability \(es\): Szigriszt-Pazos \(INFLESZ\): [\d.]+ \(target: 65 or higher\)", out)
    for language, name in [("pl", "Polish"), ("ar", "Arabic"), ("ur", "Urdu"), ("zh-hans", "Chinese")]:
        assert re.search(rf"Readability \({language}\): No validated readability metric for {name}", out), language
    topic = run_command("qa_report", "/en/depression/", "--locale", "es")
    assert "Too short to score" in topic and "(target: Szigriszt-Pazos (INFLESZ): 65 or higher;" in topic


def test_catalog_checks_take_a_fixed_number_of_queries(english, django_assert_max_num_queries):
    spanish = catalog(english, "es")
    assert spanish.segments.count() > 50
    with django_assert_max_num_queries(4):
        findings_for_catalog(spanish)


def test_spravato_in_arabic_passes_with_the_glossary_rendering_and_warns_with_another(english):
    arabic = catalog(english, "ar")
    segment = arabic.segments.get(source__startswith="Ketamine is a mix of 2 forms")
    assert "سبرافاتو" in segment.translation
    segment.translation = segment.translation.replace(" (Spravato)", "")
    segment.save()
    assert import_csv("language,term,approved\nar,Spravato,سبرافاتو\n".encode()).ok
    assert not [f for f in findings_for_segment(segment) if f.code.startswith("glossary")]

    assert import_csv("language,term,approved\nar,Spravato,سپراواتو\n".encode()).ok
    (warning,) = [f for f in findings_for_segment(segment) if f.code.startswith("glossary")]
    assert warning.code == "glossary-approved" and "سپراواتو" in warning.message


def test_warnings_to_acknowledge_have_stable_identifiers(english):
    arabic = catalog(english, "ar")
    warnings = warnings_for_catalog(arabic)
    assert warnings and {w.code for w in warnings} >= {"untranslated"}
    assert [w.identifier for w in warnings] == [w.identifier for w in warnings_for_catalog(arabic)]
    assert len({w.identifier for w in warnings}) == len(warnings)
    first = arabic.segments.get(pk=warnings[0].segment_id)
    first.translation += " "
    first.save()
    assert warnings[0].identifier not in {w.identifier for w in warnings_for_catalog(arabic)}


def test_memory_suggests_a_sentence_approved_on_the_esketamine_article(english):
    topic = english.get_parent().specific
    new = topic.add_child(
        instance=ArticlePage(
            title="Driving after treatment",
            slug="driving-after-treatment",
            author="A. Writer, nurse",
            live=False,
            summary=[{"type": "point", "value": "Do not drive until the next day, after a full night's sleep."}],
        )
    )
    new = publish_reviewed(new)
    (new_catalog,) = CreateTranslation(new, [Locale.objects.get(language_code="es")]).execute()
    segment = new_catalog.segments.get(source="Do not drive until the next day, after a full night's sleep.")
    found = suggestions(segment.source, "es", exclude_catalog=new_catalog)
    assert (
        found[0].exact and found[0].text == "No conduzca hasta el día siguiente, después de una noche entera de sueño."
    )
    assert found[0].page_title == "Esketamina y ketamina para la depresión"
    assert found[0].catalog_id == catalog(english, "es").pk


def test_readability_of_each_language_version(english):
    source = readability_for_page(english)
    assert source.validated and source.scores[0].reading_age is not None
    assert source.target == "reading age 9 to 11"
    assert source.scores[0].meets_target, "the English article reads at a reading age of 11 or under (Flesch-Kincaid)"
    spanish = readability_for_catalog(catalog(english, "es"))
    assert [s.metric.key for s in spanish.scores][:1] == ["szigriszt_pazos"]
    assert spanish.target == "Szigriszt-Pazos (INFLESZ): 65 or higher; Fernández-Huerta: 80 or higher"
    for language in ("pl", "ar", "ur", "zh-hans"):
        result = readability_for_catalog(catalog(english, language))
        assert not result.validated and result.scores == () and result.target == "no validated metric"


def test_the_references_and_the_author_do_not_count_towards_the_reading_age(english):
    with_sources = readability([unit.source for unit in extract(english)], "en")
    assert readability_for_page(english).words < with_sources.words
    assert readability_for_page(english).scores[0].value < with_sources.scores[0].value
