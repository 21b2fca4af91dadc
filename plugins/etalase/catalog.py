"""The in-memory catalog: every record, indexed the ways the site and the rules look them up.

Built once per build in one pass over the records, so every page can find what it needs in
constant time instead of scanning all records.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property
from typing import Optional

from .loader import Content
from .records import Edition, IndexScore, Innovation, InnovationIndex, Program, Recipient, Region, Sector, Stage, Winner
from .records.award import CEREMONY_KINDS
from .regionnames import RegionNames


@dataclass(frozen=True)
class Award:
    """One recipient of one winner entry of one edition: the unit of every award listing."""

    edition: Edition
    winner: Winner
    recipient: Recipient

    @property
    def date(self) -> Optional[dt.date]:
        ceremony = self.edition.ceremony
        return ceremony.date if ceremony else None

    @property
    def ceremony(self) -> Optional[Stage]:
        """Where the award was handed over (its place, presenter), even when the source gives no date."""
        return self.edition.ceremony or next((s for s in self.edition.stages if s.kind in CEREMONY_KINDS), None)

    @property
    def sort_key(self) -> tuple[int, str, int]:
        """Newest first, then by program and rank."""
        date = self.date or dt.date(self.edition.year, 12, 31)
        return (-date.toordinal(), self.edition.program, self.winner.rank or 999)


class Catalog:
    def __init__(self, content: Content):
        self.regions: dict[str, Region] = {}
        for region in content.regions:
            self.regions.setdefault(region.code, region)
        self.sectors: dict[str, Sector] = {}
        for sector in content.sectors:
            self.sectors.setdefault(sector.id, sector)
        self.programs: dict[str, Program] = {p.id: p for p in content.programs}
        self.innovations: dict[str, Innovation] = {i.id: i for i in sorted(content.innovations, key=_title_key)}
        self.editions: dict[tuple[str, int], Edition] = {
            (e.program, e.year): e for e in sorted(content.editions, key=lambda e: (e.program, -e.year))
        }

        self.regions_by_province: dict[str, list[Region]] = defaultdict(list)
        for region in sorted(self.regions.values(), key=lambda r: (r.kind != "kota", r.name)):
            if not region.is_province:
                self.regions_by_province[region.province_code].append(region)

        self.innovations_by_region: dict[str, list[Innovation]] = defaultdict(list)
        self.innovations_by_sector: dict[str, list[Innovation]] = defaultdict(list)
        self.innovations_by_year: dict[int, list[Innovation]] = defaultdict(list)
        for innovation in self.innovations.values():
            self.innovations_by_region[innovation.region].append(innovation)
            province = innovation.region.split(".")[0]
            if province != innovation.region:
                self.innovations_by_region[province].append(innovation)
            for sector_id in dict.fromkeys(innovation.sectors):
                self.innovations_by_sector[sector_id].append(innovation)
            if innovation.launched_year:
                self.innovations_by_year[innovation.launched_year].append(innovation)

        # Who copied what: the original's id → its replications; a region's code → the innovations
        # elsewhere that copy one of its own (in the catalog or not), each in title order.
        self.replications: dict[str, list[Innovation]] = defaultdict(list)
        self.replications_of_region: dict[str, list[Innovation]] = defaultdict(list)
        for innovation in self.innovations.values():
            source = innovation.replicates
            if source is None:
                continue
            original = self.innovations.get(source.innovation) if source.innovation else None
            if original is not None:
                self.replications[original.id].append(innovation)
            origin = original.region if original is not None else source.region
            if origin is not None and origin != innovation.region:
                self.replications_of_region[origin].append(innovation)

        self.indexes: dict[int, InnovationIndex] = {i.year: i for i in sorted(content.indexes, key=lambda i: i.year)}
        # A region's standing in every year's index, oldest first.
        self.index_by_region: dict[str, list[tuple[int, IndexScore]]] = defaultdict(list)
        for year, index in self.indexes.items():
            for score in index.scores:
                self.index_by_region[score.region].append((year, score))

        self.editions_by_program: dict[str, list[Edition]] = defaultdict(list)
        self.awards: list[Award] = []
        for edition in self.editions.values():
            self.editions_by_program[edition.program].append(edition)
            for winner in edition.winners:
                self.awards.extend(Award(edition, winner, recipient) for recipient in winner.recipients)
        self.awards.sort(key=lambda a: a.sort_key)

        self.awards_by_innovation: dict[str, list[Award]] = defaultdict(list)
        self.awards_by_region: dict[str, list[Award]] = defaultdict(list)
        self.awards_by_year: dict[int, list[Award]] = defaultdict(list)
        for award in self.awards:
            self.awards_by_year[award.edition.year].append(award)
            code = self.recipient_region(award.recipient)
            if award.recipient.innovation:
                self.awards_by_innovation[award.recipient.innovation].append(award)
            if code:
                self.awards_by_region[code].append(award)
                if "." in code:
                    self.awards_by_region[code.split(".")[0]].append(award)

    def recipient_region(self, recipient: Recipient) -> Optional[str]:
        """The region code an award counts for: the recipient's own, or its innovation's."""
        if recipient.innovation:
            innovation = self.innovations.get(recipient.innovation)
            return innovation.region if innovation else None
        return recipient.region

    @cached_property
    def profiled(self) -> set[str]:
        """Codes of the regions that get a page: every province, and each city/regency with an
        innovation, an award or an award program of its own (so pages grow with content, not with
        the 514 cities and regencies of the list)."""
        codes = {code for code, region in self.regions.items() if region.is_province}
        codes.update(self.innovations_by_region, self.awards_by_region)
        codes.update(program.region for program in self.programs.values() if program.region)
        return codes & self.regions.keys()

    @cached_property
    def region_names(self) -> RegionNames:
        """Typed region names and codes → codes (built on first use: `validate` never types a name)."""
        return RegionNames(self.regions.values())

    def province_of(self, region: Region) -> Optional[Region]:
        return None if region.is_province else self.regions.get(region.province_code)

    @property
    def provinces(self) -> list[Region]:
        return sorted((r for r in self.regions.values() if r.is_province), key=lambda r: r.name)


def _title_key(innovation: Innovation) -> tuple[str, str]:
    return (innovation.title.casefold(), innovation.id)
