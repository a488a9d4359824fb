"""Middleware of the public site."""

import base64
import hashlib
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.template.loader import get_template
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


class ContentSecurityPolicyMiddleware:
    """A ``Content-Security-Policy`` header on every response (Django 5.2 has none built in).

    The public pages run no script at all, so their policy (``CMS_CONTENT_SECURITY_POLICY``)
    allows none: style sheets, images and fonts from the site itself only, and the one
    inline style block of the 500 page by its hash. Wagtail's admin (under
    ``CMS_ADMIN_PATH``) needs inline scripts and styles of its own and gets
    ``CMS_ADMIN_CONTENT_SECURITY_POLICY``. Static and media files served from another
    origin (``STATIC_URL``/``MEDIA_URL`` as full URLs, a CDN or S3) are added to both. A
    response that already sets a policy (Wagtail's document serving does) keeps its own.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        origins = _asset_origins()
        self.public = _header(settings.CMS_CONTENT_SECURITY_POLICY, origins, extra_styles=[_error_page_style_hash()])
        self.admin = _header(settings.CMS_ADMIN_CONTENT_SECURITY_POLICY, origins)

    def __call__(self, request):
        response = self.get_response(request)
        admin = request.path_info.startswith(settings.CMS_ADMIN_PATH)
        response.headers.setdefault("Content-Security-Policy", self.admin if admin else self.public)
        return response


def _asset_origins():
    """The origins of STATIC_URL and MEDIA_URL when they are full URLs on another host."""
    origins = []
    for url in (settings.STATIC_URL, settings.MEDIA_URL):
        parts = urlsplit(str(url or ""))
        if parts.scheme in ("http", "https") and parts.netloc:
            origins.append(f"{parts.scheme}://{parts.netloc}")
    return origins


def _header(policy, asset_origins, extra_styles=()):
    directives = []
    for name, sources in policy.items():
        sources = list(sources)
        if name in ("style-src", "img-src", "font-src") and "'self'" in sources:
            sources += asset_origins
        if name == "style-src":
            sources += [style for style in extra_styles if style]
        directives.append(" ".join([name, *dict.fromkeys(sources)]))
    return "; ".join(directives)


def _error_page_style_hash():
    """The CSP hash of the inline <style> of 500.html, which has no static files to rely on."""
    source = get_template("500.html").template.source
    match = re.search(r"<style>(.*?)</style>", source, re.DOTALL)
    if match is None:
        return ""
    digest = hashlib.sha256(match.group(1).encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"
