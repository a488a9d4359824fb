"""The demo's region data in every content language, through the translation catalogs.

Each English region is translated as translators translate: a catalog per language, each
segment saved by that language's translator, a draft built from the complete catalog, and
published by a medical reviewer of that language (the site admin where the demo has none).
The loader does this once per region and language: once a translation has been built, it
belongs to the translators, and a later change of the English text waits for them (the
care cards name the numbers by their kind meanwhile).
"""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from translations.actions import BuildTranslation, CreateTranslation, SaveSegment

from ..region_models import Region
from .region_texts import TRANSLATIONS


def ensure_region_translations(notes=None):
    users = get_user_model().objects.in_bulk(field_name="username")
    admin = users["admin"]
    for source in Region.objects.filter(locale=Locale.get_default(), live=True).order_by("code"):
        for code, texts in TRANSLATIONS.items():
            locale = Locale.objects.get(language_code=code)
            translator = users.get(f"translator_{code.split('-')[0]}", admin)
            publisher = users.get(f"reviewer_{code.split('-')[0]}", admin)
            translate_region(source, locale, texts, translator, publisher, admin, notes)


def translate_region(source, locale, texts, translator, publisher, editor, notes):
    (catalog,) = CreateTranslation(source, [locale], editor).execute()
    if catalog.built_revision_id is not None:
        if notes is not None and catalog.segments.unfinished().exists():
            notes.append(
                f"Region “{source}” in {locale.language_code}: the English text changed; left for translators."
            )
        return
    for segment in catalog.segments.unfinished():
        if segment.source not in texts:
            raise ValidationError(f"No {locale.language_code} translation of “{segment.source}” ({source.code}).")
        SaveSegment(segment, texts[segment.source], segment.version, translator).execute()
    BuildTranslation(catalog, translator).execute()
    catalog.refresh_from_db()
    catalog.built_revision.publish(user=publisher)
