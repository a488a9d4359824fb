"""Background work, run by django-tasks (immediately in development, by `db_worker` in production)."""

from django.contrib.contenttypes.models import ContentType
from django_tasks import task


@task()
def sync_translations_task(content_type_id, object_id):
    from .actions import SyncTranslations

    model = ContentType.objects.get_for_id(content_type_id).model_class()
    source = model._default_manager.filter(pk=object_id).first()
    if source is not None:
        SyncTranslations(source).execute()
