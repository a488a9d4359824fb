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
        from django.db.models.signals import post_delete, pre_save
        from wagtail.models import get_translatable_models
        from wagtail.signals import published

        from .checks import check_simple_translation, check_translation_fields
        from .gate import guard_publish
        from .handlers import remove_catalogs_of_deleted_source, sync_translations_on_publish
        from .machine.checks import check_machine_translation

        checks.register(check_machine_translation)
        checks.register(check_simple_translation)
        checks.register(check_translation_fields, checks.Tags.models)

        # Wagtail sends ``published`` for pages (after ``page_published``) and for snippets with drafts.
        published.connect(sync_translations_on_publish, dispatch_uid="carelingua_sync_on_publish")
        pre_save.connect(guard_publish, dispatch_uid="carelingua_publish_gate")
        # Per model, not for every model: a receiver for all senders would slow every bulk delete.
        for model in get_translatable_models():
            post_delete.connect(
                remove_catalogs_of_deleted_source, sender=model, dispatch_uid=f"carelingua_remove_{model._meta.label}"
            )
