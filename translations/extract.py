"""Finding the text of any translatable object, and putting translated text back.

One walk serves both directions: it visits every piece of text in the translatable
fields (StreamField blocks of any nesting, rich text split per block element, table
cells) and asks a function what text to put there. Extraction records the text and puts
it back unchanged; building a translation puts the translation there. Everything that is
not text (dates, numbers, images, URLs, page links, choices) is left as the source has it.
"""

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from django.utils.translation import get_language
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.fields import RichTextField, StreamField

from . import richtext
from .fields import synchronised_fields, translatable_fields

MAX_CONTEXT = 255
SEPARATOR = " \u203a "  # "Body › Care card › Heading"

TextFn = Callable[[str, str, str], str]


@dataclass(frozen=True)
class Unit:
    """One translatable text: where it is (context), what it says, and a readable location."""

    context: str
    source: str
    label: str


class MissingTranslation(KeyError):
    """The catalog has no translation for a context the source has."""


def extract(obj):
    """Every translatable text of an object, in reading order."""
    units = []

    def record(context, label, text):
        units.append(Unit(context, text, label))
        return text

    walk(obj, record)
    return units


def translated_copy(source, target, translations: Mapping[str, str]):
    """Set ``target``'s content to ``source``'s, with each text replaced by its translation."""

    def translate(context, label, text):
        try:
            return translations[context]
        except KeyError:
            raise MissingTranslation(context) from None

    for field, value in transformed_fields(source, translate):
        setattr(target, field.name, value)
    for field in synchronised_fields(type(source)):
        setattr(target, field.attname, getattr(source, field.attname))
    return target


def walk(obj, fn: TextFn):
    for _field, _value in transformed_fields(obj, fn):
        pass


def transformed_fields(obj, fn: TextFn):
    for field in translatable_fields(type(obj)):
        value = getattr(obj, field.name)
        label = str(field.verbose_name).capitalize()
        if isinstance(field, StreamField):
            raw = field.stream_block.get_prep_value(value)
            yield field, _block(field.stream_block, raw, field.name, label, fn)
        elif isinstance(field, RichTextField):
            yield field, _rich_text(value or "", field.name, label, fn)
        else:
            yield field, _text(value, field.name, label, fn)


def context_path(*parts):
    """A stable context; very deep paths are shortened with a hash so they stay unique."""
    path = ".".join(str(part) for part in parts)
    if len(path) <= MAX_CONTEXT:
        return path
    digest = hashlib.sha1(path.encode(), usedforsecurity=False).hexdigest()
    return path[: MAX_CONTEXT - len(digest) - 1] + "~" + digest


def _text(value, path, label, fn):
    if not value or not str(value).strip():
        return value
    return fn(context_path(path), label, value)


def _rich_text(html, path, label, fn):
    template, texts = richtext.segment(html)
    if not texts:
        return html
    translated = [fn(context_path(path, i), label, text) for i, text in enumerate(texts, start=1)]
    return richtext.restore(template, translated)


def _block(block, raw, path, label, fn):
    if isinstance(block, blocks.RichTextBlock):
        return _rich_text(raw or "", path, label, fn)
    if isinstance(block, blocks.CharBlock | blocks.TextBlock):
        return _text(raw, path, label, fn)
    if isinstance(block, blocks.StreamBlock):
        return [_stream_child(block, child, path, label, fn) for child in raw or []]
    if isinstance(block, blocks.StructBlock):
        return _struct(block, raw or {}, path, label, fn)
    if isinstance(block, blocks.ListBlock):
        return _list(block, raw or [], path, label, fn)
    if isinstance(block, TableBlock):
        return _table(raw, path, label, fn)
    return raw


def _child_label(label, block):
    return f"{label}{SEPARATOR}{_block_label(block)}"


_BLOCK_LABELS = {}  # (id(block), language): (block, label); the block is kept so its id stays its own


def _block_label(block):
    """A block's label in the active language, translated once per block definition and
    language rather than once per block in the page (a long article has thousands)."""
    key = (id(block), get_language())
    cached = _BLOCK_LABELS.get(key)
    if cached is None or cached[0] is not block:
        cached = _BLOCK_LABELS[key] = (block, str(block.label).capitalize())
    return cached[1]


def _stream_child(block, child, path, label, fn):
    child_block = block.child_blocks.get(child["type"])
    if child_block is None:
        return child
    value = _block(child_block, child["value"], context_path(path, child["id"]), _child_label(label, child_block), fn)
    return {**child, "value": value}


def _struct(block, raw, path, label, fn):
    return {
        name: _block(
            block.child_blocks[name], value, context_path(path, name), _child_label(label, block.child_blocks[name]), fn
        )
        if name in block.child_blocks
        else value
        for name, value in raw.items()
    }


def _list(block, raw, path, label, fn):
    item_label = _child_label(label, block.child_block)
    items = []
    for index, item in enumerate(raw):
        if isinstance(item, dict) and item.get("type") == "item":
            value = _block(block.child_block, item["value"], context_path(path, item["id"]), item_label, fn)
            items.append({**item, "value": value})
        else:
            items.append(_block(block.child_block, item, context_path(path, index), item_label, fn))
    return items


def _table(raw, path, label, fn):
    if not raw:
        return raw
    rows = [
        [
            _text(cell, context_path(path, f"r{r}c{c}"), label, fn) if isinstance(cell, str) else cell
            for c, cell in enumerate(row)
        ]
        for r, row in enumerate(raw.get("data") or [])
    ]
    caption = raw.get("table_caption")
    return {**raw, "data": rows, "table_caption": _text(caption, context_path(path, "caption"), label, fn)}
