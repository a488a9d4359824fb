"""A home page finds the page a URL names in one query (cms.routing): the same page and the
same 404s as Wagtail's own routing, level by level; private translations stay out of the switcher."""

import pytest
from django.http import Http404
from django.test import RequestFactory
from wagtail.models import Page, PageViewRestriction

from cms.models import ArticlePage, HomePage

pytestmark = pytest.mark.django_db


def wagtail_route(home, components):
    """What Page.route itself answers, walking down one level at a time."""
    try:
        return Page.route(home, RequestFactory().get("/"), components).page
    except Http404:
        return None


def our_route(home, components):
    try:
        return home.route(RequestFactory().get("/"), components).page
    except Http404:
        return None


def components_of(page, home):
    return [part for part in page.url_path[len(home.url_path) :].split("/") if part]


def test_every_page_under_every_home_page_is_found_as_wagtail_finds_it(demo):
    for home in HomePage.objects.all():
        for page in home.get_descendants().specific():
            components = components_of(page, home)
            found = our_route(home, components)
            assert found == wagtail_route(home, components), page.url_path
            if page.live:
                assert found == page and type(found) is type(page)
                assert found.get_parent().pk == page.get_parent().pk


def test_missing_and_draft_pages_are_404s(article):
    home = HomePage.objects.get(locale=article.locale)
    topic = article.get_parent()
    assert our_route(home, [topic.slug, "no-such-page"]) is None
    assert our_route(home, ["no-such-topic", article.slug]) is None
    assert our_route(home, [topic.slug, article.slug, "deeper"]) is None
    article.unpublish()
    assert our_route(home, [topic.slug, article.slug]) is None


def test_a_page_under_a_draft_topic_is_still_found_as_wagtail_finds_it(article):
    home = HomePage.objects.get(locale=article.locale)
    topic = article.get_parent().specific
    Page.objects.filter(pk=topic.pk).update(live=False)
    components = [topic.slug, article.slug]
    assert our_route(home, components) == wagtail_route(home, components) == article


def test_the_parent_comes_with_the_page_and_costs_no_query(article, django_assert_num_queries):
    home = HomePage.objects.get(locale=article.locale)
    parent_title, language = article.get_parent().title, article.locale.language_code
    found = our_route(home, components_of(article, home))
    with django_assert_num_queries(0):
        assert found.get_parent().title == parent_title
        assert found.locale.language_code == language


def test_a_private_translation_is_not_offered_in_the_language_switcher(client, article):
    spanish = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="es")
    PageViewRestriction.objects.create(page=spanish, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(article.url).content.decode()
    assert f'href="{spanish.url}"' not in html
    polish = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="pl")
    assert f'href="{polish.url}"' in html
