"""Which region's numbers a reader sees, in the language of the page they read.

The region comes from where the reader is, never from their language, and never from a
guess: ``?region=`` or the selector (remembered in a cookie), else the country a CDN puts
in a request header (``CMS_REGION_COUNTRY_HEADER``, for example ``CF-IPCountry``), else
``CMS_DEFAULT_REGION`` when a site serves one country only. A reader from anywhere else
gets no numbers: the care cards say to call the local emergency number, beside the region
selector.

The browser's languages are not a source: they say which language someone reads, not
where they are (``en-US`` is the default of English browsers the world over, and a
Spanish speaker in London sends ``es-ES``); reading a country from them would be a guess.

A response that depends on request headers says so in ``Vary`` (``region_vary_headers``):
the cookie, and the CDN's country header when one is named. The page cache keys its copies
on the same codes (``requested_codes``), so no cache, shared or ours, serves one country's
numbers to another.

Numbers, their kinds and verification come from the live source-language region. Service
names and notes come from its live translation into the page's language when that
translation was built from a complete catalog and has the same numbers; otherwise each
number is named by its kind in the reader's language (an interface string), never in
English.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Subquery
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext, override
from wagtail.coreutils import get_supported_content_language_variant

from translations.models import Segment, TranslationCatalog

from .region_models import Region, RegionNumber, dialable, number_keys
from .regions import country_region

REGION_COOKIE = "region"
REGION_COOKIE_AGE = datetime.timedelta(days=365)


# ---------- From the request ----------


def country_header():
    return getattr(settings, "CMS_REGION_COUNTRY_HEADER", "")


def region_vary_headers():
    """The request headers the region depends on: the cookie, and the CDN's country header if any."""
    return ["Cookie", *filter(None, [country_header()])]


def located_region(request):
    """The region code where the CDN says the reader is; "" without a CDN header or for a country no region serves."""
    header = country_header()
    return country_region(request.headers.get(header, "")) if header else ""


def requested_codes(request):
    """(chosen in the query, chosen before in the cookie, where the reader is): region codes or ""."""
    asked = request.GET.getlist("region")
    return (asked[0] if len(asked) == 1 else "", request.COOKIES.get(REGION_COOKIE, "")[:20], located_region(request))


def choose(codes, known):
    """The first code that names a known region, else the site's default (if it has one), else None."""
    return next((code for code in codes if code in known), None) or (
        settings.CMS_DEFAULT_REGION if settings.CMS_DEFAULT_REGION in known else None
    )


def remember_region(request, response, region):
    """Keep a region the reader chose (``?region=``) in a cookie; say what the numbers depend on."""
    if region is not None and request.GET.get("region") == region.code:
        response.set_cookie(
            REGION_COOKIE,
            region.code,
            max_age=int(REGION_COOKIE_AGE.total_seconds()),
            samesite="Lax",
            secure=request.is_secure(),
            httponly=True,
        )
    patch_vary_headers(response, region_vary_headers())
    return response


# ---------- What a care card shows ----------


@dataclass(frozen=True)
class ShownNumber:
    kind: str
    number: str
    service: str
    note: str = ""

    @property
    def tel(self):
        return dialable(self.number)


@dataclass(frozen=True)
class LocalRegion:
    """A region as a page in one language shows it."""

    code: str
    name: str  # the stored name in the page's language, or the source's
    last_verified: datetime.date
    numbers: list = field(default_factory=list)

    @property
    def numbers_by_level(self):
        return {
            level: [number for number in self.numbers if number.kind in kinds]
            for level, kinds in RegionNumber.LEVELS_SHOWN.items()
        }


@dataclass(frozen=True)
class ReaderRegions:
    """Every region the selector offers and the reader's own, if known."""

    choices: list  # LocalRegion, one per live source region
    current: LocalRegion | None


def kind_label(kind, language):
    with override(language):
        return gettext(str(dict(RegionNumber.KIND_CHOICES)[kind]))


