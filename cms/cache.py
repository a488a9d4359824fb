"""Full-page cache for anonymous readers, purged when a page or a translation of it changes.

What is cached: the HTML of a page served by Wagtail (``wagtail_serve``) to a GET with no
query string but ``?region=``, from a reader with no session or message cookie and not
logged in; only a 200 that sets no cookie, renders no CSRF token, and is not marked
private or uncacheable (Wagtail marks pages with view restrictions so). Previews are
served by the admin, not ``wagtail_serve``, and so never cached; ``wagtail_serve`` itself
serves only live pages, so a draft is never cached. A copy is kept per scheme, host, path,
language and region (``?region=``, the region cookie, and the country in the CDN's header
when ``CMS_REGION_COUNTRY_HEADER`` names one, read exactly as the care cards read them; an
unknown code in the query or cookie is served uncached, so junk values cannot fill the
cache). The copy keeps the page's ``Vary`` header,
which names the same request headers for any shared cache in front.

How it is purged: every cache key includes generation tokens, read in one round trip: one
for the whole site, one for the exact path, and one per path prefix (``/es/``,
``/es/depression/``, ...). Changing a token makes every copy it covers unreachable, at
once and without a race: a page rendered from old data is stored under the old token,
which no later request reads. When a page is published or unpublished (Wagtail's signals,
connected in ``CmsConfig.ready()``), ``purge_page`` renews, for the page and each of its
translations, the token of its subtree (the page and the pages under it, whose back links
show its title) and the exact token of its parent (the topic or home listing). A moved or
renamed page renews the subtree of its old path; a change of regions or emergency numbers
renews the whole site. Purging runs again after the transaction commits, so a request
that read the old rows in between cannot keep them. ``CMS_PAGE_CACHE_SECONDS`` bounds
the life of every copy in any case.

With ``WAGTAILFRONTENDCACHE`` set (a CDN, see the README), the same URLs are purged there.

When the cache server cannot be reached (Redis stopped, its port closed, a timeout), pages
are served uncached and nothing fails: a warning is logged when the outage is first seen
(and once a minute while it lasts), a purge that could not be written is forgotten, and the
first request of this process that reaches the server again renews the whole site's token,
so no copy from before the outage outlives a publish made during it.
"""

import hashlib
import logging
import time
import uuid
from urllib.parse import unquote

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_max_age
from django.utils.translation import get_language_from_path
from redis.exceptions import RedisError

from .region_lookup import all_region_codes, requested_codes

HEADER = "X-Carelingua-Cache"
PREFIX = "carelingua:page:"
REGIONS_KEY = PREFIX + "regions"
ALL_KEY = PREFIX + "gen:all"
# Query parameters a cached page may have; any other parameter is served uncached.
CACHEABLE_PARAMETERS = {"region"}
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store")
# What a cache backend raises when its server cannot be reached (django-redis without
# IGNORE_EXCEPTIONS and Django's RedisCache raise redis-py's errors; a timeout is an OSError).
UNREACHABLE = (RedisError, OSError)
WARN_EVERY_SECONDS = 60

logger = logging.getLogger(__name__)


class Outage:
    """Whether this process last found the cache server unreachable; logs the changes."""

    def __init__(self):
        self.since = None
        self.warned_at = None

    def seen(self, error):
        now = time.monotonic()
        if self.since is None:
            self.since = now
        if self.warned_at is None or now - self.warned_at >= WARN_EVERY_SECONDS:
            self.warned_at = now
            logger.warning("Page cache unreachable, serving pages uncached: %s", error)

    def over(self, cache):
        """The server answered: after an outage, forget every copy (a purge may have been lost)."""
        if self.since is None:
            return
        cache.set(ALL_KEY, uuid.uuid4().hex, timeout=token_lifetime())
        logger.warning(
            "Page cache reachable again after %.0f s; every cached page renewed.", time.monotonic() - self.since
        )
        self.since = self.warned_at = None


outage = Outage()


def page_cache():
    return caches[settings.CMS_PAGE_CACHE_ALIAS]


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def exact_key(path):
    return f"{PREFIX}gen:exact:{_digest(path)}"


def subtree_key(path):
    return f"{PREFIX}gen:tree:{_digest(path)}"


def path_prefixes(path):
    """``/es/depression/x/`` -> ``/es/``, ``/es/depression/``, ``/es/depression/x/``."""
    parts = [part for part in path.split("/") if part]
    return ["/" + "/".join(parts[: i + 1]) + "/" for i in range(len(parts))] or ["/"]


def token_lifetime():
    """Tokens outlive the copies they cover; one that expires early only costs a render."""
    return 2 * settings.CMS_PAGE_CACHE_SECONDS


def attempt(function, *args, **kwargs):
    """Call a cache operation that may be skipped; whether the server answered."""
    try:
        function(*args, **kwargs)
    except UNREACHABLE as error:
        outage.seen(error)
        return False
    return True


def _generations(cache, keys):
    """The current token of each key; a key never set (or expired) gets a fresh one."""
    outage.over(cache)
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, uuid.uuid4().hex, timeout=token_lifetime())
            found[key] = cache.get(key)
    return [found[key] for key in keys]


