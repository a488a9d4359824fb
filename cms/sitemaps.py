"""``sitemap.xml``: Django's sitemap framework over Wagtail's sitemap, for every language tree.

``/sitemap.xml`` is a sitemap index; each of its sitemaps (``/sitemap-pages.xml?p=N``)
holds up to 50,000 URLs, as search engines allow. Every live, public page in every
language is an entry, and lists its other published languages as alternates (``hreflang``)
with ``x-default`` pointing at the source language. Each sitemap costs a fixed number of
queries: the language versions of a sitemap's pages are read at once (cms.reading).
"""

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from . import reading


class PageSitemap(Sitemap):
    """Wagtail's sitemap over every language's tree (Wagtail's own covers the site's root
    page only, one language here), with the alternates Django's template shows."""

    def items(self):
        pages = Page.objects.live().public().filter(depth__gt=1)
        return pages.order_by("path").select_related("locale").defer_streamfields().specific(defer=True)

    def get_latest_lastmod(self):
        return self.items().aggregate(latest=Max("last_published_at"))["latest"]

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        versions = reading.versions_by_key({page.translation_key for page in pages}, self.request)
        urls = []
        for item in pages:
            alternates = alternate_links(versions.get(item.translation_key, []))
            for url_info in item.get_sitemap_urls(self.request):
                if url_info.get("location"):  # a page under no site has no URL
                    urls.append({**url_info, "alternates": alternates})
        modified = [url["lastmod"] for url in urls]
        if modified and None not in modified:
            self.latest_lastmod = max(modified)
        return urls


def alternate_links(versions):
    """(hreflang, URL) links of a page's languages for Django's sitemap template; none for one language."""
    if len(versions) < 2:
        return []
    links = [{"lang_code": version.hreflang, "location": version.full_url} for version in versions]
    default = reading.default_version(versions)
    if default is not None:
        links.append({"lang_code": "x-default", "location": default.full_url})
    return links


SITEMAPS = {"pages": PageSitemap}
