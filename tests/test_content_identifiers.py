"""Identifiers are kept from the source: fields and blocks with validators are not offered for
translation unless a model or block opts them in, and a build that fails validation names the
segment and its field and saves nothing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page

from tests.factories import event_with_everything, fill_po
from tests.testapp.models import EventPage
from translations.actions import BuildTranslation, CreateTranslation, SyncTranslations, as_catalog
from translations.catalogs import to_po
from translations.extract import extract
from translations.fields import KEPT, TEXT, block_kind
from translations.models import Segment
from translations.po_import import ImportPO
from translations.validation import InvalidTranslation

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


@pytest.fixture
def event(demo):
    return event_with_everything(Page.get_first_root_node())


def translate_into(source, code="es"):
    (catalog,) = CreateTranslation(source, [locale(code)]).execute()
    return catalog


def fill(catalog, text=lambda segment: segment.source.upper()):
    """Translate every segment as a translator would, through a PO file."""
    texts = {segment.source: text(segment) for segment in catalog.segments.current()}
    report = ImportPO(catalog, fill_po(to_po(as_catalog(catalog)), lambda msgid: texts[msgid])).execute()
    assert report.ok, report.errors


def test_fields_and_blocks_with_validators_are_not_offered_for_translation(event):
    offered = {unit.source for unit in extract(event)}
    for identifier in ("events@example.org", "https://example.org/book", "51.5, -0.12", "B102"):
        assert identifier not in offered
    for identifier in ("desk@example.org", "https://example.org/desk", "4410"):
        assert identifier not in offered
    assert {"Main hall", "Front desk", "Turn left at the fountain", "fountain"} <= offered


def test_a_model_and_a_block_may_opt_a_validated_field_in(event):
    offered = {unit.source for unit in extract(event)}
    assert "A calm day" in offered  # EventPage.translation_include_fields = ["tagline"]
    assert "Calm and kind" in offered  # CharBlock(validators=[...], translatable=True)


def test_block_kinds_follow_validators_and_the_translatable_option():
    from django.core.validators import validate_integer
    from wagtail import blocks

    assert block_kind(blocks.CharBlock()) == TEXT
    assert block_kind(blocks.CharBlock(max_length=10)) == TEXT  # a length limit is not an identifier
    assert block_kind(blocks.CharBlock(validators=[validate_integer])) == KEPT
    assert block_kind(blocks.CharBlock(validators=[validate_integer], translatable=True)) == TEXT
    assert block_kind(blocks.CharBlock(translatable=False)) == KEPT
    for identifier in (blocks.URLBlock(), blocks.EmailBlock(), blocks.RegexBlock(regex=r"\d+"), blocks.IntegerBlock()):
        assert block_kind(identifier) == KEPT


def test_the_built_translation_keeps_every_identifier_of_the_source(event):
    catalog = translate_into(event)
    fill(catalog)
    draft = BuildTranslation(catalog).execute().get_latest_revision_as_object()
    assert (draft.contact_email, draft.booking_url, draft.coordinates, draft.room) == (
        "events@example.org",
        "https://example.org/book",
        "51.5, -0.12",
        "B102",
    )
    contact = next(child.value for child in draft.programme if child.block_type == "contact")
    assert contact["name"] == "FRONT DESK"
    assert (contact["email"], contact["website"], contact["room"], contact["extension"], contact["seats"]) == (
        "desk@example.org",
        "https://example.org/desk",
        "B102",
        "4410",
        40,
    )
    assert draft.tagline == "A CALM DAY"


def test_reference_identifiers_of_the_demo_article_are_not_translatable(article):
    contexts = [unit.context for unit in extract(article)]
    references = [context for context in contexts if context.startswith("references.")]
    assert references and all(context.endswith((".title", ".publisher")) for context in references)


def test_a_translator_cannot_change_a_doi(article):
    catalog = translate_into(article, "pl")
    fill(catalog, lambda segment: "PL " + segment.source)
    draft = BuildTranslation(catalog).execute().get_latest_revision_as_object()
    for source, built in zip(article.references, draft.references, strict=True):
        for name in ("doi", "pmid", "url", "year"):
            assert built.value[name] == source.value[name]
        assert built.value["title"] == "PL " + source.value["title"]


def test_an_old_po_file_with_a_doi_entry_changes_no_doi(article):
    """An agency's file exported before identifiers were kept still has the DOI: it is refused, not applied."""
    catalog = translate_into(article, "pl")
    reference = next(reference for reference in article.references if reference.value["doi"])
    doi = reference.value["doi"]
    data = to_po(as_catalog(catalog)).decode()
    data += f'\nmsgctxt "references.{reference.id}.doi"\nmsgid "{doi}"\nmsgstr "PL {doi}"\n'
    report = ImportPO(catalog, data.encode()).execute()
    assert not report.ok and "this text is not in the translation" in " ".join(report.errors)
    assert not catalog.segments.filter(context__endswith=".doi").exists()


def test_existing_catalogs_lose_identifier_segments_on_sync_and_keep_every_translation(article):
    """A catalog made before identifiers were kept has DOI segments: the next sync makes them obsolete."""
    catalog = translate_into(article, "pl")
    fill(catalog, lambda segment: "PL " + segment.source)
    reference = next(reference for reference in article.references if reference.value["doi"])
    doi = catalog.segments.create(
        context=f"references.{reference.id}.doi",
        source=reference.value["doi"],
        translation="PL " + reference.value["doi"],
        state=Segment.TRANSLATED,
        position=999,
    )
    before = dict(catalog.segments.exclude(pk=doi.pk).values_list("context", "translation"))
    counts = SyncTranslations(article).execute()["pl"]
    assert counts["obsolete"] == 1
    doi.refresh_from_db()
    assert doi.obsolete and doi.translation == "PL " + reference.value["doi"]  # kept, no longer asked for
    assert dict(catalog.segments.exclude(pk=doi.pk).values_list("context", "translation")) == before
    assert not catalog.segments.unfinished().exists()


