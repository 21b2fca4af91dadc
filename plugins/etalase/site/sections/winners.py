"""`/pemenang/`: every winner by year and program, and the regions ranked by their awards."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Iterator

from ...catalog import Award, Catalog
from ...records import Edition, Program, Region
from ..config import EtalaseConfig
from ..pages import PageSpec
from ..urls import Urls
from .awards import winner_groups


@dataclass(frozen=True)
class Rank:
    """One place of the ranking: every region with this number of awards (ties share the place)."""

    rank: int
    awards: int
    regions: list[Region]


def pages(catalog: Catalog, urls: Urls, config: EtalaseConfig) -> Iterator[PageSpec]:
    # Editions of a program folder without program.yml are reported by the loader and left out.
    editions = [e for e in catalog.editions.values() if e.program in catalog.programs]
    by_year: dict[int, list[Edition]] = defaultdict(list)
    for edition in sorted(editions, key=lambda e: (-e.year, catalog.programs[e.program].name.casefold())):
        by_year[edition.year].append(edition)
    per_program: list[tuple[Program, list[Edition]]] = [
        (program, catalog.editions_by_program[program.id])
        for program in sorted(catalog.programs.values(), key=lambda p: p.name.casefold())
        if catalog.editions_by_program.get(program.id)
    ]
    cities, provinces = [], []
    for code, awards in catalog.awards_by_region.items():
        region = catalog.regions.get(code)
        if region is not None and awards:
            (provinces if region.is_province else cities).append((region, award_count(awards)))
    yield PageSpec(
        url=urls.winners(),
        title="Pemenang",
        template="etalase/winners.html",
        context={
            "total": sum(len(e.winners) for e in editions),
            "edition_count": len(editions),
            "years": [(year, [(e, winner_groups(e)) for e in items]) for year, items in by_year.items()],
            "per_program": per_program,
            "city_ranking": rank(cities),
            "city_count": len(cities),
            "province_ranking": rank(provinces),
        },
        description="Semua pemenang penghargaan inovasi daerah menurut tahun dan program, dan peringkat daerah.",
    )


def award_count(awards: list[Award]) -> int:
    """Winner entries, not recipients: one title shared by two innovations of a region counts once."""
    return len({id(award.winner) for award in awards})


def rank(counts: list[tuple[Region, int]]) -> list[Rank]:
    """Standard competition ranking (1, 2, 2, 4): ties share a rank and are listed alphabetically."""
    ordered = sorted(counts, key=lambda item: (-item[1], item[0].name.casefold()))
    places: list[Rank] = []
    for position, (region, count) in enumerate(ordered, start=1):
        if places and places[-1].awards == count:
            places[-1].regions.append(region)
        else:
            places.append(Rank(position, count, [region]))
    return places
