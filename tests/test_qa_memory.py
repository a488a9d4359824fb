"""Translation memory: approved segments of other pages, exact and fuzzy, on any database."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page

from translations.memory import exact_matches, score, suggestions
from translations.models import Segment, TranslationCatalog

pytestmark = pytest.mark.django_db

# Sentences the demo site does not have (its approved Spanish article is in the memory too).
DRIVE = "Keep the nasal spray at room temperature, away from children."
DRIVE_ES = "Guarde el espray nasal a temperatura ambiente, lejos de los niños."


def catalog_for(title, language="es"):
    """A page and its translation catalog into a language (no segments yet). Test pages hang
    under the tree root, outside the demo site, whose approved translations are remembered too."""
    page = Page.get_first_root_node().add_child(instance=Page(title=title, slug=title.lower().replace(" ", "-")))
    return TranslationCatalog.objects.create(
        content_type=ContentType.objects.get_for_model(Page),
        translation_key=page.translation_key,
        source_locale=page.locale,
        target_locale=Locale.objects.get_or_create(language_code=language)[0],
    )


def remember(catalog, source, translation, state=Segment.TRANSLATED, obsolete=False):
    position = catalog.segments.count()
    return Segment.objects.create(
        catalog=catalog,
        position=position,
        context=f"body.{position}",
        source=source,
        translation=translation,
        state=state,
        obsolete=obsolete,
    )


@pytest.fixture
def sleep_page():
    catalog = catalog_for("Sleep and depression")
    remember(catalog, DRIVE, DRIVE_ES)
    remember(catalog, "Take 56mg twice a week.", "Tome 56 mg dos veces por semana.")
    return catalog


def test_an_exact_match_approved_on_another_page_is_found(sleep_page):
    new = catalog_for("Esketamine")
    (found,) = suggestions(DRIVE, "es", exclude_catalog=new)
    assert (found.text, found.score, found.exact) == (DRIVE_ES, 100, True)
    assert found.catalog_id == sleep_page.pk and found.page_title == "Sleep and depression"


def test_a_close_match_has_its_percentage(sleep_page):
    (found,) = suggestions("Take 84mg twice a week.", "es")
    assert found.source == "Take 56mg twice a week."
    assert 85 <= found.score < 100 and not found.exact


def test_unrelated_text_finds_nothing(sleep_page):
    assert suggestions("Bring your glasses and a list of the medicines you take.", "es") == []


def test_only_approved_current_segments_of_the_same_language(sleep_page):
    other = catalog_for("Anxiety")
    remember(other, "Stay at the clinic for 2 hours.", "Quédese 2 horas.", state=Segment.FUZZY)
    remember(other, "Stay at the clinic for 3 hours.", "Quédese 3 horas.", state=Segment.MACHINE)
    remember(other, "Stay at the clinic for 4 hours.", "Quédese 4 horas.", obsolete=True)
    polish = catalog_for("Lęk", language="pl")
    remember(polish, DRIVE, "Przechowuj aerozol w temperaturze pokojowej.")
    assert suggestions("Stay at the clinic for 2 hours.", "es") == []
    assert [s.text for s in suggestions(DRIVE, "pl")] == ["Przechowuj aerozol w temperaturze pokojowej."]
    assert suggestions(DRIVE, "es", exclude_catalog=sleep_page) == []


def test_exact_first_one_per_translation_and_limited(sleep_page):
    other = catalog_for("Anxiety")
    remember(other, DRIVE, DRIVE_ES)  # the same translation again
    remember(
        other, "Keep the nasal spray at room temperature, away from small children.", "Guárdelo lejos de los niños."
    )
    found = suggestions(DRIVE, "es")
    assert [s.text for s in found] == [DRIVE_ES, "Guárdelo lejos de los niños."]
    assert found[0].exact and not found[1].exact
    assert len(suggestions(DRIVE, "es", limit=1)) == 1


def test_lookup_takes_a_few_queries(sleep_page, django_assert_max_num_queries):
    for i in range(20):
        remember(catalog_for(f"Page {i}"), f"Keep the nasal spray at room temperature, away from pets {i}.", f"{i}")
    with django_assert_max_num_queries(6):
        assert len(suggestions(DRIVE, "es")) == 5


def test_score():
    assert score("Take 56mg.", "Take 56mg.") == 100
    assert 80 < score("Take 56mg twice a week.", "Take 84mg twice a week.") < 100
    assert score("Take 56mg twice a week.", "Nobody knows for certain how it works.", floor=70) == 0


def test_exact_matches_of_many_texts_at_once_give_the_latest_approved_translation(sleep_page):
    later = catalog_for("Anxiety")
    remember(later, DRIVE, "Guárdelo a temperatura ambiente.")
    texts = [f"  {DRIVE}\n", "Take 56mg twice a week.", "Nothing like this was ever translated."]
    assert exact_matches(texts, "es") == {
        texts[0]: "Guárdelo a temperatura ambiente.",
        texts[1]: "Tome 56 mg dos veces por semana.",
    }
    assert exact_matches(texts, "pl") == {}
    assert exact_matches(texts, "es", exclude_catalog=later) == {
        texts[0]: DRIVE_ES,
        texts[1]: "Tome 56 mg dos veces por semana.",
    }


def test_an_exact_match_is_found_by_its_hash_even_when_the_row_was_written_in_bulk(sleep_page):
    """Rows written by bulk_create, the catalog sync and the PO import carry the hash too."""
    other = catalog_for("Anxiety")
    Segment.objects.bulk_create(
        [Segment(catalog=other, context="x", source="Drink water.", translation="Beba agua.", state=Segment.TRANSLATED)]
    )
    assert [s.text for s in suggestions("Drink   water.", "es")] == ["Beba agua."]
