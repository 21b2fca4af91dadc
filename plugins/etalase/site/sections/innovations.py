"""The innovation listing (paginated) and one page per innovation."""

from __future__ import annotations

from typing import Iterator

from ...catalog import Catalog
from ..config import EtalaseConfig
from ..pages import PageSpec, chunks
from ..urls import Urls


def pages(catalog: Catalog, urls: Urls, config: EtalaseConfig) -> Iterator[PageSpec]:
    everything = list(catalog.innovations.values())
    listing = chunks(everything, config.page_size)
    for number, items in enumerate(listing, start=1):
        yield PageSpec(
            url=urls.innovations(number),
            title="Semua inovasi" if number == 1 else f"Semua inovasi, halaman {number}",
            template="etalase/innovations.html",
            context={"items": items, "page_number": number, "page_count": len(listing), "total": len(everything)},
        )
    for innovation in everything:
        yield PageSpec(
            url=urls.innovation(innovation),
            title=innovation.title,
            template="etalase/innovation.html",
            context={"innovation": innovation, "region": catalog.regions.get(innovation.region)},
            markdown=innovation.body,
            description=innovation.summary,
        )
