"""Translation quality checks: clinical-safety errors that block, style warnings to acknowledge.

Public API::

    from translations.qa import findings_for_segment, findings_for_catalog, warnings_for_catalog

Modules: ``base`` (Finding, CheckContext, registry), ``checks`` (the check functions),
``quantities`` (numbers and units in any script), ``units`` (unit words), ``text``
(normalisation), ``segments`` (segments and catalogs).
"""

from .base import (
    DEFAULT_CHECKS,
    ERROR,
    WARNING,
    CheckContext,
    Finding,
    GlossaryEntry,
    get_checks,
    run_checks,
)
from .segments import (
    SegmentWarning,
    errors_for_catalog,
    findings_for_catalog,
    findings_for_segment,
    findings_for_text,
    unacknowledged_warnings,
    warnings_for_catalog,
)

__all__ = [
    "DEFAULT_CHECKS",
    "ERROR",
    "WARNING",
    "CheckContext",
    "Finding",
    "GlossaryEntry",
    "SegmentWarning",
    "errors_for_catalog",
    "findings_for_catalog",
    "findings_for_segment",
    "findings_for_text",
    "get_checks",
    "run_checks",
    "unacknowledged_warnings",
    "warnings_for_catalog",
]
