"""Regions: provinces with their counts → a province with all its cities/regencies → a region's profile.

Every province has a page; a city or regency has one only when it has content (`Catalog.profiled`),
and its row in the province's table is then a link.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable, Iterator

from ... import charts, geo
from ...catalog import Catalog
from ...images import CatalogPictures
from ...records import Region
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from .listing import listing_pages
from .refs import listing_refs
from .region_profile import index_trend, province_predicates, replication

# Regions with the most innovations, shown above the provinces table.
TOP_REGIONS = 6


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    def row(region: Region) -> dict[str, Any]:
        return {
            "region": region,
            "innovations": len(catalog.innovations_by_region.get(region.code, [])),
            "awards": len(catalog.awards_by_region.get(region.code, [])),
            "children": len(catalog.regions_by_province.get(region.code, [])),
            "linked": region.code in catalog.profiled,
        }

    provinces = [row(province) for province in catalog.provinces]
    cities = [row(region) for region in catalog.regions.values() if not region.is_province]
    top = sorted((r for r in cities if r["innovations"]), key=lambda r: (-r["innovations"], r["region"].name))
    yield PageSpec(
        url=urls.regions(),
        title="Daerah",
        template="etalase/regions.html",
        context={"provinces": provinces,
                 "top_regions": [{**r, "province": catalog.province_of(r["region"])} for r in top[:TOP_REGIONS]],
                 "active_regions": len(top), "total": len(catalog.innovations),
                 "maps": charts.map_views(provinces, urls.region)},
        description="Inovasi daerah menurut provinsi, kota dan kabupaten.",
    )
    for region in catalog.regions.values():
        if region.code in catalog.profiled:
            yield from _region_pages(catalog, urls, options, pictures, region, row)


def _region_pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures, region: Region,
                  row: Callable[[Region], dict[str, Any]]) -> Iterator[PageSpec]:
    everything = catalog.innovations_by_region.get(region.code, [])
    # A province's index also holds its cities' innovations; its page lists the cities with their
    # counts and, below, the innovations of the provincial government itself.
    own = [i for i in everything if i.region == region.code] if region.is_province else everything
    awards = catalog.awards_by_region.get(region.code, [])
    # The same holds for awards: the province's timeline shows the province's own, so its page
    # does not carry every award of every city (the cities' counts are in the table).
    shown = [a for a in awards if catalog.recipient_region(a.recipient) == region.code] if region.is_province else awards
    sectors = Counter(sector for innovation in everything for sector in dict.fromkeys(innovation.sectors))
    copies = replication(catalog, region, own)
    context = {
        "index_trend": index_trend(catalog, region),
        "province_index": province_predicates(catalog, region) if region.is_province else None,
        "replication": copies,
        "region": region,
        "province": catalog.province_of(region),
        "children": [row(child) for child in catalog.regions_by_province.get(region.code, [])],
        "awards": shown,
        "award_count": len(awards),
        "awards_chart": charts.region_chart(shown),
        "locator": geo.locator(region.code if region.is_province else region.province_code),
        "innovation_count": len(everything),
        "sectors": [(catalog.sectors[s].label, urls.sector(catalog.sectors[s]), n)
                    for s, n in sorted(sectors.items(), key=lambda x: (-x[1], x[0])) if s in catalog.sectors],
    }
    yield from listing_pages(urls.region(region), own, options.page_size, region.name, "etalase/region.html", context,
                             f"Profil inovasi {region.name}: {len(everything)} inovasi dan penghargaannya.",
                             listing_refs(catalog, pictures, recipients=[a.recipient for a in shown],
                                          editions=[a.edition for a in shown], regions=copies["regions"]))
