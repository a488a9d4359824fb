"""The plugin works on any model: an unrelated page type and a translatable snippet."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from tests.factories import event_page, untranslated
from tests.testapp.models import EventPage, Notice
from translations.actions import BuildTranslation, CreateTranslation, SaveSegment, SyncTranslations
from translations.extract import extract
from translations.models import Segment

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(article):
    """The demo article, its translations into pl left out: these tests start them afresh."""
    return untranslated(article, "pl")


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


@pytest.fixture
def event(demo):
    from wagtail.models import Page

    return event_page(Page.get_first_root_node(), slug="open-day")


def translate_all(catalog, prefix="ES "):
    for segment in catalog.segments.current():
        SaveSegment(segment, prefix + segment.source, segment.version, user=None).execute()


def test_event_page_segments_cover_its_own_fields(event):
    contexts = {unit.context: unit.source for unit in extract(event)}
    assert contexts["venue"] == "Main hall"
    assert "description.1" in contexts and "<1>care team</1>" in contexts["description.1"]
    assert any(c.endswith(".name") for c in contexts) and any(c.endswith(".speaker") for c in contexts)
    assert "Bring your letter." in contexts.values()


def test_event_page_round_trip_keeps_dates_and_link_targets(event, spanish):
    (catalog,) = CreateTranslation(event, [spanish]).execute()
    translate_all(catalog)
    draft = BuildTranslation(catalog).execute().get_latest_revision_as_object()
    assert draft.venue == "ES Main hall"
    assert 'href="https://example.org/team"' in draft.description
    assert "ES Meet the" in draft.description
    assert draft.starts_at == event.starts_at
    assert draft.programme[1].value[0] == "ES Bring your letter."
    assert not EventPage.objects.get(pk=draft.pk).live


def test_event_page_source_change_is_merged(event, spanish):
    (catalog,) = CreateTranslation(event, [spanish]).execute()
    Segment.objects.filter(catalog=catalog).update(translation="X", state=Segment.TRANSLATED)
    event.venue = "Garden room"
    event.save_revision().publish()
    SyncTranslations(EventPage.objects.get(pk=event.pk)).execute()
    venue = catalog.segments.get(context="venue")
    assert (venue.state, venue.previous_source, venue.translation) == (Segment.FUZZY, "Main hall", "X")


def test_snippets_are_translated_the_same_way(spanish):
    english = Locale.objects.get_or_create(language_code="en")[0]
    notice = Notice.objects.create(
        locale=english, heading="Clinic closed", text="<p>Closed on <b>25 December</b>.</p>", link="https://example.org"
    )
    (catalog,) = CreateTranslation(notice, [spanish]).execute()
    assert [s.source for s in catalog.segments.all()] == ["Clinic closed", "Closed on <1>25 December</1>."]
    translate_all(catalog)
    BuildTranslation(catalog).execute()
    translated = Notice.objects.get(locale=spanish, translation_key=notice.translation_key)
    assert translated.heading == "ES Clinic closed"
    assert translated.text == "<p>ES Closed on <b>25 December</b>.</p>"
    assert translated.link == "https://example.org"


def test_commands_translate_export_import_and_build(article, tmp_path, capsys):
    import polib

    call_command("translate_page", article.url, "--locale", "pl")
    out = tmp_path / "pl.po"
    call_command("export_po", str(article.pk), "--locale", "pl", "-o", str(out))
    po = polib.pofile(str(out))
    for entry in po:
        entry.msgstr = "PL " + entry.msgid
    po.save(str(out))
    call_command("import_po", str(out), "--user", "translator_pl")
    call_command("build_translation", str(article.pk), "--locale", "pl", "--user", "translator_pl")
    printed = capsys.readouterr().out
    assert "Applied: " in printed and "it is not published" in printed
    polish = article.get_translation(Locale.objects.get(language_code="pl"))
    assert polish.get_latest_revision_as_object().title == "PL " + article.title
    assert not polish.live


def test_build_command_lists_unfinished_segments_and_fails(article, capsys):
    from django.core.management.base import CommandError

    call_command("translate_page", str(article.pk), "--locale", "pl")
    with pytest.raises(CommandError, match="not finished"):
        call_command("build_translation", str(article.pk), "--locale", "pl")
    assert "untranslated: title" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["translate_page", "99999", "--locale", "es"], "No page"),
        (["translate_page", "/en/no/such/page/", "--locale", "es"], "No page"),
        (["translate_page", "/en/depression/", "--locale", "xx"], "Unknown language: xx"),
        (
            ["export_po", "/en/depression/treatment-resistant-depression/", "--locale", "ur"],
            "has no translation into ur",
        ),
        (
            ["build_translation", "/en/depression/treatment-resistant-depression/", "--locale", "ur"],
            "has no translation into ur",
        ),
    ],
)
def test_commands_explain_bad_arguments(demo, args, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match=message):
        call_command(*args)


def test_import_command_refuses_a_file_that_is_not_a_catalog(demo, tmp_path):
    from django.core.management.base import CommandError

    path = tmp_path / "x.po"
    path.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n')
    with pytest.raises(CommandError, match=r"does not name a translation catalog \(X-Translation-Catalog header\)"):
        call_command("import_po", str(path))
