"""The official profile on an innovation's page: status (and whether it needs confirming again),
budget, the narrative's sections in the official order, who it copies and who copies it."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Iterator

from ...catalog import Catalog
from ...charts import SpreadMap, spread_map
from ...images import CatalogPictures
from ...labels import number_id
from ...records import Innovation, Region
from ...records.innovation import NARRATIVE_SECTIONS, sections_named
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from .listing import listing_pages
from .refs import listing_refs

# Replications shown on the original's page; the rest are on its paginated list (urls.replications).
REPLICATIONS_SHOWN = 10
# A status confirmed longer ago than this before the build date is marked "perlu diperbarui".
STALE_AFTER_YEARS = 2
_SECTION_START = re.compile(r"^## ", re.M)


def stale_before(today: dt.date) -> dt.date:
    """Statuses confirmed before this day need confirming again."""
    try:
        return today.replace(year=today.year - STALE_AFTER_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year - STALE_AFTER_YEARS, day=28)


def is_stale(innovation: Innovation, before: dt.date) -> bool:
    return innovation.status is not None and innovation.status.confirmed < before


def official_order(body: str) -> str:
    """The narrative with its `## ` sections in the profile's order (rancang bangun, tujuan, manfaat,
    hasil), others after them in the order written; the text before the first heading stays first."""
    starts = [m.start() for m in _SECTION_START.finditer(body)]
    if len(starts) < 2:
        return body
    head = body[:starts[0]]
    sections = [body[a:b] for a, b in zip(starts, starts[1:] + [len(body)], strict=True)]

    def rank(section: str) -> int:
        named = sections_named(section.split("\n", 1)[0].casefold())
        return NARRATIVE_SECTIONS.index(named[0]) if named else len(NARRATIVE_SECTIONS)

    ordered = sorted(sections, key=rank)
    reordered = head + "".join(s if s.endswith("\n") else s + "\n\n" for s in ordered[:-1]) + ordered[-1]
    return body if reordered == body else reordered  # the record's own string: no second copy of the narrative


def innovation_profile(catalog: Catalog, urls: Urls, innovation: Innovation, before: dt.date) -> dict[str, Any]:
    """What an innovation's page adds for its profile."""
    source = innovation.replicates
    replications = catalog.replications.get(innovation.id, [])
    return {
        "stale": is_stale(innovation, before),
        "budget_text": f"Rp{number_id(innovation.budget.amount)}" if innovation.budget else None,
        "original": catalog.innovations.get(source.innovation) if source and source.innovation else None,
        "replications": replications[:REPLICATIONS_SHOWN],
        "replication_count": len(replications),
        "replications_url": urls.replications(innovation) if len(replications) > REPLICATIONS_SHOWN else None,
        "spread": _spread(catalog, urls, innovation, replications) if replications else None,
    }


def _spread(catalog: Catalog, urls: Urls, original: Innovation, replications: list[Innovation]) -> SpreadMap:
    """The provinces of the original and of every replication (not only those listed), on a map."""
    def province(code: str) -> Region | None:
        region = catalog.regions.get(code)
        return region if region is None or region.is_province else catalog.province_of(region)

    copies = [p for p in map(province, (r.region for r in replications)) if p is not None]
    return spread_map(province(original.region), copies, urls.region)


def profile_regions(innovation: Innovation, profile: dict[str, Any]) -> list[str]:
    """The region codes the profile's part of the page names (its refs must hold them)."""
    source, original = innovation.replicates, profile["original"]
    origin = original.region if original else source.region if source else None
    return [i.region for i in profile["replications"]] + ([origin] if origin else [])


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    """The full, paginated list of every much-copied innovation's replications."""
    for original_id, replications in catalog.replications.items():
        if len(replications) <= REPLICATIONS_SHOWN:
            continue
        original = catalog.innovations[original_id]
        yield from listing_pages(
            urls.replications(original), replications, options.page_size, f"Replikasi {original.title}",
            "etalase/replications.html", {"original": original, "region": catalog.regions.get(original.region)},
            f"{len(replications)} inovasi daerah lain yang mereplikasi {original.title}.", listing_refs(catalog, pictures))
