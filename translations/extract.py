"""Finding the text of any translatable object, and putting translated text back.

One walk serves every direction: it visits every piece of text in the translatable fields
(StreamField blocks of any nesting, rich text split per block element, table cells, typed
table headings and cells, and the text fields of inline child objects such as form fields)
and every link to a page or another translatable object, and
asks what to put there. Extraction records the text and puts it back unchanged; building a
translation puts the translation there and links to the translated pages. Everything else
(dates, numbers, images, identifiers, choices) is kept as the source has it; a block the
walk does not know is kept too, and reported, never passed over in silence.
"""

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.text import capfirst
from django.utils.translation import get_language
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.contrib.typed_table_block.blocks import BaseTypedTableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from . import links, richtext
from .fields import (
    KEPT,
    RICH_TEXT,
    TEXT,
    UNKNOWN,
    block_class_name,
    block_kind,
    child_copy_fields,
    child_relations,
    links_to_translatable,
    synchronised_fields,
    translatable_fields,
)

MAX_CONTEXT = 255
SEPARATOR = " \u203a "  # "Body › Care card › Heading"


@dataclass(frozen=True)
class Unit:
    """One translatable text: where it is (context), what it says, and a readable location."""

    context: str
    source: str
    label: str


@dataclass(frozen=True)
class Skipped:
    """Content of a kind the walk cannot translate: kept from the source, and reported."""

    context: str
    label: str
    block: str


class MissingTranslation(KeyError):
    """The catalog has no translation for a context the source has."""


@dataclass(frozen=True)
class ChildRelation:
    """An inline child relation, where ``Walk.run`` yields a field: its children are set as a whole."""

    name: str
    many_to_one = False

    @property
    def attname(self):
        return self.name


def context_path(*parts):
    """A stable context; very deep paths are shortened with a hash so they stay unique."""
    path = ".".join(str(part) for part in parts)
    if len(path) <= MAX_CONTEXT:
        return path
    digest = hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()
    return path[: MAX_CONTEXT - len(digest) - 1] + "~" + digest


def child_label(label, block):
    return f"{label}{SEPARATOR}{block_label(block)}"


_BLOCK_LABELS = {}  # (id(block), language): (block, label); the block is kept so its id stays its own


def block_label(block):
    """A block's label in the active language, translated once per block definition and
    language rather than once per block in the page (a long article has thousands)."""
    key = (id(block), get_language())
    cached = _BLOCK_LABELS.get(key)
    if cached is None or cached[0] is not block:
        cached = _BLOCK_LABELS[key] = (block, capfirst(str(block.label)))
    return cached[1]


def field_label(field):
    return capfirst(str(field.verbose_name))


