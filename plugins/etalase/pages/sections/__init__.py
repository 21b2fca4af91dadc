"""Each section module yields the generated pages of one part of the site."""

from __future__ import annotations

from typing import Callable, Iterator, Optional

from ...catalog import Catalog
from ...images import CatalogPictures, catalog_pictures
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from . import awards, data, home, innovations, regions, search, sectors, winners, years

Section = Callable[[Catalog, Urls, SiteOptions, CatalogPictures], Iterator[PageSpec]]
SECTIONS: list[Section] = [home.pages, innovations.pages, regions.pages, sectors.pages, years.pages, awards.pages,
                           winners.pages, search.pages, data.pages]


def page_specs(catalog: Catalog, urls: Urls, options: SiteOptions,
               pictures: Optional[CatalogPictures] = None) -> dict[str, PageSpec]:
    """Every generated page of the site, by the src_uri of its virtual Markdown file. `pictures` are the
    catalog's images, resized once whichever pages show them (none if not given)."""
    pictures = pictures or catalog_pictures()
    return {spec.src_uri: spec for section in SECTIONS for spec in section(catalog, urls, options, pictures)}
