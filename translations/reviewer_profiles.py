"""The reviewer profiles in the admin: each person's credentials, per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .review_models import ReviewerProfile


class ReviewerProfileViewSet(SnippetViewSet):
    model = ReviewerProfile
    icon = "user"
    menu_label = _("Reviewer credentials")
    add_to_settings_menu = True
    list_display = ["user", "credentials"]
