"""What the translation screens show, computed in Python so that the templates stay thin.

Links between the screens; a catalog's progress and status; source texts marked up
(placeholders, word diffs); and the quality of a translation: the QA findings of each
segment, their totals, the readability of the whole and translation memory suggestions.
"""

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page, get_translatable_models
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from .extract import SEPARATOR
from .languages import language_name
from .machine.backends import backend_label
from .models import Segment, TranslationCatalog
from .permissions import can_change_model
from .qa import ERROR, WARNING
from .review import content_hash
from .review_models import MEDICAL, SignOff
from .status import progress_status

NAMESPACE = "carelingua_translations"
UNFINISHED = "unfinished"
WITH_ERRORS = "errors"
WITH_WARNINGS = "warnings"
STATE_FILTERS = [
    ("", gettext_lazy("All")),
    (UNFINISHED, gettext_lazy("Unfinished")),
    (Segment.UNTRANSLATED, gettext_lazy("Untranslated")),
    (Segment.FUZZY, gettext_lazy("Needs review")),
    (Segment.MACHINE, gettext_lazy("Machine suggestions")),
    (Segment.TRANSLATED, gettext_lazy("Translated")),
    (WITH_ERRORS, gettext_lazy("With errors")),
    (WITH_WARNINGS, gettext_lazy("With warnings")),
]

# The finding of an empty translation. The editor leaves it out: the state “Untranslated”
# says so already, and such a segment cannot be built or reviewed anyway.
EMPTY = "empty"
SEVERITIES = {
    ERROR: (gettext_lazy("Error"), gettext_lazy("Blocks submission for review.")),
    WARNING: (gettext_lazy("Warning"), gettext_lazy("A reviewer must acknowledge this.")),
}


# Links


def url(name, *args):
    return reverse(f"{NAMESPACE}:{name}", args=args)


def _address(obj):
    if isinstance(obj, Page):
        return "page", (obj.pk,)
    return "snippet", (obj._meta.app_label, obj._meta.model_name, quote(obj.pk))


def overview_url(obj):
    kind, args = _address(obj)
    return url("overview" if kind == "page" else "snippet_overview", *args)


def translate_url(obj):
    kind, args = _address(obj)
    return url("translate" if kind == "page" else "snippet_translate", *args)


# Progress and status

STATES = Segment.STATE_CHOICES


@dataclass
class Progress:
    """Finished (translated) segments of the current ones; fuzzy and machine ones are not finished."""

    counts: dict = field(default_factory=dict)

    @classmethod
    def of(cls, catalog):
        rows = catalog.segments.current().order_by().values_list("state").annotate(n=Count("pk"))
        return cls(dict(rows))

    @classmethod
    def of_segments(cls, segments):
        return cls(dict(Counter(segment.state for segment in segments)))

    @property
    def done(self):
        return self.counts.get(Segment.TRANSLATED, 0)

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def percent(self):
        return 100 * self.done // self.total if self.total else 100

    @property
    def label(self):
        # Translators: progress of a translation, e.g. “12 of 96 segments translated (12%)”
        return _("%(done)d of %(total)d segments translated (%(percent)d%%)") % {
            "done": self.done,
            "total": self.total,
            "percent": self.percent,
        }

    @staticmethod
    def annotations():
        """Count annotations of a catalog queryset, one per state, for ``of_annotated``."""
        current = Q(segments__obsolete=False)
        return {f"n_{state}": Count("segments", filter=current & Q(segments__state=state)) for state, _ in STATES}

    @classmethod
    def of_annotated(cls, catalog):
        return cls({state: getattr(catalog, f"n_{state}") for state, _ in STATES})

    def count(self, state):
        if not state:
            return self.total
        return self.total - self.done if state == UNFINISHED else self.counts.get(state, 0)

    def as_json(self):
        return {"done": self.done, "total": self.total, "percent": self.percent, "label": self.label}


def catalog_status(catalog, progress):
    """(CSS modifier, text) of a catalog's state in work lists, from its segments alone."""
    if progress.done == progress.total:
        return "complete", _("Complete")
    status = progress_status(catalog, progress)
    return status.code, status.label


# Source texts


