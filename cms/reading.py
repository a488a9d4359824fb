"""What a public page shows around its content: its languages, notices, credits and metadata.

Templates only loop over what these helpers return. Every helper costs a fixed number of
queries whatever the number of languages: the translations of a page are read at once, and
URLs come from Wagtail's cached site root paths.

The translation plugin's records are read, never written: who translated a page comes from
its catalog's segments, who checked it from the review sign-offs.
"""

import json
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from babel.lists import format_list
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language_from_path, gettext
from wagtail.models import Page, Site

from translations.models import Segment, TranslationCatalog
from translations.review import content_hash
from translations.review_models import LINGUISTIC, MEDICAL, ReviewerProfile, SignOff, credit

from . import bilingual
from .templatetags.cms_tags import formatting_locale, hreflang, language_name, text_direction

# Region codes that are not ISO 3166 territory codes, mapped to the code Babel names.
REGION_TERRITORIES = {"uk": "GB"}


def _language_position(code):
    codes = [language for language, _name in settings.LANGUAGES]
    return codes.index(code) if code in codes else len(codes)


# ---------- Languages ----------


@dataclass(frozen=True)
class LanguageVersion:
    """One published language version of a page, as the switcher and the alternates show it."""

    code: str
    name: str  # in its own language, for example "Español"
    hreflang: str
    direction: str
    url: str
    full_url: str
    title: str
    is_current: bool = False


def own_name(code):
    """The language's own name, capitalised as a menu item ("Español"); scripts without case are unchanged."""
    name = language_name(code)
    return name[:1].upper() + name[1:]


def _version(page, request, current_pk=None):
    code = page.locale.language_code
    return LanguageVersion(
        code=code,
        name=own_name(code),
        hreflang=hreflang(code),
        direction=text_direction(code),
        url=page.get_url(request),
        full_url=page.get_full_url(request),
        title=page.title,
        is_current=page.pk == current_pk,
    )


def _versions(pages, request, current_pk=None):
    ordered = sorted(pages, key=lambda page: _language_position(page.locale.language_code))
    return [_version(page, request, current_pk) for page in ordered]


def live_versions(page):
    """Every live, public language version of the page (itself included): one query, which
    both the language switcher and a translation's link to its source read."""
    return list(Page.objects.live().public().filter(translation_key=page.translation_key).select_related("locale"))


def language_versions(page, request, pages=None):
    """Every live, public language version of the page (itself included), in the site's language order."""
    return _versions(live_versions(page) if pages is None else pages, request, current_pk=page.pk)


def site_languages(request):
    """The site's home page in every language it is published in (the 404 page offers these)."""
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return []
    pages = Page.objects.live().public().filter(translation_key=site.root_page.translation_key)
    return _versions(pages.select_related("locale"), request)


def search_languages(request, query):
    """The search page in every language the site is published in, keeping the reader's words:
    someone who searched in the wrong language switches without typing them again."""
    current = translation.get_language()
    found = []
    for version in site_languages(request):
        with translation.override(version.code):
            path = reverse("search")
        url = f"{path}?{urlencode({'q': query})}" if query else path
        found.append(
            replace(version, url=url, full_url=request.build_absolute_uri(path), is_current=version.code == current)
        )
    return found


def default_version(versions):
    """The version for ``hreflang="x-default"``: the site's source language (English)."""
    return next((version for version in versions if version.code == settings.LANGUAGE_CODE), None)


def versions_at_path(request, path):
    """The live versions, in other languages, of the page a missing URL names.

    ``/pl/depression/esketamine/`` names the page at ``depression/esketamine/`` under the
    Polish home page. The page may not exist in Polish, or exist only as a draft; the
    pages at the same place under the other languages' home pages, and their
    translations (whose slugs may differ), are what the reader can go to instead.
    """
    language = get_language_from_path(path)
    if not language:
        return []
    rest = path.split("/", 2)[2] if path.count("/") >= 2 else ""
    candidates = {root.root_path + rest for root in Site.get_site_root_paths()}
    keys = Page.objects.filter(url_path__in=candidates).values("translation_key")
    pages = (
        Page.objects.live()
        .public()
        .filter(translation_key__in=keys)
        .exclude(locale__language_code=language)
        .select_related("locale")
    )
    return _versions(pages, request)


