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
from wagtail.models import Locale, Page, Site

from translations import catalogs
from translations.actions import BuildTranslation, CreateTranslation
from translations.po_import import ImportPO
from translations.review import ATTESTATION_FIELDS
from translations.review_models import LocaleReviewTask, ReviewerProfile

from ..models import ArticlePage, HomePage, TopicIndexPage
from ..regions import load_regions
from ..roles import SOURCE_LANGUAGE, ensure_groups
from . import content
from .glossary import load_glossary
from .users import DEMO_PASSWORD, USERS, person_code

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
WAITING_FOR_REVIEW = ("treatment-resistant-depression", "pl")

# Block ids are derived from the page and position, so reloading keeps them stable.
ID_NAMESPACE = uuid.UUID("6f1c9a52-3b7e-4d0a-9c55-2f0d6c1e8a41")


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
    load_regions()
    ensure_groups()
    logins = ensure_users()
    articles = [ensure_article(topic, article) for article in content.ARTICLES]
    load_glossary()
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
    if not _changed(page, fields) and page.live and not page.has_unpublished_changes:
        return page
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def _changed(page, fields):
    return [name for name, value in fields.items() if _stored(page, name) != _stored_value(page, name, value)]


def _stored(page, name):
    return page._meta.get_field(name).get_prep_value(getattr(page, name))


def _stored_value(page, name, value):
    field = page._meta.get_field(name)
    return field.get_prep_value(field.to_python(value))


def ensure_article(topic, article):
    """An article goes live the way every article does: the editor submits it, the editorial
    reviewer and the English medical reviewer approve it."""
    slug = article["slug"]
    fields = {
        "title": article["title"],
        "search_description": article["search_description"],
        "author": article["author"],
        "summary": raw_stream(f"{slug}/summary", [("point", point) for point in article["summary"]]),
        "body": raw_stream(f"{slug}/body", article["body"]),
        "references": raw_stream(f"{slug}/references", [("reference", ref) for ref in article["references"]]),
    }
    page = ArticlePage.objects.child_of(topic).filter(slug=slug).first()
    if page is None:
        page = topic.add_child(instance=ArticlePage(slug=slug, live=False, **fields))
    elif _changed(page, fields) or page.has_unpublished_changes:
        for name, value in fields.items():
            setattr(page, name, value)
    elif page.live:
        return page
    editor = demo_user("editor")
    page.save_revision(user=editor)
    review(page, editor, ["editorial_reviewer", "reviewer_en"])
    return ArticlePage.objects.get(pk=page.pk)


def demo_user(username):
    return get_user_model().objects.get(username=username)


def review(page, submitter, reviewers):
    """Submit the page's latest revision to its workflow and approve each task in turn,
    as the named demo reviewers, each attesting what a reviewer attests."""
    state = page.current_workflow_state
    if state is None:
        state = page.get_workflow().start(page, submitter)
    for username in reviewers:
        state.refresh_from_db()
        task_state = state.current_task_state
        reviewer = demo_user(username)
        if task_state is None:
            break
        task = task_state.task.specific
        if any(action == "approve" for action, *_rest in task.get_actions(page, reviewer)):
            answers = dict.fromkeys(ATTESTATION_FIELDS, True) if isinstance(task, LocaleReviewTask) else {}
            task.on_action(task_state, reviewer, "approve", **answers)


def ensure_users():
    """The demo people with their groups; passwords are reset to the demo password."""
    user_model = get_user_model()
    groups = {group.name: group for group in Group.objects.all()}
    logins = []
    for username, first, last, credentials, group_names in USERS:
        user, _created = user_model.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@carelingua.invalid"
        user.is_superuser = user.is_staff = username == "admin"
        user.set_password(DEMO_PASSWORD)
        user.save()
        user.groups.set([groups[name] for name in group_names])
        ReviewerProfile.objects.update_or_create(user=user, defaults={"credentials": credentials, "fictional": True})
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
        translator = user_model.objects.get(username=f"translator_{person_code(code)}")
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
            reviewers = [f"linguist_{person_code(code)}", f"reviewer_{person_code(code)}"]
            # One translation waits for its medical reviewer, so a new user can try that side.
            review(target, translator, reviewers[:1] if (page.slug, code) == WAITING_FOR_REVIEW else reviewers)


def addressed_to(catalog, data):
    po = catalogs.from_po(data)
    po.extra_headers.update({"Catalog": catalog.pk, "Target-Locale": catalog.target_locale.language_code})
    return catalogs.to_po(po)
