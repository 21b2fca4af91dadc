"""Each section module yields the generated pages of one part of the site."""

from __future__ import annotations

from typing import Callable, Iterator, Optional

from ...catalog import Catalog
from ...images import CatalogPictures, catalog_pictures
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from . import (
    awards,
    data,
    home,
    innovation_index,
    innovations,
    profile,
    questions,
    regions,
    search,
    sectors,
    status,
    winners,
    years,
)

Section = Callable[[Catalog, Urls, SiteOptions, CatalogPictures], Iterator[PageSpec]]
SECTIONS: list[Section] = [home.pages, innovations.pages, regions.pages, sectors.pages, years.pages, awards.pages,
                           winners.pages, search.pages, data.pages, profile.pages, status.pages, innovation_index.pages,
                           questions.pages]


class SameAddress(ValueError):
    """Two generated pages at one address: one would silently replace the other. The message is for editors."""


def page_specs(catalog: Catalog, urls: Urls, options: SiteOptions,
               pictures: Optional[CatalogPictures] = None) -> dict[str, PageSpec]:
    """Every generated page of the site, by the src_uri of its virtual Markdown file; raises
    SameAddress when two of them have one (validation refuses what would cause it: rules.py).
    `pictures` are the catalog's images, resized once whichever pages show them (none if not given)."""
    pictures = pictures or catalog_pictures()
    specs: dict[str, PageSpec] = {}
    clashes: list[str] = []
    for section in SECTIONS:
        for spec in section(catalog, urls, options, pictures):
            if spec.src_uri in specs:
                clashes.append(f"/{spec.url} ({specs[spec.src_uri].title} dan {spec.title})")
            specs[spec.src_uri] = spec
    if clashes:
        raise SameAddress("Beberapa halaman mendapat alamat yang sama; ganti nama berkas atau folder datanya: "
                          + "; ".join(clashes))
    return specs