def versions_by_key(translation_keys, request):
    """{translation key: live, public language versions with a URL}, for many pages in one query."""
    pages = Page.objects.live().public().filter(translation_key__in=translation_keys).select_related("locale")
    groups = {}
    for page in pages:
        groups.setdefault(page.translation_key, []).append(page)
    return {key: [v for v in _versions(group, request) if v.full_url] for key, group in groups.items()}


# ---------- Review and translation records ----------


@dataclass
class TranslationInfo:
    """What a reader of a translation is told about it."""

    source: Page | None  # the live source-language page; None if it is not live
    source_language: str
    outdated: bool
    translators: list = field(default_factory=list)


@dataclass
class ReviewRecord:
    """The sign-offs behind the content a reader sees, and, for a translation, its source."""

    medical: SignOff | None = None
    linguistic: SignOff | None = None
    translation: TranslationInfo | None = None

    @property
    def linguist(self):
        return self.linguistic.display if self.linguistic else ""


def sign_offs_for(page):
    """(medical, linguistic) sign-offs of the content the reader sees.

    A sign-off of exactly this content is preferred; otherwise the latest of its role (a
    page published before the review workflow existed, or edited without a second linguist).
    """
    digest = content_hash(page)
    found = {}
    for sign_off in SignOff.objects.filter(page_id=page.pk):  # newest first
        current = found.get(sign_off.role)
        if current is None or (sign_off.content_hash == digest and current.content_hash != digest):
            found[sign_off.role] = sign_off
    return found.get(MEDICAL), found.get(LINGUISTIC)


def source_changed_since(source, moment):
    """Whether the source's live content differs from the content it had at ``moment``.

    A source published again with the same content (a re-review that only moves the review
    dates) is not a change: the content hashes of its medical sign-offs say so.
    """
    if moment is None or source.last_published_at is None or source.last_published_at <= moment:
        return False
    then = SignOff.objects.filter(page_id=source.pk, role=MEDICAL, created_at__lte=moment).first()
    return then is None or then.content_hash != content_hash(source.specific)


def translator_names(catalog, exclude_user_id=None):
    """The people who wrote the catalog's translations, as credited (people without a name are not credited)."""
    people = Segment.objects.filter(catalog=catalog).exclude(updated_by=None).values("updated_by")
    fictional = ReviewerProfile.objects.filter(user=OuterRef("pk"), fictional=True)
    users = (
        get_user_model().objects.filter(pk__in=people).exclude(pk=exclude_user_id).annotate(fictional=Exists(fictional))
    )
    names = {
        credit(user.get_full_name().strip(), fictional=user.fictional) for user in users if user.get_full_name().strip()
    }
    return sorted(names)


def translation_info(page, medical=None, linguistic=None, versions=None):
    """How a translated page stands against its source, or None if the page is not a translation.

    Outdated: the source's content changed after this translation's medical sign-off, or a
    sync of the catalog left segments to revisit. The translation stays live meanwhile.
    ``versions`` are the page's live versions (``live_versions``), if already read.
    """
    unfinished = Segment.objects.filter(catalog=OuterRef("pk")).unfinished()
    catalog = (
        TranslationCatalog.objects.filter(translation_key=page.translation_key, target_locale_id=page.locale_id)
        .select_related("source_locale")
        .annotate(has_unfinished=Exists(unfinished))
        .first()
    )
    if catalog is None:
        return None
    if versions is None:
        versions = live_versions(page)
    source = next((version for version in versions if version.locale_id == catalog.source_locale_id), None)
    moment = medical.created_at if medical else page.last_published_at
    outdated = catalog.has_unfinished or (source is not None and source_changed_since(source, moment))
    return TranslationInfo(
        source=source,
        source_language=catalog.source_locale.language_code,
        outdated=outdated,
        translators=translator_names(catalog, exclude_user_id=linguistic.reviewer_id if linguistic else None),
    )


