"""The rules of review: what content is, which review a page needs, who may approve it.

A page model opts in to review with a class attribute: ``medical_review_required = True``
(a medical reviewer qualified for the page's language signs off the exact content) or
``editorial_review_required = True`` (an editorial or linguistic reviewer does). The publish
gate (``gate``) lets content go live only with such a sign-off; who counts as an author, and
so may not approve, is decided in ``authorship``.
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from .fields import own_fields
from .models import TranslationCatalog
from .review_models import EDITORIAL, LINGUISTIC, MEDICAL, ReviewerProfile, ReviewRefused, SignOff

# What a reviewer states, on the record, when approving: one set per kind of review.
ATTESTATIONS = {
    MEDICAL: ("clinical_accuracy", "doses_and_numbers", "references", "reading_level", "warnings_acknowledged"),
    LINGUISTIC: ("meaning", "terminology", "register", "numbers_match", "warnings_acknowledged"),
    EDITORIAL: ("plain_language", "house_style", "links"),
}
ATTESTATION_FIELDS = ATTESTATIONS[MEDICAL]

# The sign-offs that let content of each review level go live.
ACCEPTED_ROLES = {MEDICAL: (MEDICAL,), EDITORIAL: (EDITORIAL, LINGUISTIC, MEDICAL)}


def review_level(page_or_model):
    """MEDICAL, EDITORIAL or None: the review a page needs before it goes live.

    For a page, its real content type decides, not the Python class of the instance:
    ``Page.objects.get(pk=...)`` of an article is still an article.
    """
    if isinstance(page_or_model, Page):
        model = page_or_model.specific_class or type(page_or_model)
    else:
        model = page_or_model if isinstance(page_or_model, type) else type(page_or_model)
    if getattr(model, "medical_review_required", False):
        return MEDICAL
    if getattr(model, "editorial_review_required", False):
        return EDITORIAL
    return None


def needs_medical_review(page_or_model):
    return review_level(page_or_model) == MEDICAL


def needs_review(page_or_model):
    return review_level(page_or_model) is not None


def content_hash(obj):
    """A hash of what a reader sees: every content field, none of Wagtail's bookkeeping and
    none of the fields kept per language (such as the review dates the approval sets)."""
    data = {field.name: field.value_from_object(obj) for field in own_fields(type(obj))}
    for name, value in data.items():
        if hasattr(value, "get_prep_value"):
            data[name] = value.get_prep_value()
    payload = json.dumps(data, sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()


def sign_offs_of(page):
    """The sign-offs that speak for a page: its own, or, for an alias, those of the page it mirrors."""
    return SignOff.objects.filter(page_id=page.alias_of_id or page.pk)


def last_approval(page):
    """The latest sign-off that let this page's content go live: where "changes since" start."""
    level = review_level(page)
    if level is None:
        return None
    return sign_offs_of(page).filter(role__in=ACCEPTED_ROLES[level]).select_related("revision").first()


def catalogs_translating(page):
    return TranslationCatalog.objects.filter(translation_key=page.translation_key, target_locale_id=page.locale_id)


def check_approval(task, task_state, page, user, answers):
    """Refuse, with the reason, an approval the rules do not allow; change nothing."""
    from .authorship import authors_of

    latest = page.get_latest_revision()
    if latest is not None and latest.pk != task_state.revision_id:
        if content_hash(latest.as_object()) != content_hash(task_state.revision.as_object()):
            raise ReviewRefused(
                _(
                    "The page changed after it was submitted for review. Review the latest version: ask the editor to submit it again."
                )
            )
    if user.pk in authors_of(page, task_state.revision):
        raise ReviewRefused(_("You changed this content since it was last approved, so someone else must review it."))
    missing = [name for name in ATTESTATIONS[task.role] if not answers.get(name)]
    if missing:
        raise ReviewRefused(_("Confirm every statement of the attestation before approving."))


def review_problems(page, submitting=True):
    """What stops a task of a translation's review from starting.

    When it is submitted (first, or again after changes were requested), everything
    ``submission_problems`` checks. When it moves on to its next reviewer, only that the page
    still holds the content built from the catalog: changes to the catalog made meanwhile go
    into the next build, not into the version under review.
    """
    if submitting:
        return submission_problems(page)
    return [
        _("The draft's text was changed outside the translation editor: build it again and submit it again.")
        for catalog in catalogs_translating(page).select_related("built_revision")
        if not holds_built_content(catalog, page, catalog_unchanged=False)
    ]


def submission_problems(page):
    """Why a translation may not be submitted for review yet (invariants 3 and 4), or [].

    Untranslated, fuzzy and unconfirmed machine segments, and clinical-safety errors from
    the quality checks, each block submission; style warnings do not (a reviewer
    acknowledges them when approving). The draft must hold what the catalog built: its
    text is edited in the catalog, never in the page editor.
    """
    from .qa import errors_for_catalog

    problems = []
    for catalog in catalogs_translating(page).select_related("target_locale", "built_revision"):
        unfinished = catalog.segments.unfinished().count()
        if unfinished:
            problems.append(
                _("%(count)d segments are not translated and confirmed (untranslated, needs review or machine).")
                % {"count": unfinished}
            )
        errors = errors_for_catalog(catalog)
        if errors:
            problems.append(
                _("%(count)d segments have quality errors (numbers, units, phone numbers or markup).")
                % {"count": len(errors)}
            )
        if not unfinished and not holds_built_content(catalog, page):
            problems.append(_("The draft does not hold the catalog's latest translations: build it again."))
    return problems


def holds_built_content(catalog, page, catalog_unchanged=True):
    """Whether the page's latest revision is what the catalog built (and, with
    ``catalog_unchanged``, what it would build now).

    The page's latest revision must have the content of the last build: saving the page again
    (as Wagtail's submit does) keeps it; changing its text does not. Changing a segment since
    the build does not either, unless only the last build matters.
    """
    built, latest = catalog.built_revision, page.get_latest_revision()
    if built is None or latest is None:
        return False
    if catalog_unchanged and catalog.segments.filter(updated_at__gt=built.created_at).exists():
        return False
    return built.pk == latest.pk or content_hash(built.as_object()) == content_hash(latest.as_object())


def acknowledged_warnings(page):
    from .qa import warnings_for_catalog

    return [warning.identifier for catalog in catalogs_translating(page) for warning in warnings_for_catalog(catalog)]


@transaction.atomic
def record_sign_off(revision, reviewer, role, answers=None):
    """Record an approval of exactly this revision's content, and its review dates.

    The reviewer's attestation covers the quality warnings of a translation: their
    identifiers are stored with the sign-off, so the record says which warnings were accepted.
    """
    answers = answers or {}
    page = revision.content_object.specific
    sign_off = SignOff.objects.create(
        page=page,
        locale_id=page.locale_id,
        revision=revision,
        content_hash=content_hash(revision.as_object()),
        role=role,
        reviewer=reviewer,
        reviewer_name=reviewer.get_full_name() or reviewer.get_username(),
        credentials=ReviewerProfile.credentials_of(reviewer, page.locale_id),
        fictional=ReviewerProfile.is_fictional(reviewer),
        attestation={name: bool(answers.get(name)) for name in ATTESTATIONS[role] if name in answers},
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


def years_later(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def review_dates(sign_off, cycle_years):
    reviewed = timezone.localdate(sign_off.created_at) if sign_off.created_at else timezone.localdate()
    return reviewed, years_later(reviewed, cycle_years)
