"""Reviews due: the report for editors and the command for cron."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.models import ArticlePage

pytestmark = pytest.mark.django_db


def set_due(page, days):
    ArticlePage.objects.filter(pk=page.pk).update(next_review_due=timezone.localdate() + datetime.timedelta(days=days))


def test_command_lists_due_and_overdue_articles_and_fails_when_overdue(article, capsys):
    set_due(article, -3)
    with pytest.raises(SystemExit) as exit_:
        call_command("reviews_due", "--days", "90")
    assert exit_.value.code == 1
    out = capsys.readouterr().out
    assert "OVERDUE" in out and article.title in out and "1 overdue" in out


def test_command_succeeds_when_nothing_is_overdue(article, capsys):
    set_due(article, 30)
    call_command("reviews_due", "--locale", "en")
    out = capsys.readouterr().out
    assert article.title in out and "0 overdue" in out
    call_command("reviews_due", "--days", "10")
    assert article.title not in capsys.readouterr().out.split("\n")[0]


def test_command_filters_by_language_and_rejects_unknown_ones(article, capsys):
    from django.core.management.base import CommandError

    set_due(article, 5)
    call_command("reviews_due", "--locale", "es")
    assert article.title not in capsys.readouterr().out
    with pytest.raises(CommandError, match="Unknown language"):
        call_command("reviews_due", "--locale", "xx")


def test_editors_see_the_reviews_due_report(client, article):
    set_due(article, 10)
    client.login(username="editor", password="carelingua-demo")
    response = client.get("/admin/reports/reviews-due/")
    assert response.status_code == 200
    assert article.title in response.content.decode()
    spanish = ArticlePage.objects.get(translation_key=article.translation_key, locale__language_code="es")
    response = client.get(f"/admin/reports/reviews-due/?locale={spanish.locale_id}")
    assert article.title not in response.content.decode()
