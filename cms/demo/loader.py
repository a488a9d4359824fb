"""Loading the demo site: languages, home pages, articles, regions, people.

Every step finds what it made last time and brings it up to date, so running it again
leaves one copy of everything and adds no revision when nothing changed.
"""

import uuid
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from translations import catalogs
from translations.actions import BuildTranslation, CreateTranslation
from translations.po_import import ImportPO

from ..models import ArticlePage, HomePage, TopicIndexPage
from ..regions import load_regions
from ..roles import SOURCE_LANGUAGE, ensure_groups
from . import content
from .users import DEMO_PASSWORD, USERS

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"

# Block ids are derived from the page and position, so reloading keeps them stable.
ID_NAMESPACE = uuid.UUID("6f1c9a52-3b7e-4d0a-9c55-2f0d6c1e8a41")
REVIEW_CYCLE_YEARS = 3


def block_id(*parts):
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(p) for p in parts)))


def raw_stream(prefix, items):
    """Raw StreamField data from (block type, value) pairs, with stable ids."""
    return [
        {"type": block_type, "value": _raw_value(f"{prefix}/{i}", value), "id": block_id(prefix, i)}
        for i, (block_type, value) in enumerate(items)
    ]


def _raw_value(prefix, value):
    if isinstance(value, dict):
        return {key: _raw_value(f"{prefix}/{key}", item) for key, item in value.items()}
    if isinstance(value, list) and prefix.endswith(("/do", "/dont")):
        return [{"type": "item", "value": item, "id": block_id(prefix, i)} for i, item in enumerate(value)]
    return value


def years_later(day, years):
    """The same calendar day some years later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def load_demo():
    """Load everything; return the demo logins as (username, role, name) triples."""
    locales = ensure_locales()
    home = ensure_home_pages(locales)
    topic = ensure_page(
        home,
        TopicIndexPage,
        slug=content.TOPIC["slug"],
        title=content.TOPIC["title"],
        intro=content.TOPIC["intro"],
    )
    reviewer = next(u for u in USERS if u[0] == "reviewer_en")
    reviewed_by = f"{reviewer[1]} {reviewer[2]}, {reviewer[3]}"
    articles = [ensure_article(topic, article, reviewed_by) for article in content.ARTICLES]
    load_regions()
    ensure_groups()
    logins = ensure_users()
    for page in [topic, *articles]:
        ensure_translations(page)
    return logins


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def ensure_home_pages(locales):
    """One home page per language, translations of each other; the site serves them."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locales[SOURCE_LANGUAGE], depth=2).first()
    if home is None:
        # Wagtail's own "Welcome" page (and the site pointing at it) makes way for ours.
        Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
        data = content.HOME_PAGES[SOURCE_LANGUAGE]
        home = root.add_child(instance=HomePage(slug="home", **data))
        home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "site_name": "Carelingua", "root_page": home},
    )
    for code, locale in locales.items():
        translation = home.get_translation_or_none(locale) or home.copy_for_translation(locale)
        update_page(translation.specific, **content.HOME_PAGES[code])
    return home


def ensure_page(parent, model, slug, **fields):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, **fields))
        page.save_revision().publish()
        return page
    update_page(page, **fields)
    return page


def update_page(page, **fields):
    """Set the fields and publish a new revision, only if something changed."""
    changed = [name for name, value in fields.items() if _stored(page, name) != _stored_value(page, name, value)]
    if not changed and page.live and not page.has_unpublished_changes:
        return page
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def _stored(page, name):
    return page._meta.get_field(name).get_prep_value(getattr(page, name))


def _stored_value(page, name, value):
    field = page._meta.get_field(name)
    return field.get_prep_value(field.to_python(value))


def ensure_article(topic, article, reviewed_by):
    slug = article["slug"]
    page = ArticlePage.objects.child_of(topic).filter(slug=slug).first()
    today = timezone.localdate()
    fields = {
        "title": article["title"],
        "search_description": article["search_description"],
        "author": article["author"],
        "summary": raw_stream(f"{slug}/summary", [("point", point) for point in article["summary"]]),
        "body": raw_stream(f"{slug}/body", article["body"]),
        "references": raw_stream(f"{slug}/references", [("reference", ref) for ref in article["references"]]),
        "reviewed_by": reviewed_by,
    }
    if page is None:
        # The demo's medical reviewer signed this content off on the day it was loaded.
        fields.update(last_reviewed=today, next_review_due=years_later(today, REVIEW_CYCLE_YEARS))
        page = topic.add_child(instance=ArticlePage(slug=slug, **fields))
        page.save_revision().publish()
        return page
    return update_page(page, **fields)


def ensure_users():
    """The demo people with their groups; passwords are reset to the demo password."""
    user_model = get_user_model()
    groups = {group.name: group for group in Group.objects.all()}
    logins = []
    for username, first, last, _credentials, group_names in USERS:
        user, _created = user_model.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@carelingua.invalid"
        user.is_superuser = user.is_staff = username == "admin"
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([groups[name] for name in group_names])
        logins.append((username, ", ".join(group_names), user.get_full_name()))
    return logins


def ensure_translations(page):
    """Bring in the team's translations of a page through the same import translators use.

    The shipped PO files were exported from a demo site; the catalog they name is this
    site's catalog for the same page and language.
    """
    user_model = get_user_model()
    editor = user_model.objects.get(username="editor")
    for path in sorted(TRANSLATIONS_DIR.glob(f"{page.slug}.*.po")):
        code = path.suffixes[-2].lstrip(".")
        translator = user_model.objects.get(username=f"translator_{code}")
        (catalog,) = CreateTranslation(page, [Locale.objects.get(language_code=code)], editor).execute()
        report = ImportPO(catalog, addressed_to(catalog, path.read_bytes()), translator).execute()
        unfinished = catalog.segments.unfinished().count()
        if not report.ok or unfinished:
            raise ValidationError(
                f"{path.name} does not translate {page}: {' '.join(report.lines())} {unfinished} unfinished."
            )
        if report.applied or catalog.built_revision_id is None:
            BuildTranslation(catalog, translator).execute()
        target = catalog.target_object
        if not target.live or target.has_unpublished_changes:
            target.get_latest_revision().publish()


def addressed_to(catalog, data):
    po = catalogs.from_po(data)
    po.extra_headers.update({"Catalog": catalog.pk, "Target-Locale": catalog.target_locale.language_code})
    return catalogs.to_po(po)
