"""What the management commands share: finding pages, catalogs and users from arguments."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Site

from .actions import locales_from_codes
from .models import TranslationCatalog

PAGE_HELP = "The source page: its id, or its URL path such as /en/depression/esketamine-and-ketamine-for-depression/."


def find_page(value):
    """A page from its id or its public URL path (with the language prefix)."""
    if str(value).isdigit():
        page = Page.objects.filter(pk=int(value)).first()
    else:
        page = _page_at_path(str(value))
    if page is None:
        raise CommandError(f"No page {value!r}. Give a page id or a URL path such as /en/some-page/.")
    return page.specific


def _page_at_path(path):
    parts = [part for part in path.strip("/").split("/") if part]
    if not parts:
        return None
    locale = Locale.objects.filter(language_code=parts[0]).first()
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if locale is None or site is None:
        return None
    root = site.root_page.get_translation_or_none(locale)
    if root is None:
        return None
    url_path = root.url_path + "".join(f"{part}/" for part in parts[1:])
    return Page.objects.filter(url_path=url_path, locale=locale).first()


def find_locales(codes):
    try:
        return locales_from_codes(codes)
    except ValidationError as error:
        raise CommandError(" ".join(error.messages)) from None


def find_catalog(page, code):
    (locale,) = find_locales([code])
    catalog = (
        TranslationCatalog.objects.filter(
            content_type=ContentType.objects.get_for_model(type(page)),
            translation_key=page.translation_key,
            target_locale=locale,
        )
        .select_related("target_locale", "source_locale", "content_type")
        .first()
    )
    if catalog is None:
        raise CommandError(
            f"“{page}” has no translation into {code} yet. Create it with: manage.py translate_page {page.pk} --locale {code}"
        )
    return catalog


def find_user(username):
    if username is None:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"No user {username!r}.")
    return user
