"""Which articles are due for their next medical review."""

import datetime

from django.utils import timezone

from .models import ArticlePage


def reviews_due(days=90, language=None, today=None):
    """Live articles whose next review is within ``days`` or overdue, soonest first."""
    today = today or timezone.localdate()
    pages = ArticlePage.objects.live().filter(next_review_due__lte=today + datetime.timedelta(days=days))
    if language:
        pages = pages.filter(locale__language_code=language)
    return pages.select_related("locale").order_by("next_review_due", "locale__language_code")
