"""The read-only JSON API (Wagtail API v2) for published articles, for apps and kiosks.

``/api/v2/articles/`` lists live, public articles only (drafts and private pages never
appear: Wagtail's public-pages queryset is the base of every query). Filter by language
with ``?locale=es``; ``?fields=*`` adds the whole content; ``?rich_text_format=html``
expands rich text for display. Each article names its other published languages in
``translations``. ``/api/v2/pages/`` is Wagtail's own endpoint for the home and topic
pages around them, with the same rules.

Odd query strings get a 400 (or a 404) with the reason, never a 500: ids and offsets past
what the database can hold, a search with control characters or an unknown
``search_operator``, ``find/?id=`` that is not a number. A search means its words, as on
the public search page: quotes and operators are not passed to the full-text engine.
"""

from types import SimpleNamespace

from django.http import Http404
from wagtail.api.v2.filters import LocaleFilter, SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Locale

from .models import ArticlePage
from .search import SEARCH_QUERY_MAX_LENGTH, has_control_characters, search_terms

# The largest page id and offset every supported database takes (PostgreSQL's integer);
# past it SQLite raises OverflowError and PostgreSQL "integer out of range".
MAX_ID = 2**31 - 1
SEARCH_OPERATORS = ("and", "or")


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


class WordSearchFilter(SearchFilter):
    """``?search=``: the words of the query, as the public search page reads it (cms.search).

    A query with control characters, longer than the search page allows, or with an unknown
    ``search_operator`` answers 400; one with no words at all finds nothing.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        query = request.GET["search"]
        if has_control_characters(query):
            raise BadRequestError("search cannot contain control characters")
        if len(query) > SEARCH_QUERY_MAX_LENGTH:
            raise BadRequestError(f"search cannot be longer than {SEARCH_QUERY_MAX_LENGTH} characters")
        if request.GET.get("search_operator", "and") not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        terms = search_terms(query)
        if not terms:
            return queryset.none()
        words_only = request.GET.copy()
        words_only["search"] = terms
        return super().filter_queryset(SimpleNamespace(GET=words_only), queryset, view)


class BoundedPagination(WagtailPagination):
    """Wagtail's ``offset``/``limit`` paging, with an offset the database can take."""

    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "")
        if offset.isdecimal() and int(offset) > MAX_ID:
            raise BadRequestError(f"offset cannot be higher than {MAX_ID}")
        return super().paginate_queryset(queryset, request, view)


def _public_filter(backend):
    return {LocaleFilter: KnownLocaleFilter, SearchFilter: WordSearchFilter}.get(backend, backend)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [_public_filter(backend) for backend in PagesAPIViewSet.filter_backends]
    pagination_class = BoundedPagination

    def detail_view(self, request, pk):
        if int(pk) > MAX_ID:  # the URL pattern admits digits only
            raise Http404("not found")
        return super().detail_view(request, pk)

    def find_object(self, queryset, request):
        """``find/?id=`` must be a number: 400 with the reason otherwise, 404 past any page's id."""
        if "id" in request.GET and "html_path" not in request.GET:
            page_id = request.GET["id"]
            if not page_id.isdecimal():
                raise BadRequestError("id must be a positive integer")
            if int(page_id) > MAX_ID:
                return None
        return super().find_object(queryset, request)


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
