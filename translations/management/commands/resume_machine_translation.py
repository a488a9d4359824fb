from django.core.management.base import BaseCommand

from translations.machine.jobs import ResumeInterruptedJobs


class Command(BaseCommand):
    help = (
        "Queue again the machine pre-translation jobs whose worker stopped in the middle (killed, crashed, "
        "restarted). Run it when a worker starts, before `db_worker`."
    )

    def handle(self, **options):
        resumed = ResumeInterruptedJobs().execute()
        self.stdout.write(f"{len(resumed)} interrupted pre-translation job(s) queued again.")
