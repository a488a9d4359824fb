"""How translators find their work: the admin menu's work list, the dashboard panel, and the
overview and editor as a translator (who may not open the source page) sees them.

Runs on the demo site, whose Spanish and Arabic translations of the article are complete,
live and signed off by a medical reviewer.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import DEMO_PASSWORD, login, untranslated, user
from translations.actions import CreateTranslation, SaveSegment
from translations.editor import editable_catalogs
from translations.models import Segment, TranslationCatalog
from translations.permissions import can_edit_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(article):
    """The demo article, its translations into pl, ur left out: these tests start them afresh."""
    return untranslated(article, "pl", "ur")


ACCEPTED = "Accepted by the reviewer at the last sign-off."
TO_ACKNOWLEDGE = "A reviewer must acknowledge each one."


def url(name, *args):
    return reverse(f"carelingua_translations:{name}", args=args)


def translate(page, language):
    (catalog,) = CreateTranslation(page, [Locale.objects.get(language_code=language)]).execute()
    return catalog


def demo_catalog(article, language):
    return TranslationCatalog.objects.get(
        translation_key=article.translation_key, target_locale__language_code=language
    )


def rows(html):
    """The work list's rows by catalog id."""
    return {int(m.group(1)): m.group(0) for m in re.finditer(r'<tr data-catalog="(\d+)">.*?</tr>', html, re.DOTALL)}


@pytest.fixture
def spanish(article):
    return demo_catalog(article, "es")


@pytest.fixture
def newcomer(demo):
    """A staff member who may open the admin and translate nothing."""
    person = get_user_model().objects.create_user("newcomer", password=DEMO_PASSWORD)
    person.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return person


# The admin menu and the work list


def test_translators_get_a_translations_menu_item_and_others_do_not(client, newcomer):
    login(client, "translator_es")
    assert f'"url": "{url("worklist")}"' in client.get(reverse("wagtailadmin_home")).content.decode()
    login(client, "newcomer")
    assert url("worklist") not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_work_list_shows_a_translator_every_catalog_of_their_language_and_no_other(client, article, spanish):
    login(client, "translator_es")
    html = client.get(url("worklist")).content.decode()
    shown = rows(html)
    expected = {c.pk for c in TranslationCatalog.objects.all() if can_edit_translation(user("translator_es"), c)}
    assert set(shown) == expected and spanish.pk in shown
    assert demo_catalog(article, "ar").pk not in shown
    row, total = shown[spanish.pk], spanish.segments.current().count()
    assert "Esketamine and ketamine for depression" in row and "español (es)" in row
    assert f"{total}/{total}" in row and "Complete" in row
    assert url("editor", spanish.pk) in row and url("download", spanish.pk) in row


def test_superusers_see_every_catalog_in_the_work_list(client, demo):
    login(client, "admin")
    assert set(rows(client.get(url("worklist")).content.decode())) == set(
        TranslationCatalog.objects.values_list("pk", flat=True)
    )


def test_the_efficient_permission_query_agrees_with_can_edit_translation(article, newcomer):
    translate(article, "pl")
    catalogs = list(TranslationCatalog.objects.all())
    for person in [*get_user_model().objects.all(), newcomer]:
        expected = {catalog.pk for catalog in catalogs if can_edit_translation(person, catalog)}
        assert set(editable_catalogs(person).values_list("pk", flat=True)) == expected, person.username


def test_fuzzy_and_machine_segments_count_as_not_done(client, spanish):
    first, second = spanish.segments.current()[:2]
    Segment.objects.filter(pk=first.pk).update(state=Segment.FUZZY)
    Segment.objects.filter(pk=second.pk).update(state=Segment.MACHINE)
    login(client, "translator_es")
    row = rows(client.get(url("worklist")).content.decode())[spanish.pk]
    total = spanish.segments.current().count()
    assert f"{total - 2}/{total}" in row and "Complete" not in row


def test_the_work_list_costs_the_same_queries_for_few_and_many_catalogs(client, article, demo):
    from tests.testapp.models import Notice

    login(client, "admin")
    client.get(url("worklist"))  # warm per-process caches (content types)
    counts = []
    for language in ("pl", "ur"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("worklist")).status_code == 200
        counts.append(len(queries))
        translate(article, language)
        notice = Notice.objects.create(
            locale=Locale.objects.get(language_code="en"), heading=f"Notice {language}", text="<p>Open.</p>"
        )
        translate(notice, "es")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url("worklist")).content.decode()
    assert "Notice ur" in html and "Notice pl" in html
    # The second round adds a snippet model, loaded in one query for all its catalogs.
    assert counts[0] + 1 == counts[1] == len(queries), (counts, len(queries))


