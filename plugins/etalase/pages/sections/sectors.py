"""Sectors (urusan pemerintahan) with their counts → one page per sector."""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from ...catalog import Catalog
from ...images import CatalogPictures
from ...labels import LABELS
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from .listing import listing_pages
from .refs import listing_refs

# Regions most active in a sector, shown on its page.
TOP_REGIONS = 10


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    count = {sector: len(catalog.innovations_by_sector.get(sector, [])) for sector in catalog.sectors}
    # Groups in the order of UU 23/2014; sectors within a group in the order of content/sectors.yml.
    groups = [
        (group, label, [(s, count[s.id]) for s in catalog.sectors.values() if s.group == group])
        for group, label in LABELS["group"].items()
    ]
    yield PageSpec(
        url=urls.sectors(),
        title="Urusan pemerintahan",
        template="etalase/sectors.html",
        context={"groups": [g for g in groups if g[2]], "active_sectors": sum(1 for n in count.values() if n),
                 "total": len(catalog.innovations)},
        description="Inovasi daerah menurut urusan pemerintahan (UU 23/2014).",
    )
    for sector in catalog.sectors.values():
        items = catalog.innovations_by_sector.get(sector.id, [])
        regions = Counter(innovation.region for innovation in items)
        top = [(catalog.regions[code].name, urls.region(catalog.regions[code]), n)
               for code, n in sorted(regions.items(), key=lambda x: (-x[1], x[0])) if code in catalog.regions][:TOP_REGIONS]
        context = {"sector": sector, "top_regions": top, "region_count": len(regions)}
        yield from listing_pages(urls.sector(sector), items, options.page_size, sector.label, "etalase/sector.html",
                                 context, f"{len(items)} inovasi daerah pada urusan {sector.label}.",
                                 listing_refs(catalog, pictures))
