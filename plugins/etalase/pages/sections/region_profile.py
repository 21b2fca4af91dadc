"""What a region's page adds: its standing in the innovation index over the years, the predicates
of a province's cities in the latest year, and replication in both directions (bounded lists)."""

from __future__ import annotations

from typing import Any, Optional

from ...catalog import Catalog
from ...records import Innovation, Region

# Replications listed on a region's page, each way; the count says how many there are in all.
REPLICATIONS_SHOWN = 10
# The trend chart: bars of this height (SVG user units) for a score of 100, this wide and apart.
# Entries are records (their digest is taken once per build, see digest.py); the template draws them.
CHART_HEIGHT, BAR_WIDTH, BAR_GAP = 100, 28, 12


def index_trend(catalog: Catalog, region: Region) -> dict[str, Any]:
    """Each year's entry of the region (year, IndexScore), oldest first, and the chart's measures."""
    entries = catalog.index_by_region.get(region.code, [])
    return {"entries": entries, "scored": any(s.score is not None for _, s in entries),
            "chart": {"height": CHART_HEIGHT, "bar": BAR_WIDTH, "step": BAR_WIDTH + BAR_GAP,
                      "width": max(1, len(entries)) * (BAR_WIDTH + BAR_GAP)}}


def province_predicates(catalog: Catalog, province: Region) -> Optional[dict[str, Any]]:
    """The latest year's (region, IndexScore) of a province's cities and regencies that the index names."""
    if not catalog.indexes:
        return None
    year = max(catalog.indexes)
    scores = {s.region: s for s in catalog.indexes[year].scores}
    rows = [(r, scores[r.code]) for r in catalog.regions_by_province.get(province.code, []) if r.code in scores]
    return {"year": year, "rows": rows} if rows else None


def replication(catalog: Catalog, region: Region, own: list[Innovation]) -> dict[str, Any]:
    """Innovations elsewhere copying this region's, and this region's copying others'."""
    elsewhere = catalog.replications_of_region.get(region.code, [])
    copying = [i for i in own if i.replicates is not None]
    rows = []
    for innovation, source in ((i, i.replicates) for i in copying[:REPLICATIONS_SHOWN] if i.replicates):
        original = catalog.innovations.get(source.innovation) if source.innovation else None
        origin = original.region if original else source.region
        rows.append({"innovation": innovation, "original": original,
                     "name": original.title if original else source.name or source.innovation,
                     "region": catalog.regions.get(origin) if origin else None})
    return {"elsewhere": elsewhere[:REPLICATIONS_SHOWN], "elsewhere_count": len(elsewhere),
            "copying": rows, "copying_count": len(copying),
            "regions": [i.region for i in elsewhere[:REPLICATIONS_SHOWN]]}
