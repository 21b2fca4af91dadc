"""The search page: a form over the Pagefind index, with filters, for visitors with JavaScript."""

from __future__ import annotations

from typing import Iterator

from ...catalog import Catalog
from ...images import CatalogPictures
from ..options import SiteOptions
from ..search import BROWSE_TERM, FILTERS, facet_counts
from ..spec import PageSpec
from ..urls import Urls


def pages(catalog: Catalog, urls: Urls, options: SiteOptions, pictures: CatalogPictures) -> Iterator[PageSpec]:
    yield PageSpec(
        url=urls.search(),
        title="Cari",
        template="etalase/search.html",
        context={"filters": FILTERS, "facets": facet_counts(catalog), "browse_term": BROWSE_TERM,
                 "empty": not catalog.innovations},
        description="Cari inovasi daerah menurut kata kunci, provinsi, urusan, tahun, jenis, tahapan dan penghargaan.",
    )
