from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from cms.demo.loader import load_demo
from cms.demo.users import DEMO_PASSWORD


class Command(BaseCommand):
    help = (
        "Load the demo site: languages, home pages, the depression articles, emergency numbers "
        "and one demo login per role. Safe to run again: it updates what it made before."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off. The demo logins share a published password: never on a live site.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo creates logins with a published password, so it only runs with DEBUG on. "
                "Use --force if this really is not a live site."
            )
        # The demo walks every page through review, which would email each reviewer; in
        # development those emails would bury the logins printed below.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            logins, notes = load_demo()
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))
        for note in notes:
            self.stdout.write(self.style.WARNING(note))
        self.stdout.write(f"Log in at /admin/ with one of these users; every password is {DEMO_PASSWORD!r}:")
        width = max(len(username) for username, _role, _name in logins)
        role_width = max(len(role) for _username, role, _name in logins)
        for username, role, name in logins:
            self.stdout.write(f"  {username.ljust(width)}  {role.ljust(role_width)}  {name}")
