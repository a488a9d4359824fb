"""Template tags of the review admin."""

from django import template

from ..review_admin import bulk_publish

register = template.Library()


@register.simple_tag(takes_context=True)
def bulk_publish_css(context):
    """Hides bulk "Publish" from the user of this request if they may publish nothing by hand."""
    user = getattr(context.get("request"), "user", None)
    return bulk_publish.css(user) if user is not None and user.is_authenticated else ""
