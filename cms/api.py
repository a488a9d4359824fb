"""The read-only JSON API (Wagtail API v2) for published articles, for apps and kiosks.

``/api/v2/articles/`` lists live, public articles only (drafts and private pages never
appear: Wagtail's public-pages queryset is the base of every query). Filter by language
with ``?locale=es``; ``?fields=*`` adds the whole content; ``?rich_text_format=html``
expands rich text for display. Each article names its other published languages in
``translations``. ``/api/v2/pages/`` is Wagtail's own endpoint for the home and topic
pages around them, with the same rules.
"""

from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale

from .models import ArticlePage


class KnownLocaleFilter(LocaleFilter):
    """``?locale=``, answering 400 with the reason for a language the site does not have.

    Wagtail's own filter raises Http404, which Django's LocaleMiddleware turns into a
    redirect to ``/en/api/...`` (the page tree's catch-all URL matches any path).
    """

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            raise BadRequestError("locale doesn't exist")
        return super().filter_queryset(request, queryset, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [KnownLocaleFilter if f is LocaleFilter else f for f in PagesAPIViewSet.filter_backends]


class ArticlesAPIViewSet(PublicPagesAPIViewSet):
    model = ArticlePage
    name = "articles"
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "last_reviewed",
        "next_review_due",
        "reviewed_by",
        "translations",
    ]

    def get_queryset(self):
        # ?type= swaps in another page model; whatever it names, this endpoint serves articles.
        return super().get_queryset().type(ArticlePage)


api_router = WagtailAPIRouter("wagtailapi")
# Registered first, so an article's detail_url names this endpoint rather than "pages".
api_router.register_endpoint("articles", ArticlesAPIViewSet)
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
