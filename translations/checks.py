"""System check of the translation options translatable models declare (see ``fields``).

Registered in ``TranslationsConfig.ready()``: a misspelt field name would otherwise leave a
field untranslated, or translated, without a word.
"""

from django.core import checks
from django.core.exceptions import FieldDoesNotExist
from wagtail.models import get_translatable_models

OPTIONS = ("translatable_fields", "translation_include_fields", "translation_exclude_fields")


def check_translation_fields(app_configs=None, **kwargs):
    errors = []
    for model in get_translatable_models(include_subclasses=True):
        if app_configs is not None and model._meta.app_config not in app_configs:
            continue
        for option in OPTIONS:
            for name in getattr(model, option, None) or ():
                try:
                    model._meta.get_field(name)
                except FieldDoesNotExist:
                    errors.append(
                        checks.Error(
                            f"{model._meta.label}.{option} names {name!r}, which is not a field of the model.",
                            hint=f"Use the names of {model._meta.label}'s own fields.",
                            obj=model,
                            id="carelingua.E001",
                        )
                    )
    return errors
