"""System checks of how the plugin sits in the host site. Registered in ``TranslationsConfig.ready()``."""

from django.apps import apps
from django.conf import settings
from django.core import checks

SIMPLE_TRANSLATION = "wagtail.contrib.simple_translation"


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
