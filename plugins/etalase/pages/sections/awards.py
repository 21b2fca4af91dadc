"""Award programs and their editions: `/penghargaan/`, `/penghargaan/<program>/`, `/penghargaan/<program>/<year>/`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterator, Optional

from ... import charts
from ...catalog import Catalog
from ...images import CatalogPictures
from ...labels import LABELS
from ...records import Category, Edition, Program, Stage, Winner
from .. import structured
from ..options import SiteOptions
from ..spec import Derived, PageSpec
from ..urls import Urls
from .refs import refs

LEVELS = list(LABELS["level"])  # national programs first, then provincial, then city/regency ones

# Where a stage stands, for the timeline: shown as a word and styled by its key.
DONE, SCHEDULED, UNDATED = "selesai", "dijadwalkan", "belum-dijadwalkan"


@dataclass(frozen=True)
class StageView:
    stage: Stage
    status: str


@dataclass(frozen=True)
class WinnerGroup:
    """The winners of one category (or of no category), in rank order."""

    category: Optional[Category]
    winners: list[Winner]


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    programs = sorted(catalog.programs.values(), key=lambda p: (LEVELS.index(p.level), p.name.casefold()))
    yield PageSpec(
        url=urls.programs(),
        title="Penghargaan",
        template="etalase/programs.html",
        context={
            "programs": programs,
            "award_count": len(catalog.awards),
            "editions_by_program": {p.id: catalog.editions_by_program.get(p.id, []) for p in programs},
            "levels": [(level, group) for level in LEVELS if (group := [p for p in programs if p.level == level])],
        },
        description="Program penghargaan inovasi daerah: penyelenggara, tingkat, edisi dan pemenangnya.",
    )
    for program in programs:
        editions = catalog.editions_by_program.get(program.id, [])
        logo = pictures.logo(program)
        yield PageSpec(
            url=urls.program(program),
            title=program.name,
            template="etalase/program.html",
            context={"program": program, "editions": editions, "chart": charts.program_chart(editions),
                     "structured_data": Derived(structured.program, (program, editions, urls)),
                     "logo": logo, "preview_image": logo.src.url if logo else None,
                     "region": catalog.regions.get(program.region) if program.region else None},
            description=program.description or f"{program.name}: edisi dan pemenangnya.",
            files=pictures.files([logo] if logo else []),
        )
        for index, edition in enumerate(editions):
            yield edition_page(program, edition, editions, index, options.today, urls, catalog)


def edition_page(program: Program, edition: Edition, editions: list[Edition], index: int, today: dt.date,
                 urls: Urls, catalog: Catalog) -> PageSpec:
    stages = stage_views(edition, today)
    organizer = edition.organizer or program.organizer
    done = [view for view in stages if view.status == DONE]
    upcoming = [view for view in stages if view.status != DONE]
    return PageSpec(
        url=urls.edition(edition),
        title=edition.title,
        template="etalase/edition.html",
        context={
            "program": program,
            "edition": edition,
            "organizer": organizer,
            "structured_data": Derived(structured.edition, (edition, program, organizer, urls)),
            "stages": stages,
            "current_stage": done[-1] if done else None,
            "next_stage": upcoming[0] if upcoming else None,
            "groups": winner_groups(edition),
            # editions are newest first: the one before in the list is the next year's
            "newer": editions[index - 1] if index > 0 else None,
            "older": editions[index + 1] if index + 1 < len(editions) else None,
            "refs": refs(catalog, recipients=[r for winner in edition.winners for r in winner.recipients]),
        },
        description=edition.description or f"{edition.title}: tahapan, kategori dan pemenang.",
    )


def stage_views(edition: Edition, today: dt.date) -> list[StageView]:
    """Each stage with where it stands.

    Once winners are announced every stage is over. Before that, a stage is over when it, or any
    stage after it, took place on or before the build date (an undated registration followed by a
    dated selection has happened); a later dated stage is scheduled, an undated one not yet dated.
    """
    last_done = -1
    if edition.announced:
        last_done = len(edition.stages) - 1
    else:
        for index, stage in enumerate(edition.stages):
            if stage.date is not None and stage.date <= today:
                last_done = index
    views = []
    for index, stage in enumerate(edition.stages):
        if index <= last_done:
            status = DONE
        else:
            status = SCHEDULED if stage.date is not None else UNDATED
        views.append(StageView(stage, status))
    return views


def winner_groups(edition: Edition) -> list[WinnerGroup]:
    """Winners per category in the edition's category order, ranked ones by rank, others as written."""
    by_category: dict[Optional[str], list[Winner]] = {category.id: [] for category in edition.categories}
    for winner in edition.winners:
        key = winner.category if winner.category in by_category else None
        by_category.setdefault(key, []).append(winner)
    categories = {category.id: category for category in edition.categories}
    groups = []
    for key, winners in by_category.items():
        if winners:
            ordered = sorted(winners, key=lambda w: (w.rank is None, w.rank or 0))
            groups.append(WinnerGroup(categories.get(key) if key else None, ordered))
    return groups
