"""Middleware of the public site."""

import re

from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve
from django.utils import translation

# The first segment of a path that looks like a language tag: xx, xxx, xx-yy, zh-hans ...
LANGUAGE_TAG = re.compile(r"^/[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8})*(?:/|$)")


class UnknownLanguageMiddleware:
    """``/xx/...`` for a language the site does not publish is a 404, not a redirect.

    Django's LocaleMiddleware answers any 404 without a language prefix with a redirect to
    the same path under the reader's language, so ``/xx/`` would become ``/en/xx/``. A path
    whose first segment looks like a language tag, names none of the site's languages and
    matches no other URL gets the site's not-found page straight away. Place it before
    LocaleMiddleware. Paths such as ``/depression/`` still redirect to ``/en/depression/``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if LANGUAGE_TAG.match(path) and not translation.get_language_from_path(path) and not _resolves(path):
            from .views import page_not_found

            with translation.override(translation.get_language_from_request(request)):
                return page_not_found(request, Http404())
        return self.get_response(request)


def _resolves(path):
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that paths which never carry a language prefix
    (the API, the admin, documents, static and media files) answer their own 404 instead of
    being redirected to ``/en/...``, where they would 404 again."""

    UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED):
            return response
        return super().process_response(request, response)
