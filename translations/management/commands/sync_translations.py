from django.core.management.base import BaseCommand

from translations.actions import SyncTranslations
from translations.cli import PAGE_HELP, find_source
from translations.models import TranslationCatalog


class Command(BaseCommand):
    help = "Re-extract source pages and merge the changes into their translations (all pages if none is given)."

    def add_arguments(self, parser):
        parser.add_argument("page", nargs="?", help=PAGE_HELP)

    def handle(self, page=None, **options):
        sources = [find_source(page)] if page else self._all_sources()
        for source in sources:
            for language, counts in SyncTranslations(source).execute().items():
                self.stdout.write(
                    f"{source} [{language}]: {counts['created']} new, {counts['changed']} changed (now fuzzy), "
                    f"{counts['obsolete']} obsolete."
                )

    def _all_sources(self):
        seen = set()
        for catalog in TranslationCatalog.objects.select_related("content_type"):
            key = (catalog.content_type_id, catalog.translation_key)
            if key not in seen:
                seen.add(key)
                source = catalog.source_object
                if source is not None:
                    yield source
