"""Admin screens: start a translation, follow its progress, translate, exchange PO files, build.

Every change goes through an action in ``actions`` or ``po_import``; the views only check
who may open a screen, call the action and show what it returned. What the screens show is
computed in ``editor``; the page buttons that lead here are in ``buttons``.
"""

import json

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import DraftStateMixin, Page

from . import catalogs, editor, memory, sources
from .actions import (
    BuildTranslation,
    IncompleteCatalog,
    SaveSegment,
    SegmentConflict,
    SubmitTranslation,
    as_catalog,
)
from .content_notes import link_notes
from .editor import (
    STATE_FILTERS,
    UNFINISHED,
    WITH_ERRORS,
    WITH_WARNINGS,
    Progress,
    QualitySummary,
    url,
)
from .forms import UploadPOForm
from .languages import language_name, text_direction
from .models import TranslationCatalog
from .permissions import can_edit_translation, can_start_translation
from .po_import import ImportPO
from .qa import CheckContext, findings_for_catalog, findings_for_segment, findings_for_text
from .readability import readability_for_catalog, readability_for_page
from .review import submission_problems
from .review_models import ReviewRefused
from .status import IN_REVIEW, translation_status
from .targets import TranslationDeleted, check_not_deleted
from .validation import InvalidTranslation


def forbidden(request):
    """A 403 page. Wagtail's admin turns PermissionDenied into a redirect home; this says what happened."""
    context = {"page_title": _("Permission denied")}
    return TemplateResponse(request, "translations/forbidden.html", context, status=403)


def refused(request, error, title=None, status=400):
    """A 4xx page that says why a request cannot be done (``error``: a ValidationError)."""
    context = {"page_title": title or _("This cannot be translated"), "reasons": error.messages}
    return TemplateResponse(request, "translations/refused.html", context, status=status)


