"""What in a model is text to translate, what is kept from the source, and what is left alone.

Found by looking at the fields and blocks, so any Wagtail page or snippet model works.

Text is translated: character and text fields, rich text, and the text blocks of a
StreamField. A field or block with validators (an e-mail address, a URL, a slug, a DOI,
coordinates, a number written as text) holds an identifier, not words: it is kept from the
source, so that a translation can neither change it nor fail its validation. Length limits
are not validators in this sense.

A model can say more precisely with optional class attributes:

- ``translatable_fields``: the names of the fields to translate (replaces the guess);
- ``translation_include_fields``: fields to translate although the guess keeps them, such
  as a field whose validator checks words rather than an identifier;
- ``translation_exclude_fields``: fields kept per language, neither translated nor copied
  from the source (for example the date a page in that language was medically reviewed);
  it may also name a child relation (``InlinePanel``) to leave alone.

Inline child objects (a ``ParentalKey`` to the object, edited with ``InlinePanel``: form
fields, phone numbers, ...) are translated with their parent: their text fields are found
the same way, on the child model.

A block says so with ``translatable=True`` (translate it despite its validators) or
``translatable=False`` (never translate it), as a keyword argument or in its ``Meta``.
"""

import functools

from django import forms
from django.apps import apps
from django.core import validators
from django.db import models
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, LockableMixin, Page, RevisionMixin, TranslatableMixin

# Page fields that are text a reader sees; every other Page field is Wagtail's own state.
PAGE_TEXT_FIELDS = ("title", "seo_title", "search_description")

# Validators that limit a text's length or bytes, not what it says.
LENGTH_VALIDATORS = (
    validators.MaxLengthValidator,
    validators.MinLengthValidator,
    validators.ProhibitNullCharactersValidator,
)

# What the walk does with a block that holds a value rather than other blocks.
TEXT, RICH_TEXT, KEPT, UNKNOWN = "text", "rich_text", "kept", "unknown"


@functools.cache
def internal_field_names():
    """Fields of Wagtail's own mixins: computed on first use, once the app registry is ready."""
    names = set()
    for mixin in (Page, TranslatableMixin, RevisionMixin, DraftStateMixin, LockableMixin):
        names.update(field.name for field in mixin._meta.get_fields())
    return frozenset(names - set(PAGE_TEXT_FIELDS))


def has_validators(field):
    """Whether a model or form field checks its value with more than a length limit."""
    return any(not isinstance(validator, LENGTH_VALIDATORS) for validator in field.validators)


def is_text_field(field):
    if isinstance(field, StreamField | RichTextField):
        return True
    return isinstance(field, models.CharField | models.TextField) and not field.choices and not has_validators(field)


def identifier_fields(model):
    """Text fields that other data refers to, kept from the source: Wagtail's form builder
    stores submissions under each form field's ``clean_name``."""
    if apps.is_installed("wagtail.contrib.forms"):
        from wagtail.contrib.forms.models import AbstractFormField

        if issubclass(model, AbstractFormField):
            return {"clean_name"}
    return set()


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
    included = set(getattr(model, "translation_include_fields", ()))
    identifiers = identifier_fields(model)
    return [
        field
        for field in own_fields(model)
        if field.name in included or (is_text_field(field) and field.name not in identifiers)
    ]


def synchronised_fields(model):
    """Fields copied from the source as they are: dates, numbers, images, identifiers, links."""
    translated = {field.name for field in translatable_fields(model)}
    return [field for field in own_fields(model) if field.name not in translated]


def child_relations(model):
    """Inline child relations (``ParentalKey`` to the model) whose children have text to translate."""
    excluded = set(getattr(model, "translation_exclude_fields", ()))
    return [
        relation
        for relation in get_all_child_relations(model)
        if relation.get_accessor_name() not in excluded and translatable_fields(relation.related_model)
    ]


def child_copy_fields(relation):
    """The fields a child's copy takes from the source child: all but its id and its parent."""
    parent_key = relation.field.name
    return [
        field
        for field in relation.related_model._meta.concrete_fields
        if not field.primary_key and field.name != parent_key
    ]


def links_to_translatable(field):
    """A foreign key to a page or another translatable model: it follows the translation."""
    return field.many_to_one and issubclass(field.related_model, TranslatableMixin)


def block_kind(block):
    """TEXT, RICH_TEXT, KEPT or UNKNOWN, for a block that does not hold other blocks."""
    chosen = getattr(block.meta, "translatable", None)
    if isinstance(block, blocks.RichTextBlock):
        return KEPT if chosen is False else RICH_TEXT
    if isinstance(block, blocks.RawHTMLBlock):
        return UNKNOWN  # markup, not text: a translator could break or inject it
    if isinstance(block, blocks.ChooserBlock | blocks.StaticBlock):
        return KEPT
    if not isinstance(block, blocks.FieldBlock):
        return UNKNOWN
    if not isinstance(block.field, forms.CharField):
        return KEPT  # numbers, dates, choices, booleans
    if chosen is not None:
        return TEXT if chosen else KEPT
    return KEPT if has_validators(block.field) else TEXT


def block_class_name(block):
    return f"{type(block).__module__}.{type(block).__qualname__}"
