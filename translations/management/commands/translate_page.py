from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from translations.actions import CreateTranslation
from translations.cli import PAGE_HELP, find_locales, find_page, find_user


class Command(BaseCommand):
    help = "Create translations of a page: a draft in each language's tree and a catalog of its segments."

    def add_arguments(self, parser):
        parser.add_argument("page", help=PAGE_HELP)
        parser.add_argument("--locale", action="append", required=True, help="Language code, e.g. es. Repeat for more.")
        parser.add_argument("--user", help="Username to record as the one who created them.")

    def handle(self, page, locale, user=None, **options):
        source = find_page(page)
        try:
            catalogs = CreateTranslation(source, find_locales(locale), find_user(user)).execute()
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        for catalog in catalogs:
            segments = catalog.segments.current()
            done = segments.filter(state="translated").count()
            self.stdout.write(
                f"{catalog.target_locale.language_code}: “{catalog.target_object}” (page {catalog.target_object.pk}), "
                f"{segments.count()} segments, {done} translated."
            )
