"""Importing a PO file a translator filled in (Poedit or any gettext tool).

The whole file is checked before anything is written: any error and the database is left
as it was. Entries that someone changed on the site since the export are conflicts:
they are reported and not overwritten.
"""

import re
from dataclasses import dataclass, field

from babel.messages.pofile import PoFileError
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.models import Locale

from . import catalogs
from .languages import babel_locale
from .models import Segment, SegmentChange, TranslationCatalog
from .permissions import can_edit_translation
from .validation import length_limits, segment_problems

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


def _header_line(text, name):
    """The line of the PO header field ``name``, or of the header entry when the field is absent."""
    match = re.search(r'^"' + re.escape(name) + ":", text, re.IGNORECASE | re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def _language(code):
    """A language's name in the interface language, with its code: “Polish (pl)”."""
    locale = Locale.objects.filter(language_code=code).first()
    name = locale.get_display_name() if locale is not None else None
    return _("%(name)s (%(code)s)") % {"name": name, "code": code} if name else code


class ImportPO:
    def __init__(self, catalog, data: bytes, user=None):
        self.catalog = catalog
        self.data = data
        self.user = user
        self.report = ImportReport()
        self._limits = None  # the fields' length limits, found when a translation is longer than its source

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
            if po.obsolete:
                self._report_obsolete(po)
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
            self.text = self.data.decode("utf-8-sig")
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
        """The file's headers name this catalog and its language; each refusal names the line."""
        named = po.extra_headers.get("Catalog")
        line = _header_line(self.text, catalogs.HEADER_PREFIX + "Catalog")
        if named is None:
            self.report.errors.append(
                _(
                    "The file has no %(header)s header, so it was not downloaded from this site or its header "
                    "was changed. Download the file for this translation and translate in that one."
                )
                % {"header": catalogs.HEADER_PREFIX + "Catalog"}
            )
        elif named != str(self.catalog.pk):
            self.report.errors.append(self._other_catalog(named, line))
        else:
            self._check_language(po)

    def _other_catalog(self, named, line):
        other = TranslationCatalog.objects.filter(pk=int(named)).first() if named.isdecimal() else None
        values = {"line": line, "value": named, "ours": _language(self.catalog.target_locale.language_code)}
        if not named.isdecimal():
            return (
                _("Line %(line)d: the catalog header “%(value)s” is not a catalog number; the file was changed.")
                % values
            )
        if other is None:
            return (
                _(
                    "Line %(line)d: the file is for catalog %(value)s, which no longer exists. "
                    "Download the file for this translation."
                )
                % values
            )
        values["theirs"] = _language(other.target_locale.language_code)
        if (other.content_type_id, other.translation_key) == (
            self.catalog.content_type_id,
            self.catalog.translation_key,
        ):
            return (
                _(
                    "Line %(line)d: this file is the %(theirs)s translation of this page; this translation is into "
                    "%(ours)s. Download the file for this translation."
                )
                % values
            )
        values["title"] = str(other.source_object)
        return (
            _(
                "Line %(line)d: this file belongs to another page, “%(title)s” (%(theirs)s). "
                "Download the file for this translation."
            )
            % values
        )

    def _check_language(self, po):
        ours = self.catalog.target_locale.language_code
        target = po.extra_headers.get("Target-Locale")
        if target != ours:
            line = _header_line(self.text, catalogs.HEADER_PREFIX + "Target-Locale")
            self.report.errors.append(
                _("Line %(line)d: the file says it is for %(theirs)s, but this translation is into %(ours)s.")
                % {"line": line, "theirs": target or _("no language"), "ours": _language(ours)}
            )
            return
        expected = babel_locale(ours)
        if po.locale is None or str(po.locale) == str(expected):
            return
        values = {"line": _header_line(self.text, "Language"), "theirs": str(po.locale), "ours": _language(ours)}
        if po.locale.language == expected.language:
            message = _(
                "Line %(line)d: the Language header says %(theirs)s, a regional variant; this translation is into "
                "%(ours)s. Set the file's language to %(ours)s (in Poedit: Translation › Properties) and upload it again."
            )
        else:
            message = _("Line %(line)d: the Language header says %(theirs)s, but this translation is into %(ours)s.")
        self.report.errors.append(message % values)

    def _report_obsolete(self, po):
        self.report.warnings.append(
            ngettext(
                "%(count)d obsolete entry (marked #~) was ignored.",
                "%(count)d obsolete entries (marked #~) were ignored.",
                len(po.obsolete),
            )
            % {"count": len(po.obsolete)}
        )

    def _plan(self, message, rows):
        if message.pluralizable:
            self.report.errors.append(
                _("%(where)s: a plural entry (msgid_plural); page texts have no plural forms. Remove it.")
                % {"where": _where(message)}
            )
            return None
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
        if self._limits is None and len(text) > len(row.source):
            self._limits = length_limits(self.catalog.source_object)
        problems = segment_problems(row, text, self._limits or {})
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
