from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from translations.actions import CreateTranslation
from translations.cli import PAGE_HELP, find_locales, find_source, find_user, source_argument


class Command(BaseCommand):
    help = (
        "Create translations of a page or a snippet: a draft in each language (for a page, in its "
        "language's tree) and a catalog of its segments."
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help=PAGE_HELP)
        parser.add_argument("--locale", action="append", required=True, help="Language code, e.g. es. Repeat for more.")
        parser.add_argument("--user", help="Username to record as the one who created them.")

    def handle(self, page, locale, user=None, **options):
        source = find_source(page)
        try:
            catalogs = CreateTranslation(source, find_locales(locale), find_user(user)).execute()
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        for catalog in catalogs:
            segments = catalog.segments.current()
            done = segments.filter(state="translated").count()
            target = catalog.target_object
            made = f"“{target}” ({source_argument(target)})" if target else "created by its first build"
            self.stdout.write(
                f"{catalog.target_locale.language_code}: {made}, {segments.count()} segments, {done} translated."
            )
