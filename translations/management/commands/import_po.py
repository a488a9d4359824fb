from babel.messages.pofile import PoFileError
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError

from translations.catalogs import HEADER_PREFIX, from_po
from translations.cli import find_user
from translations.models import TranslationCatalog
from translations.po_import import ImportPO


class Command(BaseCommand):
    help = (
        "Import a translated PO file exported by export_po. Prints what was applied, skipped and in "
        "conflict; exits non-zero on errors, in which case nothing was changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The PO file.")
        parser.add_argument("--user", help="Username to record as the translator.")

    def handle(self, file, user=None, **options):
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(f"Cannot read {file}: {error.strerror}.") from None
        catalog = self._catalog_named_in(data)
        try:
            report = ImportPO(catalog, data, find_user(user)).execute()
        except PermissionDenied as error:
            raise CommandError(f"Nothing was imported: {error}") from None
        for line in report.lines():
            self.stdout.write(line)
        if not report.ok:
            raise CommandError("Nothing was imported because of the errors above.")

    def _catalog_named_in(self, data):
        """The catalog the file's header names; a file that cannot be read is reported as such."""
        try:
            catalog_id = from_po(data).extra_headers.get("Catalog", "")
        except (PoFileError, UnicodeDecodeError) as error:
            raise CommandError(f"This is not a readable PO file: {error}") from None
        catalog = TranslationCatalog.objects.filter(pk=int(catalog_id)).first() if catalog_id.isdigit() else None
        if catalog is None:
            raise CommandError(
                f"This file does not name a translation catalog ({HEADER_PREFIX}Catalog header). Export it with export_po."
            )
        return catalog