def context_of(event, which):
    """The segment context of the event's tagline, motto block or directions landmark."""
    if which == "tagline":
        return "tagline"
    child = next(child for child in event.programme if child.block_type in which)
    return f"programme.{child.id}" + (".landmark" if which == "directions" else "")


@pytest.mark.parametrize(
    ("which", "translation", "named", "message"),
    [
        ("tagline", "Un día tranquilo!", "Tagline (tagline), in the field “Tagline”", "No exclamation marks"),
        ("motto", "¡Calma!", "Programme › Motto (programme.", "No exclamation marks"),
        ("directions", "la estatua", "Programme › Directions › Landmark (programme.", "The landmark must appear"),
    ],
)
def test_a_failed_build_names_the_segment_and_field_and_saves_nothing(event, which, translation, named, message):
    catalog = translate_into(event)
    failing = context_of(event, which)
    fill(catalog, lambda segment: translation if segment.context == failing else segment.source.upper())
    target = catalog.target_object
    revisions = target.revisions.count()
    with pytest.raises(InvalidTranslation) as refused:
        BuildTranslation(catalog).execute()
    (problem,) = refused.value.problems
    text = " ".join(refused.value.messages)
    assert problem.context == failing and named in text and message in text
    assert target.revisions.count() == revisions
    catalog.refresh_from_db()
    assert catalog.built_revision_id is None
    assert EventPage.objects.get(pk=target.pk).get_latest_revision_as_object().venue == "Main hall"


def test_the_build_command_names_each_failing_segment(event, capsys):
    catalog = translate_into(event)
    fill(catalog, lambda segment: "¡Hola!" if segment.context == "tagline" else segment.source.upper())
    with pytest.raises(CommandError, match="nothing was saved"):
        call_command("build_translation", str(event.pk), "--locale", "es")
    assert "Tagline (tagline), in the field “Tagline”: No exclamation marks, please." in capsys.readouterr().err


def test_a_translation_too_long_for_its_field_is_refused_at_import_naming_the_field(article):
    catalog = translate_into(article, "pl")
    before = list(catalog.segments.order_by("pk").values_list("translation", "version"))
    texts = {
        segment.source: "x" * 400 if segment.context == "author" else "PL " + segment.source
        for segment in catalog.segments.current()
    }
    report = ImportPO(catalog, fill_po(to_po(as_catalog(catalog)), lambda msgid: texts[msgid])).execute()
    assert not report.ok
    assert [error.split(": ", 1)[1] for error in report.errors] == [
        "Too long for “Author”: 400 characters; it holds at most 255."
    ]
    assert list(catalog.segments.order_by("pk").values_list("translation", "version")) == before


def test_a_translation_too_long_for_its_field_is_still_named_at_build(article):
    """Saved behind the checks (before they existed, or in code): the build names it."""
    catalog = translate_into(article, "pl")
    fill(catalog, lambda segment: "PL " + segment.source)
    catalog.segments.filter(context="author").update(translation="x" * 400)
    with pytest.raises(ValidationError, match=r"Author \(author\), in the field “Author”: Ensure this value"):
        BuildTranslation(catalog).execute()


def test_a_source_that_already_fails_a_check_does_not_block_its_translation(event):
    """Content saved in code may break a block rule; the translation is not blamed for it."""
    directions = next(child for child in event.programme if child.block_type == "directions")
    directions.value["landmark"] = "statue"  # not in the text: the source itself fails the rule
    event.save_revision().publish()
    event = EventPage.objects.get(pk=event.pk)
    catalog = translate_into(event)
    fill(catalog)
    BuildTranslation(catalog).execute()


def test_a_misspelt_field_option_is_a_system_check_error(monkeypatch):
    from translations.checks import check_translation_fields

    assert check_translation_fields() == []
    monkeypatch.setattr(EventPage, "translation_include_fields", ["tag_line"])
    (error,) = check_translation_fields()
    assert (
        error.id == "translations.E002" and "testapp.EventPage.translation_include_fields names 'tag_line'" in error.msg
    )


def test_a_segment_whose_markup_was_broken_behind_the_checks_is_named_at_build(event):
    catalog = translate_into(event)
    fill(catalog)
    Segment.objects.filter(catalog=catalog, context="description.1").update(translation="Lea primero.")
    with pytest.raises(InvalidTranslation, match=r"Description \(description\), in the field “Description”"):
        BuildTranslation(catalog).execute()


def test_the_build_button_names_the_segment_and_links_to_it(client, event):
    from django.urls import reverse

    catalog = translate_into(event)
    fill(catalog, lambda segment: "¡Hola!" if segment.context == "tagline" else segment.source.upper())
    client.login(username="admin", password="carelingua-demo")
    response = client.post(reverse("carelingua_translations:build", args=[catalog.pk]), follow=True)
    html = response.content.decode()
    assert "Tagline (tagline), in the field “Tagline”: No exclamation marks, please." in html
    segment = catalog.segments.get(context="tagline")
    assert f'href="{reverse("carelingua_translations:editor", args=[catalog.pk])}#segment-{segment.pk}"' in html
    assert catalog.target_object.revisions.count() == 1  # the copy's own; no built draft
