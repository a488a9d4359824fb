"""PO import: bad files get a specific message and change nothing; work is never overwritten."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from wagtail.models import Locale

from tests.factories import untranslated
from translations.actions import CreateTranslation, SaveSegment, as_catalog
from translations.catalogs import to_po
from translations.models import Segment
from translations.po_import import MAX_UPLOAD_BYTES, ImportPO

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(article):
    """The demo article, its translations into pl, ur left out: these tests start them afresh."""
    return untranslated(article, "pl", "ur")


@pytest.fixture
def catalog(article):
    (catalog,) = CreateTranslation(article, [Locale.objects.get(language_code="pl")]).execute()
    return catalog


def exported(catalog):
    return polib.pofile(to_po(as_catalog(catalog)).decode("utf-8"))


def filled(catalog, edit=None):
    po = exported(catalog)
    for entry in po:
        entry.msgstr = "ES " + entry.msgid
    if edit:
        edit(po)
    return str(po).encode("utf-8")


def snapshot(catalog):
    return list(catalog.segments.order_by("pk").values_list("translation", "state", "version"))


def rich_segment(catalog):
    return catalog.segments.filter(source__contains="<1>").first()


def assert_refused(catalog, data, *expected):
    before = snapshot(catalog)
    report = ImportPO(catalog, data).execute()
    assert not report.ok
    text = " ".join(report.errors)
    for fragment in expected:
        assert fragment in text, text
    assert snapshot(catalog) == before
    return report


def test_a_clean_file_is_applied(catalog):
    report = ImportPO(catalog, filled(catalog)).execute()
    assert report.ok and not report.conflicts
    assert set(catalog.segments.values_list("state", flat=True)) == {Segment.TRANSLATED}


def test_malformed_po_syntax_names_the_line(catalog):
    data = filled(catalog).replace(b'msgstr "ES ', b'msgtsr "ES ', 1)
    assert_refused(catalog, data, "Line ", "misformatted")


def test_a_file_that_is_not_utf8_is_refused(catalog):
    data = filled(catalog).decode("utf-8").replace("ES ", "Español ").encode("latin-1", errors="replace")
    assert_refused(catalog, data, "UTF-8")


def test_a_file_declaring_another_charset_is_refused(catalog):
    data = filled(catalog).replace(b"charset=utf-8", b"charset=ISO-8859-1")
    assert_refused(catalog, data, "iso-8859-1", "only UTF-8")


def test_a_file_for_another_language_is_refused(catalog, article):
    (urdu,) = CreateTranslation(article, [Locale.objects.get(language_code="ur")]).execute()
    assert_refused(catalog, filled(urdu), "another page or language")


def test_a_file_whose_language_header_was_changed_is_refused(catalog):
    data = filled(catalog).replace(b"X-Translation-Target-Locale: pl", b"X-Translation-Target-Locale: es")
    assert_refused(catalog, data, "is for es")


def test_an_unknown_context_is_refused_naming_it(catalog):
    def add_unknown(po):
        po.append(polib.POEntry(msgctxt="body.not-a-block", msgid="Hello", msgstr="Hola"))

    assert_refused(catalog, filled(catalog, add_unknown), "body.not-a-block")


def test_duplicate_entries_are_refused(catalog):
    def duplicate(po):
        first = po[0]
        po.append(polib.POEntry(msgctxt=first.msgctxt, msgid=first.msgid, msgstr="Otra vez"))

    data = filled(catalog, duplicate)
    report = ImportPO(catalog, data).execute()
    assert not report.ok and "duplicate" in " ".join(report.errors)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda text: text.replace("</1>", ""), "</1>"),
        (lambda text: text + ' <script>alert("x")</script>', "HTML markup is not allowed"),
        (lambda text: text.replace("<1>", '<1 href="javascript:alert(1)">'), ""),
        (lambda text: text + " <7>extra</7>", "<7>"),
    ],
)
def test_changed_or_injected_markup_is_refused(catalog, change, message):
    target = rich_segment(catalog)

    def tamper(po):
        entry = next(e for e in po if e.msgctxt == target.context)
        entry.msgstr = change(entry.msgstr)

    report = assert_refused(catalog, filled(catalog, tamper), message)
    assert target.context in " ".join(report.errors)


def test_an_oversized_file_is_refused(catalog):
    assert_refused(catalog, b"#" * (MAX_UPLOAD_BYTES + 1), "limit")


def test_an_empty_msgstr_keeps_the_saved_translation(catalog):
    ImportPO(catalog, filled(catalog)).execute()
    title = catalog.segments.get(context="title")

    def blank_title(po):
        next(e for e in po if e.msgctxt == "title").msgstr = ""

    report = ImportPO(catalog, filled(catalog, blank_title)).execute()
    assert report.ok and any("title" in item for item in report.skipped)
    assert catalog.segments.get(context="title").translation == title.translation


def test_a_segment_changed_since_the_export_is_a_conflict_and_is_kept(catalog):
    ImportPO(catalog, filled(catalog)).execute()
    stale_export = filled(catalog, lambda po: setattr(po.find("title", by="msgctxt"), "msgstr", "Título del archivo"))
    title = catalog.segments.get(context="title")
    reviewer = get_user_model().objects.get(username="translator_pl")
    SaveSegment(title, "Título revisado en línea", title.version, reviewer).execute()

    report = ImportPO(catalog, stale_export).execute()
    assert report.ok
    assert any("title" in conflict for conflict in report.conflicts)
    assert catalog.segments.get(context="title").translation == "Título revisado en línea"


def test_a_fuzzy_entry_stays_needs_review(catalog):
    def fuzzy_title(po):
        po.find("title", by="msgctxt").flags.append("fuzzy")

    ImportPO(catalog, filled(catalog, fuzzy_title)).execute()
    assert catalog.segments.get(context="title").state == Segment.FUZZY
    assert catalog.segments.exclude(context="title").filter(state=Segment.TRANSLATED).exists()


def test_a_translator_cannot_import_into_another_language(catalog):
    translator = get_user_model().objects.get(username="translator_ar")
    before = snapshot(catalog)
    with pytest.raises(PermissionDenied):
        ImportPO(catalog, filled(catalog), translator).execute()
    assert snapshot(catalog) == before


def test_the_polish_translator_can_import_polish(catalog):
    translator = get_user_model().objects.get(username="translator_pl")
    assert ImportPO(catalog, filled(catalog), translator).execute().ok
    assert catalog.segments.filter(updated_by=translator).count() == catalog.segments.count()
