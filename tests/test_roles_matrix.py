"""Every demo role against the demo article in English, Spanish and Arabic: what each may do.

The same matrix is walked twice: through the permission checks the code makes, and through
the admin URLs a person (or an attacker with that login) would use. Each role's rights come
from its language's page tree only; publishing by hand is refused to everyone (content goes
live through review); unpublishing stays possible for those who answer for a language.
"""

import json

import pytest
from django.db import transaction
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.test.utils.form_data import rich_text

from cms.demo.users import USERS
from cms.models import ArticlePage
from tests.factories import untranslated
from tests.test_admin_editing import article_form
from tests.workflow import (
    ATTEST,
    approve,
    attestation_post,
    form_data,
    in_progress,
    login,
    submit,
    translation_of,
    user,
)
from translations.models import TranslationCatalog
from translations.permissions import can_edit_translation, can_start_translation
from translations.review_models import MEDICAL

pytestmark = pytest.mark.django_db

ROLES = [username for username, *_rest in USERS]
LANGUAGES = ["en", "es", "ar"]
ACTIONS = ["view", "edit", "translate", "segment", "build", "submit", "approve", "publish", "unpublish", "delete"]
NOT_FOR_SOURCES = {"segment", "build"}  # a source page has no catalog of its own


def kind_and_language(who):
    if who in ("admin", "editor", "editorial_reviewer"):
        return who, "en"
    kind, _sep, code = who.partition("_")
    return kind, code


def expected(who, action, lang):
    """The matrix: what each role may do on a page in ``lang``."""
    kind, own = kind_and_language(who)
    if action == "publish":
        return False  # by hand, nobody: the last approval of a review publishes
    if kind == "admin":
        return action != "approve" and (action != "translate" or lang == "en")
    if own != lang:
        return False
    allowed = {
        "editor": {"view", "edit", "translate", "submit"},
        "editorial_reviewer": {"view", "edit", "translate", "submit", "approve"},
        "reviewer": {"view", "approve", "unpublish"},
        "translator": {"view", "edit", "segment", "build", "submit"},
        "linguist": {"view", "edit", "segment", "build", "submit", "approve"},
    }[kind]
    return action in allowed


def cases():
    return [
        (action, lang) for lang in LANGUAGES for action in ACTIONS if not (lang == "en" and action in NOT_FOR_SOURCES)
    ]


@pytest.fixture
def article(article):
    """The demo article without its Urdu translation, which the "translate" probe starts."""
    return untranslated(article, "ur")


@pytest.fixture
def pages(article):
    return {"en": article, "es": translation_of(article, "es"), "ar": translation_of(article, "ar")}


def start_review(page, who):
    """A review waiting at the step ``who`` would act on (their own, or the first one)."""
    submitter = "editor" if page.locale.language_code == "en" else "translator_" + page.locale.language_code
    if page.locale.language_code != "en":
        from tests.workflow import rebuild

        rebuild(page, submitter)
    state = submit(page, submitter)
    if kind_and_language(who)[0] == "reviewer":
        first = "editorial_reviewer" if page.locale.language_code == "en" else "linguist_" + page.locale.language_code
        approve(state, first)
    state.refresh_from_db()
    return state


# Through the permission checks


def permitted(who, action, page):
    person = user(who)
    perms = page.permissions_for_user(person)
    policy = PagePermissionPolicy()
    catalog = TranslationCatalog.objects.filter(translation_key=page.translation_key, target_locale=page.locale).first()
    checks = {
        "view": lambda: policy.explorable_instances(person).filter(pk=page.pk).exists(),
        "edit": lambda: policy.user_has_permission_for_instance(person, "change", page),
        "translate": lambda: catalog is None and can_start_translation(person, page),
        "segment": lambda: can_edit_translation(person, catalog),
        "build": lambda: can_edit_translation(person, catalog),
        "submit": lambda: (
            policy.user_has_permission_for_instance(person, "change", page) and perms.can_submit_for_moderation()
        ),
        "approve": lambda: any(task.specific.is_qualified(page, person) for task in page.get_workflow().tasks.all()),
        "publish": lambda: perms.can_publish() and not page.specific_class.medical_review_required,
        "unpublish": perms.can_unpublish,
        "delete": perms.can_delete,
    }
    return bool(checks[action]())


