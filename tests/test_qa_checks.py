"""The other checks and the registry: plain functions, real sentences in each demo language."""

import pytest

from translations.qa import ERROR, WARNING, CheckContext, Finding, GlossaryEntry, get_checks, run_checks
from translations.qa.checks import (
    check_characters,
    check_empty,
    check_entities,
    check_glossary,
    check_length,
    check_markup,
    check_phone_numbers,
    check_untranslated,
    check_whitespace,
)

REGION_NUMBERS = frozenset({"999", "111", "116 123", "911", "988", "112", "024"})
CONTEXT = CheckContext(phone_numbers=REGION_NUMBERS)
SPRAVATO_AR = GlossaryEntry("Spravato", ("سبرافاتو",), ("سبرافاتوه",))


def codes(findings):
    return [f.code for f in findings]


# Phone numbers


@pytest.mark.parametrize(
    "target, locale",
    [
        ("En caso de emergencia, llame al 999 o a los Samaritanos al 116 123.", "es"),
        ("W nagłych wypadkach dzwoń pod 999 lub do Samarytan pod 116 123.", "pl"),
        ("في حالة الطوارئ، اتصل بالرقم 999 أو بالسامريين على ١١٦ ١٢٣.", "ar"),
        ("ایمرجنسی میں 999 پر یا سماریٹنز کو 116 123 پر کال کریں۔", "ur"),
        ("紧急情况请拨打999，或拨打116 123联系撒玛利亚会。", "zh-hans"),
    ],
)
def test_phone_numbers_kept_in_each_language_pass(target, locale):
    source = "In an emergency, call 999 or the Samaritans on 116 123."
    assert check_phone_numbers(source, target, locale, CONTEXT) == []


def test_a_changed_phone_number_is_an_error():
    source = "In an emergency, call 999 or the Samaritans on 116 123."
    target = "En caso de emergencia, llame al 999 o al 116 132."
    found = check_phone_numbers(source, target, "es", CONTEXT)
    assert [(f.severity, f.code, f.key) for f in found] == [(ERROR, "phone-missing", "116123")]
    assert "number-added" in codes(run_checks(source, target, "es", CONTEXT)), "116 132 is still a wrong number"
    found = check_phone_numbers("Call 0300 123 3393.", "Llame al 0300 123 3939.", "es", CONTEXT)
    assert codes(found) == ["phone-missing", "phone-unknown"]


def test_a_region_number_may_be_added_but_not_an_unknown_one():
    source = "Call 999 now."
    assert check_phone_numbers(source, "Llame ahora al 999 (en España, el 112).", "es", CONTEXT) == []
    found = check_phone_numbers(source, "Llame ahora al 999 o al +34 600 123 456.", "es", CONTEXT)
    assert codes(found) == ["phone-unknown"]


def test_phone_numbers_are_left_to_the_phone_check_not_the_numbers_check():
    source = "Call 999 or 116 123."
    findings = run_checks(source, "Zadzwoń pod 999 lub 116 123.", "pl", CONTEXT)
    assert findings == []


# Markup


def test_markup_placeholders_in_each_language():
    source = "Doctors call it <1>treatment-resistant depression</1> (TRD).<2/>"
    good = {
        "es": "Los médicos lo llaman <1>depresión resistente al tratamiento</1> (DRT).<2/>",
        "pl": "Lekarze nazywają to <1>depresją lekooporną</1>.<2/>",
        "ar": "يسمّيها الأطباء <1>الاكتئاب المقاوم للعلاج</1> (TRD).<2/>",
        "ur": "ڈاکٹر اسے <1>علاج سے مزاحم ڈپریشن</1> کہتے ہیں۔<2/>",
        "zh-hans": "医生称之为<1>难治性抑郁症</1>。<2/>",
    }
    for locale, target in good.items():
        assert check_markup(source, target, locale, CONTEXT) == [], locale
    broken = check_markup(source, "Los médicos lo llaman <1>depresión resistente (DRT).<2/>", "es", CONTEXT)
    assert [(f.severity, f.code) for f in broken] == [(ERROR, "markup")]
    injected = check_markup(source, "<1>DRT</1> <script>x</script><2/>", "es", CONTEXT)
    assert injected and all(f.severity == ERROR for f in injected)


