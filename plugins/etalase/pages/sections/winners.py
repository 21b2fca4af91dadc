"""`/pemenang/`: winner counts and the top of the region ranking; every winner on the pages of its
year (`/pemenang/<year>/`) and the full ranking on `/pemenang/peringkat/`, both paginated, so no
page grows with the whole catalog."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby
from typing import Iterator, Optional

from ... import charts
from ...catalog import Award, Catalog
from ...images import CatalogPictures
from ...records import Category, Edition, Program, Region, Winner
from ..options import SiteOptions
from ..spec import PageSpec
from ..urls import Urls
from .awards import winner_groups
from .listing import listing_pages
from .refs import refs

# Regions of the ranking shown on `/pemenang/` itself; the rest are on the paginated full ranking.
TOP_REGIONS = 10


@dataclass(frozen=True)
class Place:
    """One region of the ranking; regions with the same number of awards share the rank."""

    rank: int
    awards: int
    region: Region


@dataclass(frozen=True)
class WinnerRow:
    """One winner entry of a year's listing, with what a page needs to head it."""

    edition: Edition
    category: Optional[Category]
    winner: Winner
    position: int  # within the edition's winners, from 0


@dataclass(frozen=True)
class EditionBlock:
    """The rows of one edition on one page of a year (an edition may run over two pages)."""

    edition: Edition
    rows: list[WinnerRow]
    continued: bool  # the edition's first rows are on the previous page


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
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
    cities: list[tuple[Region, int]] = []
    provinces: list[tuple[Region, int]] = []
    for code, awards in catalog.awards_by_region.items():
        region = catalog.regions.get(code)
        if region is not None and awards:
            (provinces if region.is_province else cities).append((region, award_count(awards)))
    city_ranking = rank(cities)
    yield PageSpec(
        url=urls.winners(),
        title="Pemenang",
        template="etalase/winners.html",
        context={
            "total": sum(len(e.winners) for e in editions),
            "edition_count": len(editions),
            "years": [(year, items, sum(len(e.winners) for e in items)) for year, items in by_year.items()],
            "per_program": per_program,
            "city_top": city_ranking[:TOP_REGIONS],
            "city_count": len(cities),
            # at most one row per province: bounded by the country, not the catalog
            "province_ranking": rank(provinces),
            "chart": charts.winners_chart(editions, catalog.programs),
        },
        description="Jumlah pemenang penghargaan inovasi daerah menurut tahun dan program, dan peringkat daerah.",
    )
    yield from listing_pages(
        urls.winners_ranking(), city_ranking, options.page_size, "Peringkat kota dan kabupaten",
        "etalase/winners-ranking.html", {"city_count": len(cities)},
        "Kota dan kabupaten menurut jumlah penghargaan inovasi daerah yang diterima.",
    )
    years = list(by_year)
    for position, (year, items) in enumerate(by_year.items()):
        rows = [row for edition in items for row in edition_rows(edition)]
        context = {
            "year": year,
            "editions": items,
            "total": len(rows),
            # Years run newest first: the neighbours for "previous/next year" links.
            "newer": years[position - 1] if position > 0 else None,
            "older": years[position + 1] if position + 1 < len(years) else None,
        }
        yield from listing_pages(
            urls.winners_year(year), rows, options.page_size, f"Pemenang {year}", "etalase/winners-year.html", context,
            f"Semua pemenang penghargaan inovasi daerah tahun {year}, menurut program.",
            lambda entries: {"blocks": blocks(entries),
                             "refs": refs(catalog, recipients=[r for row in entries for r in row.winner.recipients])},
        )


def edition_rows(edition: Edition) -> list[WinnerRow]:
    """An edition's winners in the order of its page: by category, then by rank."""
    ordered = [(group.category, winner) for group in winner_groups(edition) for winner in group.winners]
    return [WinnerRow(edition, category, winner, position) for position, (category, winner) in enumerate(ordered)]


def blocks(rows: list[WinnerRow]) -> list[EditionBlock]:
    """A page's rows grouped by edition (the rows of an edition are consecutive)."""
    grouped = (list(items) for _, items in groupby(rows, key=lambda row: id(row.edition)))
    return [EditionBlock(items[0].edition, items, continued=items[0].position > 0) for items in grouped]


def award_count(awards: list[Award]) -> int:
    """Winner entries, not recipients: one title shared by two innovations of a region counts once."""
    return len({id(award.winner) for award in awards})


def rank(counts: list[tuple[Region, int]]) -> list[Place]:
    """Standard competition ranking (1, 2, 2, 4): ties share a rank and are listed alphabetically."""
    ordered = sorted(counts, key=lambda item: (-item[1], item[0].name.casefold()))
    places: list[Place] = []
    for position, (region, count) in enumerate(ordered, start=1):
        shared = places and places[-1].awards == count
        places.append(Place(places[-1].rank if shared else position, count, region))
    return places
