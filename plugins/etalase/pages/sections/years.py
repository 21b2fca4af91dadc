"""Years: innovations launched, and awards given, in a year."""

from __future__ import annotations

from typing import Iterator

from ...catalog import Catalog
from ...images import CatalogPictures
from ...records import Edition
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from .listing import listing_pages
from .refs import listing_refs


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    years = sorted(set(catalog.innovations_by_year) | set(catalog.awards_by_year), reverse=True)
    editions_by_year: dict[int, list[Edition]] = {}
    for edition in catalog.editions.values():
        editions_by_year.setdefault(edition.year, []).append(edition)
    rows = [(year, len(catalog.innovations_by_year.get(year, [])), len(catalog.awards_by_year.get(year, [])))
            for year in years]
    undated = len(catalog.innovations) - sum(launched for _, launched, _ in rows)
    yield PageSpec(
        url=urls.years(),
        title="Tahun",
        template="etalase/years.html",
        context={"rows": rows, "undated": undated},
        description="Inovasi daerah menurut tahun peluncuran, dan penghargaan menurut tahun.",
    )
    for position, year in enumerate(years):
        items = catalog.innovations_by_year.get(year, [])
        context = {
            "year": year,
            "editions": editions_by_year.get(year, []),
            # Years run newest first: the neighbours for "previous/next year" links.
            "newer": years[position - 1] if position > 0 else None,
            "older": years[position + 1] if position + 1 < len(years) else None,
        }
        yield from listing_pages(urls.year(year), items, options.page_size, f"Tahun {year}", "etalase/year.html", context,
                                 f"Inovasi daerah yang diluncurkan pada {year} dan penghargaan tahun {year}.",
                                 listing_refs(catalog, pictures))
