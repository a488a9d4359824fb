"""The audit log action of pre-translation jobs, registered by ``hooks.py``."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.log_actions import LogFormatter

LOG_ACTION = "carelingua.machine_translated"


class MachineTranslatedFormatter(LogFormatter):
    label = _("Machine pre-translation")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        errors = data.get("errors", 0)
        # Translators: audit log, e.g. “Pre-translated into pl with deepl: 42 segments filled, 1 error.”
        message = ngettext(
            "Pre-translated into %(language)s with %(service)s: %(filled)d segments filled, %(errors)d error.",
            "Pre-translated into %(language)s with %(service)s: %(filled)d segments filled, %(errors)d errors.",
            errors,
        )
        values = {"language": data.get("language", ""), "service": data.get("service", "")}
        return message % {**values, "filled": data.get("filled", 0), "errors": errors}


def register_log_actions(actions):
    actions.register_action(LOG_ACTION)(MachineTranslatedFormatter)
