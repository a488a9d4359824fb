"""Importing a PO file a translator filled in (Poedit or any gettext tool).

The whole file is checked before anything is written: any error and the database is left
as it was. Entries that someone changed on the site since the export are conflicts:
they are reported and not overwritten.
"""

from dataclasses import dataclass, field

from babel.messages.pofile import PoFileError
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from . import catalogs, richtext
from .languages import babel_locale
from .models import Segment, SegmentChange
from .permissions import can_edit_translation

MAX_UPLOAD_BYTES = 5 * 1024 * 1024


@dataclass
class ImportReport:
    applied: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    conflicts: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    def lines(self):
        yield _("Applied: %(n)d, unchanged: %(u)d, skipped: %(s)d, conflicts: %(c)d, errors: %(e)d.") % {
            "n": len(self.applied),
            "u": len(self.unchanged),
            "s": len(self.skipped),
            "c": len(self.conflicts),
            "e": len(self.errors),
        }
        for title, items in (
            (_("Error"), self.errors),
            (_("Conflict"), self.conflicts),
            (_("Skipped"), self.skipped),
            (_("Warning"), self.warnings),
        ):
            for item in items:
                yield f"{title}: {item}"


def _where(message):
    return _("line %(line)s (msgctxt “%(context)s”)") % {"line": message.lineno, "context": message.context}


class ImportPO:
    def __init__(self, catalog, data: bytes, user=None):
        self.catalog = catalog
        self.data = data
        self.user = user
        self.report = ImportReport()

    def execute(self):
        if self.user is not None and not can_edit_translation(self.user, self.catalog):
            raise PermissionDenied(_("You can only import translations into your own languages."))
        po = self._parse()
        if po is not None:
            self._check_belongs(po)
        if self.report.errors:
            return self.report
        with transaction.atomic():
            rows = {row.context: row for row in self.catalog.segments.select_for_update()}
            changes = []
            for message in po:
                change = self._plan(message, rows) if message.id else None
                if change:
                    changes.append(change)
            if self.report.errors:
                transaction.set_rollback(True)
                self.report.applied.clear()
                return self.report
            if not changes:
                return self.report
            self._write(changes)
            log(
                self.catalog.logged_object,
                "carelingua.po_imported",
                user=self.user,
                data={"applied": len(changes), "conflicts": len(self.report.conflicts)},
            )
        return self.report

    def _parse(self):
        if len(self.data) > MAX_UPLOAD_BYTES:
            self.report.errors.append(
                _("The file is %(size)d KB; the limit is %(limit)d KB.")
                % {"size": len(self.data) // 1024, "limit": MAX_UPLOAD_BYTES // 1024}
            )
            return None
        try:
            po = catalogs.from_po(self.data)
        except UnicodeDecodeError as error:
            line = self.data[: error.start].count(b"\n") + 1
            self.report.errors.append(
                _("Line %(line)d is not UTF-8 text. Save the file as UTF-8 and upload it again.") % {"line": line}
            )
            return None
        except PoFileError as error:
            self.report.errors.append(
                _("Line %(line)d: %(problem)s. This is not a valid PO file.") % {"line": error.lineno, "problem": error}
            )
            return None
        if po.charset.lower().replace("-", "") != "utf8":
            self.report.errors.append(
                _("The file says its charset is %(charset)s; only UTF-8 is accepted.") % {"charset": po.charset}
            )
        return po

    def _check_belongs(self, po):
        headers = po.extra_headers
        language = self.catalog.target_locale.language_code
        if headers.get("Catalog") != str(self.catalog.pk):
            self.report.errors.append(
                _(
                    "This file belongs to another page or language (catalog %(theirs)s, not %(ours)s). Download the file for this translation."
                )
                % {"theirs": headers.get("Catalog") or _("unknown"), "ours": self.catalog.pk}
            )
        elif headers.get("Target-Locale") != language or (po.locale and str(po.locale) != str(babel_locale(language))):
            self.report.errors.append(
                _("This file is for %(theirs)s, but this translation is into %(ours)s.")
                % {"theirs": headers.get("Target-Locale") or po.locale, "ours": language}
            )

    def _plan(self, message, rows):
        row = rows.get(message.context)
        if row is None:
            self.report.errors.append(_("%(where)s: this text is not in the translation.") % {"where": _where(message)})
            return None
        if row.obsolete or row.source != message.id:
            self.report.skipped.append(
                _("%(where)s: the source text changed since the file was exported; translate it again.")
                % {"where": _where(message)}
            )
            return None
        text = message.string or ""
        if not text.strip():
            if row.translation:
                self.report.skipped.append(
                    _("%(where)s: empty in the file; the saved translation was kept.") % {"where": _where(message)}
                )
            return None
        problems = richtext.check_markup(row.source, text)
        if problems:
            self.report.errors.extend(f"{_where(message)}: {problem}" for problem in problems)
            return None
        state = Segment.state_for(text, "fuzzy" in message.flags)
        if text == row.translation and state == row.state:
            self.report.unchanged.append(message.context)
            return None
        exported_at = catalogs.version_of(message)
        if exported_at != row.version and row.translation and text != row.translation:
            self.report.conflicts.append(
                _("%(where)s: changed on the site since the export; the saved translation was kept.")
                % {"where": _where(message)}
            )
            return None
        if state == Segment.FUZZY:
            self.report.warnings.append(
                _("%(where)s: marked fuzzy in the file, so it still needs review.") % {"where": _where(message)}
            )
        self.report.applied.append(message.context)
        return row, text, state

    def _write(self, changes):
        now = timezone.now()
        rows = []
        for row, text, state in changes:
            row.translation, row.state, row.version = text, state, row.version + 1
            row.updated_at, row.updated_by, row.machine_backend = now, self.user, ""
            if state == Segment.TRANSLATED:
                row.previous_source = ""
            rows.append(row)
        fields = ["translation", "state", "version", "updated_at", "updated_by", "machine_backend", "previous_source"]
        Segment.objects.write_rows(rows, fields)
        SegmentChange.record(rows, self.user, SegmentChange.PO_IMPORT)
