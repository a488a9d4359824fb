"""QA findings of saved segments and catalogs: what the editor, the review gate and
``qa_report`` call. A catalog is checked with a fixed number of queries, whatever its size:
its segments, its glossary and the allowed phone numbers are each loaded once.
"""

from dataclasses import dataclass

from .base import ERROR, WARNING, CheckContext, Finding, run_checks


@dataclass(frozen=True)
class SegmentWarning:
    """A warning a reviewer acknowledges, with the identifier to store with the sign-off."""

    identifier: str
    segment_id: int
    context: str
    code: str
    message: str


def context_for_catalog(catalog):
    return CheckContext.for_language(catalog.target_locale.language_code, catalog.source_locale.language_code)


def findings_for_text(source, translation, language_code, source_language="en", context=None):
    """Findings for text being typed, before it is saved (the editor's live check)."""
    context = context or CheckContext.for_language(language_code, source_language)
    return run_checks(source, translation, language_code, context)


def findings_for_segment(segment, context=None) -> list[Finding]:
    """Findings for one saved segment's translation against its current source."""
    catalog = segment.catalog
    context = (context or context_for_catalog(catalog)).for_segment(segment.context)
    return run_checks(segment.source, segment.translation, catalog.target_locale.language_code, context)


def _current_segments(catalog):
    return list(catalog.segments.filter(obsolete=False).order_by("position"))


def findings_for_catalog(catalog, segments=None) -> dict[int, list[Finding]]:
    """{segment id: findings} for the catalog's current segments that have any, in reading order."""
    context = context_for_catalog(catalog)
    language = catalog.target_locale.language_code
    segments = _current_segments(catalog) if segments is None else segments
    results = {}
    for segment in segments:
        findings = run_checks(segment.source, segment.translation, language, context.for_segment(segment.context))
        if findings:
            results[segment.pk] = findings
    return results


def errors_for_catalog(catalog) -> dict[int, list[Finding]]:
    """Only the blocking findings: a catalog with any cannot go to review."""
    found = findings_for_catalog(catalog)
    errors = {pk: [f for f in findings if f.severity == ERROR] for pk, findings in found.items()}
    return {pk: findings for pk, findings in errors.items() if findings}


def warnings_for_catalog(catalog) -> list[SegmentWarning]:
    """The warnings a reviewer must acknowledge, each with a stable identifier.

    The identifier is ``context|code|key|digest``: it does not depend on the interface
    language, and it changes when the segment's source or translation changes, so an
    acknowledgement stored with the sign-off applies to exactly the text that was reviewed.
    """
    segments = _current_segments(catalog)
    by_id = {segment.pk: segment for segment in segments}
    warnings = []
    for pk, findings in findings_for_catalog(catalog, segments).items():
        segment = by_id[pk]
        for finding in findings:
            if finding.severity == WARNING:
                identifier = finding.identifier(segment.context, segment.source, segment.translation)
                warnings.append(SegmentWarning(identifier, pk, segment.context, finding.code, finding.message))
    return warnings


def unacknowledged_warnings(catalog, acknowledged) -> list[SegmentWarning]:
    """The warnings whose identifiers are not among those acknowledged."""
    acknowledged = set(acknowledged)
    return [warning for warning in warnings_for_catalog(catalog) if warning.identifier not in acknowledged]
