"""The innovation listing (paginated) and one page per innovation, with its related innovations."""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

from ...catalog import Catalog
from ...images import CatalogPictures
from ...records import Innovation
from .. import structured
from ..options import SiteOptions
from ..spec import Derived, PageSpec
from ..urls import Urls
from .listing import listing_pages
from .profile import innovation_profile, official_order, profile_regions, stale_before
from .refs import listing_refs, refs
from .status import state_links

# Related innovations shown per group (same region, same sector): a page never grows with the catalog.
RELATED = 4


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    everything = list(catalog.innovations.values())
    yield from listing_pages(urls.innovations(), everything, options.page_size, "Semua inovasi",
                             "etalase/innovations.html", {"states": state_links(catalog, urls)},
                             f"Daftar {len(everything)} inovasi daerah, urut abjad.",
                             listing_refs(catalog, pictures))
    yield from innovation_pages(catalog, urls, options, pictures, everything)


def innovation_pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures,
                     innovations: Iterable[Innovation]) -> Iterator[PageSpec]:
    """The page of each of `innovations`, records of `catalog`."""
    related = Related(catalog)
    before = stale_before(options.today)
    for innovation in innovations:
        region = catalog.regions.get(innovation.region)
        sectors = [catalog.sectors[s] for s in dict.fromkeys(innovation.sectors) if s in catalog.sectors]
        awards = catalog.awards_by_innovation.get(innovation.id, [])
        related_sector = related.in_sector(innovation, sectors[0].id) if sectors else []
        profile = innovation_profile(catalog, urls, innovation, before)
        province = catalog.province_of(region) if region else None
        shown = pictures.of(innovation)
        yield PageSpec(
            url=urls.innovation(innovation),
            title=innovation.title,
            template="etalase/innovation.html",
            context={
                "innovation": innovation,
                "region": region,
                "province": province,
                "sectors": sectors,
                "awards": awards,
                "related_region": related.in_region(innovation),
                "related_sector": related_sector,
                "profile": profile,
                "refs": refs(catalog, editions=[a.edition for a in awards],
                             regions=[i.region for i in related_sector] + profile_regions(innovation, profile)),
                "pictures": {picture.image: picture for picture in shown},
                # the link preview's picture: the first, at its largest
                "preview_image": shown[0].src.url if shown else None,
                "preview_image_alt": shown[0].alt if shown else None,
                "structured_data": Derived(structured.innovation, (innovation, region, province,
                                                                   [s.label for s in sectors], awards,
                                                                   [p.src.url for p in shown], urls)),
            },
            files=pictures.files_of(innovation),
            markdown=Derived(official_order, (innovation.body,)),
            description=innovation.summary,
        )


class Related:
    """Neighbours of an innovation in the catalog's title-sorted region and sector indexes.

    Each index position is recorded once (linear in the catalog), so finding a page's related
    innovations reads a few list entries instead of scanning every record.
    """

    def __init__(self, catalog: Catalog):
        self.regions = Neighbours(catalog.innovations_by_region)
        self.sectors = Neighbours(catalog.innovations_by_sector)

    def in_region(self, innovation: Innovation) -> list[Innovation]:
        return self.regions.around(innovation.region, innovation, lambda other: other is innovation)

    def in_sector(self, innovation: Innovation, sector: str) -> list[Innovation]:
        # Other regions only (the region's own have their group); a wider window leaves room to skip them.
        return self.sectors.around(sector, innovation, lambda other: other.region == innovation.region, spread=3)


class Neighbours:
    def __init__(self, index: dict[str, list[Innovation]]):
        self.index = index
        self.position = {(key, i.id): n for key, items in index.items() for n, i in enumerate(items)}

    def around(self, key: str, innovation: Innovation, skip: Callable[[Innovation], bool], spread: int = 1) -> list[Innovation]:
        position = self.position.get((key, innovation.id))
        if position is None:
            return []
        window = self.index[key][max(0, position - spread * RELATED): position + spread * RELATED + 1]
        return [other for other in window if not skip(other)][:RELATED]
