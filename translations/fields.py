"""Which fields of a model are translated, synchronised from the source, or left alone.

Found by looking at the fields, so any Wagtail page or snippet model works. A model can
say more precisely with two optional class attributes:

- ``translatable_fields``: the names of the fields to translate (replaces the guess);
- ``translation_exclude_fields``: fields kept per language, neither translated nor copied
  from the source (for example the date a page in that language was medically reviewed).
"""

import functools

from django.db import models
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, TranslatableMixin

# Page fields that are text a reader sees; every other Page field is Wagtail's own state.
PAGE_TEXT_FIELDS = ("title", "seo_title", "search_description")


@functools.cache
def internal_field_names():
    """Fields of Wagtail's own mixins: computed on first use, once the app registry is ready."""
    names = set()
    for mixin in (Page, TranslatableMixin, RevisionMixin, DraftStateMixin, LockableMixin):
        names.update(field.name for field in mixin._meta.get_fields())
    return frozenset(names - set(PAGE_TEXT_FIELDS))


def is_text_field(field):
    if isinstance(field, StreamField | RichTextField):
        return True
    return (
        isinstance(field, models.CharField | models.TextField)
        and not isinstance(field, models.SlugField | models.URLField | models.EmailField)
        and not field.choices
    )


def own_fields(model):
    """Concrete, editable fields that hold the object's content, not Wagtail's bookkeeping."""
    excluded = internal_field_names() | set(getattr(model, "translation_exclude_fields", ()))
    return [
        field
        for field in model._meta.concrete_fields
        if field.editable and not field.primary_key and field.name not in excluded and not field.one_to_one
    ]


def translatable_fields(model):
    names = getattr(model, "translatable_fields", None)
    if names is not None:
        return [model._meta.get_field(name) for name in names]
    return [field for field in own_fields(model) if is_text_field(field)]


def synchronised_fields(model):
    """Fields copied from the source as they are: dates, numbers, images, links."""
    translated = {field.name for field in translatable_fields(model)}
    return [field for field in own_fields(model) if field.name not in translated]