def test_invisible_characters_are_an_error_keyed_the_same_in_every_interface_language():
    from django.utils import translation

    source = "Take 5 mg."
    assert check_characters(source, "Tome 5 mg.", "es", CONTEXT) == []
    with translation.override("pl"):
        (polish,) = check_characters(source, "Tome 5\u202e mg.", "es", CONTEXT)
    (english,) = check_characters(source, "Tome 5\u202e mg.", "es", CONTEXT)
    assert (polish.severity, polish.code) == (ERROR, "characters")
    assert polish.message != english.message and polish.key == english.key
    assert "check_characters" in str(get_checks())


def test_markup_findings_are_keyed_the_same_in_every_interface_language():
    from django.utils import translation

    source = "Doctors call it <1>TRD</1>."
    with translation.override("zh-hans"):
        (chinese,) = check_markup(source, "Los médicos lo llaman DRT.", "es", CONTEXT)[:1]
    (english,) = check_markup(source, "Los médicos lo llaman DRT.", "es", CONTEXT)[:1]
    assert chinese.message != english.message and chinese.key == english.key == "Placeholder <1> is missing."


# Glossary


def test_spravato_transliterated_in_arabic_passes_when_the_glossary_lists_it():
    context = CheckContext(glossary=(SPRAVATO_AR,))
    source = "Spravato is a nasal spray that contains esketamine."
    target = "سبرافاتو بخاخ للأنف يحتوي على إسكيتامين."
    assert check_glossary(source, target, "ar", context) == []
    with_proclitic = "يُعطى علاج وسبرافاتو في العيادة."  # "and Spravato": the conjunction is attached
    assert check_glossary("Spravato is given at the clinic.", with_proclitic, "ar", context) == []


def test_spravato_warns_when_the_glossary_lists_only_another_rendering():
    context = CheckContext(glossary=(GlossaryEntry("Spravato", ("سپراواٹو",)),))
    found = check_glossary("Spravato is a nasal spray.", "سبرافاتو بخاخ للأنف.", "ar", context)
    assert [(f.severity, f.code) for f in found] == [(WARNING, "glossary-approved")]


def test_a_forbidden_rendering_is_an_error():
    context = CheckContext(glossary=(SPRAVATO_AR,))
    found = check_glossary("Spravato is a nasal spray.", "سبرافاتوه بخاخ للأنف.", "ar", context)
    assert ("glossary-forbidden", ERROR) in [(f.code, f.severity) for f in found]


@pytest.mark.parametrize(
    "entry, target, locale",
    [
        (GlossaryEntry("esketamine", ("esketamina",), ("ketamina",)), "La esketamina es un espray nasal.", "es"),
        (GlossaryEntry("esketamine", ("esketamin*",), ("ketamin*",)), "Lek zawiera esketaminę.", "pl"),
        (GlossaryEntry("esketamine", ("اسکیٹامین",)), "اسکیٹامین ایک ناک کا اسپرے ہے۔", "ur"),
        (GlossaryEntry("esketamine", ("艾司氯胺酮",), ("氯胺酮片",)), "艾司氯胺酮是一种鼻喷雾剂。", "zh-hans"),
    ],
)
def test_glossary_terms_in_each_language(entry, target, locale):
    context = CheckContext(glossary=(entry,))
    assert check_glossary("Esketamine is a nasal spray.", target, locale, context) == []


def test_a_term_the_source_does_not_use_is_not_checked():
    context = CheckContext(glossary=(SPRAVATO_AR,))
    assert check_glossary("Ketamine infusions", "Spravato", "ar", context) == []


def test_a_title_cited_as_published_gets_no_glossary_warning_but_still_its_errors():
    title = "Spravato (esketamine) nasal spray: full prescribing information"
    assert check_glossary(title, title, "ar", CheckContext(glossary=(SPRAVATO_AR,))) == []
    infusion = CheckContext(glossary=(GlossaryEntry("infusion", ("perfusión",), ("infusión",)),))
    found = check_glossary("Ketamine infusion", "Infusión de ketamina", "es", infusion)
    assert [(f.code, f.severity) for f in found] == [("glossary-forbidden", ERROR), ("glossary-approved", WARNING)]


