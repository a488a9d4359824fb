"""The people who work on the site, as Django groups with per-language page permissions.

Per-language access comes from the per-locale page trees: a translator for Spanish gets
permissions on the Spanish home page, and so on everything below it.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import GroupPagePermission

from .models import HomePage

SOURCE_LANGUAGE = "en"

# Page permission codenames each role gets on its language trees.
EDIT = ["add_page", "change_page", "lock_page"]
PUBLISH = [*EDIT, "publish_page"]


def language_name(code):
    """The English name of a language: group names are data and must not change with the reader's language."""
    with translation.override("en"):
        return str(dict(settings.WAGTAIL_CONTENT_LANGUAGES)[code])


def role_groups():
    """(group name, page permission codenames, language codes) for every role."""
    translated = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != SOURCE_LANGUAGE]
    roles = [
        ("Editors", EDIT, [SOURCE_LANGUAGE]),
        ("Editorial reviewers", EDIT, [SOURCE_LANGUAGE]),
        ("Site admins", [*PUBLISH, "delete_page"], [c for c, _n in settings.WAGTAIL_CONTENT_LANGUAGES]),
    ]
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        roles.append((f"Medical reviewers ({language_name(code)})", PUBLISH, [code]))
    for code in translated:
        roles.append((f"Translators ({language_name(code)})", EDIT, [code]))
        roles.append((f"Linguistic reviewers ({language_name(code)})", EDIT, [code]))
    return roles


def ensure_groups():
    """Create the role groups and their permissions; safe to run again."""
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    page_perms = {p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtailcore")}
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    groups = {}
    for name, codenames, languages in role_groups():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        for code in languages:
            if code not in homes:
                continue
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=homes[code], permission=page_perms[codename]
                )
        groups[name] = group
    return groups
