from wagtail.snippets.models import register_snippet

from .views import RegionViewSet

register_snippet(RegionViewSet)
