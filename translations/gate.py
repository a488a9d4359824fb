"""The publish gate: content goes live only with a sign-off of exactly that content.

Invariant: a page that needs review is saved live only if a reviewer qualified for its
language signed off its exact content (a hash of it), and only a sign-off sets the fields
that record the review (``sign_off_fields``, such as "reviewed by" and the review dates).
The gate sits on saving a live page, the one step every publish path takes: the editor's
button, bulk actions, scheduled publishing, revert, copy, aliases, ``revision.publish()``
and a plain ``save()`` in a shell, through the page's own model or through ``Page``.
Unpublishing is always allowed.
"""

import copy

from django.utils.translation import gettext as _
from wagtail.models import Page

from .fields import PAGE_TEXT_FIELDS, own_fields
from .review import ACCEPTED_ROLES, content_hash, review_level, sign_offs_of
from .review_models import MEDICAL, ReviewRefused


def sign_off_fields(model):
    """Fields only a medical sign-off may set (the model's ``apply_medical_sign_off`` sets them)."""
    return tuple(getattr(model, "sign_off_fields", ()))


def guarded_fields(model):
    return {"live", *PAGE_TEXT_FIELDS, *(field.name for field in own_fields(model)), *sign_off_fields(model)}


def effective_page(instance):
    """The page as this save leaves it, as its real class.

    A save through a parent class (``Page``) writes only that class's columns, over the
    specific row stored in the database: that combination is what readers would get.
    """
    specific_class = instance.specific_class
    if instance.pk is None or specific_class is None or isinstance(instance, specific_class):
        return instance
    stored = specific_class._default_manager.filter(pk=instance.pk).first()
    if stored is None:
        return instance
    for field in type(instance)._meta.concrete_fields:
        setattr(stored, field.attname, getattr(instance, field.attname))
    return stored


def _record(page):
    return [getattr(page, name) for name in sign_off_fields(type(page))]


def _stamped_by(page, sign_off):
    """Whether the page's review fields are what this sign-off set (or the page has none)."""
    if not sign_off_fields(type(page)):
        return True
    if sign_off.role != MEDICAL or not hasattr(page, "apply_medical_sign_off"):
        return False
    stamped = copy.copy(page)
    stamped.apply_medical_sign_off(sign_off)
    return _record(stamped) == _record(page)


def publish_refusal(page):
    """Why this page's content may not be saved live, or None if it may."""
    level = review_level(page)
    if level is None or not page.live:
        return None
    digest = content_hash(page)
    if page.pk is not None:
        stored = type(page)._default_manager.filter(pk=page.pk, live=True).first()
        if stored is not None and content_hash(stored) == digest and _record(stored) == _record(page):
            return None  # nothing new goes live
    if page.pk is not None or page.alias_of_id:
        matching = sign_offs_of(page).filter(content_hash=digest, role__in=ACCEPTED_ROLES[level])
        if any(_stamped_by(page, sign_off) for sign_off in matching):
            return None
    if level == MEDICAL:
        return _(
            "“%(title)s” cannot be published: this content has no medical sign-off in its language. "
            "Submit it for review; it is published when a medical reviewer approves it."
        ) % {"title": page.title}
    return _(
        "“%(title)s” cannot be published: this content has no review sign-off in its language. "
        "Submit it for review; it is published when a reviewer approves it."
    ) % {"title": page.title}


def guard_publish(sender, instance, raw=False, update_fields=None, **kwargs):
    """``pre_save`` of every model: refuse to save unreviewed content live."""
    if raw:
        return
    model = (instance.specific_class or sender) if isinstance(instance, Page) else sender
    if review_level(model) is None:
        return
    if update_fields is not None and not guarded_fields(model) & set(update_fields):
        return
    reason = publish_refusal(effective_page(instance) if isinstance(instance, Page) else instance)
    if reason:
        raise ReviewRefused(reason)
