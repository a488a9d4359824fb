"""Serializer fields of the JSON API that page models name in their ``api_fields``.

Kept apart from cms/api.py, which imports the page models, so that models.py can import
these without an import cycle.
"""

from rest_framework.fields import Field
from wagtail.api.utils import get_full_url


class TranslationLinksField(Field):
    """The other published language versions of a page, for apps that offer a language switch.

    Example::

        "translations": [
            {"id": 12, "locale": "es", "title": "Esketamina ...",
             "detail_url": "https://example.org/api/v2/articles/12/",
             "html_url": "https://example.org/es/depresion/esketamina/"}
        ]

    Only pages the endpoint itself would serve are listed (live, public, in the site): the
    endpoint's base queryset is the filter, so a draft or private translation never shows.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        request, router = self.context["request"], self.context["router"]
        translations = (
            self.context["base_queryset"]
            .filter(translation_key=page.translation_key)
            .exclude(pk=page.pk)
            .select_related("locale")
            .order_by("locale__language_code")
        )
        return [
            {
                "id": translation.pk,
                "locale": translation.locale.language_code,
                "title": translation.title,
                "detail_url": get_full_url(request, router.get_object_detail_urlpath(type(page), translation.pk)),
                "html_url": translation.get_full_url(request),
            }
            for translation in translations
        ]
