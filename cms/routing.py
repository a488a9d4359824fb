"""Finding the page a URL names, in one query for the whole path.

Wagtail's ``Page.route`` walks down the tree one level at a time: for each slug of the path,
one query for the child and one more for its specific page, so an article two levels below
a home page costs four queries before anything is rendered. The pages of a path are also
the pages whose ``url_path`` is each prefix of it, which one query reads at once.

Routing stays Wagtail's wherever a page could route differently: when a page on the way
has its own ``route`` (a ``RoutablePageMixin`` page, say), or the path names no page, the
walk is handed to ``Page.route`` as it is, which also raises the 404.
"""

from wagtail.models import Page


class PathRoutingMixin:
    """For the root page of a tree (a home page): route its descendants by their URL path."""

    def route(self, request, path_components):
        chain = self._pages_on_path(path_components) if path_components else None
        if chain is None:
            return super().route(request, path_components)
        *ancestors, leaf = chain
        parent = self
        # get_parent() costs no query, as after Page.route; the ancestors are plain Page objects
        # here (Page.route leaves specific ones), enough for a title and a URL.
        for page in ancestors:
            page._cached_parent_obj = parent
            parent = page
        leaf = leaf.specific_class._default_manager.select_related("locale").get(pk=leaf.pk)
        leaf._cached_parent_obj = parent
        return leaf.route(request, [])

    def _pages_on_path(self, path_components):
        """The pages below this one named by each slug of the path, top down; None if any is
        missing or could route its own descendants differently."""
        paths = [self.url_path + "/".join(path_components[: i + 1]) + "/" for i in range(len(path_components))]
        # The slugs are implied by the URL paths, but they are indexed (the URL paths are not).
        below = Page.objects.filter(path__startswith=self.path, depth__gt=self.depth, slug__in=set(path_components))
        pages = list(below.filter(url_path__in=paths).order_by("depth"))
        if len(pages) != len(paths):
            return None
        parent = self
        for page, url_path in zip(pages, paths, strict=True):
            if page.url_path != url_path or not page.is_child_of(parent):
                return None
            parent = page
        # The last page is asked to route the empty path, as Page.route asks it; the others must
        # not route their descendants their own way.
        if pages[-1].specific_class is None or not all(_routes_like_a_page(page) for page in pages[:-1]):
            return None
        return pages


def _routes_like_a_page(page):
    model = page.specific_class
    return model is not None and model.route in (Page.route, PathRoutingMixin.route)
