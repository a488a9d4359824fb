"""The forms a reviewer fills in when acting on a review task: one attestation per kind of review.

A medical reviewer attests clinical accuracy; a second linguist attests that the translation
says what the source says; an editorial reviewer attests that the text is ready for readers.
Each statement is a required box, stored with the sign-off.
"""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm

from .review_models import EDITORIAL, LINGUISTIC, MEDICAL

WARNINGS_ACKNOWLEDGED = _("I have read the quality warnings, if any, and accept them.")


class MedicalAttestationForm(TaskStateCommentForm):
    """What a medical reviewer states, on the record, when approving."""

    clinical_accuracy = forms.BooleanField(label=_("The content is clinically accurate."))
    doses_and_numbers = forms.BooleanField(label=_("I checked every dose, number and unit."))
    references = forms.BooleanField(label=_("I checked the references."))
    reading_level = forms.BooleanField(label=_("The reading level is acceptable for patients."))
    warnings_acknowledged = forms.BooleanField(label=WARNINGS_ACKNOWLEDGED)


class LinguisticAttestationForm(TaskStateCommentForm):
    """What a second linguist states when approving a translation (ISO 17100 revision)."""

    meaning = forms.BooleanField(label=_("The translation says what the source says, with nothing added or left out."))
    terminology = forms.BooleanField(label=_("The terminology follows the glossary."))
    register = forms.BooleanField(label=_("The register is plain and consistent for patients."))
    numbers_match = forms.BooleanField(label=_("Every number, dose, unit and phone number matches the source."))
    warnings_acknowledged = forms.BooleanField(label=WARNINGS_ACKNOWLEDGED)


class EditorialAttestationForm(TaskStateCommentForm):
    """What an editorial reviewer states when approving a page for readers."""

    plain_language = forms.BooleanField(label=_("The text is clear and in plain language."))
    house_style = forms.BooleanField(label=_("The page follows the house style."))
    links = forms.BooleanField(label=_("I checked the links and references."))


ATTESTATION_FORMS = {
    MEDICAL: MedicalAttestationForm,
    LINGUISTIC: LinguisticAttestationForm,
    EDITORIAL: EditorialAttestationForm,
}


def attestation_form(role):
    return ATTESTATION_FORMS[role]


class RequestChangesForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The editor or translator sees this comment."),
    )