def known_regions(cache):
    codes = cache.get(REGIONS_KEY)
    if codes is None:
        codes = all_region_codes()
        cache.set(REGIONS_KEY, codes, timeout=settings.CMS_PAGE_CACHE_SECONDS)
    return codes


def region_of(request, cache):
    """The region codes the page's numbers are chosen from (cms.region_lookup), as part of its key:
    ``?region=``, the cookie, and where the CDN's country header says the reader is. None when the query or the cookie names a region
    that does not exist, or the query names several."""
    if len(request.GET.getlist("region")) > 1:
        return None
    codes = requested_codes(request)
    if any(code and code not in known_regions(cache) for code in codes[:2]):
        return None
    return "|".join(codes)


def cache_key(request, cache):
    """The key of this request's copy, or None when the request must not be served from cache."""
    if settings.CMS_PAGE_CACHE_SECONDS <= 0 or request.method != "GET":
        return None
    if not set(request.GET) <= CACHEABLE_PARAMETERS or not get_language_from_path(request.path_info):
        return None  # pages live under a language prefix; the admin, API and files do not
    if settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES:
        return None  # a session may be logged in, carry messages or a passed page password
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return None
    region = region_of(request, cache)
    if region is None:
        return None
    path = request.path
    generation_keys = [ALL_KEY, exact_key(path), *(subtree_key(prefix) for prefix in path_prefixes(path))]
    generations = _generations(cache, generation_keys)
    variant = "\n".join(
        [request.scheme, request.get_host(), path, getattr(request, "LANGUAGE_CODE", ""), region, *generations]
    )
    return f"{PREFIX}html:{_digest(variant)}"


def storable(request, response):
    """Whether this response may be kept for other anonymous readers."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name != "wagtail_serve" or getattr(request, "is_preview", False):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False  # the page holds a CSRF token of this reader
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES) and get_max_age(response) != 0


class PageCacheMiddleware:
    """Serves anonymous readers' page views from the cache. Goes last in MIDDLEWARE, after
    authentication and messages, so a hit skips routing, the database and templates."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cache = page_cache()
        try:
            key = cache_key(request, cache)
            cached = None if key is None else cache.get(key)
        except UNREACHABLE as error:
            outage.seen(error)
            key = None
        if key is None:
            return self.get_response(request)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content, headers=headers)
            response[HEADER] = "hit"
            return response
        response = self.get_response(request)
        if storable(request, response):
            # Only the view's own headers: the middleware around this one adds the rest on a hit too.
            stored = (response.content, dict(response.headers))
            if attempt(cache.set, key, stored, timeout=settings.CMS_PAGE_CACHE_SECONDS):
                response[HEADER] = "miss"
        return response


def caching():
    return settings.CMS_PAGE_CACHE_SECONDS > 0 or bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def page_path(page):
    """The public path of a page (language prefix included), or None if it has none."""
    parts = page.get_url_parts()
    return unquote(parts[2]) if parts else None


def renew(keys):
    """New tokens for these keys. If the server is unreachable the purge is lost, and made good
    by renewing everything when it answers again (Outage.over)."""
    attempt(page_cache().set_many, {key: uuid.uuid4().hex for key in keys}, timeout=token_lifetime())


def purge_paths(subtrees=(), exact=()):
    """Make every cached copy under ``subtrees`` and at ``exact`` unreachable, now and after commit."""
    keys = [subtree_key(path) for path in subtrees] + [exact_key(path) for path in exact]
    if keys:
        renew(keys)
        transaction.on_commit(lambda: renew(keys))


def purge_everything():
    attempt(page_cache().delete, REGIONS_KEY)
    renew([ALL_KEY])
    transaction.on_commit(lambda: renew([ALL_KEY]))


def purge_page(page):
    """A page changed: its copies in every language, the pages below them, their parents' listings."""
    if not caching():
        purge_everything()  # nothing is being cached: forget any copy from before, without a query
        return
    translations = list(page.get_translations(inclusive=True))
    parents = [parent for parent in (t.get_parent() for t in translations) if parent and not parent.is_root()]
    purge_paths(
        subtrees={page_path(t) for t in translations} - {None},
        exact={page_path(parent) for parent in parents} - {None},
    )
    purge_frontend_cache([*translations, *parents])


def purge_frontend_cache(pages):
    """Purge the same pages from a CDN, when ``WAGTAILFRONTENDCACHE`` configures one (README)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.purge()


# Signal handlers, connected in CmsConfig.ready().


def purge_published_page(sender, instance, **kwargs):
    """page_published and page_unpublished."""
    purge_page(instance)


def purge_renamed_page(sender, instance, instance_before=None, **kwargs):
    """page_slug_changed: the old URLs of the page and of every page under it."""
    purge_page(instance)
    old_path = page_path(instance_before) if caching() and instance_before is not None else None
    purge_paths(subtrees=[old_path] if old_path else [])


def purge_moved_page(sender, instance, **kwargs):
    """post_page_move: every URL under the old place changed; moves are rare, so purge all."""
    purge_everything()


def purge_regions(sender, **kwargs):
    """Region and RegionNumber saved or deleted: every care card shows the region's numbers."""
    purge_everything()
