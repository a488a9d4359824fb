"""What review tests share: the demo people, editing, submitting and approving, in code and in the admin."""

from django.urls import reverse
from wagtail.models import WorkflowState

from cms.models import ArticlePage
from tests.factories import login, user  # noqa: F401 (the review tests' helpers, in one place)
from translations.actions import BuildTranslation
from translations.models import TranslationCatalog
from translations.review import ATTESTATIONS

ATTEST = {role: dict.fromkeys(fields, True) for role, fields in ATTESTATIONS.items()}


def fresh(page):
    return page.specific_class.objects.get(pk=page.pk)


def edit(page, who="editor", **changes):
    """A change saved as a new draft revision by ``who``."""
    page = fresh(page).get_latest_revision_as_object()
    for name, value in changes.items():
        setattr(page, name, value)
    return page.save_revision(user=user(who))


def submit(page, who="editor"):
    page = fresh(page)
    return page.get_workflow().start(page, user(who))


def current(state):
    state.refresh_from_db()
    return state.current_task_state, state.current_task_state.task.specific


def approve(state, who, **answers):
    """Approve the current task as ``who``, attesting everything their kind of review attests
    unless ``answers`` say otherwise."""
    task_state, task = current(state)
    task.on_action(task_state, user(who), "approve", **(answers or ATTEST[task.role]))


def can_approve(state, page, who):
    _task_state, task = current(state)
    return any(name == "approve" for name, *_rest in task.get_actions(page, user(who)))


def translation_of(page, code):
    return ArticlePage.objects.get(translation_key=page.translation_key, locale__language_code=code)


def catalog_of(target):
    return TranslationCatalog.objects.get(translation_key=target.translation_key, target_locale=target.locale)


def rebuild(target, who="translator_es"):
    """The translator builds the draft again from the complete catalog (a new revision)."""
    return BuildTranslation(catalog_of(target), user(who)).execute()


def live_title(page):
    return type(page).objects.get(pk=page.pk).title


def in_progress(page):
    return WorkflowState.objects.filter(object_id=str(page.pk), status="in_progress").first()


def workflow_action(client, page, action, data):
    """What the dashboard's Approve / Request changes buttons post."""
    task_state = in_progress(page).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client.post(url, data)


def attestation_post(role):
    return dict.fromkeys(ATTESTATIONS[role], "on")


def form_data(html, form_id="page-edit-form"):
    """What a browser posts from a form of the page: every named input, select and textarea
    with its current value (no JavaScript, so widgets drawn by scripts are not included)."""
    from bs4 import BeautifulSoup

    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file") or field.has_attr("disabled"):
            continue
        if field.get("type") in ("checkbox", "radio") and not field.has_attr("checked"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text
        else:
            data[name] = field.get("value", "on" if field.get("type") == "checkbox" else "")
    return data


def submit_in_page_editor(client, page):
    """Open the page in Wagtail's editor and press "Submit for review" without changing anything."""
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    data = form_data(client.get(url).content.decode())
    return client.post(url, {**data, "action-submit": "action-submit"})
