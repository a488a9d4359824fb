"""The checks. Safety checks (numbers, units, phone numbers, markup, invisible characters, forbidden terms) give
errors, which block; style checks give warnings, which a reviewer acknowledges on record.

Each is ``check(source, target, locale, context) -> list[Finding]``; see ``base``.
"""

import html
import re
from collections import Counter
from functools import lru_cache

from django.utils import translation
from django.utils.translation import gettext as _

from .. import richtext
from . import units as u
from .base import ERROR, WARNING, Finding
from .quantities import Quantity, phone_digits, read
from .text import has_letters, is_cjk, normalise, strip_placeholders

# Target length / source length that is normal for a translation from English (characters,
# placeholders left out). Wide on purpose: outside it, a sentence was likely dropped or doubled.
LENGTH_RATIOS = {
    "es": (0.7, 2.0),
    "pl": (0.7, 2.0),
    "ar": (0.5, 1.8),
    "ur": (0.6, 2.0),
    "zh": (0.12, 0.9),
}
DEFAULT_LENGTH_RATIO = (0.5, 2.2)
MIN_LENGTH_CHECKED = 40  # shorter texts (list items, headings) vary too much to judge


def check_empty(source, target, locale, context):
    if source.strip() and not target.strip():
        return [Finding(WARNING, "empty", _("The translation is empty."))]
    return []


def _in_english(check, source, target):
    """The findings' keys: the same sentences in English, whatever the interface language."""
    with translation.override("en"):
        return check(source, target)


def check_markup(source, target, locale, context):
    """The numbered placeholders of rich text: the same set, properly nested, no raw HTML."""
    problems = richtext.check_markup(source, target)
    keys = _in_english(richtext.check_markup, source, target) if problems else []
    return [Finding(ERROR, "markup", problem, key=key) for problem, key in zip(problems, keys, strict=True)]


def check_characters(source, target, locale, context):
    """Control characters and bidirectional overrides or isolates that the source does not have."""
    problems = richtext.check_characters(source, target)
    keys = _in_english(richtext.check_characters, source, target) if problems else []
    return [Finding(ERROR, "characters", problem, key=key) for problem, key in zip(problems, keys, strict=True)]


def _read(text, language, context):
    return read(text, language, context.phone_numbers, context.extra_units)


def check_numbers(source, target, locale, context):
    """Numbers, doses, units, ranges, dates and times: the same (number, unit) pairs on both sides."""
    source_quantities = Counter(_read(source, context.source_language, context)[0])
    target_quantities = Counter(_read(target, locale, context)[0])
    common = source_quantities & target_quantities
    missing, extra = source_quantities - common, target_quantities - common
    findings = []
    for quantity in sorted(missing, key=_key):
        bare, other = Quantity(quantity.value), _same_value(extra, quantity)
        if quantity.unit and extra[bare]:
            extra[bare] -= 1
            findings.append(
                _finding(ERROR, "unit-missing", _("The translation gives %(quantity)s without its unit."), quantity)
            )
        elif other:
            extra[other] -= 1
            message = _("%(source)s in the source is %(target)s in the translation.")
            key = f"{_key(quantity)}>{_key(other)}"
            findings.append(Finding(ERROR, "unit-changed", message % {"source": quantity, "target": other}, key))
        elif quantity.unit is None and (added := _same_value(extra, quantity, with_unit=True)):
            extra[added] -= 1
            message = _("The translation adds a unit to %(number)s: %(quantity)s. Check that the source means it.")
            findings.append(
                Finding(WARNING, "unit-added", message % {"number": quantity.value, "quantity": added}, _key(added))
            )
        else:
            findings.append(_counted(quantity, source_quantities, target_quantities))
    for quantity in sorted(+extra, key=_key):
        if target_quantities[quantity] > source_quantities[quantity]:
            findings.append(_counted(quantity, source_quantities, target_quantities))
    return list(dict.fromkeys(findings))


def _same_value(counter, quantity, with_unit=False):
    for other, count in counter.items():
        if count > 0 and other.value == quantity.value and other.unit != quantity.unit:
            if other.unit is not None and (with_unit or quantity.unit is not None):
                return other
    return None


def _key(quantity):
    return f"{quantity.value} {quantity.unit or ''}".strip()


def _finding(severity, code, message, quantity):
    return Finding(severity, code, message % {"quantity": quantity}, _key(quantity))


def _counted(quantity, source, target):
    if not target[quantity]:
        return _finding(
            ERROR, "number-missing", _("%(quantity)s is in the source but not in the translation."), quantity
        )
    if not source[quantity]:
        return _finding(ERROR, "number-added", _("%(quantity)s is in the translation but not in the source."), quantity)
    message = _("%(quantity)s is %(source)d times in the source but %(target)d times in the translation.")
    counts = {"quantity": quantity, "source": source[quantity], "target": target[quantity]}
    return Finding(ERROR, "number-count", message % counts, _key(quantity))


_UNSAFE = re.compile(r"(?<![^\W\d_])(" + "|".join(map(re.escape, u.UNSAFE_ABBREVIATIONS)) + r")(?![^\W\d_])")


def check_unit_abbreviations(source, target, locale, context):
    """ "mcg" and "µg" are misread as mg: write microgram in full (NHS style). An error when the
    translation brings the abbreviation in; a warning when the source already has it."""
    in_source = set(_UNSAFE.findall(normalise(source)))
    findings = []
    for abbreviation in dict.fromkeys(_UNSAFE.findall(normalise(target))):
        severity = WARNING if abbreviation in in_source else ERROR
        message = _("“%(abbreviation)s” can be misread as mg: write microgram in full.")
        findings.append(
            Finding(severity, "unsafe-abbreviation", message % {"abbreviation": abbreviation}, abbreviation)
        )
    return findings


