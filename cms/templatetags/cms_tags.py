"""Template helpers for the public site: language direction, language names, localized dates."""

import functools

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()

# English pages follow NHS style, which writes dates the British way (27 November 2026).
REGIONAL_DEFAULTS = {"en": "en_GB"}


@functools.lru_cache(maxsize=256)
def _parse(code):
    """Babel parses CLDR data for each call; a page asks for the same few locales many times."""
    try:
        return Locale.parse(code)
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale.parse("en")


def babel_locale(language_code):
    """The Babel locale for formatting in a Django language code (``zh-hans`` -> ``zh_Hans``)."""
    code = language_code or "en"
    return _parse(REGIONAL_DEFAULTS.get(code, to_locale(code)))


def language_locale(language_code):
    """The Babel locale of the language itself, without a regional default (``en``, not ``en_GB``)."""
    return _parse(to_locale(language_code or "en"))


@register.filter
def text_direction(language_code):
    """``rtl`` or ``ltr`` for a language code, from the Unicode CLDR data in Babel."""
    return "rtl" if babel_locale(language_code).character_order == "right-to-left" else "ltr"


@register.filter
def language_name(language_code):
    """A language's name in that language, for example ``español`` for ``es``."""
    return language_locale(language_code).display_name


@register.filter
def language_name_in(language_code, reader_language):
    """A language's name in the reader's language, for example ``inglés`` for ``en`` read in ``es``."""
    return language_locale(language_code).get_display_name(language_locale(reader_language))


@register.filter
def hreflang(language_code):
    """The BCP 47 tag search engines expect, for example ``zh-Hans`` for ``zh-hans``."""
    return str(language_locale(language_code)).replace("_", "-")


@register.simple_tag
def local_date(value, language_code=None):
    """A date in the long form the reader's language uses, for example 27 November 2026."""
    if not value:
        return ""
    return format_date(value, format="long", locale=babel_locale(language_code or get_language()))
