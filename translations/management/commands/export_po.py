from django.core.management.base import BaseCommand

from translations.actions import as_catalog
from translations.catalogs import to_po
from translations.cli import PAGE_HELP, find_catalog, find_source


class Command(BaseCommand):
    help = "Write a page's catalog for one language as a PO file, for Poedit or a translation agency."

    def add_arguments(self, parser):
        parser.add_argument("page", help=PAGE_HELP)
        parser.add_argument("--locale", required=True, help="Language code of the translation, e.g. es.")
        parser.add_argument("-o", "--output", help="File to write (default: standard output).")

    def handle(self, page, locale, output=None, **options):
        catalog = find_catalog(find_source(page), locale)
        data = to_po(as_catalog(catalog))
        if output:
            with open(output, "wb") as file:
                file.write(data)
            self.stderr.write(f"Wrote {output}.")
        else:
            self.stdout.write(data.decode("utf-8"), ending="")
