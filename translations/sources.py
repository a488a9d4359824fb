"""What translations start from: pages and snippets, found from admin URLs, with the links to
their translation screens and the languages they are translated into."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from .models import TranslationCatalog
from .targets import has_drafts


def content_type_id_of(obj):
    return obj.content_type_id if isinstance(obj, Page) else ContentType.objects.get_for_model(type(obj)).pk


def catalogs_of(obj):
    """Every catalog an object takes part in, as the source or as a translation."""
    if not isinstance(obj, TranslatableMixin):
        return TranslationCatalog.objects.none()
    return TranslationCatalog.objects.filter(
        content_type_id=content_type_id_of(obj), translation_key=obj.translation_key
    )


def edit_url(obj, user):
    """The object's own edit screen in the admin, if ``user`` may open it; else an empty string."""
    return AdminURLFinder(user).get_edit_url(obj) or ""


def snippet_model(app_label, model_name):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return model if model in get_snippet_models() else None


def source_from_kwargs(kwargs):
    """The page or snippet an admin URL names; 404 for anything else."""
    if "page_id" in kwargs:
        page = get_object_or_404(Page, pk=kwargs["page_id"]).specific
        if page.is_root():
            raise Http404
        return page
    model = snippet_model(kwargs["app_label"], kwargs["model_name"])
    if model is None:
        raise Http404
    try:
        return get_object_or_404(model, pk=unquote(kwargs["pk"]))
    except (ValueError, ValidationError):  # a primary key of the wrong shape
        raise Http404 from None


@dataclass(frozen=True)
class Languages:
    """The languages an object is translated into: ``taken`` ones have their translation (or, for a
    snippet without drafts, will get it at the first build); ``deleted`` ones had it deleted."""

    taken: frozenset
    deleted: frozenset


def languages_of(source):
    started = set(
        catalogs_of(source).filter(source_locale_id=source.locale_id).values_list("target_locale_id", flat=True)
    )
    if not isinstance(source, Page) and not has_drafts(type(source)):
        return Languages(frozenset(started), frozenset())
    existing = set(source.get_translations().values_list("locale_id", flat=True))
    return Languages(frozenset(started & existing), frozenset(started - existing))


def title_of(obj):
    return obj.get_admin_display_title() if isinstance(obj, Page) else str(obj)
