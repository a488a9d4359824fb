"""PO import: bad files get a specific message and change nothing; work is never overwritten."""

import polib
import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from wagtail.models import Locale

from tests.conftest import run_command
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
    assert_refused(catalog, filled(urdu), "Urdu (ur) translation of this page", "into Polish (pl)")


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


# Files as editors and tools really write them


def test_a_utf8_file_with_a_byte_order_mark_is_applied(catalog):
    report = ImportPO(catalog, b"\xef\xbb\xbf" + filled(catalog)).execute()
    assert report.ok, report.errors
    assert set(catalog.segments.values_list("state", flat=True)) == {Segment.TRANSLATED}


def test_a_regional_variant_in_the_language_header_is_named_as_such(catalog):
    data = filled(catalog).replace(b'"Language: pl\\n"', b'"Language: pl_PL\\n"')
    report = assert_refused(catalog, data, "pl_PL", "regional variant", "Language header", "Line 12")
    assert "is for pl, but" not in " ".join(report.errors)


def test_another_language_in_the_language_header_is_named_with_its_line(catalog):
    data = filled(catalog).replace(b'"Language: pl\\n"', b'"Language: ur\\n"')
    line = data.decode().splitlines().index('"Language: ur\\n"') + 1
    assert_refused(catalog, data, f"Line {line}:", "Language header says ur", "Polish (pl)")


def test_a_file_without_the_catalog_header_is_called_malformed_not_another_pages(catalog):
    data = b"\n".join(line for line in filled(catalog).split(b"\n") if b"X-Translation-Catalog" not in line)
    report = assert_refused(catalog, data, "X-Translation-Catalog", "no ")
    assert "another page" not in " ".join(report.errors)


def test_a_garbled_catalog_header_is_named_with_its_line(catalog):
    data = filled(catalog).replace(f"X-Translation-Catalog: {catalog.pk}".encode(), b"X-Translation-Catalog: 12ab")
    line = data.decode().splitlines().index('"X-Translation-Catalog: 12ab\\n"') + 1
    report = assert_refused(catalog, data, f"Line {line}:", "12ab")
    assert "another page" not in " ".join(report.errors)


def test_a_file_for_the_same_page_in_another_language_says_so(catalog, article):
    (urdu,) = CreateTranslation(article, [Locale.objects.get(language_code="ur")]).execute()
    report = assert_refused(catalog, filled(urdu), "Urdu", "Polish")
    assert "another page" not in " ".join(report.errors)


def test_a_file_for_another_page_names_that_page(catalog, demo):
    from cms.models import ArticlePage

    other_article = ArticlePage.objects.get(slug="treatment-resistant-depression", locale__language_code="en")
    (other,) = CreateTranslation(untranslated(other_article, "pl"), [Locale.objects.get(language_code="pl")]).execute()
    assert_refused(catalog, filled(other), "another page", other_article.title)


def test_a_plural_entry_is_refused_naming_its_line(catalog):
    def add_plural(po):
        po.append(
            polib.POEntry(
                msgctxt="title",
                msgid="one dose",
                msgid_plural="%(n)d doses",
                msgstr_plural={0: "jedna dawka", 1: "%(n)d dawki", 2: "%(n)d dawek"},
            )
        )

    data = filled(catalog, add_plural)
    line = data.decode().splitlines().index('msgid_plural "%(n)d doses"')  # the msgid's line
    assert_refused(catalog, data, f"line {line}", "plural")


def test_obsolete_entries_are_ignored_and_reported(catalog):
    def add_obsolete(po):
        title = po.find("title", by="msgctxt")
        po.append(polib.POEntry(msgctxt="title", msgid="An old title", msgstr="Stary tytuł", obsolete=True))
        po.append(polib.POEntry(msgctxt="body.gone", msgid="Removed text", msgstr="Usunięty tekst", obsolete=True))
        title.msgstr = "Tytuł"

    report = ImportPO(catalog, filled(catalog, add_obsolete)).execute()
    assert report.ok, report.errors
    assert catalog.segments.get(context="title").translation == "Tytuł"
    assert not catalog.segments.filter(translation__in=["Stary tytuł", "Usunięty tekst"]).exists()
    assert any("obsolete" in warning and "2" in warning for warning in report.warnings), report.warnings


# The import_po command


def test_import_po_without_permission_is_one_line_not_a_traceback(catalog, tmp_path):
    path = tmp_path / "pl.po"
    path.write_bytes(filled(catalog))
    before = snapshot(catalog)
    with pytest.raises(CommandError) as refused:
        call_command("import_po", str(path), "--user", "translator_ar")
    assert "\n" not in str(refused.value) and "own languages" in str(refused.value)
    assert snapshot(catalog) == before


def test_import_po_of_an_unreadable_file_is_one_line(catalog, tmp_path):
    with pytest.raises(CommandError, match="missing.po"):
        call_command("import_po", str(tmp_path / "missing.po"))
    directory = tmp_path / "a-folder.po"
    directory.mkdir()
    with pytest.raises(CommandError, match="a-folder.po"):
        call_command("import_po", str(directory))


def test_import_po_refuses_a_file_with_a_bom_no_more(catalog, tmp_path):
    path = tmp_path / "pl.po"
    path.write_bytes(b"\xef\xbb\xbf" + filled(catalog))
    assert "Applied: " in run_command("import_po", str(path))


def test_a_bidi_override_in_the_file_is_refused_naming_line_and_position(catalog):
    def hide(po):
        po.find("title", by="msgctxt").msgstr = "Tytu\u202el"

    data = filled(catalog, hide)
    line = data.decode().splitlines().index('msgctxt "title"') + 2  # the msgid's line
    assert_refused(catalog, data, f"line {line} (msgctxt “title”): Character 5 is an invisible U+202E")


def test_literal_angle_brackets_in_a_translation_are_imported_as_text(catalog):
    def bracketed(po):
        po.find("title", by="msgctxt").msgstr = "Wpisz <swoje imię> w polu"

    assert ImportPO(catalog, filled(catalog, bracketed)).execute().ok
    assert catalog.segments.get(context="title").translation == "Wpisz <swoje imię> w polu"