def check_phone_numbers(source, target, locale, context):
    """Phone numbers: each of the source's is kept; any other must be an allowed (region) number."""
    in_source = set(_read(source, context.source_language, context)[1])
    in_target = set(_read(target, locale, context)[1])
    allowed = {phone_digits(number) for number in context.phone_numbers}
    findings = []
    for number in sorted(in_source - in_target):
        message = _("The phone number %(number)s of the source is missing from the translation.")
        findings.append(Finding(ERROR, "phone-missing", message % {"number": number}, number))
    for number in sorted(in_target - in_source - allowed):
        message = _("The phone number %(number)s is not in the source nor in the region data.")
        findings.append(Finding(ERROR, "phone-unknown", message % {"number": number}, number))
    return findings


@lru_cache(maxsize=1024)
def _term_pattern(rendering):
    wildcard = rendering.endswith("*")
    words = normalise(rendering.rstrip("*")).split()
    if not words:
        return None
    body = r"\s+".join(re.escape(word) for word in words)
    first, last = words[0][0], words[-1][-1]
    if is_cjk(first):
        left = ""
    elif "\u0600" <= first <= "\u06ff":  # Arabic script: a conjunction, preposition or article may be attached
        left = r"(?<![^\W\d_])[وفبک]?(?:ال|لل|ل)?"
    else:
        left = r"(?<![^\W\d_])"
    right = "" if wildcard or is_cjk(last) else r"(?![^\W\d_])"
    return re.compile(left + body + right)


def contains_term(text, rendering):
    """Whether a text uses a term or rendering: whole words, any case; ``*`` ends a prefix."""
    pattern = _term_pattern(rendering)
    return bool(pattern and pattern.search(normalise(text)))


def check_glossary(source, target, locale, context):
    """Where the source uses a glossary term: no forbidden rendering (error), an approved one (warning)."""
    findings = []
    kept_as_source = target.strip() == source.strip()  # a title cited as published: "untranslated" says so
    for entry in context.glossary:
        if not contains_term(source, entry.term):
            continue
        for rendering in entry.forbidden:
            if contains_term(target, rendering):
                message = _("“%(rendering)s” is a forbidden rendering of “%(term)s”. Use: %(approved)s.")
                values = {"rendering": rendering, "term": entry.term, "approved": ", ".join(entry.approved)}
                findings.append(Finding(ERROR, "glossary-forbidden", message % values, f"{entry.term}>{rendering}"))
        if entry.approved and not kept_as_source and not any(contains_term(target, r) for r in entry.approved):
            message = _("“%(term)s” should be rendered as: %(approved)s.")
            values = {"term": entry.term, "approved": ", ".join(entry.approved)}
            findings.append(Finding(WARNING, "glossary-approved", message % values, entry.term))
    return findings


def _kept_by_glossary(source, context):
    """True if the whole source is a term whose approved rendering is the term itself (a brand name)."""
    text = source.strip().casefold()
    return any(
        entry.term.casefold() == text and text in map(str.casefold, entry.approved) for entry in context.glossary
    )


_IDENTIFIER = re.compile(r"\S*[\d/@]\S*")


def check_untranslated(source, target, locale, context):
    """The translation is the source text again."""
    if target.strip() != source.strip() or not has_letters(strip_placeholders(source)):
        return []
    if _IDENTIFIER.fullmatch(source.strip()):  # a DOI, code or address: kept as it is
        return []
    if locale.split("-")[0] == context.source_language.split("-")[0] or _kept_by_glossary(source, context):
        return []
    return [Finding(WARNING, "untranslated", _("The translation is the same as the source."))]


ENTITY_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


def check_entities(source, target, locale, context):
    """HTML entities typed into a translation: segments are plain text, so ``&lt;`` is shown as
    the four characters typed, not as "<". The character itself is what the translator meant."""
    findings = []
    for entity in dict.fromkeys(ENTITY_RE.findall(target)):
        character = html.unescape(entity)
        if entity in source or character == entity:
            continue
        values = {"entity": entity, "character": character}
        message = _("“%(entity)s” is shown as typed. Type the character itself: %(character)s") % values
        findings.append(Finding(WARNING, "entity", message, key=entity))
    return findings


def check_whitespace(source, target, locale, context):
    """Leading and trailing spaces and line breaks as in the source."""
    findings = []
    if source[: len(source) - len(source.lstrip())] != target[: len(target) - len(target.lstrip())]:
        findings.append(
            Finding(WARNING, "whitespace-start", _("The translation starts with different spacing from the source."))
        )
    if source[len(source.rstrip()) :] != target[len(target.rstrip()) :]:
        findings.append(
            Finding(WARNING, "whitespace-end", _("The translation ends with different spacing from the source."))
        )
    return findings


def length_ratio_range(locale, context=None):
    ranges = {**LENGTH_RATIOS, **(context.length_ratios if context else {})}
    return ranges.get(locale) or ranges.get(locale.split("-")[0]) or DEFAULT_LENGTH_RATIO


def check_length(source, target, locale, context):
    """A translation much shorter or longer than usual for the language may have lost or doubled text."""
    source_text, target_text = strip_placeholders(source).strip(), strip_placeholders(target).strip()
    if len(source_text) < MIN_LENGTH_CHECKED or source_text == target_text:
        return []
    low, high = length_ratio_range(locale, context)
    ratio = len(target_text) / len(source_text)
    if low <= ratio <= high:
        return []
    message = _("The translation is %(ratio)d%% of the length of the source; %(low)d%% to %(high)d%% is usual.")
    values = {"ratio": round(ratio * 100), "low": round(low * 100), "high": round(high * 100)}
    return [Finding(WARNING, "length", message % values, "short" if ratio < low else "long")]
