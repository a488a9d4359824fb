"""Inline child objects (ParentalKey / InlinePanel) are translated with their parent.

Proved on Wagtail's form builder in tests/testapp: a form's fields are child objects with a
label, help text and choices a reader sees, and a ``clean_name`` that stored submissions use.
"""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from tests.testapp.models import FormField, FormPage
from translations.actions import BuildTranslation, CreateTranslation, SaveSegment, SyncTranslations
from translations.extract import extract

pytestmark = pytest.mark.django_db

FIELDS = [
    {"label": "Your name", "field_type": "singleline", "help_text": "As on your letter", "choices": ""},
    {"label": "Best time to call", "field_type": "dropdown", "help_text": "", "choices": "Morning\nAfternoon"},
]


@pytest.fixture
def form_page(home):
    page = home.add_child(
        instance=FormPage(
            title="Call me back",
            slug="call-me-back",
            intro="<p>We call you within a day.</p>",
            form_fields=[FormField(sort_order=i, **field) for i, field in enumerate(FIELDS)],
        )
    )
    page.save_revision().publish()
    return FormPage.objects.get(pk=page.pk)


@pytest.fixture
def spanish(demo):
    return Locale.objects.get(language_code="es")


def translate_all(catalog):
    for segment in catalog.segments.current():
        SaveSegment(segment, "ES " + segment.source, segment.version, user=None).execute()


def test_form_field_labels_help_texts_and_choices_become_segments_but_not_their_names(form_page):
    first, second = form_page.form_fields.all()
    units = {unit.context: unit for unit in extract(form_page)}
    assert units[f"form_fields.{first.pk}.label"].source == "Your name"
    assert units[f"form_fields.{first.pk}.help_text"].source == "As on your letter"
    assert units[f"form_fields.{second.pk}.choices"].source == "Morning\nAfternoon"
    assert units[f"form_fields.{second.pk}.label"].label == "Form field 2 \u203a Label"
    assert not any(context.endswith(("clean_name", "field_type")) for context in units)


def test_translated_form_shows_translated_labels_and_choices_and_keeps_field_names(form_page, spanish, client):
    (catalog,) = CreateTranslation(form_page, [spanish]).execute()
    translate_all(catalog)
    BuildTranslation(catalog).execute().get_latest_revision().publish()

    translated = FormPage.objects.get(translation_key=form_page.translation_key, locale=spanish)
    fields = list(translated.form_fields.all())
    assert [f.label for f in fields] == ["ES Your name", "ES Best time to call"]
    assert fields[1].choices == "ES Morning\nAfternoon"
    assert [f.clean_name for f in fields] == [f.clean_name for f in form_page.form_fields.all()]
    assert [f.field_type for f in fields] == ["singleline", "dropdown"]
    # The source keeps its own children.
    assert [f.label for f in FormPage.objects.get(pk=form_page.pk).form_fields.all()] == [
        "Your name",
        "Best time to call",
    ]

    html = client.get(translated.url).content.decode()
    assert "ES Your name" in html and "ES As on your letter" in html and ">Your name<" not in html


def test_a_field_added_to_the_source_form_becomes_a_new_segment_and_translations_are_kept(form_page, spanish):
    (catalog,) = CreateTranslation(form_page, [spanish]).execute()
    translate_all(catalog)
    form_page.form_fields.add(FormField(sort_order=2, label="Phone number", field_type="singleline"))
    form_page.save_revision().publish()
    SyncTranslations(FormPage.objects.get(pk=form_page.pk)).execute()

    new = FormField.objects.get(page=form_page, label="Phone number")
    assert catalog.segments.get(context=f"form_fields.{new.pk}.label").translation == ""
    assert catalog.segments.filter(translation="ES Your name").exists()


def test_build_command_puts_translated_children_in_the_draft(form_page, spanish, tmp_path):
    call_command("translate_page", str(form_page.pk), locale=["es"])
    translation = FormPage.objects.get(translation_key=form_page.translation_key, locale=spanish)
    catalog = translation_catalog(form_page, spanish)
    translate_all(catalog)
    call_command("build_translation", str(form_page.pk), locale="es")
    draft = FormPage.objects.get(pk=translation.pk).get_latest_revision_as_object()
    assert [f.label for f in draft.form_fields.all()] == ["ES Your name", "ES Best time to call"]


def translation_catalog(source, locale):
    from translations.models import TranslationCatalog

    return TranslationCatalog.objects.get(translation_key=source.translation_key, target_locale=locale)