def numbers_of(regions):
    """{region id: its numbers, in order} for many regions, in one query.

    A plain query: modelcluster's ``prefetch_related("numbers")`` costs several times more
    than the query itself, and builds a queryset on each ``.all()``."""
    found = {region.pk: [] for region in regions}
    for number in RegionNumber.objects.filter(region__in=list(found)).order_by("region_id", "sort_order"):
        found[number.region_id].append(number)
    return found


def local_region(source, translation, language, numbers):
    """The source's numbers, with the translation's words when it has exactly the same numbers.
    ``numbers`` holds the numbers of both regions (``numbers_of``)."""
    source_numbers = numbers[source.pk]
    translated = numbers[translation.pk] if translation is not None else None
    if translated is not None and number_keys(translated) == number_keys(source_numbers):
        texts = [(number.service, number.note) for number in translated]
        name = translation.name
    else:
        texts = [(kind_label(number.kind, language), "") for number in source_numbers]
        name = source.name
    numbers = [
        ShownNumber(number.kind, number.number, service, note)
        for number, (service, note) in zip(source_numbers, texts, strict=True)
    ]
    return LocalRegion(source.code, name, source.last_verified, numbers)


def reviewed_translations(locale, sources, candidates, numbers):
    """Of ``candidates`` (live regions in ``locale``, read with ``with_built_content``), the
    translations of ``sources`` whose content is what was built from a complete catalog, by
    translation key. ``numbers`` holds the candidates' numbers (``numbers_of``).

    Publishing from the snippet editor saves a new revision of the same content, so the
    content is compared, not the revision: a translation edited by hand after it was built,
    or a copy never built, is not used.
    """
    keys = {source.translation_key for source in sources}
    return {
        region.translation_key: region
        for region in candidates
        if region.translation_key in keys
        and region.built_content is not None
        and _content(region, numbers[region.pk]) == _built_content(region.built_content)
    }


def with_built_content(regions):
    """Regions annotated with ``built_content``: the content of the revision their catalog last
    built, if that catalog is complete (no unfinished segment); None otherwise."""
    catalogs = TranslationCatalog.objects.filter(
        content_type=ContentType.objects.get_for_model(Region),
        target_locale=OuterRef("locale"),
        translation_key=OuterRef("translation_key"),
        built_revision__isnull=False,
    ).exclude(Exists(Segment.objects.unfinished().filter(catalog=OuterRef("pk"))))
    return regions.annotate(built_content=Subquery(catalogs.values("built_revision__content")[:1]))


def _content(region, numbers):
    return region.name, [(n.kind, n.number, n.service, n.note) for n in numbers]


def _built_content(content):
    """The same, from a revision's stored content (no query, unlike ``as_object()``)."""
    numbers = content.get("numbers") or []
    return content.get("name"), [(n.get("kind"), n.get("number"), n.get("service"), n.get("note")) for n in numbers]


def source_language():
    """The language of the source regions: the default Locale's code, without a query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def regions_for(request, locale):
    """The selector's regions and the reader's own, in the page's language.

    The live source regions and their live translations into the page's language are read
    together, with their numbers and what their catalogs built: two queries.
    """
    language, source_code = locale.language_code, source_language()
    regions = Region.objects.filter(locale__language_code__in={source_code, language}, live=True)
    if language != source_code:
        regions = with_built_content(regions)
    regions = list(regions)
    numbers = numbers_of(regions)
    if language == source_code:
        sources = regions
        translations = {region.translation_key: region for region in regions}
    else:
        sources = [region for region in regions if region.locale_id != locale.pk]
        candidates = [region for region in regions if region.locale_id == locale.pk]
        translations = reviewed_translations(locale, sources, candidates, numbers)
    shown = [local_region(source, translations.get(source.translation_key), language, numbers) for source in sources]
    by_code = {region.code: region for region in shown}
    code = choose(requested_codes(request), by_code) if request is not None else None
    return ReaderRegions(shown, by_code.get(code))


def all_region_codes():
    return set(Region.objects.filter(locale__language_code=source_language(), live=True).values_list("code", flat=True))
