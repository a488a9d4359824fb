"""A page model unrelated to patient information, to prove the plugin is generic."""

from django.db import models
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin


class EventPage(Page):
    venue = models.CharField(max_length=255)
    starts_at = models.DateTimeField(null=True, blank=True)
    description = RichTextField(blank=True)
    programme = StreamField(
        [
            ("session", blocks.StructBlock([("name", blocks.CharBlock()), ("speaker", blocks.CharBlock())])),
            ("notes", blocks.ListBlock(blocks.TextBlock())),
        ],
        blank=True,
    )


class Notice(TranslatableMixin, models.Model):
    """A translatable snippet: proves snippets are translated the same way as pages."""

    heading = models.CharField(max_length=255)
    text = RichTextField()
    link = models.URLField(blank=True)

    class Meta(TranslatableMixin.Meta):
        pass

    def __str__(self):
        return self.heading
