"""The people who work on the site, as Django groups with per-language page permissions.

Per-language access comes from the per-locale page trees: a translator for Spanish gets
permissions on the Spanish home page, and so on everything below it.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.utils import translation
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from translations.review_models import LinguisticReviewTask, MedicalReviewTask

from .models import HomePage

SOURCE_LANGUAGE = "en"

# Page permission codenames each role gets on its language trees.
EDIT = ["add_page", "change_page", "lock_page"]
PUBLISH = [*EDIT, "publish_page"]
# Reviewers open and approve pages; no adding, moving or deleting.
REVIEW = ["change_page", "publish_page"]


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
        # The last approval publishes, as its approver; the publish button itself is hidden
        # on pages that need medical review, and the publish gate checks every path.
        roles.append((f"Medical reviewers ({language_name(code)})", REVIEW, [code]))
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
            # A role's rights are exactly these: drop any it had before.
            GroupPagePermission.objects.filter(group=group, page=homes[code]).exclude(
                permission__codename__in=codenames
            ).delete()
        groups[name] = group
    ensure_workflows(homes, groups)
    return groups


def ensure_workflows(homes, groups):
    """Source articles: editorial then medical review in English. Translations: linguistic
    then medical review in their own language. Each workflow is assigned to its language's tree."""
    editorial = _task(GroupApprovalTask, "Editorial review", [groups["Editorial reviewers"]])
    for code, home in homes.items():
        language = language_name(code)
        medical = _task(
            MedicalReviewTask, f"Medical review ({language})", [groups[f"Medical reviewers ({language})"]], home.locale
        )
        if code == SOURCE_LANGUAGE:
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
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})


def _task(model, name, task_groups, locale=None):
    task, _created = model.objects.get_or_create(name=name, defaults={"locale": locale} if locale else {})
    task.groups.set(task_groups)
    return task
