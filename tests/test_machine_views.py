"""The admin side: “Pre-translate” in the editor and on a section, and the progress screen."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Page

from cms.urls import urlpatterns as site_urlpatterns
from tests.factories import login
from translations.machine import urls as machine_urls
from translations.machine import views
from translations.machine.liveness import holding
from translations.machine.models import STALE_AFTER, MachineTranslationJob
from translations.models import TranslationCatalog

# The site's URLs with ours, as hooks.py mounts them under the admin.
urlpatterns = [path("admin/translations/machine/", include(machine_urls)), *site_urlpatterns]
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__), pytest.mark.usefixtures("offline")]


def test_pretranslate_in_the_editor_runs_and_shows_progress(client, polish, django_capture_on_commit_callbacks):
    login(client, "translator_pl")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("carelingua_machine:pretranslate_catalog", args=[polish.pk]))
    job = MachineTranslationJob.objects.get()
    assert response.status_code == 302 and response.url == reverse("carelingua_machine:progress", args=[job.run])
    page = client.get(response.url)
    content = page.content.decode()
    total = polish.segments.count()
    assert page.status_code == 200 and f"{total} of {total} segments ({total} filled)" in content and "Done" in content
    assert "Pseudo-localization" in content and 'http-equiv="refresh"' not in content
    editor = client.get(reverse("carelingua_translations:editor", args=[polish.pk]) + "?state=machine")
    suggestion = polish.segments.order_by("position").first().translation
    assert suggestion.startswith("[") and escape(suggestion) in editor.content.decode()


def test_a_translator_of_another_language_may_not_pretranslate(client, polish):
    login(client, "translator_es")
    response = client.post(reverse("carelingua_machine:pretranslate_catalog", args=[polish.pk]))
    assert response.status_code == 403 and not MachineTranslationJob.objects.exists()


def test_a_service_that_cannot_start_sends_the_translator_back_with_the_reason(client, polish):
    login(client, "translator_pl")
    url = reverse("carelingua_machine:pretranslate_catalog", args=[polish.pk])
    response = client.post(url, {"backend": "deepl"}, follow=True)
    assert "Unknown machine translation service" in response.content.decode()
    assert not MachineTranslationJob.objects.exists() and not polish.segments.filter(state="machine").exists()


def test_an_editor_pretranslates_a_whole_section(client, article, polish, django_capture_on_commit_callbacks):
    login(client, "editor")
    topic = article.get_parent()
    url = reverse("carelingua_machine:pretranslate_page", args=[topic.pk])
    form = client.get(url)
    assert form.status_code == 200 and "polski (pl)" in form.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [polish.target_locale_id], "subpages": "on", "backend": "pseudo"})
    jobs = MachineTranslationJob.objects.select_related("catalog")
    section = Page.objects.descendant_of(topic, inclusive=True).values("translation_key")
    polish_catalogs = TranslationCatalog.objects.filter(target_locale=polish.target_locale, translation_key__in=section)
    assert {job.catalog for job in jobs} == set(polish_catalogs) and len({job.run for job in jobs}) == 1
    progress = client.get(response.url).content.decode()
    assert progress.count('<td lang="pl">') == len(polish_catalogs), "one row per page and language"
    assert not polish.segments.filter(state="untranslated").exists()


def test_the_progress_screen_refreshes_itself_while_a_job_runs(client, polish):
    job = MachineTranslationJob.objects.create(catalog=polish, backend="pseudo", status="running", total=135, filled=20)
    login(client, "translator_pl")
    with holding(job.pk):  # as its worker does
        content = client.get(reverse("carelingua_machine:progress", args=[job.run])).content.decode()
    assert 'http-equiv="refresh"' in content and "20 of 135 segments" in content
    login(client, "translator_es")
    assert client.get(reverse("carelingua_machine:progress", args=[job.run])).status_code == 403


def test_a_job_whose_worker_stopped_shows_as_interrupted_and_stops_refreshing(client, polish):
    job = MachineTranslationJob.objects.create(catalog=polish, backend="pseudo", status="running", total=135, filled=20)
    login(client, "translator_pl")
    if connection.vendor != "postgresql":  # no advisory locks: known only once it looks stale
        MachineTranslationJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - STALE_AFTER * 2)
    content = client.get(reverse("carelingua_machine:progress", args=[job.run])).content.decode()
    assert "Interrupted" in content and 'http-equiv="refresh"' not in content


def test_the_editor_button_and_the_page_header_button(article, polish):
    button = render_to_string("translations/machine/_pretranslate_button.html", {"catalog": polish})
    assert reverse("carelingua_machine:pretranslate_catalog", args=[polish.pk]) in button
    (header,) = views.page_header_buttons(article)
    assert header.url == reverse("carelingua_machine:pretranslate_page", args=[article.pk])
    assert views.page_header_buttons(polish.target_object) == []