def word_diff(old, new):
    """The change from ``old`` to ``new``, word by word, as HTML with <del> and <ins>."""
    before, after = re.split(r"(\s+)", old), re.split(r"(\s+)", new)
    parts = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(conditional_escape("".join(before[i1:i2])))
        if op in ("delete", "replace"):
            parts.append(format_html("<del>{}</del>", "".join(before[i1:i2])))
        if op in ("insert", "replace"):
            parts.append(format_html("<ins>{}</ins>", "".join(after[j1:j2])))
    return format_html_join("", "{}", ((part,) for part in parts))


PLACEHOLDER = re.compile(r"(</?\d+/?>)")


def marked_placeholders(text):
    """Source text as HTML, with the placeholders such as <1>…</1> marked so they stand out."""
    parts = PLACEHOLDER.split(text)
    marked = (format_html('<span class="tl-placeholder">{}</span>', p) if i % 2 else p for i, p in enumerate(parts))
    return format_html_join("", "{}", ((part,) for part in marked))


@dataclass
class SegmentGroup:
    """Consecutive segments of one field or kind of block, e.g. “Body › Care card”."""

    title: str
    rows: list = field(default_factory=list)


def group_segments(segments):
    groups = []
    for segment in segments:
        parts = segment.label.split(SEPARATOR) if segment.label else [segment.context]
        title = SEPARATOR.join(parts[:2])
        if not groups or groups[-1].title != title:
            groups.append(SegmentGroup(title))
        segment.sublabel = SEPARATOR.join(parts[2:])
        segment.marked_source = marked_placeholders(segment.source)
        changed = segment.previous_source and segment.previous_source != segment.source
        segment.diff = word_diff(segment.previous_source, segment.source) if changed else ""
        segment.rows = text_rows(max(len(segment.source), len(segment.translation)))
        groups[-1].rows.append(segment)
    return groups


def text_rows(length):
    """Lines for a translation box: enough for the longer of the source and the translation."""
    return 5 if length > 160 else 4 if length > 110 else 3 if length > 60 else 2


def filter_segments(segments, state, findings):
    """The segments one of ``STATE_FILTERS`` shows; ``findings`` as from ``shown_findings``."""
    if state == UNFINISHED:
        return [segment for segment in segments if segment.state != Segment.TRANSLATED]
    if state == WITH_ERRORS:
        return [segment for segment in segments if has_error(findings.get(segment.pk, ()))]
    if state == WITH_WARNINGS:
        return [segment for segment in segments if warning_count(findings.get(segment.pk, ()))]
    return [segment for segment in segments if segment.state == state] if state else segments


def annotate_segments(segments, findings):
    """Give each segment what its row shows besides its text: findings, and the machine service."""
    labels = {}
    for segment in segments:
        found = findings.get(segment.pk, [])
        segment.findings = [finding_json(finding) for finding in found]
        segment.error_count, segment.warning_count = int(has_error(found)), warning_count(found)
        name = segment.machine_backend
        if segment.state == Segment.MACHINE and name and name not in labels:
            labels[name] = backend_label(name)
        segment.machine_label = labels.get(name, "") if segment.state == Segment.MACHINE else ""
    return segments


# Quality


def shown_findings(findings):
    """Findings as the editor shows them: without the “empty” one, and only for segments that keep some."""
    shown = {pk: [finding for finding in found if finding.code != EMPTY] for pk, found in findings.items()}
    return {pk: found for pk, found in shown.items() if found}


def has_error(findings):
    return any(finding.severity == ERROR for finding in findings)


def warning_count(findings):
    return sum(finding.severity == WARNING for finding in findings)


def finding_json(finding):
    label, note = SEVERITIES[ERROR if finding.severity == ERROR else WARNING]
    return {
        "severity": finding.severity,
        "code": finding.code,
        "message": str(finding.message),
        "label": str(label),
        "note": str(note),
    }


@dataclass(frozen=True)
class QualitySummary:
    """Segments with at least one error (each blocks review) and warnings (each to acknowledge)."""

    errors: int = 0
    warnings: int = 0

    @classmethod
    def of(cls, findings):
        found = findings.values()
        return cls(sum(has_error(f) for f in found), sum(warning_count(f) for f in found))


def warnings_accepted(catalog, segments):
    """Whether the translation is live as its last medical sign-off approved it, warnings included,
    and no segment changed since: one query, on top of the segments already loaded."""
    target = catalog.target_object
    if not isinstance(target, Page):
        return False
    sign_offs = SignOff.objects.filter(page_id=target.pk, role=MEDICAL, content_hash=content_hash(target))
    signed_at = sign_offs.order_by("-created_at").values_list("created_at", flat=True).first()
    if signed_at is None or not target.live or target.has_unpublished_changes:
        return False
    return all(segment.updated_at is None or segment.updated_at <= signed_at for segment in segments)


