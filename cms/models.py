"""Page models for patient information, and the region data behind care cards."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from . import reading
from .api_fields import TranslationLinksField
from .blocks import ArticleBodyBlock, CareCardBlock, KeyPointsBlock, ReferencesBlock, heading_anchor


class ReadingPageMixin:
    """Every public page shows its languages, their alternates and, on a translation, its
    status against the source (cms.reading)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(reading.page_context(self, request))
        return context

    @property
    def listing_summary(self):
        """What a card or a search result says of the page."""
        return self.search_description or getattr(self, "intro", "")


class HomePage(ReadingPageMixin, Page):
    """The root of one language's tree: one home page per locale."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.TopicIndexPage", "cms.ArticlePage"]

    # Its text reaches readers: it goes live after an editorial (or, translated, linguistic) review.
    editorial_review_required = True

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = TopicIndexPage.objects.child_of(self).live().public().specific()
        return context


class TopicIndexPage(ReadingPageMixin, Page):
    """A health topic, for example depression, listing its articles."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ArticlePage"]

    editorial_review_required = True

    class Meta:
        verbose_name = _("topic index page")
        verbose_name_plural = _("topic index pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = ArticlePage.objects.child_of(self).live().public().order_by("title")
        return context


class ArticlePage(Page):
    """One patient-information article.

    The review dates and the reviewer are read-only in the editor: only a completed
    medical review may set them, and a plain edit never changes them.
    """

    summary = StreamField(
        KeyPointsBlock(),
        verbose_name=_("at a glance"),
        help_text=_("Three to six short key points a reader should take away."),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    references = StreamField(ReferencesBlock(), verbose_name=_("references"), blank=True)
    author = models.CharField(
        _("author"), max_length=255, help_text=_("Name and role, for example \u201cDr Ana Ruiz, psychiatrist\u201d.")
    )
    last_reviewed = models.DateField(_("page last reviewed"), null=True, blank=True)
    next_review_due = models.DateField(_("next review due"), null=True, blank=True)
    reviewed_by = models.CharField(_("medically reviewed by"), max_length=255, blank=True)
    review_cycle_years = models.PositiveSmallIntegerField(
        _("review every (years)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
        help_text=_("How long after a medical review the next one is due. Three years unless the evidence moves fast."),
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    # The JSON API (cms/api.py): what apps and kiosks read, with the other published languages.
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("references"),
        APIField("author"),
        APIField("last_reviewed"),
        APIField("next_review_due"),
        APIField("reviewed_by"),
        APIField("translations", serializer=TranslationLinksField()),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("references"),
        FieldPanel("author"),
        MultiFieldPanel(
            [
                FieldPanel("last_reviewed", read_only=True),
                FieldPanel("next_review_due", read_only=True),
                FieldPanel("reviewed_by", read_only=True),
                FieldPanel("review_cycle_years"),
            ],
            heading=_("Medical review"),
            help_text=_("Set by the medical review when it is approved."),
        ),
    ]

    parent_page_types = ["cms.TopicIndexPage", "cms.HomePage"]
    subpage_types = []

    # Patient information goes live only after medical review (the publish gate), and only
    # the medical sign-off sets the review record (apply_medical_sign_off).
    medical_review_required = True
    sign_off_fields = ["last_reviewed", "next_review_due", "reviewed_by"]

    # Each language version is reviewed on its own: the translation plugin neither
    # translates these nor copies them from the source, and they are not part of the
    # content a reviewer signs off.
    translation_exclude_fields = ["last_reviewed", "next_review_due", "reviewed_by", "review_cycle_years"]

    # The reading age is the article's prose: the list of sources and the author's credit are
    # translated but not scored (their titles and job titles are not what patients read through).
    readability_exclude_fields = ["references", "author"]

    class Meta:
        verbose_name = _("article page")
        verbose_name_plural = _("article pages")

    @property
    def listing_summary(self):
        """What a card or a search result says of the article: its description, else its first key point."""
        if self.search_description:
            return self.search_description
        return next((str(block.value) for block in self.summary if str(block.value).strip()), "")

    def apply_medical_sign_off(self, sign_off):
        """Called by the review workflow on the revision that goes live; never by a plain edit."""
        from translations.review import review_dates

        self.last_reviewed, self.next_review_due = review_dates(sign_off, self.review_cycle_years)
        with translation.override(self.locale.language_code):  # the credit is read in the page's language
            self.reviewed_by = sign_off.display

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        regions = list(Region.objects.prefetch_related("numbers"))
        context.update(reading.article_context(self, request, regions, Region.for_request(request, regions)))
        context["contents"] = [(heading_anchor(b.value), b.value) for b in self.body if b.block_type == "heading"]
        return context

    def serve(self, request, *args, **kwargs):
        """The page; ``?view=bilingual`` on a translation is the sheet with its source beside it."""
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if "bilingual" in context:
            response.template_name = "cms/article_bilingual.html"
        return reading.remember_region(request, response, context.get("region"))


class Region(ClusterableModel):
    """Where the reader is: emergency and crisis numbers belong to a region, not a language."""

    code = models.SlugField(_("code"), max_length=10, unique=True, help_text=_("For example uk, us, eu, es."))
    name = models.CharField(_("name"), max_length=100)
    last_verified = models.DateField(
        _("last verified"), help_text=_("When someone last checked every number against an official source.")
    )

    panels = [FieldPanel("code"), FieldPanel("name"), FieldPanel("last_verified"), InlinePanel("numbers", min_num=1)]

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @classmethod
    def for_request(cls, request, regions=None):
        """The reader's region: ``?region=`` if it names one, else the one they chose before
        (the ``region`` cookie), else the one their browser's languages point to (es-ES:
        Spain), else the site default. Unknown codes are ignored."""
        from .regions import region_from_accept_language

        if regions is None:
            regions = cls.objects.prefetch_related("numbers")
        by_code = {region.code: region for region in regions}
        wanted = (
            [
                request.GET.get("region"),
                request.COOKIES.get(reading.REGION_COOKIE),
                region_from_accept_language(request.headers.get("Accept-Language", "")),
            ]
            if request is not None
            else []
        )
        code = next((code for code in wanted if code in by_code), settings.CMS_DEFAULT_REGION)
        return by_code.get(code)

    @cached_property
    def numbers_by_level(self):
        """Numbers to show on a care card of each urgency level."""
        grouped = {level: [] for level in RegionNumber.LEVELS_SHOWN}
        for number in self.numbers.all():
            for level, kinds in RegionNumber.LEVELS_SHOWN.items():
                if number.kind in kinds:
                    grouped[level].append(number)
        return grouped


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
    note = models.CharField(_("note"), max_length=255, blank=True, help_text=_("For example \u201ccall or text\u201d."))

    panels = [FieldPanel("kind"), FieldPanel("number"), FieldPanel("service"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("phone number")
        verbose_name_plural = _("phone numbers")

    def __str__(self):
        return f"{self.service}: {self.number}"

    @property
    def tel(self):
        return "".join(ch for ch in self.number if ch.isdigit())
