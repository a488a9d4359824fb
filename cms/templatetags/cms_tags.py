"""Template helpers for the public site: language direction, language names, localized dates."""

import re

from babel.dates import format_date
from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from translations.languages import babel_locale, text_direction

register = template.Library()

# English pages follow NHS style, which writes dates the British way (27 November 2026).
REGIONAL_DEFAULTS = {"en": "en_GB"}


def formatting_locale(language_code):
    """The Babel locale dates and lists are formatted in: the language, with the site's regional default."""
    return babel_locale(REGIONAL_DEFAULTS.get(language_code or "en", language_code))


register.filter("text_direction", text_direction)


@register.filter
def language_name(language_code):
    """A language's name in that language, for example ``español`` for ``es``."""
    return babel_locale(language_code).display_name


@register.filter
def language_name_in(language_code, reader_language):
    """A language's name in the reader's language, for example ``inglés`` for ``en`` read in ``es``."""
    return babel_locale(language_code).get_display_name(babel_locale(reader_language))


@register.filter
def hreflang(language_code):
    """The BCP 47 tag search engines expect, for example ``zh-Hans`` for ``zh-hans``."""
    return str(babel_locale(language_code)).replace("_", "-")


@register.simple_tag
def local_date(value, language_code=None):
    """A date in the long form the reader's language uses, for example 27 November 2026."""
    if not value:
        return ""
    return format_date(value, format="long", locale=formatting_locale(language_code or get_language()))


# A number as written in a text: digits with their separators, digit groups split by spaces
# (116 123) and a per cent sign. Not a number inside a word (SUSTAIN-1), an entity (&#39;) or a
# longer number already read.
_GROUP = r"\d+(?:[.,:/\u066b\u066c]\d+)*"
_NUMBER = re.compile(rf"(?<![\w#&;/.,:\-])\+?{_GROUP}(?:[ \u00a0]{_GROUP})*[%\u066a]?")
# One pass over the HTML: a tag is matched (and kept as it is) before any number in it could be.
_TAG_OR_NUMBER = re.compile(rf"(<[^>]*>)|{_NUMBER.pattern}")


def _isolate(match):
    return match.group() if match.group(1) else f'<bdi dir="ltr">{match.group()}</bdi>'


@register.filter(needs_autoescape=True)
def isolate_numbers(value, language_code, autoescape=True):
    """On a right-to-left page, each number (a dose, a phone number, a percentage) in its own
    left-to-right ``<bdi>``: digit groups such as 116 123 would otherwise be shown in reverse
    order. Text on a left-to-right page is returned as it is."""
    if text_direction(language_code) != "rtl":
        return value
    html = conditional_escape(value) if autoescape else str(value)
    return mark_safe(_TAG_OR_NUMBER.sub(_isolate, str(html)))  # noqa: S308 (escaped above; only <bdi> tags are added)
