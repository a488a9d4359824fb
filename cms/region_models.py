"""Regions and their emergency and crisis numbers: what care cards show.

A region is a translatable snippet. The English region is the source: its numbers, their
kinds, sources and verification dates are the truth for every language. Each translation
holds the same numbers with the service names and notes in its language; it is made
through the translation catalogs like a page (the numbers are inline child objects, so the
plugin translates their text and copies the rest), saved as a draft, and goes live only
when published by someone allowed to publish regions. Care cards never show a
translation whose numbers differ from the live source (cms.region_lookup).
"""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from .blocks import CareCardBlock


def dialable(number):
    """A phone number as a tel: link dials it: its digits only."""
    return "".join(ch for ch in number if ch.isdigit())


def number_keys(numbers):
    """Each number and its kind, in order (``Region.number_keys``), of numbers already read."""
    return [(number.kind, number.number) for number in numbers]


class Region(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, ClusterableModel):
    """Where the reader is: emergency and crisis numbers belong to a region, not a language."""

    code = models.SlugField(_("code"), max_length=10, help_text=_("For example uk, us, eu, es."))
    name = models.CharField(_("name"), max_length=100)
    last_verified = models.DateField(
        _("last verified"), help_text=_("When someone last checked every number against an official source.")
    )
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="region")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="region",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("name"),
        FieldPanel("last_verified"),
        InlinePanel("numbers", min_num=1, heading=_("Phone numbers")),
    ]

    # Only the name is text to translate; the code and the dates are the same in every language.
    translatable_fields = ["name"]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["code", "locale"], name="unique_region_code_per_language")]

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def number_keys(self):
        """What must match between a source and its translation: each number and its kind, in order."""
        return number_keys(self.numbers.all())


class RegionNumber(Orderable):
    EMERGENCY = "emergency"
    URGENT = "urgent"
    CRISIS = "crisis"
    KIND_CHOICES = [
        (EMERGENCY, _("Emergency (ambulance)")),
        (URGENT, _("Urgent medical advice")),
        (CRISIS, _("Mental health crisis line")),
    ]
    # Which numbers a care card of each level shows.
    LEVELS_SHOWN = {
        CareCardBlock.NON_URGENT: (),
        CareCardBlock.URGENT: (URGENT, CRISIS),
        CareCardBlock.EMERGENCY: (EMERGENCY,),
    }

    region = ParentalKey(Region, on_delete=models.CASCADE, related_name="numbers")
    kind = models.CharField(_("kind"), max_length=20, choices=KIND_CHOICES)
    number = models.CharField(_("number"), max_length=30, help_text=_("As dialled, for example 999 or 116 123."))
    service = models.CharField(_("service"), max_length=150, help_text=_("For example NHS 111 or Samaritans."))
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("Hours, cost, who it is for: for example \u201ccall or text\u201d."),
    )
    source_url = models.URLField(
        _("source"), max_length=500, blank=True, help_text=_("The operator's official page that states this number.")
    )
    verified_on = models.DateField(
        _("verified on"), null=True, blank=True, help_text=_("When someone last checked the number on that page.")
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("number"),
        FieldPanel("service"),
        FieldPanel("note"),
        MultiFieldPanel([FieldPanel("source_url"), FieldPanel("verified_on")], heading=_("Verification")),
    ]

    # The number itself is never translated: only what is said about it.
    translatable_fields = ["service", "note"]

    class Meta(Orderable.Meta):
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")

    def __str__(self):
        return f"{self.service}: {self.number}"

    @property
    def tel(self):
        return dialable(self.number)
