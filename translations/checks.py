"""System checks of how the plugin sits in the host site, and of the translation options its
translatable models declare (see ``fields``). Registered in ``TranslationsConfig.ready()``."""

from django.apps import apps
from django.conf import settings
from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from wagtail.models import get_translatable_models

SIMPLE_TRANSLATION = "wagtail.contrib.simple_translation"
FIELD_OPTIONS = ("translatable_fields", "translation_include_fields", "translation_exclude_fields")


def check_simple_translation(app_configs=None, **kwargs):
    """Wagtail's simple_translation may run beside the plugin, but not while it keeps the page trees in
    sync: it then makes a live alias of every new page in every language, which republishes the
    source's text over a translation whenever the source is published."""
    if not (
        apps.is_installed(SIMPLE_TRANSLATION) and getattr(settings, "WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE", False)
    ):
        return []
    return [
        checks.Error(
            "WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE is on: simple_translation would publish the source's text "
            "as an alias in every language, over the translations this plugin builds.",
            hint="Set WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False (simple_translation's Translate action "
            "still works beside this plugin), or remove wagtail.contrib.simple_translation from INSTALLED_APPS.",
            id="translations.E001",
        )
    ]


def check_translation_fields(app_configs=None, **kwargs):
    """A misspelt field name in a model's translation options would otherwise leave a field
    untranslated, or translated, without a word."""
    errors = []
    for model in get_translatable_models(include_subclasses=True):
        if app_configs is not None and model._meta.app_config not in app_configs:
            continue
        for option in FIELD_OPTIONS:
            for name in getattr(model, option, None) or ():
                try:
                    model._meta.get_field(name)
                except FieldDoesNotExist:
                    errors.append(
                        checks.Error(
                            f"{model._meta.label}.{option} names {name!r}, which is not a field of the model.",
                            hint=f"Use the names of {model._meta.label}'s own fields.",
                            obj=model,
                            id="translations.E002",
                        )
                    )
    return errors
