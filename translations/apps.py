from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The reusable translation plugin. It knows Wagtail and Babel, never the site."""

    name = "translations"
    label = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"