def review_record(page, versions=None):
    medical, linguistic = sign_offs_for(page)
    return ReviewRecord(medical, linguistic, translation_info(page, medical, linguistic, versions))


def name_list(names, language):
    """``Ana, Ben and Carmen`` in the reader's language."""
    return format_list(list(names), locale=formatting_locale(language)) if names else ""


# ---------- Regions ----------


def region_name(region, language):
    """The region's name in the reader's language, from CLDR (``Reino Unido``); the stored name otherwise."""
    territory = REGION_TERRITORIES.get(region.code, region.code.upper())
    return formatting_locale(language).territories.get(territory, region.name)


def region_choices(regions, language, chosen=None):
    """(code, name, selected) for the region selector, sorted by name in the reader's language."""
    chosen_code = chosen.code if chosen else None
    choices = [(region.code, region_name(region, language), region.code == chosen_code) for region in regions]
    return sorted(choices, key=lambda choice: choice[1].casefold())


# ---------- Structured data ----------

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _person(name, job_title="", fictional=False):
    person = {"@type": "Person", "name": name}
    if job_title:
        person["jobTitle"] = job_title
    if fictional:
        # Translators: the description of a person in a page's structured data on a demo site.
        person["description"] = gettext("A fictional person: this is demo content.")
    return person


def medical_web_page(page, request, versions, record):
    """The schema.org ``MedicalWebPage`` description of an article, as a dict."""
    data = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": hreflang(page.locale.language_code),
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
    }
    if page.search_description:
        data["description"] = page.search_description
    if page.author:
        data["author"] = _person(page.author)
    if page.last_reviewed:
        data["lastReviewed"] = page.last_reviewed.isoformat()
    if record.medical:
        data["reviewedBy"] = _person(record.medical.reviewer_name, record.medical.credentials, record.medical.fictional)
    elif page.reviewed_by:
        data["reviewedBy"] = _person(page.reviewed_by)
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    translation = record.translation
    if translation and translation.source:
        source = next((v for v in versions if v.code == translation.source_language), None)
        if source:
            data["translationOfWork"] = {
                "@type": "MedicalWebPage",
                "url": source.full_url,
                "inLanguage": source.hreflang,
            }
    elif translation is None:
        others = [v for v in versions if not v.is_current]
        if others:
            data["workTranslation"] = [
                {"@type": "MedicalWebPage", "url": v.full_url, "inLanguage": v.hreflang} for v in others
            ]
    return data


def json_ld(data):
    """A ``<script type="application/ld+json">`` element; ``<``, ``>`` and ``&`` are escaped so
    no text from the page can close the script."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).translate(_JSON_SCRIPT_ESCAPES)
    # The JSON is escaped above; HTML-escaping it would corrupt it, as a script's text is not decoded.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


# ---------- What each page's template receives ----------


def page_context(page, request, record=None):
    """Languages, alternates and the translation notice: every public page shows these."""
    pages = live_versions(page)
    versions = language_versions(page, request, pages)
    record = record or review_record(page, pages)
    return {
        "language_versions": versions if len(versions) > 1 else [],
        "x_default": default_version(versions) if len(versions) > 1 else None,
        "review": record,
        "translation": record.translation,
    }


def article_context(page, request, regions):
    """What an article adds: credits, structured data, the region selector, the bilingual sheet."""
    language = page.locale.language_code
    context = page_context(page, request)
    record = context["review"]
    translation = record.translation
    context.update(
        {
            "translators": name_list(translation.translators, language) if translation else "",
            "structured_data": json_ld(medical_web_page(page, request, context["language_versions"] or [], record)),
            "region": regions.current,
            "region_name": region_name(regions.current, language) if regions.current else "",
            "region_choices": region_choices(regions.choices, language, regions.current),
            "has_care_cards": any(block.block_type == "care_card" for block in page.body),
        }
    )
    if translation and translation.source:
        context["bilingual_url"] = f"{page.get_url(request)}?view={bilingual.VIEW}"
        if request.GET.get("view") == bilingual.VIEW:
            source = translation.source.specific
            context["bilingual_source"] = source
            context["bilingual"] = bilingual.sections(page, source, bilingual.changed_since_checked(record, source))
    return context
