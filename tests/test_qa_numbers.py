"""The numbers, doses and units check: plain functions, real sentences in each demo language."""

import pytest

from translations.qa import ERROR, WARNING, CheckContext
from translations.qa.checks import check_numbers, check_unit_abbreviations
from translations.qa.quantities import Quantity, canonical, quantities

CONTEXT = CheckContext()


def errors(source, target, locale):
    return [f for f in check_numbers(source, target, locale, CONTEXT) if f.severity == ERROR]


def codes(source, target, locale):
    return [f.code for f in check_numbers(source, target, locale, CONTEXT)]


@pytest.mark.parametrize(
    "target, locale",
    [
        ("Su dosis suele ser de 56 mg o de 84 mg.", "es"),
        ("Zwykle dawka wynosi 56 mg lub 84 mg.", "pl"),
        ("جرعتك عادةً ٥٦ ملغ أو ٨٤ ملغ.", "ar"),  # Arabic-Indic digits
        ("جرعتك عادةً 56 ملغ أو 84 ملغ.", "ar"),
        ("آپ کی خوراک عام طور پر ۵۶ ملی گرام یا ۸۴ ملی گرام ہوتی ہے۔", "ur"),  # Urdu (Persian-form) digits
        ("您的剂量通常为56毫克或84毫克。", "zh-hans"),
    ],
)
def test_the_same_doses_in_any_script_pass(target, locale):
    assert check_numbers("Your dose is usually 56mg or 84mg.", target, locale, CONTEXT) == []


def test_56mg_against_arabic_indic_56_milligrams_passes():
    assert check_numbers("56mg", "٥٦ ملغ", "ar", CONTEXT) == []


@pytest.mark.parametrize(
    "target, locale",
    [
        ("la dosis habitual es de 0,5 mg por cada kilogramo", "es"),
        ("zwykła dawka to 0,5 mg na każdy kilogram", "pl"),
        ("الجرعة المعتادة هي ٠٫٥ ملغ لكل كيلوغرام", "ar"),  # Arabic decimal separator
        ("常用剂量为每公斤体重0.5毫克", "zh-hans"),
    ],
)
def test_decimal_comma_and_arabic_decimal_separator_pass(target, locale):
    assert check_numbers("the usual dose is 0.5mg for each kilogram", target, locale, CONTEXT) == []


def test_2_hours_against_3_hours_in_arabic_fails():
    found = errors("2 hours", "3 ساعات", "ar")
    assert {f.code for f in found} == {"number-missing", "number-added"}
    assert any("2 hours" in f.message for f in found)


@pytest.mark.parametrize(
    "target, locale",
    [
        ("Usted se queda en la clínica al menos 2 horas después de la dosis.", "es"),
        ("Po podaniu dawki zostajesz w klinice co najmniej 2 godziny.", "pl"),
        ("تبقى في العيادة ساعتين (2) على الأقل بعد جرعتك.", "ar"),  # dual, with the digit beside it
        ("تبقى في العيادة ساعتين على الأقل بعد جرعتك.", "ar"),  # dual alone: two hours
        ("آپ خوراک کے بعد کم از کم 2 گھنٹے کلینک میں رہتے ہیں۔", "ur"),
        ("用药后您要在诊所至少停留2小时。", "zh-hans"),
    ],
)
def test_two_hours_in_each_language_pass(target, locale):
    source = "You stay at the clinic for at least 2 hours after your dose."
    assert check_numbers(source, target, locale, CONTEXT) == []


@pytest.mark.parametrize(
    "target, locale",
    [
        ("Usted se queda en la clínica al menos 2 minutos después de la dosis.", "es"),
        ("Po podaniu dawki zostajesz w klinice co najmniej 2 minuty.", "pl"),
        ("تبقى في العيادة دقيقتين على الأقل بعد جرعتك.", "ar"),
        ("آپ خوراک کے بعد کم از کم 2 منٹ کلینک میں رہتے ہیں۔", "ur"),
        ("用药后您要在诊所至少停留2分钟。", "zh-hans"),
    ],
)
def test_hours_turned_into_minutes_is_an_error_in_each_language(target, locale):
    source = "You stay at the clinic for at least 2 hours after your dose."
    assert codes(source, target, locale) == ["unit-changed"]


def test_arabic_duals_of_weeks_and_days_are_two():
    assert check_numbers("once every 2 weeks", "مرة كل أسبوعين", "ar", CONTEXT) == []
    assert check_numbers("for 2 days", "لمدة يومين", "ar", CONTEXT) == []
    assert codes("for 3 days", "لمدة يومين", "ar") == ["number-missing", "number-added"]


def test_twice_a_week_is_not_a_number():
    assert check_numbers("Twice a week", "مرتين في الأسبوع", "ar", CONTEXT) == []


def test_dose_changed_in_the_source_is_an_error():
    found = errors("Each dose is usually 84mg.", "Cada dosis suele ser de 56 mg.", "es")
    assert [f.key for f in found] == ["84 mg", "56 mg"]


def test_micrograms_are_not_milligrams():
    assert codes("250 micrograms", "250 mg", "es") == ["unit-changed"]
    assert check_numbers("250 micrograms", "250 microgramos", "es", CONTEXT) == []


def test_a_dropped_unit_is_an_error_and_an_added_unit_a_warning():
    assert codes("Take 56mg.", "Tome 56.", "es") == ["unit-missing"]
    found = check_numbers("Weeks 1 to 4", "第1至4周", "zh-hans", CONTEXT)
    assert {f.severity for f in found} == {WARNING} and {f.code for f in found} == {"unit-added"}


