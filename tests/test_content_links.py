"""Links to pages (a page chooser, a foreign key, a link in rich text) point to the translated page
once it is published, and keep pointing at the source page otherwise; the editor says which."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from tests.factories import event_page, event_with_everything, fill_po
from tests.testapp.models import EventPage
from translations.actions import BuildTranslation, CreateTranslation, as_catalog
from translations.catalogs import to_po
from translations.po_import import ImportPO

pytestmark = pytest.mark.django_db


def spanish():
    return Locale.objects.get(language_code="es")


def translate(page, publish=False):
    (catalog,) = CreateTranslation(page, [spanish()]).execute()
    assert ImportPO(catalog, fill_po(to_po(as_catalog(catalog)), str.upper)).execute().ok
    target = BuildTranslation(catalog).execute()
    if publish:
        target.get_latest_revision().publish()
    return catalog, EventPage.objects.get(pk=target.pk)


@pytest.fixture
def clinic(demo):
    return event_page(Page.get_first_root_node(), slug="clinic")


@pytest.fixture
def event(clinic):
    return event_with_everything(Page.get_first_root_node(), linked=clinic)


def links_of(page):
    """Where the chooser block, the foreign key and the rich text link of a page point."""
    chosen = next(child.value for child in page.programme if child.block_type == "see_also")
    return chosen.pk, page.related_page_id, page.description.split('id="')[1].split('"')[0]


def editor_html(client, catalog):
    client.login(username="admin", password="carelingua-demo")
    return client.get(reverse("carelingua_translations:editor", args=[catalog.pk])).content.decode()


def test_links_point_to_the_published_translation_of_the_linked_page(event, clinic):
    _catalog, clinic_es = translate(clinic, publish=True)
    _catalog, event_es = translate(event)
    draft = event_es.get_latest_revision_as_object()
    assert links_of(draft) == (clinic_es.pk, clinic_es.pk, str(clinic_es.pk))
    assert "READ <a" in draft.description and "ABOUT THE CLINIC</a> FIRST." in draft.description
    assert links_of(EventPage.objects.get(pk=event.pk)) == (clinic.pk, clinic.pk, str(clinic.pk))  # source untouched


def test_links_keep_the_source_page_while_its_translation_is_a_draft(event, clinic):
    translate(clinic, publish=False)
    _catalog, event_es = translate(event)
    assert links_of(event_es.get_latest_revision_as_object()) == (clinic.pk, clinic.pk, str(clinic.pk))


def test_links_keep_the_source_page_when_it_has_no_translation(event, clinic):
    _catalog, event_es = translate(event)
    assert links_of(event_es.get_latest_revision_as_object()) == (clinic.pk, clinic.pk, str(clinic.pk))


def test_the_editor_says_where_each_link_points(client, event, clinic):
    (catalog,) = CreateTranslation(event, [spanish()]).execute()
    html = editor_html(client, catalog)
    assert "Links to other pages" in html
    for label in ("Description:", "Programme › See also:", "Related page:"):
        assert label in html
    assert html.count("it has no español (es) translation.") == 3
    translate(clinic, publish=False)
    assert editor_html(client, catalog).count("until its español (es) translation is published") == 3
    Page.objects.get(translation_key=clinic.translation_key, locale=spanish()).get_latest_revision().publish()
    html = editor_html(client, catalog)
    assert html.count("Links to “OPEN DAY”, the español (es) translation of “Open day”.") == 3


def test_the_editor_of_a_page_without_links_has_no_link_list(client, clinic):
    (catalog,) = CreateTranslation(clinic, [spanish()]).execute()
    assert "Links to other pages" not in editor_html(client, catalog)


def test_a_link_to_a_deleted_page_is_kept_as_it_is(event, clinic):
    clinic.delete()
    event = EventPage.objects.get(pk=event.pk)
    _catalog, event_es = translate(event)
    draft = event_es.get_latest_revision_as_object()
    assert f'id="{clinic.pk}"' in draft.description