@pytest.mark.parametrize("who", ROLES)
def test_permission_checks_follow_the_matrix(who, pages):
    found = {(action, lang): permitted(who, action, pages[lang]) for action, lang in cases()}
    wanted = {(action, lang): expected(who, action, lang) for action, lang in cases()}
    assert found == wanted


# Through the admin URLs


def tried(client, who, action, page):
    """Do ``action`` on ``page`` through the admin as ``who``; whether it took effect."""
    catalog = TranslationCatalog.objects.filter(translation_key=page.translation_key, target_locale=page.locale).first()
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    if action == "view":
        response = client.get(reverse("wagtailadmin_explore", args=(page.get_parent().pk,)))
        return response.status_code == 200 and page.title in response.content.decode()
    if action == "edit":
        return client.get(edit_url).status_code == 200
    if action == "translate":
        url = reverse("carelingua_translations:translate", args=(page.pk,))
        client.post(url, {"locales": [Locale.objects.get(language_code="ur").pk]})
        return TranslationCatalog.objects.filter(
            translation_key=page.translation_key, target_locale__language_code="ur"
        ).exists()
    if action == "segment":
        segment = catalog.segments.get(context="title")
        url = reverse("carelingua_translations:save_segment", args=(catalog.pk, segment.pk))
        body = json.dumps({"translation": segment.translation + " ·", "version": segment.version})
        return client.post(url, body, content_type="application/json").status_code == 200
    if action == "build":
        before = catalog.built_revision_id
        client.post(reverse("carelingua_translations:build", args=(catalog.pk,)))
        return TranslationCatalog.objects.get(pk=catalog.pk).built_revision_id != before
    if action in ("submit", "publish"):
        client.post(edit_url, {**page_form(client, page), f"action-{action}": "1"})
        if action == "submit":
            return in_progress(page) is not None
        return Page.objects.get(pk=page.pk).title == "Published by hand"
    if action == "approve":
        state = start_review(page, who)
        task_state = state.current_task_state
        role = task_state.task.specific.role
        url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk))
        client.post(url, attestation_post(role))
        task_state.refresh_from_db()
        return task_state.status == "approved"
    if action == "unpublish":
        client.post(reverse("wagtailadmin_pages:unpublish", args=(page.pk,)))
        return not Page.objects.get(pk=page.pk).live
    if action == "delete":
        client.post(reverse("wagtailadmin_pages:delete", args=(page.pk,)))
        return not Page.objects.filter(pk=page.pk).exists()
    raise AssertionError(action)


def page_form(client, page):
    """The page editor's form with the title changed to "Published by hand" where it can be."""
    if page.locale.language_code == "en":
        body = [("paragraph", rich_text("<p>Changed by hand.</p>"))]
        return article_form(body, title="Published by hand", slug=page.slug)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    data = form_data(response.content.decode()) if response.status_code == 200 else {}
    return {**data, "title": "Published by hand"}


@pytest.mark.parametrize("who", ROLES)
def test_admin_urls_follow_the_matrix(client, who, pages):
    login(client, who)
    found = {}
    for action, lang in cases():
        with transaction.atomic():
            found[(action, lang)] = tried(client, who, action, ArticlePage.objects.get(pk=pages[lang].pk))
            transaction.set_rollback(True)
    wanted = {(action, lang): expected(who, action, lang) for action, lang in cases()}
    assert {key: value for key, value in found.items() if value != wanted[key]} == {}


def test_the_matrix_lets_each_language_publish_through_its_reviewers(pages):
    """The sum of the rights above still lets a translation reach readers: through its own reviewers."""
    state = start_review(pages["es"], "reviewer_es")
    approve(state, "reviewer_es", **ATTEST[MEDICAL])
    page = ArticlePage.objects.get(pk=pages["es"].pk)
    assert page.live and page.reviewed_by.startswith("Lucía Navarro")
    assert not page.has_unpublished_changes


@pytest.mark.parametrize("who", [name for name in ROLES if name != "admin"])
def test_nobody_but_the_site_admin_adds_pages_at_the_root(client, who, demo):
    root = Page.get_first_root_node()
    url = reverse("wagtailadmin_pages:add", args=("cms", "homepage", root.pk))
    response = login(client, who).get(url)
    assert response.status_code != 200
    assert not root.permissions_for_user(user(who)).can_add_subpage()
