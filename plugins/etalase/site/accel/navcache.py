"""Material's navigation (sidebar and tabs), rendered once per place in the site instead of once per page.

Material renders the whole navigation into every page, a large part of a generated page's build. For a
page outside the navigation (every innovation, region, sector... page) nothing in it is active,
so its HTML depends only on its links, which are relative to the page. Sibling pages (the same
parent folder: the innovations of one region, the region pages) get the same relative link to
anything outside their own folders, and neither the navigation (its links are in the key) nor
the theme's files live inside a generated page's folder: siblings share one rendering. Pages in
the navigation are rendered as usual. The cache lives in the Jinja environment, which MkDocs
makes anew for each build.

As for the header search box (site/search_index.py), Material's base template is wrapped at known points;
a theme update that moves them fails the build instead of silently skipping the cache.
"""

from __future__ import annotations

import posixpath
from typing import Any, Iterator

import jinja2
from mkdocs.utils import normalize_url

from .. import themepatch

BASE = "base.html"
CACHED = {"nav": '{% include "partials/nav.html" %}', "tabs": '{% include "partials/tabs.html" %}'}
GLOBAL = "etalase_nav_cache"


def install(env: jinja2.Environment) -> None:
    rendered: dict[tuple, str] = {}

    @jinja2.pass_context
    def cached(context: jinja2.runtime.Context, name: str, caller) -> str:
        page, nav = context.get("page"), context.get("nav")
        if page is None or nav is None or any(page.file.src_uri == p.file.src_uri for p in nav.pages):
            return caller()
        parent = posixpath.dirname(page.url.rstrip("/"))
        key = (name, parent, tuple(normalize_url(url, page) for url in _urls(nav.items)))
        if key not in rendered:
            rendered[key] = caller()
        return rendered[key]

    env.globals[GLOBAL] = cached
    for name, include in CACHED.items():
        wrapped = f'{{% call {GLOBAL}("{name}") %}}{include}{{% endcall %}}'
        themepatch.patch(env, BASE, include, wrapped, "navigasi tidak dapat di-cache")


def _urls(items: list[Any]) -> Iterator[str]:
    """Every link of the navigation (pages and external links, inside sections too)."""
    for item in items:
        if getattr(item, "url", None) is not None:
            yield item.url
        yield from _urls(getattr(item, "children", None) or [])
