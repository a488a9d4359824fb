"""Wagtail's ``publish_scheduled``, with refusals on the record instead of a crash.

A scheduled revision whose content has no sign-off is refused by the publish gate. Wagtail's
own command would stop at the first refusal with a traceback, leaving the other pages
unpublished. This one publishes each due revision on its own: a refusal is written to the
page's history (with the reason), its schedule is cleared so it is not retried every
minute, the other pages go on, and the command exits non-zero naming the refusals. Then
Wagtail's command does the rest (expiry). Listed before ``wagtail`` in INSTALLED_APPS, this
app's command is the one ``manage.py publish_scheduled`` runs.
"""

from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.log_actions import log
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand
from wagtail.models import Revision

from ...review_models import ReviewRefused


class Command(WagtailCommand):
    def handle(self, *args, **options):
        refused = [] if options.get("dryrun") else self.publish_due_revisions()
        super().handle(*args, **options)
        if refused:
            raise CommandError(
                ngettext(
                    "%(count)d scheduled publication was refused: %(pages)s.",
                    "%(count)d scheduled publications were refused: %(pages)s.",
                    len(refused),
                )
                % {"count": len(refused), "pages": "; ".join(refused)}
            )

    def publish_due_revisions(self):
        refused = []
        due = Revision.objects.filter(approved_go_live_at__lt=timezone.now()).order_by("approved_go_live_at")
        for revision in due:
            try:
                with transaction.atomic():
                    revision.publish(log_action="wagtail.publish.scheduled")
            except ReviewRefused as refusal:
                self.refuse(revision, str(refusal))
                refused.append(f"{revision.object_str} ({refusal})")
        return refused

    def refuse(self, revision, reason):
        with transaction.atomic():
            Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=None)
            log(
                revision.content_object,
                "carelingua.publish_refused",
                revision=revision,
                data={"path": "scheduled", "reason": reason},
            )
        self.stderr.write(f"Refused: {revision.object_str}: {reason}")
