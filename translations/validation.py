"""Checking a translated copy as the site's editor would, before anything is saved.

A translation can fail what the source passes: a length limit, a field or block opted in
to translation despite its validators, a block's own rule over several of its children.
Each problem names where it is (the segment's label and context) and its field, so the
translator knows what to change; a problem the source has too is the source's, not the
translation's, and is left to the site's own editor.
"""

from dataclasses import dataclass

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from wagtail.fields import RichTextField, StreamField

from . import richtext
from .extract import SEPARATOR, Walk, child_label, context_path, field_label
from .fields import TEXT, block_kind, translatable_fields


@dataclass(frozen=True)
class Problem:
    context: str
    label: str
    field: str
    message: str


def clean_error(block, raw):
    """The ValidationError ``block`` raises for a raw value, or None."""
    try:
        block.clean(block.to_python(raw))
    except ValidationError as error:
        return error
    return None


def error_messages(error, path=()):
    """(path below the block, message) for each message of a possibly nested block error."""
    children = getattr(error, "block_errors", None)
    if children is None:
        return [(path, message) for message in error.messages]
    found = [(path, str(message)) for message in error.non_block_errors]
    items = children.items() if isinstance(children, dict) else enumerate(children)
    for key, child in items:
        if child is not None:
            found.extend(error_messages(child, (*path, key)))
    return found


class Validation:
    """Collects the problems of one translated copy."""

    def __init__(self):
        self.problems = []

    def add(self, context, label, message):
        problem = Problem(context, label, label.split(SEPARATOR)[0], message)
        if problem not in self.problems:
            self.problems.append(problem)

    def check_block(self, block, value, source, context, label):
        error = clean_error(block, value)
        if error is None or clean_error(block, source) is not None:
            return
        for path, message in error_messages(error):
            if path and path[0] in getattr(block, "child_blocks", {}):
                self.add(context_path(context, *path), child_label(label, block.child_blocks[path[0]]), message)
            else:
                self.add(context, label, message)

    def check_fields(self, source, target):
        """Model fields other than StreamFields (whose blocks are checked one by one)."""
        for field in translatable_fields(type(source)):
            if isinstance(field, StreamField):
                continue
            error = field_error(field, target)
            if error is not None and field_error(field, source) is None:
                for message in error.messages:
                    self.add(field.name, field_label(field), message)

    def raise_if_any(self, exception_class):
        if self.problems:
            raise exception_class(self.problems)


def field_error(field, obj):
    try:
        field.clean(getattr(obj, field.attname), obj)
    except ValidationError as error:
        return error
    return None


# Checking one segment as it is saved (editor, PO import): pure text checks, and the length
# its field allows, so that a translation too long is refused then, not at build time.


@dataclass(frozen=True)
class Limit:
    max_length: int
    label: str


class _Limits(Walk):
    """The ``max_length`` of the field or block that each plain-text segment goes into."""

    def __init__(self):
        self.limits, self.max_length = {}, None

    def text(self, context, label, text):
        if self.max_length:
            self.limits[context] = Limit(self.max_length, label)
        return text

    def _within(self, max_length, walk, *args):
        outer, self.max_length = self.max_length, max_length
        try:
            return walk(*args)
        finally:
            self.max_length = outer

    def field(self, obj, field, path, label):
        plain = not isinstance(field, StreamField | RichTextField)
        return self._within(
            getattr(field, "max_length", None) if plain else None, super().field, obj, field, path, label
        )

    def leaf(self, block, raw, path, label):
        plain = block_kind(block) == TEXT
        max_length = getattr(getattr(block, "field", None), "max_length", None) if plain else None
        return self._within(max_length, super().leaf, block, raw, path, label)


def length_limits(obj):
    """{context: Limit} for the segments of ``obj`` whose field or block has a ``max_length``."""
    walk = _Limits()
    if obj is not None:
        for _field, _value in walk.run(obj):
            pass
    return walk.limits


def text_problems(source, text):
    """What is wrong with a translation of ``source``, judged from the two texts alone."""
    return richtext.check_characters(source, text) + richtext.check_markup(source, text)


def segment_problems(segment, text, limits=None):
    """What is wrong with ``text`` as the translation of ``segment``: its characters, its
    placeholders and markup, and its length in the field it goes into. ``limits`` (from
    ``length_limits``) saves walking the source again when checking many segments."""
    problems = text_problems(segment.source, text)
    if len(text) > len(segment.source):  # no longer than a source that fits, it fits
        limits = length_limits(segment.catalog.source_object) if limits is None else limits
        limit = limits.get(segment.context)
        if limit is not None and len(text) > limit.max_length:
            problems.append(
                # Translators: e.g. Too long for “Body › Care card › Heading”: 300 characters; it holds at most 255.
                _("Too long for “%(field)s”: %(length)d characters; it holds at most %(max)d.")
                % {"field": limit.label, "length": len(text), "max": limit.max_length}
            )
    return problems


class InvalidTranslation(ValidationError):
    """A built translation fails the site's checks: each problem names its segment and field."""

    def __init__(self, problems):
        self.problems = list(problems)
        lines = [
            # Translators: e.g. “References › Reference › DOI (references.3f2….doi), in the field “References”: Enter a valid DOI.”
            _("%(label)s (%(context)s), in the field “%(field)s”: %(message)s")
            % {"label": p.label, "context": p.context, "field": p.field, "message": p.message}
            for p in self.problems
        ]
        super().__init__([_("The draft was not built; nothing was saved. Change these translations:"), *lines])

    @classmethod
    def from_model_error(cls, error, model):
        """The same, from the ValidationError of a model's own ``full_clean``."""
        problems = []
        for name, messages in getattr(error, "message_dict", {"": error.messages}).items():
            field = model._meta.get_field(name) if name and name != NON_FIELD_ERRORS else None
            label = field_label(field) if field else str(model._meta.verbose_name)
            problems.extend(Problem(name, label, label, message) for message in messages)
        return cls(problems)
