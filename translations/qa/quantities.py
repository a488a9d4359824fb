"""Reading the numbers of a text as (value, unit) pairs, whatever its language and script.

``quantities("Take ٥٦ ملغ twice", "ar")`` gives ``[Quantity("56", "mg")]``. Values are
canonical decimal strings ("0.5", "1500"); units are the names in ``units``. The order of
the passes matters: phone numbers, then times of day, then dates, then Arabic duals and the
Arabic word for two, then plain numbers with an optional unit after them.

Numbers: a separator between digit groups is a decimal mark or a group separator; ``٫`` is
always decimal and ``٬`` always grouping. With both ``.`` and ``,`` the last one is the
decimal mark (1,234.5 or 1.234,5). A single ``.`` or ``,`` followed by exactly three digits
(1,500) is a group separator if the text's language groups digits with it (English ``,``,
Spanish ``.``), otherwise decimal. Digits grouped by spaces (Polish ``100 000``) are one
number. A range ("1 to 4 weeks", "de 1 a 4 semanas", "1-4周") gives its unit to both ends.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from babel.dates import get_month_names
from babel.numbers import get_decimal_symbol, get_group_symbol

from ..languages import babel_locale
from . import units as u
from .text import ARABIC_DECIMAL, ARABIC_GROUP, is_cjk, normalise


@dataclass(frozen=True)
class Quantity:
    value: str
    unit: str | None = None

    def __str__(self):
        return str(u.label(self.value, self.unit))


_NUMBER = re.compile(r"\d+(?:(?:[.,\u066b\u066c]|\s(?=\d{3}(?!\d)))\d+)*")
_PROCLITIC = "(?:و|ف|ب|ل|ک|وب|ول|فب)?"
_RANGE = re.compile(r"\s*(?:-|~|to|and|or|a|al|y|o|hasta|do|i|lub|albo|und|bis|الی|و|او|سے|تا|یا|至|到|或)\s*")
_TIMES = [
    # 3pm, 3 p.m., 3.30pm, 3:30 pm
    r"(?<!\d)(?P<h>\d{1,2})(?:[:.](?P<m>\d{2}))?\s*(?P<q>a\.?m\.?|p\.?m\.?)(?![a-z])",
    # Chinese: 下午3点30分, 3点半, 15时
    r"(?P<q>上午|早上|凌晨|中午|下午|晚上)?\s*(?<!\d)(?P<h>\d{1,2})\s*[点點时時]\s*(?:(?P<m>\d{1,2})\s*分|(?P<half>半))?",
    # Urdu: شام 5 بجے, صبح 10:30 بجے
    r"(?P<q>صبح|دوپہر|سہ پہر|شام|رات)?\s*(?<!\d)(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*بجے",
    # Spanish "3 de la tarde"; Arabic "5 مساء", "10:30 صباحا"
    r"(?<!\d)(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<q>de la mañana|de la tarde|de la noche|صباحا|صباح|ظہرا|مساء|لیلا)(?!\w)",
    # 24-hour clock everywhere: 15:00, 15:00 h; Polish "godz. 15.00" and "o 15.00".
    r"(?<![\d.,:])(?P<h>\d{1,2}):(?P<m>\d{2})(?![\d:])(?:\s*h(?![^\W\d_]))?",
    r"(?<![^\W\d_])(?:godz\.?|godzinie|o)\s+(?P<h>\d{1,2})\.(?P<m>\d{2})(?!\d)",
]
_TIMES = [re.compile(pattern) for pattern in _TIMES]
_PM = {"pm", "下午", "晚上", "de la tarde", "de la noche", "مساء", "لیلا", "شام", "رات", "سہ پہر"}
_NOON = {"中午", "دوپہر", "ظہرا"}
# Phone numbers not in the allowed list: 7 or more digits in groups, e.g. +44 20 7946 0000, 0800 123 4567.
_PHONE = re.compile(r"(?<![\da-z.,/+-])\+?\(?\d{1,5}\)?(?:[ -]\(?\d{1,5}\)?){1,6}(?![\da-z]|[.,]\d)")
_THOUSANDS = re.compile(r"\d{1,3}(?: \d{3})+")
_NOT_PHONE = re.compile(r"\d{4}-\d{2}-\d{2}|(?:1[89]|20)\d{2} ?- ?(?:(?:1[89]|20)\d{2}|\d{2})")  # dates, year ranges


@dataclass
class _Scan:
    """The text being read: found quantities with their offsets, and the text left to read."""

    text: str
    found: list  # (start, Quantity)

    def take(self, match, quantity=None, group=0):
        start, end = match.span(group)
        if quantity is not None:
            self.found.append((start, quantity))
        self.text = self.text[:start] + " " * (end - start) + self.text[end:]


def canonical(number: str, language_code: str = "en") -> str | None:
    """The canonical value of a written number ("1.234,5" -> "1234.5"), or None if it is not one."""
    number = number.replace(ARABIC_GROUP, "").replace(" ", "")
    if ARABIC_DECIMAL in number:
        number = number.replace(".", "").replace(",", "").replace(ARABIC_DECIMAL, ".")
    seps = [ch for ch in number if ch in ".,"]
    if len(set(seps)) == 2:
        decimal = seps[-1]
        number = number.replace("." if decimal == "," else ",", "").replace(decimal, ".")
    elif len(seps) > 1:
        number = number.replace(seps[0], "")
    elif seps:
        whole, fraction = number.split(seps[0])
        grouping = len(fraction) == 3 and whole != "0" and len(whole) <= 3 and seps[0] == _group(language_code)
        number = whole + fraction if grouping else f"{whole}.{fraction}"
    try:
        value = Decimal(number)
    except InvalidOperation:
        return None
    return format(value.normalize(), "f") if value else "0"


@lru_cache(maxsize=32)
def _group(language_code):
    locale = babel_locale(language_code)
    group = get_group_symbol(locale)
    return group if group != get_decimal_symbol(locale) else None


@lru_cache(maxsize=32)
def _unit_pattern(extra):
    words = sorted(u.vocabulary(extra), key=len, reverse=True)
    # A word ends at a letter that is not part of it; a sign (%) or a CJK unit may run into the next word.
    alternatives = "|".join(
        re.escape(w) + (r"(?![^\W\d_])" if w[-1].isalpha() and not is_cjk(w[-1]) else "") for w in words
    )
    return re.compile(rf"\s*-?\s*({alternatives})")


@lru_cache(maxsize=32)
def _month_pattern(language_code):
    names = {}
    for code in dict.fromkeys(["en", language_code]):
        locale = babel_locale(code)
        for context in ("format", "stand-alone"):
            for number, name in get_month_names("wide", context, locale).items():
                names[normalise(name)] = number
        for number, name in enumerate(u.MONTH_FORMS.get(code, "").split(), start=1):
            names[normalise(name)] = number
    words = sorted(names, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![^\W\d_])({alternatives})(?![^\W\d_])"), names


_AMBIGUOUS_MONTHS = {"may", "march"}  # also English words; a month only next to a day or a year
_DAY_BEFORE = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th|er|º)?\.?\s*(?:de|of|du)?\s*$")
_NUMBER_AFTER = re.compile(r"^\s*(?:de|del|,)?\s*\d")
_YEAR_AFTER = re.compile(r"^\s*(?:de|del|,)?\s*\d{4}(?!\d)")


def _times(scan):
    for pattern in _TIMES:
        for match in list(pattern.finditer(scan.text)):
            hour, qualifier = int(match["h"]), (match.groupdict().get("q") or "").replace(".", "")
            minute = 30 if match.groupdict().get("half") else int(match["m"] or 0)
            if qualifier in _PM and hour < 12 or qualifier in _NOON and hour < 6:
                hour += 12
            elif qualifier == "am" and hour == 12:
                hour = 0
            if hour < 24 and minute < 60:
                scan.take(match, Quantity(f"{hour:02d}:{minute:02d}", u.TIME))


def _dates(scan, language_code):
    for match in list(re.finditer(r"(?<!\d)(\d{4})\s*年", scan.text)):  # Chinese year: the number alone
        scan.take(match, Quantity(match.group(1)))
    for match in list(re.finditer(r"(?<!\d)(\d{1,2})\s*月", scan.text)):
        if 1 <= int(match.group(1)) <= 12:
            scan.take(match, Quantity(match.group(1), u.MONTH_NAME))
    for match in list(re.finditer(r"(?<!\d)(\d{1,2})\s*[日号]", scan.text)):
        scan.take(match, Quantity(match.group(1)))
    pattern, names = _month_pattern(language_code)
    for match in list(pattern.finditer(scan.text)):
        before, after = scan.text[max(0, match.start() - 12) : match.start()], scan.text[match.end() : match.end() + 12]
        after_pattern = _YEAR_AFTER if match.group(1) in _AMBIGUOUS_MONTHS else _NUMBER_AFTER
        if _DAY_BEFORE.search(before) or after_pattern.match(after):
            scan.take(match, Quantity(str(names[match.group(1)]), u.MONTH_NAME))


def _arabic_duals(scan):
    for match in list(_dual_pattern().finditer(scan.text)):
        scan.take(match, Quantity("2", u.arabic_duals()[match.group(1)]))


@lru_cache(maxsize=1)
def _dual_pattern():
    words = "|".join(re.escape(w) for w in sorted(u.arabic_duals(), key=len, reverse=True))
    # The dual alone means two; a "2" or "(2)" written next to it is the same two, not another.
    return re.compile(
        rf"(?:(?<!\d)2\s*)?(?<![^\W\d_]){_PROCLITIC}({words})(?![^\W\d_])(?:\s*\(\s*2\s*\)|\s+2(?![\d.,]))?"
    )


def _arabic_two(scan):
    for match in list(_two_pattern().finditer(scan.text)):
        scan.take(match, Quantity("2"))


@lru_cache(maxsize=1)
def _two_pattern():
    words = "|".join(re.escape(w) for w in u.arabic_two())
    return re.compile(rf"(?<![^\W\d_])و?({words})(?![^\W\d_])")


def _numbers(scan, language_code, extra_units):
    unit_pattern, vocabulary, text = _unit_pattern(extra_units), u.vocabulary(extra_units), scan.text
    percent_prefix = {m.end() for m in re.finditer(r"百分之\s*", text)}
    numbers = []
    for match in _NUMBER.finditer(text):
        value = canonical(match.group(), language_code)
        if value is None:
            continue
        unit_match = unit_pattern.match(text, match.end())
        unit = vocabulary[unit_match.group(1)] if unit_match else None
        if unit is None and match.start() in percent_prefix:
            unit = u.PERCENT
        numbers.append([match.start(), match.end(), value, unit])
    for left, right in zip(numbers, numbers[1:], strict=False):
        if left[3] is None and right[3] is not None and _RANGE.fullmatch(text[left[1] : right[0]]):
            left[3] = right[3]
    scan.found.extend((start, Quantity(value, unit)) for start, _end, value, unit in numbers)


def _digits(text):
    return "".join(ch for ch in text if ch.isdigit())


@lru_cache(maxsize=32)
def _allowed_pattern(allowed):
    """One pattern for the allowed numbers ("116 123" also matches 116123 and 116-123)."""
    numbers = sorted({_digits(normalise(n)) for n in allowed} - {""}, key=len, reverse=True)
    if not numbers:
        return None
    alternatives = "|".join("[ -]?".join(number) for number in numbers)
    return re.compile(rf"(?<![\da-z.,])\+?(?:{alternatives})(?!\d|[.,]\d)")


def _phones(scan, allowed, extra_units):
    """Take the phone numbers out of the text; return their digits."""
    found, unit_pattern = [], _unit_pattern(extra_units)
    pattern = _allowed_pattern(allowed)
    for match in list(pattern.finditer(scan.text)) if pattern else []:
        if not unit_pattern.match(scan.text, match.end()):
            found.append(_digits(match.group()))
            scan.take(match)
    for match in list(_PHONE.finditer(scan.text)):
        number = match.group()
        digits = _digits(number)
        grouped_thousands = _THOUSANDS.fullmatch(number) and not number.startswith("0")
        if len(digits) >= 7 and not grouped_thousands and not _NOT_PHONE.fullmatch(number):
            found.append(digits)
            scan.take(match)
    return found


@lru_cache(maxsize=4096)
def read(text, language_code="en", allowed_phones=frozenset(), extra_units=()):
    """(quantities in reading order, phone numbers as digit strings) of a text, as tuples."""
    scan = _Scan(normalise(text), [])
    phones = _phones(scan, allowed_phones, extra_units)
    _times(scan)
    _dates(scan, language_code)
    _arabic_duals(scan)
    _arabic_two(scan)
    _numbers(scan, language_code, extra_units)
    return tuple(quantity for _start, quantity in sorted(scan.found, key=lambda found: found[0])), tuple(phones)


def quantities(text: str, language_code: str = "en", allowed_phones=frozenset(), extra_units=()) -> list[Quantity]:
    """The quantities of a text in reading order (phone numbers left out)."""
    return list(read(text, language_code, frozenset(allowed_phones), extra_units)[0])


def phone_digits(number: str) -> str:
    """A phone number as the digits that are dialled ("116 123" -> "116123")."""
    return _digits(normalise(number))
