"""Where each page type may live, and what the editor may change."""

import pytest
from wagtail.models import Page

from cms.models import ArticlePage, HomePage, TopicIndexPage
from tests.testapp.models import EventPage

pytestmark = pytest.mark.django_db


def test_home_page_lives_only_at_the_root_of_a_language_tree(home):
    root = Page.get_first_root_node()
    assert HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home)


def test_topic_pages_live_under_a_home_page_only(home):
    topic = TopicIndexPage.objects.child_of(home).get()
    assert TopicIndexPage.can_create_at(home)
    assert not TopicIndexPage.can_create_at(topic)
    assert not TopicIndexPage.can_create_at(Page.get_first_root_node())


def test_articles_live_under_a_topic_or_home_and_have_no_children(home, article):
    topic = article.get_parent().specific
    assert ArticlePage.can_create_at(topic)
    assert ArticlePage.can_create_at(home)
    assert not ArticlePage.can_create_at(article)
    assert ArticlePage.allowed_subpage_models() == []


def test_an_unrelated_page_type_cannot_be_added_to_the_patient_information_tree(home):
    assert not EventPage.can_create_at(home)


def test_review_fields_are_read_only_in_the_editor(article):
    form_class = ArticlePage.get_edit_handler().get_form_class()
    form = form_class(instance=article, for_user=None)
    for name in ("last_reviewed", "next_review_due", "reviewed_by"):
        assert name not in form.fields, f"{name} must not be editable"
    assert {"title", "summary", "body", "references", "author"} <= set(form.fields)


def test_every_language_has_one_home_page_and_they_are_translations_of_each_other(demo):
    homes = HomePage.objects.all()
    assert sorted(h.locale.language_code for h in homes) == sorted(["en", "es", "pl", "ar", "ur", "zh-hans"])
    assert len({h.translation_key for h in homes}) == 1
    assert all(h.live for h in homes)
