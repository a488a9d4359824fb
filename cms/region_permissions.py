"""Who may change region data, in which language.

Wagtail's snippet permissions are per model. Region data exists once per language, and a
Spanish translator must not change the English numbers, so each permission on a region
also needs rights on pages in that region's language, as the per-language page trees grant
them (cms.roles): to publish region data, the right to publish pages there; to open and
change it, the right to edit or to publish pages there (medical reviewers publish from the
region's editor).
"""

from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy


def page_actions(action):
    """The page permissions, on a language's home page, that allow ``action`` on its region data."""
    return {"publish"} if action == "publish" else {"change", "publish"}


def works_in(user, locale_id, action):
    """Whether the user has a right that allows ``action`` on the home page of that language."""
    if user.is_superuser:
        return True
    home = Page.objects.filter(depth=2, locale_id=locale_id).first()
    if home is None:
        return False
    return PagePermissionPolicy().user_has_any_permission_for_instance(user, page_actions(action), home)


class LocalePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, on the instances in the languages the user works in."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and works_in(user, instance.locale_id, action)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, action, instance) for action in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        """A queryset (no query until used): the instances in languages whose home page the user may
        edit (or publish, for ``publish``)."""
        instances = super().instances_user_has_any_permission_for(user, actions)
        if not user.is_active or user.is_superuser:
            return instances
        wanted = set().union(*(page_actions(action) for action in actions))
        homes = PagePermissionPolicy().instances_user_has_any_permission_for(user, wanted).filter(depth=2)
        return instances.filter(locale_id__in=homes.values("locale_id"))
