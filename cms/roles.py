"""The people who work on the site, as Django groups with per-language page permissions.

Per-language access comes from the per-locale page trees: a translator for Spanish gets
permissions on the Spanish home page, and so on everything below it.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from translations.review_models import EditorialReviewTask, LinguisticReviewTask, MedicalReviewTask

from .models import HomePage

SOURCE_LANGUAGE = "en"

# Page permission codenames each role gets on its language's tree, and nowhere else.
WRITE = ["add_page", "change_page", "lock_page"]  # editors: new pages and drafts
REVISE = ["change_page", "lock_page"]  # translators, linguists, editorial reviewers: no new pages
# Medical reviewers approve through the workflow (which lets them open the page under review)
# and may take a page offline at once; the publish button and the gate keep unreviewed content out.
REVIEW = ["publish_page"]
ADMIN = [*WRITE, "publish_page", "delete_page"]

# Wagtail creates these groups with rights on the root of every tree; here rights are per language.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")

# Region data (emergency numbers) per role, limited to the role's languages by
# cms.region_permissions: editors keep the English data, translators and linguists translate
# it, medical reviewers publish it in their language.
REGION_PERMISSIONS = {
    "Editors": ["add_region", "change_region", "lock_region"],
    "Translators": ["change_region"],
    "Linguistic reviewers": ["change_region"],
    "Medical reviewers": ["change_region", "publish_region"],
    "Site admins": ["add_region", "change_region", "delete_region", "publish_region", "lock_region", "unlock_region"],
}


def region_permissions(group_name):
    role = group_name.split(" (")[0]
    return list(Permission.objects.filter(content_type__app_label="cms", codename__in=REGION_PERMISSIONS.get(role, [])))


def english_language_name(code):
    """The English name of a language: group names are data and must not change with the reader's language."""
    with translation.override("en"):
        return str(dict(settings.WAGTAIL_CONTENT_LANGUAGES)[code])


def role_groups():
    """(group name, page permission codenames, language codes) for every role."""
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    roles = [
        ("Editors", WRITE, [SOURCE_LANGUAGE]),
        ("Editorial reviewers", REVISE, [SOURCE_LANGUAGE]),
        ("Site admins", ADMIN, languages),
    ]
    for code in languages:
        roles.append((f"Medical reviewers ({english_language_name(code)})", REVIEW, [code]))
    for code in [code for code in languages if code != SOURCE_LANGUAGE]:
        roles.append((f"Translators ({english_language_name(code)})", REVISE, [code]))
        roles.append((f"Linguistic reviewers ({english_language_name(code)})", REVISE, [code]))
    return roles


def ensure_groups():
    """Create the role groups and their permissions; safe to run again.

    A role's page permissions are exactly those above, on its languages' home pages (and so
    on everything below them): any other page permission the group holds is removed,
    including the rights on the root that Wagtail gives its default groups.
    """
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    page_perms = {p.codename: p for p in Permission.objects.filter(content_type__app_label="wagtailcore")}
    homes = {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}
    groups = {}
    for name, codenames, languages in role_groups():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, *region_permissions(name))
        wanted = set()
        for code in languages:
            if code not in homes:
                continue
            for codename in codenames:
                grant, _created = GroupPagePermission.objects.get_or_create(
                    group=group, page=homes[code], permission=page_perms[codename]
                )
                wanted.add(grant.pk)
        GroupPagePermission.objects.filter(group=group).exclude(pk__in=wanted).delete()
        groups[name] = group
    GroupPagePermission.objects.filter(group__name__in=WAGTAIL_DEFAULT_GROUPS).exclude(
        group__in=groups.values()
    ).delete()
    ensure_workflows(homes, groups)
    return groups


def ensure_workflows(homes, groups):
    """Source pages: editorial then medical review in English. Translations: linguistic then
    medical review in their own language. Each workflow is assigned to its language's tree;
    the medical step is skipped, on the record, for pages that need no medical review."""
    for code, home in homes.items():
        language = english_language_name(code)
        medical = _task(
            MedicalReviewTask, f"Medical review ({language})", [groups[f"Medical reviewers ({language})"]], home.locale
        )
        if code == SOURCE_LANGUAGE:
            editorial = _task(
                EditorialReviewTask, f"Editorial review ({language})", [groups["Editorial reviewers"]], home.locale
            )
            workflow_name, tasks = f"Source article review ({language})", [editorial, medical]
        else:
            linguistic = _task(
                LinguisticReviewTask,
                f"Linguistic review ({language})",
                [groups[f"Linguistic reviewers ({language})"]],
                home.locale,
            )
            workflow_name, tasks = f"Translation review ({language})", [linguistic, medical]
        workflow, _created = Workflow.objects.get_or_create(name=workflow_name)
        for order, task in enumerate(tasks):
            WorkflowTask.objects.update_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
        WorkflowTask.objects.filter(workflow=workflow).exclude(task__in=tasks).delete()
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


def _task(model, name, task_groups, locale=None):
    task, _created = model.objects.get_or_create(name=name, defaults={"locale": locale} if locale else {})
    task.groups.set(task_groups)
    return task
