"""Template helpers for the public site: language direction and localized dates."""

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from django import template
from django.utils.translation import get_language, to_locale

register = template.Library()

# English pages follow NHS style, which writes dates the British way (27 November 2026).
REGIONAL_DEFAULTS = {"en": "en_GB"}


def babel_locale(language_code):
    """The Babel locale for a Django language code (``zh-hans`` -> ``zh_Hans``)."""
    try:
        code = language_code or "en"
        return Locale.parse(REGIONAL_DEFAULTS.get(code, to_locale(code)))
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


@register.filter
def text_direction(language_code):
    """``rtl`` or ``ltr`` for a language code, from the Unicode CLDR data in Babel."""
    return "rtl" if babel_locale(language_code).character_order == "right-to-left" else "ltr"


@register.filter
def language_name(language_code):
    """A language's name in that language, for example ``español`` for ``es``."""
    return babel_locale(language_code).display_name


@register.simple_tag
def local_date(value, language_code=None):
    """A date in the long form the reader's language uses, for example 27 November 2026."""
    if not value:
        return ""
    return format_date(value, format="long", locale=babel_locale(language_code or get_language()))