def test_percentages_with_decimal_comma_and_chinese_prefix():
    source = "22.5% of people, compared with 7.6%."
    assert check_numbers(source, "el 22,5 % de las personas, frente al 7,6 %.", "es", CONTEXT) == []
    assert check_numbers(source, "22.5% کے مقابلے میں 7.6 فیصد", "ur", CONTEXT) == []
    assert check_numbers(source, "百分之22.5的人，相比之下为7.6%。", "zh-hans", CONTEXT) == []
    assert codes(source, "el 22,5 % frente al 76 %", "es") == ["number-missing", "number-added"]


def test_ranges_carry_their_unit_to_both_ends():
    assert quantities("1 to 4 weeks") == [Quantity("1", "week"), Quantity("4", "week")]
    source = "for 1 to 4 weeks"
    for target, locale in [
        ("durante 1 a 4 semanas", "es"),
        ("przez od 1 do 4 tygodni", "pl"),
        ("لمدة من 1 إلى 4 أسابيع", "ar"),
        ("1 سے 4 ہفتے تک", "ur"),
        ("持续1至4周", "zh-hans"),
    ]:
        assert check_numbers(source, target, locale, CONTEXT) == [], target


def test_dates_with_month_names_in_each_language():
    source = "on 5 March 2019, for adults"
    for target, locale in [
        ("el 5 de marzo de 2019, para adultos", "es"),
        ("5 marca 2019 r., dla dorosłych", "pl"),
        ("في 5 مارس 2019، للبالغين", "ar"),
        ("5 مارچ 2019 کو، بالغوں کے لیے", "ur"),
        ("2019年3月5日，用于成人", "zh-hans"),
    ]:
        assert check_numbers(source, target, locale, CONTEXT) == [], target
    assert codes(source, "el 5 de mayo de 2019", "es") == ["number-missing", "number-added"]


def test_may_the_verb_is_not_a_month():
    assert quantities("You may have 2 doses") == [Quantity("2")]
    assert quantities("in May 2019") == [Quantity("5", "month-name"), Quantity("2019")]


def test_times_of_day_in_each_language():
    source = "Come at 3pm."
    for target, locale in [
        ("Venga a las 15:00 h.", "es"),
        ("Venga a las 3 de la tarde.", "es"),
        ("Proszę przyjść o godz. 15.00.", "pl"),
        ("تعال الساعة 3 مساءً.", "ar"),
        ("شام 3 بجے آئیں۔", "ur"),
        ("请在下午3点来。", "zh-hans"),
    ]:
        assert check_numbers(source, target, locale, CONTEXT) == [], target
    assert codes(source, "Venga a las 13:00.", "es") == ["number-missing", "number-added"]


@pytest.mark.parametrize(
    "written, language, value",
    [
        ("0,5", "es", "0.5"),
        ("0.5", "es", "0.5"),
        ("1,500", "en", "1500"),
        ("1.500", "es", "1500"),
        ("1,5", "pl", "1.5"),
        ("1.234,5", "es", "1234.5"),
        ("1,234.5", "en", "1234.5"),
        ("100 000", "pl", "100000"),
        ("3\u066b5", "ar", "3.5"),
        ("2.50", "en", "2.5"),
    ],
)
def test_canonical_numbers(written, language, value):
    assert canonical(written, language) == value


def test_placeholder_numbers_are_not_doses():
    assert check_numbers("Take <1>56mg</1> now.<2/>", "Tome <1>56 mg</1> ahora.<2/>", "es", CONTEXT) == []


def test_mcg_is_flagged_as_unsafe():
    found = check_unit_abbreviations("Take 250 micrograms.", "Tome 250 mcg.", "es", CONTEXT)
    assert [(f.severity, f.code) for f in found] == [(ERROR, "unsafe-abbreviation")]
    found = check_unit_abbreviations("Take 250mcg.", "Tome 250 µg.", "es", CONTEXT)
    assert [f.code for f in found] == ["unsafe-abbreviation"]
    copied = check_unit_abbreviations("Take 250mcg.", "Tome 250 mcg.", "es", CONTEXT)
    assert [f.severity for f in copied] == [WARNING], "an abbreviation copied from the source is the source's fault"


@pytest.mark.parametrize(
    "target",
    ["جرّبت نوعين اثنين على الأقل من مضادات الاكتئاب.", "جرّبت نوعين (2) على الأقل من مضادات الاكتئاب."],
)
def test_the_arabic_word_for_two_is_the_number_two(target):
    assert check_numbers("You tried at least 2 antidepressants.", target, "ar", CONTEXT) == []
    assert codes("You tried at least 3 antidepressants.", target, "ar") == ["number-missing", "number-added"]


def test_monday_in_arabic_is_not_two():
    assert quantities("يوم الاثنين", "ar") == []


@pytest.mark.parametrize(
    "target",
    [
        "w styczniu 2025 r. dla dorosłych",  # in January: the locative, which CLDR does not list
        "W październiku 2023 roku FDA ostrzegła",
        "Po 4 tygodniach depresja ustąpiła",
    ],
)
def test_polish_dates_and_units_in_the_locative_case(target):
    source = {"w s": "in January 2025, for adults", "W p": "In October 2023, the FDA warned", "Po ": "After 4 weeks"}
    assert check_numbers(source[target[:3]], target, "pl", CONTEXT) == []


def test_a_month_in_the_locative_is_still_the_wrong_month():
    assert "number-missing" in codes("in January 2025", "w lutym 2025 r.", "pl")


def test_a_percentage_followed_by_chinese_text_keeps_its_unit():
    assert quantities("有22.5%的人", "zh-hans") == [Quantity("22.5", "percent")]
    assert check_numbers("in 22.5% of people", "有22.5%的人", "zh-hans", CONTEXT) == []
