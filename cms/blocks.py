"""StreamField blocks for patient-information pages.

The blocks follow the NHS content patterns (care cards, warning callout, inset text,
details, do and don't lists). Every block that holds text keeps it in plain Char, Text or
RichText blocks so the translation plugin can find it by walking the stream.
"""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

# Inline features only: headings come from HeadingBlock so the contents list can find them.
INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def heading_anchor(text):
    """The fragment id of a section heading; Unicode-aware so Arabic and Chinese work."""
    return slugify(text, allow_unicode=True) or "section"


class HeadingBlock(blocks.CharBlock):
    def get_context(self, value, parent_context=None):
        return {**super().get_context(value, parent_context), "anchor": heading_anchor(value)}

    class Meta:
        icon = "title"
        label = _("Section heading")
        template = "cms/blocks/heading.html"
        help_text = _("A second-level heading; it also appears in the contents list.")


class CareCardBlock(blocks.StructBlock):
    """When to get help. The phone numbers come from region data, never from the text."""

    NON_URGENT = "non-urgent"
    URGENT = "urgent"
    EMERGENCY = "emergency"

    level = blocks.ChoiceBlock(
        choices=[
            (NON_URGENT, _("Non-urgent: speak to your care team")),
            (URGENT, _("Urgent: get advice now")),
            (EMERGENCY, _("Emergency: call an ambulance")),
        ],
        default=NON_URGENT,
        label=_("Urgency"),
    )
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    body = blocks.RichTextBlock(features=["bold", "ul", "ol"], label=_("Body"))

    def get_context(self, value, parent_context=None):
        """The region comes from the page's context; the card shows its numbers for this level."""
        context = super().get_context(value, parent_context)
        region = context.get("region")
        context["numbers"] = region.numbers_by_level[value["level"]] if region else []
        return context

    class Meta:
        icon = "warning"
        label = _("Care card")
        template = "cms/blocks/care_card.html"


class WarningCalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    body = blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Body"))

    class Meta:
        icon = "warning"
        label = _("Warning callout")
        template = "cms/blocks/warning_callout.html"


class InsetTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=INLINE_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Inset text")
        template = "cms/blocks/inset_text.html"


class DetailsBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=255)
    answer = blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Details (question and answer)")
        template = "cms/blocks/details.html"


class DoDontBlock(blocks.StructBlock):
    do = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Do"))
    dont = blocks.ListBlock(blocks.CharBlock(label=_("Item")), label=_("Don't"))

    class Meta:
        icon = "list-ul"
        label = _("Do and don't lists")
        template = "cms/blocks/do_dont.html"


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Caption"), max_length=255)
    table = TableBlock(
        label=_("Table"),
        table_options={"contextMenu": ["row_above", "row_below", "col_left", "col_right", "remove_row", "remove_col"]},
    )

    class Meta:
        icon = "table"
        label = _("Table")
        template = "cms/blocks/table.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=255,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=255, required=False)

    def clean(self, value):
        # Enforced on drafts too: Wagtail relaxes required fields when saving a draft.
        value = super().clean(value)
        if value.get("image") and not (value.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"alt_text": ValidationError(_("Every image needs alternative text."))}
            )
        return value

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=INLINE_FEATURES, label=_("Text"), template="cms/blocks/paragraph.html")
    care_card = CareCardBlock()
    warning_callout = WarningCalloutBlock()
    inset_text = InsetTextBlock()
    details = DetailsBlock()
    do_dont = DoDontBlock()
    table = TableWithCaptionBlock()
    image = ImageBlock()


class KeyPointsBlock(blocks.StreamBlock):
    point = blocks.CharBlock(label=_("Key point"), max_length=300)


# Identifiers have validators, so the translation plugin keeps them from the source.
validate_doi = RegexValidator(
    r"\A10\.", message=_("A DOI starts with \u201c10.\u201d, for example 10.1056/NEJMoa2302399.")
)
validate_pmid = RegexValidator(r"\A\d+\Z", message=_("A PubMed ID is a number, for example 31166571."))


class ReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=500)
    publisher = blocks.CharBlock(label=_("Publisher or journal"), max_length=255, required=False)
    year = blocks.IntegerBlock(label=_("Year"), min_value=1800, max_value=2100, required=False)
    url = blocks.URLBlock(label=_("URL"), required=False)
    doi = blocks.CharBlock(
        label=_("DOI"),
        max_length=255,
        required=False,
        validators=[validate_doi],
        help_text=_("For example 10.1001/jamapsychiatry.2019.1189"),
    )
    pmid = blocks.CharBlock(label=_("PubMed ID"), max_length=20, required=False, validators=[validate_pmid])

    def clean(self, value):
        value = super().clean(value)
        if not (value.get("title") or "").strip():
            # Enforced on drafts too: Wagtail relaxes required fields when saving a draft.
            raise blocks.StructBlockValidationError(
                block_errors={"title": ValidationError(_("Every reference needs a title."))}
            )
        return value

    class Meta:
        icon = "doc-full"
        label = _("Reference")


class ReferencesBlock(blocks.StreamBlock):
    reference = ReferenceBlock()
