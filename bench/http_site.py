"""The URLs of bench_http's server: the site's own, and a minimal view as the ceiling."""

from django.http import HttpResponse
from django.urls import path

from cms.urls import urlpatterns as site_urlpatterns


def ceiling(request):
    """The least a Django view can do: every middleware runs, then a two-byte answer."""
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/ceiling/", ceiling), *site_urlpatterns]
