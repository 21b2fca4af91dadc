"""What the site model needs to know of the site's configuration, and nothing of MkDocs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class SiteOptions:
    # The day the site is built for: whether an award stage is over (see builddate.py).
    today: dt.date
    # How many entries a paginated listing shows per page.
    page_size: int = 60
    # The published address (mkdocs.yml site_url), None in local builds: downloads then use site-relative links.
    site_url: Optional[str] = None
    # URL prefixes of the generated sections.
    innovations_prefix: str = "inovasi"
    regions_prefix: str = "daerah"
    sectors_prefix: str = "urusan"
    years_prefix: str = "tahun"
    awards_prefix: str = "penghargaan"
    winners_prefix: str = "pemenang"
    search_prefix: str = "cari"
    data_prefix: str = "data"
    index_prefix: str = "indeks"
    guide_prefix: str = "panduan"  # the editor's guide (content/panduan/); its data questions page is generated
