"""Forms of the translation admin screens."""

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .languages import language_name
from .po_import import MAX_UPLOAD_BYTES


class LanguageCheckboxes(forms.CheckboxSelectMultiple):
    """Checkboxes for languages; the ones already being translated are shown checked and disabled."""

    def __init__(self, *args, taken=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.taken = set(taken)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        if value in self.taken:
            option["attrs"].update(disabled=True, checked=True)
        return option


class TranslateForm(forms.Form):
    locales = forms.ModelMultipleChoiceField(
        label=_("Languages"),
        queryset=Locale.objects.none(),
        error_messages={"required": _("Choose at least one language.")},
    )

    def __init__(self, *args, source, languages, **kwargs):
        """``languages``: a ``sources.Languages``, the languages already translated and deleted."""
        super().__init__(*args, **kwargs)
        self.languages = languages
        field = self.fields["locales"]
        field.widget = LanguageCheckboxes(taken=languages.taken)
        field.label_from_instance = self.label_for
        field.queryset = Locale.objects.exclude(pk=source.locale_id).order_by("language_code")
        self.has_choices = any(locale.pk not in languages.taken for locale in field.queryset)

    def label_for(self, locale):
        if locale.pk in self.languages.taken:
            # Translators: a language in the list of languages to translate into, e.g. “español (es): already translated”
            return _("%(language)s: already translated") % {"language": language_name(locale)}
        if locale.pk in self.languages.deleted:
            # Translators: e.g. “español (es): translation deleted; translating again keeps its translated texts”
            return _("%(language)s: translation deleted; translating again keeps its translated texts") % {
                "language": language_name(locale)
            }
        return language_name(locale)

    def clean_locales(self):
        return [locale for locale in self.cleaned_data["locales"] if locale.pk not in self.languages.taken]


class UploadPOForm(forms.Form):
    file = forms.FileField(
        label=_("PO file"),
        help_text=_("The file you downloaded for this translation, filled in with Poedit or any gettext tool."),
        widget=forms.ClearableFileInput(attrs={"accept": ".po,text/x-gettext-translation"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                # Translators: sizes are formatted, e.g. “The file is 6.2 MB; the limit is 5.0 MB.”
                _("The file is %(size)s; the limit is %(limit)s. Nothing was imported."),
                code="too_large",
                params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_UPLOAD_BYTES)},
            )
        return upload
