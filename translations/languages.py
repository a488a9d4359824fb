"""Languages as Babel's CLDR data describes them, for any Wagtail language code.

The one place that turns a code such as ``zh-hans`` or ``zh_Hans`` into a Babel locale: catalogs
take their plural forms from it, quality checks their number formats, screens the language's
name and writing direction.
"""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import to_locale


@lru_cache(maxsize=128)
def babel_locale(language_code):
    """The Babel locale of a language code (``zh-hans`` -> ``zh_Hans``); English if Babel does not know it.

    Parsed once per code: Babel reads CLDR data on each parse."""
    try:
        return Locale.parse(to_locale((language_code or "en").replace("_", "-")))
    except (ValueError, TypeError, UnknownLocaleError):
        return Locale("en")


def _code(language):
    return getattr(language, "language_code", language)  # a Wagtail Locale or a language code


def text_direction(language):
    """``rtl`` or ``ltr`` for a Wagtail Locale or a language code."""
    return "rtl" if babel_locale(_code(language)).character_order == "right-to-left" else "ltr"


def language_name(language):
    """A language as its speakers name it, with its code: “español (es)”."""
    code = _code(language)
    # Translators: a language's own name and its code, e.g. “español (es)”
    return _("%(name)s (%(code)s)") % {"name": babel_locale(code).get_display_name(), "code": code}
