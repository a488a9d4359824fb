"""Medical and linguistic review as Wagtail workflow tasks, and the sign-off record.

A review task belongs to one language: only members of its groups may act on it, only on
pages in that language, and never on their own work (four eyes). Approving a medical
review records a sign-off of the exact content reviewed; the publish gate lets content go
live only when such a sign-off exists.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import AbstractGroupApprovalTask, Locale, Page, Revision, TaskState, TranslatableMixin

MEDICAL = "medical"
LINGUISTIC = "linguistic"
EDITORIAL = "editorial"


def credit(name, credentials="", fictional=False):
    """A person as readers see them: name, credentials, and whether they are fictional (in the
    active language: demo and training sites must never pass invented people off as real)."""
    text = f"{name}, {credentials}" if credentials else name
    if fictional:
        # Translators: after a person's name and credentials on a demo site, e.g. “Rahul Mehta, psychiatrist (fictional person)”
        text = gettext("%(credit)s (fictional person)") % {"credit": text}
    return text


class ReviewerProfile(TranslatableMixin, models.Model):
    """A reviewer's credentials as readers of one language see them.

    One profile per person and language, translations of each other (translated through the
    catalogs like any snippet). A sign-off shows the credentials in its page's language, or
    the name alone when the person has none in that language: never another language's.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="reviewer_profiles"
    )
    credentials = models.CharField(
        _("credentials"),
        max_length=255,
        blank=True,
        help_text=_("As shown to readers, for example \u201cMRCPsych, consultant psychiatrist\u201d."),
    )
    fictional = models.BooleanField(
        _("fictional person"),
        default=False,
        help_text=_(
            "For demo and training sites: readers are told, wherever this person is credited, that they are not real."
        ),
    )

    panels = [FieldPanel("user"), FieldPanel("credentials"), FieldPanel("fictional")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("reviewer profile")
        verbose_name_plural = _("reviewer profiles")
        constraints = [models.UniqueConstraint(fields=["user", "locale"], name="unique_reviewer_profile_per_language")]

    def __str__(self):
        return credit(self.user.get_full_name(), self.credentials, self.fictional)

    @classmethod
    def credentials_of(cls, user, locale_id):
        """The user's credentials in that language, or "" if they have none there."""
        profile = cls.objects.filter(user=user, locale_id=locale_id).first()
        return profile.credentials if profile else ""

    @classmethod
    def is_fictional(cls, user):
        """Whether the person is invented (demo and training sites), in any language's profile."""
        return cls.objects.filter(user=user, fictional=True).exists()


class SignOff(models.Model):
    """One approval, on the record: who approved exactly what, when, and what they attested."""

    ROLE_CHOICES = [
        (MEDICAL, _("Medical review")),
        (LINGUISTIC, _("Linguistic review")),
        (EDITORIAL, _("Editorial review")),
    ]

    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="sign_offs")
    locale = models.ForeignKey(Locale, verbose_name=_("language"), on_delete=models.PROTECT, related_name="+")
    revision = models.ForeignKey(
        Revision, verbose_name=_("revision"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)
    role = models.CharField(_("role"), max_length=20, choices=ROLE_CHOICES)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewer"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewer_name = models.CharField(_("reviewer's name"), max_length=255)
    credentials = models.CharField(_("credentials"), max_length=255, blank=True)
    fictional = models.BooleanField(_("fictional person"), default=False)
    attestation = models.JSONField(_("attestation"), default=dict)
    acknowledged_warnings = models.JSONField(_("acknowledged warnings"), default=list, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("signed off at"), auto_now_add=True)

    class Meta:
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_role_display()}: {self.page} ({self.locale.language_code}) by {self.reviewer_name}"

    @property
    def display(self):
        """The reviewer as readers see them: name, credentials and, on a demo site, that they are fictional."""
        return credit(self.reviewer_name, self.credentials, self.fictional)


class ReviewRefused(Exception):  # noqa: N818 (reads as what happened, like PermissionDenied)
    """A review action or a publish that the rules do not allow; the message says why.

    Not a PermissionDenied: Wagtail's admin turns those into a generic "no permission"
    message, and a refusal must say why and what to do (see ReviewRefusedMiddleware)."""


