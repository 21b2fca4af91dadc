"""The theme's frame (navigation, tabs, header, stylesheets, scripts, footer), rendered once per place in
the site instead of once per page.

Material renders its whole frame into every page, a large part of a generated page's build. For a
page outside the navigation (every innovation, region, sector... page) nothing in the frame is
active and it has no previous or next page, so the frame's parts below depend only on the site's
configuration and on links relative to the page, except the page's title, description, table of
contents and content, which are left out of them. Sibling pages (the same parent folder: the
innovations of one region, the region pages) get the same relative link to anything outside their
own folders, and neither the navigation (its links are in the key) nor the theme's files live inside
a generated page's folder: siblings of one template share one rendering of each part. Pages in the
navigation are rendered as usual. The cache lives in the Jinja environment, which MkDocs makes anew
for each build.

As for the header search box (site/search_index.py), Material's templates are wrapped at known points;
a theme update that moves them fails the build instead of silently skipping the cache.
"""

from __future__ import annotations

import posixpath
from typing import Any, Iterator, Optional

import jinja2
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from .. import themepatch

BASE, HEADER = "base.html", "partials/header.html"
# The parts cached: template, name, and the text from `start` to `end` (the first after `start`) in it.
PARTS = [
    (BASE, "styles", "<link rel=\"stylesheet\" href=\"{{ 'assets/stylesheets/main.", '{% include "partials/icons.html" %}'),
    (BASE, "head", "{% for path in config.extra_css %}", '{% include "partials/javascripts/base.html" %}'),
    (HEADER, "header", '<header class="{{ class }}"', 'data-md-component="header-topic">'),
    (HEADER, "header-end", "{% if config.theme.palette %}", "</header>"),
    (BASE, "tabs", '{% include "partials/tabs.html" %}', '{% include "partials/tabs.html" %}'),
    (BASE, "nav", '{% include "partials/nav.html" %}', '{% include "partials/nav.html" %}'),
    (BASE, "content-scripts", '{% include "partials/javascripts/content.html" %}',
     '{% include "partials/javascripts/content.html" %}'),
    (BASE, "top", '{% include "partials/top.html" %}', '{% include "partials/top.html" %}'),
    (BASE, "footer", '{% include "partials/footer.html" %}', '{% include "partials/footer.html" %}'),
    (BASE, "config", "{% set _ = namespace() %}", "</script>"),
    (BASE, "scripts", "<script src=\"{{ 'assets/javascripts/bundle.", "{% endfor %}"),
]
GLOBAL = "etalase_frame_cache"


def install(env: jinja2.Environment) -> None:
    rendered: dict[tuple, str] = {}
    places = _Places()

    @jinja2.pass_context
    def cached(context: jinja2.runtime.Context, name: str, caller) -> str:
        place = places.of(context.get("page"), context.get("nav"))
        if place is None:
            return caller()
        key = (name, place)
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]

    env.globals[GLOBAL] = cached
    for template, name, start, end in PARTS:
        themepatch.wrap(env, template, start, end, f'{{% call {GLOBAL}("{name}") %}}', "{% endcall %}",
                        "kerangka halaman tidak dapat di-cache")


class _Places:
    """Where a page is, as far as the frame's parts can tell: its template, its parent folder and the
    navigation's links as seen from it; None for a page of the navigation. Asked several times per
    page: the last answer is kept."""

    def __init__(self) -> None:
        self.page: Optional[Page] = None
        self.place: Optional[tuple] = None
        self.nav: Optional[Navigation] = None
        self.in_nav: set[str] = set()
        self.urls: list[str] = []

    def of(self, page: Optional[Page], nav: Optional[Navigation]) -> Optional[tuple]:
        if page is None or nav is None:
            return None
        if page is not self.page:
            if nav is not self.nav:
                self.nav, self.in_nav = nav, {p.file.src_uri for p in nav.pages}
                self.urls = list(_urls(nav.items))
            self.page = page
            self.place = None if page.file.src_uri in self.in_nav else (
                page.meta.get("template", "main.html"), posixpath.dirname(page.url.rstrip("/")),
                tuple(normalize_url(url, page) for url in self.urls))
        return self.place


def _urls(items: list[Any]) -> Iterator[str]:
    """Every link of the navigation (pages and external links, inside sections too)."""
    for item in items:
        if getattr(item, "url", None) is not None:
            yield item.url
        yield from _urls(getattr(item, "children", None) or [])
