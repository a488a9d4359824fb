"""`load_demo`: the demo site, its logins, and running it twice."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError
from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

from cms.models import ArticlePage, HomePage, Region, RegionNumber, TopicIndexPage
from tests.conftest import run_command
from translations.review import content_hash
from translations.review_models import SignOff

pytestmark = pytest.mark.django_db


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (Page, Revision, Locale, Site, Region, RegionNumber, get_user_model(), PageLogEntry)
    }


def test_load_demo_prints_a_login_for_every_role(demo):
    for username in ("admin", "editor", "editorial_reviewer", "reviewer_en", "reviewer_es", "reviewer_ar"):
        assert f"  {username} " in demo
    for lang in ("es", "pl", "ar", "ur", "zh"):
        assert f"translator_{lang}" in demo
    assert "carelingua-demo" in demo


def test_printed_logins_work(client, demo):
    assert client.login(username="reviewer_es", password="carelingua-demo")
    assert client.get("/admin/").status_code == 200


def test_running_load_demo_twice_leaves_one_copy_of_everything(demo):
    before = counts()
    run_command("load_demo", "--force")
    assert counts() == before
    copies = ArticlePage.objects.filter(slug="esketamine-and-ketamine-for-depression")
    assert sorted(copies.values_list("locale__language_code", flat=True)) == ["ar", "en", "es", "pl", "ur", "zh-hans"]


def test_demo_translations_come_in_through_the_po_import_and_are_complete(demo, article):
    from translations.models import Segment, TranslationCatalog

    for code in ("es", "ar", "pl", "ur", "zh-hans"):
        catalog = TranslationCatalog.objects.get(
            target_locale__language_code=code, translation_key=article.translation_key
        )
        assert not catalog.segments.current().exclude(state=Segment.TRANSLATED).exists()
        translator = f"translator_{code.split('-')[0]}"
        assert catalog.segments.filter(updated_by__username=translator).count() == catalog.segments.count()
        target = catalog.target_object
        assert target.live and target.title != catalog.source_object.title
        assert PageLogEntry.objects.filter(page=target, action="carelingua.po_imported").exists()


def test_load_demo_leaves_an_article_changed_in_the_admin_alone_and_says_so(demo, article):
    from tests.workflow import edit

    revision = edit(article, who="editor", title="Esketamine: the editor's new wording")
    sign_offs = SignOff.objects.count()
    output = run_command("load_demo", "--force")
    assert (
        "Left alone: “Esketamine and ketamine for depression” (en) was changed in the admin by Ellen Price." in output
    )
    page = ArticlePage.objects.get(pk=article.pk)
    assert page.get_latest_revision().pk == revision.pk, "the editor's draft is still the latest"
    assert page.title == article.title, "and it was not published"
    assert SignOff.objects.count() == sign_offs, "nobody signed it off"


def test_load_demo_never_publishes_a_translation_someone_imported_in_the_admin(demo, article):
    from tests.factories import filled_po
    from tests.workflow import catalog_of, rebuild, translation_of, user
    from translations.po_import import ImportPO

    spanish = translation_of(article, "es")
    catalog = catalog_of(spanish)
    ImportPO(catalog, filled_po(catalog, text=lambda msgid: "ES " + msgid), user("translator_es")).execute()
    rebuild(spanish)
    output = run_command("load_demo", "--force")
    assert "Left alone: the es translation of “Esketamine and ketamine for depression” was changed" in output
    page = ArticlePage.objects.get(pk=spanish.pk)
    assert not page.title.startswith("ES "), "the test import is not live"
    assert page.get_latest_revision_as_object().title.startswith("ES "), "and it is still there, as its author left it"
    assert not SignOff.objects.filter(page=spanish, content_hash=content_hash(page.get_latest_revision_as_object()))


def test_load_demo_updates_its_own_content_through_review(demo, home, monkeypatch, tmp_path):
    from cms.demo import content, loader

    monkeypatch.setitem(content.TOPIC, "intro", "Depression is common, and help works.")
    monkeypatch.setattr(loader, "TRANSLATIONS_DIR", tmp_path)  # the shipped translations are of the old text
    run_command("load_demo", "--force")
    topic = TopicIndexPage.objects.child_of(home).get()
    assert topic.intro == "Depression is common, and help works."
    assert SignOff.objects.filter(page=topic, role="editorial", content_hash=content_hash(topic)).exists()


def test_demo_site_serves_the_english_home_and_every_language(demo):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.locale.language_code == "en"
    assert not Page.objects.filter(depth=2, content_type__model="page").exists()


def test_demo_articles_are_live_with_references_and_care_cards(article):
    assert article.live
    assert isinstance(article.get_parent().specific, TopicIndexPage)
    types = [block.block_type for block in article.body]
    assert {"care_card", "warning_callout", "heading", "table", "details", "do_dont"} <= set(types)
    levels = {block.value["level"] for block in article.body if block.block_type == "care_card"}
    assert {"urgent", "emergency"} <= levels
    assert len(article.references) >= 6
    assert all(ref.value["title"] for ref in article.references)
    assert ArticlePage.objects.live().count() >= 2


def test_demo_logins_belong_to_their_role_groups(demo):
    user = get_user_model().objects.get(username="translator_ar")
    assert [g.name for g in user.groups.all()] == ["Translators (Arabic)"]
    assert get_user_model().objects.get(username="admin").is_superuser
    assert not get_user_model().objects.filter(is_superuser=True).exclude(username="admin").exists()


def test_load_demo_refuses_to_run_with_debug_off(demo, settings):
    before = counts()
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        run_command("load_demo")
    assert counts() == before


def test_regions_have_the_checked_emergency_numbers(demo):
    numbers = {(region.code, n.kind): n.number for region in Region.objects.all() for n in region.numbers.all()}
    assert numbers[("uk", "emergency")] == "999"
    assert numbers[("uk", "urgent")] == "111"
    assert numbers[("uk", "crisis")] == "116 123"
    assert numbers[("us", "emergency")] == "911"
    assert numbers[("us", "crisis")] == "988"
    assert numbers[("eu", "emergency")] == "112"
    assert numbers[("es", "crisis")] == "024"
    assert all(region.last_verified for region in Region.objects.all())
