"""Where each generated page lives: one place that knows every URL of the site."""

from __future__ import annotations

from typing import Optional

from ..records import Edition, Innovation, Program, Region, Sector
from ..site.config import EtalaseConfig


class Urls:
    """Site-relative URLs with a trailing slash; templates pass them through MkDocs' `url` filter."""

    def __init__(self, config: EtalaseConfig, site_url: Optional[str] = None):
        self.config = config
        self.site_url = site_url  # the published address (mkdocs.yml site_url), unset in local builds

    def home(self) -> str:
        return ""

    def innovations(self, page: int = 1) -> str:
        return self._paged(self.config.innovations_prefix, page)

    def innovation(self, innovation: Innovation) -> str:
        return f"{self.config.innovations_prefix}/{innovation.id}/"

    def regions(self) -> str:
        return f"{self.config.regions_prefix}/"

    def region(self, region: Region) -> str:
        return f"{self.config.regions_prefix}/{region.slug}/"

    def sectors(self) -> str:
        return f"{self.config.sectors_prefix}/"

    def sector(self, sector: Sector) -> str:
        return f"{self.config.sectors_prefix}/{sector.id}/"

    def years(self) -> str:
        return f"{self.config.years_prefix}/"

    def year(self, year: int) -> str:
        return f"{self.config.years_prefix}/{year}/"

    def programs(self) -> str:
        return f"{self.config.awards_prefix}/"

    def program(self, program: Program | str) -> str:
        return f"{self.config.awards_prefix}/{program if isinstance(program, str) else program.id}/"

    def edition(self, edition: Edition) -> str:
        return f"{self.config.awards_prefix}/{edition.program}/{edition.year}/"

    def winners(self) -> str:
        return f"{self.config.winners_prefix}/"

    def winners_year(self, year: int) -> str:
        return f"{self.config.winners_prefix}/{year}/"

    def winners_ranking(self) -> str:
        return f"{self.config.winners_prefix}/peringkat/"

    def search(self) -> str:
        return f"{self.config.search_prefix}/"

    def data(self) -> str:
        return f"{self.config.data_prefix}/"

    def data_file(self, name: str) -> str:
        """A download of the data page, e.g. `data/inovasi.csv` (a file, so no trailing slash)."""
        return f"{self.data()}{name}"

    def absolute(self, url: str) -> str:
        """The full address for files read outside the site (CSV, JSON, feeds); site-relative without site_url."""
        return f"{self.site_url.rstrip('/')}/{url}" if self.site_url else url

    @staticmethod
    def _paged(prefix: str, page: int) -> str:
        return f"{prefix}/" if page == 1 else f"{prefix}/halaman/{page}/"

    @staticmethod
    def src_uri(url: str) -> str:
        """The virtual Markdown file behind a URL: `inovasi/x/` → `inovasi/x/index.md`."""
        return f"{url}index.md"

