"""The plugin in a host site that is not Carelingua: an unrelated page model (tests/testapp),
no medical review, and pages copied by Wagtail's simple_translation. (The system check that
refuses simple_translation's page-tree sync runs in the fresh site of test_install.py.)"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.models import Locale, Page

from tests.factories import event_page
from translations.actions import CreateTranslation
from translations.models import Segment

pytestmark = pytest.mark.django_db

WORDING = ("medical", "carelingua", "patient", "clinical")


@pytest.fixture
def event(demo):
    return event_page(Page.get_first_root_node(), slug="open-day")


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.get(username="admin"))
    return client


def screens(client, catalog):
    names = {"overview": [catalog.source_object.pk], "editor": [catalog.pk], "upload": [catalog.pk]}
    return {name: client.get(reverse(f"carelingua_translations:{name}", args=args)) for name, args in names.items()}


def test_an_event_page_translation_speaks_of_no_medical_review_or_carelingua(admin_client, event):
    (catalog,) = CreateTranslation(event, [Locale.objects.get(language_code="es")]).execute()
    for name, response in screens(admin_client, catalog).items():
        html = response.content.decode().lower()
        assert response.status_code == 200 and not [word for word in WORDING if word in html], name
    download = admin_client.get(reverse("carelingua_translations:download", args=[catalog.pk])).content.decode()
    assert "X-Translation-Catalog" in download and "x-carelingua" not in download.lower()


def test_an_article_that_needs_medical_review_still_says_who_accepts_its_warnings(admin_client, article):
    response = admin_client.get(reverse("carelingua_translations:overview", args=[article.pk]))
    assert "accepted by the medical reviewer" in response.content.decode()


def test_a_page_copied_by_simple_translation_keeps_its_hand_translation_as_needs_review(event):
    spanish = Locale.objects.get(language_code="es")
    # What simple_translation's Translate action runs: a plain copy into the other tree.
    copy = CopyPageForTranslationAction(event, spanish, copy_parents=True).execute().specific
    copy.venue = "Sala principal"
    copy.save_revision()
    (catalog,) = CreateTranslation(event, [spanish]).execute()
    venue, title = catalog.segments.get(context="venue"), catalog.segments.get(context="title")
    assert (venue.translation, venue.state) == ("Sala principal", Segment.FUZZY)
    assert (title.translation, title.state) == ("", Segment.UNTRANSLATED), "an untouched copy is not a translation"
    assert catalog.target_object.pk == copy.pk, "the copy is adopted, not duplicated"
