from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError

from translations.cli import PAGE_HELP, find_catalog, find_source
from translations.content_notes import skipped_notes
from translations.models import TranslationCatalog
from translations.qa import ERROR, findings_for_catalog
from translations.readability import readability_for_catalog, readability_for_page


class Command(BaseCommand):
    help = (
        "Print the QA findings of a page's or snippet's translations: errors (which block review) and warnings "
        "(which a reviewer acknowledges). Exits with status 1 if any error remains."
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help=PAGE_HELP)
        parser.add_argument(
            "--locale", action="append", help="Language code of a translation, e.g. es (repeat for more; default: all)."
        )
        parser.add_argument("--errors-only", action="store_true", help="Leave the warnings out.")

    def handle(self, page, locale=None, errors_only=False, **options):
        page = find_source(page)
        catalogs = [find_catalog(page, code) for code in locale] if locale else self._all_catalogs(page)
        if not catalogs:
            raise CommandError(f"“{page}” has no translations yet.")
        self._report_skipped(page)
        source = readability_for_page(page)
        self._readability(f"source, {source.language_code}", source)
        errors = sum(self._report(catalog, errors_only) for catalog in catalogs)
        if errors:
            raise CommandError(f"{errors} error(s) must be fixed before review.", returncode=1)

    def _all_catalogs(self, page):
        return list(
            TranslationCatalog.objects.filter(
                content_type=ContentType.objects.get_for_model(type(page)), translation_key=page.translation_key
            )
            .select_related("target_locale", "source_locale", "content_type")
            .order_by("target_locale__language_code")
        )

    def _report_skipped(self, source):
        """Content of the source no translation has: blocks of a kind that cannot be translated."""
        for note in skipped_notes(source):
            self.stdout.write(
                f"{self.style.WARNING('WARNING'.ljust(7))}  {note.context}  [not-translated]  {note.text}"
            )

    def _report(self, catalog, errors_only):
        """Print one catalog's findings; return its number of errors."""
        language = catalog.target_locale.language_code
        contexts = dict(catalog.segments.values_list("pk", "context"))
        rows = [
            (finding, contexts[pk])
            for pk, findings in findings_for_catalog(catalog).items()
            for finding in findings
            if finding.severity == ERROR or not errors_only
        ]
        errors = sum(1 for finding, _context in rows if finding.severity == ERROR)
        warnings = len(rows) - errors
        self.stdout.write(self.style.MIGRATE_HEADING(f"{catalog.source_object} [{language}]"))
        for finding, context in rows:
            style = self.style.ERROR if finding.severity == ERROR else self.style.WARNING
            label = style(finding.severity.upper().ljust(7))
            self.stdout.write(f"{label}  {context}  [{finding.code}]  {finding.message}")
        summary = f"{errors} error(s)" + ("" if errors_only else f", {warnings} warning(s)")
        self.stdout.write((self.style.ERROR if errors else self.style.SUCCESS)(summary))
        self._readability(language, readability_for_catalog(catalog))
        return errors

    def _readability(self, label, result):
        """The readability of one language version, each score with its target (or why there is none)."""
        text = "; ".join(line for line, _meets in result.lines())
        self.stdout.write(f"Readability ({label}): {text}")
