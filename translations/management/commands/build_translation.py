from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import DraftStateMixin

from translations.actions import BuildTranslation, IncompleteCatalog
from translations.cli import PAGE_HELP, find_catalog, find_source, find_user, source_argument


class Command(BaseCommand):
    help = "Build the localized draft of a page or snippet from its complete catalog. It never publishes."

    def add_arguments(self, parser):
        parser.add_argument("page", help=PAGE_HELP)
        parser.add_argument("--locale", required=True, help="Language code of the translation, e.g. es.")
        parser.add_argument("--user", help="Username to record as the one who built it.")

    def handle(self, page, locale, user=None, **options):
        catalog = find_catalog(find_source(page), locale)
        try:
            target = BuildTranslation(catalog, find_user(user)).execute()
        except IncompleteCatalog as error:
            for segment in error.segments:
                self.stderr.write(f"  {segment.state}: {segment.context}  {segment.source[:70]}")
            raise CommandError(error.messages[0]) from None
        except (ValidationError, PermissionDenied) as error:
            lines = getattr(error, "messages", [str(error)])
            for line in lines[1:]:
                self.stderr.write(f"  {line}")
            raise CommandError(lines[0]) from None
        if isinstance(target, DraftStateMixin):
            self.stdout.write(f"Built a draft of “{target}” ({source_argument(target)}); it is not published.")
        else:
            self.stdout.write(f"Built “{target}” ({source_argument(target)}); this kind of snippet has no drafts.")
