from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Region


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions and emergency numbers")
    list_display = ["name", "code", "last_verified"]
    add_to_admin_menu = True
    menu_order = 300
