"""Where each generated page lives: one place that knows every URL of the site."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..export import FEED_FILE
from ..records import Edition, Innovation, Program, Region, Sector
from .options import SiteOptions


@dataclass(frozen=True)
class Urls:
    """Site-relative URLs with a trailing slash; templates pass them through MkDocs' `url` filter."""

    options: SiteOptions

    @property
    def site_url(self) -> Optional[str]:
        return self.options.site_url

    def home(self) -> str:
        return ""

    def innovations(self) -> str:
        return f"{self.options.innovations_prefix}/"

    def innovations_by_state(self, state: str) -> str:
        """The innovations of one status (aktif, berhenti)."""
        return f"{self.options.innovations_prefix}/keadaan/{state}/"

    def innovation(self, innovation: Innovation) -> str:
        return f"{self.options.innovations_prefix}/{innovation.id}/"

    def replications(self, innovation: Innovation) -> str:
        """Every innovation that copies `innovation`, paginated."""
        return f"{self.innovation(innovation)}replikasi/"

    def index_years(self) -> str:
        return f"{self.options.index_prefix}/"

    def index_year(self, year: int) -> str:
        return f"{self.options.index_prefix}/{year}/"

    def guide(self) -> str:
        return f"{self.options.guide_prefix}/"

    def data_questions(self) -> str:
        """The guide's page of open data questions (statuses to confirm again)."""
        return f"{self.guide()}pertanyaan-data/"

    def regions(self) -> str:
        return f"{self.options.regions_prefix}/"

    def region(self, region: Region) -> str:
        return f"{self.options.regions_prefix}/{region.slug}/"

    def sectors(self) -> str:
        return f"{self.options.sectors_prefix}/"

    def sector(self, sector: Sector) -> str:
        return f"{self.options.sectors_prefix}/{sector.id}/"

    def years(self) -> str:
        return f"{self.options.years_prefix}/"

    def year(self, year: int) -> str:
        return f"{self.options.years_prefix}/{year}/"

    def programs(self) -> str:
        return f"{self.options.awards_prefix}/"

    def program(self, program: Program | str) -> str:
        return f"{self.options.awards_prefix}/{program if isinstance(program, str) else program.id}/"

    def edition(self, edition: Edition) -> str:
        return f"{self.options.awards_prefix}/{edition.program}/{edition.year}/"

    def winners(self) -> str:
        return f"{self.options.winners_prefix}/"

    def winners_year(self, year: int) -> str:
        return f"{self.options.winners_prefix}/{year}/"

    def winners_ranking(self) -> str:
        return f"{self.options.winners_prefix}/peringkat/"

    def search(self) -> str:
        return f"{self.options.search_prefix}/"

    def data(self) -> str:
        return f"{self.options.data_prefix}/"

    def data_file(self, name: str) -> str:
        """A download of the data page, e.g. `data/inovasi.csv` (a file, so no trailing slash)."""
        return f"{self.data()}{name}"

    def feed(self) -> str:
        """The Atom feed of the latest awards, one of the data page's downloads."""
        return self.data_file(FEED_FILE)

    @staticmethod
    def editor() -> str:
        """The browser editor (site/admin.py): its own files, at a fixed address."""
        return "admin/"

    def absolute(self, url: str) -> str:
        """The full address for files read outside the site (CSV, JSON, feeds); site-relative without site_url."""
        return f"{self.site_url.rstrip('/')}/{url}" if self.site_url else url

    @staticmethod
    def paged(base: str, number: int) -> str:
        """Page `number` of a paginated listing: `daerah/kota-batu/` → `daerah/kota-batu/halaman/2/`
        (page 1 keeps the base URL)."""
        return base if number == 1 else f"{base}halaman/{number}/"

    @staticmethod
    def src_uri(url: str) -> str:
        """The virtual Markdown file behind a URL: `inovasi/x/` → `inovasi/x/index.md`."""
        return f"{url}index.md"

