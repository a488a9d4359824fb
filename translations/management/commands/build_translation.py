from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from translations.actions import BuildTranslation, IncompleteCatalog
from translations.cli import PAGE_HELP, find_catalog, find_page, find_user


class Command(BaseCommand):
    help = "Build the localized draft of a page from its complete catalog. It never publishes."

    def add_arguments(self, parser):
        parser.add_argument("page", help=PAGE_HELP)
        parser.add_argument("--locale", required=True, help="Language code of the translation, e.g. es.")
        parser.add_argument("--user", help="Username to record as the one who built it.")

    def handle(self, page, locale, user=None, **options):
        catalog = find_catalog(find_page(page), locale)
        try:
            target = BuildTranslation(catalog, find_user(user)).execute()
        except IncompleteCatalog as error:
            for segment in error.segments:
                self.stderr.write(f"  {segment.state}: {segment.context}  {segment.source[:70]}")
            raise CommandError(error.messages[0]) from None
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        self.stdout.write(f"Built a draft of “{target}” (page {target.pk}); it is not published.")