class Walk:
    """A walk over an object's content. Subclasses decide what happens at each stop."""

    def text(self, context, label, text):
        """The text to put where ``text`` is."""
        return text

    def link(self, context, label, model, pk):
        """The primary key to link to where the source links to ``model`` ``pk``."""
        return pk

    def skipped(self, context, label, block):
        """``block`` holds content the walk cannot translate."""

    def check(self, block, value, source, context, label):
        """A block now holds ``value`` where the source has ``source`` (both raw)."""

    def run(self, obj):
        """(field, new value) for every translatable field, every link to a translatable object,
        then (``ChildRelation``, new children) for every inline child relation with text."""
        for field in translatable_fields(type(obj)):
            yield field, self.field(obj, field, field.name, field_label(field))
        for field in synchronised_fields(type(obj)):
            pk = getattr(obj, field.attname)
            if links_to_translatable(field) and pk is not None:
                yield field, self.link(field.name, field_label(field), field.related_model, pk)
        for relation in child_relations(type(obj)):
            yield ChildRelation(relation.get_accessor_name()), self.children(relation, obj)

    def field(self, obj, field, path, label):
        value = getattr(obj, field.name)
        if isinstance(field, StreamField):
            return self.block(field.stream_block, field.stream_block.get_prep_value(value), path, label)
        if isinstance(field, RichTextField):
            return self.rich_text(value or "", path, label)
        return self.plain_text(value, path, label)

    def children(self, relation, obj):
        """A copy of each inline child with its texts walked, to replace the target's children.

        A child's place is its relation and its id in the source (``numbers.12.service``), so
        reordering the children keeps their translations; the copies have no id of their own.
        """
        name, label = relation.get_accessor_name(), capfirst(str(relation.related_model._meta.verbose_name))
        copies = []
        for index, child in enumerate(getattr(obj, name).all(), start=1):
            copy = relation.related_model(**{f.attname: getattr(child, f.attname) for f in child_copy_fields(relation)})
            place = context_path(name, child.pk if child.pk is not None else f"new{index}")
            for field in translatable_fields(type(child)):
                path, field_text = context_path(place, field.name), f"{label} {index}{SEPARATOR}{field_label(field)}"
                setattr(copy, field.name, self.field(child, field, path, field_text))
            copies.append(copy)
        return copies

    def plain_text(self, value, path, label):
        if not value or not str(value).strip():
            return value
        return self.text(context_path(path), label, value)

    def rich_text(self, html, path, label):
        template, texts = richtext.segment(html)
        if texts:
            translated = [self.text(context_path(path, i), label, text) for i, text in enumerate(texts, start=1)]
            html = richtext.restore(template, translated)
        return links.relink_rich_text(html, lambda pk: self.link(path, label, Page, pk))

    def block(self, block, raw, path, label):
        if isinstance(block, blocks.StreamBlock):
            return [self.stream_child(block, child, path, label) for child in raw or []]
        if isinstance(block, blocks.StructBlock):
            return self.struct(block, raw or {}, path, label)
        if isinstance(block, blocks.ListBlock):
            return self.list(block, raw or [], path, label)
        if isinstance(block, TableBlock):
            return self.table(block, raw, path, label)
        if isinstance(block, BaseTypedTableBlock):
            return self.typed_table(block, raw, path, label)
        return self.leaf(block, raw, path, label)

    def leaf(self, block, raw, path, label):
        kind = block_kind(block)
        if kind == RICH_TEXT:
            return self.rich_text(raw or "", path, label)
        if kind == TEXT:
            value = self.plain_text(raw, path, label)
            if value != raw:
                self.check(block, value, raw, path, label)
            return value
        if kind == KEPT and isinstance(block, blocks.ChooserBlock) and raw is not None:
            return self.chosen(block, raw, path, label)
        if kind == UNKNOWN and raw not in (None, "", [], {}):
            self.skipped(path, label, block)
        return raw

    def chosen(self, block, raw, path, label):
        model = block.target_model
        return self.link(path, label, model, raw) if links.is_translatable(model) else raw

    def stream_child(self, block, child, path, label):
        child_block = block.child_blocks.get(child["type"])
        if child_block is None:
            return child
        value = self.block(
            child_block, child["value"], context_path(path, child["id"]), child_label(label, child_block)
        )
        return {**child, "value": value}

    def struct(self, block, raw, path, label):
        value = {
            name: self.block(
                block.child_blocks[name], item, context_path(path, name), child_label(label, block.child_blocks[name])
            )
            if name in block.child_blocks
            else item
            for name, item in raw.items()
        }
        if value != raw and type(block).clean is not blocks.StructBlock.clean:
            self.check(block, value, raw, path, label)  # the block's own rule may involve several children
        return value

    def list(self, block, raw, path, label):
        item_label = child_label(label, block.child_block)
        items = []
        for index, item in enumerate(raw):
            if isinstance(item, dict) and item.get("type") == "item":
                value = self.block(block.child_block, item["value"], context_path(path, item["id"]), item_label)
                items.append({**item, "value": value})
            else:
                items.append(self.block(block.child_block, item, context_path(path, index), item_label))
        return items

    def table(self, block, raw, path, label):
        """A table's cells and caption. Cells are plain text, or HTML where the table's
        ``renderer`` is ``"html"`` (Wagtail then outputs them unescaped): those are split like
        rich text, so a translator's text in them is escaped and their tags come from the source."""
        if not raw:
            return raw
        cell_text = self.rich_text if block.is_html_renderer() else self.plain_text
        rows = [
            [
                cell_text(cell, context_path(path, f"r{r}c{c}"), label) if isinstance(cell, str) else cell
                for c, cell in enumerate(row)
            ]
            for r, row in enumerate(raw.get("data") or [])
        ]
        caption = self.plain_text(raw.get("table_caption"), context_path(path, "caption"), label)
        return {**raw, "data": rows, "table_caption": caption}

    def typed_table(self, block, raw, path, label):
        """A typed table: column headings and the caption are text; each cell is a block of its column's type."""
        if not raw:
            return raw
        columns = raw.get("columns") or []
        kinds = [block.child_blocks.get(column.get("type")) for column in columns]
        headings = [
            {**column, "heading": self.plain_text(column.get("heading"), context_path(path, f"h{c}"), label)}
            for c, column in enumerate(columns)
        ]
        rows = [
            {
                **row,
                "values": [
                    self.cell(kinds, c, value, context_path(path, f"r{r}c{c}"), label)
                    for c, value in enumerate(row.get("values") or [])
                ],
            }
            for r, row in enumerate(raw.get("rows") or [])
        ]
        caption = self.plain_text(raw.get("caption"), context_path(path, "caption"), label)
        return {**raw, "columns": headings, "rows": rows, "caption": caption}

    def cell(self, kinds, column, value, path, label):
        kind = kinds[column] if column < len(kinds) else None
        return value if kind is None else self.block(kind, value, path, child_label(label, kind))


