"""The forms a reviewer fills in when acting on a review task."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm


class AttestationForm(TaskStateCommentForm):
    """What a reviewer states, on the record, when approving."""

    clinical_accuracy = forms.BooleanField(label=_("The content is clinically accurate."))
    doses_and_numbers = forms.BooleanField(label=_("I checked every dose, number and unit."))
    references = forms.BooleanField(label=_("I checked the references."))
    reading_level = forms.BooleanField(label=_("The reading level is acceptable for patients."))
    warnings_acknowledged = forms.BooleanField(
        label=_("I have read the quality warnings, if any, and accept them."),
    )


class RequestChangesForm(TaskStateCommentForm):
    comment = forms.CharField(
        label=_("What needs to change"),
        widget=forms.Textarea({"rows": 3}),
        help_text=_("The editor or translator sees this comment."),
    )
