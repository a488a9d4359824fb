"""The units the numbers check understands, and their words in the demo languages.

Words are matched after ``text.normalise`` (case folded, Arabic marks removed, letter
variants unified), right after a number: ``56mg``, ``56 mg``, ``٥٦ ملغ``, ``56毫克``,
``2-hour``. One list serves every language, because any text may use the English
abbreviations. Sites add words with ``CARELINGUA_QA = {"UNITS": {"hour": ["Stunden"]}}``.

Not handled (a translator writing them gets a numbers error and should use digits):
numbers written as words ("dos horas", "两个小时"), except the Arabic duals and the Arabic
word for two below, which Arabic writes where other languages use a digit; units
written before the number, except the Chinese "百分之" (per cent).
"""

from functools import lru_cache

from django.utils.translation import gettext_lazy as _

from .text import normalise

MG, MICROGRAM, G, KG, ML = "mg", "microgram", "g", "kg", "ml"
HOUR, MINUTE, DAY, WEEK, MONTH = "hour", "minute", "day", "week", "month"
PERCENT, TIME, MONTH_NAME = "percent", "time", "month-name"

# How a quantity of each unit is shown in a finding: "%(number)s" is the number.
LABELS = {
    MG: _("%(number)s mg"),
    MICROGRAM: _("%(number)s microgram"),
    G: _("%(number)s g"),
    KG: _("%(number)s kg"),
    ML: _("%(number)s ml"),
    # Translators: a number of hours, e.g. "2 hours"; %(number)s is the number.
    HOUR: _("%(number)s hours"),
    MINUTE: _("%(number)s minutes"),
    DAY: _("%(number)s days"),
    WEEK: _("%(number)s weeks"),
    MONTH: _("%(number)s months"),
    PERCENT: _("%(number)s%%"),
    # Translators: a time of day, e.g. "at 15:00".
    TIME: _("at %(number)s"),
    # Translators: a month named in a date; %(number)s is its number, e.g. "month 3".
    MONTH_NAME: _("month %(number)s"),
    None: "%(number)s",
}

WORDS = {
    MG: "mg milligram milligrams milligramme milligrammes miligramo miligramos miligram miligramy miligramów miligrama"
    " ملغ مغ ملغم ملیغرام مللیغرام ملغرام ملیجرام ملی_گرام 毫克",
    MICROGRAM: "microgram micrograms microgramme microgrammes mcg μg ug microgramo microgramos mikrogram mikrogramy"
    " mikrogramów mikrograma میکروغرام مکغ میکروجرام مائیکروگرام مائیکرو_گرام 微克",
    G: "g gram grams gramme grammes gramo gramos gramy gramów grama غرام غ جرام جم گرام 克",
    KG: "kg kilogram kilograms kilogramme kilogramo kilogramos kilogramy kilogramów kilograma کیلوغرام کغ کیلوجرام"
    " کلوگرام کلو_گرام 公斤 千克",
    ML: "ml millilitre millilitres milliliter milliliters mililitro mililitros mililitr mililitry mililitrów mililitra"
    " مل ملل ملیلتر مللیلتر ملی_لیٹر 毫升",
    HOUR: "h hr hrs hour hours hora horas godz godzina godziny godzin godzinę godzinie godzinach godzinami ساعة ساعات ساعہ گھنٹہ گھنٹے"
    " گھنٹوں گھنٹا 小时 个小时 小時 钟头",
    MINUTE: "min mins minute minutes minuto minutos minuta minuty minut minutę minutach minutami دقیقة دقائق دقیقہ منٹ منٹوں 分钟 分鐘",
    DAY: "day days día días dia dias dzień dni dnia dniach dniami یوم یوما ایام دن دنوں 天",
    WEEK: "wk wks week weeks semana semanas tydzień tygodnie tygodni tygodnia tygodniach tygodniami اسبوع اسبوعا اسابیع ہفتہ ہفتے ہفتوں"
    " 周 週 星期 个星期 個星期 个礼拜",
    MONTH: "month months mes meses miesiąc miesiące miesięcy miesiąca miesiącach miesiącami شہر شہرا اشہر شہور مہینہ مہینے مہینوں ماہ 个月 個月",
    PERCENT: "% percent per_cent por_ciento procent procentów proc بالمئة بالمائة في_المئة في_المائة فیصد",
}

# Month names in the grammatical cases CLDR does not list (it has the nominative and the
# genitive): Polish dates say "w styczniu 2025" (in January 2025), in the locative.
MONTH_FORMS = {
    "pl": "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku listopadzie grudniu",
}

# Arabic duals: the noun alone means two ("ساعتين", two hours). With a proclitic too (بساعتين).
ARABIC_DUALS = {
    HOUR: "ساعتين ساعتان",
    MINUTE: "دقيقتين دقيقتان",
    DAY: "يومين يومان",
    WEEK: "أسبوعين أسبوعان",
    MONTH: "شهرين شهران",
}

# The Arabic word for two, which follows a dual noun of any kind ("نوعين اثنين", two kinds) where
# another language writes the digit; it is read as a bare 2.
ARABIC_TWO = "اثنين اثنان اثنتين اثنتان"

# Abbreviations that hospitals' error-prone lists ban: "mcg" and "µg" are misread as mg.
UNSAFE_ABBREVIATIONS = {"mcg": MICROGRAM, "μg": MICROGRAM, "ug": MICROGRAM, "مکغ": MICROGRAM}


def _words(spec):
    return [normalise(word.replace("_", " ")) for word in spec.split()]


@lru_cache(maxsize=8)
def vocabulary(extra=()):
    """{normalised word: unit}, built once; ``extra`` is ((unit, (words...)), ...) from settings."""
    table = {word: unit for unit, spec in WORDS.items() for word in _words(spec)}
    for unit, words in extra:
        table.update({normalise(word): unit for word in words})
    return table


@lru_cache(maxsize=1)
def arabic_duals():
    return {word: unit for unit, spec in ARABIC_DUALS.items() for word in _words(spec)}


@lru_cache(maxsize=1)
def arabic_two():
    return _words(ARABIC_TWO)


def label(number, unit):
    return LABELS.get(unit, LABELS[None]) % {"number": number}
