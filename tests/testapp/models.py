"""Models unrelated to patient information, to prove the plugin is generic: a page type with
identifiers, links and tables, a form page whose fields are inline child objects, a snippet
with drafts, one without, and one that is not translatable at all."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, validate_integer
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Page, RevisionMixin, TranslatableMixin

validate_coordinates = RegexValidator(
    r"\A-?\d{1,2}(\.\d+)?, ?-?\d{1,3}(\.\d+)?\Z", "Coordinates are a latitude and a longitude, e.g. 51.5, -0.12."
)
validate_calm = RegexValidator(r"\A[^!]*\Z", "No exclamation marks, please.")
validate_room_code = RegexValidator(r"\A[A-Z]\d{3}\Z", "A room code is a letter and three digits, e.g. B102.")


class DirectionsBlock(blocks.StructBlock):
    """A block whose own rule spans two children, both translated."""

    text = blocks.CharBlock()
    landmark = blocks.CharBlock()

    def clean(self, value):
        value = super().clean(value)
        if value["landmark"] not in value["text"]:
            raise blocks.StructBlockValidationError(
                block_errors={"landmark": ValidationError("The landmark must appear in the directions.")}
            )
        return value


class ContactBlock(blocks.StructBlock):
    name = blocks.CharBlock()
    email = blocks.EmailBlock(required=False)
    website = blocks.URLBlock(required=False)
    room = blocks.RegexBlock(regex=r"\A[A-Z]\d{3}\Z", required=False)
    extension = blocks.CharBlock(required=False, validators=[validate_integer])
    seats = blocks.IntegerBlock(required=False)


class EventPage(Page):
    venue = models.CharField(max_length=255)
    starts_at = models.DateTimeField(null=True, blank=True)
    description = RichTextField(blank=True)
    programme = StreamField(
        [
            ("session", blocks.StructBlock([("name", blocks.CharBlock()), ("speaker", blocks.CharBlock())])),
            ("notes", blocks.ListBlock(blocks.TextBlock())),
            ("contact", ContactBlock()),
            ("directions", DirectionsBlock()),
            ("motto", blocks.CharBlock(validators=[validate_calm], translatable=True)),
            ("see_also", blocks.PageChooserBlock()),
            (
                "timetable",
                TypedTableBlock(
                    [
                        ("text", blocks.CharBlock()),
                        ("minutes", blocks.IntegerBlock()),
                        ("notes", blocks.RichTextBlock()),
                    ]
                ),
            ),
            ("embed_code", blocks.RawHTMLBlock()),
        ],
        blank=True,
    )
    contact_email = models.EmailField(blank=True)
    booking_url = models.URLField(blank=True)
    coordinates = models.CharField(max_length=40, blank=True, validators=[validate_coordinates])
    room = models.CharField(max_length=4, blank=True, validators=[validate_room_code])
    tagline = models.CharField(max_length=120, blank=True, validators=[validate_calm])
    related_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    # The tagline's validator checks the tone of words, not an identifier: translate it.
    translation_include_fields = ["tagline"]


class Notice(TranslatableMixin, models.Model):
    """A translatable snippet without drafts: its translation appears at the first build."""

    heading = models.CharField(max_length=255)
    text = RichTextField()
    link = models.URLField(blank=True)

    class Meta(TranslatableMixin.Meta):
        pass

    def __str__(self):
        return self.heading


class Announcement(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A translatable snippet with drafts: its translation is a draft until someone publishes it."""

    title = models.CharField(max_length=255)
    body = RichTextField(blank=True)
    more_info = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="announcement")

    class Meta(TranslatableMixin.Meta):
        pass

    def __str__(self):
        return self.title

    @property
    def revisions(self):
        return self._revisions


class Person(models.Model):
    """A snippet that is not translatable."""

    name = models.CharField(max_length=255)

    def __str__(self):
        return self.name


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractForm):
    """Wagtail's form builder: labels, help text and choices live in inline child objects."""

    intro = RichTextField(blank=True)
    thank_you_text = RichTextField(blank=True)

    content_panels = [
        *AbstractForm.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields"),
        FieldPanel("thank_you_text"),
    ]
