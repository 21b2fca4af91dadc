"""The Indeks Inovasi Daerah: `/indeks/` (the years) and `/indeks/<year>/` (the regions ranked by
score, ties sharing a rank as on `/pemenang/peringkat/`; regions known only by predicate below)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterator, Optional

from ...catalog import Catalog
from ...images import CatalogPictures
from ...labels import LABELS
from ...records import IndexScore, Region
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from .listing import listing_pages
from .winners import rank

PREDICATES = list(LABELS["predicate"])  # best first


@dataclass(frozen=True)
class IndexRow:
    rank: Optional[int]  # None for a region known only by its predicate
    region: Region
    score: Optional[float]
    predicate: str


def ranked(catalog: Catalog, scores: list[IndexScore]) -> list[IndexRow]:
    known = [(catalog.regions[s.region], s) for s in scores if s.region in catalog.regions]
    by_code = {region.code: score for region, score in known}
    # Ranked in hundredths, as the index publishes its scores: equal scores tie exactly.
    places = rank([(region, round(score.score * 100)) for region, score in known if score.score is not None])
    rows = [IndexRow(p.rank, p.region, by_code[p.region.code].score, by_code[p.region.code].predicate)
            for p in places]
    unscored = sorted(((r, s) for r, s in known if s.score is None),
                      key=lambda item: (PREDICATES.index(item[1].predicate), item[0].name.casefold()))
    return rows + [IndexRow(None, region, None, score.predicate) for region, score in unscored]


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    years = sorted(catalog.indexes, reverse=True)
    overview = []
    for year in years:
        counts = Counter[str](score.predicate for score in catalog.indexes[year].scores)
        overview.append({"year": year, "index": catalog.indexes[year], "regions": sum(counts.values()),
                         "predicates": [(p, counts[p]) for p in PREDICATES]})
    yield PageSpec(url=urls.index_years(), title="Indeks Inovasi Daerah", template="etalase/index-years.html",
                   context={"years": overview, "predicates": PREDICATES},
                   description="Nilai dan predikat Indeks Inovasi Daerah (Kemendagri) setiap daerah, per tahun.")
    for position, year in enumerate(years):
        index = catalog.indexes[year]
        context = {"year": year, "index": index,
                   "newer": years[position - 1] if position > 0 else None,
                   "older": years[position + 1] if position + 1 < len(years) else None}
        yield from listing_pages(urls.index_year(year), ranked(catalog, index.scores), options.page_size, index.name,
                                 "etalase/index-year.html", context,
                                 f"Peringkat daerah menurut {index.name}: nilai dan predikat setiap daerah.")