# The dashboard


def test_the_dashboard_lists_only_unfinished_translations(client, spanish):
    login(client, "translator_es")
    assert "Your translations" not in client.get(reverse("wagtailadmin_home")).content.decode()
    Segment.objects.filter(pk=spanish.segments.first().pk).update(state=Segment.FUZZY)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Your translations" in html
    assert list(rows(html)) == [spanish.pk] and url("editor", spanish.pk) in html


# The overview as a translator sees it


def test_the_overview_links_the_source_title_only_for_those_who_may_edit_it(client, article):
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    login(client, "translator_es")
    response = client.get(url("overview", article.pk))
    assert response.status_code == 200
    assert edit_url not in response.content.decode()
    assert "Esketamine and ketamine for depression" in response.content.decode()
    login(client, "admin")
    assert f'href="{edit_url}"' in client.get(url("overview", article.pk)).content.decode()


def test_the_overview_links_warning_counts_to_the_editor_filtered_to_warnings(client, article, spanish):
    login(client, "translator_es")
    html = client.get(url("overview", article.pk)).content.decode()
    warnings_url = f"{url('editor', spanish.pk)}?state=warnings"
    assert re.search(rf'<a href="{re.escape(warnings_url)}"[^>]*><span class="tl-count[^"]*" data-warnings>\d+<', html)
    assert f"{url('editor', demo_catalog(article, 'ar').pk)}?state=warnings" not in html  # not their language
    assert "Warnings are reviewed and accepted by the medical reviewer when approving." in html


def test_the_warnings_filter_shows_only_segments_with_warnings(client, spanish):
    segment = spanish.segments.get(context="title")
    SaveSegment(segment, segment.source, segment.version, user("translator_es")).execute()  # English left as is
    login(client, "translator_es")
    html = client.get(url("editor", spanish.pk), {"state": "warnings"}).content.decode()
    forms = re.findall(r'<form [^>]*id="segment-\d+".*?</form>', html, re.DOTALL)
    assert f'id="segment-{segment.pk}"' in html and len(forms) == html.count("<textarea")
    assert all('class="tl-finding tl-finding--warning"' in form for form in forms)
    assert re.search(
        rf'tl-filter--current"[^>]*>With warnings <span class="tl-filter__count">{len(forms)}</span>', html
    )


# The editor header


def test_live_signed_off_translations_say_their_warnings_were_accepted(client, spanish):
    login(client, "translator_es")
    html = client.get(url("editor", spanish.pk)).content.decode()
    assert ACCEPTED in html and TO_ACKNOWLEDGE not in html


def test_a_changed_translation_says_a_reviewer_must_acknowledge_the_warnings(client, spanish):
    segment = spanish.segments.get(context="title")
    SaveSegment(segment, segment.translation + " (revisado)", segment.version, user("translator_es")).execute()
    login(client, "translator_es")
    html = client.get(url("editor", spanish.pk)).content.decode()
    assert TO_ACKNOWLEDGE in html and ACCEPTED not in html


def test_a_new_translation_says_a_reviewer_must_acknowledge_the_warnings(client, article):
    polish = translate(article, "pl")
    login(client, "translator_pl")
    html = client.get(url("editor", polish.pk)).content.decode()
    assert TO_ACKNOWLEDGE in html and ACCEPTED not in html


# The overview of a translation


def test_the_overview_of_a_translation_says_what_it_translates(client, article):
    arabic = demo_catalog(article, "ar")
    login(client, "translator_ar")
    html = client.get(url("overview", arabic.target_object.pk)).content.decode()
    assert "It has not been translated yet." not in html
    link = f'<a href="{url("overview", article.pk)}">Esketamine and ketamine for depression</a>'
    assert f"This is a translation of {link} into العربية (ar)." in html
    assert f'href="{url("editor", arabic.pk)}"' in html


def test_the_work_list_is_titled_translations_and_lists_unfinished_work_first(client, article, spanish):
    from bs4 import BeautifulSoup

    started = translate(article, "pl")  # "Esketamine…": its title sorts before nothing, yet it is the work to do
    login(client, "admin")
    html = client.get(url("worklist")).content.decode()
    crumbs = BeautifulSoup(html, "html.parser").select("nav[aria-label=Breadcrumb] li")
    assert crumbs[-1].get_text(strip=True) == "Translations", "the header shows the last breadcrumb as the title"
    order = list(rows(html))
    unfinished = [pk for pk, row in rows(html).items() if "Complete" not in row]
    assert started.pk in unfinished
    assert order[: len(unfinished)] == unfinished, "every unfinished catalog comes before the finished ones"
