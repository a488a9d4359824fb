"""The per-language glossary: what the glossary check reads, and CSV import and export.

CSV columns (a header row is required; ``forbidden`` and ``note`` may be left out)::

    language,term,approved,forbidden,note
    ar,Spravato,سبرافاتو,سبرافاتوه|Spravato,Brand name: transliterated

Renderings are separated by ``|``. Commas, semicolons and tabs are accepted as delimiters
(spreadsheets in Spanish or Polish save with semicolons). An import is all or nothing: a
file with any error (missing columns, unknown language, a term twice, no approved
rendering) is refused with a report naming its lines, and nothing is changed.

An exported cell that a spreadsheet would run as a formula (one starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is written with a leading apostrophe, which
spreadsheets show as text; the import takes that apostrophe off again.
"""

import csv
import io
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.models import Locale

from .models import GlossaryTerm
from .qa.base import GlossaryEntry

COLUMNS = ["language", "term", "approved", "forbidden", "note"]
REQUIRED_COLUMNS = ["language", "term", "approved"]
SEPARATOR = "|"
MAX_BYTES = 2 * 1024 * 1024
MAX_TERM_LENGTH = 255
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _as_text_cell(value):
    """A cell a spreadsheet shows as text, never runs as a formula (CSV formula injection)."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _from_text_cell(value):
    """The value _as_text_cell wrote."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def entries_for_language(language_code):
    """The glossary of one language as plain entries for the checks (one query)."""
    return [
        GlossaryEntry(term.term, tuple(term.approved_renderings), tuple(term.forbidden_renderings), term.note)
        for term in GlossaryTerm.objects.filter(locale__language_code=language_code).order_by("term")
    ]


@dataclass
class Row:
    line: int
    locale: Locale
    term: str
    approved: list[str]
    forbidden: list[str]
    note: str


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def summary(self):
        if not self.ok:
            return ngettext(
                "Nothing was imported: the file has %(count)d error.",
                "Nothing was imported: the file has %(count)d errors.",
                len(self.errors),
            ) % {"count": len(self.errors)}
        counts = {"created": len(self.created), "updated": len(self.updated), "deleted": len(self.deleted)}
        return _("Glossary imported: %(created)d new, %(updated)d changed, %(deleted)d removed.") % counts


def _split(value):
    return list(dict.fromkeys(part.strip() for part in (value or "").split(SEPARATOR) if part.strip()))


