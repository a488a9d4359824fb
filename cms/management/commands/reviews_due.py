from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.models import Locale

from cms.reviews import reviews_due


class Command(BaseCommand):
    help = "List articles whose next medical review is due soon or overdue. Exits 1 when any is overdue (for cron)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90, help="How far ahead to look (default 90 days).")
        parser.add_argument("--locale", help="Only this language, e.g. es.")

    def handle(self, days, locale=None, **options):
        if days < 0:
            raise CommandError("--days must be 0 or more.")
        if locale and not Locale.objects.filter(language_code=locale).exists():
            raise CommandError(f"Unknown language {locale!r}.")
        today = timezone.localdate()
        pages = list(reviews_due(days, locale, today))
        overdue = [page for page in pages if page.next_review_due < today]
        for page in pages:
            state = "OVERDUE" if page in overdue else "due"
            self.stdout.write(
                f"{state:8} {page.next_review_due}  [{page.locale.language_code}] {page.title} (page {page.pk})"
            )
        self.stdout.write(f"{len(pages)} due within {days} days, {len(overdue)} overdue.")
        if overdue:
            raise SystemExit(1)
