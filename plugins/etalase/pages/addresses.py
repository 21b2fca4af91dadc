"""The addresses the generated pages may take, so that validation refuses a content page at one.

A content page at a generated page's address would be replaced by it, silently (or the build would
stop on it, long after `validate` said all was well). Every URL comes from `Urls`; which records
have a page is taken broadly (a page for every record and every possible year, every page number
of every listing), because building every page's spec to know exactly costs more than the whole
validation of a large catalog: an address reserved here is never one an editor needs.
"""

from __future__ import annotations

import posixpath
from typing import Iterator, Optional

from ..catalog import Catalog
from ..labels import LABELS
from ..records.common import FIRST_YEAR, last_year
from .urls import Urls

# Pages of content/ that MkDocs makes the index of their folder.
_INDEX_NAMES = ("index.md", "README.md")


def page_url(rel: str) -> str:
    """The address of a Markdown page of the docs folder (`panduan/x.md` → `panduan/x/`,
    `panduan/index.md` → `panduan/`), as MkDocs gives it with use_directory_urls."""
    folder, name = posixpath.split(rel)
    if name in _INDEX_NAMES:
        return f"{folder}/" if folder else ""
    return f"{posixpath.splitext(rel)[0]}/"


class Addresses:
    """Which generated page an address belongs to, named for an editor."""

    def __init__(self, catalog: Catalog, urls: Urls):
        self.pages = dict(_addresses(catalog, urls))

    def owner(self, url: str) -> Optional[str]:
        if url in self.pages:
            return self.pages[url]
        # A listing's later pages (`inovasi/halaman/2/`), whatever the listing's length: the last
        # two segments of the address, a word and a number, on the address of a generated page.
        parts = url.split("/")
        if len(parts) >= 3 and parts[-2].isdigit():
            base = "/".join(parts[:-3]) + "/" if len(parts) > 3 else ""
            number = int(parts[-2])
            if base in self.pages and number > 1 and Urls.paged(base, number) == url:
                return f"halaman {number} dari {self.pages[base]}"
        return None


def _addresses(catalog: Catalog, urls: Urls) -> Iterator[tuple[str, str]]:
    yield urls.home(), "beranda"
    yield urls.innovations(), "daftar inovasi"
    for state, label in LABELS["state"].items():
        yield urls.innovations_by_state(state), f"daftar inovasi {label.lower()}"
    yield urls.regions(), "daftar daerah"
    yield urls.sectors(), "daftar urusan"
    yield urls.years(), "daftar tahun"
    yield urls.programs(), "daftar penghargaan"
    yield urls.winners(), "daftar pemenang"
    yield urls.winners_ranking(), "peringkat pemenang"
    yield urls.index_years(), "Indeks Inovasi Daerah"
    yield urls.search(), "pencarian"
    yield urls.data(), "unduhan data"
    yield urls.data_questions(), "pertanyaan data terbuka"
    yield urls.editor(), "penyunting di peramban"
    for year in range(FIRST_YEAR, last_year() + 1):
        yield urls.year(year), f"inovasi tahun {year}"
        yield urls.winners_year(year), f"pemenang tahun {year}"
        yield urls.index_year(year), f"Indeks Inovasi Daerah {year}"
    for region in catalog.regions.values():
        yield urls.region(region), f"profil daerah {region.name}"
    for sector in catalog.sectors.values():
        yield urls.sector(sector), f"urusan {sector.label}"
    for program in catalog.programs.values():
        yield urls.program(program), f"penghargaan {program.name}"
    for edition in catalog.editions.values():
        yield urls.edition(edition), f"penghargaan {edition.title}"
    for innovation in catalog.innovations.values():
        yield urls.innovation(innovation), f"profil inovasi {innovation.title}, dari {innovation.path}"
        yield urls.replications(innovation), f"replikasi inovasi {innovation.title}"