# Style warnings


def test_untranslated_text_warns_unless_it_has_no_words_or_is_a_kept_brand():
    assert codes(check_untranslated("Side effects", "Side effects", "pl", CONTEXT)) == ["untranslated"]
    assert check_untranslated("31166571", "31166571", "pl", CONTEXT) == []
    assert (
        check_untranslated("10.1001/jamapsychiatry.2019.1189", "10.1001/jamapsychiatry.2019.1189", "pl", CONTEXT) == []
    )
    brand = CheckContext(glossary=(GlossaryEntry("Spravato", ("Spravato",)),))
    assert check_untranslated("Spravato", "Spravato", "pl", brand) == []


def test_empty_translation_is_one_warning():
    assert codes(run_checks("Take 56mg.", "", "es", CONTEXT)) == ["empty"]
    assert codes(check_empty("Take 56mg.", "  ", "es", CONTEXT)) == ["empty"]


def test_a_typed_html_entity_warns_naming_the_character_meant():
    source = "Type <your name> & press enter."
    assert check_entities(source, "Escriba <su nombre> & pulse Intro.", "es", CONTEXT) == []
    (finding,) = check_entities(source, "Escriba &lt;su nombre&gt; &amp pulse Intro.", "es", CONTEXT)[:1]
    assert (finding.severity, finding.code, finding.key) == (WARNING, "entity", "&lt;")
    assert finding.message == "“&lt;” is shown as typed. Type the character itself: <"
    assert check_entities("Use &amp; in HTML.", "Użyj &amp; w HTML.", "pl", CONTEXT) == []


def test_leading_and_trailing_whitespace_changes_warn():
    assert check_whitespace("Side effects", "Efectos secundarios", "es", CONTEXT) == []
    found = check_whitespace(" Side effects", "Efectos secundarios\n", "es", CONTEXT)
    assert codes(found) == ["whitespace-start", "whitespace-end"]


def test_length_ratio_depends_on_the_language():
    source = "You stay at the clinic for at least 2 hours after your dose."
    assert check_length(source, "用药后您要在诊所至少停留2小时。", "zh-hans", CONTEXT) == []
    assert codes(check_length(source, "用药后您要在诊所至少停留2小时。", "es", CONTEXT)) == ["length"]
    assert codes(check_length(source, "Usted se queda.", "es", CONTEXT)) == ["length"]
    custom = CheckContext(length_ratios={"es": (0.1, 3)})
    assert check_length(source, "Usted se queda.", "es", custom) == []


# Registry


def house_style(source, target, locale, context):
    return [Finding(WARNING, "house-style", "No exclamation marks.")] if "!" in target else []


def test_sites_choose_the_checks_in_settings(settings):
    settings.CARELINGUA_QA = {"CHECKS": ["translations.qa.checks.check_numbers", "tests.test_qa_checks.house_style"]}
    assert len(get_checks()) == 2
    assert codes(run_checks("Take 56mg.", "¡Tome 56 mg!", "es")) == ["house-style"]
    assert codes(run_checks("Take 56mg.", "¡Tome 84 mg!", "es")) == ["number-missing", "number-added", "house-style"]


def test_errors_come_first_and_identifiers_are_stable():
    findings = run_checks("Take 56mg twice.", "Tome 84 mg dos veces. ", "es", CONTEXT)
    assert [f.severity for f in findings] == [ERROR, ERROR, WARNING]
    first = findings[0].identifier("body.1", "Take 56mg twice.", "Tome 84 mg dos veces. ")
    assert first == findings[0].identifier("body.1", "Take 56mg twice.", "Tome 84 mg dos veces. ")
    assert first.startswith("body.1|number-missing|56 mg|")
    assert first != findings[0].identifier("body.1", "Take 56mg twice.", "Toma 84mg dos veces.")


def test_settings_are_validated_by_a_system_check(settings):
    from translations.qa.base import check_settings

    assert check_settings() == []
    settings.CARELINGUA_QA = {"CHECKS": ["translations.qa.checks.no_such_check"], "LENGTH_RATIOS": {"es": (2, 1)}}
    assert [error.id for error in check_settings()] == ["carelingua.E101", "carelingua.E104"]
