"""Page models for patient information, and the region data behind care cards."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from . import reading, region_lookup
from .api_fields import TranslationLinksField
from .blocks import ArticleBodyBlock, KeyPointsBlock, ReferencesBlock, heading_anchor
from .region_models import Region, RegionNumber
from .routing import PathRoutingMixin

__all__ = ["ArticlePage", "HomePage", "Region", "RegionNumber", "TopicIndexPage"]


class ReviewRecordPanel(FieldPanel):
    """A field of the review record, shown read-only: only the medical review sets it. Before the
    first review it says so, rather than Python's "None"."""

    def format_value_for_display(self, value):
        if value is None or value == "":
            # Translators: the review date or reviewer of a page that has not been medically reviewed yet
            return _("Not reviewed yet")
        return super().format_value_for_display(value)


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


class HomePage(PathRoutingMixin, ReadingPageMixin, Page):
    """The root of one language's tree: one home page per locale. It finds the page a URL names
    in one query (cms.routing)."""

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
                ReviewRecordPanel("last_reviewed", read_only=True),
                ReviewRecordPanel("next_review_due", read_only=True),
                ReviewRecordPanel("reviewed_by", read_only=True),
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
        context.update(reading.article_context(self, request, region_lookup.regions_for(request, self.locale)))
        context["contents"] = [(heading_anchor(b.value), b.value) for b in self.body if b.block_type == "heading"]
        return context

    def serve(self, request, *args, **kwargs):
        """The page; ``?view=bilingual`` on a translation is the sheet with its source beside it."""
        response = super().serve(request, *args, **kwargs)
        context = getattr(response, "context_data", None) or {}
        if "bilingual" in context:
            response.template_name = "cms/article_bilingual.html"
        return region_lookup.remember_region(request, response, context.get("region"))