class TranslationAdminMixin(WagtailAdminTemplateMixin):
    """Breadcrumbs from the source page through its translations to this screen."""

    header_icon = "globe"
    is_overview = False

    def get_breadcrumbs_items(self):
        source, items = self.source, [*self.breadcrumbs_items]
        # Translators may not open the source in Wagtail's editor: its title is then plain text.
        items.append({"url": sources.edit_url(source, self.request.user), "label": sources.title_of(source)})
        items.append({"url": "" if self.is_overview else editor.overview_url(source), "label": _("Translations")})
        return items if self.is_overview else [*items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(overview_url=editor.overview_url(self.source), **kwargs)


class CatalogMixin:
    """Views of one catalog: only people who may translate into its language get in."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        related = ("content_type", "source_locale", "target_locale", "built_revision")
        self.catalog = get_object_or_404(TranslationCatalog.objects.select_related(*related), pk=kwargs["pk"])
        if self.catalog.source_object is None:
            raise Http404

    @property
    def source(self):
        return self.catalog.source_object

    def has_permission(self, user):
        return can_edit_translation(user, self.catalog)

    def dispatch(self, request, *args, **kwargs):
        if not self.has_permission(request.user):
            return self.permission_denied()
        return super().dispatch(request, *args, **kwargs)

    def permission_denied(self):
        try:
            check_not_deleted(self.catalog)
        except TranslationDeleted as deleted:
            return refused(self.request, deleted, title=_("Translation deleted"), status=410)
        return forbidden(self.request)

    def get_page_subtitle(self):
        # Translators: e.g. “Sleep and depression into español (es)”
        return _("%(title)s into %(language)s") % {
            "title": self.source,
            "language": language_name(self.catalog.target_locale),
        }


class WorklistView(WagtailAdminTemplateMixin, TemplateView):
    """Every catalog the user may translate, with its progress: a translator's way to their work."""

    template_name = "translations/worklist.html"
    page_title = gettext_lazy("Translations")
    header_icon = "globe"

    def get_breadcrumbs_items(self):
        # The header shows the last breadcrumb as the screen's title: without this one it read "Home".
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        rows = editor.worklist_rows(editor.worklist(self.request.user))
        # What still needs translating comes first; finished catalogs follow, each group by title.
        rows.sort(key=lambda catalog: catalog.status == "complete")
        return super().get_context_data(rows=rows, **kwargs)


class EditorView(CatalogMixin, TranslationAdminMixin, TemplateView):
    """Every current segment with its QA findings, and the translation's quality at the top.

    The segments are loaded once and checked once, whatever the filter: the totals, the
    filter counts and the rows all come from that one pass, in a fixed number of queries.
    """

    template_name = "translations/editor.html"
    page_title = gettext_lazy("Translation editor")

    def state_filter(self):
        state = self.request.GET.get("state", "")
        return state if state in dict(STATE_FILTERS) else ""

    @cached_property
    def segments(self):
        return list(self.catalog.segments.current().select_related("updated_by"))

    @cached_property
    def findings(self):
        return editor.shown_findings(findings_for_catalog(self.catalog, self.segments))

    def filters(self, state, progress, quality):
        with_warnings = len(editor.filter_segments(self.segments, WITH_WARNINGS, self.findings))
        counts = {WITH_ERRORS: quality.errors, WITH_WARNINGS: with_warnings}
        return [
            {
                "label": label,
                "url": f"?state={value}" if value else "?",
                "count": counts[value] if value in counts else progress.count(value),
                "current": value == state,
            }
            for value, label in STATE_FILTERS
        ]

    def preview_url(self):
        target = self.catalog.target_object
        if not (self.catalog.built_revision_id and isinstance(target, Page)):
            return ""
        return reverse("wagtailadmin_pages:revisions_view", args=[target.pk, self.catalog.built_revision_id])

    def review_context(self, progress):
        """Where the translation stands, and what the person looking at it can do next: the
        translator, or the reviewer whose step it is waiting for."""
        status = translation_status(self.catalog, progress)
        target = self.catalog.target_object
        problems = submission_problems(target) if status.can_submit else []
        yours = status.code == IN_REVIEW and _acts_on_current_step(target, self.request.user)
        return {
            "status": status,
            "submit_problems": problems,
            "page_edit_url": _page_edit_url(target),
            "your_step": YOUR_STEP if yours else "",
        }

    def get_context_data(self, **kwargs):
        state = self.state_filter()
        progress, quality = Progress.of_segments(self.segments), QualitySummary.of(self.findings)
        rows = editor.annotate_segments(editor.filter_segments(self.segments, state, self.findings), self.findings)
        target = self.catalog.target_locale
        return super().get_context_data(
            catalog=self.catalog,
            groups=editor.group_segments(rows),
            filters=self.filters(state, progress, quality),
            progress=progress,
            quality=quality,
            warnings_accepted=editor.warnings_accepted(self.catalog, self.segments),
            readability=editor.readability_lines(readability_for_catalog(self.catalog)),
            links=link_notes(self.catalog),
            source_readability=editor.readability_lines(readability_for_page(self.catalog.source_object)),
            source_language=language_name(self.catalog.source_locale),
            preview_url=self.preview_url(),
            source_lang=self.catalog.source_locale.language_code,
            source_dir=text_direction(self.catalog.source_locale),
            target_lang=target.language_code,
            target_dir=text_direction(target),
            language=language_name(target),
            review=self.review_context(progress),
            **kwargs,
        )


YOUR_STEP = gettext_lazy(
    "This review step is yours: compare each segment with the source here, "
    "then approve or request changes on your dashboard."
)


def _acts_on_current_step(page, user):
    """Whether ``user`` may approve or reject the review step the page waits for."""
    task_state = page.current_workflow_state.current_task_state
    return bool(task_state and task_state.task.specific.get_actions(page, user))


def _page_edit_url(target):
    return reverse("wagtailadmin_pages:edit", args=[target.pk]) if isinstance(target, Page) else ""


class SegmentJSONView(CatalogMixin, View):
    """The editor's fetch() calls about one segment: JSON in, JSON out, refusals included."""

    def permission_denied(self, error=None):
        message = str(error or "") or _("You can only translate into your own languages.")
        return JsonResponse({"ok": False, "errors": [message]}, status=403)

    def get_segment(self, segment_id):
        segment = get_object_or_404(self.catalog.segments.all(), pk=segment_id)
        segment.catalog = self.catalog
        return segment

    def payload(self, read):
        """``read(data)`` of the JSON body, or a ValidationError if the request does not fit."""
        try:
            return read(json.loads(self.request.body))
        except (ValueError, KeyError, TypeError) as error:
            raise ValidationError(_("The request was not understood. Reload the page and try again.")) from error


class SaveSegmentView(SegmentJSONView):
    """Save one segment; the answer has its new version and state, its QA findings and the progress."""

    http_method_names = ["post"]

    def post(self, request, pk, segment_id):
        segment = self.get_segment(segment_id)
        try:
            translation, version, needs_review = self.payload(
                lambda data: (str(data["translation"]), int(data["version"]), bool(data.get("needs_review")))
            )
            saved = SaveSegment(segment, translation, version, request.user, needs_review=needs_review).execute()
        except SegmentConflict as conflict:
            current = self.as_json(conflict.params["current"])
            return JsonResponse(
                {"ok": False, "conflict": True, "errors": [conflict.message], "current": current}, status=409
            )
        except ValidationError as error:
            return JsonResponse({"ok": False, "errors": error.messages}, status=400)
        except PermissionDenied as denied:
            return self.permission_denied(denied)
        saved.catalog = self.catalog
        findings = editor.findings_json(findings_for_segment(saved))
        progress = Progress.of(self.catalog).as_json()
        return JsonResponse(
            {"ok": True, "message": _("Saved."), **self.as_json(saved), "findings": findings, "progress": progress}
        )

    def as_json(self, segment):
        user = segment.updated_by
        who = (user.get_full_name() or user.get_username()) if user else ""
        return {
            "translation": segment.translation,
            "version": segment.version,
            "state": segment.state,
            "state_label": str(segment.get_state_display()),
            "updated_by": who,
        }


class CheckSegmentView(SegmentJSONView):
    """The editor's live check: the findings of the text being typed, before it is saved."""

    http_method_names = ["post"]

    def post(self, request, pk, segment_id):
        segment = self.get_segment(segment_id)
        try:
            translation = self.payload(lambda data: str(data["translation"]))
        except ValidationError as error:
            return JsonResponse({"ok": False, "errors": error.messages}, status=400)
        source, target = self.catalog.source_locale.language_code, self.catalog.target_locale.language_code
        context = CheckContext.for_language(target, source).for_segment(segment.context)
        findings = findings_for_text(segment.source, translation, target, source, context)
        return JsonResponse({"ok": True, "findings": editor.findings_json(findings)})


class SuggestionsView(SegmentJSONView):
    """Translation memory for one segment: approved translations of the same or a similar text elsewhere."""

    http_method_names = ["get"]

    def get(self, request, pk, segment_id):
        segment = self.get_segment(segment_id)
        language = self.catalog.target_locale.language_code
        found = memory.suggestions(segment.source, language, exclude_catalog=self.catalog)
        return JsonResponse(
            {
                "ok": True,
                "suggestions": [editor.suggestion_json(suggestion) for suggestion in found],
                "empty": _("Translation memory has no approved translation of this text or of a similar one."),
            }
        )


class DownloadPOView(CatalogMixin, View):
    def has_permission(self, user):
        return super().has_permission(user) or can_start_translation(user, self.source)

    def get(self, request, pk):
        data = catalogs.to_po(as_catalog(self.catalog))
        name = getattr(self.source, "slug", None) or f"{self.catalog.content_type.model}-{self.source.pk}"
        response = HttpResponse(data, content_type="text/x-gettext-translation; charset=utf-8")
        filename = f"{name}.{self.catalog.target_locale.language_code}.po"
        response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
        return response


class UploadPOView(CatalogMixin, TranslationAdminMixin, FormView):
    template_name = "translations/upload.html"
    form_class = UploadPOForm
    page_title = gettext_lazy("Upload a PO file")

    def form_valid(self, form):
        report = ImportPO(self.catalog, form.cleaned_data["file"].read(), self.request.user).execute()
        context = self.get_context_data(form=self.get_form_class()(), report=report)
        return self.render_to_response(context)

    def get_context_data(self, **kwargs):
        return super().get_context_data(catalog=self.catalog, editor_url=url("editor", self.catalog.pk), **kwargs)


def built_message(target):
    if isinstance(target, Page):
        # Translators: “The Spanish draft of “Sleep and depression” was built. It is not published. …”
        return _(
            "The %(language)s draft of “%(title)s” was built. It is not published. "
            "Next, submit it for review with “Submit for review” in the translation editor."
        )
    if isinstance(target, DraftStateMixin):
        return _(
            "The %(language)s draft of “%(title)s” was built. It is not published: review and publish it from the snippet editor."
        )
    return _("The %(language)s translation of “%(title)s” was built and is in use: this kind of snippet has no drafts.")


class BuildDraftView(CatalogMixin, View):
    """Build the localized draft (never published), or say why not."""

    http_method_names = ["post"]

    def post(self, request, pk):
        editor_url = url("editor", self.catalog.pk)
        try:
            target = BuildTranslation(self.catalog, request.user).execute()
        except IncompleteCatalog as refusal:
            buttons = [messages.button(f"{editor_url}?state={UNFINISHED}", _("Show unfinished segments"))]
            messages.error(request, refusal.message, buttons=buttons)
        except InvalidTranslation as refusal:
            contexts = [problem.context for problem in refusal.problems]
            first = self.catalog.segments.current().filter(context__in=contexts).order_by("position").first()
            buttons = [messages.button(f"{editor_url}#segment-{first.pk}", _("Show the segment"))] if first else []
            messages.error(request, " ".join(refusal.messages), buttons=buttons)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            language = self.catalog.target_locale.get_display_name()
            # A page translation is edited only through its catalog; a snippet is published from its own editor.
            edit = "" if isinstance(target, Page) else sources.edit_url(target, request.user)
            buttons = [messages.button(edit, _("Edit snippet"))] if edit else []
            messages.success(request, built_message(target) % {"language": language, "title": target}, buttons=buttons)
        return redirect(get_valid_next_url_from_request(request) or editor_url)


class SubmitTranslationView(CatalogMixin, View):
    """Submit the built translation for review, or say why it cannot be yet."""

    http_method_names = ["post"]

    def post(self, request, pk):
        try:
            state = SubmitTranslation(self.catalog, request.user).execute()
        except (ValidationError, ReviewRefused) as refusal:
            messages.error(request, " ".join(getattr(refusal, "messages", None) or [str(refusal)]))
        else:
            # Translators: “Submitted for review: Linguistic review (Spanish) is next.”
            message = _("Submitted for review: %(task)s is next. The reviewers see it on their dashboard.")
            messages.success(request, message % {"task": state.current_task_state.task.name})
        return redirect(url("editor", self.catalog.pk))
