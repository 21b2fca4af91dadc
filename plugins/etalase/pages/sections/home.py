"""The home page: the site's figures, latest awards, highlights."""

from __future__ import annotations

from typing import Iterator

from ... import charts
from ...catalog import Catalog
from ...images import CatalogPictures
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from .refs import refs

LATEST_AWARDS = 8
HIGHLIGHTS = 6
TOP_SECTORS = 8


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    # Regions that appear on the site: those with innovations, and award recipients without one.
    regions = {innovation.region for innovation in catalog.innovations.values()}
    regions.update(award.recipient.region for award in catalog.awards if award.recipient.region)
    # Highlights: the most awarded innovations (ties by title, the catalog's order).
    awarded = sorted(
        (innovation for innovation in catalog.innovations.values() if catalog.awards_by_innovation.get(innovation.id)),
        key=lambda innovation: -len(catalog.awards_by_innovation[innovation.id]),
    )
    highlights = awarded[:HIGHLIGHTS]
    latest_awards = catalog.awards[:LATEST_AWARDS]
    sectors = sorted(
        ((catalog.sectors[s].label, urls.sector(catalog.sectors[s]), len(items))
         for s, items in catalog.innovations_by_sector.items() if s in catalog.sectors),
        key=lambda chip: (-chip[2], chip[0]),
    )
    yield PageSpec(
        url=urls.home(),
        title="Beranda",
        template="etalase/home.html",
        context={
            "figures": {
                "innovations": len(catalog.innovations),
                "regions": len(regions),
                "sectors": len(sectors),
                "awards": len(catalog.awards),
                "programs": len(catalog.programs),
            },
            "latest_awards": latest_awards,
            "highlights": highlights,
            "award_counts": {i.id: len(catalog.awards_by_innovation[i.id]) for i in highlights},
            "cards": {i.id: card for i in highlights if (card := pictures.card(i))},
            "top_sectors": sectors[:TOP_SECTORS],
            "years": [(str(year), urls.year(year), None) for year in sorted(catalog.innovations_by_year, reverse=True)],
            "maps": charts.map_views(charts.province_rows(catalog), urls.region),
            "charts": charts.home_charts(catalog, urls.sector),
            "refs": refs(catalog, recipients=[a.recipient for a in latest_awards], regions=[i.region for i in highlights]),
        },
        description="Etalase inovasi pemerintah daerah: inovasi, daerah, urusan dan penghargaannya.",
    )