def readability_lines(result):
    """The readability of a text as lines for the panel: a score and its target, or why there is none."""
    status = {True: _("meets the target"), False: _("misses the target"), None: ""}
    return [{"text": text, "meets_target": meets, "status": status[meets]} for text, meets in result.lines()]


def suggestion_json(suggestion):
    """One translation memory suggestion, with the words the editor shows next to it."""
    return {
        "text": suggestion.text,
        "source": suggestion.source,
        "score": suggestion.score,
        "exact": suggestion.exact,
        # Translators: how closely a remembered source text matches this one, e.g. “85% match”
        "score_label": _("%(score)d%% match") % {"score": suggestion.score},
        "page_title": suggestion.page_title,
        # Translators: where a translation memory suggestion comes from, e.g. “From “Sleep and depression””
        "origin": _("From “%(title)s”") % {"title": suggestion.page_title} if suggestion.page_title else "",
    }


def findings_json(findings):
    """One segment's findings as the editor's JSON gives them, without the “empty” one."""
    return [finding_json(finding) for finding in findings if finding.code != EMPTY]


# Work lists


def editable_catalogs(user):
    """The catalogs ``user`` may translate, as ``can_edit_translation`` decides, in one query:
    pages whose translation is in a page tree they can edit (a deleted translation is in none);
    snippets whose permission policy lets them change the translation or, while it does not
    exist yet (a snippet without drafts gets it at its first build), any object of its model."""
    catalogs = TranslationCatalog.objects.all()
    if not user.is_active:
        return catalogs.none()
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    editable = Exists(pages.filter(translation_key=OuterRef("translation_key"), locale_id=OuterRef("target_locale_id")))
    for model in get_translatable_models(include_subclasses=True):
        if issubclass(model, Page) or not can_change_model(user, model):
            continue
        policy = policy_registry.get_by_type(model)
        place = {"translation_key": OuterRef("translation_key"), "locale_id": OuterRef("target_locale_id")}
        changeable = policy.instances_user_has_any_permission_for(user, {"change"}).filter(**place)
        existing = model._default_manager.filter(**place)
        editable |= Q(content_type=ContentType.objects.get_for_model(model)) & (Exists(changeable) | ~Exists(existing))
    return catalogs.filter(editable)


def worklist(user):
    """What ``user`` may translate, with each catalog's progress counted in the same query."""
    sources = Page.objects.filter(translation_key=OuterRef("translation_key"), locale_id=OuterRef("source_locale_id"))
    return (
        editable_catalogs(user)
        .select_related("target_locale")
        .annotate(
            **Progress.annotations(),
            page_title=Subquery(sources.values("draft_title")[:1]),
            source_page_id=Subquery(sources.values("pk")[:1]),
        )
        .order_by("page_title", "target_locale__language_code", "pk")
    )


def unfinished(catalogs):
    return catalogs.filter(Exists(Segment.objects.unfinished().filter(catalog_id=OuterRef("pk"))))


def worklist_rows(catalogs):
    """Catalogs with what a work list shows: source title, language, progress, status and links.

    The source titles of snippets are loaded in one query per model, not one per catalog."""
    catalogs = list(catalogs)
    snippets = defaultdict(list)
    for catalog in catalogs:
        if catalog.page_title is None:
            snippets[catalog.content_type_id].append(catalog)
    for content_type_id, group in snippets.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        found = model._default_manager.filter(translation_key__in={catalog.translation_key for catalog in group})
        by_key = {(obj.translation_key, obj.locale_id): obj for obj in found}
        for catalog in group:
            source = by_key.get((catalog.translation_key, catalog.source_locale_id))
            catalog.page_title = str(source) if source else ""
            catalog.source_url = overview_url(source) if source else ""
    for catalog in catalogs:
        catalog.progress = Progress.of_annotated(catalog)
        catalog.status, catalog.status_label = catalog_status(catalog, catalog.progress)
        catalog.language = language_name(catalog.target_locale)
        if catalog.content_type_id not in snippets:
            catalog.source_url = url("overview", catalog.source_page_id)
    return catalogs
