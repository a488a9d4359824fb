"""The per-language glossary: model, CSV import (all or nothing) and export, admin screens."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale, ModelLogEntry

from translations.glossary import entries_for_language, export_csv, import_csv, parse_csv
from translations.models import GlossaryTerm
from translations.qa import CheckContext

pytestmark = pytest.mark.django_db

GOOD_CSV = """language,term,approved,forbidden,note
ar,Spravato,سبرافاتو,سبرافاتوه|سپراواتو,Brand name: transliterated
es,esketamine,esketamina,ketamina,Not the same medicine as ketamine
pl,esketamine,esketamin*,,"Declined: esketamina, esketaminy"
"""


@pytest.fixture(autouse=True)
def empty_glossary(db):
    """These tests start from an empty glossary, without the demo's terms (nor their log entries)."""
    GlossaryTerm.objects.all().delete()
    ModelLogEntry.objects.filter(content_type__model="glossaryterm").delete()


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "es", "pl", "ar", "ur", "zh-hans")
    }


def test_import_creates_terms_and_logs_them(locales):
    report = import_csv(GOOD_CSV.encode())
    assert report.ok, report.errors
    assert len(report.created) == 3
    spravato = GlossaryTerm.objects.get(locale=locales["ar"], term="Spravato")
    assert spravato.approved_renderings == ["سبرافاتو"]
    assert spravato.forbidden_renderings == ["سبرافاتوه", "سپراواتو"]
    assert GlossaryTerm.objects.get(locale=locales["pl"]).note == "Declined: esketamina, esketaminy"
    assert ModelLogEntry.objects.filter(action="wagtail.create").count() == 3


def test_importing_again_updates_and_replace_removes_what_the_file_dropped(locales):
    import_csv(GOOD_CSV.encode())
    changed = GOOD_CSV.replace("esketamina,ketamina", "esketamina|la esketamina,ketamina")
    report = import_csv(changed.encode())
    assert (len(report.created), len(report.updated)) == (0, 1)
    only_arabic = "language,term,approved\nar,Spravato,سبرافاتو\n"
    report = import_csv(only_arabic.encode(), replace=True)
    assert report.ok and len(report.updated) == 1 and report.deleted == []
    assert GlossaryTerm.objects.count() == 3, "replace only touches the languages in the file"


def test_export_round_trips(locales):
    import_csv(GOOD_CSV.encode())
    exported = export_csv()
    assert exported.splitlines()[0] == "language,term,approved,forbidden,note"
    GlossaryTerm.objects.all().delete()
    assert import_csv(exported.encode("utf-8-sig")).ok
    assert export_csv() == exported


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_export_writes_formula_like_cells_as_text(locales, start):
    GlossaryTerm.objects.create(
        locale=locales["es"],
        term=start + 'HYPERLINK("https://evil.example")',
        approved="=1+1\nok",
        note=start + "cmd|' /C calc'!A0",
    )
    (row,) = list(csv.reader(io.StringIO(export_csv(), newline="")))[1:]
    assert row == [
        "es",
        "'" + start + 'HYPERLINK("https://evil.example")',
        "'=1+1|ok",
        "",
        "'" + start + "cmd|' /C calc'!A0",
    ]


def test_formula_like_cells_round_trip(locales):
    GlossaryTerm.objects.create(locale=locales["es"], term="=term", approved="+plus\n@at", forbidden="-minus")
    exported = export_csv()
    GlossaryTerm.objects.all().delete()
    assert import_csv(exported.encode("utf-8-sig")).ok
    term = GlossaryTerm.objects.get()
    assert (term.term, term.approved_renderings, term.forbidden_renderings) == ("=term", ["+plus", "@at"], ["-minus"])
    assert export_csv() == exported


def test_semicolon_csv_from_a_spreadsheet_is_read(locales):
    rows, errors = parse_csv(b"language;term;approved\nes;Spravato;Spravato\n")
    assert errors == [] and rows[0].term == "Spravato"


def test_a_malformed_csv_is_refused_with_its_lines_named_and_nothing_imported(locales):
    data = """language,term,approved,forbidden,note
ar,Spravato,سبرافاتو,,
xx,Spravato,Spravato,,
es,,esketamina,,
es,esketamine,,,
ar,spravato,سبرافاتو,,
pl,ketamine,ketamina,ketamina,
"""
    report = import_csv(data.encode())
    assert not report.ok
    assert GlossaryTerm.objects.count() == 0
    text = "\n".join(report.errors)
    assert "Line 3: unknown language “xx”" in text
    assert "Line 4: the term is empty" in text
    assert "Line 5: give at least one approved rendering" in text
    assert "Line 6: “spravato” (ar) is already on line 2" in text
    assert "Line 7: ketamina is both approved and forbidden" in text
    assert "Line 2" not in text.replace("on line 2", "")


def test_missing_columns_and_bad_encoding_are_reported(locales):
    report = import_csv(b"language,term\nar,Spravato\n")
    assert report.errors == [
        "Line 1: the header has no column approved. The columns are: language, term, approved, forbidden, note."
    ]
    assert import_csv("language,term,approved\nes,Spravato,Spravato\n".encode("utf-16")).errors
    assert not import_csv(b"").ok
    assert GlossaryTerm.objects.count() == 0


def test_unique_term_per_language_ignoring_case(locales):
    GlossaryTerm.objects.create(locale=locales["ar"], term="Spravato", approved="سبرافاتو")
    duplicate = GlossaryTerm(locale=locales["ar"], term="SPRAVATO", approved="سبرافاتو")
    with pytest.raises(ValidationError):
        duplicate.full_clean()
    GlossaryTerm(locale=locales["ur"], term="Spravato", approved="سپراواٹو").full_clean()


def test_the_checks_read_one_language_glossary_in_one_query(locales, django_assert_num_queries):
    import_csv(GOOD_CSV.encode())
    with django_assert_num_queries(1):
        entries = entries_for_language("ar")
    assert [(e.term, e.approved) for e in entries] == [("Spravato", ("سبرافاتو",))]
    context = CheckContext.for_language("ar")
    assert context.glossary == tuple(entries)
    assert {"999", "116 123", "024"} <= context.phone_numbers, "the demo's region data, through the setting"


def test_admin_import_and_export(locales, admin_client):
    listing = admin_client.get(reverse("glossary:list")).content.decode()
    assert reverse("glossary:import_csv") in listing and reverse("glossary:export_csv") in listing
    assert admin_client.get(reverse("glossary:import_csv")).status_code == 200
    upload = SimpleUploadedFile("glossary.csv", GOOD_CSV.encode(), content_type="text/csv")
    response = admin_client.post(reverse("glossary:import_csv"), {"file": upload})
    assert response.status_code == 200
    assert GlossaryTerm.objects.count() == 3
    bad = SimpleUploadedFile("glossary.csv", b"language,term,approved\nxx,a,b\n", content_type="text/csv")
    response = admin_client.post(reverse("glossary:import_csv"), {"file": bad})
    assert "unknown language" in response.content.decode()
    response = admin_client.get(reverse("glossary:export_csv") + "?locale=ar")
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.decode("utf-8-sig").splitlines()[1].startswith("ar,Spravato,")


def test_editors_without_glossary_permissions_cannot_import(locales, client, django_user_model):
    user = django_user_model.objects.create_user("translator", password="pw")  # noqa: S106
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("glossary:import_csv")).status_code in (302, 403)
    assert client.get(reverse("glossary:export_csv")).status_code in (302, 403)
