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
from translations.models import TranslationCatalog
from translations.po_import import ImportPO
from translations.review import ATTESTATIONS, holds_built_content
from translations.review_models import LocaleReviewTask, ReviewerProfile

from ..models import ArticlePage, HomePage, TopicIndexPage
from ..regions import load_regions
from ..roles import SOURCE_LANGUAGE, ensure_groups
from . import content
from .glossary import load_glossary
from .ownership import changed_by_someone_else, is_loaded, record
from .region_loader import ensure_region_translations
from .users import DEMO_PASSWORD, USERS

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
    """Load everything. Returns (logins, notes): the demo logins as (username, role, name)
    triples, and what was left alone because someone changed it in the admin."""
    notes = []
    locales = ensure_locales()
    ensure_groups()
    logins = ensure_users()
    homes = ensure_home_pages(locales, notes)
    ensure_groups()  # the page permissions and workflows of each language's tree
    load_regions(notes)
    ensure_region_translations(notes)
    english = homes[SOURCE_LANGUAGE]
    topic = ensure_page(english, TopicIndexPage, content.TOPIC["slug"], topic_fields(), notes)
    articles = [
        ensure_page(topic, ArticlePage, article["slug"], article_fields(article), notes) for article in content.ARTICLES
    ]
    for page in [english, topic, *articles]:
        publish_through_review(page, "editor", ["editorial_reviewer", "reviewer_en"], notes)
    for code, home in homes.items():
        if code != SOURCE_LANGUAGE:
            reviewers = [person("linguist", code), person("reviewer", code)]
            publish_through_review(home, person("translator", code), reviewers, notes)
    load_glossary()  # before the translations, whose checks read it
    for page in [topic, *articles]:
        ensure_translations(page.specific_class.objects.get(pk=page.pk), notes)
    return logins, notes


def ensure_locales():
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }


def ensure_home_pages(locales, notes):
    """One home page per language, translations of each other; the site serves the English one.
    Each goes live through review, like every page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locales[SOURCE_LANGUAGE], depth=2).first()
    if home is None:
        # Wagtail's own "Welcome" page (and the site pointing at it) makes way for ours.
        Page.objects.filter(depth=2, content_type__app_label="wagtailcore", content_type__model="page").delete()
        home = root.add_child(instance=HomePage(slug="home", live=False, **content.HOME_PAGES[SOURCE_LANGUAGE]))
        save_loaded(home, demo_user("editor"))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "site_name": "Carelingua", "root_page": home},
    )
    homes = {}
    for code, locale in locales.items():
        page = home.get_translation_or_none(locale)
        if page is None:
            page = home.copy_for_translation(locale)
            copied = page.get_latest_revision()
            record(page, copied) if copied else save_loaded(page, demo_user(_author(code)))
        homes[code] = update_page(page.specific, content.HOME_PAGES[code], demo_user(_author(code)), notes)
    return homes


def _author(code):
    return "editor" if code == SOURCE_LANGUAGE else person("translator", code)


def person(role, code):
    """The demo login of a role for a language: ``translator_es``, ``reviewer_zh`` (for zh-hans)."""
    return f"{role}_{code.split('-')[0]}"


def topic_fields():
    return {"title": content.TOPIC["title"], "intro": content.TOPIC["intro"]}


def article_fields(article):
    slug = article["slug"]
    return {
        "title": article["title"],
        "search_description": article["search_description"],
        "author": article["author"],
        "summary": raw_stream(f"{slug}/summary", [("point", point) for point in article["summary"]]),
        "body": raw_stream(f"{slug}/body", article["body"]),
        "references": raw_stream(f"{slug}/references", [("reference", ref) for ref in article["references"]]),
    }


def ensure_page(parent, model, slug, fields, notes):
    """The editor's page under ``parent``: created as a draft, or its draft brought up to date."""
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = parent.add_child(instance=model(slug=slug, live=False, **fields))
        save_loaded(page, demo_user("editor"))
        return page
    return update_page(page, fields, demo_user("editor"), notes)


def update_page(page, fields, author, notes):
    """Save a new draft with ``fields`` if the latest one differs, unless someone else changed
    the page since the loader did: then it is left as they left it, and the notes say so."""
    someone = changed_by_someone_else(page)
    if someone:
        notes.append(f"Left alone: “{page.title}” ({page.locale.language_code}) was changed in the admin by {someone}.")
        return page
    draft = page.get_latest_revision_as_object()
    if _changed(draft, fields):
        for name, value in fields.items():
            setattr(draft, name, value)
        save_loaded(draft, author)
    return type(page).objects.get(pk=page.pk)


def save_loaded(page, author):
    revision = page.save_revision(user=author, log_action=True)
    record(page, revision)
    return revision


def _changed(page, fields):
    return [name for name, value in fields.items() if _stored(page, name) != _stored_value(page, name, value)]


