"""Admin wiring for translation quality: the glossary screens. Loaded from wagtail_hooks."""

from wagtail.snippets.models import register_snippet

from .glossary_views import GlossaryViewSet

__all__ = []  # wagtail_hooks imports this module for its registrations only

register_snippet(GlossaryViewSet)
