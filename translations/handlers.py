"""Signal handlers, connected in TranslationsConfig.ready()."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from .models import TranslationCatalog
from .tasks import sync_translations_task


def sync_translations_on_publish(sender, instance, **kwargs):
    """A source page was published: bring its translations up to date, after the commit."""
    content_type = ContentType.objects.get_for_model(type(instance.specific))
    has_translations = TranslationCatalog.objects.filter(
        content_type=content_type, translation_key=instance.translation_key, source_locale_id=instance.locale_id
    ).exists()
    if has_translations:
        transaction.on_commit(lambda: sync_translations_task.enqueue(content_type.pk, instance.pk))