class Extraction(Walk):
    """Records every text and every block it cannot translate."""

    def __init__(self):
        self.units, self.skips = [], []

    def text(self, context, label, text):
        self.units.append(Unit(context, text, label))
        return text

    def skipped(self, context, label, block):
        self.skips.append(Skipped(context, label, block_class_name(block)))


def extraction(obj):
    """What an object holds: its texts (``units``) and the blocks it cannot translate (``skips``)."""
    walk = Extraction()
    for _field, _value in walk.run(obj):
        pass
    return walk


def extract(obj):
    """Every translatable text of an object, in reading order."""
    return extraction(obj).units


class LinkSearch(Walk):
    """Finds the links only, without splitting any text into segments."""

    def __init__(self):
        self.links = []

    def link(self, context, label, model, pk):
        self.links.append(links.Link(context, label, model, pk))
        return pk

    def plain_text(self, value, path, label):
        return value

    def rich_text(self, html, path, label):
        return links.relink_rich_text(html, lambda pk: self.link(path, label, Page, pk))


def object_links(obj):
    """Every link of an object to a page or another translatable object, in reading order."""
    walk = LinkSearch()
    for _field, _value in walk.run(obj):
        pass
    return walk.links


class TranslatedCopy(Walk):
    """Puts the translations in, links to translated pages, and checks every block that changed."""

    def __init__(self, translations: Mapping[str, str], localizer, validation):
        self.translations, self.localizer, self.validation = translations, localizer, validation

    def text(self, context, label, text):
        try:
            return self.translations[context]
        except KeyError:
            raise MissingTranslation(context) from None

    def link(self, context, label, model, pk):
        return self.localizer.localized_pk(model, pk)

    def rich_text(self, html, path, label):
        try:
            return super().rich_text(html, path, label)
        except richtext.MarkupError as error:  # a segment changed behind the actions' checks
            if self.validation is None:
                raise
            self.validation.add(path, label, str(error))
            return html

    def check(self, block, value, source, context, label):
        if self.validation is not None:
            self.validation.check_block(block, value, source, context, label)


def translated_copy(source, target, translations: Mapping[str, str], localizer=None, validation=None):
    """Set ``target``'s content to ``source``'s, with each text replaced by its translation.

    Links to pages and other translatable objects point to their translation into the
    target's language when it is published (``links.Localizer``). Given a
    ``validation.Validation``, the blocks and fields that changed are checked as the site's
    editor would check them, and their problems collected there for the caller.
    """
    localizer = localizer or links.Localizer(target.locale_id, object_links(source))
    walk = TranslatedCopy(translations, localizer, validation)
    for field in synchronised_fields(type(source)):
        setattr(target, field.attname, getattr(source, field.attname))
    for field, value in walk.run(source):
        if isinstance(field, ChildRelation):
            for child in value:
                if hasattr(child, "locale_id"):
                    child.locale_id = target.locale_id  # a translatable child belongs to its parent's language
        setattr(target, field.attname if field.many_to_one else field.name, value)
    if validation is not None:
        validation.check_fields(source, target)
    return target
