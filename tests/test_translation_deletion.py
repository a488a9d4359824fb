"""A deleted translation can be created again, with its translated segments; deleting a source
removes its catalogs, and deleting a translation keeps its catalog (the translator's work)."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry, Page, PageLogEntry

from tests.factories import fill_po
from tests.testapp.models import Announcement
from translations.actions import BuildTranslation, CreateTranslation, RemoveCatalogs, as_catalog
from translations.catalogs import to_po
from translations.models import Segment, TranslationCatalog
from translations.po_import import ImportPO

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def url(name, *args):
    return reverse(f"carelingua_translations:{name}", args=args)


@pytest.fixture
def polish(article):
    """The demo article in Polish, every segment translated."""
    (catalog,) = CreateTranslation(article, [locale("pl")]).execute()
    assert ImportPO(catalog, fill_po(to_po(as_catalog(catalog)))).execute().ok
    return catalog


@pytest.fixture
def admin_client(client):
    assert client.login(username="admin", password="carelingua-demo")
    return client


def test_the_translate_form_offers_again_a_language_whose_translation_was_deleted(admin_client, article, polish):
    form = admin_client.get(url("translate", article.pk)).content.decode()
    checkbox = f'value="{locale("pl").pk}"'
    assert "polski (pl): already translated" in form
    assert "disabled" in form.split(checkbox)[1].split(">")[0]
    polish.target_object.delete()
    form = admin_client.get(url("translate", article.pk)).content.decode()
    assert "polski (pl): translation deleted; translating again keeps its translated texts" in form
    assert "disabled" not in form.split(checkbox)[1].split(">")[0]


def test_creating_a_deleted_translation_again_keeps_every_translated_segment(admin_client, article, polish):
    translations = dict(polish.segments.values_list("context", "translation"))
    polish.target_object.delete()
    response = admin_client.post(url("translate", article.pk), {"locales": [locale("pl").pk]})
    assert response.status_code == 302
    catalog = TranslationCatalog.objects.get(pk=polish.pk)
    target = catalog.target_object
    assert target is not None and not target.live and target.locale == locale("pl")
    assert dict(catalog.segments.values_list("context", "translation")) == translations
    assert not catalog.segments.unfinished().exists()
    assert PageLogEntry.objects.filter(page=target, action="carelingua.translation_created").exists()
    assert BuildTranslation(catalog).execute().get_latest_revision_as_object().title == "PL " + article.title


def test_the_overview_says_a_translation_was_deleted(admin_client, article, polish):
    polish.target_object.delete()
    html = admin_client.get(url("overview", article.pk)).content.decode()
    assert "Translation deleted" in html and "Translate into this language again to restore it." in html


def test_building_a_deleted_translation_says_to_create_it_again(admin_client, polish):
    polish.target_object.delete()
    catalog = TranslationCatalog.objects.get(pk=polish.pk)
    with pytest.raises(
        ValidationError, match="The Polish translation was deleted: translate into Polish again to restore it."
    ):
        BuildTranslation(catalog).execute()


def test_deleting_a_translation_keeps_its_catalog(polish):
    polish.target_object.delete()
    assert TranslationCatalog.objects.filter(pk=polish.pk).exists()
    assert Segment.objects.filter(catalog_id=polish.pk, state=Segment.TRANSLATED).exists()


def test_deleting_a_source_page_removes_its_catalogs_and_keeps_its_translations(article, polish):
    spanish = TranslationCatalog.objects.get(translation_key=article.translation_key, target_locale=locale("es"))
    targets = [polish.target_object, spanish.target_object]
    article.delete()
    assert not TranslationCatalog.objects.filter(translation_key=article.translation_key).exists()
    assert not Segment.objects.filter(catalog_id__in=[polish.pk, spanish.pk]).exists()
    for target in targets:
        assert Page.objects.filter(pk=target.pk).exists()
        assert PageLogEntry.objects.filter(page_id=target.pk, action="carelingua.catalog_removed").exists()


def test_deleting_a_section_removes_the_catalogs_of_every_page_in_it(article, polish):
    topic = article.get_parent()
    keys = [topic.translation_key, article.translation_key]
    assert TranslationCatalog.objects.filter(translation_key__in=keys).count() > 2
    topic.delete()
    assert not TranslationCatalog.objects.filter(translation_key__in=keys).exists()


def test_deleting_a_source_snippet_removes_its_catalogs(demo):
    item = Announcement(locale=locale("en"), title="Flu clinic open")
    item.save()
    item.save_revision().publish()
    (catalog,) = CreateTranslation(item, [locale("es")]).execute()
    target = catalog.target_object
    item.delete()
    assert not TranslationCatalog.objects.filter(pk=catalog.pk).exists()
    assert ModelLogEntry.objects.filter(object_id=str(target.pk), action="carelingua.catalog_removed").exists()


def test_catalogs_of_a_source_that_still_exists_are_not_removed(article, polish):
    from django.contrib.contenttypes.models import ContentType

    action = RemoveCatalogs(ContentType.objects.get_for_model(article), article.translation_key, article.locale_id)
    with pytest.raises(ValidationError, match="The source still exists"):
        action.execute()
    assert TranslationCatalog.objects.filter(pk=polish.pk).exists()


def test_a_deleted_translation_leaves_every_work_list(admin_client, polish):
    polish.target_object.delete()
    assert url("editor", polish.pk) not in admin_client.get(url("worklist")).content.decode()
    response = admin_client.get(url("editor", polish.pk))
    assert response.status_code == 410 and "translate into Polish again to restore it" in response.content.decode()
    assert admin_client.get(url("download", polish.pk)).status_code == 200  # the translator's work stays at hand
