"""Signal handlers, connected in TranslationsConfig.ready()."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import Page, TranslatableMixin

from .models import TranslationCatalog
from .tasks import sync_translations_task


def _catalogs_of_source(content_type_id, instance):
    return TranslationCatalog.objects.filter(
        content_type_id=content_type_id, translation_key=instance.translation_key, source_locale_id=instance.locale_id
    )


def _content_type_id(instance):
    return instance.content_type_id if isinstance(instance, Page) else ContentType.objects.get_for_model(instance).pk


def sync_translations_on_publish(sender, instance, **kwargs):
    """A source page or snippet was published: bring its translations up to date, after the commit."""
    if not isinstance(instance, TranslatableMixin):
        return
    content_type_id = _content_type_id(instance)
    if _catalogs_of_source(content_type_id, instance).exists():
        transaction.on_commit(lambda: sync_translations_task.enqueue(content_type_id, instance.pk))


def remove_catalogs_of_deleted_source(sender, instance, **kwargs):
    """A source page or snippet was deleted: its catalogs go with it (connected per translatable model)."""
    from .actions import RemoveCatalogs

    content_type_id = _content_type_id(instance)
    if _catalogs_of_source(content_type_id, instance).exists():
        content_type = ContentType.objects.get_for_id(content_type_id)
        RemoveCatalogs(content_type, instance.translation_key, instance.locale_id).execute()
