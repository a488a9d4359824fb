from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    """The reusable translation plugin. It knows Wagtail and Babel, never the site."""

    name = "translations"
    label = "translations"
    verbose_name = _("Translations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks
        from django.db.models.signals import pre_save
        from wagtail.signals import page_published

        from .checks import check_simple_translation
        from .gate import guard_publish
        from .handlers import sync_translations_on_publish
        from .machine.checks import check_machine_translation

        checks.register(check_machine_translation)
        checks.register(check_simple_translation)

        page_published.connect(sync_translations_on_publish, dispatch_uid="carelingua_sync_on_publish")
        pre_save.connect(guard_publish, dispatch_uid="carelingua_publish_gate")
