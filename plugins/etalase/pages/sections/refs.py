"""The records a page's templates look up by id (an innovation's region, an award's program...).

A page gets only the records it shows, never the whole catalog: its context then holds everything
its HTML depends on, so the digest of that context (digest.py) tells whether the page can change.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from ...catalog import Catalog
from ...images import CatalogPictures, Variant
from ...records import Edition, Innovation, Program, Recipient, Region, Sector


@dataclass(frozen=True)
class Refs:
    """Templates read `refs.regions.get(code)` and the like; a record missing from the catalog (left
    out of a preview build) is missing here too."""

    regions: dict[str, Region] = field(default_factory=dict)
    sectors: dict[str, Sector] = field(default_factory=dict)
    programs: dict[str, Program] = field(default_factory=dict)
    innovations: dict[str, Innovation] = field(default_factory=dict)


def refs(catalog: Catalog, *, listed: Iterable[Innovation] = (), recipients: Iterable[Recipient] = (),
         editions: Iterable[Edition] = (), regions: Iterable[str] = ()) -> Refs:
    """What a page needs to show `listed` innovations (their region and sectors), award `recipients`
    (an innovation with its region, or a region), `editions` (their program) and `regions` (codes)."""
    found = Refs()
    codes = list(regions)
    for innovation in listed:
        codes.append(innovation.region)
        for sector in innovation.sectors:
            if sector in catalog.sectors:
                found.sectors[sector] = catalog.sectors[sector]
    for recipient in recipients:
        if recipient.innovation:
            recipient_innovation = catalog.innovations.get(recipient.innovation)
            if recipient_innovation is not None:
                found.innovations[recipient_innovation.id] = recipient_innovation
                codes.append(recipient_innovation.region)
        elif recipient.region:
            codes.append(recipient.region)
    for edition in editions:
        if edition.program in catalog.programs:
            found.programs[edition.program] = catalog.programs[edition.program]
    for code in codes:
        if code in catalog.regions:
            found.regions[code] = catalog.regions[code]
    return found


def listing_refs(catalog: Catalog, pictures: CatalogPictures,
                 **more: Iterable[Any]) -> Callable[[list[Innovation]], dict[str, Refs | dict[str, Variant]]]:
    """`extra` of an innovation listing (listing_pages): each page's refs for its entries, and `more`
    (lists: read again for every page), and the cards (first pictures) of the entries that have one."""
    return lambda entries: {"refs": refs(catalog, listed=entries, **more),
                            "cards": {i.id: card for i in entries if (card := pictures.card(i))}}