class LocaleReviewTask(AbstractGroupApprovalTask):
    """A group approval task for one language."""

    role = None
    locale = models.ForeignKey(Locale, verbose_name=_("language"), on_delete=models.PROTECT, related_name="+")

    admin_form_fields = [*AbstractGroupApprovalTask.admin_form_fields, "locale"]

    class Meta:
        abstract = True

    def start(self, workflow_state, user=None):
        """Submitting a translation that is not finished, or has safety errors, is refused."""
        from .review import review_problems

        page = workflow_state.content_object.specific
        approved = workflow_state.task_states.filter(
            revision=page.get_latest_revision(), status__in=[TaskState.STATUS_APPROVED, TaskState.STATUS_SKIPPED]
        )
        problems = review_problems(page, submitting=not approved.exists())
        if problems:
            raise ReviewRefused(" ".join([gettext("This translation cannot be submitted for review yet."), *problems]))
        return super().start(workflow_state, user=user)

    def is_qualified(self, obj, user):
        """In one of this task's groups, and the page is in this task's language."""
        return getattr(obj, "locale_id", None) == self.locale_id and self._user_in_groups(user)

    def user_can_access_editor(self, obj, user):
        return self.is_qualified(obj, user)

    def locked_for_user(self, obj, user):
        return not self.is_qualified(obj, user)

    def get_actions(self, obj, user):
        if not self.is_qualified(obj, user):
            return []
        return [("reject", _("Request changes"), True), ("approve", _("Approve"), True)]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not self._user_in_groups(user):
            return TaskState.objects.none()
        return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)

    def get_form_for_action(self, action):
        from .review_forms import RequestChangesForm, attestation_form

        return attestation_form(self.role) if action == "approve" else RequestChangesForm

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        """The approval is checked, signed off and (on the last task) published in one transaction:
        a refused publish leaves no sign-off behind."""
        from .review import check_approval, record_sign_off

        page = task_state.workflow_state.content_object.specific
        if not self.is_qualified(page, user):
            raise ReviewRefused(
                gettext("Only %(task)s reviewers may act on this page.") % {"task": self.locale.get_display_name()}
            )
        if action_name == "approve":
            check_approval(self, task_state, page, user, kwargs)
            # Wagtail publishes the latest revision; check_approval made sure it holds the content reviewed.
            record_sign_off(page.get_latest_revision(), user, self.role, kwargs)
        return super().on_action(task_state, user, action_name, comment=kwargs.get("comment", ""))


class MedicalReviewTask(LocaleReviewTask):
    role = MEDICAL

    class Meta:
        verbose_name = _("medical review task")
        verbose_name_plural = _("medical review tasks")

    @classmethod
    def get_description(cls):
        return _("A medical reviewer qualified for the page's language approves the exact content that goes live.")

    def start(self, workflow_state, user=None):
        """Pages that show no clinical content (a topic's introduction) skip this step, on the record."""
        from .review import needs_medical_review

        page = workflow_state.content_object
        if needs_medical_review(page):
            return super().start(workflow_state, user=user)
        return self.get_task_state_class().objects.create(
            workflow_state=workflow_state,
            task=self,
            revision=page.get_latest_revision(),
            status=TaskState.STATUS_SKIPPED,
            finished_at=timezone.now(),
        )


class LinguisticReviewTask(LocaleReviewTask):
    role = LINGUISTIC

    class Meta:
        verbose_name = _("linguistic review task")
        verbose_name_plural = _("linguistic review tasks")

    @classmethod
    def get_description(cls):
        return _("A second linguist, not the translator, revises the translation (ISO 17100).")


class EditorialReviewTask(LocaleReviewTask):
    role = EDITORIAL

    class Meta:
        verbose_name = _("editorial review task")
        verbose_name_plural = _("editorial review tasks")

    @classmethod
    def get_description(cls):
        return _("An editorial reviewer, not the author, checks that the text is clear and ready to publish.")
