"""Who may do what with translations.

Per-language rights come from Wagtail's per-locale page trees: a translator for Spanish
has edit permission on the Spanish tree, so they may edit Spanish catalogs and nothing else.
Snippets have no trees: whoever may change a snippet model may translate its snippets.
"""

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry


def can_change_model(user, model):
    """Whether the permission policy Wagtail uses for ``model`` lets ``user`` change any of its objects."""
    return policy_registry.get_by_type(model).user_has_permission(user, "change")


def _can_edit_object(user, obj):
    """Edit rights from the user's own permissions: for a page, on its language's tree. The
    access a review task gives its reviewers to a page under review does not count."""
    if obj is None:
        return False
    if isinstance(obj, Page):
        return PagePermissionPolicy().user_has_permission_for_instance(user, "change", obj)
    # Any other model: the permission policy Wagtail uses for it (its model permissions,
    # unless the site registered a policy that limits them to some instances).
    return policy_registry.get_by_type(type(obj)).user_has_permission_for_instance(user, "change", obj)


def can_start_translation(user, source):
    """Starting translations is an editor's job: they must be able to edit the source."""
    return user.is_active and _can_edit_object(user, source)


def can_edit_translation(user, catalog):
    """Translating needs edit rights on the translation, that is, in its language's tree.

    A snippet's translation may not exist yet (see ``targets``): the model's permission decides."""
    if not user.is_active:
        return False
    target = catalog.target_object
    if issubclass(catalog.model, Page) or target is not None:
        return _can_edit_object(user, target)
    return can_change_model(user, catalog.model)
