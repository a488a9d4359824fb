"""What the management commands share: finding pages, snippets, catalogs and users from arguments."""

import re

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.management.base import CommandError
from wagtail.models import Locale, Page, Site

from .actions import locales_from_codes
from .models import TranslationCatalog
from .sources import snippet_model
from .targets import check_translatable

PAGE_HELP = (
    "The source: a page id, a page's URL path such as /en/depression/esketamine-and-ketamine-for-depression/, "
    "or a snippet as app_label.model:id such as testapp.announcement:3."
)
SNIPPET = re.compile(r"\A(?P<app_label>\w+)\.(?P<model_name>\w+):(?P<pk>.+)\Z")


def find_source(value):
    """A page from its id or its public URL path (with the language prefix), or a snippet as app_label.model:id."""
    value = str(value)
    snippet = SNIPPET.match(value)
    if snippet:
        return _snippet(value, **snippet.groupdict())
    page = Page.objects.filter(pk=int(value)).first() if value.isdigit() else _page_at_path(value)
    if page is None:
        raise CommandError(
            f"No page {value!r}. Give a page id, a URL path such as /en/some-page/, or a snippet as app_label.model:id."
        )
    return page.specific


def _snippet(value, app_label, model_name, pk):
    model = snippet_model(app_label, model_name.lower())
    if model is None:
        raise CommandError(
            f"No snippet model {app_label}.{model_name}: name a registered snippet as app_label.model:id."
        )
    try:
        found = model._default_manager.filter(pk=pk).first()
    except (ValueError, ValidationError):
        found = None
    if found is None:
        raise CommandError(f"No {model._meta.verbose_name} {pk!r} ({value}).")
    try:
        check_translatable(found)
    except ValidationError as error:
        raise CommandError(" ".join(error.messages)) from None
    return found


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


def find_catalog(source, code):
    (locale,) = find_locales([code])
    catalog = (
        TranslationCatalog.objects.filter(
            content_type=ContentType.objects.get_for_model(type(source)),
            translation_key=source.translation_key,
            target_locale=locale,
        )
        .select_related("target_locale", "source_locale", "content_type")
        .first()
    )
    if catalog is None:
        raise CommandError(
            f"“{source}” has no translation into {code} yet. Create it with: "
            f"manage.py translate_page {source_argument(source)} --locale {code}"
        )
    return catalog


def source_argument(source):
    """How the commands name ``source``: a page id, or app_label.model:id for a snippet."""
    if isinstance(source, Page):
        return str(source.pk)
    return f"{source._meta.app_label}.{source._meta.model_name}:{source.pk}"


def find_user(username):
    if username is None:
        return None
    user = get_user_model().objects.filter(username=username).first()
    if user is None:
        raise CommandError(f"No user {username!r}.")
    return user
