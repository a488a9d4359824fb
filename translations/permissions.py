"""Who may do what with translations.

Per-language rights come from Wagtail's per-locale page trees: a translator for Spanish
has edit permission on the Spanish tree, so they may edit Spanish catalogs and nothing else.
"""

from django.contrib.auth import get_permission_codename
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def _can_edit_object(user, obj):
    """Edit rights from the user's own permissions: for a page, on its language's tree. The
    access a review task gives its reviewers to a page under review does not count."""
    if obj is None:
        return False
    if isinstance(obj, Page):
        return PagePermissionPolicy().user_has_permission_for_instance(user, "change", obj)
    codename = get_permission_codename("change", obj._meta)
    return user.has_perm(f"{obj._meta.app_label}.{codename}")


def can_start_translation(user, source):
    """Starting translations is an editor's job: they must be able to edit the source."""
    return user.is_active and _can_edit_object(user, source)


def can_edit_translation(user, catalog):
    """Translating needs edit rights on the translation, that is, in its language's tree."""
    return user.is_active and _can_edit_object(user, catalog.target_object)
