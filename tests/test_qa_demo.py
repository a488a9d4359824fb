"""QA on the demo article and its complete Spanish and Arabic translations."""

import pytest
from django.core.management.base import CommandError
from wagtail.models import Locale

from cms.demo.loader import demo_user, review
from cms.models import ArticlePage
from tests.conftest import run_command
from translations.actions import CreateTranslation, SyncTranslations
from translations.glossary import import_csv
from translations.memory import suggestions
from translations.models import Segment, TranslationCatalog
from translations.qa import ERROR, errors_for_catalog, findings_for_catalog, findings_for_segment, warnings_for_catalog
from translations.readability import readability_for_catalog, readability_for_page

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


def test_the_demo_translations_have_no_errors(english):
    for language in ("es", "ar"):
        assert errors_for_catalog(catalog(english, language)) == {}, language


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
    assert "No validated readability metric for" in out


def test_catalog_checks_take_a_fixed_number_of_queries(english, django_assert_max_num_queries):
    spanish = catalog(english, "es")
    assert spanish.segments.count() > 50
    with django_assert_max_num_queries(4):
        findings_for_catalog(spanish)


def test_spravato_in_arabic_passes_with_the_glossary_rendering_and_warns_with_another(english):
    arabic = catalog(english, "ar")
    segment = arabic.segments.get(source__startswith="Esketamine is one of the 2 mirror-image forms")
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
            summary=[{"type": "point", "value": "Do not drive until the next day, after you have slept."}],
        )
    )
    new = publish_reviewed(new)
    (new_catalog,) = CreateTranslation(new, [Locale.objects.get(language_code="es")]).execute()
    segment = new_catalog.segments.get(source="Do not drive until the next day, after you have slept.")
    found = suggestions(segment.source, "es", exclude_catalog=new_catalog)
    assert found[0].exact and found[0].text == "No conduzca hasta el día siguiente, después de haber dormido."
    assert found[0].page_title == "Esketamina y ketamina para la depresión"
    assert found[0].catalog_id == catalog(english, "es").pk


def test_readability_of_each_language_version(english):
    source = readability_for_page(english)
    assert source.validated and source.scores[0].reading_age is not None
    spanish = readability_for_catalog(catalog(english, "es"))
    assert [s.metric.key for s in spanish.scores][:1] == ["szigriszt_pazos"]
    arabic = readability_for_catalog(catalog(english, "ar"))
    assert not arabic.validated and arabic.scores == ()
