"""Snippets are translated from the snippet admin and the commands. A snippet with drafts gets a
draft translation; one without drafts gets its translation at the first build; a model that is
not translatable is refused with a clear error."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from wagtail.models import Locale

from tests.conftest import run_command
from tests.factories import fill_po
from tests.testapp.models import Announcement, Notice, Person
from translations.actions import BuildTranslation, CreateTranslation, as_catalog
from translations.catalogs import to_po
from translations.models import TranslationCatalog
from translations.po_import import ImportPO

pytestmark = pytest.mark.django_db

PASSWORD = "carelingua-demo"


def locale(code):
    return Locale.objects.get(language_code=code)


def url(name, *args):
    return reverse(f"carelingua_translations:{name}", args=args)


def snippet_url(view, obj, *args):
    return reverse(f"wagtailsnippets_testapp_{obj._meta.model_name}:{view}", args=[*args, obj.pk])


@pytest.fixture
def announcement(demo):
    item = Announcement(locale=locale("en"), title="Flu clinic open", body="<p>Walk in <b>any day</b>.</p>")
    item.save()
    item.save_revision().publish()
    return Announcement.objects.get(pk=item.pk)


@pytest.fixture
def notice(demo):
    return Notice.objects.create(locale=locale("en"), heading="Clinic closed", text="<p>Closed on Monday.</p>")


@pytest.fixture
def admin_client(client):
    assert client.login(username="admin", password=PASSWORD)
    return client


def translated(catalog):
    assert ImportPO(catalog, fill_po(to_po(as_catalog(catalog)), lambda msgid: "ES " + msgid)).execute().ok
    return catalog


# The snippet admin


def test_the_snippet_listing_offers_translate_for_translatable_snippets_only(admin_client, announcement):
    person = Person.objects.create(name="Ana Ruiz")
    listing = admin_client.get(reverse("wagtailsnippets_testapp_announcement:list")).content.decode()
    assert url("snippet_translate", "testapp", "announcement", announcement.pk) in listing
    people = admin_client.get(reverse("wagtailsnippets_testapp_person:list")).content.decode()
    assert "Ana Ruiz" in people and url("snippet_translate", "testapp", "person", person.pk) not in people


def test_the_snippet_editor_offers_translate_then_the_translation_offers_its_editor(admin_client, announcement):
    edit = admin_client.get(snippet_url("edit", announcement)).content.decode()
    assert f'href="{url("snippet_translate", "testapp", "announcement", announcement.pk)}"' in edit
    (catalog,) = CreateTranslation(announcement, [locale("es")]).execute()
    edit = admin_client.get(snippet_url("edit", catalog.target_object)).content.decode()
    assert f'href="{url("editor", catalog.pk)}"' in edit and "Translation editor" in edit


def test_translating_a_snippet_with_drafts_from_the_admin_creates_a_draft(admin_client, announcement):
    form = admin_client.get(url("snippet_translate", "testapp", "announcement", announcement.pk)).content.decode()
    assert "A draft is created in each language" in form
    response = admin_client.post(
        url("snippet_translate", "testapp", "announcement", announcement.pk), {"locales": [locale("es").pk]}
    )
    assert response.status_code == 302
    assert response["Location"] == url("snippet_overview", "testapp", "announcement", announcement.pk)
    spanish = Announcement.objects.get(locale=locale("es"), translation_key=announcement.translation_key)
    assert not spanish.live and spanish.has_unpublished_changes
    overview = admin_client.get(response["Location"]).content.decode()
    assert "español (es)" in overview and snippet_url("edit", spanish) in overview


def test_building_a_snippet_draft_publishes_nothing_until_someone_publishes_it(announcement):
    (catalog,) = CreateTranslation(announcement, [locale("es")]).execute()
    target = BuildTranslation(translated(catalog)).execute()
    spanish = Announcement.objects.get(pk=target.pk)
    assert not spanish.live
    assert spanish.get_latest_revision_as_object().title == "ES Flu clinic open"
    spanish.get_latest_revision().publish()
    spanish.refresh_from_db()
    assert spanish.live and spanish.title == "ES Flu clinic open"


def test_a_snippet_without_drafts_gets_its_translation_at_the_first_build(notice):
    (catalog,) = CreateTranslation(notice, [locale("es")]).execute()
    assert not Notice.objects.filter(locale=locale("es")).exists()  # no live copy with the English text
    BuildTranslation(translated(catalog)).execute()
    assert Notice.objects.get(locale=locale("es")).heading == "ES Clinic closed"


def test_a_translator_without_the_snippet_permission_cannot_start(client, announcement):
    assert client.login(username="translator_es", password=PASSWORD)
    response = client.get(url("snippet_translate", "testapp", "announcement", announcement.pk))
    assert response.status_code == 403


def test_a_draft_snippet_must_be_published_before_it_is_translated(admin_client, announcement):
    announcement.unpublish()
    page = admin_client.get(url("snippet_translate", "testapp", "announcement", announcement.pk)).content.decode()
    assert "Only published content can be translated." in page
    response = admin_client.post(
        url("snippet_translate", "testapp", "announcement", announcement.pk), {"locales": [locale("es").pk]}
    )
    assert response.status_code == 200 and not Announcement.objects.filter(locale=locale("es")).exists()


# A model that is not translatable


def test_a_model_that_is_not_translatable_is_refused_by_the_action(demo):
    from django.core.exceptions import ValidationError

    person = Person.objects.create(name="Ana Ruiz")
    with pytest.raises(ValidationError, match="“Ana Ruiz” cannot be translated: person"):
        CreateTranslation(person, [locale("es")]).execute()


def test_a_model_that_is_not_translatable_is_refused_in_the_admin(admin_client):
    person = Person.objects.create(name="Ana Ruiz")
    catalogs = TranslationCatalog.objects.count()
    for name in ("snippet_translate", "snippet_overview"):
        response = admin_client.post(url(name, "testapp", "person", person.pk), {"locales": [locale("es").pk]})
        assert response.status_code == 400
        assert "is not a translatable model" in response.content.decode()
    assert TranslationCatalog.objects.count() == catalogs


def test_a_model_that_is_not_translatable_is_refused_by_the_commands(demo):
    person = Person.objects.create(name="Ana Ruiz")
    with pytest.raises(CommandError, match="“Ana Ruiz” cannot be translated: person \\(testapp.Person\\)"):
        call_command("translate_page", f"testapp.person:{person.pk}", "--locale", "es")


@pytest.mark.parametrize(
    "path",
    ["snippet/testapp/nosuchmodel/1/translate/", "snippet/auth/user/1/translate/", "snippet/testapp/notice/abc/"],
)
def test_crafted_snippet_urls_get_a_404(admin_client, path):
    assert admin_client.get(f"/admin/translations/{path}").status_code == 404


# The commands


def test_the_commands_translate_export_import_build_and_sync_a_snippet(
    announcement, tmp_path, django_capture_on_commit_callbacks
):
    name = f"testapp.announcement:{announcement.pk}"
    assert "es: “Flu clinic open”" in run_command("translate_page", name, "--locale", "es")
    path = tmp_path / "es.po"
    run_command("export_po", name, "--locale", "es", "-o", str(path))
    path.write_bytes(fill_po(path.read_bytes(), lambda msgid: "ES " + msgid))
    assert "Applied: 2" in run_command("import_po", str(path))
    assert "it is not published" in run_command("build_translation", name, "--locale", "es")
    announcement.title = "Flu clinic closed"
    with django_capture_on_commit_callbacks(execute=True):
        announcement.save_revision().publish()  # publishing a snippet syncs its translations
    catalog = TranslationCatalog.objects.get(translation_key=announcement.translation_key)
    assert catalog.segments.get(context="title").previous_source == "Flu clinic open"
    assert "0 new, 0 changed" in run_command("sync_translations", name)


def test_the_commands_name_a_missing_snippet_clearly(demo):
    with pytest.raises(CommandError, match="No announcement '999'"):
        call_command("translate_page", "testapp.announcement:999", "--locale", "es")
    with pytest.raises(CommandError, match="No snippet model testapp.nosuch"):
        call_command("translate_page", "testapp.nosuch:1", "--locale", "es")