def _decode(data):
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise ValueError(_("The file is larger than %(size)d MB.") % {"size": MAX_BYTES // (1024 * 1024)})
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")) from None
    return data.lstrip("\ufeff")


def _reader(text):
    """A DictReader with the delimiter whose header has the required columns (comma by default)."""
    header = text.splitlines()[0] if text.strip() else ""
    for delimiter in (",", ";", "\t"):
        names = [name.strip().lower() for name in next(csv.reader([header], delimiter=delimiter), [])]
        if all(column in names for column in REQUIRED_COLUMNS):
            break
    else:
        delimiter = ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, restkey="\x00extra")
    reader.fieldnames = [name.strip().lower() for name in reader.fieldnames or []]
    return reader


def parse_csv(data) -> tuple[list[Row], list[str]]:
    """The rows of a glossary CSV and the errors found, each naming its line."""
    try:
        reader = _reader(_decode(data))
    except ValueError as error:
        return [], [str(error)]
    missing = [column for column in REQUIRED_COLUMNS if column not in reader.fieldnames]
    if missing:
        message = _("Line 1: the header has no column %(missing)s. The columns are: %(columns)s.")
        return [], [message % {"missing": ", ".join(missing), "columns": ", ".join(COLUMNS)}]
    locales = {locale.language_code.lower(): locale for locale in Locale.objects.all()}
    rows, errors, seen = [], [], {}
    for record in reader:
        line = reader.line_num
        if not any((value or "").strip() for key, value in record.items() if key != "\x00extra"):
            continue
        row_errors, row = _parse_row(record, line, locales, seen)
        errors += row_errors
        if row is not None:
            rows.append(row)
    return rows, errors


def _parse_row(record, line, locales, seen):
    where = _("Line %(line)d") % {"line": line}
    errors = []
    record = {name: _from_text_cell(value) if isinstance(value, str) else value for name, value in record.items()}
    code = (record.get("language") or "").strip()
    term = (record.get("term") or "").strip()
    approved, forbidden = _split(record.get("approved")), _split(record.get("forbidden"))
    locale = locales.get(code.lower())
    if record.get("\x00extra"):
        errors.append(_("%(where)s: more values than columns (is a comma missing its quotes?).") % {"where": where})
    if locale is None:
        known = ", ".join(sorted(locales))
        errors.append(
            _("%(where)s: unknown language “%(code)s”. Use one of: %(known)s.")
            % {"where": where, "code": code, "known": known}
        )
    if not term:
        errors.append(_("%(where)s: the term is empty.") % {"where": where})
    elif len(term) > MAX_TERM_LENGTH:
        errors.append(
            _("%(where)s: the term is longer than %(max)d characters.") % {"where": where, "max": MAX_TERM_LENGTH}
        )
    if not approved:
        errors.append(_("%(where)s: give at least one approved rendering.") % {"where": where})
    both = {r.casefold() for r in approved} & {r.casefold() for r in forbidden}
    if both:
        errors.append(
            _("%(where)s: %(items)s is both approved and forbidden.")
            % {"where": where, "items": ", ".join(sorted(both))}
        )
    key = (code.lower(), term.lower())
    if term and key in seen:
        values = {"where": where, "term": term, "code": code, "line": seen[key]}
        errors.append(_("%(where)s: “%(term)s” (%(code)s) is already on line %(line)d.") % values)
    seen.setdefault(key, line)
    if errors:
        return errors, None
    return [], Row(line, locale, term, approved, forbidden, (record.get("note") or "").strip())


def import_csv(data, replace=False, user=None) -> ImportReport:
    """Create or update the terms of a CSV file; all or nothing.

    With ``replace``, terms of the file's languages that the file no longer lists are deleted.
    Every change is written to the audit log, as an edit in the admin would be.
    """
    rows, errors = parse_csv(data)
    report = ImportReport(errors=errors)
    if errors:
        return report
    with transaction.atomic():
        locale_ids = {row.locale.pk for row in rows}
        existing = {(t.locale_id, t.term.lower()): t for t in GlossaryTerm.objects.filter(locale_id__in=locale_ids)}
        for row in rows:
            _save_row(row, existing.pop((row.locale.pk, row.term.lower()), None), report, user)
        if replace:
            for term in existing.values():
                log(term, "wagtail.delete", user=user)
                report.deleted.append(str(term))
                term.delete()
    return report


def _save_row(row, term, report, user):
    values = {
        "term": row.term,
        "approved": "\n".join(row.approved),
        "forbidden": "\n".join(row.forbidden),
        "note": row.note,
    }
    if term is None:
        term = GlossaryTerm.objects.create(locale=row.locale, **values)
        log(term, "wagtail.create", user=user)
        report.created.append(str(term))
    elif any(getattr(term, name) != value for name, value in values.items()):
        for name, value in values.items():
            setattr(term, name, value)
        term.save()
        log(term, "wagtail.edit", user=user)
        report.updated.append(str(term))


def export_csv(terms=None) -> str:
    """The glossary (or some of its terms) as CSV text, in the columns ``import_csv`` reads."""
    terms = GlossaryTerm.objects.select_related("locale") if terms is None else terms.select_related("locale")
    out = io.StringIO(newline="")
    writer = csv.writer(out)  # rows end in CRLF (RFC 4180), so a cell holding a lone CR is quoted too
    writer.writerow(COLUMNS)
    for term in terms.order_by("locale__language_code", "term"):
        cells = [
            term.locale.language_code,
            term.term,
            SEPARATOR.join(term.approved_renderings),
            SEPARATOR.join(term.forbidden_renderings),
            term.note,
        ]
        writer.writerow([_as_text_cell(cell) for cell in cells])
    return out.getvalue()