def _stored(page, name):
    return page._meta.get_field(name).get_prep_value(getattr(page, name))


def _stored_value(page, name, value):
    field = page._meta.get_field(name)
    return field.get_prep_value(field.to_python(value))


def demo_user(username):
    return get_user_model().objects.get(username=username)


def publish_through_review(page, submitter, reviewers, notes):
    """Submit the loader's own draft and approve it as the named demo reviewers, each attesting
    what their kind of review attests. Content the loader did not make is never approved."""
    page = page.specific_class.objects.get(pk=page.pk)
    if page.live and not page.has_unpublished_changes:
        return
    latest = page.get_latest_revision()
    state = page.current_workflow_state
    if latest is None or not is_loaded(latest) or (state and state.status == state.STATUS_NEEDS_CHANGES):
        notes.append(f"Left alone: “{page.title}” ({page.locale.language_code}) waits for changes made in the admin.")
        return
    review(page, submitter, reviewers)


def review(page, submitter, reviewers):
    """Submit the page's latest revision to its workflow and approve each task in turn."""
    state = page.current_workflow_state
    if state is None:
        state = page.get_workflow().start(page, demo_user(submitter))
    for username in reviewers:
        state.refresh_from_db()
        task_state = state.current_task_state
        if task_state is None or state.status != state.STATUS_IN_PROGRESS:
            break
        reviewer = demo_user(username)
        task = task_state.task.specific
        if any(action == "approve" for action, *_rest in task.get_actions(page, reviewer)):
            answers = dict.fromkeys(ATTESTATIONS[task.role], True) if isinstance(task, LocaleReviewTask) else {}
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
        # Someone without credentials still gets a profile: it is what marks them as fictional.
        credentials = credentials or {settings.LANGUAGE_CODE: ""}
        for code, text in credentials.items():
            ReviewerProfile.objects.update_or_create(
                user=user,
                locale=Locale.objects.get(language_code=code),
                defaults={"credentials": text, "fictional": True},
            )
        # Profiles from before credentials had a language were taken to be English.
        ReviewerProfile.objects.filter(user=user).exclude(locale__language_code__in=list(credentials)).delete()
        logins.append((username, ", ".join(group_names), user.get_full_name()))
    return logins


def ensure_translations(page, notes):
    """Bring in the team's translations of a page through the same import translators use.

    The shipped PO files were exported from a demo site; the catalog they name is this
    site's catalog for the same page and language. A translation someone changed in the
    admin since the loader last did is left alone.
    """
    editor = demo_user("editor")
    for path in sorted(TRANSLATIONS_DIR.glob(f"{page.slug}.*.po")):
        code = path.suffixes[-2].lstrip(".")
        locale = Locale.objects.get(language_code=code)
        existing = page.get_translation_or_none(locale)
        catalog = catalog_of(page, locale)
        if existing is not None and catalog is not None:
            someone = changed_by_someone_else(existing.specific, catalog)
            if someone:
                notes.append(
                    f"Left alone: the {code} translation of “{page.title}” was changed in the admin by {someone}."
                )
                continue
        (catalog,) = CreateTranslation(page, [locale], editor).execute()
        target = catalog.target_object
        if existing is None:
            record(target, target.get_latest_revision())
        translator = demo_user(person("translator", code))
        report = ImportPO(catalog, addressed_to(catalog, path.read_bytes()), translator).execute()
        unfinished = catalog.segments.unfinished().count()
        if not report.ok or unfinished:
            raise ValidationError(
                f"{path.name} does not translate {page}: {' '.join(report.lines())} {unfinished} unfinished."
            )
        if not holds_built_content(catalog, target):
            BuildTranslation(catalog, translator).execute()
            record(target, catalog.built_revision, catalog)
        elif report.applied:
            record(target, catalog=catalog)
        reviewers = [person("linguist", code), person("reviewer", code)]
        # One translation waits for its medical reviewer, so a new user can try that side.
        reviewers = reviewers[:1] if (page.slug, code) == WAITING_FOR_REVIEW else reviewers
        publish_through_review(target, translator.username, reviewers, notes)


def catalog_of(page, locale):
    return TranslationCatalog.objects.filter(translation_key=page.translation_key, target_locale=locale).first()


def addressed_to(catalog, data):
    """The shipped file, as if exported from this catalog now: its headers name the catalog, and
    each entry the segment version it updates (the loader only updates its own earlier text)."""
    po = catalogs.from_po(data)
    po.extra_headers.update({"Catalog": catalog.pk, "Target-Locale": catalog.target_locale.language_code})
    versions = dict(catalog.segments.values_list("context", "version"))
    for message in po:
        if message.id and message.context in versions:
            kept = [comment for comment in message.auto_comments if not catalogs.VERSION_PATTERN.match(comment.strip())]
            message.auto_comments = [*kept, f"{catalogs.VERSION_COMMENT}{versions[message.context]}"]
    return catalogs.to_po(po)
