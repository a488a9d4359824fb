from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from translations.cli import PAGE_HELP, find_catalog, find_source, find_user
from translations.machine.jobs import PreTranslateCatalog, StartMachineTranslation
from translations.machine.models import MachineTranslationJob

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Pre-translate a page's translations with a machine translation service. Only untranslated "
        "segments get suggestions, marked as machine translations until a translator confirms them."
    )

    def add_arguments(self, parser):
        parser.add_argument("page", help=PAGE_HELP)
        parser.add_argument("--locale", action="append", required=True, help="Language code, e.g. es. Repeat for more.")
        parser.add_argument(
            "--backend",
            help="A service configured in CARELINGUA_MACHINE_TRANSLATION['BACKENDS'], e.g. deepl "
            "(default: the CARELINGUA_MT_BACKEND environment variable, else pseudo).",
        )
        parser.add_argument("--user", help="Username to record in the audit log.")

    def handle(self, page, locale, backend=None, user=None, **options):
        source = find_source(page)
        catalogs = [find_catalog(source, code) for code in locale]
        try:
            jobs = StartMachineTranslation(catalogs, backend, find_user(user)).execute(enqueue=False)
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(" ".join(getattr(error, "messages", [str(error)]))) from None
        for job in jobs:
            PreTranslateCatalog(job, on_progress=self.progress).execute()
            self.stdout.write("")
            self.summary(job)
        failed = [job for job in jobs if job.status == MachineTranslationJob.FAILED]
        if failed:
            languages = ", ".join(job.catalog.target_locale.language_code for job in failed)
            raise CommandError(f"Pre-translation failed for {languages}; what was filled before the failure is kept.")

    def progress(self, job):
        share = job.done / job.total if job.total else 1
        bar = "#" * round(share * BAR_WIDTH)
        code = job.catalog.target_locale.language_code
        self.stdout.write(f"\r{code} [{bar:.<{BAR_WIDTH}}] {job.done}/{job.total}", ending="")
        self.stdout.flush()

    def summary(self, job):
        code = job.catalog.target_locale.language_code
        self.stdout.write(
            f"{code}: {job.filled} of {job.total} segments filled with {job.backend}, "
            f"{job.rejected} rejected, {job.skipped} skipped (saved by a translator meanwhile)."
        )
        for problem in job.problems:
            self.stdout.write(f"  rejected {problem['context']}: {problem['reason']}")
        if job.error:
            self.stderr.write(f"{code}: failed: {job.error}")
