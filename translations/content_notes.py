"""What the translation screens and the QA report say about content that is not text to
translate: blocks of a kind the plugin cannot translate, and links to other pages."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from .extract import extraction, object_links
from .languages import language_name
from .links import Localizer


@dataclass(frozen=True)
class SkippedNote:
    """A block of the source that is copied as it is: where it is, and a sentence naming its field and kind."""

    context: str
    text: str


def skipped_notes(source):
    return [
        SkippedNote(
            skip.context,
            # Translators: e.g. “Body › Embed code (wagtail.blocks.RawHTMLBlock) is not translated: …”
            _(
                "%(location)s (%(block)s) is not translated: this kind of block is copied from the source as it is. "
                "Change it in each translation's own editor if it holds words."
            )
            % {"location": skip.label, "block": skip.block},
        )
        for skip in extraction(source).skips
    ]


@dataclass(frozen=True)
class LinkNote:
    """A link of the source and where its translation's link points."""

    label: str
    text: str
    translated: bool


def link_notes(catalog):
    """Where each link to a page or a translatable snippet points in the translation, and why."""
    source = catalog.source_object
    found = object_links(source)
    localizer = Localizer(catalog.target_locale_id, found)
    language = language_name(catalog.target_locale)
    notes = []
    for link in found:
        resolution = localizer.resolution(link.model, link.pk)
        if resolution is None:
            continue
        values = {"title": resolution.source, "language": language, "translation": resolution.translation}
        if resolution.reachable:
            # Translators: e.g. “Links to “Depresión”, the español (es) translation of “Depression”.”
            text = _("Links to “%(translation)s”, the %(language)s translation of “%(title)s”.")
        elif resolution.translation is not None:
            text = _(
                "Links to “%(title)s” in the source language until its %(language)s translation is published; "
                "build the draft again then."
            )
        else:
            text = _("Links to “%(title)s” in the source language: it has no %(language)s translation.")
        notes.append(LinkNote(link.label, text % values, resolution.reachable))
    return notes
