"""Translate, export, fill with polib, import, build: on the demo article and on an unrelated model."""

import polib
import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale, PageLogEntry

from cms.models import ArticlePage, TopicIndexPage
from tests.factories import fill_po, publish_reviewed, untranslated
from translations.actions import (
    BuildTranslation,
    CreateTranslation,
    IncompleteCatalog,
    SyncTranslations,
    as_catalog,
)
from translations.catalogs import to_po
from translations.extract import extract
from translations.models import Segment
from translations.po_import import ImportPO

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(article):
    """The demo article, its translations into pl, ur left out: these tests start them afresh."""
    return untranslated(article, "pl", "ur")


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(page, code="pl", user=None):
    (catalog,) = CreateTranslation(page, [locale(code)], user).execute()
    return catalog


def export(catalog):
    return to_po(as_catalog(catalog))


def polish(text):
    """A stand-in translation that keeps every placeholder: enough to tell languages apart."""
    return "PL " + text


def test_translate_creates_a_draft_in_the_urdu_tree_with_parents(article):
    untranslated(article.get_parent(), "ur")
    catalog = translate(article, "ur")
    target = catalog.target_object
    assert target.locale.language_code == "ur"
    assert not target.live
    parent = target.get_parent().specific
    assert isinstance(parent, TopicIndexPage) and parent.locale.language_code == "ur"
    assert not parent.live, "a parent copied into the Urdu tree must not go live untranslated"
    assert parent.get_parent().specific.locale.language_code == "ur"
    assert catalog.segments.count() == len(extract(article)) > 50
    assert set(catalog.segments.values_list("state", flat=True)) == {Segment.UNTRANSLATED}


def test_segments_cover_every_text_and_no_non_text_value(article):
    sources = {unit.source for unit in extract(article)}
    assert article.title in sources
    assert "Twice a week" in sources  # a table cell
    assert any(s.startswith("Take ") or "56mg" in s for s in sources)
    contexts = [unit.context for unit in extract(article)]
    assert len(contexts) == len(set(contexts))
    assert not any(unit.source.strip() in ("urgent", "emergency", "non-urgent") for unit in extract(article))
    assert not any("https://" in unit.source for unit in extract(article))


def test_round_trip_export_polib_import_build_shows_every_translation(article):
    catalog = translate(article)
    data = fill_po(export(catalog), polish)
    report = ImportPO(catalog, data).execute()
    assert report.ok, report.errors
    assert len(report.applied) == catalog.segments.count()
    target = BuildTranslation(catalog).execute()
    draft = target.get_latest_revision_as_object()
    for unit in extract(draft):
        assert unit.source.startswith("PL "), unit
    assert not ArticlePage.objects.get(pk=target.pk).live


def test_a_translation_equal_to_the_source_builds_the_source_content(article):
    catalog = translate(article)
    report = ImportPO(catalog, fill_po(export(catalog), lambda text: text)).execute()
    assert report.ok
    draft = BuildTranslation(catalog).execute().get_latest_revision_as_object()
    for name in ("title", "author", "search_description"):
        assert getattr(draft, name) == getattr(article, name)
    for name in ("summary", "body", "references"):
        assert getattr(draft, name).get_prep_value() == getattr(article, name).get_prep_value(), name


def test_building_an_incomplete_catalog_is_refused_with_the_unfinished_segments(article):
    catalog = translate(article)
    with pytest.raises(IncompleteCatalog) as refused:
        BuildTranslation(catalog).execute()
    assert len(refused.value.segments) == catalog.segments.count()
    assert catalog.target_object.get_latest_revision().content["title"] == article.title


def test_export_is_accepted_by_msgfmt_check(article, tmp_path):
    import subprocess

    catalog = translate(article)
    path = tmp_path / "es.po"
    path.write_bytes(fill_po(export(catalog), polish))
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_source_edit_then_sync_keeps_fuzzies_and_obsoletes(article):
    catalog = translate(article)
    ImportPO(catalog, fill_po(export(catalog), polish)).execute()
    body = article.body.raw_data
    first_paragraph = next(i for i, b in enumerate(body) if b["type"] == "paragraph")
    heading = next(i for i, b in enumerate(body) if b["type"] == "heading")
    old_heading = body[heading]["value"]
    body[heading]["value"] = old_heading + " (updated)"
    removed_id = body[first_paragraph]["id"]
    del body[first_paragraph]
    article.save_revision()
    publish_reviewed(article)

    SyncTranslations(ArticlePage.objects.get(pk=article.pk)).execute()

    segments = {s.context: s for s in catalog.segments.all()}
    changed = segments[f"body.{body[heading]['id']}"]
    assert changed.state == Segment.FUZZY
    assert changed.previous_source == old_heading
    assert changed.translation == polish(old_heading)
    removed = [s for c, s in segments.items() if c.startswith(f"body.{removed_id}")]
    assert removed and all(s.obsolete and s.translation.startswith("PL ") for s in removed)
    kept = segments["title"]
    assert kept.state == Segment.TRANSLATED and kept.translation == polish(article.title)

    po = polib.pofile(export(catalog).decode("utf-8"))
    entry = next(e for e in po if e.msgctxt == changed.context)
    assert "fuzzy" in entry.flags and entry.previous_msgid == old_heading
    assert any(e.obsolete for e in po)


def test_publishing_the_source_syncs_its_translations(article, django_capture_on_commit_callbacks):
    catalog = translate(article)
    article.title = "Esketamine and ketamine: a guide"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision()
        publish_reviewed(article)
    assert catalog.segments.get(context="title").source == "Esketamine and ketamine: a guide"
    assert PageLogEntry.objects.filter(page=catalog.target_object, action="carelingua.catalog_synced").exists()


def test_translating_twice_creates_nothing_new(article):
    catalog = translate(article)
    assert translate(article).pk == catalog.pk
    assert ArticlePage.objects.filter(translation_key=article.translation_key, locale__language_code="pl").count() == 1


def test_a_language_cannot_be_translated_into_itself(article):
    with pytest.raises(ValidationError):
        CreateTranslation(article, [locale("en")]).execute()


def test_audit_log_records_creation_import_and_build(article):
    catalog = translate(article)
    ImportPO(catalog, fill_po(export(catalog), polish)).execute()
    BuildTranslation(catalog).execute()
    actions = set(PageLogEntry.objects.filter(page=catalog.target_object).values_list("action", flat=True))
    assert {"carelingua.translation_created", "carelingua.po_imported", "carelingua.draft_built"} <= actions
