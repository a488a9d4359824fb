"""System check of the machine translation settings: what can be known without asking the service.

Registered in ``TranslationsConfig.ready()``. The service itself (reachable, key accepted,
language pair supported) is checked when a job is started, before any work.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .backends import (
    NUMBERS,
    SETTING,
    backend_names,
    default_backend_name,
    get_backend,
    machine_settings,
    setting_number,
)


def check_machine_translation(app_configs=None, **kwargs):
    configured = getattr(settings, SETTING, None)
    if configured is not None and not isinstance(configured, dict):
        return [checks.Error(f"{SETTING} must be a dictionary.", id="carelingua_mt.E001")]
    errors = [_error(error, "E002") for error in _number_errors()]
    for name in backend_names():
        try:
            backend = get_backend(name)
        except ImproperlyConfigured as error:
            errors.append(_error(error, "E003"))
            continue
        if name == default_backend_name():
            errors.extend(_error(message, "E004") for message in backend.configuration_errors())
    if default_backend_name() not in backend_names():
        try:
            get_backend()
        except ImproperlyConfigured as error:
            errors.append(_error(error, "E005"))
    terms = machine_settings().get("TERMS")
    if terms:
        try:
            import_string(terms)
        except ImportError:
            errors.append(_error(f"{SETTING}['TERMS'] is {terms!r}, which cannot be imported.", "E006"))
    return errors


def _number_errors():
    for name in NUMBERS:
        try:
            setting_number(name)
        except ImproperlyConfigured as error:
            yield error


def _error(message, code):
    return checks.Error(str(message), id=f"carelingua_mt.{code}")
