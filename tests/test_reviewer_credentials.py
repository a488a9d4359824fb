"""Reviewers' credentials in the reader's language: one profile per person and language."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale

from cms.models import ArticlePage
from tests.factories import user
from translations.actions import BuildTranslation, CreateTranslation, SaveSegment
from translations.review import record_sign_off
from translations.review_models import MEDICAL, ReviewerProfile

pytestmark = pytest.mark.django_db


def spanish_article():
    return ArticlePage.objects.get(slug="esketamine-and-ketamine-for-depression", locale__language_code="es")


def english_credentials():
    return set(
        ReviewerProfile.objects.filter(locale__language_code="en")
        .exclude(credentials="")
        .values_list("credentials", flat=True)
    )


@pytest.mark.parametrize("language", ["es", "ar"])
def test_translated_articles_show_no_english_credentials(client, demo, language):
    page = ArticlePage.objects.get(slug="esketamine-and-ketamine-for-depression", locale__language_code=language)
    trust = BeautifulSoup(client.get(page.url).content, "html.parser").find("footer", class_="trust")
    text = trust.get_text(" ")
    assert "checked by" not in text  # the interface is in the page's language too
    assert page.reviewed_by and page.reviewed_by.split(",")[0] in text
    assert not [credentials for credentials in english_credentials() if credentials in text]
    assert "Reviser" not in text and "MBBS, psychiatrist" not in text


def test_a_sign_off_shows_the_credentials_in_the_pages_language(demo):
    page = spanish_article()
    sign_off = record_sign_off(page.get_latest_revision(), user("reviewer_es"), MEDICAL)
    with translation.override("es"):
        assert sign_off.display == "Lucía Navarro, Médica psiquiatra (persona ficticia)"


def test_a_reviewer_without_credentials_in_the_pages_language_is_shown_by_name_only(demo):
    sign_off = record_sign_off(spanish_article().get_latest_revision(), user("reviewer_en"), MEDICAL)
    with translation.override("es"):
        assert sign_off.credentials == "" and sign_off.display == "Rahul Mehta (persona ficticia)"


def test_credentials_are_translated_through_the_catalogs_like_any_snippet(demo):
    spanish = Locale.objects.get(language_code="es")
    source = ReviewerProfile.objects.get(user__username="reviewer_en", locale__language_code="en")
    (catalog,) = CreateTranslation(source, [spanish]).execute()
    (segment,) = catalog.segments.all()
    assert segment.source == "MRCPsych, consultant psychiatrist"
    SaveSegment(segment, "MRCPsych, psiquiatra consultor", segment.version, user("admin")).execute()
    BuildTranslation(catalog).execute()
    translated = ReviewerProfile.objects.get(translation_key=source.translation_key, locale=spanish)
    assert (translated.user, translated.credentials) == (source.user, "MRCPsych, psiquiatra consultor")
    sign_off = record_sign_off(spanish_article().get_latest_revision(), user("reviewer_en"), MEDICAL)
    with translation.override("es"):
        assert sign_off.display == "Rahul Mehta, MRCPsych, psiquiatra consultor (persona ficticia)"
