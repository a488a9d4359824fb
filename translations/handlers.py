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


def guard_publish(sender, instance, raw=False, update_fields=None, **kwargs):
    """The publish gate: a page that needs medical review is saved live only with signed-off content."""
    from .review import needs_medical_review, publish_refusal
    from .review_models import ReviewRefused

    if raw or not needs_medical_review(sender):
        return
    if update_fields is not None and "live" not in update_fields and not _touches_content(sender, update_fields):
        return
    reason = publish_refusal(instance)
    if reason:
        raise ReviewRefused(reason)


def _touches_content(model, update_fields):
    from .fields import own_fields

    return bool({field.name for field in own_fields(model)} & set(update_fields))
