"""Each section module yields the generated pages of one part of the site."""

from __future__ import annotations

from typing import Callable, Iterator

from ...catalog import Catalog
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from . import awards, data, home, innovations, regions, search, sectors, winners, years

Section = Callable[[Catalog, Urls, SiteOptions], Iterator[PageSpec]]
SECTIONS: list[Section] = [home.pages, innovations.pages, regions.pages, sectors.pages, years.pages, awards.pages,
                           winners.pages, search.pages, data.pages]


def page_specs(catalog: Catalog, urls: Urls, options: SiteOptions) -> dict[str, PageSpec]:
    """Every generated page of the site, by the src_uri of its virtual Markdown file."""
    return {spec.src_uri: spec for section in SECTIONS for spec in section(catalog, urls, options)}
