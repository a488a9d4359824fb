"""The form of the section pre-translation screen."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from ..languages import language_name
from .backends import default_backend_name, usable_backends


class PreTranslateForm(forms.Form):
    locales = forms.ModelMultipleChoiceField(
        label=_("Languages"),
        queryset=Locale.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one language.")},
    )
    subpages = forms.BooleanField(
        label=_("Also its subpages"),
        required=False,
        help_text=_("Pre-translate every page below this one that is being translated into these languages."),
    )
    backend = forms.ChoiceField(
        label=_("Machine translation service"),
        help_text=_("Suggestions are marked as machine translations until a translator confirms or edits them."),
    )

    def __init__(self, *args, locale_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        locales = self.fields["locales"]
        locales.queryset = Locale.objects.filter(pk__in=locale_ids).order_by("language_code")
        locales.label_from_instance = language_name
        backend = self.fields["backend"]
        backend.choices = usable_backends()
        backend.initial = default_backend_name()
