"""The rules of review: what content is, who may approve it, and the publish gate.

Invariant: a revision of a page that needs medical review becomes live only if a medical
reviewer qualified for its language signed off that exact content, and the reviewer is not
its author or translator. The gate sits on saving a live page, the one step every publish
path (the editor's button, bulk actions, scheduled publishing, revert, copy, code) takes.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .fields import own_fields
from .models import Segment, TranslationCatalog
from .review_models import MEDICAL, ReviewerProfile, ReviewRefused, SignOff

ATTESTATION_FIELDS = ("clinical_accuracy", "doses_and_numbers", "references", "reading_level", "warnings_acknowledged")


def needs_medical_review(page_or_model):
    model = page_or_model if isinstance(page_or_model, type) else type(page_or_model)
    return bool(getattr(model, "medical_review_required", False))


def content_hash(obj):
    """A hash of what a reader sees: every content field, none of Wagtail's bookkeeping and
    none of the fields kept per language (such as the review dates the approval sets)."""
    data = {field.name: field.value_from_object(obj) for field in own_fields(type(obj))}
    for name, value in data.items():
        if hasattr(value, "get_prep_value"):
            data[name] = value.get_prep_value()
    payload = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def authors_of(revision):
    """Who wrote this content: the revision's author and, for a translation, its translators."""
    page = revision.content_object
    authors = {revision.user_id} - {None}
    catalogs = TranslationCatalog.objects.filter(translation_key=page.translation_key, target_locale_id=page.locale_id)
    translators = Segment.objects.filter(catalog__in=catalogs).exclude(updated_by=None)
    authors.update(translators.values_list("updated_by", flat=True).distinct())
    authors.update(catalogs.exclude(built_revision=None).values_list("built_revision__user", flat=True))
    return authors - {None}


def check_approval(task, task_state, page, user, answers):
    """Refuse, with the reason, an approval the rules do not allow; change nothing."""
    latest = page.get_latest_revision()
    if latest is not None and latest.pk != task_state.revision_id:
        raise ReviewRefused(
            _(
                "The page changed after it was submitted for review. Review the latest version: ask the editor to submit it again."
            )
        )
    if user.pk in authors_of(task_state.revision):
        raise ReviewRefused(_("You wrote or translated this content, so someone else must review it."))
    if task.role == MEDICAL:
        missing = [name for name in ATTESTATION_FIELDS if not answers.get(name)]
        if missing:
            raise ReviewRefused(_("Confirm every statement of the attestation before approving."))


def catalogs_translating(page):
    return TranslationCatalog.objects.filter(translation_key=page.translation_key, target_locale_id=page.locale_id)


def submission_problems(page):
    """Why a translation may not be submitted for review yet (invariants 3 and 4), or [].

    Untranslated, fuzzy and unconfirmed machine segments, and clinical-safety errors from
    the quality checks, each block submission; style warnings do not (a reviewer
    acknowledges them when approving).
    """
    from .qa import errors_for_catalog

    problems = []
    for catalog in catalogs_translating(page).select_related("target_locale"):
        unfinished = catalog.segments.unfinished().count()
        if unfinished:
            problems.append(
                _("%(count)d segments are not translated and confirmed (untranslated, needs review or machine).")
                % {"count": unfinished}
            )
        errors = errors_for_catalog(catalog)
        if errors:
            problems.append(
                _("%(count)d segments have quality errors (numbers, doses, units, phone numbers or markup).")
                % {"count": len(errors)}
            )
        if not unfinished and catalog.built_revision_id != page.latest_revision_id:
            problems.append(_("The draft was edited after it was built from the catalog: build it again."))
    return problems


def acknowledged_warnings(page):
    from .qa import warnings_for_catalog

    return [warning.identifier for catalog in catalogs_translating(page) for warning in warnings_for_catalog(catalog)]


def record_sign_off(revision, reviewer, role, answers=None):
    """Record an approval of exactly this revision's content, and its review dates.

    The reviewer's attestation covers the quality warnings of a translation: their
    identifiers are stored with the sign-off, so the record says which warnings were accepted.
    """
    answers = answers or {}
    page = revision.content_object.specific
    profile = ReviewerProfile.objects.filter(user=reviewer).first()
    sign_off = SignOff.objects.create(
        page=page,
        locale_id=page.locale_id,
        revision=revision,
        content_hash=content_hash(revision.as_object()),
        role=role,
        reviewer=reviewer,
        reviewer_name=reviewer.get_full_name() or reviewer.get_username(),
        credentials=profile.credentials if profile else "",
        fictional=bool(profile and profile.fictional),
        attestation={name: bool(answers.get(name)) for name in ATTESTATION_FIELDS if name in answers},
        acknowledged_warnings=acknowledged_warnings(page) if answers.get("warnings_acknowledged") else [],
        comment=answers.get("comment", ""),
    )
    if role == MEDICAL:
        _stamp_review_dates(revision, sign_off)
    log(
        page,
        "carelingua.sign_off",
        user=reviewer,
        revision=revision,
        data={"role": role, "hash": sign_off.content_hash},
    )
    return sign_off


def _stamp_review_dates(revision, sign_off):
    """Let the page model set its review dates from the sign-off, in the revision that goes live."""
    obj = revision.as_object()
    if hasattr(obj, "apply_medical_sign_off"):
        obj.apply_medical_sign_off(sign_off)
        revision.content = obj.serializable_data()
        revision.save(update_fields=["content"])


def is_signed_off(page, digest=None):
    digest = digest or content_hash(page)
    return SignOff.objects.filter(page_id=page.pk, content_hash=digest, role=MEDICAL).exists()


def publish_refusal(page):
    """Why this page's current content may not go live, or None if it may."""
    if not needs_medical_review(page) or not page.live:
        return None
    digest = content_hash(page)
    if page.pk is not None:
        current = type(page).objects.filter(pk=page.pk, live=True).first()
        if current is not None and content_hash(current) == digest:
            return None  # nothing new goes live
        if is_signed_off(page, digest):
            return None
    return _(
        "“%(title)s” cannot be published: this content has no medical sign-off in its language. "
        "Submit it for review; it is published when a medical reviewer approves it."
    ) % {"title": page.title}


def years_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def review_dates(sign_off, cycle_years):
    reviewed = timezone.localdate(sign_off.created_at) if sign_off.created_at else timezone.localdate()
    return reviewed, years_later(reviewed, cycle_years)
