"""The per-language glossary (termbase) that the glossary QA check reads.

Imported by ``models.py`` so that Django finds the model in this app.

A single global "do not translate" list is wrong for patient information: brand and drug
names are transliterated in Arabic, Urdu and Chinese (Spravato -> سبرافاتو). So each term
is kept per language, with the renderings a translator must use and the ones they must not.
"""

from django.core import checks
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .qa.base import check_settings

__all__ = ["GlossaryTerm"]

RENDERINGS_HELP = _(
    "One per line. Matched as whole words, ignoring case; end a rendering with * to match any ending "
    "(for example esketamin* for esketaminy)."
)


def split_renderings(text):
    """The renderings in a one-per-line text, stripped, without blanks or repeats."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


class GlossaryTerm(models.Model):
    locale = models.ForeignKey(Locale, verbose_name=_("language"), on_delete=models.CASCADE, related_name="+")
    term = models.CharField(
        _("source term"), max_length=255, help_text=_("As it is written in the source language, e.g. Spravato.")
    )
    approved = models.TextField(_("approved renderings"), help_text=RENDERINGS_HELP)
    forbidden = models.TextField(_("forbidden renderings"), blank=True, help_text=RENDERINGS_HELP)
    note = models.TextField(_("note"), blank=True, help_text=_("Why, and where this rendering comes from."))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["locale__language_code", "term"]
        constraints = [
            models.UniqueConstraint(
                Lower("term"),
                "locale",
                name="unique_glossary_term_per_language",
                violation_error_message=_("This language already has this term in its glossary."),
            )
        ]

    def __str__(self):
        return f"{self.term} ({self.locale.language_code})"

    @property
    def approved_renderings(self):
        return split_renderings(self.approved)

    @property
    def forbidden_renderings(self):
        return split_renderings(self.forbidden)

    def clean(self):
        super().clean()
        if not self.approved_renderings:
            raise ValidationError({"approved": _("Give at least one approved rendering.")})
        if any("|" in rendering for rendering in self.approved_renderings + self.forbidden_renderings):
            raise ValidationError(_("Renderings cannot contain “|”: it separates renderings in CSV files."))
        both = {r.casefold() for r in self.approved_renderings} & {r.casefold() for r in self.forbidden_renderings}
        if both:
            raise ValidationError(
                {
                    "forbidden": _("A rendering cannot be approved and forbidden: %(items)s.")
                    % {"items": ", ".join(sorted(both))}
                }
            )


# The settings of the QA checks are validated at startup (manage.py check), not at first use.
# Registered here because this module is imported when the app loads.
checks.register(check_settings, "carelingua")
